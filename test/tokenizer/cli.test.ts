// `medbert tokenizer ...` as users run it: spm_encode/spm_decode's line handling and formats, spm_train's
// flags, and one clear line plus a non-zero exit for bad input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { repoRoot } from '../helpers/shared-data.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { encodeModelProto } from '../../src/tokenizer/model-proto.js';
import { fixtureDir, modelBytes } from './fixtures.js';

const bin = resolve(repoRoot, 'bin', 'medbert.js');
const dir = mkdtempSync(join(tmpdir(), 'medbert-cli-'));
const models = { nmt: join(dir, 'nmt.model'), bytefb: join(dir, 'bytefb.model'), digits: join(dir, 'digits.model') };
for (const [name, path] of Object.entries(models)) writeFileSync(path, modelBytes(name as 'nmt'));
const hard = join(fixtureDir, 'hard.txt');
const expectedText = (name: string, kind: string): string => gunzipSync(readFileSync(join(fixtureDir, `${name}.${kind}.gz`))).toString('utf8');

function medbert(args: string[], input?: string | Uint8Array): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'tokenizer', ...args], { input, maxBuffer: 1 << 26 });
  return { status: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

test.after(() => rmSync(dir, { recursive: true, force: true }));

test('encode writes exactly what spm_encode wrote for the hard lines (ids and pieces, file and stdin)', () => {
  for (const name of ['nmt', 'bytefb', 'digits'] as const) {
    const ids = medbert(['encode', `--model=${models[name]}`, '--output_format=id', hard]);
    assert.equal(ids.status, 0, ids.stderr);
    assert.equal(ids.stdout, expectedText(name, 'ids'), `${name} ids`);
    const pieces = medbert(['encode', `--model=${models[name]}`], readFileSync(hard));
    assert.equal(pieces.stdout, expectedText(name, 'pieces'), `${name} pieces`);
  }
});

test('a last line without a newline is still encoded; \\r stays in the line; --output writes a file', () => {
  const out = join(dir, 'out.txt');
  const r = medbert(['encode', `--model=${models.nmt}`, '--output_format=piece', `--output=${out}`], 'abc\r\n\n  \nlast');
  assert.equal(r.status, 0, r.stderr);
  const model = SentencePieceModel.fromBytes(readFileSync(models.nmt));
  const lines = readFileSync(out, 'utf8').split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[0], model.encodeAsPieces('abc\r').join(' '));
  assert.deepEqual(lines.slice(1), ['', '', model.encodeAsPieces('last').join(' '), '']);
});

test('decode turns ids and pieces back into text as spm_decode did', () => {
  for (const name of ['nmt', 'bytefb'] as const) {
    const fromIds = medbert(['decode', `--model=${models[name]}`, '--input_format=id'], expectedText(name, 'ids'));
    assert.equal(fromIds.status, 0, fromIds.stderr);
    assert.equal(fromIds.stdout, expectedText(name, 'decoded'));
    const fromPieces = medbert(['decode', `--model=${models[name]}`], expectedText(name, 'pieces'));
    assert.equal(fromPieces.stdout, expectedText(name, 'pdecoded'));
  }
});

test('extra_options apply in their order, to every output format, as spm_encode does', () => {
  const r = medbert(['encode', `--model=${models.nmt}`, '--output_format=id', '--extra_options=bos:eos'], 'hello\n');
  const ids = r.stdout.trim().split(' ').map(Number);
  assert.equal(ids[0], 1);
  assert.equal(ids[ids.length - 1], 2);
  const model = SentencePieceModel.fromBytes(readFileSync(models.nmt));
  const pieces = model.encodeAsPieces('hello world');
  const [bos, eos] = [model.pieces[model.bosId]!, model.pieces[model.eosId]!];
  // Each option on what the ones before it made (spm_encode 0.1.97: "bos:eos:reverse" puts </s> first).
  const cases: [string, string[]][] = [
    ['bos:eos:reverse', [eos, ...[...pieces].reverse(), bos]], ['reverse:bos', [bos, ...[...pieces].reverse()]], ['eos:reverse', [eos, ...[...pieces].reverse()]],
  ];
  for (const [options, expected] of cases) {
    assert.equal(medbert(['encode', `--model=${models.nmt}`, `--extra_options=${options}`], 'hello world\n').stdout, `${expected.join(' ')}\n`, options);
  }
  const nbest = medbert(['encode', `--model=${models.nmt}`, '--output_format=nbest_piece', '--nbest_size=2', '--extra_options=bos:eos'], 'hello world\n');
  for (const line of nbest.stdout.trim().split('\n')) assert.match(line, new RegExp(`^${bos} .* ${eos}$`));
  // unk: an unknown piece is written as the model's unknown piece, not as the text it covers.
  const text = 'hello \u{1F9EA}';
  const unknownAt = [...model.encode(text)].indexOf(model.unkId);
  assert.ok(unknownAt >= 0);
  const withUnk = model.encodeAsPieces(text).map((p, i) => (i === unknownAt ? model.pieces[model.unkId]! : p));
  assert.equal(medbert(['encode', `--model=${models.nmt}`, '--extra_options=unk'], `${text}\n`).stdout, `${withUnk.join(' ')}\n`);
});

