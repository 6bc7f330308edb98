import type { Mention, NerDocument } from './types.js';

export interface PrfCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface NerScores extends PrfCounts {
  readonly by_type: Record<string, PrfCounts>;
}

/**
 * Entity-level exact match, as conlleval and BLURB score BC5CDR: a predicted mention counts only when a gold
 * mention of the same document has the same start, end and type. Per type and micro-averaged overall.
 * Duplicate mentions (same document, span and type) count once.
 */
export function scoreNer(gold: readonly NerDocument[], predicted: readonly NerDocument[], types?: readonly string[]): NerScores {
  const key = (doc: string, m: Mention): string => `${doc}\u0000${m.start}\u0000${m.end}\u0000${m.type}`;
  const goldKeys = new Map<string, string>(), predKeys = new Map<string, string>();
  for (const d of gold) for (const m of d.mentions) if (types === undefined || types.includes(m.type)) goldKeys.set(key(d.id, m), m.type);
  for (const d of predicted) for (const m of d.mentions) if (types === undefined || types.includes(m.type)) predKeys.set(key(d.id, m), m.type);
  const allTypes = [...new Set([...goldKeys.values(), ...predKeys.values(), ...(types ?? [])])].sort();
  const counts = new Map(allTypes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const [k, t] of predKeys) {
    if (goldKeys.has(k)) counts.get(t)!.tp++;
    else counts.get(t)!.fp++;
  }
  for (const [k, t] of goldKeys) if (!predKeys.has(k)) counts.get(t)!.fn++;
  const by_type: Record<string, PrfCounts> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const [t, c] of counts) {
    by_type[t] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { ...prf(tp, fp, fn), by_type };
}

function prf(tp: number, fp: number, fn: number): PrfCounts {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}
