// The WebGPU backend for Node (Dawn). In a browser, build the backend from navigator.gpu with
// `createWebGpuBackendFromGpu(navigator.gpu)`.
//
// Files: webgpu-backend.ts (the Backend: buffers, argument checks, dispatch), recorder.ts (command batches,
// uniforms, pipelines), buffer-pool.ts (buffers by size class), device.ts (adapter → device with the needed
// limits), node-gpu.ts (the only Node-specific code), kernels/ (WGSL, one module per family).
/// <reference types="@webgpu/types" />
import { MedbertError } from '../../../errors.js';
import { requestDevice, type DeviceRequest } from './device.js';
import { createNodeDevice, type NodeGpuOptions } from './node-gpu.js';
import { WebGpuBackend } from './webgpu-backend.js';

export { WebGpuBackend } from './webgpu-backend.js';

/** The backend on Node's Dawn; a MedbertError naming why when no adapter is found. */
export async function createWebGpuBackend(options: NodeGpuOptions = {}): Promise<WebGpuBackend> {
  const got = await createNodeDevice(options);
  if (got.device === null) throw new MedbertError(`no WebGPU adapter found: ${got.reason}`);
  return new WebGpuBackend(got.device, got.info, got.release);
}

/** The backend on a given GPU (a browser's navigator.gpu). */
export async function createWebGpuBackendFromGpu(gpu: GPU, request: DeviceRequest = {}): Promise<WebGpuBackend> {
  const got = await requestDevice(gpu, request);
  if (got === null) throw new MedbertError('no WebGPU adapter found: navigator.gpu offered none');
  return new WebGpuBackend(got.device, got.info);
}

/** The backend, or why there is none (tests skip with the reason). */
export async function tryCreateWebGpuBackend(options: NodeGpuOptions = {}): Promise<WebGpuBackend | string> {
  try {
    return await createWebGpuBackend(options);
  } catch (e) {
    if (e instanceof MedbertError) return e.message;
    throw e;
  }
}
