import type { Module } from '../nn/index.js';
import type { Engine } from '../tensor/index.js';
import { AdamW, gradNorm } from './adamw.js';

export interface StepOptions {
  readonly lr: number;
  /** Clip the global gradient norm to this (PyTorch's clip_grad_norm_: scale = clip / (norm + 1e-6)). */
  readonly clip: number;
}

/**
 * Applies the accumulated gradients: global-norm clipping folded into the AdamW kernel as a gradient scale
 * (no extra pass over the gradients), then the update and zeroing of the gradients. Returns the norm
 * before clipping.
 */
export async function optimizerStep(engine: Engine, model: Module, optimizer: AdamW, options: StepOptions): Promise<number> {
  const norm = await gradNorm(engine, model.parameters());
  if (!Number.isFinite(norm)) return norm;
  const scale = options.clip > 0 ? Math.min(1, options.clip / (norm + 1e-6)) : 1;
  optimizer.update(options.lr, scale);
  model.zeroGrad();
  return norm;
}
