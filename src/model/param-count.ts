import type { BertConfig } from './config.js';

export interface ParameterCount {
  readonly embeddings: number;
  readonly encoder: number;
  readonly perLayer: number;
  readonly pooler: number;
  /** MLM head without the decoder weight, which is tied to the word embeddings. */
  readonly mlmHead: number;
  readonly entityHead: number;
  /** embeddings + encoder + pooler + MLM head + entity head. */
  readonly total: number;
}

/** Exact parameter counts from the configuration alone (nothing allocated). */
export function countParameters(c: BertConfig): ParameterCount {
  const h = c.hidden_size, i = c.intermediate_size;
  const linear = (inF: number, outF: number): number => inF * outF + outF;
  const layerNorm = 2 * h;
  const embeddings = (c.vocab_size + c.max_position_embeddings + c.type_vocab_size) * h + layerNorm;
  const perLayer = 4 * linear(h, h) + layerNorm + linear(h, i) + linear(i, h) + layerNorm;
  const encoder = perLayer * c.num_hidden_layers;
  const pooler = linear(h, h);
  const mlmHead = linear(h, h) + layerNorm + c.vocab_size;
  const entityHead = c.num_entity_concepts > 0 ? linear(h, h) + layerNorm + linear(h, c.num_entity_concepts) : 0;
  return { embeddings, encoder, perLayer, pooler, mlmHead, entityHead, total: embeddings + encoder + pooler + mlmHead + entityHead };
}
