/** The wasm exports that run as (tid, nt, args) kernels; their index is what the control block carries. */
export const KERNEL_NAMES = [
  'addKernel', 'mulKernel', 'scaleKernel', 'axpyKernel', 'fillKernel', 'copyKernel', 'geluForwardKernel',
  'geluBackwardKernel', 'tanhForwardKernel', 'tanhBackwardKernel', 'dropoutKernel', 'adamwKernel',
  'layerNormForwardKernel', 'layerNormBackwardRows', 'layerNormBackwardParams', 'softmaxForwardKernel',
  'softmaxBackwardKernel', 'crossEntropyLse', 'crossEntropyLoss', 'crossEntropyBackwardKernel', 'sumChunks',
  'sumFinish', 'sumRowsKernel', 'transposeKernel', 'gatherRowsKernel', 'scatterAddRowsKernel', 'gemmPack',
  'gemmCompute', 'attentionForwardKernel', 'attentionBackwardKernel',
] as const;

export type KernelName = (typeof KERNEL_NAMES)[number];

/** A kernel: thread `tid` of `nt` does its share, reading arguments from the f64 slots at byte `args`. */
export type KernelFn = (tid: number, nt: number, args: number) => void;

/** The kernels of one instance, in KERNEL_NAMES order. */
export function kernelTable(instance: WebAssembly.Instance): KernelFn[] {
  return KERNEL_NAMES.map((name) => {
    const fn = instance.exports[name];
    if (typeof fn !== 'function') throw new Error(`wasm backend: the kernel module lacks export '${name}'`);
    return fn as KernelFn;
  });
}

/** Instantiates the kernel module on the shared memory (it imports nothing else). */
export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): WebAssembly.Instance {
  return new WebAssembly.Instance(module, { env: { memory } });
}
