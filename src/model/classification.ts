import { Dropout, Linear, Module } from '../nn/index.js';
import { reshape, softmaxCrossEntropy, type Engine, type Rng, type Tensor } from '../tensor/index.js';
import { BertModel, type EncoderInput } from './bert.js';
import type { BertConfig } from './config.js';
import { outputRows, pickRows } from './output-rows.js';

/**
 * Token classification (Hugging Face `BertForTokenClassification`: `bert.*` + `classifier.*`): dropout, then
 * a linear layer over the hidden state of each labelled position. Only the positions given are scored
 * (e.g. the first piece of each word), never the whole sequence.
 */
export class BertForTokenClassification extends Module {
  readonly bert: BertModel;
  readonly dropout: Dropout;
  readonly classifier: Linear;

  constructor(engine: Engine, readonly config: BertConfig, readonly numLabels: number, init: Rng, dropoutRng: Rng) {
    super(engine);
    this.bert = this.child('bert', new BertModel(engine, config, init, dropoutRng));
    this.dropout = this.child('dropout', new Dropout(engine, config.hidden_dropout_prob, dropoutRng));
    this.classifier = this.child('classifier', new Linear(engine, config.hidden_size, numLabels, init, { std: config.initializer_range }));
  }

  /** Logits [positions, labels] at the flat positions (b·seq + i). */
  logits(input: EncoderInput, positions: Int32Array): Tensor {
    const wanted = outputRows(positions);
    const hidden = this.bert.forward(input, wanted.rows);
    return this.classifier.forward(this.dropout.forward(pickRows(hidden, wanted)));
  }

  loss(input: EncoderInput, positions: Int32Array, labels: Int32Array): Tensor {
    return softmaxCrossEntropy(this.logits(input, positions), labels);
  }
}

/**
 * Multiple choice (Hugging Face `BertForMultipleChoice`: `bert.*` + `classifier.*`): each option is its own
 * sequence; the pooled [CLS] state → dropout → one score; a softmax over each question's options.
 */
export class BertForMultipleChoice extends Module {
  readonly bert: BertModel;
  readonly dropout: Dropout;
  readonly classifier: Linear;

  constructor(engine: Engine, readonly config: BertConfig, init: Rng, dropoutRng: Rng) {
    super(engine);
    this.bert = this.child('bert', new BertModel(engine, config, init, dropoutRng));
    this.dropout = this.child('dropout', new Dropout(engine, config.hidden_dropout_prob, dropoutRng));
    this.classifier = this.child('classifier', new Linear(engine, config.hidden_size, 1, init, { std: config.initializer_range }));
  }

  /** input holds questions × options sequences, option-major within a question; returns [questions, options]. */
  scores(input: EncoderInput, options: number): Tensor {
    const pooled = this.bert.pool(this.bert.forward(input, BertModel.clsRows(input.batch, input.seq)));
    return reshape(this.classifier.forward(this.dropout.forward(pooled)), [input.batch / options, options]);
  }

  loss(input: EncoderInput, options: number, answers: Int32Array): Tensor {
    return softmaxCrossEntropy(this.scores(input, options), answers);
  }
}
