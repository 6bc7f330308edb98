import type { PresetName } from '../model/index.js';
import { PAPER_RECIPE, type PretrainOptions } from './pretrain.js';

/**
 * Pretraining defaults per preset. base, large and xl use the paper's recipe unchanged (lr 5e-5, 10,000
 * warmup steps, 16 accumulation steps, clip 1.0). tiny and small change three things so they train in
 * minutes on two CPU cores: a higher peak lr (small models tolerate it and 5e-5 barely moves them in a
 * few thousand steps), warmup of 10% of the run instead of 10,000 steps (runs are shorter than that), and
 * no accumulation (the global batch is the micro-batch).
 */
export function recipeFor(preset: PresetName, steps: number): Omit<PretrainOptions, 'steps' | 'microBatch'> {
  if (preset === 'tiny' || preset === 'small') {
    return { ...PAPER_RECIPE, lr: preset === 'tiny' ? 1e-3 : 5e-4, warmup: Math.max(1, Math.round(steps / 10)), accumulation: 1 };
  }
  return PAPER_RECIPE;
}

export const DEFAULT_MICRO_BATCH: Record<PresetName, number> = { tiny: 32, small: 32, base: 8, large: 8, xl: 8 };
