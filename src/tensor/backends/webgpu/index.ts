// The WebGPU backend. In Node: createWebGpuBackend() (Dawn, from the `webgpu` package). In a browser: import
// from-gpu.js and call createWebGpuBackendFromGpu(navigator.gpu); nothing there touches Node.
//
// Files: webgpu-backend.ts (the Backend: buffers, argument checks, dispatch), recorder.ts (command batches,
// uniforms, pipelines), kernel-profile.ts (GPU time per kernel from timestamp queries), buffer-pool.ts (buffers by
// size class), device.ts (adapter → device with the needed limits and features), node-gpu.ts (the only
// Node-specific code), from-gpu.ts (browsers), kernels/ (WGSL, one module per family of ops).
import { MedbertError } from '../../../errors.js';
import { createNodeDevice, type NodeGpuOptions } from './node-gpu.js';
import { WebGpuBackend, type WebGpuBackendOptions } from './webgpu-backend.js';

export { WebGpuBackend, type WebGpuBackendOptions } from './webgpu-backend.js';
export { createWebGpuBackendFromGpu } from './from-gpu.js';
export type { KernelTime } from './kernel-profile.js';

/** The backend on Node's Dawn; a MedbertError naming why when no adapter is found. */
export async function createWebGpuBackend(options: NodeGpuOptions & WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
  const got = await createNodeDevice(options);
  if (got.device === null) throw new MedbertError(`no WebGPU adapter found: ${got.reason}`);
  return new WebGpuBackend(got.device, got.info, got.release, options);
}

/** The backend, or why there is none (tests skip with the reason). */
export async function tryCreateWebGpuBackend(options: NodeGpuOptions & WebGpuBackendOptions = {}): Promise<WebGpuBackend | string> {
  try {
    return await createWebGpuBackend(options);
  } catch (e) {
    if (e instanceof MedbertError) return e.message;
    throw e;
  }
}
