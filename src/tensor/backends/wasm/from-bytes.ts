// The WebAssembly backend where there is no Node: the page fetches the kernels (kernels-simd.wasm, or
// kernels-relaxed.wasm where relaxed SIMD validates) and hands their bytes here. It runs on the calling thread
// alone (the worker pool is Node's). Its memory is shared, as the kernels are built for threads: a page gets shared
// memory only when it is cross-origin isolated (COOP and COEP headers).
import { instantiate } from './kernel-table.js';
import { WasmBackend } from './wasm-backend.js';

/** The backend over the kernels' bytes; `name` says which build they are ('wasm-simd' or 'wasm-relaxed-simd'). */
export async function createWasmBackendFromBytes(kernels: BufferSource, name = 'wasm-simd'): Promise<WasmBackend> {
  const module = await WebAssembly.compile(kernels);
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
  return WasmBackend.create(name, module, memory, instantiate(module, memory), 1, () => {
    throw new Error('wasm backend: no worker threads here (one thread)');
  });
}
