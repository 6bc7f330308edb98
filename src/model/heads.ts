import { LayerNorm, Linear, Module } from '../nn/index.js';
import { gelu, matmul, type Engine, type Rng, type Tensor } from '../tensor/index.js';
import type { BertConfig } from './config.js';

/**
 * dense → GELU → LayerNorm (Hugging Face `BertPredictionHeadTransform`), shared by the MLM and entity heads.
 */
export class PredictionTransform extends Module {
  readonly dense: Linear;
  readonly norm: LayerNorm;

  constructor(engine: Engine, c: BertConfig, init: Rng) {
    super(engine);
    this.dense = this.child('dense', new Linear(engine, c.hidden_size, c.hidden_size, init, { std: c.initializer_range }));
    this.norm = this.child('LayerNorm', new LayerNorm(engine, c.hidden_size, c.layer_norm_eps));
  }

  forward(x: Tensor): Tensor {
    return this.norm.forward(gelu(this.dense.forward(x)));
  }
}

/**
 * Masked-language-model head (`cls.predictions.*`): transform, then a decoder tied to the word embeddings
 * plus its own bias. Applied only to the rows it is given (the masked positions), never the whole sequence.
 */
export class MlmHead extends Module {
  readonly transform: PredictionTransform;
  readonly bias: Tensor;

  constructor(engine: Engine, c: BertConfig, init: Rng, private readonly wordEmbeddings: Tensor) {
    super(engine);
    this.transform = this.child('transform', new PredictionTransform(engine, c, init));
    this.bias = this.param('bias', engine.zeros([c.vocab_size]));
  }

  /** rows [n, hidden] → logits [n, vocab]. */
  forward(rows: Tensor): Tensor {
    return matmul(this.transform.forward(rows), this.wordEmbeddings, { transB: true, bias: this.bias });
  }
}

/**
 * Medical entity prediction head (`entity.*`): each masked entity span is pooled into one vector (the mean
 * of its final hidden states: every piece of the mention counts equally, whatever its length), transformed
 * like the MLM head, then classified over the ontology's concepts.
 */
export class EntityHead extends Module {
  readonly transform: PredictionTransform;
  readonly decoder: Linear;

  constructor(engine: Engine, c: BertConfig, init: Rng) {
    super(engine);
    this.transform = this.child('transform', new PredictionTransform(engine, c, init));
    this.decoder = this.child('decoder', new Linear(engine, c.hidden_size, c.num_entity_concepts, init, { std: c.initializer_range }));
  }

  /** pooled [spans, hidden] → logits [spans, concepts]. */
  forward(pooled: Tensor): Tensor {
    return this.decoder.forward(this.transform.forward(pooled));
  }
}

