// Node-only readers and writers of the formats `medbert deid` de-identifies: one text document, JSON lines and
// CSV (papaparse, as `medbert prepare` reads it), record by record, with bad records skipped and named. Files are
// read as the corpus readers read them: gunzipped when they are gzip, a missing or unreadable file named in one line.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { headerForMessage, type CsvRow } from '../corpus/csv-rows.js';
import { jsonMembers } from '../corpus/json-members.js';
import { invalidJsonLine } from '../corpus/jsonl.js';
import { fileBytes, fileText, readFileText } from '../corpus/node-io.js';
import { MedbertError } from '../errors.js';
import { deidentify, type DeidMode } from './deidentify.js';
import type { OutputSink } from './node-io.js';

export interface DeidRunOptions {
  readonly mode: DeidMode;
  readonly seed: string;
}

/** Counts skipped records and replaced bytes; prints the first few and a total on stderr. */
export class Warnings {
  skipped = 0;
  /** Records de-identified and written. */
  kept = 0;
  private replaced = 0;
  /** Records without the --key-field, and the field's name. */
  private keyless = 0;
  private keyField = '';
  constructor(private readonly source: string) {}

  /** A record without its --key-field: de-identified, its dates shifted by an offset of its own (named once, counted). */
  noKey(line: number, field: string): void {
    if (this.keyless++ === 0) {
      this.keyField = field;
      process.stderr.write(`medbert deid: warning: ${this.source}:${line}: no field "${field}" (--key-field): the record's dates get an offset of their own\n`);
    }
  }

  skip(line: number, why: string): void {
    this.skipped++;
    if (this.skipped <= 10) process.stderr.write(`medbert deid: warning: ${this.source}:${line}: ${why}; skipped\n`);
  }

  replacement(text: string, line: number): void {
    let n = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
    if (n > 0 && this.replaced === 0) process.stderr.write(`medbert deid: warning: ${this.source}${line > 0 ? `:${line}` : ''}: invalid UTF-8 replaced by U+FFFD\n`);
    this.replaced += n;
  }

  report(): void {
    if (this.skipped > 0) process.stderr.write(`medbert deid: ${this.skipped} record(s) skipped in ${this.source}\n`);
    if (this.replaced > 0) process.stderr.write(`medbert deid: ${this.replaced} invalid UTF-8 sequence(s) replaced in ${this.source}\n`);
    if (this.keyless > 0) process.stderr.write(`medbert deid: ${this.keyless} record(s) without the field "${this.keyField}" in ${this.source}\n`);
  }
}

/** The file's text, or standard input's (invalid UTF-8 becomes U+FFFD either way). */
function textInput(path: string | undefined): Readable {
  return path === undefined ? process.stdin.setEncoding('utf8') : Readable.from(fileText(path));
}

