import type { Rng } from '../tensor/index.js';

/** A token sequence with its linked entity spans (token positions, end exclusive). */
export interface Sequence {
  readonly ids: Int32Array;
  readonly entities: readonly EntitySpan[];
}

export interface EntitySpan {
  readonly start: number;
  readonly end: number;
  /** Index of the concept in the ontology's concept list (the entity head's class). */
  readonly concept: number;
}

export interface MaskingOptions {
  /** Share of maskable tokens masked per sequence (BERT: 0.15). */
  readonly rate: number;
  /** Share of that budget spent on whole entity spans (the rest on single tokens). */
  readonly entityShare: number;
  readonly maskId: number;
  readonly vocabSize: number;
  /** Ids never masked nor used as random replacements ([CLS], [SEP], [PAD], ...). */
  readonly specialIds: ReadonlySet<number>;
}

export interface MaskedSequence {
  readonly ids: Int32Array;
  /** Positions masked (sorted) and the original ids there. */
  readonly positions: Int32Array;
  readonly labels: Int32Array;
  /** The entity spans that were masked whole: their labels go to the entity head. */
  readonly maskedEntities: readonly EntitySpan[];
}

/**
 * Dynamic masking, redrawn every time a sequence is served: `rate` of the maskable tokens (never special
 * tokens or padding) are chosen; `entityShare` of that budget goes to whole entity spans (chosen in random
 * order while they fit), the rest to random single tokens. Each chosen token becomes [MASK] 80% of the
 * time, a random non-special token 10%, and stays itself 10% (BERT's 80/10/10).
 */
export function maskSequence(seq: Sequence, options: MaskingOptions, rng: Rng): MaskedSequence {
  const ids = seq.ids.slice();
  const maskable: number[] = [];
  for (let i = 0; i < ids.length; i++) if (!options.specialIds.has(ids[i]!)) maskable.push(i);
  const budget = maskable.length === 0 ? 0 : Math.max(1, Math.round(options.rate * maskable.length));
  const chosen = new Uint8Array(ids.length);
  let used = 0;

  const maskedEntities: EntitySpan[] = [];
  const entityBudget = Math.round(budget * options.entityShare);
  for (const span of shuffled(seq.entities, rng)) {
    const length = span.end - span.start;
    if (used + length > entityBudget) continue;
    let ok = length > 0;
    for (let p = span.start; ok && p < span.end; p++) ok = !chosen[p] && !options.specialIds.has(ids[p]!);
    if (!ok) continue;
    for (let p = span.start; p < span.end; p++) chosen[p] = 1;
    used += length;
    maskedEntities.push(span);
  }

  const free = maskable.filter((p) => !chosen[p]);
  for (let i = 0; used < budget && i < free.length; i++) {
    const j = i + rng.int(free.length - i);
    [free[i], free[j]] = [free[j]!, free[i]!];
    chosen[free[i]!] = 1;
    used++;
  }

  const positions: number[] = [];
  const labels: number[] = [];
  for (let p = 0; p < ids.length; p++) {
    if (!chosen[p]) continue;
    positions.push(p);
    labels.push(ids[p]!);
    const r = rng.next();
    if (r < 0.8) ids[p] = options.maskId;
    else if (r < 0.9) ids[p] = randomToken(options, rng);
  }
  maskedEntities.sort((a, b) => a.start - b.start);
  return { ids, positions: Int32Array.from(positions), labels: Int32Array.from(labels), maskedEntities };
}

function randomToken(options: MaskingOptions, rng: Rng): number {
  for (;;) {
    const id = rng.int(options.vocabSize);
    if (!options.specialIds.has(id)) return id;
  }
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
