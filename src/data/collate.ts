import type { MaskedSequence } from './masking.js';

/** What the pretraining model consumes (structurally the model's PretrainBatch; data knows nothing of models). */
export interface CollatedBatch {
  readonly batch: number;
  readonly seq: number;
  readonly inputIds: Int32Array;
  readonly tokenTypeIds: Int32Array;
  readonly attentionMask: Int32Array;
  readonly mlmPositions: Int32Array;
  readonly mlmLabels: Int32Array;
  readonly entityStarts: Int32Array;
  readonly entityEnds: Int32Array;
  readonly entityLabels: Int32Array;
  /** Real (non-padding) tokens, for tokens/s. */
  readonly tokens: number;
}

/** Pads masked sequences to the longest (or `seqLen`) and flattens positions to b·seq + i. */
export function collate(items: readonly MaskedSequence[], padId: number, seqLen?: number): CollatedBatch {
  const seq = seqLen ?? Math.max(1, ...items.map((s) => s.ids.length));
  const n = items.length * seq;
  const inputIds = new Int32Array(n).fill(padId);
  const attentionMask = new Int32Array(n);
  const positions: number[] = [], labels: number[] = [], starts: number[] = [], ends: number[] = [], concepts: number[] = [];
  let tokens = 0;
  items.forEach((s, b) => {
    if (s.ids.length > seq) throw new Error(`collate: sequence ${b} has ${s.ids.length} tokens, more than ${seq}`);
    inputIds.set(s.ids, b * seq);
    attentionMask.fill(1, b * seq, b * seq + s.ids.length);
    tokens += s.ids.length;
    s.positions.forEach((p, i) => {
      positions.push(b * seq + p);
      labels.push(s.labels[i]!);
    });
    for (const e of s.maskedEntities) {
      starts.push(b * seq + e.start);
      ends.push(b * seq + e.end);
      concepts.push(e.concept);
    }
  });
  return {
    batch: items.length, seq, inputIds, tokenTypeIds: new Int32Array(n), attentionMask,
    mlmPositions: Int32Array.from(positions), mlmLabels: Int32Array.from(labels),
    entityStarts: Int32Array.from(starts), entityEnds: Int32Array.from(ends), entityLabels: Int32Array.from(concepts), tokens,
  };
}
