// `medbert tokenizer train|encode|decode|export-hf`: the flags and line handling of Google's spm_train,
// spm_encode and spm_decode, so users can switch tools by name.
import type { Command } from './command.js';
import { boolFlag, intFlag, numberFlag, parseFlags, printJson, required, type FlagSpec } from './args.js';
import { MedbertError } from '../errors.js';
import { toHuggingFaceJson } from '../tokenizer/hf-export.js';
import { forEachLine, LineWriter, openInput, readModelFile, writeFileOrFail } from '../tokenizer/node-io.js';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

const SUBCOMMANDS = 'train, encode, decode, export-hf';

export const tokenizerCommand: Command = {
  name: 'tokenizer',
  summary: 'train, encode and decode SentencePiece unigram models (spm_train/spm_encode flags)',
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
  output_format: { type: 'string', description: 'id or piece', default: 'piece', valueName: 'id|piece' },
  input: { type: 'string', description: 'input file (else the FILE arguments, else stdin)', valueName: 'FILE' },
  output: { type: 'string', description: 'output file (else stdout)', valueName: 'FILE' },
  extra_options: { type: 'string', description: "':'-separated bos, eos, reverse (as spm_encode)", valueName: 'OPTS' },
} satisfies Record<string, FlagSpec>;

function openOutput(path: string | undefined): { stream: Writable; close: () => Promise<void> } {
  if (path === undefined || path === '') return { stream: process.stdout, close: async () => {} };
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.once('error', (e) => reject(new MedbertError(`cannot write ${path}: ${e.message}`))));
  failed.catch(() => {});
  return {
    stream,
    close: () => Promise.race([failed, new Promise<void>((resolve) => stream.end(resolve))]),
  };
}

function inputsOf(input: string | undefined, positionals: string[]): string[] {
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
  if (format !== 'id' && format !== 'piece') throw new MedbertError(`--output_format=${format} is not supported: expected id or piece`);
  const extras = parseExtraOptions(values.extra_options);
  const model = readModelFile(required(values.model, 'model'));
  const out = openOutput(values.output);
  const writer = new LineWriter(out.stream);
  const afterChunk = async (): Promise<void> => { if (writer.pending > 1 << 16) await writer.flush(); };
  for (const name of inputsOf(values.input, positionals)) {
    await forEachLine(openInput(name), name === '-' ? 'stdin' : name, (line) => {
      if (format === 'id') {
        const ids = applyExtras(model.encodeBytes(line), extras, model.bosId, model.eosId);
        writer.line(ids.join(' '));
      } else {
        const pieces = applyExtras(model.encodeBytesAsPieces(line), extras, model.pieces[model.bosId], model.pieces[model.eosId]);
        writer.line(pieces.join(' '));
      }
    }, afterChunk);
  }
  await writer.flush();
  await out.close();
  return 0;
}

interface Extras { bos: boolean; eos: boolean; reverse: boolean }

function parseExtraOptions(value: string | undefined): Extras {
  const extras: Extras = { bos: false, eos: false, reverse: false };
  if (value === undefined || value === '') return extras;
  for (const option of value.split(':')) {
    if (option !== 'bos' && option !== 'eos' && option !== 'reverse') {
      throw new MedbertError(`--extra_options: unknown option '${option}' (expected bos, eos or reverse)`);
    }
    extras[option] = true;
  }
  return extras;
}

function applyExtras<T>(items: T[], extras: Extras, bos: T | undefined, eos: T | undefined): T[] {
  if (extras.reverse) items.reverse();
  if (extras.bos) {
    if (bos === undefined || bos === -1) throw new MedbertError('--extra_options=bos: the model has no <s> piece');
    items.unshift(bos);
  }
  if (extras.eos) {
    if (eos === undefined || eos === -1) throw new MedbertError('--extra_options=eos: the model has no </s> piece');
    items.push(eos);
  }
  return items;
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
  const out = openOutput(values.output);
  const writer = new LineWriter(out.stream);
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
  await out.close();
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
    description: 'Writes a Hugging Face tokenizer.json (Unigram model) equivalent to the SentencePiece model.',
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

async function trainCommand(argv: string[]): Promise<number> {
  void argv; void boolFlag; void intFlag; void numberFlag;
  throw new MedbertError('tokenizer train: not implemented yet');
}
