// Apart from runtime.ts so that commands which run no model (prepare) do not load the compute backends.
import { MedbertError } from '../errors.js';
import { createBackend, isBackendName, BACKEND_NAMES } from '../tensor/backends/index.js';
import { Engine } from '../tensor/index.js';
import { intFlag, type FlagSpec } from './args.js';

/** `--backend` and `--threads`, shared by every command that runs the model. */
export const engineFlags = {
  backend: { type: 'string', valueName: 'NAME', default: 'wasm', description: `compute backend: ${BACKEND_NAMES.join(' | ')}` },
  threads: { type: 'string', valueName: 'N', description: 'worker threads for the wasm backend (default: MEDBERT_THREADS, else all cores)' },
} as const satisfies Record<string, FlagSpec>;

export async function engineFromFlags(values: { backend?: string; threads?: string }): Promise<Engine> {
  const name = values.backend ?? 'wasm';
  if (!isBackendName(name)) throw new MedbertError(`--backend=${name} is not valid: expected ${BACKEND_NAMES.join(' or ')}`);
  const threads = values.threads === undefined ? undefined : intFlag(values.threads, 'threads', 1, 1, 256);
  return new Engine(await createBackend(name, threads === undefined ? {} : { threads }));
}
