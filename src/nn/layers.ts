import {
  BERT_LAYER_NORM_EPS, dropout, gatherRows, layerNorm, matmul, reshape,
  type Engine, type Rng, type Tensor,
} from '../tensor/index.js';
import { Module } from './module.js';
import { normalInit } from './init.js';

/** y = x·Wᵀ + b with W stored [out, in] (PyTorch's and Hugging Face's layout). */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(engine: Engine, readonly inFeatures: number, readonly outFeatures: number, rng: Rng,
    options: { bias?: boolean; std?: number } = {}) {
    super(engine);
    this.weight = this.param('weight', normalInit(engine, [outFeatures, inFeatures], rng, options.std));
    this.bias = options.bias === false ? null : this.param('bias', engine.zeros([outFeatures]));
  }

  forward(x: Tensor): Tensor {
    return this.bias === null
      ? matmul(x, this.weight, { transB: true })
      : matmul(x, this.weight, { transB: true, bias: this.bias });
  }
}

/** LayerNorm over the last dimension (weight = 1, bias = 0 at init; BERT's eps 1e-12). */
export class LayerNorm extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor;

  constructor(engine: Engine, readonly size: number, readonly eps = BERT_LAYER_NORM_EPS) {
    super(engine);
    this.weight = this.param('weight', engine.full([size], 1));
    this.bias = this.param('bias', engine.zeros([size]));
  }

  forward(x: Tensor): Tensor {
    return layerNorm(x, this.weight, this.bias, this.eps);
  }
}

/** A lookup table [count, dim]; ids of any shape give [...shape, dim]. */
export class Embedding extends Module {
  readonly weight: Tensor;

  constructor(engine: Engine, readonly count: number, readonly dim: number, rng: Rng, std?: number) {
    super(engine);
    this.weight = this.param('weight', normalInit(engine, [count, dim], rng, std));
  }

  forward(ids: Int32Array, shape: readonly number[] = [ids.length]): Tensor {
    const rows = gatherRows(this.weight, ids);
    return shape.length === 1 ? rows : reshape(rows, [...shape, this.dim]);
  }
}

/** Dropout that is active in training mode only; its seeds come from the owner's Rng. */
export class Dropout extends Module {
  constructor(engine: Engine, readonly p: number, private readonly rng: Rng) {
    super(engine);
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    return dropout(x, this.p, this.rng.nextUint32());
  }
}
