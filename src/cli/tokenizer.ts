// `medbert tokenizer train|encode|decode|export-hf`: the flags and line handling of Google's spm_train,
// spm_encode and spm_decode, so users can switch tools by name.
import type { Command } from './command.js';
import { boolFlag, intFlag, numberFlag, parseFlags, printJson, required, type FlagSpec } from './args.js';
import { MedbertError } from '../errors.js';
import { toHuggingFaceJson } from '../tokenizer/hf-export.js';
import type { PieceModel } from '../tokenizer/piece-model.js';
import { UnigramTrainer, type TrainedModel, type TrainProgress, type UnigramTrainOptions } from '../tokenizer/trainer/trainer.js';
import { WorkerEStep } from '../tokenizer/trainer/node-parallel.js';
import { availableParallelism } from 'node:os';
import { encodeModelProto } from '../tokenizer/model-proto.js';
import { Progress } from './progress.js';
import { forEachLine, IdLineWriter, LineWriter, readModelFile, writeFileOrFail } from '../tokenizer/node-io.js';
import { fileBytes } from '../corpus/node-io.js';
import { AtomicFile } from '../directories.js';
import { Readable, type Writable } from 'node:stream';
import { mulberry32 } from '../random.js';

const SUBCOMMANDS = 'train, encode, decode, export-hf';

export const tokenizerCommand: Command = {
  name: 'tokenizer',
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'encode': return encodeCommand(rest);
      case 'decode': return decodeCommand(rest);
      case 'train': return trainCommand(rest);
      case 'export-hf': return exportHfCommand(rest);
      case undefined: case '--help': case '-h':
        process.stdout.write(`Usage: medbert tokenizer <${SUBCOMMANDS.replaceAll(', ', '|')}> [options]   (medbert tokenizer <sub> --help)\n`);
        return sub === undefined ? 2 : 0;
      default:
        throw new MedbertError(`unknown tokenizer subcommand '${sub}' (expected one of: ${SUBCOMMANDS})`);
    }
  },
};

const encodeFlags = {
  model: { type: 'string', description: 'model file (.model, as spm_train writes it)', valueName: 'M' },
  output_format: { type: 'string', description: 'piece, id, nbest_piece, nbest_id, sample_piece or sample_id', default: 'piece', valueName: 'FORMAT' },
  nbest_size: { type: 'string', description: 'n-best size (nbest_*: results per line; sample_*: <0 whole lattice, >1 among the n best)', default: '10', valueName: 'N' },
  alpha: { type: 'string', description: 'sampling smoothing parameter', default: '0.5', valueName: 'X' },
  random_seed: { type: 'string', description: 'seed for sample_* (default: random)', valueName: 'N' },
  input: { type: 'string', description: 'input file (else the FILE arguments, else stdin)', valueName: 'FILE' },
  output: { type: 'string', description: 'output file (else stdout)', valueName: 'FILE' },
  extra_options: { type: 'string', description: "':'-separated bos, eos, reverse, unk, applied in order (as spm_encode)", valueName: 'OPTS' },
} satisfies Record<string, FlagSpec>;

/**
 * Runs `body` on the output: stdout, or a file written atomically (AtomicFile: a failed run leaves no output, not an
 * empty or partial one).
 */
