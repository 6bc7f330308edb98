// The WebAssembly backend from the kernels' bytes, for Node (wasm/index.ts, which reads them from beside this file
// and starts worker threads) and for pages (which fetch them; one thread, the worker pool being Node's). Its memory
// is shared, as the kernels are built for threads: a page gets shared memory only when it is cross-origin isolated
// (COOP and COEP headers).
import { instantiate } from './kernel-table.js';
import type { SpawnWorker } from './thread-pool.js';
import { WasmBackend } from './wasm-backend.js';

/** No workers: the backend runs on the calling thread alone. */
const NO_WORKERS: SpawnWorker = () => {
  throw new Error('wasm backend: no worker threads here (one thread)');
};

/**
 * The backend over the kernels' bytes; `name` says which build they are ('wasm-simd' or 'wasm-relaxed-simd'); more
 * than one thread needs `spawn` (Node's worker threads).
 */
export async function createWasmBackendFromBytes(kernels: BufferSource, name = 'wasm-simd', threads = 1, spawn: SpawnWorker = NO_WORKERS): Promise<WasmBackend> {
  const module = await WebAssembly.compile(kernels);
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
  return WasmBackend.create(name, module, memory, instantiate(module, memory), threads, spawn);
}
