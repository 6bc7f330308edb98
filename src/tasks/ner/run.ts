import { specialIds, type SpecialIds } from '../../data/special-tokens.js';
import { BertForTokenClassification, type BertConfig } from '../../model/index.js';
import { loadPretrainedWeights, loadStateDict, type NamedArray } from '../../nn/index.js';
import { Rng, type Engine } from '../../tensor/index.js';
import type { SentencePieceModel } from '../../tokenizer/index.js';
import { finetune, type EpochReport, type FinetuneOptions, type FinetuneProgress } from '../finetune.js';
import { buildExamples, type AlignmentStats, type NerExample } from './examples.js';
import { LabelSet } from './labels.js';
import { scoreNer, type NerScores } from './metric.js';
import { nerLoss, predictMentions } from './model-io.js';
import type { NerDocument } from './types.js';

/** What a token-classification checkpoint adds to config.json (Hugging Face names). */
export interface NerConfigExtras {
  readonly architectures: ['BertForTokenClassification'];
  readonly id2label: Record<string, string>;
  readonly label2id: Record<string, number>;
  readonly num_labels: number;
  readonly entity_types: string[];
}

export function nerConfigExtras(set: LabelSet): NerConfigExtras {
  return {
    architectures: ['BertForTokenClassification'],
    id2label: Object.fromEntries(set.names.map((n, i) => [String(i), n])),
    label2id: Object.fromEntries(set.names.map((n, i) => [n, i])),
    num_labels: set.size,
    entity_types: [...set.types],
  };
}

/** A token-classification model ready to predict, with what it needs to turn text into spans. */
export class NerTagger {
  readonly special: SpecialIds;

  constructor(readonly engine: Engine, readonly model: BertForTokenClassification, readonly sp: SentencePieceModel,
    readonly labels: LabelSet, readonly maxLength: number) {
    this.special = specialIds(sp, 'tokenizer');
  }

  /**
   * Builds the model from a config and weights: a pretrained encoder, whose classifier (another task's, or none)
   * starts fresh (`classifier: 'fresh'`, to fine-tune), or a fine-tuned tagger with its classifier (`'load'`).
   * `source` names the weights in messages. No weights (null): a model from its initialisation (tests, benchmarks).
   */
  static create(engine: Engine, config: BertConfig, weights: ReadonlyMap<string, NamedArray> | null, sp: SentencePieceModel,
    types: readonly string[], seed: number, options: { classifier: 'fresh' | 'load'; maxLength?: number; source?: string }): NerTagger {
    const labels = new LabelSet(types);
    const model = new BertForTokenClassification(engine, config, labels.size, new Rng(seed), new Rng(seed + 1));
    try {
      // Token classification reads no pooler, and a Hugging Face BertForMaskedLM has none: it may be absent.
      const fresh = options.classifier === 'fresh';
      if (weights !== null) loadPretrainedWeights(model, weights, { fresh: fresh ? ['classifier.'] : [], optional: ['bert.pooler.'], source: options.source });
    } catch (error) {
      model.dispose();
      throw error;
    }
    return new NerTagger(engine, model, sp, labels, Math.min(options.maxLength ?? 128, config.max_position_embeddings));
  }

  examples(docs: readonly NerDocument[], stats?: AlignmentStats): NerExample[] {
    return buildExamples(docs, this.sp, this.special, this.labels, this.maxLength, stats);
  }

  async predict(docs: readonly NerDocument[]): Promise<NerDocument[]> {
    return predictMentions(this.engine, this.model, docs, this.examples(docs), this.labels, this.special.pad);
  }

  async evaluate(docs: readonly NerDocument[]): Promise<NerScores> {
    return scoreNer(docs, await this.predict(docs), this.labels.types);
  }
}

export interface NerFinetuneResult {
  readonly dev: NerScores;
  readonly test: NerScores | null;
  readonly epochs: EpochReport[];
  readonly alignment: AlignmentStats;
  readonly trainExamples: number;
  readonly best: Map<string, NamedArray>;
}

/** Fine-tunes on train, keeps the epoch with the best dev F1, and scores dev and test with it (test not when stopped). */
export async function finetuneNer(tagger: NerTagger, train: readonly NerDocument[], dev: readonly NerDocument[],
  test: readonly NerDocument[] | null, options: FinetuneOptions,
  hooks: { onStep?: (p: FinetuneProgress) => void; onEpoch?: (r: EpochReport) => void; shouldStop?: () => boolean } = {}): Promise<NerFinetuneResult> {
  const alignment: AlignmentStats = { mentions: 0, aligned: 0, skippedTypes: 0 };
  const examples = tagger.examples(train, alignment);
  const result = await finetune(tagger.engine, tagger.model, examples, options,
    (batch) => nerLoss(tagger.model, batch, tagger.special.pad),
    async () => (await tagger.evaluate(dev)).f1, hooks);
  loadStateDict(tagger.model, result.best);
  // Stopped by the user: the test set (tens of seconds on BC5CDR) is not scored.
  const stopped = hooks.shouldStop?.() === true;
  return {
    dev: await tagger.evaluate(dev), test: test === null || stopped ? null : await tagger.evaluate(test), epochs: result.epochs,
    alignment, trainExamples: examples.length, best: result.best,
  };
}
