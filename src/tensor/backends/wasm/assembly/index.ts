// Entry of the WebAssembly kernels (compiled twice by scripts/build-wasm.mjs: relaxed SIMD and plain SIMD).
// Every kernel has the shape (tid, nt, args): see common.ts. The host owns all memory above heapBase().
export {
  addKernel, mulKernel, scaleKernel, axpyKernel, fillKernel, copyKernel, geluForwardKernel, geluBackwardKernel,
  tanhForwardKernel, tanhBackwardKernel, dropoutKernel, adamwKernel,
} from './elementwise';
export {
  layerNormForwardKernel, layerNormBackwardRows, layerNormBackwardParams, softmaxForwardKernel,
  softmaxBackwardKernel, crossEntropyLse, crossEntropyLoss, crossEntropyBackwardKernel, sumChunks, sumFinish,
  sumRowsKernel, transposeKernel, gatherRowsKernel, scatterAddRowsKernel,
} from './rows';
export { gemmPack, gemmCompute } from './gemm';
import { MR } from './gemm';
export { attentionForwardKernel, attentionBackwardKernel } from './attention';

/** First byte the host may use: everything below belongs to the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

/** Rows of the GEMM micro-kernel tile (the host sizes packed panels with it). */
export function tileRows(): i32 {
  return MR;
}

/** 1 when compiled with relaxed SIMD. */
export function relaxedSimd(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}