test('bad input: one clear line on stderr and a non-zero exit', () => {
  const truncatedGzip = join(dir, 'cut.txt.gz');
  const whole = gzipSync(readFileSync(hard));
  writeFileSync(truncatedGzip, whole.subarray(0, whole.length >> 1));
  const cases: Array<[string[], string | undefined, RegExp]> = [
    [['encode', '--model=/no/such.model'], 'x\n', /model file not found: \/no\/such\.model/],
    [['encode', `--model=${models.nmt}`, '--bogus'], 'x\n', /Unknown option '--bogus'/],
    [['encode', `--model=${models.nmt}`, '--output_format=proto'], 'x\n', /--output_format=proto is not supported/],
    [['encode', `--model=${models.nmt}`, '/no/such/input.txt'], undefined, /input file not found: \/no\/such\/input\.txt/],
    [['encode'], 'x\n', /missing required flag --model/],
    [['encode', `--model=${models.nmt}`, `--input=${hard}`, hard], undefined, /give --input or FILE arguments, not both/],
    [['encode', `--model=${models.nmt}`, '--nbest_size=abc'], 'x\n', /--nbest_size=abc is not valid: expected an integer\n/],
    [['train', `--input=${hard}`, '--model_prefix=x', '--user_defined_symbols=a,,b'], undefined, /--user_defined_symbols holds an empty symbol/],
    [['train', `--input=${hard}`, '--model_prefix=x', '--bos_piece=<s>', '--eos_piece=<s>'], undefined, /--bos_piece and --eos_piece both name <s>/],
    [['decode', `--model=${models.nmt}`, '--input_format=id'], '5 6\n7 99999\n', /stdin: line 2: invalid id 99999/],
    [['encode', `--model=${hard}`], 'x\n', /not a valid SentencePiece model/],
    [['frobnicate'], undefined, /unknown tokenizer subcommand 'frobnicate'/],
    [['encode', `--model=${models.nmt}`, '--output=/no/such/dir/out.txt'], 'x\n', /cannot write \/no\/such\/dir\/out\.txt/],
    [['train', '--input=/no/such.txt', `--model_prefix=${join(dir, 'x')}`], undefined, /input file not found/],
    [['train', `--input=${hard}`, `--model_prefix=${join(dir, 'x')}`, '--model_type=bpe'], undefined, /--model_type=bpe is not supported/],
    // gzip is read as gzip: a truncated one is an error, not training text
    [['train', `--input=${truncatedGzip}`, `--model_prefix=${join(dir, 'x')}`], undefined, /cannot read .*cut\.txt\.gz: corrupt or truncated gzip data/],
    [['encode', `--model=${models.nmt}`, dir], undefined, /medbert-cli-\w+ is a folder, not a file/],
  ];
  for (const [args, input, pattern] of cases) {
    const r = medbert(args, input);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, pattern, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
  }
});

