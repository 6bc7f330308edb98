import { yieldToEventLoop } from '../event-loop.js';
import type { Module } from '../nn/index.js';
import { stateDict, type NamedArray } from '../nn/index.js';
import { Rng, backward, type Engine, type Tensor } from '../tensor/index.js';
import { AdamW } from '../train/adamw.js';
import { learningRate } from '../train/schedule.js';
import { optimizerStep } from '../train/step.js';

export interface FinetuneOptions {
  readonly epochs: number;
  readonly lr: number;
  readonly batch: number;
  /** Share of the steps spent warming up (then cosine decay). */
  readonly warmupRatio: number;
  readonly weightDecay: number;
  readonly clip: number;
  readonly seed: number;
}

export const FINETUNE_DEFAULTS: FinetuneOptions = { epochs: 3, lr: 5e-5, batch: 16, warmupRatio: 0.1, weightDecay: 0.01, clip: 1.0, seed: 42 };

export interface EpochReport {
  readonly epoch: number;
  /** The mean loss of the steps run. */
  readonly loss: number;
  readonly dev: number;
  readonly seconds: number;
  readonly examplesPerSecond: number;
  /** Steps run in the epoch, of stepsPerEpoch: fewer when a stop request ended it early. */
  readonly steps: number;
  readonly stepsPerEpoch: number;
}

export interface FinetuneProgress {
  readonly step: number;
  readonly steps: number;
  readonly loss: number;
  readonly examplesPerSecond: number;
}

/**
 * The fine-tuning loop shared by the tasks: shuffled mini-batches each epoch (seeded), AdamW with warmup and
 * cosine decay, clipping, then `evaluate` on the dev set after each epoch. The best epoch's weights (by
 * the dev score, higher is better) are kept as host copies and returned.
 */
export async function finetune<T>(
  engine: Engine, model: Module, examples: readonly T[], options: FinetuneOptions,
  lossOf: (batch: readonly T[]) => Tensor,
  evaluate: () => Promise<number>,
  hooks: { onStep?: (p: FinetuneProgress) => void; onEpoch?: (r: EpochReport) => void; shouldStop?: () => boolean } = {},
): Promise<{ best: Map<string, NamedArray>; bestDev: number; epochs: EpochReport[] }> {
  const rng = new Rng(options.seed);
  const optimizer = new AdamW(engine, model.namedParameters(), { lr: options.lr, weightDecay: options.weightDecay });
  const perEpoch = Math.ceil(examples.length / options.batch);
  const total = perEpoch * options.epochs;
  const warmup = Math.round(total * options.warmupRatio);
  let step = 0, bestDev = -Infinity;
  let best = await stateDict(model);
  const reports: EpochReport[] = [];
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      model.train();
      const order = Array.from({ length: examples.length }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const started = performance.now();
      let lossSum = 0;
      let done = 0;
      for (let b = 0; b < perEpoch; b++) {
        const batch = order.slice(b * options.batch, (b + 1) * options.batch).map((i) => examples[i]!);
        const loss = await engine.tidyAsync(async () => {
          const l = lossOf(batch);
          backward(l);
          return l.item();
        });
        if (!Number.isFinite(loss)) throw new Error(`fine-tuning loss became ${loss} at step ${step + 1}`);
        lossSum += loss;
        done++;
        step++;
        await optimizerStep(engine, model, optimizer, { lr: learningRate(step, { peak: options.lr, warmup, total }), clip: options.clip });
        const seconds = (performance.now() - started) / 1000;
        hooks.onStep?.({ step, steps: total, loss, examplesPerSecond: Math.min((b + 1) * options.batch, examples.length) / seconds });
        await yieldToEventLoop(); // a pending Ctrl-C is seen here
        if (hooks.shouldStop?.() === true) break;
      }
      const seconds = (performance.now() - started) / 1000;
      model.eval();
      const dev = await evaluate();
      const examplesRun = Math.min(done * options.batch, examples.length);
      const report = {
        epoch, loss: lossSum / Math.max(1, done), dev, seconds, examplesPerSecond: examplesRun / seconds, steps: done, stepsPerEpoch: perEpoch,
      };
      reports.push(report);
      hooks.onEpoch?.(report);
      if (dev > bestDev) {
        bestDev = dev;
        best = await stateDict(model);
      }
      if (hooks.shouldStop?.() === true) break;
    }
  } finally {
    optimizer.dispose();
  }
  return { best, bestDev, epochs: reports };
}
