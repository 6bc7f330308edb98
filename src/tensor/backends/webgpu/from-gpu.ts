/// <reference types="@webgpu/types" />
// The backend on a given GPU object: `navigator.gpu` in a browser (no Node API involved).
import { MedbertError } from '../../../errors.js';
import { requestDevice, type DeviceRequest } from './device.js';
import { WebGpuBackend } from './webgpu-backend.js';

export async function createWebGpuBackendFromGpu(gpu: GPU, request: DeviceRequest = {}): Promise<WebGpuBackend> {
  const got = await requestDevice(gpu, request);
  if (got === null) throw new MedbertError('no WebGPU adapter found: navigator.gpu offered none');
  return new WebGpuBackend(got.device, got.info);
}
