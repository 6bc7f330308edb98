import type { Backend } from '../backend.js';
import { ReferenceBackend } from './reference/index.js';
import { createWasmBackend } from './wasm/index.js';
import { createWebGpuBackend } from './webgpu/index.js';

export type BackendName = 'wasm' | 'webgpu' | 'reference';
export const BACKEND_NAMES: readonly BackendName[] = ['wasm', 'webgpu', 'reference'];

export interface BackendOptions {
  /** Threads for the wasm backend (default: MEDBERT_THREADS, else the available cores). */
  readonly threads?: number;
}

/**
 * The backend by name: `wasm` (fast on CPUs, the default), `webgpu` (GPUs through Dawn; a MedbertError
 * "no WebGPU adapter found ..." when there is none) or `reference` (the plain TypeScript oracle).
 */
export async function createBackend(name: BackendName = 'wasm', options: BackendOptions = {}): Promise<Backend> {
  switch (name) {
    case 'wasm':
      return createWasmBackend(options.threads === undefined ? {} : { threads: options.threads });
    case 'webgpu':
      return createWebGpuBackend();
    case 'reference':
      return new ReferenceBackend();
  }
}

export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}