async function writeOutput(path: string | undefined, body: (stream: Writable) => Promise<void>): Promise<void> {
  if (path === undefined || path === '') return body(process.stdout);
  const file = new AtomicFile(path);
  try {
    await body(file.writable);
    await file.close();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/**
 * An input file's bytes (`-`: stdin), read as every command reads files: gunzipped when it is gzip, a folder or a
 * truncated gzip named in one line.
 */
function openInput(path: string): Readable {
  return path === '-' || path === '' ? process.stdin : Readable.from(fileBytes(path));
}

function inputsOf(input: string | undefined, positionals: string[]): string[] {
  // spm_encode reads --input and drops the FILE arguments without a word: one of them is surely a mistake.
  if (input !== undefined && input !== '' && positionals.length > 0) throw new MedbertError(`give --input or FILE arguments, not both (--input=${input} and ${positionals[0]})`);
  if (input !== undefined && input !== '') return [input];
  return positionals.length > 0 ? positionals : ['-'];
}

async function encodeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, encodeFlags, {
    usage: 'medbert tokenizer encode --model=M [--output_format=id|piece] [FILE...]',
    description: 'Encodes each input line into pieces or ids, one output line per input line, exactly as spm_encode.',
    examples: ['medbert tokenizer encode --model=m.model --output_format=id < text.txt > ids.txt'],
  }, true);
  if (parsed === null) return 0;
  const { values, positionals } = parsed;
  const format = values.output_format ?? 'piece';
  const formats = ['piece', 'id', 'nbest_piece', 'nbest_id', 'sample_piece', 'sample_id'];
  if (!formats.includes(format)) throw new MedbertError(`--output_format=${format} is not supported: expected one of ${formats.join(', ')}`);
  const nbestSize = intFlag(values.nbest_size, 'nbest_size', 10);
  const alpha = numberFlag(values.alpha, 'alpha', 0.5);
  const random = values.random_seed === undefined ? Math.random : mulberry32(intFlag(values.random_seed, 'random_seed', 0, 0, 4294967295));
  const extras = parseExtraOptions(values.extra_options);
  const model = readModelFile(required(values.model, 'model'));
  await writeOutput(values.output, async (stream) => {
    const writer = new LineWriter(stream);
    const idWriter = new IdLineWriter(stream);
    const plainIds = format === 'id' && extras.length === 0;
    const afterChunk = async (): Promise<void> => {
      if (writer.pending > 1 << 16) await writer.flush();
      if (idWriter.pending > 1 << 16) await idWriter.flush();
    };
    for (const name of inputsOf(values.input, positionals)) {
      await forEachLine(openInput(name), name === '-' ? 'stdin' : name, (line) => {
        const write = (ids: number[], pieces: string[]): void => {
          const r = applyExtras(ids, pieces, extras, model);
          writer.line(format.endsWith('_id') || format === 'id' ? r.ids.join(' ') : r.pieces.join(' '));
        };
        if (format.startsWith('nbest_')) {
          for (const r of model.nbestEncodeBytes(line, nbestSize)) write([...r.ids], [...r.pieces]);
        } else if (format.startsWith('sample_')) {
          const r = model.sampleEncodeBytes(line, { alpha, nbestSize, random });
          write([...r.ids], [...r.pieces]);
        } else if (plainIds) {
          // The hot path: ids straight from the model's buffer into output bytes.
          const count = model.encodeIdsInto(line); // first: it may replace idBuffer
          idWriter.line(model.idBuffer, count);
        } else if (format === 'id') {
          write(model.encodeBytes(line), []);
        } else {
          // Ids only where an option needs them (unk): a piece line is otherwise encoded once.
          const pieces = model.encodeBytesAsPieces(line);
          write(extras.includes('unk') ? model.encodeBytes(line) : [], pieces);
        }
      }, afterChunk);
    }
    await writer.flush();
    await idWriter.flush();
  });
  return 0;
}

/** spm_encode's --extra_options, applied in the order given ("bos:eos:reverse" puts </s> first). */
type Extra = 'bos' | 'eos' | 'reverse' | 'unk';

function parseExtraOptions(value: string | undefined): Extra[] {
  if (value === undefined || value === '') return [];
  return value.split(':').map((option) => {
    if (option !== 'bos' && option !== 'eos' && option !== 'reverse' && option !== 'unk') {
      throw new MedbertError(`--extra_options: unknown option '${option}' (expected bos, eos, reverse or unk)`);
    }
    return option;
  });
}

/**
 * One line's ids and pieces with the extra options applied, in their order: bos and eos add <s> and </s>, reverse
 * reverses what is there so far, unk writes an unknown piece as the model's unknown piece ("<unk>") instead of the
 * text it covers.
 */
