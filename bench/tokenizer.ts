// `npm run bench -- tokenizer [--json] [--mb=50] [--vocab=8000] [--runs=2]`
// Encode throughput of medbert vs Google's spm_encode on the same model and text (single thread each), and
// training time, pieces per character on held-out text and vocabulary overlap of an 8,000-piece model
// trained on the shared abstracts by medbert and by spm_train. Needs ../shared/data and Debian's
// `sentencepiece` package (spm_train, spm_encode); /usr/bin/time, when present, adds CPU seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { SentencePieceModel, encodeModelProto } from '../src/tokenizer/index.js';
import { UnigramTrainer } from '../src/tokenizer/trainer/trainer.js';
import { csvObjects } from './csv.js';
import { WorkerEStep } from '../src/tokenizer/trainer/node-parallel.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(repoRoot, '..', 'shared', 'data');

interface Timed { wall: number; cpu: number | null }

function flag(argv: string[], name: string, fallback: number): number {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
}

function has(tool: string): boolean {
  return spawnSync(tool, ['--help'], { stdio: 'ignore' }).error === undefined;
}

/** Runs a command, stdin/stdout as files; wall seconds, and user+sys CPU seconds when /usr/bin/time exists. */
function timeCommand(command: string, args: string[], stdinPath?: string, stdoutPath = '/dev/null'): Timed {
  const useTime = existsSync('/usr/bin/time');
  const script = `${useTime ? '/usr/bin/time -f "%U %S" ' : ''}"$0" "$@" ${stdinPath !== undefined ? `< "${stdinPath}"` : ''} > "${stdoutPath}"`;
  const start = process.hrtime.bigint();
  const result = spawnSync('sh', ['-c', script, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-500)}`);
  let cpu: number | null = null;
  if (useTime) {
    const m = /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr.trim());
    if (m !== null) cpu = Number(m[1]) + Number(m[2]);
  }
  return { wall, cpu };
}

function best(runs: Timed[]): Timed {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=\.)\s+(?=[A-Z])/).map((s) => s.replace(/[\r\n]+/g, ' ').trim()).filter((s) => s !== '');
}

export async function run(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const targetMb = flag(argv, 'mb', 50);
  const vocab = flag(argv, 'vocab', 8000);
  const runs = flag(argv, 'runs', 2);
  const log = (s: string): void => { process.stderr.write(s + '\n'); };
  const abstractsPath = join(shared, 'corpus', 'abstracts', 'abstracts.jsonl.gz');
  const notesPath = join(shared, 'corpus', 'mtsamples', 'mtsamples.csv.gz');
  if (!existsSync(abstractsPath) || !existsSync(notesPath)) throw new Error(`bench tokenizer needs ${abstractsPath} and ${notesPath}`);
  if (!has('spm_train') || !has('spm_encode')) throw new Error('bench tokenizer needs spm_train and spm_encode (apt-get install sentencepiece)');

  const dir = mkdtempSync(join(tmpdir(), 'medbert-bench-tok-'));
  try {
    // Abstracts: every 10th sentence held out.
    const abstractSentences: string[] = [];
    for (const line of gunzipSync(readFileSync(abstractsPath)).toString('utf8').split('\n')) {
      if (line === '') continue;
      const rec = JSON.parse(line) as { title: string; abstract: string };
      if (rec.title !== '') abstractSentences.push(rec.title);
      abstractSentences.push(...splitSentences(rec.abstract));
    }
    const train = abstractSentences.filter((_, i) => i % 10 !== 9);
    const heldout = abstractSentences.filter((_, i) => i % 10 === 9);
    const trainPath = join(dir, 'train.txt');
    writeFileSync(trainPath, train.join('\n') + '\n');

    // 1. Training: spm_train (its defaults: 16 threads) vs medbert (one thread).
    log(`training ${vocab}-piece models on ${train.length} abstract sentences...`);
    const spmTrain = timeCommand('spm_train', [`--input=${trainPath}`, `--model_prefix=${join(dir, 'spm')}`, `--vocab_size=${vocab}`, '--minloglevel=2']);
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    // As `medbert tokenizer train` does: E-steps on worker threads (one per core), same result as one thread.
    const trainer = new UnigramTrainer({ vocab_size: vocab });
    for (const s of train) trainer.addSentence(s);
    const pool = new WorkerEStep(Math.max(1, Math.min(cpus().length, 16)));
    const ours = await trainer.trainParallel(pool);
    await pool.close();
    const oursTrain: Timed = { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: cpuSeconds(process.cpuUsage(cpu0)) };
    writeFileSync(join(dir, 'ours.model'), encodeModelProto(ours.proto));
    const spmModel = SentencePieceModel.fromBytes(readFileSync(join(dir, 'spm.model')));
    const oursModel = SentencePieceModel.fromProto(ours.proto);
    const spmSet = new Set(spmModel.pieces);
    const overlap = oursModel.pieces.filter((p) => spmSet.has(p)).length / spmModel.vocabSize;
    const piecesPerChar = (m: SentencePieceModel): number => {
      let pieces = 0;
      let chars = 0;
      for (const s of heldout) { pieces += m.encode(s).length; chars += [...s].length; }
      return pieces / chars;
    };
    const ppcSpm = piecesPerChar(spmModel);
    const ppcOurs = piecesPerChar(oursModel);

    // 2. Encoding: the same text (abstracts + clinical notes, repeated to the target size) and the spm model.
    const notes = csvObjects(notesPath);
    const base = [...abstractSentences, ...notes.flatMap((n) => splitSentences(n.transcription ?? ''))].join('\n') + '\n';
    const baseBytes = Buffer.from(base, 'utf8');
    const target = targetMb * 1e6;
    const text = Buffer.alloc(target);
    for (let o = 0; o < target; o += baseBytes.length) baseBytes.copy(text, o, 0, Math.min(baseBytes.length, target - o));
    text[target - 1] = 10;
    const textPath = join(dir, 'text.txt');
    writeFileSync(textPath, text);
    const modelPath = join(dir, 'spm.model');
    log(`encoding ${targetMb} MB with spm_encode and medbert (${runs} runs each, best kept)...`);
    const spmRuns: Timed[] = [];
    const cliRuns: Timed[] = [];
    const medbert = join(repoRoot, 'bin', 'medbert.js');
    for (let r = 0; r < runs; r++) {
      spmRuns.push(timeCommand('spm_encode', [`--model=${modelPath}`, '--output_format=id'], textPath, join(dir, 'spm.ids')));
      cliRuns.push(timeCommand(process.execPath, [medbert, 'tokenizer', 'encode', `--model=${modelPath}`, '--output_format=id'], textPath, join(dir, 'medbert.ids')));
    }
    const sameIds = spawnSync('cmp', ['-s', join(dir, 'spm.ids'), join(dir, 'medbert.ids')]).status === 0;
    // In-process library throughput (no process start, no model load, no output): encodeIdsInto over lines.
    const libRuns: Timed[] = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      const s0 = process.hrtime.bigint();
      let start = 0;
      let ids = 0;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === 10) { ids += spmModel.encodeIdsInto(text.subarray(start, i)); start = i + 1; }
      }
      libRuns.push({ wall: Number(process.hrtime.bigint() - s0) / 1e9, cpu: cpuSeconds(process.cpuUsage(c0)) });
      if (ids === 0) throw new Error('no ids');
    }
    const mbps = (t: Timed): number => targetMb / t.wall;
    const mbpsCpu = (t: Timed): number | null => (t.cpu === null ? null : targetMb / t.cpu);
    const spm = best(spmRuns);
    const cli = best(cliRuns);
    const lib = best(libRuns);
    const result = {
      machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
      text_mb: targetMb,
      encode_mb_s: { spm_encode: mbps(spm), medbert_cli: mbps(cli), medbert_library: mbps(lib) },
      encode_mb_per_cpu_s: { spm_encode: mbpsCpu(spm), medbert_cli: mbpsCpu(cli), medbert_library: mbpsCpu(lib) },
      encode_speedup_cli_wall: mbps(cli) / mbps(spm),
      encode_speedup_cli_cpu: spm.cpu !== null && cli.cpu !== null ? spm.cpu / cli.cpu : null,
      identical_ids: sameIds,
      train_seconds: { spm_train_wall: spmTrain.wall, spm_train_cpu: spmTrain.cpu, medbert_wall: oursTrain.wall, medbert_cpu: oursTrain.cpu },
      train_time_ratio_wall: oursTrain.wall / spmTrain.wall,
      train_time_ratio_cpu: spmTrain.cpu !== null && oursTrain.cpu !== null ? oursTrain.cpu / spmTrain.cpu : null,
      vocab_size: vocab,
      heldout_sentences: heldout.length,
      pieces_per_char: { spm: ppcSpm, medbert: ppcOurs, relative_difference: ppcOurs / ppcSpm - 1 },
      vocab_overlap: overlap,
    };
    const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
    const f = (x: number | null, d = 2): string => (x === null ? 'n/a' : x.toFixed(d));
    process.stdout.write([
      `machine: ${result.machine}`,
      `encode ${targetMb} MB (ids, one thread)   spm_encode ${f(mbps(spm))} MB/s   medbert CLI ${f(mbps(cli))} MB/s   medbert library ${f(mbps(lib))} MB/s`,
      `  per CPU second                 spm_encode ${f(mbpsCpu(spm))}        medbert CLI ${f(mbpsCpu(cli))}        medbert library ${f(mbpsCpu(lib))}`,
      `  speedup CLI vs spm_encode: ${f(result.encode_speedup_cli_wall)}x wall, ${f(result.encode_speedup_cli_cpu)}x CPU; identical ids: ${sameIds}`,
      `train ${vocab} pieces              spm_train ${f(spmTrain.wall, 1)} s wall / ${f(spmTrain.cpu, 1)} s CPU   medbert ${f(oursTrain.wall, 1)} s wall / ${f(oursTrain.cpu, 1)} s CPU`,
      `pieces per character (held out)  spm ${ppcSpm.toFixed(4)}   medbert ${ppcOurs.toFixed(4)}   (${pct(result.pieces_per_char.relative_difference)})`,
      `vocabulary overlap with spm      ${pct(overlap)}`,
    ].join('\n') + '\n');
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}
