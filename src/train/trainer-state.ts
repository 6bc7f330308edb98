// trainer_state.json: what a pretraining checkpoint keeps besides weights and moments to go on bit for bit (the
// step, the random generators, the data position, the settings), and the checks a resumed run makes of it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { camelCaseKeys } from '../json-keys.js';
import type { SequenceSource } from '../data/source.js';
import type { RngState } from '../tensor/index.js';
import type { PretrainOptions } from './pretrain.js';

export interface TrainerState {
  readonly step: number;
  readonly elapsed: number;
  readonly rng: { readonly dropout: RngState; readonly masking: RngState };
  /** The data source's position (its own setState checks it). */
  readonly data: unknown;
  /** Absent in checkpoints from before the settings were kept. */
  readonly options?: PretrainOptions;
  /** Ranks that trained it (absent in checkpoints from before it was kept): the global batch is micro-batch × accumulation × ranks. */
  readonly world?: number;
}

const isRngState = (x: unknown): boolean => {
  const s = x as { words?: unknown; spare?: unknown } | null;
  return typeof s === 'object' && s !== null && Array.isArray(s.words) && s.words.length === 4
    && s.words.every((w) => Number.isInteger(w) && (w as number) >= 0 && (w as number) < 2 ** 32)
    && (s.spare === null || typeof s.spare === 'number');
};

/**
 * trainer_state.json's parsed contents, checked: a damaged or hand-edited file is one clear error naming it and what
 * is wrong (it had crashed the run, or, with a step that is no number, trained nothing and emptied metrics.jsonl).
 */
export function checkedTrainerState(saved: unknown, path: string): TrainerState {
  const bad = (why: string): never => { throw new MedbertError(`${path}: ${why}: not a trainer state medbert wrote (damaged or edited?)`); };
  // The file's names are snake_case, as all the JSON medbert writes (checkpoints before it wrote camelCase ones).
  const value = camelCaseKeys(saved);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('not a JSON object');
  const s = value as Record<string, unknown>;
  if (!Number.isSafeInteger(s['step']) || (s['step'] as number) < 0) bad(`"step" is ${JSON.stringify(s['step'])}, not a step number`);
  if (typeof s['elapsed'] !== 'number' || !Number.isFinite(s['elapsed']) || s['elapsed'] < 0) bad(`"elapsed" is ${JSON.stringify(s['elapsed'])}, not seconds`);
  const rng = s['rng'] as { dropout?: unknown; masking?: unknown } | undefined;
  if (typeof rng !== 'object' || rng === null || !isRngState(rng.dropout) || !isRngState(rng.masking)) bad('"rng" does not hold the dropout and masking generators');
  if (typeof s['data'] !== 'object' || s['data'] === null) bad('"data" does not hold the data position');
  if (s['options'] !== undefined && (typeof s['options'] !== 'object' || s['options'] === null)) bad('"options" is not an object');
  if (s['world'] !== undefined && (!Number.isSafeInteger(s['world']) || (s['world'] as number) < 1)) bad(`"world" is ${JSON.stringify(s['world'])}, not a number of ranks`);
  return value as TrainerState;
}

/**
 * The settings a resumed run must share with the stopped one to go on as it would have (the command's flag for
 * each): another learning rate or seed would silently make another run. The ranks may change, and with them the
 * micro-batch and accumulation, so long as the global batch (micro-batch × accumulation × ranks) stays; `--steps`
 * may grow (training longer: `medbert pretrain` then keeps the saved warmup, which the tiny and small presets make
 * from --steps); how often checkpoints are saved is free.
 */
const RESUMED_SETTINGS: readonly (readonly [keyof PretrainOptions, string])[] = [
  ['lr', 'lr'], ['warmup', 'warmup'], ['clip', 'clip'], ['weightDecay', 'weight-decay'], ['entityWeight', 'entity-weight'], ['maskRate', 'mask-rate'],
  ['entityShare', 'entity-share'], ['seed', 'seed'],
];

/** Refuses to resume `state` with other settings (see RESUMED_SETTINGS), or with no steps left to train. */
export function checkResumedSettings(state: TrainerState, now: PretrainOptions, world: number, checkpointDir: string): void {
  if (state.step >= now.steps) throw new MedbertError(`${checkpointDir} is at step ${state.step} already: --resume needs --steps above it (--steps ${now.steps})`);
  const saved = state.options;
  if (saved === undefined) return; // a checkpoint from before the settings were saved
  const changed = RESUMED_SETTINGS.filter(([key]) => saved[key] !== undefined && saved[key] !== now[key])
    .map(([key, flag]) => `--${flag} ${String(saved[key])} (not ${String(now[key])})`);
  if (state.world !== undefined) {
    const before = saved.microBatch * saved.accumulation * state.world, after = now.microBatch * now.accumulation * world;
    if (before !== after) changed.push(`a global batch of ${before} sequences (--micro-batch × --accumulation × ranks; not ${after})`);
  }
  if (changed.length > 0) {
    throw new MedbertError(`--resume: ${checkpointDir} was trained with ${changed.join(', ')}: give the same settings to go on, or start a new run`);
  }
}

/**
 * A checkpoint's training state, read and checked without its weights (a launcher reads it before its ranks start,
 * so that a refused --resume is one line and not one per rank).
 */
export function readTrainerState(checkpointDir: string): TrainerState {
  const path = join(checkpointDir, 'trainer_state.json');
  if (!existsSync(path) || !existsSync(join(checkpointDir, 'optimizer.safetensors'))) {
    throw new MedbertError(`${checkpointDir} has no training state to resume from`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MedbertError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkedTrainerState(parsed, path);
}

/** Puts `source` where the saved run was in its data; a position it cannot have (other data, an edited file) is one clear error. */
export function restoreDataPosition(source: SequenceSource, state: TrainerState, checkpointDir: string): void {
  try {
    source.setState(state.data);
  } catch (error) {
    throw new MedbertError(`${join(checkpointDir, 'trainer_state.json')}: its data position does not fit the data given (${error instanceof Error ? error.message : String(error)})`);
  }
}
