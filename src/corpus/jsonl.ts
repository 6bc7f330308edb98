import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { memberValueSpans } from './json-members.js';
import { linesOf, type TextSource } from './text-stream.js';

export interface JsonlOptions extends ReaderOptions {
  /** Fields whose string values become the paragraphs, in this order (default `['title', 'abstract']`). */
  readonly textFields?: readonly string[];
  /** Field holding the id (default: the first of `id`, `pmid`, `_id` present; else `FILE#LINE`). */
  readonly idField?: string;
}

const ID_FIELDS = ['id', 'pmid', '_id'];

/** A numeric field's digits as the line writes them: an id past 2^53 would come out of the parsed number rounded. */
function numberAsWritten(raw: string, field: string, value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  const span = memberValueSpans(raw).get(field);
  return span === undefined ? String(value) : raw.slice(span.start, span.end);
}

/**
 * Why a JSONL line is not valid JSON, said plainly for the usual cause: a JSON document written over several lines
 * (an array's `[`, a pretty-printed object's `{`), not JSON Lines (which a one-line `jq -c '.[]'` makes of it).
 */
export function invalidJsonLine(raw: string, error: unknown): string {
  const opened = raw.trim();
  if (opened.endsWith('[') || opened.endsWith('{')) {
    return 'not valid JSON: a JSON document over several lines, not JSON Lines (one object per line)';
  }
  return `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * JSON Lines: one object per line. The named text fields, in order, are the paragraphs (missing or empty
 * fields are left out); other scalar fields go to meta. A line that is not a JSON object is skipped with a
 * warning, and so is a record none of whose text fields holds a string; a record whose text fields are empty is
 * dropped quietly. A text field that no record holds is warned about at the end. `source` may also be the file's
 * UTF-8 bytes in chunks (see linesOf: each line is decoded on its own).
 */
export async function* readJsonl(source: TextSource | AsyncIterable<Uint8Array>, options: JsonlOptions = {}): AsyncIterable<CorpusDocument> {
  const file = options.fileName ?? 'input';
  const textFields = options.textFields ?? ['title', 'abstract'];
  let line = 0;
  let records = 0;
  const seen = textFields.map(() => false);
  for await (const raw of linesOf(source)) {
    line += 1;
    if (raw.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      options.onWarning?.({ file, line, message: `skipped a line that is ${invalidJsonLine(raw, error)}` });
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      options.onWarning?.({ file, line, message: 'skipped a line that is not a JSON object' });
      continue;
    }
    const fields = record as Record<string, unknown>;
    records += 1;
    const paragraphs: string[] = [];
    let present = false;
    for (let f = 0; f < textFields.length; f++) {
      const value = fields[textFields[f] as string];
      if (typeof value !== 'string') continue;
      present = true;
      seen[f] = true;
      if (value.trim() !== '') paragraphs.push(normalizeSpace(value));
    }
    // Empty text fields (an article without an abstract) are common and dropped quietly; a record with none of the
    // fields as text is named: most likely --text-fields names fields the file does not have.
    if (!present) options.onWarning?.({ file, line, message: `skipped a record with no text field (${textFields.join(', ')}) holding a string` });
    if (paragraphs.length === 0) continue;
    const meta: Record<string, string | number | string[]> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (textFields.includes(key)) continue;
      if (typeof value === 'string' || typeof value === 'number') meta[key] = value;
    }
    const idKey = options.idField ?? ID_FIELDS.find((k) => typeof fields[k] === 'string' || typeof fields[k] === 'number');
    const idValue = idKey !== undefined ? fields[idKey] : undefined;
    const id = typeof idValue === 'string' ? idValue
      : typeof idValue === 'number' ? numberAsWritten(raw, idKey as string, idValue) : `${file}#${line}`;
    yield { id, source: file, paragraphs, meta };
  }
  const never = textFields.filter((_, f) => !seen[f]);
  if (records > 0 && never.length > 0) {
    options.onWarning?.({ file, line, message: `no record holds the text field${never.length > 1 ? 's' : ''} ${never.join(', ')}` });
  }
}
