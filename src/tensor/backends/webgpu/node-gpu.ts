// The only Node-specific code of the WebGPU backend: Dawn through the `webgpu` npm package (an optional
// dependency, loaded on demand). Tries a real Gpu first (Vulkan on Linux), then Mesa's software OpenGL ES
// (llvmpipe) in compatibility mode, which Dawn reaches through EGL without a display. MEDBERT_WEBGPU_BACKEND
// (e.g. vulkan, opengles) picks one Dawn backend instead, with no fallback. MEDBERT_WEBGPU_F16=1 asks for f16 GEMM
// operands (shader-f16); MEDBERT_WEBGPU_PROFILE=1 times every kernel (timestamp-query; the backend's kernelProfile());
// MEDBERT_WEBGPU_SUBGROUPS=0 keeps the workgroup-memory reductions where the adapter offers subgroups.
import type { Gpu, GpuDevice } from './gpu-types.js';
import { requestDevice, type DeviceRequest } from './device.js';
import type { WebGpuDeviceInfo } from './webgpu-backend.js';

interface DawnModule {
  create(flags: string[]): Gpu;
}

export interface NodeGpuOptions {
  /** Dawn flags (e.g. ['backend=opengles']); default: try the default backend, then OpenGL ES. */
  readonly flags?: readonly string[];
  readonly featureLevel?: DeviceRequest['featureLevel'];
  /** f16 GEMM operands (default: MEDBERT_WEBGPU_F16=1); an error when the adapter lacks shader-f16. */
  readonly f16?: boolean;
  /** GPU time per kernel (default: MEDBERT_WEBGPU_PROFILE=1); an error when the adapter lacks timestamp-query. */
  readonly profile?: boolean;
  /** Subgroup reductions where offered (default: on unless MEDBERT_WEBGPU_SUBGROUPS=0). */
  readonly subgroups?: boolean;
}

export interface NodeDevice {
  readonly device: GpuDevice;
  readonly info: WebGpuDeviceInfo;
  /** Drops the Dawn instance (Node does not exit while one is referenced). */
  readonly release: () => void;
}

/** Why no device could be made, for the error message ('' when the package loaded but found no adapter). */
export type NodeGpuResult = NodeDevice | { readonly device: null; readonly reason: string };

/**
 * An environment variable, or undefined where there is no `process` (a page whose import map provides a 'webgpu'
 * module: this file is imported by the WebGPU backend, which browsers load too).
 */
function environment(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env[name];
}

async function loadDawn(): Promise<DawnModule | string> {
  try {
    const name = 'webgpu';
    return (await import(name)) as DawnModule;
  } catch (e) {
    return `the 'webgpu' package could not be loaded (${(e as Error).message.split('\n')[0]})`;
  }
}

export async function createNodeDevice(options: NodeGpuOptions = {}): Promise<NodeGpuResult> {
  const dawn = await loadDawn();
  if (typeof dawn === 'string') return { device: null, reason: dawn };
  const chosen = environment('MEDBERT_WEBGPU_BACKEND');
  const f16 = options.f16 ?? environment('MEDBERT_WEBGPU_F16') === '1';
  const profile = options.profile ?? environment('MEDBERT_WEBGPU_PROFILE') === '1';
  const subgroups = options.subgroups ?? environment('MEDBERT_WEBGPU_SUBGROUPS') !== '0';
  const attempts: { flags: string[]; request: DeviceRequest }[] = options.flags !== undefined
    ? [{ flags: [...options.flags], request: options.featureLevel === undefined ? {} : { featureLevel: options.featureLevel } }]
    : chosen !== undefined && chosen !== ''
      ? [{ flags: [`backend=${chosen}`], request: chosen.startsWith('opengl') ? { featureLevel: 'compatibility' } : {} }]
      : [{ flags: [], request: {} }, { flags: ['backend=opengles'], request: { featureLevel: 'compatibility' } }];
  for (const { flags, request } of attempts) {
    // Mesa's EGL needs a platform when there is no display server; the surfaceless one renders off-screen.
    if (flags.includes('backend=opengles') && typeof process !== 'undefined' && process.env['EGL_PLATFORM'] === undefined) process.env['EGL_PLATFORM'] = 'surfaceless';
    let gpu: Gpu | null = dawn.create(flags);
    const got = await requestDevice(gpu, { ...request, f16, profile, subgroups });
    if (got !== null) {
      return { ...got, release: () => { gpu = null; } };
    }
    gpu = null;
  }
  if (options.flags === undefined && chosen !== undefined && chosen !== '') {
    return { device: null, reason: `Dawn found no adapter for MEDBERT_WEBGPU_BACKEND=${chosen}` };
  }
  return { device: null, reason: 'Dawn found no adapter (no Vulkan Gpu; no OpenGL ES through Mesa: install libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri)' };
}
