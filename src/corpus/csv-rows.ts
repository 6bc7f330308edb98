import Papa from 'papaparse';
import { latin1 } from './latin1.js';
import { MedbertError } from '../errors.js';

/**
 * A CSV header for an error message, kept short (a file that is not CSV at all has its first line as "columns"),
 * and saying so when it is JSON (JSON Lines read with --format csv).
 */
export function headerForMessage(header: readonly string[]): string {
  const shown = header.slice(0, 8).map((h) => (h.length > 30 ? `${h.slice(0, 30)}...` : h)).join(', ');
  const all = header.length > 8 ? `${shown}, ... ${header.length - 8} more` : shown;
  return /^\s*[{[]/.test(header[0] ?? '') ? `${all}; the file looks like JSON, not CSV: --format jsonl?` : all;
}

/** One CSV row: its fields, the lines it spans (1-based), and why it is malformed (null when it is not). */
export interface CsvRow {
  readonly fields: string[];
  readonly firstLine: number;
  readonly lastLine: number;
  readonly error: string | null;
}

/** Bytes are parsed in pieces of at least this many: fewer parser calls, and the first one sees enough lines to
 * tell the file's line break. */
const MIN_PARSE_BYTES = 1 << 16;

/** The text parsed at a time after a malformed row (see parse). */
const RESTART_WINDOW = 1 << 14;

/** The UTF-8 byte-order mark as Latin-1 text. */
const BOM = '\u00ef\u00bb\u00bf';

const NOT_ASCII = /[\u0080-\u00ff]/;

/**
 * Splits CSV given as UTF-8 bytes in chunks into rows (RFC 4180 quoting; quoted fields may hold line breaks),
 * with papaparse (several times faster than csv-parse on real notes).
 *
 * The bytes are parsed as Latin-1 text, one character a byte: a multi-byte UTF-8 character holds no ASCII byte, so
 * quotes, delimiters and line breaks are found where they are, a character cut between chunks needs no care, and
 * only a field with bytes above 127 is decoded (invalid bytes replaced by U+FFFD; latin1.ts). An
 * ASCII field stays a one-byte string: text decoded a chunk at a time would make every field of a chunk with one
 * other character a two-byte string, which every later step (and postMessage) then pays for.
 *
 * papaparse parses whole strings; this carries the last row of each piece, which may be cut, over to the next:
 * memory holds one partial row and a piece. A row spanning many chunks is parsed again only once the text has
 * doubled since, so its cost stays linear. A byte-order mark at the start is dropped.
 *
 * papaparse is lenient where RFC 4180 is not: a quote inside an unquoted field is a character, and spaces after a
 * closing quote are dropped. What it does flag (a quoted field closed before other characters, or never closed)
 * makes the row malformed; such a row has taken in the text up to the next quote, often the next rows too (all of
 * them, for a field never closed). A malformed row is therefore cut to its first line, and parsing starts again on
 * the line after it: the rows it took in are read, not lost.
 */
export class CsvRows {
  /** Bytes (as Latin-1) not yet parsed: the last, perhaps partial, row of the previous piece, then the chunks since. */
  private pending = '';
  /** pending's length right after the last parse: the partial row carried over. */
  private carried = 0;
  private started = false;
  /** The line break, told by papaparse from the first piece, then fixed (a piece could start mid-row). */
  private newline: '\r\n' | '\n' | '\r' | undefined = undefined;
  /** The number of lines the rows given so far took up. */
  private lines = 0;

  /** The delimiter as the parser sees it: its UTF-8 bytes as Latin-1 (one character unless it is not ASCII). */
  private readonly delimiter: string;

  constructor(delimiter: string) {
    // papaparse guesses the delimiter when given none: a file would then be split at whatever it guessed.
    if (delimiter === '') throw new MedbertError("the CSV delimiter is empty: give one, such as ',' or a tab");
    this.delimiter = latin1.ofUtf8(delimiter);
  }

  /** The rows complete with this chunk (the last row seen is held back until more bytes or the end show it ended). */
  push(bytes: Uint8Array): CsvRow[] {
    this.pending += latin1.fromBytes(bytes);
    if (this.pending.length < Math.max(MIN_PARSE_BYTES, 2 * this.carried)) return [];
    return this.parse(false);
  }

  /** The rows still held, at the end of the bytes. */
  end(): CsvRow[] {
    return this.pending.length > 0 ? this.parse(true) : [];
  }

  private parse(final: boolean): CsvRow[] {
    if (!this.started) {
      this.started = true;
      if (this.pending.startsWith(BOM)) this.pending = this.pending.slice(BOM.length);
    }
    const rows: CsvRow[] = [];
    // After a malformed row the rest is parsed a window at a time: papaparse costs time in the length of the text it
    // is given, even when stopped at its first row, so parsing all the rest again after each of many bad rows was
    // quadratic (20,000 rows of unclosed quotes: 14 s for 0.66 MB).
    let window = Infinity;
    for (;;) {
      const whole = this.pending;
      const cut = whole.length > window;
      const text = cut ? whole.slice(0, window) : whole;
      const lastPiece = final && !cut;
      const ascii = !NOT_ASCII.test(text);
      let held: { fields: string[]; error: string | null } | null = null;
      let heldStart = 0;
      let end = 0; // where the row just seen ends (papaparse's cursor, after its line break)
      let restart = -1;
      Papa.parse<string[]>(text, {
        delimiter: this.delimiter,
        ...(this.newline === undefined ? {} : { newline: this.newline }),
        step: (result, parser) => {
          if (this.newline === undefined) this.newline = lineBreak(result.meta.linebreak);
          if (held !== null) rows.push(this.row(held.fields, held.error, ascii));
          const error = result.errors[0];
          held = { fields: result.data, error: error === undefined ? null : error.message };
          heldStart = end;
          end = result.meta.cursor;
          // A malformed quote took in the lines after the row's first (a field never closed takes in every row to
          // the end): the bad row is its first line alone, and parsing starts again on the next line. Not for the
          // last row of a piece when its quote is only unclosed: the piece may have cut it.
          if (error !== undefined && (lastPiece || end < text.length || error.code !== 'MissingQuotes')) {
            const lineEnd = text.indexOf(this.newline, heldStart);
            if (lineEnd >= 0 && lineEnd + this.newline.length < end) {
              restart = lineEnd + this.newline.length;
              parser.abort();
            }
          }
        },
      });
      const last = held as { fields: string[]; error: string | null } | null;
      if (restart >= 0 && last !== null) {
        rows.push(this.row([], last.error, ascii));
        this.pending = whole.slice(restart);
        window = RESTART_WINDOW;
        continue;
      }
      if (cut) {
        // The window's rows are given; its last one, perhaps cut, is parsed again with the next window (a window
        // holding no whole row grows).
        if (heldStart === 0) window *= 2;
        else this.pending = whole.slice(heldStart);
        continue;
      }
      if (!final) {
        this.pending = text.slice(heldStart);
        this.carried = this.pending.length;
      } else {
        this.pending = '';
        // Bytes ending with a line break have no row after it (papaparse gives an empty one).
        if (last !== null && heldStart < text.length) rows.push(this.row(last.fields, last.error, ascii));
      }
      return rows;
    }
  }

  private row(fields: string[], error: string | null, ascii: boolean): CsvRow {
    const firstLine = this.lines + 1;
    // Line breaks inside quoted fields: the row's last line is further on.
    const breakChar = this.newline === '\r' ? '\r' : '\n';
    let inner = 0;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      for (let at = field.indexOf(breakChar); at >= 0; at = field.indexOf(breakChar, at + 1)) inner++;
      if (!ascii && NOT_ASCII.test(field)) fields[i] = latin1.utf8Of(field);
    }
    this.lines = firstLine + inner;
    return { fields, firstLine, lastLine: this.lines, error };
  }
}

function lineBreak(seen: string): '\r\n' | '\n' | '\r' {
  return seen === '\r\n' || seen === '\r' ? seen : '\n';
}
