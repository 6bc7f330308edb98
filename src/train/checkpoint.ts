import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileErrorReason, MedbertError } from '../errors.js';
import { validateConfig, type BertConfig } from '../model/index.js';
import type { NamedArray } from '../nn/index.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import { specialIds, type SpecialIds } from '../data/special-tokens.js';
import { SentencePieceModel } from '../tokenizer/index.js';
import { checkCanWriteBeside, checkOutputFolder, makeDirectories, replaceFolder, tempBeside, trackPending } from '../directories.js';

const CHECKPOINT_FOLDER = 'checkpoint folder';

/**
 * A checkpoint folder, as DESIGN.md lays it out: `config.json` (Hugging Face BertConfig names),
 * `model.safetensors` (Hugging Face BERT tensor names), `tokenizer.model`, and for training state
 * `optimizer.safetensors` + `trainer_state.json`. Written to a temporary folder and renamed into place, so a
 * crash never leaves a half-written checkpoint.
 */
export interface CheckpointContents {
  readonly config: BertConfig;
  readonly weights: ReadonlyMap<string, NamedArray>;
  readonly tokenizer?: Uint8Array | null;
  readonly optimizer?: ReadonlyMap<string, NamedArray> | null;
  readonly trainerState?: unknown;
  /** More config.json fields (a task head's labels, architectures). */
  readonly extraConfig?: Readonly<Record<string, unknown>>;
}

export interface LoadedCheckpoint {
  readonly config: BertConfig;
  /** config.json as written, with any task fields (id2label, entity_types, ...). */
  readonly rawConfig: Readonly<Record<string, unknown>>;
  readonly weights: Map<string, NamedArray>;
  /** tokenizer.model's bytes (written again with a fine-tuned model), and the model they hold. */
  readonly tokenizer: Uint8Array | null;
  readonly tokenizerModel: SentencePieceModel | null;
  readonly optimizer: Map<string, NamedArray> | null;
  readonly trainerState: unknown;
}

/** The checkpoint's tokenizer, which a checkpoint for text must have (`dir` names it in the message). */
export function checkpointTokenizer(c: LoadedCheckpoint, dir: string): SentencePieceModel {
  if (c.tokenizerModel === null) throw new MedbertError(`${dir} has no tokenizer.model`);
  return c.tokenizerModel;
}

/** Writes a checkpoint folder atomically; it will not replace a file or a folder that is not a checkpoint. */
export function saveCheckpoint(dir: string, c: CheckpointContents): void {
  checkOutputFolder(dir, 'config.json', CHECKPOINT_FOLDER);
  const parent = dirname(dir);
  makeDirectories(parent);
  const tmp = tempBeside(dir);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  trackPending(tmp, true);
  try {
    writeFileSync(join(tmp, 'config.json'), JSON.stringify({ architectures: ['BertForMaskedLM'], ...c.config, ...c.extraConfig }, null, 2) + '\n');
    writeFileSync(join(tmp, 'model.safetensors'), encodeSafetensors(c.weights, { format: 'pt' }));
    if (c.tokenizer) writeFileSync(join(tmp, 'tokenizer.model'), c.tokenizer);
    if (c.optimizer) writeFileSync(join(tmp, 'optimizer.safetensors'), encodeSafetensors(c.optimizer));
    if (c.trainerState !== undefined) writeFileSync(join(tmp, 'trainer_state.json'), JSON.stringify(c.trainerState, null, 2) + '\n');
  } catch (error) { // a full disk: no partial checkpoint left beside the output
    rmSync(tmp, { recursive: true, force: true });
    // A write's error names no file: say which checkpoint could not be written, and why.
    const reason = fileErrorReason(error);
    throw reason === undefined ? error : new MedbertError(`cannot write the checkpoint ${dir}: ${reason}`, { cause: error });
  } finally {
    trackPending(tmp, false);
  }
  replaceFolder(tmp, dir);
}

/**
 * Throws when `dir` holds something other than an earlier checkpoint (MedbertError), or cannot be written: a command
 * that trains checks its --out before it starts, not after.
 */
export function checkCheckpointFolder(dir: string): void {
  checkOutputFolder(dir, 'config.json', CHECKPOINT_FOLDER);
  checkCanWriteBeside(dir);
}

