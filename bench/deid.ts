// `npm run bench -- deid [--json] [--runs N]`: MB/s of de-identification alone (find PHI + replace, tag and
// surrogate modes) on the shared clinical notes: PhysioNet deid nursing notes and MTSamples transcriptions.
// Median of N timed runs after one warm-up run; MB = 10^6 characters of note text.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { deidentify, type DeidMode } from '../src/deid/deidentify.js';
import { parsePhysionetText } from '../src/deid/gold/physionet.js';

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
    const rows = parse(gunzipSync(readFileSync(mtsamples)).toString('utf8'), { columns: true, relax_quotes: true }) as Record<string, string>[];
    corpora.push({ name: 'mtsamples', notes: rows.map((r) => r.transcription ?? '').filter((t) => t !== '' && t !== 'NA') });
  }
  if (corpora.length === 0) throw new Error(`no shared notes under ${data} (physionet-deid, mtsamples)`);
  return corpora;
}

export async function run(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const runs = Math.max(1, Number(option(argv, '--runs') ?? '3'));
  const rows: { corpus: string; mode: DeidMode; mb: number; mb_per_s: number; phi_spans: number }[] = [];
  for (const { name, notes } of loadCorpora()) {
    const chars = notes.reduce((n, t) => n + t.length, 0);
    for (const mode of ['tag', 'surrogate'] as const) {
      let spans = 0;
      const pass = (): number => {
        const t0 = performance.now();
        spans = 0;
        for (const note of notes) spans += deidentify(note, { mode }).spans.length;
        return (performance.now() - t0) / 1000;
      };
      pass();
      const times = Array.from({ length: runs }, pass).sort((a, b) => a - b);
      const seconds = times[Math.floor(times.length / 2)] as number;
      const row = { corpus: name, mode, mb: Math.round(chars / 1e4) / 100, mb_per_s: Math.round((chars / 1e6 / seconds) * 10) / 10, phi_spans: spans };
      rows.push(row);
      if (!json) process.stdout.write(`deid ${mode.padEnd(9)} ${name.padEnd(15)} ${notes.length} notes, ${row.mb} MB: ${row.mb_per_s} MB/s (${spans} PHI spans)\n`);
    }
  }
  const total = rows.filter((r) => r.mode === 'tag');
  const mb = total.reduce((n, r) => n + r.mb, 0);
  const seconds = total.reduce((n, r) => n + r.mb / r.mb_per_s, 0);
  const overall = Math.round((mb / seconds) * 10) / 10;
  if (!json) process.stdout.write(`deid tag overall: ${overall} MB/s (median of ${runs} runs; ${(mb).toFixed(2)} MB)\n`);
  else process.stdout.write(`${JSON.stringify({ deid: { mb_per_s: overall, runs, rows } })}\n`);
}
