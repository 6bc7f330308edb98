import { MedbertError } from '../errors.js';
import { headerForMessage, type CsvRow } from './csv-rows.js';
import type { CorpusDocument, ReaderOptions } from './document.js';
import { splitParagraphs } from './paragraphs.js';
import type { TextSource } from './text-stream.js';

const utf8 = new TextEncoder();

export interface CsvOptions extends ReaderOptions {
  /** The column whose text is the document (default `transcription`, as in MTSamples). */
  readonly textColumn?: string;
  /** The id column (default: the first column). */
  readonly idColumn?: string;
  /** Cell values meaning "missing" (default `['', 'NA']`: R writes missing values as a bare NA). */
  readonly missingValues?: readonly string[];
  readonly delimiter?: string;
}

/**
 * CSV notes with a header row (RFC 4180 quoting; fields may hold line breaks). Each row's text column, split
 * into paragraphs at blank lines, is one document; the other columns go to meta (with `line`, the line the row
 * ends on). A malformed row (bad quoting, wrong number of fields) is skipped with a warning naming the line it
 * starts on. Rows are split by papaparse, chunk by chunk (see CsvRows: memory holds one partial row).
 *
 * `source` may also be the file's UTF-8 bytes in chunks (as a file stream gives them): rows are split from bytes,
 * so text is only encoded back to UTF-8, and bytes spare decoding the whole file (each field with other than
 * ASCII is decoded, invalid UTF-8 replaced by U+FFFD; a byte-order mark is dropped either way).
 */
export async function* readCsv(source: TextSource | AsyncIterable<Uint8Array>, options: CsvOptions = {}): AsyncIterable<CorpusDocument> {
  const file = options.fileName ?? 'input';
  const textColumn = options.textColumn ?? 'transcription';
  const missing = new Set(options.missingValues ?? ['', 'NA']);
  // A Set look-up hashes the whole string (a note's text is kilobytes): longer values than any missing one skip it.
  let longestMissing = 0;
  for (const value of missing) longestMissing = Math.max(longestMissing, value.length);
  const isMissing = (value: string): boolean => value.length <= longestMissing && missing.has(value);
  const warn = (line: number, message: string): void => options.onWarning?.({ file, line, message });
  // Loaded when a CSV file is read: papaparse is CommonJS, whose whole source Node lexes for export names when it is
  // imported (8-12 ms of CPU, and a compile job), which a run over JSONL or XML need not pay.
  const { CsvRows } = await import('./csv-rows.js');
  const rows = new CsvRows(options.delimiter ?? ',');

  let header: string[] | null = null;
  let textIndex = -1;
  let idIndex = 0;
  function* documents(batch: readonly CsvRow[]): Generator<CorpusDocument> {
    for (const row of batch) {
      const record = row.fields;
      if (row.error !== null) {
        warn(row.firstLine, `skipped a malformed CSV row: ${row.error}`);
        continue;
      }
      if (header === null) {
        header = record.map((h) => h.trim());
        textIndex = header.indexOf(textColumn);
        if (textIndex < 0) throw new MedbertError(`${file}: no column named '${textColumn}' (columns: ${headerForMessage(header)})`);
        idIndex = options.idColumn !== undefined ? header.indexOf(options.idColumn) : 0;
        if (idIndex < 0) throw new MedbertError(`${file}: no id column named '${options.idColumn ?? ''}'`);
        continue;
      }
      if (record.length !== header.length) {
        warn(row.firstLine, `skipped a CSV row with ${record.length} fields instead of ${header.length}`);
        continue;
      }
      const text = record[textIndex];
      if (isMissing(text.trim())) continue;
      const paragraphs = splitParagraphs(text);
      if (paragraphs.length === 0) continue;
      const meta: Record<string, string | number | string[]> = { line: row.lastLine };
      header.forEach((name, i) => {
        if (i !== textIndex && !isMissing(record[i])) meta[name] = record[i];
      });
      const id = record[idIndex] !== '' ? record[idIndex] : `${file}#${row.lastLine}`;
      yield { id, source: file, paragraphs, meta };
    }
  }

  // Text is encoded back to UTF-8: CsvRows splits bytes (a file's come as they are).
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    yield* documents(rows.push(typeof chunk === 'string' ? utf8.encode(chunk) : chunk));
  }
  yield* documents(rows.end());
}