/**
 * For a command that writes a checkpoint without training state (fine-tuning, model init): refuses to replace the
 * checkpoint it reads (`input`), or one that holds training state, which `pretrain --resume` needs and this write
 * would drop.
 */
export function checkReplaceable(dir: string, input: string | null = null): void {
  if (input !== null && resolve(dir) === resolve(input)) {
    throw new MedbertError(`--out ${dir} is the checkpoint being read: write the result to another folder`);
  }
  if (existsSync(join(dir, 'trainer_state.json')) || existsSync(join(dir, 'optimizer.safetensors'))) {
    throw new MedbertError(`${dir} holds a pretraining checkpoint with its training state (pretrain --resume continues from it): write to another folder, or remove it first`);
  }
}

export function loadCheckpoint(dir: string): LoadedCheckpoint {
  const configPath = join(dir, 'config.json');
  const modelPath = join(dir, 'model.safetensors');
  if (!existsSync(dir)) throw new MedbertError(`checkpoint ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new MedbertError(`checkpoint ${dir} is a file: a checkpoint is a folder (config.json, model.safetensors)`);
  if (!existsSync(configPath)) throw new MedbertError(`checkpoint ${dir} has no config.json`);
  if (!existsSync(modelPath)) throw new MedbertError(`checkpoint ${dir} has no model.safetensors`);
  const rawConfig = readConfigObject(configPath);
  const tokenizerPath = join(dir, 'tokenizer.model');
  const tokenizer = existsSync(tokenizerPath) ? new Uint8Array(readFileSync(tokenizerPath)) : null;
  const tokenizerModel = tokenizer === null ? null : SentencePieceModel.fromBytes(tokenizer, tokenizerPath);
  const config = withTokenizerIds(readConfig(configPath), rawConfig, tokenizerModel, tokenizerPath, configPath);
  const file = guard(modelPath, () => decodeSafetensors(readFileSync(modelPath), modelPath));
  for (const [name, dtype] of file.skipped) {
    if (/\.(?:weight|bias)$/.test(name)) throw new MedbertError(`${modelPath}: tensor '${name}' is ${dtype}: integer (quantized) weights are not supported`);
  }
  if (rawConfig['tie_word_embeddings'] === false && file.tensors.has('cls.predictions.decoder.weight')) {
    throw new MedbertError(`${configPath}: tie_word_embeddings is false (an MLM decoder of its own): medbert ties the decoder to the word embeddings`);
  }
  const weights = normalizeHuggingFaceNames(file.tensors);
  // Layers past config.json's count would be left out without a word (a model cut short): say which file is wrong.
  for (const name of weights.keys()) {
    const layer = /^bert\.encoder\.layer\.(\d+)\./.exec(name);
    if (layer !== null && Number(layer[1]) >= config.num_hidden_layers) {
      throw new MedbertError(`${modelPath} has encoder layer ${layer[1]}, but ${configPath} says num_hidden_layers ${config.num_hidden_layers}`);
    }
  }
  const optimizerPath = join(dir, 'optimizer.safetensors');
  const statePath = join(dir, 'trainer_state.json');
  return {
    config,
    rawConfig,
    weights,
    tokenizer,
    tokenizerModel,
    optimizer: existsSync(optimizerPath) ? guard(optimizerPath, () => decodeSafetensors(readFileSync(optimizerPath), optimizerPath)).tensors : null,
    trainerState: existsSync(statePath) ? guard(statePath, () => JSON.parse(readFileSync(statePath, 'utf8')) as unknown) : null,
  };
}

/** config.json as a JSON object. */
function readConfigObject(path: string): Record<string, unknown> {
  const raw = guard(path, () => JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new MedbertError(`${path}: not a JSON object`);
  return raw as Record<string, unknown>;
}

const SPECIAL_ID_FIELDS = ['pad_token_id', 'unk_token_id', 'cls_token_id', 'sep_token_id', 'mask_token_id'] as const;

/**
 * The config with the tokenizer's checks: its pieces must all be ids of the model's vocabulary, and special ids that
 * config.json leaves out (a Hugging Face config names only pad_token_id) are the tokenizer's [PAD], [UNK], [CLS],
 * [SEP] and [MASK], not bert-base-uncased's 0, 100, 101, 102, 103.
 */
function withTokenizerIds(config: BertConfig, raw: Readonly<Record<string, unknown>>, sp: SentencePieceModel | null, tokenizerPath: string,
  configPath: string): BertConfig {
  if (sp === null) return config;
  if (sp.vocabSize > config.vocab_size) {
    throw new MedbertError(`${tokenizerPath} has ${sp.vocabSize} pieces, but ${configPath} says vocab_size ${config.vocab_size}: the tokenizer of another model?`);
  }
  if (SPECIAL_ID_FIELDS.every((key) => raw[key] !== undefined && raw[key] !== null)) return config;
  let ids: SpecialIds;
  try {
    ids = specialIds(sp, tokenizerPath);
  } catch {
    return config; // a tokenizer without BERT's pieces: config.json's ids (or BERT's) stand, and the task says what it lacks
  }
  const fromTokenizer: Record<(typeof SPECIAL_ID_FIELDS)[number], number> = {
    pad_token_id: ids.pad, unk_token_id: ids.unk, cls_token_id: ids.cls, sep_token_id: ids.sep, mask_token_id: ids.mask,
  };
  const filled = { ...config };
  for (const key of SPECIAL_ID_FIELDS) if (raw[key] === undefined || raw[key] === null) filled[key] = fromTokenizer[key];
  return filled;
}

/** Reads config.json; fields a Hugging Face config lacks (special ids, concepts) take BERT's defaults. */
export function readConfig(path: string): BertConfig {
  const raw = readConfigObject(path);
  const defaults: BertConfig = {
    model_type: 'bert', vocab_size: 0, hidden_size: 0, num_hidden_layers: 0, num_attention_heads: 0, intermediate_size: 0,
    hidden_act: 'gelu', hidden_dropout_prob: 0.1, attention_probs_dropout_prob: 0.1, max_position_embeddings: 512,
    type_vocab_size: 2, initializer_range: 0.02, layer_norm_eps: 1e-12, position_embedding_type: 'absolute', pad_token_id: 0,
    unk_token_id: 100, cls_token_id: 101, sep_token_id: 102, mask_token_id: 103, num_entity_concepts: 0,
  };
  const missing = ['vocab_size', 'hidden_size', 'num_hidden_layers', 'num_attention_heads', 'intermediate_size'].filter((k) => raw[k] === undefined || raw[k] === null);
  if (missing.length > 0) throw new MedbertError(`${path} lacks ${missing.join(', ')}: not a BERT config`);
  // Only BertConfig's fields: task fields (id2label, architectures, ...) stay in the raw JSON.
  const config = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, raw[k] ?? v])) as unknown as BertConfig;
  if (config.hidden_act !== 'gelu') throw new MedbertError(`${path}: hidden_act '${String(config.hidden_act)}' is not supported (only gelu)`);
  if (config.position_embedding_type !== 'absolute') {
    throw new MedbertError(`${path}: position_embedding_type '${String(config.position_embedding_type)}' is not supported (only absolute, learned positions)`);
  }
  guard(path, () => validateConfig(config));
  return config;
}

/**
 * Accepts the names of Hugging Face's BertModel (no `bert.` prefix), BertForMaskedLM/BertForPreTraining,
 * and old TF-converted checkpoints (`LayerNorm.gamma/beta`); drops the tied decoder weight.
 */
function normalizeHuggingFaceNames(weights: Map<string, NamedArray>): Map<string, NamedArray> {
  const prefixed = [...weights.keys()].some((k) => k.startsWith('bert.'));
  const out = new Map<string, NamedArray>();
  for (const [name, t] of weights) {
    let n = !prefixed && /^(embeddings|encoder|pooler)\./.test(name) ? `bert.${name}` : name;
    n = n.replace(/LayerNorm\.gamma$/, 'LayerNorm.weight').replace(/LayerNorm\.beta$/, 'LayerNorm.bias');
    if (n === 'cls.predictions.decoder.weight' || n.endsWith('position_ids')) continue;
    if (n === 'cls.predictions.decoder.bias') n = 'cls.predictions.bias';
    out.set(n, t);
  }
  return out;
}

function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof MedbertError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new MedbertError(message.startsWith(path) ? message : `${path}: ${message}`, { cause: error });
  }
}
