import { specialIds, type SpecialIds } from '../../data/special-tokens.js';
import { BertForMultipleChoice, type BertConfig } from '../../model/index.js';
import { loadPretrainedWeights, loadStateDict, type NamedArray } from '../../nn/index.js';
import { Rng, type Engine } from '../../tensor/index.js';
import type { SentencePieceModel } from '../../tokenizer/index.js';
import { argmaxRows } from '../argmax.js';
import { finetune, type EpochReport, type FinetuneOptions, type FinetuneProgress } from '../finetune.js';
import { batchQuestions, encodeQuestion, type QaExample } from './encode.js';
import type { Question } from './medqa.js';
import { yieldToEventLoop } from '../../event-loop.js';

export interface QaScores {
  readonly accuracy: number;
  readonly n: number;
}

/** A multiple-choice model with its tokenizer. */
export class QaModel {
  readonly special: SpecialIds;

  constructor(readonly engine: Engine, readonly model: BertForMultipleChoice, readonly sp: SentencePieceModel, readonly maxLength: number) {
    this.special = specialIds(sp, 'tokenizer');
  }

  /**
   * Builds the model from a config and weights: a pretrained encoder, whose classifier (another task's, or none)
   * starts fresh (`classifier: 'fresh'`, to fine-tune; a pooler the weights lack too: a BertForMaskedLM has none), or a
   * fine-tuned model with its classifier (`'load'`). `source` names the weights in messages; no weights (null): a model
   * from its initialisation (tests, benchmarks).
   */
  static create(engine: Engine, config: BertConfig, weights: ReadonlyMap<string, NamedArray> | null, sp: SentencePieceModel, seed: number,
    options: { classifier: 'fresh' | 'load'; maxLength?: number; source?: string }): QaModel {
    const model = new BertForMultipleChoice(engine, config, new Rng(seed), new Rng(seed + 1));
    const fresh = options.classifier === 'fresh';
    try {
      if (weights !== null) loadPretrainedWeights(model, weights, { fresh: fresh ? ['classifier.'] : [], optional: fresh ? ['bert.pooler.'] : [], source: options.source });
    } catch (error) {
      model.dispose();
      throw error;
    }
    return new QaModel(engine, model, sp, Math.min(options.maxLength ?? 256, config.max_position_embeddings));
  }

  examples(questions: readonly Question[]): QaExample[] {
    return questions.map((q) => encodeQuestion(q, this.sp, this.special, this.maxLength));
  }

  /** The chosen option per question. */
  async predict(examples: readonly QaExample[], batchSize = 8): Promise<Int32Array> {
    this.model.eval();
    const out: number[] = [];
    for (let i = 0; i < examples.length; i += batchSize) {
      const { input, options } = batchQuestions(examples.slice(i, i + batchSize), this.special.pad);
      const scores = this.engine.noGrad(() => this.engine.tidy(() => this.model.scores(input, options)));
      out.push(...argmaxRows(await scores.data(), options));
      scores.dispose();
      await yieldToEventLoop(); // a Ctrl-C is seen between batches
    }
    return Int32Array.from(out);
  }

  async evaluate(examples: readonly QaExample[]): Promise<QaScores> {
    const chosen = await this.predict(examples);
    const right = examples.filter((e, i) => chosen[i] === e.answer).length;
    return { accuracy: examples.length === 0 ? 0 : right / examples.length, n: examples.length };
  }
}

export interface QaFinetuneResult {
  readonly dev: QaScores;
  readonly test: QaScores | null;
  readonly epochs: EpochReport[];
  readonly best: Map<string, NamedArray>;
}

/** Fine-tunes the multiple-choice head and encoder; keeps the epoch with the best dev accuracy. */
export async function finetuneQa(qa: QaModel, train: readonly Question[], dev: readonly Question[], test: readonly Question[] | null,
  options: FinetuneOptions,
  hooks: { onStep?: (p: FinetuneProgress) => void; onEpoch?: (r: EpochReport) => void; shouldStop?: () => boolean } = {}): Promise<QaFinetuneResult> {
  const trainExamples = qa.examples(train), devExamples = qa.examples(dev);
  const result = await finetune(qa.engine, qa.model, trainExamples, options, (batch) => {
    const { input, options: n, answers } = batchQuestions(batch, qa.special.pad);
    return qa.model.loss(input, n, answers);
  }, async () => (await qa.evaluate(devExamples)).accuracy, hooks);
  loadStateDict(qa.model, result.best);
  return {
    // Stopped by the user: the test set is not scored.
    dev: await qa.evaluate(devExamples), test: test === null || hooks.shouldStop?.() === true ? null : await qa.evaluate(qa.examples(test)),
    epochs: result.epochs, best: result.best,
  };
}
