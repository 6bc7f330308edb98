import { appendFileSync, existsSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { snakeCaseKeys } from '../json-keys.js';
import { yieldToEventLoop } from '../event-loop.js';
import { collate, type CollatedBatch } from '../data/collate.js';
import { maskSequence, type MaskingOptions } from '../data/masking.js';
import type { SequenceSource } from '../data/source.js';
import { BertForPretraining, type BertConfig } from '../model/index.js';
import { loadPretrainedWeights, loadStateDict, stateDict, type NamedArray } from '../nn/index.js';
import { dropoutHash } from '../tensor/backend.js';
import { Rng, add, backward, scale, type Engine, type Tensor } from '../tensor/index.js';
import { AdamW } from './adamw.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { learningRate } from './schedule.js';
import { optimizerStep } from './step.js';
import { checkedTrainerState, checkResumedSettings, restoreDataPosition, type TrainerState } from './trainer-state.js';
import { checkOutputFolder, makeDirectories, OutputLock } from '../directories.js';

/** The paper's recipe as defaults: lr 5e-5, 10,000 warmup steps, clip 1.0, 16 accumulation steps. */
export interface PretrainOptions {
  readonly steps: number;
  readonly microBatch: number;
  readonly accumulation: number;
  readonly lr: number;
  readonly warmup: number;
  readonly clip: number;
  readonly weightDecay: number;
  /** λ in loss = MLM + λ·entity. */
  readonly entityWeight: number;
  readonly maskRate: number;
  /** Share of the masking budget spent on whole entity spans. */
  readonly entityShare: number;
  readonly seed: number;
  /** Save a checkpoint every this many steps (0: only at the end and when stopped). */
  readonly checkpointEvery: number;
  /** Also keep the weights at every multiple of this many steps as OUT/step-N (0: none), to compare lengths. */
  readonly snapshotEvery?: number;
}

export const PAPER_RECIPE: Omit<PretrainOptions, 'steps' | 'microBatch'> = {
  accumulation: 16, lr: 5e-5, warmup: 10_000, clip: 1.0, weightDecay: 0.01, entityWeight: 1.0,
  maskRate: 0.15, entityShare: 0.5, seed: 42, checkpointEvery: 1000,
};

export interface StepMetrics {
  readonly step: number;
  readonly lr: number;
  readonly loss: number;
  readonly mlm_loss: number;
  readonly entity_loss: number | null;
  readonly grad_norm: number;
  readonly tokens_per_s: number;
  readonly elapsed: number;
  /** Bytes this rank sent for the step's collectives (0 in one process). */
  readonly bytes_sent?: number;
}

export interface PretrainRun {
  readonly engine: Engine;
  readonly config: BertConfig;
  readonly source: SequenceSource;
  readonly options: PretrainOptions;
  /** Run folder: `checkpoint/` (latest, resumable) and `metrics.jsonl`. */
  readonly outDir: string;
  readonly tokenizer?: Uint8Array | null;
  /** More config.json fields for every checkpoint the run writes (which concepts its entity head predicts). */
  readonly configExtras?: Readonly<Record<string, unknown>>;
  /** Starting weights (e.g. a Hugging Face BERT checkpoint); missing heads keep their fresh init. */
  readonly init?: { readonly weights: ReadonlyMap<string, NamedArray>; readonly source: string } | null;
  readonly resume: boolean;
  /** Called once before the first step with the step training starts from (0, or the resumed step). */
  readonly onStart?: (step: number) => void;
  readonly onStep?: (m: StepMetrics) => void;
  /** Polled after every step: true saves a checkpoint and returns (Ctrl-C). */
  readonly shouldStop?: () => boolean;
  /** Data-parallel training over several ranks (src/dist); absent: this process alone. */
  readonly distributed?: Distributed;
  /** The lock on outDir, taken by the caller (the CLI's rank 0, before the ranks meet); absent: pretrain takes it. */
  readonly outputLock?: OutputLock | null;
}

/** How accumulated gradients become an update: this process alone (AdamW), or shared by ranks (ZeRO-2). */
export interface Updater {
  step: number;
  /**
   * Optional: runs the backward of a step's last micro-batch itself (ZeRO-2 reduce-scatters gradient buckets as
   * backward finishes them). Absent: the trainer calls backward().
   */
  backwardLast?(objective: Tensor): Promise<void>;
  /** Clips by the global norm, updates, and clears the gradients. */
  update(lr: number, clip: number): Promise<{ readonly norm: number; readonly bytesSent: number }>;
  /** Every parameter's moments, as optimizer.safetensors stores them (a collective when distributed). */
  moments(): Promise<Map<string, NamedArray>>;
  loadMoments(saved: ReadonlyMap<string, NamedArray>, where: string): void;
  /** Called after weights were loaded into the model (sharded optimizers copy their master shard). */
  weightsLoaded(): Promise<void>;
  dispose(): void;
}

/** The ranks of a data-parallel run, as the trainer needs them. */
export interface Distributed {
  readonly rank: number;
  readonly world: number;
  /** Element-wise sum over ranks, identical bits on every rank. */
  allReduce(values: Float64Array): Promise<Float64Array>;
  updater(engine: Engine, params: readonly [string, Tensor][], weightDecay: number): Updater;
}

/** One process: the fused AdamW kernel per parameter, clipping folded into its gradient scale. */
class LocalUpdater implements Updater {
  private readonly optimizer: AdamW;
  constructor(private readonly engine: Engine, private readonly model: BertForPretraining, weightDecay: number) {
    this.optimizer = new AdamW(engine, model.namedParameters(), { lr: 0, weightDecay });
  }
  get step(): number {
    return this.optimizer.step;
  }
  set step(value: number) {
    this.optimizer.step = value;
  }
  async update(lr: number, clip: number): Promise<{ norm: number; bytesSent: number }> {
    return { norm: await optimizerStep(this.engine, this.model, this.optimizer, { lr, clip }), bytesSent: 0 };
  }
  moments(): Promise<Map<string, NamedArray>> {
    return momentsOf(this.optimizer);
  }
  loadMoments(saved: ReadonlyMap<string, NamedArray>, where: string): void {
    restoreMoments(this.optimizer, saved, where);
  }
  async weightsLoaded(): Promise<void> {}
  dispose(): void {
    this.optimizer.dispose();
  }
}

export interface PretrainResult {
  readonly last: StepMetrics | null;
  readonly stopped: boolean;
  readonly checkpoint: string;
}

/**
 * Pretraining with MLM + entity prediction: dynamic masking per served sequence, gradient accumulation
 * (micro-batch × accumulation), AdamW with warmup + cosine decay and global-norm clipping, metrics as JSON
 * lines, atomic checkpoints, and bit-identical resume (weights, moments, RNG states, data position).
 */
export async function pretrain(run: PretrainRun): Promise<PretrainResult> {
  // Rank 0 looks after the run folder, which the ranks share (the others may meet its first files there).
  const lead = (run.distributed?.rank ?? 0) === 0;
  // A run folder (metrics.jsonl, checkpoint/) is continued or replaced; a folder of the user's other files is not.
  if (lead) checkOutputFolder(run.outDir, ['metrics.jsonl', 'checkpoint'], 'pretraining run folder');
  // ... and held by it while the run goes on: another run with the same --out fails at once (see OutputLock).
  const lock = lead && run.outputLock == null ? OutputLock.acquire(run.outDir) : null;
  const made = !existsSync(run.outDir);
  try {
    if (lead) makeDirectories(run.outDir); // only rank 0 writes there
    return await train(run);
  } catch (error) {
    // A run that failed before writing anything (a corrupt shard, a bad flag found late) leaves no folder behind; a
    // failure to remove it never hides the run's own error.
    if (made && lead) {
      try {
        if (readdirSync(run.outDir).length === 0) rmdirSync(run.outDir);
      } catch {
        // left as it is
      }
    }
    throw error;
  } finally {
    lock?.release();
  }
}

async function train(run: PretrainRun): Promise<PretrainResult> {
  const { engine, config, source, options: o, outDir } = run;
  const checkpointDir = join(outDir, 'checkpoint');
  const metricsPath = join(outDir, 'metrics.jsonl');
  const dist = run.distributed;
  const rank = dist?.rank ?? 0, world = dist?.world ?? 1;
  const dropoutRng = new Rng(o.seed + 1), maskRng = new Rng(o.seed + 2);
  const model = new BertForPretraining(engine, config, new Rng(o.seed), dropoutRng);
  // The encoder must all be there; the heads may be absent and start fresh (a BertForMaskedLM has no pooler nor entity
  // head, a BertModel or a fine-tuned checkpoint no MLM head).
  if (run.init) loadPretrainedWeights(model, run.init.weights, { optional: ['bert.pooler.', 'entity.', 'cls.'], source: run.init.source });
  const updater: Updater = dist === undefined ? new LocalUpdater(engine, model, o.weightDecay)
    : dist.updater(engine, model.namedParameters(), o.weightDecay);
  let step = 0, elapsedBefore = 0;

  if (run.resume && existsSync(checkpointDir)) {
    const ckpt = loadCheckpoint(checkpointDir);
    if (ckpt.trainerState === null || ckpt.optimizer === null) throw new MedbertError(`${checkpointDir} has no training state to resume from`);
    const state = checkedTrainerState(ckpt.trainerState, join(checkpointDir, 'trainer_state.json'));
    checkResumedSettings(state, o, world, checkpointDir);
    try {
      loadStateDict(model, ckpt.weights);
    } catch (error) {
      throw error instanceof MedbertError ? new MedbertError(`${checkpointDir}/model.safetensors: ${error.message}`, { cause: error }) : error;
    }
    updater.loadMoments(ckpt.optimizer, `${checkpointDir}/optimizer.safetensors`);
    updater.step = state.step;
    dropoutRng.setState(state.rng.dropout);
    maskRng.setState(state.rng.masking);
    restoreDataPosition(source, state, checkpointDir);
    step = state.step;
    elapsedBefore = state.elapsed;
    if (rank === 0) truncateMetrics(metricsPath, step);
  } else if (rank === 0 && existsSync(metricsPath)) {
    writeFileSync(metricsPath, '');
  }
  await updater.weightsLoaded();

  const masking: MaskingOptions = {
    rate: o.maskRate, entityShare: o.entityShare, maskId: config.mask_token_id, vocabSize: config.vocab_size,
    specialIds: new Set([config.pad_token_id, config.cls_token_id, config.sep_token_id, config.mask_token_id, config.unk_token_id]),
  };
  const started = performance.now();
  run.onStart?.(step);
  let last: StepMetrics | null = null;
  // Every rank calls save at the same steps (gathering sharded moments is a collective); rank 0 writes.
  const save = async (): Promise<void> => {
    const state: TrainerState = {
      step, elapsed: elapsedBefore + (performance.now() - started) / 1000,
      rng: { dropout: dropoutRng.getState(), masking: maskRng.getState() }, data: source.getState(), options: o, world,
    };
    const moments = await updater.moments();
    if (rank !== 0) return;
    saveCheckpoint(checkpointDir, { config, weights: await stateDict(model), tokenizer: run.tokenizer ?? null, optimizer: moments, trainerState: snakeCaseKeys(state),
      ...(run.configExtras === undefined ? {} : { extraConfig: run.configExtras }) });
  };

  while (step < o.steps) {
    const t0 = performance.now();
    // Every rank draws and masks the whole global batch (accumulation × world micro-batches) in the same order,
    // then trains on its own slice: the run is the same whatever the number of ranks, and the loss weights
    // below need no communication.
    const batches: CollatedBatch[] = [];
    for (let a = 0; a < o.accumulation * world; a++) {
      const items = [];
      for (let b = 0; b < o.microBatch; b++) items.push(maskSequence(source.next(), masking, maskRng));
      batches.push(collate(items, config.pad_token_id));
    }
    const mlmTotal = batches.reduce((s, b) => s + b.mlmLabels.length, 0);
    const entityTotal = batches.reduce((s, b) => s + b.entityLabels.length, 0);
    let mlmLoss = 0, entityLoss = 0, tokens = 0;
    for (let g = rank * o.accumulation; g < (rank + 1) * o.accumulation; g++) {
      const batch = batches[g]!;
      tokens += batch.tokens;
      // Dropout seeds depend on (step, global micro-batch), not on how many ran before in this process.
      dropoutRng.setState(new Rng(dropoutHash(dropoutHash(o.seed, step), g)).getState());
      // Each micro-batch's mean loss weighted by its share of the masked tokens (and spans): the sum over
      // micro-batches then equals the loss of one big batch, so accumulation changes nothing but memory.
      const [m, e] = await engine.tidyAsync(async () => {
        const out = model.forward(batch, 0, o.entityWeight !== 0);
        out.mlmLoss.keep();
        out.entityLoss?.keep();
        let objective: Tensor = scale(out.mlmLoss, batch.mlmLabels.length / Math.max(mlmTotal, 1));
        if (out.entityLoss !== null && o.entityWeight !== 0) {
          objective = add(objective, scale(out.entityLoss, o.entityWeight * batch.entityLabels.length / entityTotal));
        }
        if (g === (rank + 1) * o.accumulation - 1 && updater.backwardLast !== undefined) await updater.backwardLast(objective);
        else backward(objective);
        const values = [await out.mlmLoss.item(), out.entityLoss === null ? 0 : await out.entityLoss.item()] as const;
        out.mlmLoss.dispose();
        out.entityLoss?.dispose();
        return values;
      });
      mlmLoss += m * batch.mlmLabels.length / Math.max(mlmTotal, 1);
      if (entityTotal > 0) entityLoss += e * batch.entityLabels.length / entityTotal;
    }
    if (dist !== undefined) {
      const sums = await dist.allReduce(Float64Array.of(mlmLoss, entityLoss, tokens));
      [mlmLoss, entityLoss, tokens] = [sums[0]!, sums[1]!, sums[2]!];
    }
    const loss = mlmLoss + (entityTotal > 0 ? o.entityWeight * entityLoss : 0);
    if (!Number.isFinite(loss)) {
      throw new MedbertError(`loss became ${loss} at step ${step + 1}; stopping (the last good checkpoint is ${checkpointDir})`);
    }
    const lr = learningRate(step + 1, { peak: o.lr, warmup: o.warmup, total: o.steps });
    const { norm, bytesSent } = await updater.update(lr, o.clip);
    if (!Number.isFinite(norm)) {
      throw new MedbertError(`gradient norm became ${norm} at step ${step + 1}; stopping (the last good checkpoint is ${checkpointDir})`);
    }
    step++;
    const seconds = (performance.now() - t0) / 1000;
    last = {
      step, lr, loss, mlm_loss: mlmLoss, entity_loss: entityTotal > 0 ? entityLoss : null, grad_norm: norm,
      tokens_per_s: tokens / seconds, elapsed: elapsedBefore + (performance.now() - started) / 1000,
      ...(dist === undefined ? {} : { bytes_sent: bytesSent }),
    };
    if (rank === 0) appendFileSync(metricsPath, JSON.stringify(last) + '\n');
    run.onStep?.(last);
    await yieldToEventLoop(); // a pending Ctrl-C is seen here
    let stop = run.shouldStop?.() ?? false;
    // Ranks stop together: any rank asked to stop stops them all after this step.
    if (dist !== undefined) stop = (await dist.allReduce(Float64Array.of(stop ? 1 : 0)))[0]! > 0;
    if (stop || step === o.steps || (o.checkpointEvery > 0 && step % o.checkpointEvery === 0)) await save();
    if (rank === 0 && (o.snapshotEvery ?? 0) > 0 && step % o.snapshotEvery! === 0) {
      saveCheckpoint(join(outDir, `step-${step}`), { config, weights: await stateDict(model), tokenizer: run.tokenizer ?? null,
        ...(run.configExtras === undefined ? {} : { extraConfig: run.configExtras }) });
    }
    if (stop) {
      model.dispose();
      updater.dispose();
      return { last, stopped: true, checkpoint: checkpointDir };
    }
  }
  model.dispose();
  updater.dispose();
  return { last, stopped: false, checkpoint: checkpointDir };
}

async function momentsOf(optimizer: AdamW): Promise<Map<string, NamedArray>> {
  const out = new Map<string, NamedArray>();
  for (const { name, m, v } of optimizer.moments()) {
    out.set(`${name}.exp_avg`, { shape: [...m.shape], data: await m.data() });
    out.set(`${name}.exp_avg_sq`, { shape: [...v.shape], data: await v.data() });
  }
  return out;
}

function restoreMoments(optimizer: AdamW, saved: ReadonlyMap<string, NamedArray>, where: string): void {
  for (const { name, m, v } of optimizer.moments()) {
    const a = saved.get(`${name}.exp_avg`), b = saved.get(`${name}.exp_avg_sq`);
    if (a === undefined || b === undefined || a.data.length !== m.size || b.data.length !== v.size) {
      throw new MedbertError(`${where} lacks the moments of '${name}' (from another model?)`);
    }
    m.engine.backend.write(m.buffer(), a.data);
    v.engine.backend.write(v.buffer(), b.data);
  }
}

/** Drops metric lines past the resumed step (they belong to the interrupted tail). */
function truncateMetrics(path: string, step: number): void {
  if (!existsSync(path)) return;
  const kept = readFileSync(path, 'utf8').split('\n').filter((line) => {
    if (line.trim() === '') return false;
    try {
      return (JSON.parse(line) as { step: number }).step <= step;
    } catch {
      return false;
    }
  });
  writeFileSync(path, kept.map((l) => l + '\n').join(''));
}