test('train accepts spm_train\'s flags (bare booleans too) and writes P.model and P.vocab', () => {
  const input = join(dir, 'train.txt');
  const lines = readFileSync(hard, 'utf8').split('\n').slice(0, 36);
  writeFileSync(input, Array.from({ length: 30 }, (_, k) => lines.map((l) => l.split(' ').reverse().slice(k % 3).join(' ')).join('\n')).join('\n'));
  const prefix = join(dir, 'trained');
  const r = medbert(['train', `--input=${input}`, `--model_prefix=${prefix}`, '--vocab_size=400', '--model_type=unigram',
    '--character_coverage=0.98', '--byte_fallback', '--user_defined_symbols=[CLS],[SEP]', '--control_symbols=<x>',
    '--normalization_rule_name=nmt_nfkc', '--split_digits=true', '--pad_id=3', '--num_threads=2', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as { vocab_size: number };
  assert.equal(summary.vocab_size, 400);
  assert.ok(existsSync(`${prefix}.vocab`));
  const model = SentencePieceModel.fromBytes(readFileSync(`${prefix}.model`));
  assert.equal(model.vocabSize, 400);
  assert.equal(model.padId, 3);
  assert.equal(model.pieceToId('[CLS]'), 5);
  assert.equal(readFileSync(`${prefix}.vocab`, 'utf8').split('\n')[3], '<pad>\t0');
  // The same text gzipped trains the same model (the same pieces and scores; the spec records other file names).
  writeFileSync(`${input}.gz`, gzipSync(readFileSync(input)));
  const fromGzip = medbert(['train', `--input=${input}.gz`, `--model_prefix=${prefix}-gz`, '--vocab_size=400', '--model_type=unigram',
    '--character_coverage=0.98', '--byte_fallback', '--user_defined_symbols=[CLS],[SEP]', '--control_symbols=<x>',
    '--normalization_rule_name=nmt_nfkc', '--split_digits=true', '--pad_id=3', '--num_threads=2', '--json']);
  assert.equal(fromGzip.status, 0, fromGzip.stderr);
  const gzipModel = SentencePieceModel.fromBytes(readFileSync(`${prefix}-gz.model`));
  assert.deepEqual(gzipModel.pieces, model.pieces);
  assert.deepEqual(gzipModel.scores, model.scores);
});

test('export-hf writes a Unigram tokenizer.json with the same pieces, scores and charsmap', () => {
  const out = join(dir, 'tokenizer.json');
  const r = medbert(['export-hf', `--model=${models.bytefb}`, `--output=${out}`]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(readFileSync(out, 'utf8')) as {
    model: { type: string; unk_id: number; vocab: Array<[string, number]>; byte_fallback: boolean };
    normalizer: { normalizers: Array<{ type: string; precompiled_charsmap?: string }> };
    added_tokens: Array<{ id: number; content: string; special: boolean }>;
    pre_tokenizer: { type: string; replacement: string };
  };
  const model = SentencePieceModel.fromBytes(readFileSync(models.bytefb));
  assert.equal(json.model.type, 'Unigram');
  assert.equal(json.model.unk_id, model.unkId);
  assert.equal(json.model.byte_fallback, true);
  assert.equal(json.model.vocab.length, model.vocabSize);
  json.model.vocab.forEach(([piece, score], i) => { assert.equal(piece, model.pieces[i]); assert.equal(score, model.scores[i]); });
  const charsmap = json.normalizer.normalizers.find((n) => n.type === 'Precompiled')!.precompiled_charsmap!;
  assert.deepEqual(Buffer.from(charsmap, 'base64'), Buffer.from(model.proto.normalizer_spec!.precompiled_charsmap!));
  assert.deepEqual(json.added_tokens.map((t) => t.content), ['<unk>', '<s>', '</s>']);
  assert.equal(json.pre_tokenizer.type, 'Metaspace');
  assert.equal(json.pre_tokenizer.replacement, '\u2581');
  // Byte pieces decode to their bytes, joined into characters, before the space marker becomes a space.
  assert.deepEqual((json as unknown as { decoder: { type: string; decoders: Array<{ type: string }> } }).decoder.decoders.map((d) => d.type),
    ['ByteFallback', 'Fuse', 'Metaspace']);
  // Whitespace as a suffix has no Hugging Face equivalent: refused, not written wrong.
  const proto = SentencePieceModel.fromBytes(readFileSync(models.nmt)).proto;
  const suffix = join(dir, 'suffix.model');
  writeFileSync(suffix, encodeModelProto({ ...proto, trainer_spec: { ...proto.trainer_spec, treat_whitespace_as_suffix: true } }));
  const refused = medbert(['export-hf', `--model=${suffix}`, `--output=${join(dir, 'suffix.json')}`]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^medbert: a model trained with --treat_whitespace_as_suffix has no Hugging Face tokenizer\.json equivalent/);
  assert.equal(existsSync(join(dir, 'suffix.json')), false);
});

test('export-hf of a BERT vocabulary: its [CLS], [SEP], [MASK] are special, [MASK] takes the space before it, inputs are [CLS] A [SEP] (B [SEP])', () => {
  const out = join(dir, 'bert-tokenizer.json');
  const bert = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  assert.equal(medbert(['export-hf', `--model=${bert}`, `--output=${out}`]).status, 0);
  const json = JSON.parse(readFileSync(out, 'utf8')) as {
    added_tokens: Array<{ id: number; content: string; special: boolean; lstrip: boolean }>;
    post_processor: { type: string; single: unknown[]; pair: unknown[]; special_tokens: Record<string, { ids: number[] }> };
  };
  const model = SentencePieceModel.fromBytes(readFileSync(bert));
  assert.deepEqual(json.added_tokens.map((t) => [t.content, t.special, t.lstrip]),
    [['<pad>', true, false], ['<unk>', true, false], ['[CLS]', true, false], ['[SEP]', true, false], ['[MASK]', true, true]]);
  assert.equal(json.post_processor.type, 'TemplateProcessing');
  assert.deepEqual(json.post_processor.single, [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }]);
  assert.equal(json.post_processor.pair.length, 5);
  assert.deepEqual(json.post_processor.special_tokens['[CLS]']!.ids, [model.pieces.indexOf('[CLS]')]);
  // A model that is no BERT's (no [CLS]) gets no template.
  const plain = join(dir, 'plain-tokenizer.json');
  assert.equal(medbert(['export-hf', `--model=${models.bytefb}`, `--output=${plain}`]).status, 0);
  assert.equal((JSON.parse(readFileSync(plain, 'utf8')) as { post_processor: unknown }).post_processor, null);
});
