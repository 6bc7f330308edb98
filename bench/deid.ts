// `npm run bench -- deid [--json] [--runs N]`: MB/s of de-identification alone (find PHI + replace, tag and
// surrogate modes) on the shared clinical notes: PhysioNet deid nursing notes and MTSamples transcriptions.
// First, one pass over every note before anything has run ("first pass": text the process has never seen, the
// JIT still cold, as in a fresh `medbert deid` or a new worker thread); then the median of N timed runs after
// warm-up passes. MB = 10^6 characters of note text. Both wall-clock MB/s and MB per CPU-second are printed: on a
// shared machine the second is the steadier figure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deidentify, type DeidMode } from '../src/deid/deidentify.js';
import { parsePhysionetText } from '../src/deid/gold/physionet.js';
import { csvObjects } from './csv.js';

const data = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function loadCorpora(): { name: string; notes: string[] }[] {
  const corpora: { name: string; notes: string[] }[] = [];
  const physionet = resolve(data, 'deid', 'physionet-deid', 'id.text');
  if (existsSync(physionet)) corpora.push({ name: 'physionet-deid', notes: parsePhysionetText(readFileSync(physionet, 'latin1')).map((n) => n.text) });
  const mtsamples = resolve(data, 'corpus', 'mtsamples', 'mtsamples.csv.gz');
  if (existsSync(mtsamples)) {
    const rows = csvObjects(mtsamples);
    corpora.push({ name: 'mtsamples', notes: rows.map((r) => r.transcription ?? '').filter((t) => t !== '' && t !== 'NA') });
  }
  if (corpora.length === 0) throw new Error(`no shared notes under ${data} (physionet-deid, mtsamples)`);
  return corpora;
}

export async function run(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const runs = Math.max(1, Number(option(argv, '--runs') ?? '3'));
  const rows: { corpus: string; mode: DeidMode; mb: number; mb_per_s: number; mb_per_cpu_s: number; phi_spans: number }[] = [];
  const corpora = loadCorpora();
  // The first pass, cold: every note once, tag mode, before any warm-up.
  const allNotes = corpora.flatMap((c) => c.notes);
  const allChars = allNotes.reduce((n, t) => n + t.length, 0);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const note of allNotes) deidentify(note);
  const firstCpu = process.cpuUsage(c0);
  const firstSeconds = (performance.now() - t0) / 1000;
  const first = {
    mb: Math.round(allChars / 1e4) / 100,
    mb_per_s: Math.round((allChars / 1e6 / firstSeconds) * 10) / 10,
    mb_per_cpu_s: Math.round((allChars / 1e6 / ((firstCpu.user + firstCpu.system) / 1e6)) * 10) / 10,
  };
  if (!json) process.stdout.write(`deid tag first pass (cold JIT, every note once), ${first.mb} MB: ${first.mb_per_s} MB/s wall, ${first.mb_per_cpu_s} MB/CPU-s\n`);
  // Warm up the JIT on every corpus, so the first corpus timed is not the one that pays for compiling.
  for (let pass = 0; pass < 2; pass++) {
    for (const { notes } of corpora) for (const mode of ['tag', 'surrogate'] as const) for (const note of notes) deidentify(note, { mode });
  }
  for (const { name, notes } of corpora) {
    const chars = notes.reduce((n, t) => n + t.length, 0);
    for (const mode of ['tag', 'surrogate'] as const) {
      let spans = 0;
      const pass = (): [number, number] => {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        spans = 0;
        for (const note of notes) spans += deidentify(note, { mode }).spans.length;
        const cpu = process.cpuUsage(c0);
        return [(performance.now() - t0) / 1000, (cpu.user + cpu.system) / 1e6];
      };
      const timed = Array.from({ length: runs }, pass);
      const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      const seconds = median(timed.map((t) => t[0]));
      const cpuSeconds = median(timed.map((t) => t[1]));
      const row = {
        corpus: name, mode, mb: Math.round(chars / 1e4) / 100, mb_per_s: Math.round((chars / 1e6 / seconds) * 10) / 10,
        mb_per_cpu_s: Math.round((chars / 1e6 / cpuSeconds) * 10) / 10, phi_spans: spans,
      };
      rows.push(row);
      if (!json) process.stdout.write(`deid ${mode.padEnd(9)} ${name.padEnd(15)} ${notes.length} notes, ${row.mb} MB: ${row.mb_per_s} MB/s wall, ${row.mb_per_cpu_s} MB/CPU-s (${spans} PHI spans)\n`);
    }
  }
  const total = rows.filter((r) => r.mode === 'tag');
  const mb = total.reduce((n, r) => n + r.mb, 0);
  const seconds = total.reduce((n, r) => n + r.mb / r.mb_per_s, 0);
  const cpuSeconds = total.reduce((n, r) => n + r.mb / r.mb_per_cpu_s, 0);
  const overall = Math.round((mb / seconds) * 10) / 10;
  const overallCpu = Math.round((mb / cpuSeconds) * 10) / 10;
  if (!json) process.stdout.write(`deid tag overall: ${overall} MB/s wall, ${overallCpu} MB/CPU-s (median of ${runs} runs; ${mb.toFixed(2)} MB)\n`);
  const worst = worstCases();
  if (!json) process.stdout.write(`deid worst cases (ms each): ${worst.map((w) => `${w.name} ${w.ms}`).join(', ')}\n`);
  else process.stdout.write(`${JSON.stringify({ deid: { mb_per_s: overall, mb_per_cpu_s: overallCpu, first_pass: first, runs, rows, worst_cases_ms: worst } })}\n`);
}

/**
 * Inputs that once made a rule backtrack or rescan without end (three optional blanks in a row, a lookahead over the
 * rest of a token, a search back to the line's start for every span of a one-line note): each should take time in
 * proportion to its length. Timed here, not in a test, since timing never decides a test.
 */
function worstCases(): { name: string; chars: number; ms: number }[] {
  const cases: [string, string][] = [
    ['blanks after cell', 'cell\t' + '\t'.repeat(20000) + 'x'], ['blanks after fax', 'fax' + ' '.repeat(20000) + 'x'],
    ['blanks after mobile', 'mobile' + ' '.repeat(20000) + '#'], ['zip in a long token', 'zip123'.repeat(33333)],
    ['one-line addresses, 2 MB', '12 Orchard Lane '.repeat(120000)], ['one-line towns, 2 MB', 'Boston, MA 02115 '.repeat(120000)],
  ];
  return cases.map(([name, text]) => {
    const started = performance.now();
    deidentify(text, { mode: 'tag' });
    return { name, chars: text.length, ms: Math.round(performance.now() - started) };
  });
}
