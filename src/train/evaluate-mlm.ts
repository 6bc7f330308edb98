import { collate } from '../data/collate.js';
import { yieldToEventLoop } from '../event-loop.js';
import { maskSequence, type MaskingOptions, type Sequence } from '../data/masking.js';
import type { BertForPretraining } from '../model/index.js';
import { Rng } from '../tensor/index.js';

export interface MlmEvaluation {
  readonly sequences: number;
  readonly masked_tokens: number;
  /** Mean cross-entropy (nats) over all masked tokens. */
  readonly mlm_loss: number;
  readonly perplexity: number;
  /** Share of masked tokens whose original id is the top prediction. */
  readonly accuracy: number;
}

export interface MlmEvaluationOptions {
  readonly masking: MaskingOptions;
  readonly padId: number;
  /** Seeds the masking, so every checkpoint is scored on the same masked tokens. */
  readonly seed: number;
  readonly batchSize: number;
  readonly onProgress?: (sequences: number) => void;
}

/**
 * Held-out masked-language-model loss: each sequence is masked once with a seeded RNG (the same masks for
 * every model evaluated with the same seed), the model runs without dropout or gradients, and the loss is the
 * mean over all masked tokens of the corpus (not a mean of batch means, so the batch size changes nothing).
 * Only the MLM head is scored: entity spans are not passed, since a held-out shard folder numbers its
 * concepts on its own.
 */
export async function evaluateMlm(model: BertForPretraining, sequences: Iterable<Sequence>, o: MlmEvaluationOptions): Promise<MlmEvaluation> {
  const engine = model.engine;
  const rng = new Rng(o.seed);
  const wasTraining = model.training;
  model.eval();
  let count = 0, masked = 0, lossSum = 0, correct = 0;
  const pending: Sequence[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const items = pending.splice(0).map((s) => maskSequence({ ids: s.ids, entities: [] }, o.masking, rng));
    const batch = collate(items, o.padId);
    const n = batch.mlmLabels.length;
    if (n > 0) {
      const { loss, logits } = await engine.tidyAsync(async () => {
        const out = engine.noGrad(() => model.forward(batch, 0));
        return { loss: await out.mlmLoss.item(), logits: await out.mlmLogits.data() };
      });
      lossSum += loss * n;
      const vocab = logits.length / n;
      for (let i = 0; i < n; i++) if (argmaxRow(logits, i * vocab, vocab) === batch.mlmLabels[i]) correct++;
      masked += n;
    }
    count += items.length;
    o.onProgress?.(count);
    await yieldToEventLoop(); // a Ctrl-C is seen between batches (a held-out set takes minutes)
  };
  try {
    for (const s of sequences) {
      pending.push(s);
      if (pending.length >= o.batchSize) await flush();
    }
    await flush();
  } finally {
    model.train(wasTraining);
  }
  const mean = masked === 0 ? NaN : lossSum / masked;
  return { sequences: count, masked_tokens: masked, mlm_loss: mean, perplexity: Math.exp(mean), accuracy: masked === 0 ? NaN : correct / masked };
}

function argmaxRow(values: Float32Array, offset: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j]! > values[offset + best]!) best = j;
  return best;
}
