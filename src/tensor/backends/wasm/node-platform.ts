// Node-only pieces of the wasm backend (file loading, V8 flags, worker threads, core count), kept here so
// the rest of the backend could run in a browser with another adapter.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { MedbertError } from '../../../errors.js';
import type { SpawnWorker, WorkerInit } from './thread-pool.js';

/** Bytes of a compiled kernel build that sits beside this file. */
export function loadKernelBytes(file: 'kernels-relaxed.wasm' | 'kernels-simd.wasm'): ArrayBuffer {
  const url = new URL(`./${file}`, import.meta.url);
  try {
    return new Uint8Array(readFileSync(url)).buffer;
  } catch {
    throw new MedbertError(`wasm backend: ${url.pathname} is missing; build it with 'node scripts/build-wasm.mjs'`);
  }
}

/** Node < 22 (V8 < 11.4) ships relaxed SIMD behind a flag; it must be set before a module is compiled. */
export function enableRelaxedSimd(): void {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
}

/** MEDBERT_THREADS if set, else the cores available to this process. */
export function defaultThreads(): number {
  const env = process.env['MEDBERT_THREADS'];
  if (env !== undefined && env !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 1) throw new MedbertError(`the environment variable MEDBERT_THREADS must be a positive integer, got '${env}'`);
    return n;
  }
  return availableParallelism();
}

/** Starts a worker thread that does not keep the process alive. */
export const spawnNodeWorker: SpawnWorker = (init: WorkerInit) => new Promise((resolve, reject) => {
  const worker = new Worker(new URL('./node-worker.js', import.meta.url), { workerData: init });
  worker.once('message', () => {
    worker.unref();
    resolve({ terminate: () => void worker.terminate() });
  });
  worker.once('error', reject);
});
