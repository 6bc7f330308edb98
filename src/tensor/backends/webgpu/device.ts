// From a Gpu (navigator.gpu in browsers, Dawn's in Node) to a device with the limits the kernels need. Limits
// default to WebGPU's minimums unless requested, so the ones that matter are asked for at the adapter's values.
import type { Gpu, GpuDevice } from './gpu-types.js';
import { MedbertError } from '../../../errors.js';
import { ATTENTION_WG } from './kernels/attention.js';
import { WG } from './kernels/kernel.js';
import type { WebGpuDeviceInfo } from './webgpu-backend.js';

/** Limits requested at the adapter's value: bigger tensors per binding, all storage bindings a kernel uses. */
const REQUESTED_LIMITS = [
  'maxStorageBufferBindingSize', 'maxBufferSize', 'maxStorageBuffersPerShaderStage', 'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX', 'maxComputeWorkgroupSizeY', 'maxComputeWorkgroupStorageSize', 'minStorageBufferOffsetAlignment',
] as const;

/** What the kernels need at least: 256-thread workgroups, 6 storage buffers per dispatch, 16 KiB of shared memory. */
const NEEDED: Partial<Record<(typeof REQUESTED_LIMITS)[number], number>> = {
  maxComputeInvocationsPerWorkgroup: Math.max(WG, ATTENTION_WG),
  maxComputeWorkgroupSizeX: WG,
  maxStorageBuffersPerShaderStage: 6,
  maxComputeWorkgroupStorageSize: 16384,
};

export interface DeviceRequest {
  /** 'compatibility' admits OpenGL ES adapters (Mesa's llvmpipe on machines without a Gpu). */
  readonly featureLevel?: 'core' | 'compatibility';
  readonly powerPreference?: 'low-power' | 'high-performance';
  /** GEMM operands in f16 (needs the adapter's 'shader-f16'; an error names the adapter when it lacks it). */
  readonly f16?: boolean;
  /** GPU time per kernel through timestamp queries (needs the adapter's 'timestamp-query'). */
  readonly profile?: boolean;
  /** Reductions through subgroup operations when the adapter offers 'subgroups' and WGSL has subgroup_id (default). */
  readonly subgroups?: boolean;
}

/** The adapter and device, or null when the Gpu offers no adapter. */
export async function requestDevice(gpu: Gpu, request: DeviceRequest = {}):
  Promise<{ device: GpuDevice; info: WebGpuDeviceInfo } | null> {
  const options: { powerPreference: 'low-power' | 'high-performance'; featureLevel?: string } = {
    powerPreference: request.powerPreference ?? 'high-performance' };
  if (request.featureLevel !== undefined) options.featureLevel = request.featureLevel;
  const adapter = await gpu.requestAdapter(options);
  if (adapter === null) return null;
  const requiredLimits: Record<string, number> = {};
  for (const name of REQUESTED_LIMITS) {
    const have = adapter.limits[name];
    const need = NEEDED[name];
    if (need !== undefined && have < need) {
      throw new MedbertError(`webgpu: the adapter allows ${name} = ${have}, the kernels need ${need}`);
    }
    requiredLimits[name] = have;
  }
  const i = adapter.info;
  const described = [i.vendor, i.architecture, i.device, i.description].filter((s) => s !== undefined && s !== '').join(' ');
  const name = described === '' ? 'unknown adapter' : described;
  const f16 = request.f16 === true;
  if (f16 && !adapter.features.has('shader-f16')) {
    throw new MedbertError(`webgpu: f16 GEMM operands were asked for (MEDBERT_WEBGPU_F16=1), but the adapter (${name}) does not `
      + `offer 'shader-f16'; unset MEDBERT_WEBGPU_F16 to compute in fp32`);
  }
  const profile = request.profile === true;
  if (profile && !adapter.features.has('timestamp-query')) {
    throw new MedbertError(`webgpu: a kernel profile was asked for (MEDBERT_WEBGPU_PROFILE=1), but the adapter (${name}) does not offer `
      + `'timestamp-query'`);
  }
  const subgroups = request.subgroups !== false && adapter.features.has('subgroups')
    && gpu.wgslLanguageFeatures?.has('subgroup_id') === true;
  const requiredFeatures = [...(f16 ? ['shader-f16'] : []), ...(profile ? ['timestamp-query'] : []),
    ...(subgroups ? ['subgroups'] : [])];
  const device = await adapter.requestDevice({ label: 'medbert', requiredLimits, requiredFeatures });
  const featureLevel = adapter.featureLevel ?? request.featureLevel ?? 'core';
  return { device, info: { adapter: name, featureLevel, f16, profile, subgroups, requestedLimits: requiredLimits } };
}
