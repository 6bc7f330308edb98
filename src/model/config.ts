/**
 * The encoder's configuration, with Hugging Face `BertConfig` field names so that `config.json` loads in
 * transformers unchanged. Special-token ids ride along (the tokenizer decides them).
 */
export interface BertConfig {
  readonly model_type: 'bert';
  readonly vocab_size: number;
  readonly hidden_size: number;
  readonly num_hidden_layers: number;
  readonly num_attention_heads: number;
  readonly intermediate_size: number;
  readonly hidden_act: 'gelu';
  readonly hidden_dropout_prob: number;
  readonly attention_probs_dropout_prob: number;
  readonly max_position_embeddings: number;
  readonly type_vocab_size: number;
  readonly initializer_range: number;
  readonly layer_norm_eps: number;
  readonly position_embedding_type: 'absolute';
  readonly pad_token_id: number;
  readonly unk_token_id: number;
  readonly cls_token_id: number;
  readonly sep_token_id: number;
  readonly mask_token_id: number;
  /** Concepts the entity-prediction head predicts over (0: no entity head). medbert's own field. */
  readonly num_entity_concepts: number;
}

export type PresetName = 'tiny' | 'small' | 'base' | 'large' | 'xl';
export const PRESET_NAMES: readonly PresetName[] = ['tiny', 'small', 'base', 'large', 'xl'];

type Shape = Pick<BertConfig, 'vocab_size' | 'hidden_size' | 'num_hidden_layers' | 'num_attention_heads' | 'intermediate_size'>;

/**
 * Sizes per preset. `xl` is the paper's: 36 layers, hidden 1536, 24 heads, 64,000 pieces. BERT's 4×
 * feed-forward (6144) would give 1.12B parameters there, not the paper's 1.75B; an intermediate size of
 * 11,776 (92·128, 7.67× hidden) gives 1,746,876,928 with the MLM head (README: "Parameter count").
 */
const SHAPES: Record<PresetName, Shape> = {
  tiny: { vocab_size: 8000, hidden_size: 256, num_hidden_layers: 4, num_attention_heads: 4, intermediate_size: 1024 },
  small: { vocab_size: 16000, hidden_size: 512, num_hidden_layers: 4, num_attention_heads: 8, intermediate_size: 2048 },
  base: { vocab_size: 32000, hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072 },
  large: { vocab_size: 64000, hidden_size: 1024, num_hidden_layers: 24, num_attention_heads: 16, intermediate_size: 4096 },
  xl: { vocab_size: 64000, hidden_size: 1536, num_hidden_layers: 36, num_attention_heads: 24, intermediate_size: 11776 },
};

export function presetConfig(name: PresetName, overrides: Partial<BertConfig> = {}): BertConfig {
  const config: BertConfig = {
    model_type: 'bert',
    ...SHAPES[name],
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    attention_probs_dropout_prob: 0.1,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    position_embedding_type: 'absolute',
    pad_token_id: 0,
    unk_token_id: 1,
    cls_token_id: 2,
    sep_token_id: 3,
    mask_token_id: 4,
    num_entity_concepts: 0,
    ...overrides,
  };
  validateConfig(config);
  return config;
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Rejects impossible configurations with a message naming the field. */
export function validateConfig(c: BertConfig): void {
  const positive: (keyof BertConfig)[] = ['vocab_size', 'hidden_size', 'num_hidden_layers', 'num_attention_heads',
    'intermediate_size', 'max_position_embeddings', 'type_vocab_size'];
  for (const key of positive) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error(`config: ${key} must be a positive integer, got ${JSON.stringify(v) ?? String(v)}`);
  }
  if (c.hidden_size % c.num_attention_heads !== 0) {
    throw new Error(`config: hidden_size ${c.hidden_size} is not divisible by num_attention_heads ${c.num_attention_heads}`);
  }
  for (const key of ['hidden_dropout_prob', 'attention_probs_dropout_prob'] as const) {
    if (!(c[key] >= 0 && c[key] < 1)) throw new Error(`config: ${key} must be in [0, 1), got ${c[key]}`);
  }
  for (const key of ['pad_token_id', 'unk_token_id', 'cls_token_id', 'sep_token_id', 'mask_token_id'] as const) {
    if (!(Number.isInteger(c[key]) && c[key] >= 0 && c[key] < c.vocab_size)) {
      throw new Error(`config: ${key} ${c[key]} is outside the vocabulary (0..${c.vocab_size - 1})`);
    }
  }
}
