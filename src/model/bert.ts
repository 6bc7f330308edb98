import { Dropout, Embedding, LayerNorm, Linear, Module } from '../nn/index.js';
import { add, attention, gelu, reshape, tanh, gatherRows, type Engine, type Rng, type Tensor } from '../tensor/index.js';
import type { BertConfig } from './config.js';
import { Group } from './group.js';

/** One batch of token sequences, row-major [batch][seq]. */
export interface EncoderInput {
  readonly batch: number;
  readonly seq: number;
  readonly inputIds: Int32Array;
  /** Segment ids (0 for the first sentence, 1 for the second); zeros when absent. */
  readonly tokenTypeIds?: Int32Array;
  /** 1 for real tokens, 0 for padding; all ones when absent. */
  readonly attentionMask?: Int32Array;
}

/** Word + position + token-type embeddings, LayerNorm, dropout (Hugging Face `BertEmbeddings`). */
class BertEmbeddings extends Module {
  readonly word: Embedding;
  readonly position: Embedding;
  readonly tokenType: Embedding;
  readonly norm: LayerNorm;
  readonly dropout: Dropout;

  constructor(engine: Engine, c: BertConfig, init: Rng, dropoutRng: Rng) {
    super(engine);
    const std = c.initializer_range;
    this.word = this.child('word_embeddings', new Embedding(engine, c.vocab_size, c.hidden_size, init, std));
    this.position = this.child('position_embeddings', new Embedding(engine, c.max_position_embeddings, c.hidden_size, init, std));
    this.tokenType = this.child('token_type_embeddings', new Embedding(engine, c.type_vocab_size, c.hidden_size, init, std));
    this.norm = this.child('LayerNorm', new LayerNorm(engine, c.hidden_size, c.layer_norm_eps));
    this.dropout = this.child('dropout', new Dropout(engine, c.hidden_dropout_prob, dropoutRng));
  }

  forward(input: EncoderInput): Tensor {
    const { batch, seq } = input;
    const positions = new Int32Array(batch * seq);
    for (let i = 0; i < positions.length; i++) positions[i] = i % seq;
    const types = input.tokenTypeIds ?? new Int32Array(batch * seq);
    const sum = add(add(this.word.forward(input.inputIds), this.position.forward(positions)), this.tokenType.forward(types));
    return this.dropout.forward(this.norm.forward(reshape(sum, [batch, seq, this.word.dim])));
  }
}

/** Self-attention (query/key/value projections + fused attention) and its output projection. */
class BertAttention extends Module {
  readonly query: Linear;
  readonly key: Linear;
  readonly value: Linear;
  readonly dense: Linear;
  readonly norm: LayerNorm;
  readonly dropout: Dropout;

  constructor(engine: Engine, private readonly c: BertConfig, init: Rng, private readonly dropoutRng: Rng) {
    super(engine);
    const h = c.hidden_size, std = c.initializer_range;
    const self = this.child('self', new Group(engine));
    const output = this.child('output', new Group(engine));
    this.query = self.add('query', new Linear(engine, h, h, init, { std }));
    this.key = self.add('key', new Linear(engine, h, h, init, { std }));
    this.value = self.add('value', new Linear(engine, h, h, init, { std }));
    this.dense = output.add('dense', new Linear(engine, h, h, init, { std }));
    this.norm = output.add('LayerNorm', new LayerNorm(engine, h, c.layer_norm_eps));
    this.dropout = output.add('dropout', new Dropout(engine, c.hidden_dropout_prob, dropoutRng));
  }

  forward(x: Tensor, mask: Int32Array | null): Tensor {
    const p = this.training ? this.c.attention_probs_dropout_prob : 0;
    const ctx = attention(this.query.forward(x), this.key.forward(x), this.value.forward(x), {
      heads: this.c.num_attention_heads, mask, dropout: p, seed: p > 0 ? this.dropoutRng.nextUint32() : 0,
    });
    return this.norm.forward(add(x, this.dropout.forward(this.dense.forward(ctx))));
  }
}

/** One post-LN Transformer layer (Hugging Face `BertLayer`). */
class BertLayer extends Module {
  readonly attention: BertAttention;
  readonly intermediate: Linear;
  readonly output: Linear;
  readonly norm: LayerNorm;
  readonly dropout: Dropout;