function applyExtras(ids: number[], pieces: string[], extras: readonly Extra[], model: PieceModel): { ids: number[]; pieces: string[] } {
  for (const extra of extras) {
    if (extra === 'reverse') {
      ids.reverse();
      pieces.reverse();
    } else if (extra === 'unk') {
      ids.forEach((id, i) => { if (id === model.unkId) pieces[i] = model.pieces[id]!; });
    } else {
      const id = extra === 'bos' ? model.bosId : model.eosId;
      if (id < 0) throw new MedbertError(`--extra_options=${extra}: the model has no ${extra === 'bos' ? 'sentence-start' : 'sentence-end'} piece (${extra}_id -1)`);
      if (extra === 'bos') {
        ids.unshift(id);
        pieces.unshift(model.pieces[id]!);
      } else {
        ids.push(id);
        pieces.push(model.pieces[id]!);
      }
    }
  }
  return { ids, pieces };
}

const decodeFlags = {
  model: { type: 'string', description: 'model file', valueName: 'M' },
  input_format: { type: 'string', description: 'piece or id', default: 'piece', valueName: 'piece|id' },
  input: { type: 'string', description: 'input file (else the FILE arguments, else stdin)', valueName: 'FILE' },
  output: { type: 'string', description: 'output file (else stdout)', valueName: 'FILE' },
} satisfies Record<string, FlagSpec>;

async function decodeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, decodeFlags, {
    usage: 'medbert tokenizer decode --model=M [--input_format=piece|id] [FILE...]',
    description: 'Decodes each line of space-separated pieces or ids back into text, exactly as spm_decode.',
  }, true);
  if (parsed === null) return 0;
  const { values, positionals } = parsed;
  const format = values.input_format ?? 'piece';
  if (format !== 'id' && format !== 'piece') throw new MedbertError(`--input_format=${format} is not supported: expected id or piece`);
  const model = readModelFile(required(values.model, 'model'));
  await writeOutput(values.output, async (stream) => {
    const writer = new LineWriter(stream);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (const name of inputsOf(values.input, positionals)) {
      const label = name === '-' ? 'stdin' : name;
      await forEachLine(openInput(name), label, (line, lineNumber) => {
        const tokens = decoder.decode(line).split(' ').filter((t) => t !== '');
        if (format === 'id') {
          const ids = tokens.map(atoi);
          for (const id of ids) {
            if (id < 0 || id >= model.vocabSize) throw new MedbertError(`${label}: line ${lineNumber}: invalid id ${id} (the model has ${model.vocabSize} pieces)`);
          }
          writer.line(model.decode(ids));
        } else {
          writer.line(model.decodePieces(tokens));
        }
      }, async () => { if (writer.pending > 1 << 16) await writer.flush(); });
    }
    await writer.flush();
  });
  return 0;
}

/** C's atoi, as spm_decode reads ids: optional sign and leading digits, else 0. */
function atoi(token: string): number {
  const m = /^\s*([+-]?\d+)/.exec(token);
  return m === null ? 0 : Number.parseInt(m[1], 10);
}

const exportFlags = {
  model: { type: 'string', description: 'model file', valueName: 'M' },
  output: { type: 'string', description: 'tokenizer.json to write', default: 'tokenizer.json', valueName: 'FILE' },
  json: { type: 'boolean', description: 'print a JSON summary as the last line' },
} satisfies Record<string, FlagSpec>;

async function exportHfCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, exportFlags, {
    usage: 'medbert tokenizer export-hf --model=M [--output=tokenizer.json]',
    description: 'Writes a Hugging Face tokenizer.json (Unigram model) from the SentencePiece model: its pieces, scores and\n' +
      'normalization, and for a BERT vocabulary the [CLS] A [SEP] template and special tokens. Hugging Face\'s Unigram\n' +
      'breaks some ties and a few rare characters otherwise than SentencePiece: medbert\'s own encoder is the reference.',
  });
  if (parsed === null) return 0;
  const { values } = parsed;
  const model = readModelFile(required(values.model, 'model'));
  const output = values.output ?? 'tokenizer.json';
  const json = toHuggingFaceJson(model);
  writeFileOrFail(output, JSON.stringify(json, null, 2) + '\n');
  if (values.json === true) printJson({ output, vocab_size: model.vocabSize });
  else process.stdout.write(`wrote ${output} (${model.vocabSize} pieces)\n`);
  return 0;
}

