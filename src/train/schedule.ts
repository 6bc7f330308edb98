export interface ScheduleOptions {
  readonly peak: number;
  readonly warmup: number;
  readonly total: number;
}

/**
 * Linear warmup from 0 to the peak over `warmup` steps, then cosine decay to 0 at `total` (the paper: peak
 * 5e-5, 10,000 warmup steps). `step` counts from 1: the rate used by the step-th update.
 */
export function learningRate(step: number, { peak, warmup, total }: ScheduleOptions): number {
  if (step <= warmup) return peak * step / Math.max(warmup, 1);
  if (step >= total) return 0;
  const progress = (step - warmup) / (total - warmup);
  return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
}
