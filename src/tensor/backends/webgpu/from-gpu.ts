// The backend on a given Gpu object: `navigator.gpu` in a browser (no Node API involved).
import type { Gpu } from './gpu-types.js';
import { MedbertError } from '../../../errors.js';
import { requestDevice, type DeviceRequest } from './device.js';
import { WebGpuBackend } from './webgpu-backend.js';

/**
 * `gpu` is typed loosely on purpose: the DOM's WebGPU types brand their handle types, so navigator.gpu does not
 * match the structural slice in gpu-types.ts, though it provides every member used.
 */
export async function createWebGpuBackendFromGpu(gpu: object, request: DeviceRequest = {}): Promise<WebGpuBackend> {
  const got = await requestDevice(gpu as Gpu, request);
  if (got === null) throw new MedbertError('no WebGPU adapter found: navigator.gpu offered none');
  return new WebGpuBackend(got.device, got.info);
}