export async function readAllText(path: string | undefined): Promise<string> {
  if (path !== undefined) return readFileText(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

function lineStream(path: string | undefined): AsyncIterable<string> {
  const input = textInput(path);
  return createInterface({ input, crlfDelay: Infinity });
}

export async function deidJsonl(
  path: string | undefined, sink: OutputSink, field: string, keyField: string | undefined,
  options: DeidRunOptions, warnings: Warnings,
): Promise<void> {
  let line = 0;
  for await (const raw of lineStream(path)) {
    line++;
    if (raw.trim() === '') continue;
    warnings.replacement(raw, line);
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      warnings.skip(line, invalidJsonLine(raw, error));
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) { warnings.skip(line, 'not a JSON object'); continue; }
    const object = record as Record<string, unknown>;
    const text = object[field];
    if (typeof text !== 'string') { warnings.skip(line, `no string field "${field}"`); continue; }
    // The record is rewritten in place, the text field's value alone: other fields keep every byte (an id past
    // 2^53 its digits, which a parse and stringify would round), and a numeric key is taken as written too.
    const members = jsonMembers(raw);
    const keyValue = keyField === undefined ? undefined : object[keyField];
    const keySpan = keyField === undefined ? undefined : [...members].reverse().find((m) => m.name === keyField);
    const key = keyValue === undefined || keyValue === null || keySpan === undefined ? undefined
      : typeof keyValue === 'string' ? keyValue : raw.slice(keySpan.start, keySpan.end);
    if (keyField !== undefined && key === undefined) warnings.noKey(line, keyField);
    const deid = (note: string): string => deidentify(note, { ...options, ...(key !== undefined ? { key } : {}) }).text;
    // Every value written under the field's name is de-identified, not only the one JSON.parse keeps (the last): a
    // record that names its text field twice must not carry the first copy out as it was.
    const copies = members.filter((member) => member.name === field);
    const notes = copies.map((m) => JSON.parse(raw.slice(m.start, m.end)) as unknown);
    if (notes.some((note) => typeof note !== 'string')) { warnings.skip(line, `the field "${field}" is given ${copies.length} times, not all as text`); continue; }
    let out = raw;
    for (let i = copies.length - 1; i >= 0; i--) {
      out = `${out.slice(0, copies[i]!.start)}${JSON.stringify(deid(notes[i] as string))}${out.slice(copies[i]!.end)}`;
    }
    await sink.write(`${out}\n`);
    warnings.kept++;
  }
}

export async function deidCsv(
  path: string | undefined, sink: OutputSink, column: string, keyColumn: string | undefined,
  options: DeidRunOptions, warnings: Warnings,
): Promise<void> {
  // Rows as `medbert prepare` reads them (papaparse, corpus/csv-rows.ts): a quote inside an unquoted field is a
  // character ('5\'10" tall'); a quoted field closed before other characters, or never closed, makes its row malformed.
  const { CsvRows } = await import('../corpus/csv-rows.js');
  const rows = new CsvRows(',');
  let header: string[] | null = null;
  let textIndex = -1;
  let keyIndex = -1;
  let eol: string | null = null; // the input's line end (CRLF, as RFC 4180 writes, or LF), kept in the output
  let lastByte = -1;
  const write = async (batch: readonly CsvRow[]): Promise<void> => {
    for (const row of batch) {
      if (row.error !== null) {
        warnings.skip(row.firstLine, `bad CSV row (${row.error})`);
        continue;
      }
      const record = row.fields;
      if (header === null) {
        header = record;
        textIndex = header.indexOf(column);
        if (textIndex < 0) throw new MedbertError(`${path ?? 'stdin'}: no column "${column}" in the header (${headerForMessage(header)}); set --text-column`);
        if (keyColumn !== undefined) {
          keyIndex = header.indexOf(keyColumn);
          if (keyIndex < 0) throw new MedbertError(`${path ?? 'stdin'}: no column "${keyColumn}" for --key-field`);
        }
        await sink.write(csvLine(header, eol ?? '\n'));
        continue;
      }
      // papaparse gives a blank line as one empty field.
      if (record.length === 1 && record[0] === '') continue;
      if (record.length !== header.length) {
        warnings.skip(row.firstLine, `the row has ${record.length} fields, the header ${header.length}`);
        continue;
      }
      const text = record[textIndex] ?? '';
      warnings.replacement(text, row.firstLine);
      const key = keyIndex >= 0 ? record[keyIndex] : undefined;
      const out = [...record];
      out[textIndex] = deidentify(text, { ...options, ...(key !== undefined ? { key } : {}) }).text;
      await sink.write(csvLine(out, eol ?? '\n'));
      warnings.kept++;
    }
  };
  for await (const chunk of path === undefined ? (process.stdin as AsyncIterable<Uint8Array>) : fileBytes(path)) {
    if (eol === null) {
      const lf = chunk.indexOf(10);
      if (lf >= 0) eol = (lf > 0 ? chunk[lf - 1] : lastByte) === 13 ? '\r\n' : '\n'; // its CR may end the chunk before
    }
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    await write(rows.push(chunk));
  }
  await write(rows.end());
}

function csvLine(fields: readonly string[], eol: string): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + eol;
}
