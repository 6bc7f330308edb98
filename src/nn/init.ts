import type { Engine, Rng, Tensor } from '../tensor/index.js';

/** BERT's initializer range. */
export const BERT_INIT_STD = 0.02;

/** Normal(0, std) values drawn from rng (so a seed fixes the whole model). */
export function normalInit(engine: Engine, shape: readonly number[], rng: Rng, std = BERT_INIT_STD): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.normal() * std;
  return engine.fromArray(values, shape);
}
