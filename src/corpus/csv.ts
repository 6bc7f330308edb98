import { parse, type CsvError } from 'csv-parse';
import { MedbertError } from '../errors.js';
import type { CorpusDocument, ReaderOptions } from './document.js';
import { splitParagraphs } from './paragraphs.js';
import type { TextSource } from './text-stream.js';

export interface CsvOptions extends ReaderOptions {
  /** The column whose text is the document (default `transcription`, as in MTSamples). */
  readonly textColumn?: string;
  /** The id column (default: the first column). */
  readonly idColumn?: string;
  /** Cell values meaning "missing" (default `['', 'NA']`: R writes missing values as a bare NA). */
  readonly missingValues?: readonly string[];
  readonly delimiter?: string;
}

interface ParsedRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * CSV notes with a header row (RFC 4180 quoting; fields may hold line breaks). Each row's text column, split
 * into paragraphs at blank lines, is one document; the other columns go to meta. A malformed row (bad
 * quoting, wrong number of fields) is skipped with a warning naming its line. Parsing is csv-parse's
 * streaming parser, fed chunk by chunk.
 *
 * `source` may also be the file's UTF-8 bytes in chunks (Node Buffers, as a file stream gives them): csv-parse
 * works on bytes, so text chunks are only encoded back to UTF-8 for it, and bytes spare decoding and encoding the
 * whole file (it decodes each field, invalid UTF-8 replaced by U+FFFD; a byte-order mark is dropped either way).
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
  const parser = parse({
    bom: true, info: true, relax_column_count: true, skip_records_with_error: true, delimiter: options.delimiter ?? ',',
  });
  let fatal: Error | null = null;
  parser.on('skip', (error: CsvError) => warn(lineOf(error), `skipped a malformed CSV row: ${error.message.split(':')[0]}`));
  parser.on('error', (error: Error) => { fatal = error; });

  let header: string[] | null = null;
  let textIndex = -1;
  let idIndex = 0;
  function* drain(): Generator<CorpusDocument> {
    for (let row = parser.read() as ParsedRow | null; row !== null; row = parser.read() as ParsedRow | null) {
      if (header === null) {
        header = row.record.map((h) => h.trim());
        textIndex = header.indexOf(textColumn);
        if (textIndex < 0) throw new MedbertError(`${file}: no column named '${textColumn}' (columns: ${header.join(', ')})`);
        idIndex = options.idColumn !== undefined ? header.indexOf(options.idColumn) : 0;
        if (idIndex < 0) throw new MedbertError(`${file}: no id column named '${options.idColumn ?? ''}'`);
        continue;
      }
      if (row.record.length !== header.length) {
        warn(row.info.lines, `skipped a CSV row with ${row.record.length} fields instead of ${header.length}`);
        continue;
      }
      const text = row.record[textIndex];
      if (isMissing(text.trim())) continue;
      const paragraphs = splitParagraphs(text);
      if (paragraphs.length === 0) continue;
      const meta: Record<string, string | number | string[]> = { line: row.info.lines };
      header.forEach((name, i) => {
        if (i !== textIndex && !isMissing(row.record[i])) meta[name] = row.record[i];
      });
      const id = row.record[idIndex] !== '' ? row.record[idIndex] : `${file}#${row.info.lines}`;
      yield { id, source: file, paragraphs, meta };
    }
  }

  // Strings and bytes go to the parser as they come (a stream takes either).
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    parser.write(chunk);
    yield* drain();
    if (fatal !== null) break;
  }
  parser.end();
  yield* drain();
  if (fatal !== null) warn(0, `stopped reading: ${(fatal as Error).message}`);
}

function lineOf(error: CsvError): number {
  const lines = (error as CsvError & { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
}
