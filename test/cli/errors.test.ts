import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared-data.js';
import { reportError } from '../../src/cli/main.js';
import { MedbertError } from '../../src/errors.js';
import { decodeModelProto, encodeModelProto } from '../../src/tokenizer/model-proto.js';

function medbert(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // A timeout, so that a command that hangs on bad input fails its test instead of stopping the suite.
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('bad input: one clear line on stderr naming what and where, non-zero exit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-cli-'));
  try {
    const corrupt = join(dir, 'ckpt');
    mkdirSync(corrupt);
    writeFileSync(join(corrupt, 'config.json'), '{"hidden_size": 8');
    writeFileSync(join(corrupt, 'model.safetensors'), 'x');
    const notes = join(dir, 'notes.jsonl');
    writeFileSync(notes, '{"title": "Seen by Dr. Smith", "abstract": "Aspirin for headache."}\n');
    const userFolder = join(dir, 'mine');
    mkdirSync(userFolder);
    writeFileSync(join(userFolder, 'keep.txt'), 'x');
    const tokenizer = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
    const prepareArgs = ['--format', 'jsonl', '--tokenizer', tokenizer, '--ontology', 'builtin'];
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const badManifest = join(dir, 'bad-manifest');
    mkdirSync(badManifest);
    writeFileSync(join(badManifest, 'manifest.json'), JSON.stringify({ format: 'medbert-shards', version: 1, seq_len: -5, vocab_size: 2000,
      token_bytes: 2, concepts: [], shards: [], sequences: 0, tokens: 0, entities: 0 }));
    const truncatedCsv = join(dir, 'notes.csv.gz');
    const csv = gzipSync(Buffer.from('id,transcription\n' + Array.from({ length: 400 }, (_, i) => `${i},"Seen by Dr. Smith on day ${i}."`).join('\n')));
    writeFileSync(truncatedCsv, csv.subarray(0, csv.length >> 1));
    const badIds = join(dir, 'ids.txt');
    writeFileSync(badIds, '5 17\n99999\n');
    // Shards of the fixture tokenizer, and a tokenizer of as many pieces that is another (one piece's score changed).
    const shards = join(dir, 'shards');
    assert.equal(medbert('prepare', ...prepareArgs, '--input', notes, '--out', shards).status, 0);
    const proto = decodeModelProto(new Uint8Array(readFileSync(tokenizer)));
    const otherTokenizer = join(dir, 'other.model');
    writeFileSync(otherTokenizer, encodeModelProto({ ...proto, pieces: proto.pieces.map((p, i) => (i === 100 ? { ...p, score: p.score - 1 } : p)) }));
    const otherShards = join(dir, 'other-shards');
    assert.equal(medbert('prepare', '--format', 'jsonl', '--tokenizer', otherTokenizer, '--ontology', 'builtin', '--input', notes, '--out', otherShards).status, 0);
    const trained = join(dir, 'trained');
    assert.equal(medbert('pretrain', '--data', shards, '--out', trained, '--steps', '1', '--json').status, 0);
    const cdr = join(dir, 'cdr.pubtator');
    writeFileSync(cdr, '1|t|Aspirin and asthma.\n1|a|Aspirin causes asthma.\n1\t0\t7\tAspirin\tChemical\tD001241\n1\t12\t18\tasthma\tDisease\tD001249\n\n');
    const busy = join(dir, 'busy'); // an output another run (this test's process) is writing
    writeFileSync(join(dir, '.busy.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const busyMessage = new RegExp(`busy is being written by process ${process.pid} on .*: wait for it to finish`);
    const cases: [string[], RegExp][] = [
      [['prepare', ...prepareArgs, '--input', notes, '--out', busy], busyMessage],
      [['pretrain', '--data', 'synthetic', '--out', busy, '--steps', '1'], busyMessage],
      [['demo', '--quick', '--out', busy], busyMessage],
      [['finetune', 'ner', '--checkpoint', join(dir, 'missing'), '--out', busy], busyMessage],
      [['finetune', 'qa', '--checkpoint', join(dir, 'missing'), '--out', busy], busyMessage],
      [['nonsense'], /unknown command 'nonsense'/],
      [['pretrain', '--bogus'], /Unknown option '--bogus' \(see medbert pretrain --help\)$/],
      // prepare takes positionals: Node's advice about '--' is left out.
      [['prepare', '--bogus'], /^medbert: Unknown option '--bogus' \(see medbert prepare --help\)$/],
      [['prepare', ...prepareArgs, '--input', notes, '--out', ''], /--out is empty: give it a value/],
      [['pretrain', '--data', join(dir, 'none'), '--out', join(dir, 'o')], /is not a shard folder: no manifest\.json/],
      [['pretrain', '--data', 'synthetic', '--out', join(dir, 'o'), '--steps', '0'], /--steps=0 is not valid/],
      // checked before any rank starts: one line, not one per rank
      [['pretrain', '--data', 'synthetic', '--out', join(dir, 'o'), '--workers', '2', '--bucket-mb=-1'], /--bucket-mb=-1 is not valid/],
      [['pretrain', '--data', join(dir, 'none'), '--out', join(dir, 'o'), '--workers', '2'], /^medbert: .*none is not a shard folder: no manifest\.json/],
      [['pretrain', '--data', 'synthetic', '--out', join(dir, 'o'), '--workers', '2', '--resume'], /^medbert: --resume: .*checkpoint does not exist \(nothing to resume\)$/],
      [['pretrain', '--data', 'synthetic', '--out', join(dir, 'o'), '--transport', 'udp'], /^medbert: --transport=udp is not valid: expected shm or tcp$/],
      [['model', 'info', '--preset', 'huge'], /--preset=huge is not valid/],
      [['fill-mask', '--checkpoint', corrupt, '--text', 'a [MASK]', '--backend', 'reference'], /config\.json: .*JSON/],
      [['fill-mask', '--checkpoint', join(dir, 'missing'), '--text', 'a'], /checkpoint .*missing does not exist/],
      [['prepare', '--input', join(dir, 'nope.jsonl'), '--tokenizer', 'x', '--out', join(dir, 's')], /input file not found: .*nope\.jsonl/],
      // read on a worker thread: the same one line, not wrapped as a failure of prepare
      [['prepare', '--input', notes, '--format', 'jsonl', '--tokenizer', tokenizer, '--ontology', join(dir, 'none.tsv'), '--out', join(dir, 's')],
        /^medbert: cannot open the lexicon .*none\.tsv: no such file or folder$/],
      [['model', 'init', '--tokenizer', join(dir, 'none.model'), '--out', join(dir, 'm')], /model file not found: .*none\.model/],
      [['pretrain', '--data', 'synthetic'], /missing required flag --out/],
      [['eval', 'mlm', '--checkpoint', corrupt, '--data', join(dir, 'none')], /is not a shard folder: no manifest\.json/],
      // a folder where a file is expected, named
      [['prepare', ...prepareArgs, '--input', dir, '--out', join(dir, 's')], /medbert-cli-\w+ is a folder, not a file/],
      [['deid', '--input', dir], /medbert-cli-\w+ is a folder, not a file/],
      [['deid', '--format', 'jsonl', '--input', notes, '--output', dir], /medbert-cli-\w+ is a folder, not a file/],
      [['deid', '--format', 'jsonl', '--input', notes, '--output', join(notes, 'x.jsonl')], /cannot write .*notes\.jsonl\/x\.jsonl: a part of the path is a file, not a folder/],
      // outputs that would replace what is not an earlier output of the same kind
      [['prepare', ...prepareArgs, '--input', notes, '--out', userFolder], /holds other files and no manifest\.json, so it is not a shard folder: not replacing it/],
      [['prepare', ...prepareArgs, '--input', notes, '--out', notes], /notes\.jsonl is a file, not a shard folder: not replacing it/],
      [['model', 'init', '--tokenizer', tokenizer, '--out', notes], /notes\.jsonl is a file, not a checkpoint folder: not replacing it/],
      [['pretrain', '--data', 'synthetic', '--out', userFolder, '--steps', '1'], /no metrics\.jsonl or checkpoint, so it is not a pretraining run folder/],
      [['demo', '--quick', '--out', userFolder], /so it is not a demo folder: not replacing it/],
      // a place that cannot be written: one line naming it (it once hung under /proc)
      [['prepare', ...prepareArgs, '--input', notes, '--out', join(notes, 'sub')], /medbert-cli-\w+\/notes\.jsonl is a file, not a folder$/],
      // numbers checked by the flag's own rule, a negative one too
      [['pretrain', '--data', 'synthetic', '--out', join(dir, 'o'), '--lr', '-1'], /--lr=-1 is not valid: expected a number in \[0, 10\]$/],
      [['deid', 'eval', '--physionet', dir, '--bogus'], /Unknown option '--bogus' \(see medbert deid eval --help\)/],
      // nothing usable in the input, or a manifest that lies: no output, no run folder
      [['prepare', ...prepareArgs, '--input', empty, '--out', join(dir, 'e')], /no text to write: 0 documents read from the inputs; 1 warning, the first empty\.jsonl:1: the file is empty; nothing was written/],
      [['pretrain', '--data', badManifest, '--out', join(dir, 'r')], /manifest\.json: seq_len -5 is not a sequence length/],
      [['pretrain', '--data', shards, '--tokenizer', otherTokenizer, '--out', join(dir, 'r'), '--steps', '1'], /shards was prepared with another tokenizer than .*other\.model/],
      // a write that would replace the checkpoint read, or a checkpoint's training state
      [['finetune', 'ner', '--checkpoint', join(trained, 'checkpoint'), '--train', notes, '--dev', notes, '--out', join(trained, 'checkpoint')],
        /--out .*trained.checkpoint is the checkpoint being read: write the result to another folder/],
      [['model', 'init', '--preset', 'tiny', '--tokenizer', tokenizer, '--out', join(trained, 'checkpoint')],
        /trained.checkpoint holds a pretraining checkpoint with its training state \(pretrain --resume continues from it\)/],
      // an empty set scored F1 0 and exited 0; predict ner without text, or with two
      [['eval', 'ner', '--gold', empty, '--pred', empty], /--gold .*empty\.jsonl holds no document \(PubTator or BIO TSV expected\)/],
      [['predict', 'ner', '--checkpoint', join(trained, 'checkpoint')], /give the text to tag: --text "\.\.\." or --input FILE/],
      [['predict', 'ner', '--checkpoint', join(trained, 'checkpoint'), '--text', 'a', '--input', notes], /give --text or --input, not both/],
      [['pretrain', '--data', otherShards, '--init', join(trained, 'checkpoint'), '--out', join(dir, 'r'), '--steps', '1'], /--init .*trained.checkpoint was trained with another tokenizer than .*other-shards's/],
      // --types: a type no mention has (misspelt), or one named twice
      [['finetune', 'ner', '--checkpoint', join(trained, 'checkpoint'), '--train', cdr, '--dev', cdr, '--out', join(dir, 'n'), '--types', 'Chemical,Disese'],
        /--train has no mention of the type Disese \(see --types\); its types: Chemical, Disease/],
      [['finetune', 'ner', '--checkpoint', join(trained, 'checkpoint'), '--train', cdr, '--dev', cdr, '--out', join(dir, 'n'), '--types', 'Chemical,Chemical'],
        /--types names Chemical twice/],
      [['pretrain', '--preset', 'small', '--data', shards, '--init', join(trained, 'checkpoint'), '--out', join(dir, 'r'), '--steps', '1'],
        /--init .*trained.checkpoint does not fit this run \(preset small, the tokenizer's vocabulary\): its config\.json says hidden_size 256, num_attention_heads 4, intermediate_size 1024; the run has hidden_size 512, num_attention_heads 8, intermediate_size 2048/],
      [['pretrain', '--data', otherShards, '--resume', '--out', trained, '--steps', '2'], /--resume: .*trained.checkpoint was trained with another tokenizer than .*other-shards.tokenizer\.model/],
      [['deid', '--format', 'csv', '--text-column', 'transcription', '--input', truncatedCsv, '--output', join(dir, 'o.csv')], /cannot read .*notes\.csv\.gz: corrupt or truncated gzip data/],
      [['tokenizer', 'decode', `--model=${tokenizer}`, '--input_format=id', `--output=${join(dir, 'dec.txt')}`, badIds], /line 2: invalid id 99999/],
      ...(existsSync('/proc/self') ? [[['prepare', ...prepareArgs, '--input', notes, '--out', '/proc/medbert-test'], /cannot write \/proc\/medbert-test: no such file or folder/] as [string[], RegExp]] : []),
    ];
    for (const [args, message] of cases) {
      const r = medbert(...args);
      assert.notEqual(r.status, 0, `${args.join(' ')} exits non-zero`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${args.join(' ')}: one line, got ${JSON.stringify(r.stderr)}`);
      assert.match(lines[0]!, message);
      assert.match(lines[0]!, /^medbert: /);
    }
    for (const output of ['e', 'r', 'dec.txt', 'o.csv']) assert.ok(!existsSync(join(dir, output)), `a failed run leaves no ${output}`);
    // Several ranks: rank 0 fails on the lock before the ranks meet, and no rank makes the folder.
    const ranks = medbert('pretrain', '--data', 'synthetic', '--out', busy, '--steps', '1', '--workers', '2');
    assert.notEqual(ranks.status, 0);
    assert.match(ranks.stderr, busyMessage);
    assert.ok(existsSync(join(dir, '.busy.lock')) && !existsSync(busy), 'another run\'s lock and output are left alone');
    rmSync(join(dir, '.busy.lock'));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.lock') || f.endsWith('.partial')), [], 'no temporary twin or lock left');
    assert.ok(existsSync(join(userFolder, 'keep.txt')), 'the folder that was not an output is untouched');
    assert.ok(existsSync(notes) && statSync(notes).isFile(), 'the file that was not an output is untouched');
    const debug = medbert('fill-mask', '--checkpoint', join(dir, 'missing'), '--text', 'a', '--debug');
    assert.match(debug.stderr, /\n\s+at /, '--debug shows the stack');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every command and subcommand answers --help', () => {
  for (const args of [['--help'], ['demo', '--help'], ['tokenizer', 'train', '--help'], ['tokenizer', 'encode', '--help'],
    ['deid', '--help'], ['link', '--help'], ['prepare', '--help'], ['model', 'info', '--help'], ['model', 'init', '--help'],
    ['pretrain', '--help'], ['fill-mask', '--help'], ['finetune', 'ner', '--help'], ['finetune', 'qa', '--help'],
    ['eval', 'ner', '--help'], ['eval', 'qa', '--help'], ['predict', 'ner', '--help']]) {
    const r = medbert(...args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /Usage: medbert/, args.join(' '));
  }
  // "medbert help COMMAND [SUB]" is that command's help.
  assert.match(medbert('help', 'prepare').stdout, /^Usage: medbert prepare /);
  assert.match(medbert('help', 'link', 'eval').stdout, /^Usage: medbert link eval /);
});

test('a reader that closes the output early (| head) ends the command quietly with status 0', async () => {
  const { spawn } = await import('node:child_process');
  const model = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'tokenizer', 'encode', `--model=${model}`],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout.once('data', () => child.stdout.destroy());
  child.stdin.on('error', () => { /* the child may be gone before it read everything */ });
  child.stdin.end('Seen by Dr. John Smith on 03/04/2011 for cisplatin-induced nephrotoxicity.\n'.repeat(50_000));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('pretrain that fails on a corrupt shard, inside training, leaves no run folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-cli-'));
  try {
    const notes = join(dir, 'notes.jsonl');
    writeFileSync(notes, Array.from({ length: 20 }, (_, i) => JSON.stringify({ title: `Case ${i}`, abstract: `Aspirin ${i} for headache and fever in patient ${i}.` })).join('\n'));
    const shards = join(dir, 'shards');
    const made = medbert('prepare', '--input', notes, '--format', 'jsonl', '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'),
      '--ontology', 'builtin', '--out', shards);
    assert.equal(made.status, 0, made.stderr);
    const shard = join(shards, readdirSync(shards).find((f) => f.endsWith('.bin'))!);
    const bytes = readFileSync(shard);
    bytes[bytes.length - 1] ^= 0xff; // the manifest stays valid; the shard no longer matches its hash
    writeFileSync(shard, bytes);
    const r = medbert('pretrain', '--preset', 'tiny', '--data', shards, '--out', join(dir, 'run'), '--steps', '2', '--micro-batch', '2');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr.trim(), /^medbert: .*shard-\d+\.bin does not match its hash in manifest\.json/);
    assert.ok(!existsSync(join(dir, 'run')), 'no run folder left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reportError: a file-system error on a path is one line naming it; a socket\'s error is not taken for one', () => {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => { written.push(chunk); return true; }) as typeof process.stderr.write;
  try {
    const fsError = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'mkdir', path: '/data/.shards.tmp-41' });
    const socketError = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES', syscall: 'listen' });
    assert.equal(reportError(fsError, false), 1);
    assert.equal(reportError(socketError, false), 1);
  } finally {
    process.stderr.write = write;
  }
  assert.deepEqual(written, [
    'medbert: cannot write /data/shards: permission denied\n',
    'medbert: internal error: listen EACCES: permission denied 0.0.0.0:80 (run with --debug for the stack)\n',
  ]);
});

test('pretrain: --seq-len with shards is a warning (they keep their length), so are more --steps on --resume; --node-rank is checked with one node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-seqlen-'));
  try {
    writeFileSync(join(dir, 'a.jsonl'), Array.from({ length: 20 }, (_, i) => JSON.stringify({ title: `Aspirin and asthma ${i}.`, abstract: 'Aspirin causes asthma in some patients.' })).join('\n') + '\n');
    const prepared = medbert('prepare', '--input', join(dir, 'a.jsonl'), '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'),
      '--seq-len', '32', '--ontology', 'builtin', '--out', join(dir, 'shards'));
    assert.equal(prepared.status, 0, prepared.stderr);
    const r = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'shards'), '--out', join(dir, 'run'), '--steps', '1', '--micro-batch', '2', '--seq-len', '64');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^medbert pretrain: warning: --seq-len applies to --data synthetic; shards keep the length they were prepared with$/m);
    const still = medbert('pretrain', '--data', 'synthetic', '--seq-len', '16', '--out', join(dir, 'lr0'), '--steps', '1', '--micro-batch', '2', '--lr', '0');
    assert.equal(still.status, 0, still.stderr);
    assert.match(still.stderr, /^medbert pretrain: warning: --lr 0: the weights will not change$/m);
    // More steps on --resume: allowed, with a warning that the learning-rate schedule is laid over the new total. The
    // warmup the tiny preset makes from --steps (10%: 2 steps for 15) stays the first run's (1); another is refused.
    const otherWarmup = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'shards'), '--out', join(dir, 'run'), '--steps', '15', '--micro-batch', '2', '--resume', '--warmup', '2');
    assert.equal(otherWarmup.status, 1);
    assert.match(otherWarmup.stderr, /--resume: .*checkpoint was trained with --warmup 1 \(not 2\): give the same settings/);
    const longer = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'shards'), '--out', join(dir, 'run'), '--steps', '15', '--micro-batch', '2', '--resume');
    assert.equal(longer.status, 0, longer.stderr);
    assert.match(longer.stderr, /^medbert pretrain: warning: --steps 15 on --resume of a run of 1 steps: from step 1 on, the learning rate's cosine decay runs to step 15, not the first run's 1$/m);
    const resumed = JSON.parse(readFileSync(join(dir, 'run', 'checkpoint', 'trainer_state.json'), 'utf8')) as { options: { warmup: number } };
    assert.equal(resumed.options.warmup, 1);
    // --init from a checkpoint of other shards (other concepts): its entity head starts fresh, with a warning.
    writeFileSync(join(dir, 'b.jsonl'), JSON.stringify({ title: 'Metformin.', abstract: 'Metformin for diabetes, insulin for diabetes, warfarin for atrial fibrillation.' }) + '\n');
    assert.equal(medbert('prepare', '--input', join(dir, 'b.jsonl'), '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'),
      '--seq-len', '32', '--ontology', 'builtin', '--out', join(dir, 'other')).status, 0);
    const init = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'other'), '--init', join(dir, 'run', 'checkpoint'), '--out', join(dir, 'run3'),
      '--steps', '1', '--micro-batch', '2');
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stderr, /^medbert pretrain: warning: the entity head of --init .*checkpoint predicts \d+ concepts, .*other has \d+: it starts fresh/m);
    // On its own shards the entity head is loaded; the same number of concepts is not the same concepts, though: the
    // checkpoint says which it predicts (a digest of the list).
    const own = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'shards'), '--init', join(dir, 'run', 'checkpoint'), '--out', join(dir, 'run5'),
      '--steps', '1', '--micro-batch', '2');
    assert.equal(own.status, 0, own.stderr);
    assert.doesNotMatch(own.stderr, /entity head/);
    const config = JSON.parse(readFileSync(join(dir, 'run', 'checkpoint', 'config.json'), 'utf8')) as Record<string, unknown>;
    assert.match(String(config['entity_concepts_sha256']), /^[0-9a-f]{64}$/);
    writeFileSync(join(dir, 'run', 'checkpoint', 'config.json'), JSON.stringify({ ...config, entity_concepts_sha256: '0'.repeat(64) }));
    const same = medbert('pretrain', '--preset', 'tiny', '--data', join(dir, 'shards'), '--init', join(dir, 'run', 'checkpoint'), '--out', join(dir, 'run4'),
      '--steps', '1', '--micro-batch', '2');
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stderr, /^medbert pretrain: warning: the entity head of --init .*checkpoint predicts other concepts than .*shards's: it starts fresh/m);
    const rank = medbert('pretrain', '--data', 'synthetic', '--node-rank', '3', '--out', join(dir, 'run2'));
    assert.equal(rank.status, 1);
    assert.match(rank.stderr, /^medbert: --node-rank=3 is not valid: expected an integer in 0\.\.0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a flag of one value given twice with different values is a warning naming the one used', () => {
  const r = medbert('prepare', '--input', 'missing-file', '--seq-len', '128', '--seq-len', '256', '--out', 'x', '--out', 'x');
  assert.match(r.stderr, /^medbert prepare: warning: --seq-len is given more than once; the last, 256, is used\n/);
  assert.doesNotMatch(r.stderr, /--out is given/, 'the same value twice is no mistake');
});

test('a batch too large for the engine\'s memory is one line saying what to make smaller, and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-oom-'));
  try {
    const r = medbert('pretrain', '--data', 'synthetic', '--micro-batch', '100000', '--steps', '1', '--out', join(dir, 'run'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^medbert: out of memory: the wasm engine needs [\d.]+ GiB and has [\d.]+ GiB \(at most 4\): use a smaller batch \(--batch, --micro-batch\), sequence length or model\n$/);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prepare: a PubTator or JSON file read as plain text for its name is one warning line; --format text silences it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-lookalike-'));
  try {
    const pubtator = join(dir, 'cdr.txt');
    writeFileSync(pubtator, '1|t|Aspirin and asthma.\n1|a|Aspirin causes asthma.\n1\t0\t7\tAspirin\tChemical\tD001241\n\n');
    const json = join(dir, 'notes.json');
    writeFileSync(json, '[\n  {"text": "Aspirin causes asthma."}\n]\n');
    const run = (...extra: string[]): ReturnType<typeof medbert> => medbert('prepare', '--input', pubtator, json,
      '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'), '--out', join(dir, `out${extra.length}`), ...extra);
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /medbert prepare: warning: \S+cdr\.txt is read as plain text, but it looks like PubTator \(PMID\|t\|title lines\)/);
    assert.match(r.stderr, /medbert prepare: warning: \S+notes\.json is read as plain text, but it looks like a JSON document \(prepare reads JSON Lines/);
    assert.doesNotMatch(run('--format', 'text').stderr, /looks like/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prepare: a flag for inputs of a kind the run has none of is one warning line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-unused-'));
  try {
    writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ title: 'Aspirin and asthma.', abstract: 'Aspirin causes asthma.' }) + '\n');
    const r = medbert('prepare', '--input', join(dir, 'a.jsonl'), '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'),
      '--ontology', 'builtin', '--out', join(dir, 'out'), '--text-column', 'note', '--deid-mode', 'surrogate', '--include', 'tables');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /medbert prepare: warning: --text-column applies to csv inputs, and there is none\n/);
    assert.match(r.stderr, /medbert prepare: warning: --include applies to jats inputs, and there is none\n/);
    assert.match(r.stderr, /medbert prepare: warning: --deid-mode applies with --deid, which is not given\n/);
    assert.doesNotMatch(r.stderr, /--text-fields/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reportError: a job stopped by a signal exits with the shell\'s code for it (prepare after Ctrl-C: 130), other errors with 1', () => {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    assert.equal(reportError(new MedbertError('prepare stopped by the user', { exitCode: 130 }), false), 130);
    assert.equal(reportError(new MedbertError('bad flag'), false), 1);
  } finally {
    process.stderr.write = write;
  }
});

test('pretrain --resume with --steps at or below the checkpoint\'s step says so, instead of training nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-cli-'));
  try {
    const run = join(dir, 'run');
    const args = ['pretrain', '--data', 'synthetic', '--out', run, '--seq-len', '16', '--micro-batch', '2', '--threads', '1'];
    const first = medbert(...args, '--steps', '2');
    assert.equal(first.status, 0, first.stderr);
    const again = medbert(...args, '--steps', '2', '--resume');
    assert.notEqual(again.status, 0);
    assert.match(again.stderr.trim(), /^medbert: .*checkpoint is at step 2 already: --resume needs --steps above it \(--steps 2\)$/);
    const further = medbert(...args, '--steps', '3', '--resume', '--json');
    assert.equal(further.status, 0, further.stderr);
    assert.equal((JSON.parse(further.stdout.trim().split('\n').pop()!) as { step: number }).step, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prepare replaces invalid UTF-8 and counts it as a warning naming the file (Latin-1 text)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-cli-'));
  try {
    const input = join(dir, 'latin1.txt');
    writeFileSync(input, Buffer.from('Caf\xe9 patients took aspirin for headache.\n', 'latin1'));
    const r = medbert('prepare', '--input', input, '--format', 'text', '--tokenizer', join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'),
      '--ontology', 'builtin', '--out', join(dir, 'shards'), '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^medbert prepare: warning: latin1\.txt: document latin1\.txt#1: invalid UTF-8 replaced by U\+FFFD$/m);
    assert.equal((JSON.parse(r.stdout.trim().split('\n').pop()!) as { warnings: number }).warnings, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MEDBERT_THREADS that is no positive integer is one clear line, with one rank or several', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-threads-'));
  try {
    for (const workers of ['1', '2']) {
      const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', join(dir, `run${workers}`),
        '--steps', '1', '--workers', workers], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MEDBERT_THREADS: 'abc' } });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, "medbert: the environment variable MEDBERT_THREADS must be a positive integer, got 'abc'\n");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
