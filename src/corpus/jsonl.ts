import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { linesOf, type TextSource } from './text-stream.js';

export interface JsonlOptions extends ReaderOptions {
  /** Fields whose string values become the paragraphs, in this order (default `['title', 'abstract']`). */
  readonly textFields?: readonly string[];
  /** Field holding the id (default: the first of `id`, `pmid`, `_id` present; else `FILE#LINE`). */
  readonly idField?: string;
}

const ID_FIELDS = ['id', 'pmid', '_id'];

/**
 * JSON Lines: one object per line. The named text fields, in order, are the paragraphs (missing or empty
 * fields are left out); other scalar fields go to meta. A line that is not a JSON object is skipped with a
 * warning; a record with no text is dropped silently. `source` may also be the file's UTF-8 bytes in chunks (see
 * linesOf: each line is decoded on its own).
 */
export async function* readJsonl(source: TextSource | AsyncIterable<Uint8Array>, options: JsonlOptions = {}): AsyncIterable<CorpusDocument> {
  const file = options.fileName ?? 'input';
  const textFields = options.textFields ?? ['title', 'abstract'];
  let line = 0;
  for await (const raw of linesOf(source)) {
    line += 1;
    if (raw.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.onWarning?.({ file, line, message: `skipped a line that is not valid JSON: ${reason}` });
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      options.onWarning?.({ file, line, message: 'skipped a line that is not a JSON object' });
      continue;
    }
    const fields = record as Record<string, unknown>;
    const paragraphs: string[] = [];
    for (const name of textFields) {
      const value = fields[name];
      if (typeof value === 'string' && value.trim() !== '') paragraphs.push(normalizeSpace(value));
    }
    if (paragraphs.length === 0) continue;
    const meta: Record<string, string | number | string[]> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (textFields.includes(key)) continue;
      if (typeof value === 'string' || typeof value === 'number') meta[key] = value;
    }
    const idKey = options.idField ?? ID_FIELDS.find((k) => typeof fields[k] === 'string' || typeof fields[k] === 'number');
    const idValue = idKey !== undefined ? fields[idKey] : undefined;
    const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : `${file}#${line}`;
    yield { id, source: file, paragraphs, meta };
  }
}