  constructor(engine: Engine, c: BertConfig, init: Rng, dropoutRng: Rng) {
    super(engine);
    const std = c.initializer_range;
    this.attention = this.child('attention', new BertAttention(engine, c, init, dropoutRng));
    const intermediate = this.child('intermediate', new Group(engine));
    this.intermediate = intermediate.add('dense', new Linear(engine, c.hidden_size, c.intermediate_size, init, { std }));
    const output = this.child('output', new Group(engine));
    this.output = output.add('dense', new Linear(engine, c.intermediate_size, c.hidden_size, init, { std }));
    this.norm = output.add('LayerNorm', new LayerNorm(engine, c.hidden_size, c.layer_norm_eps));
    this.dropout = output.add('dropout', new Dropout(engine, c.hidden_dropout_prob, dropoutRng));
  }

  forward(x: Tensor, mask: Int32Array | null): Tensor {
    const a = this.attention.forward(x, mask);
    const h = this.output.forward(gelu(this.intermediate.forward(a)));
    return this.norm.forward(add(a, this.dropout.forward(h)));
  }
}

/**
 * The BERT encoder as Hugging Face's `BertModel` computes it, with its parameter names (`embeddings.*`,
 * `encoder.layer.N.*`, `pooler.dense.*`). Dropout seeds come from `dropoutRng`, owned by the caller so a
 * checkpoint can save and restore it.
 */
export class BertModel extends Module {
  readonly embeddings: BertEmbeddings;
  readonly layers: BertLayer[] = [];
  readonly pooler: Linear;

  constructor(engine: Engine, readonly config: BertConfig, init: Rng, dropoutRng: Rng) {
    super(engine);
    this.embeddings = this.child('embeddings', new BertEmbeddings(engine, config, init, dropoutRng));
    const encoder = this.child('encoder', new Group(engine));
    const layers = encoder.add('layer', new Group(engine));
    for (let i = 0; i < config.num_hidden_layers; i++) {
      this.layers.push(layers.add(String(i), new BertLayer(engine, config, init, dropoutRng)));
    }
    const pooler = this.child('pooler', new Group(engine));
    this.pooler = pooler.add('dense', new Linear(engine, config.hidden_size, config.hidden_size, init, { std: config.initializer_range }));
  }

  /** Final hidden states [batch, seq, hidden]. */
  forward(input: EncoderInput): Tensor {
    checkInput(input, this.config);
    const mask = input.attentionMask ?? null;
    let x = this.embeddings.forward(input);
    for (const layer of this.layers) x = layer.forward(x, mask);
    return x;
  }

  /** tanh(dense(hidden state of [CLS])) for each sequence: [batch, hidden]. */
  pool(hidden: Tensor, batch: number, seq: number): Tensor {
    const rows = Int32Array.from({ length: batch }, (_, b) => b * seq);
    const cls = gatherRows(reshape(hidden, [batch * seq, this.config.hidden_size]), rows);
    return tanh(this.pooler.forward(cls));
  }
}

function checkInput(input: EncoderInput, c: BertConfig): void {
  const n = input.batch * input.seq;
  if (input.inputIds.length !== n) throw new Error(`BertModel: ${input.inputIds.length} input ids for batch ${input.batch} × seq ${input.seq}`);
  if (input.seq > c.max_position_embeddings) {
    throw new Error(`BertModel: sequence length ${input.seq} exceeds max_position_embeddings ${c.max_position_embeddings}`);
  }
  for (const [name, ids, limit] of [['input id', input.inputIds, c.vocab_size], ['token type', input.tokenTypeIds, c.type_vocab_size]] as const) {
    if (ids === undefined) continue;
    if (ids.length !== n) throw new Error(`BertModel: ${ids.length} ${name}s for batch ${input.batch} × seq ${input.seq}`);
    for (let i = 0; i < n; i++) {
      if (!(ids[i]! >= 0 && ids[i]! < limit)) throw new Error(`BertModel: ${name} ${ids[i]} at position ${i} is outside 0..${limit - 1}`);
    }
  }
  if (input.attentionMask !== undefined && input.attentionMask.length !== n) {
    throw new Error(`BertModel: attention mask has ${input.attentionMask.length} entries for batch ${input.batch} × seq ${input.seq}`);
  }
}