const trainFlags = {
  input: { type: 'string', description: 'training text, one sentence per line (comma-separated files)', valueName: 'FILE[,FILE]' },
  model_prefix: { type: 'string', description: 'writes PREFIX.model and PREFIX.vocab', valueName: 'PREFIX' },
  vocab_size: { type: 'string', description: 'vocabulary size (default 8000)', valueName: 'N' },
  model_type: { type: 'string', description: 'only unigram', valueName: 'unigram' },
  character_coverage: { type: 'string', description: 'share of characters the alphabet covers (default 0.9995)', valueName: 'X' },
  byte_fallback: { type: 'string', description: 'add <0x00>..<0xFF> pieces for unknown characters (default false)', valueName: 'BOOL' },
  user_defined_symbols: { type: 'string', description: 'comma-separated pieces always kept whole', valueName: 'A,B' },
  control_symbols: { type: 'string', description: 'comma-separated control pieces', valueName: 'A,B' },
  normalization_rule_name: { type: 'string', description: 'nmt_nfkc (default), nfkc, nmt_nfkc_cf, nfkc_cf or identity', valueName: 'NAME' },
  input_sentence_size: { type: 'string', description: 'sample at most N sentences (default 0 = all)', valueName: 'N' },
  shuffle_input_sentence: { type: 'string', description: 'sample at random rather than the first N (default true)', valueName: 'BOOL' },
  split_digits: { type: 'string', description: 'digits are pieces of their own (default false)', valueName: 'BOOL' },
  split_by_whitespace: { type: 'string', description: 'pieces do not cross spaces (default true)', valueName: 'BOOL' },
  split_by_unicode_script: { type: 'string', description: 'pieces do not mix scripts (default true)', valueName: 'BOOL' },
  split_by_number: { type: 'string', description: 'digits do not join other scripts (default true)', valueName: 'BOOL' },
  treat_whitespace_as_suffix: { type: 'string', description: 'the space marker ends pieces instead of starting them (default false)', valueName: 'BOOL' },
  add_dummy_prefix: { type: 'string', description: 'prefix text with a space (default true)', valueName: 'BOOL' },
  remove_extra_whitespaces: { type: 'string', description: 'strip and collapse spaces (default true)', valueName: 'BOOL' },
  max_sentencepiece_length: { type: 'string', description: 'longest piece in characters (default 16)', valueName: 'N' },
  max_sentence_length: { type: 'string', description: 'longer input lines (bytes) are skipped (default 4192)', valueName: 'N' },
  seed_sentencepiece_size: { type: 'string', description: 'seed pieces (default 1000000)', valueName: 'N' },
  shrinking_factor: { type: 'string', description: 'share of pieces kept per pruning step (default 0.75)', valueName: 'X' },
  num_sub_iterations: { type: 'string', description: 'EM iterations per pruning step (default 2)', valueName: 'N' },
  hard_vocab_limit: { type: 'string', description: 'fail when fewer pieces than vocab_size are found (default true)', valueName: 'BOOL' },
  pad_id: { type: 'string', description: 'id of <pad> (default -1: none)', valueName: 'N' },
  unk_id: { type: 'string', description: 'id of <unk> (default 0)', valueName: 'N' },
  bos_id: { type: 'string', description: 'id of <s> (default 1, -1: none)', valueName: 'N' },
  eos_id: { type: 'string', description: 'id of </s> (default 2, -1: none)', valueName: 'N' },
  unk_piece: { type: 'string', description: 'name of the unknown piece (default <unk>)', valueName: 'P' },
  bos_piece: { type: 'string', description: 'name of the sentence-start piece (default <s>)', valueName: 'P' },
  eos_piece: { type: 'string', description: 'name of the sentence-end piece (default </s>)', valueName: 'P' },
  pad_piece: { type: 'string', description: 'name of the padding piece (default <pad>)', valueName: 'P' },
  unk_surface: { type: 'string', description: 'text decoding writes for an unknown piece (default " \u2047 ")', valueName: 'TEXT' },
  vocabulary_output_piece_score: { type: 'string', description: 'P.vocab lists scores beside the pieces (default true)', valueName: 'BOOL' },
  num_threads: { type: 'string', description: 'as spm_train: groups of partial sums (results depend on it); E-steps run on min(N, cores) worker threads (default 16)', valueName: 'N' },
  random_seed: { type: 'string', description: 'seed for sentence sampling (default 1)', valueName: 'N' },
  minloglevel: { type: 'string', description: '1 or more: no progress output', valueName: 'N' },
  json: { type: 'boolean', description: 'print a JSON summary as the last line' },
} satisfies Record<string, FlagSpec>;

