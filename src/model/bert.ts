import { Dropout, Embedding, LayerNorm, Linear, Module } from '../nn/index.js';
import { add, attention, gelu, reshape, tanh, gatherRows, type Engine, type Rng, type Tensor } from '../tensor/index.js';
import type { BertConfig } from './config.js';
import { Group } from './group.js';
import { queryBlocks } from './output-rows.js';

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

/** Query blocks at least this share of the sequence run every query instead (see BertAttention.forward). */
const FULL_QUERIES_SHARE = 0.8;

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

  /** With `rows`, only those flat positions leave the layer: [rows, hidden] instead of [batch, seq, hidden]. */
  forward(x: Tensor, mask: Int32Array | null, rows: Int32Array | null): Tensor {
    const [batch, seq, hidden] = x.shape as [number, number, number];
    const p = this.training ? this.c.attention_probs_dropout_prob : 0;
    const options = { heads: this.c.num_attention_heads, mask, dropout: p, seed: p > 0 ? this.dropoutRng.nextUint32() : 0 };
    const keys = this.key.forward(x), values = this.value.forward(x);
    if (rows === null) {
      const ctx = attention(this.query.forward(x), keys, values, options);
      return this.norm.forward(add(x, this.dropout.forward(this.dense.forward(ctx))));
    }
    const flat = reshape(x, [batch * seq, hidden]);
    const blocks = queryBlocks(rows, batch, seq);
    let picked: Tensor;
    if (blocks.perSequence >= FULL_QUERIES_SHARE * seq) {
      // nearly every position is read (token classification): gathering query blocks would save nothing
      const ctx = attention(this.query.forward(x), keys, values, options);
      picked = gatherRows(reshape(ctx, [batch * seq, hidden]), rows);
    } else {
      // only the requested rows' queries: each sequence's rows as one block of queries against all its keys
      const queries = reshape(gatherRows(flat, blocks.positions), [batch, blocks.perSequence, hidden]);
      const ctx = attention(this.query.forward(queries), keys, values, options);
      picked = gatherRows(reshape(ctx, [batch * blocks.perSequence, hidden]), blocks.slots);
    }
    return this.norm.forward(add(gatherRows(flat, rows), this.dropout.forward(this.dense.forward(picked))));
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

  forward(x: Tensor, mask: Int32Array | null, rows: Int32Array | null = null): Tensor {
    const a = this.attention.forward(x, mask, rows);
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

  /**
   * Final hidden states [batch, seq, hidden]; with `rows` (flat positions, ascending and distinct, see
   * output-rows.ts) only those: [rows, hidden], the last layer computing nothing else.
   */
  forward(input: EncoderInput, rows: Int32Array | null = null): Tensor {
    checkInput(input, this.config);
    checkRows(rows, input.batch * input.seq);
    const mask = input.attentionMask ?? null;
    let x = this.embeddings.forward(input);
    for (const [i, layer] of this.layers.entries()) x = layer.forward(x, mask, i === this.layers.length - 1 ? rows : null);
    return x;
  }

  /** Flat positions of each sequence's [CLS]: the rows `pool` reads. */
  static clsRows(batch: number, seq: number): Int32Array {
    return Int32Array.from({ length: batch }, (_, b) => b * seq);
  }

  /** tanh(dense(hidden state of [CLS])) for each sequence, from `forward(input, clsRows(...))`: [batch, hidden]. */
  pool(cls: Tensor): Tensor {
    return tanh(this.pooler.forward(cls));
  }
}

function checkRows(rows: Int32Array | null, positions: number): void {
  if (rows === null) return;
  if (rows.length === 0) throw new Error('BertModel: an empty list of output rows');
  for (let i = 0; i < rows.length; i++) {
    if (!(rows[i]! >= 0 && rows[i]! < positions) || (i > 0 && rows[i]! <= rows[i - 1]!)) {
      throw new Error(`BertModel: output row ${rows[i]} at ${i} is out of order or outside 0..${positions - 1}`);
    }
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
