// The shared CSV files as records, for benchmarks (papaparse, as the corpus reader uses; the whole file at once).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

/** The rows of a CSV file (gzipped if its name ends in .gz), header first; a byte-order mark is dropped. */
export function csvRecords(path: string): string[][] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^\uFEFF/, '');
  // 'greedy' drops the empty last line (a file ends with a line break) and lines of only white space.
  return Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
}

/** The rows after the header, as objects keyed by the header's names. */
export function csvObjects(path: string): Record<string, string>[] {
  const [header, ...rows] = csvRecords(path);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}