const BOOLEAN_TRAIN_FLAGS = new Set([
  'byte_fallback', 'shuffle_input_sentence', 'split_digits', 'split_by_whitespace', 'split_by_unicode_script',
  'split_by_number', 'treat_whitespace_as_suffix', 'add_dummy_prefix', 'remove_extra_whitespaces', 'hard_vocab_limit',
  'vocabulary_output_piece_score',
]);

async function trainCommand(argv: string[]): Promise<number> {
  // spm_train accepts a bare boolean flag (--byte_fallback) as well as --byte_fallback=true.
  const args = argv.map((a) => (a.startsWith('--') && !a.includes('=') && BOOLEAN_TRAIN_FLAGS.has(a.slice(2)) ? `${a}=true` : a));
  const parsed = parseFlags(args, trainFlags, {
    usage: 'medbert tokenizer train --input=FILE[,FILE] --model_prefix=P --vocab_size=N [--model_type=unigram] [options]',
    description: 'Trains a SentencePiece unigram model like spm_train and writes P.model and P.vocab (Google\'s tools load them).',
    examples: ['medbert tokenizer train --input=corpus.txt --model_prefix=m --vocab_size=8000 --character_coverage=0.9995'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const inputs = required(v.input, 'input').split(',').filter((f) => f !== '');
  const prefix = required(v.model_prefix, 'model_prefix');
  const modelType = v.model_type ?? 'unigram';
  if (modelType !== 'unigram') throw new MedbertError(`--model_type=${modelType} is not supported: only unigram`);
  const list = (s: string | undefined): string[] => (s === undefined || s === '' ? [] : s.split(','));
  const options: UnigramTrainOptions = {
    input: inputs, model_prefix: prefix,
    vocab_size: intFlag(v.vocab_size, 'vocab_size', 8000, 1),
    character_coverage: numberFlag(v.character_coverage, 'character_coverage', 0.9995, 0.98, 1),
    byte_fallback: boolFlag(v.byte_fallback, 'byte_fallback', false),
    user_defined_symbols: list(v.user_defined_symbols),
    control_symbols: list(v.control_symbols),
    normalization_rule_name: v.normalization_rule_name ?? 'nmt_nfkc',
    input_sentence_size: intFlag(v.input_sentence_size, 'input_sentence_size', 0, 0),
    shuffle_input_sentence: boolFlag(v.shuffle_input_sentence, 'shuffle_input_sentence', true),
    split_digits: boolFlag(v.split_digits, 'split_digits', false),
    split_by_whitespace: boolFlag(v.split_by_whitespace, 'split_by_whitespace', true),
    split_by_unicode_script: boolFlag(v.split_by_unicode_script, 'split_by_unicode_script', true),
    split_by_number: boolFlag(v.split_by_number, 'split_by_number', true),
    treat_whitespace_as_suffix: boolFlag(v.treat_whitespace_as_suffix, 'treat_whitespace_as_suffix', false),
    add_dummy_prefix: boolFlag(v.add_dummy_prefix, 'add_dummy_prefix', true),
    remove_extra_whitespaces: boolFlag(v.remove_extra_whitespaces, 'remove_extra_whitespaces', true),
    max_sentencepiece_length: intFlag(v.max_sentencepiece_length, 'max_sentencepiece_length', 16, 1, 512),
    max_sentence_length: intFlag(v.max_sentence_length, 'max_sentence_length', 4192, 1),
    seed_sentencepiece_size: intFlag(v.seed_sentencepiece_size, 'seed_sentencepiece_size', 1000000, 1000, 5000000),
    shrinking_factor: numberFlag(v.shrinking_factor, 'shrinking_factor', 0.75, 0.5, 0.95),
    num_sub_iterations: intFlag(v.num_sub_iterations, 'num_sub_iterations', 2, 1, 10),
    hard_vocab_limit: boolFlag(v.hard_vocab_limit, 'hard_vocab_limit', true),
    pad_id: intFlag(v.pad_id, 'pad_id', -1, -1),
    unk_id: intFlag(v.unk_id, 'unk_id', 0, 0),
    bos_id: intFlag(v.bos_id, 'bos_id', 1, -1),
    eos_id: intFlag(v.eos_id, 'eos_id', 2, -1),
    // Left out, the trainer's defaults (spm_train's): <unk>, <s>, </s>, <pad>, " \u2047 ".
    unk_piece: v.unk_piece, bos_piece: v.bos_piece, eos_piece: v.eos_piece, pad_piece: v.pad_piece, unk_surface: v.unk_surface,
    vocabulary_output_piece_score: boolFlag(v.vocabulary_output_piece_score, 'vocabulary_output_piece_score', true),
    num_threads: intFlag(v.num_threads, 'num_threads', 16, 1, 1024),
    random_seed: intFlag(v.random_seed, 'random_seed', 1, 0, 4294967295),
  };
  const quiet = intFlag(v.minloglevel, 'minloglevel', 0) >= 1 || v.json === true;
  const started = Date.now();
  const trainer = new UnigramTrainer(options);
  for (const file of inputs) {
    await forEachLine(openInput(file), file, (line) => trainer.addSentence(line));
  }
  if (!quiet) process.stderr.write(`tokenizer train: ${trainer.sentenceCount} sentences from ${inputs.join(', ')}\n`);
  const progress = quiet ? null : new Progress('tokenizer train (EM rounds)', 'rounds');
  let started_em = false;
  // E-steps on worker threads when there are cores to spare; the result is the same as on one thread.
  const workers = Math.min(availableParallelism(), options.num_threads ?? 16);
  const pool = workers > 1 ? new WorkerEStep(workers) : null;
  const onProgress = (p: TrainProgress): void => {
    if (progress === null) return;
    if (p.phase === 'seed' && p.done === 1) process.stderr.write(`tokenizer train: ${p.fields?.seeds ?? 0} seed pieces\n`);
    if (p.phase === 'em') {
      if (!started_em) { progress.start(p.total); started_em = true; }
      progress.update({ done: Math.min(p.done, p.total), total: p.total, fields: p.fields ?? {} });
    }
  };
  let result: TrainedModel;
  try {
    result = pool !== null ? await trainer.trainParallel(pool, onProgress) : trainer.train(onProgress);
  } finally {
    await pool?.close();
  }
  progress?.stop();
  const modelPath = `${prefix}.model`;
  const vocabPath = `${prefix}.vocab`;
  writeFileOrFail(modelPath, encodeModelProto(result.proto));
  writeFileOrFail(vocabPath, result.vocab);
  const seconds = (Date.now() - started) / 1000;
  if (v.json === true) printJson({ model: modelPath, vocab: vocabPath, vocab_size: result.proto.pieces.length, seconds });
  else process.stderr.write(`tokenizer train: wrote ${modelPath} and ${vocabPath} (${result.proto.pieces.length} pieces) in ${seconds.toFixed(1)} s\n`);
  return 0;
}
