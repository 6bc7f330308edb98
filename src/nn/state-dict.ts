import type { Tensor } from '../tensor/index.js';
import type { Module } from './module.js';
import { MedbertError } from '../errors.js';
import { formatShape, sameShape } from '../tensor/shape.js';

/** Named host copies of a module's parameters (what a safetensors file stores). */
export interface NamedArray {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export async function stateDict(module: Module): Promise<Map<string, NamedArray>> {
  const out = new Map<string, NamedArray>();
  for (const [name, p] of module.namedParameters()) out.set(name, { shape: [...p.shape], data: await p.data() });
  return out;
}

/**
 * Loads named arrays into the module's parameters. Every parameter must be present with its exact shape
 * unless `strict` is false; extra entries are returned (e.g. another head's weights). Weights that do not fit are
 * the user's (a checkpoint of another model given): a MedbertError.
 */
export function loadStateDict(module: Module, state: ReadonlyMap<string, NamedArray>, strict = true): string[] {
  const params = new Map<string, Tensor>(module.namedParameters());
  for (const [name, p] of params) {
    const entry = state.get(name);
    if (entry === undefined) {
      if (strict) throw new MedbertError(`the weights do not fit this model: no parameter '${name}' ${formatShape(p.shape)} (a checkpoint of another model?)`);
      continue;
    }
    if (!sameShape(entry.shape, p.shape)) {
      throw new MedbertError(`the weights do not fit this model: '${name}' has shape ${formatShape(entry.shape)}, the model expects ${formatShape(p.shape)} (a checkpoint of another size or task?)`);
    }
    p.engine.backend.write(p.buffer('loadStateDict'), entry.data);
  }
  return [...state.keys()].filter((k) => !params.has(k));
}
