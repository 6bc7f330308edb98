// The WebAssembly backend for Node: picks the relaxed-SIMD build when the runtime has it (setting V8's flag on
// Node 20), else plain SIMD, and starts the worker pool.
//
// Files: wasm-backend.ts (the Backend: buffers, argument checks, dispatch), allocator.ts (offsets in the shared
// memory), thread-pool.ts (dispatch over the main thread and workers), kernel-table.ts (export names),
// node-platform.ts + node-worker.ts (the only Node-specific code), assembly/ (the kernels, AssemblyScript).
import type { Backend } from '../../backend.js';
import { createWasmBackendFromBytes } from './from-bytes.js';
import { defaultThreads, enableRelaxedSimd, loadKernelBytes, spawnNodeWorker } from './node-platform.js';
import { WasmBackend } from './wasm-backend.js';

export { WasmBackend } from './wasm-backend.js';

export interface WasmOptions {
  /** Threads in all, the main thread included (default: MEDBERT_THREADS, else the available cores). */
  readonly threads?: number;
  /** Force a build: 'simd' to test the fallback on a runtime that has relaxed SIMD. */
  readonly build?: 'relaxed-simd' | 'simd';
}

/** A module whose one function returns f32x4.relaxed_madd of three zero vectors: valid only with relaxed SIMD. */
const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x3d, 0x01, 0x3b, 0x00,
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x85, 0x02, 0x0b,
]);

/** Whether this runtime compiles relaxed SIMD (after turning on V8's flag where it is still experimental). */
export function relaxedSimdSupported(): boolean {
  if (WebAssembly.validate(RELAXED_PROBE)) return true;
  try {
    enableRelaxedSimd();
  } catch {
    return false;
  }
  return WebAssembly.validate(RELAXED_PROBE);
}

export async function createWasmBackend(options: WasmOptions = {}): Promise<WasmBackend & Backend> {
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`wasm backend: threads must be a positive integer, got ${threads}`);
  const relaxed = options.build === 'simd' ? false : relaxedSimdSupported();
  if (options.build === 'relaxed-simd' && !relaxed) throw new Error('wasm backend: this runtime has no relaxed SIMD');
  const kernels = loadKernelBytes(relaxed ? 'kernels-relaxed.wasm' : 'kernels-simd.wasm');
  return createWasmBackendFromBytes(kernels, relaxed ? 'wasm-relaxed-simd' : 'wasm-simd', threads, spawnNodeWorker);
}
