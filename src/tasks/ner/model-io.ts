import type { BertForTokenClassification } from '../../model/index.js';
import { argmaxRows } from '../argmax.js';
import { decodeBio, type LabelSet } from './labels.js';
import type { NerExample } from './examples.js';
import type { Mention, NerDocument } from './types.js';
import type { Engine, Tensor } from '../../tensor/index.js';
import { yieldToEventLoop } from '../../event-loop.js';


/** Pads a batch of examples: ids, mask, and the flat positions of every word's first piece. */
export function batchInputs(batch: readonly NerExample[], padId: number): {
  input: { batch: number; seq: number; inputIds: Int32Array; attentionMask: Int32Array }; positions: Int32Array; labels: Int32Array;
} {
  const seq = Math.max(...batch.map((e) => e.ids.length));
  const inputIds = new Int32Array(batch.length * seq).fill(padId);
  const attentionMask = new Int32Array(batch.length * seq);
  const positions: number[] = [], labels: number[] = [];
  batch.forEach((e, b) => {
    inputIds.set(e.ids, b * seq);
    attentionMask.fill(1, b * seq, b * seq + e.ids.length);
    e.firstPiece.forEach((p, w) => {
      positions.push(b * seq + p);
      labels.push(e.labels[w]!);
    });
  });
  return { input: { batch: batch.length, seq, inputIds, attentionMask }, positions: Int32Array.from(positions), labels: Int32Array.from(labels) };
}

export function nerLoss(model: BertForTokenClassification, batch: readonly NerExample[], padId: number): Tensor {
  const { input, positions, labels } = batchInputs(batch, padId);
  return model.loss(input, positions, labels);
}

/** Predicted mentions per document (eval mode, no gradients). */
export async function predictMentions(engine: Engine, model: BertForTokenClassification, docs: readonly NerDocument[],
  examples: readonly NerExample[], set: LabelSet, padId: number, batchSize = 32): Promise<NerDocument[]> {
  const mentions: Mention[][] = docs.map(() => []);
  model.eval();
  for (let i = 0; i < examples.length; i += batchSize) {
    const batch = examples.slice(i, i + batchSize);
    const { input, positions } = batchInputs(batch, padId);
    const logits = engine.noGrad(() => engine.tidy(() => model.logits(input, positions)));
    const labels = argmaxRows(await logits.data(), set.size);
    logits.dispose();
    await yieldToEventLoop(); // a Ctrl-C is seen between batches (a test set takes tens of seconds)
    let k = 0;
    for (const e of batch) {
      const wordLabels = labels.subarray(k, k + e.words.length);
      k += e.words.length;
      const doc = docs[e.docIndex]!;
      for (const span of decodeBio(wordLabels, set)) {
        const start = e.words[span.start]!.start, end = e.words[span.end - 1]!.end;
        mentions[e.docIndex]!.push({ start, end, type: span.type, text: doc.text.slice(start, end) });
      }
    }
  }
  return docs.map((d, i) => ({ ...d, mentions: mentions[i]! }));
}
