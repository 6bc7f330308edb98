// Copies of the benchmark corpus for the steady-state figure of `npm run bench -- prepare`: the shared corpus is
// 11.65 MB, so one run is dominated by what a run pays once (lexicon build, thread starts, the JIT's first
// compiles); a real corpus is gigabytes. Feeding the corpus several times measures the rate after those costs.
// Each copy's documents start with a short sentence naming the copy ("Copy 2. "): otherwise exact-duplicate
// removal would drop every copy. The files keep their formats (JSONL, CSV, gzip), so every stage reads as it would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { csvRecords } from './csv.js';

/** Writes copy `k` of a JSONL.gz file with `field` of every record marked; returns its path. */
export function markedJsonlCopy(path: string, field: string, k: number, dir: string): string {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((line) => line.trim() !== '');
  const marked = lines.map((line) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (typeof record[field] === 'string') record[field] = `Copy ${k}. ${record[field]}`;
    return JSON.stringify(record);
  });
  const out = join(dir, `copy${k}.jsonl.gz`);
  writeFileSync(out, gzipSync(marked.join('\n') + '\n'));
  return out;
}

/** Writes copy `k` of a CSV.gz file with the non-empty cells of `column` marked; returns its path. */
export function markedCsvCopy(path: string, column: string, k: number, dir: string): string {
  const rows = csvRecords(path);
  const at = rows[0].indexOf(column);
  if (at < 0) throw new Error(`${path}: no column ${column}`);
  const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
  const text = rows.map((row, r) => row.map((cell, c) => quote(r > 0 && c === at && cell.trim() !== '' ? `Copy ${k}. ${cell}` : cell)).join(','));
  const out = join(dir, `copy${k}.csv.gz`);
  writeFileSync(out, gzipSync(text.join('\r\n') + '\r\n'));
  return out;
}
