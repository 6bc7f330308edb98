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

export interface PretrainedLoad {
  /** Parameters starting with one of these are a head that starts from its initialisation: not read, not required. */
  readonly fresh?: readonly string[];
  /** Parameters starting with one of these keep their initialisation when the weights lack them (a pooler). */
  readonly optional?: readonly string[];
  /** The weights' file, for messages. */
  readonly source?: string;
}

/**
 * Loads a pretrained checkpoint's weights to start from (fine-tuning, `pretrain --init`): every parameter but the
 * fresh and optional ones must be there, so that weights of another architecture ("roberta.*") are one clear error
 * rather than a model trained from random weights. Entries the module lacks (another task's head) are ignored.
 */
export function loadPretrainedWeights(module: Module, state: ReadonlyMap<string, NamedArray>, how: PretrainedLoad = {}): void {
  const starts = (name: string, prefixes: readonly string[] = []): boolean => prefixes.some((p) => name.startsWith(p));
  const wanted = module.namedParameters().map(([name]) => name).filter((name) => !starts(name, how.fresh));
  const missing = wanted.filter((name) => !state.has(name) && !starts(name, how.optional));
  const source = how.source ?? 'the weights';
  if (missing.length > 0) {
    throw new MedbertError(`${source} lacks ${missing.length} tensor(s) the model needs, e.g. '${missing[0]}' (a checkpoint of another architecture?)`);
  }
  const kept = new Map([...state].filter(([name]) => !starts(name, how.fresh)));
  try {
    loadStateDict(module, kept, false);
  } catch (error) {
    throw error instanceof MedbertError ? new MedbertError(`${source}: ${error.message}`, { cause: error }) : error;
  }
}
