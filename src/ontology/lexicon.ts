import { MedbertError } from '../errors.js';
import { linesOf, type TextSource } from '../corpus/text-stream.js';
import { EntityMatcher, type MatcherCapacity } from './matcher.js';
import type { EntityType, LexiconEntry } from './types.js';

/**
 * Reads `chemical`, `Drug`, `Gene/Protein`, ... as one of the three entity types; null when unknown. A switch, not a
 * look-up in an object: the full lexicon lists 41,000 genes before its first disease, and a keyed look-up optimized
 * for the one name `gene` was thrown away ("wrong name") when `disease` came, with the parser it was inlined in.
 */
export function parseEntityType(name: string): EntityType | null {
  switch (name.trim().toLowerCase()) {
    case 'disease':
      return 'disease';
    case 'chemical':
    case 'drug':
    case 'chemical/drug':
      return 'chemical';
    case 'gene':
    case 'protein':
    case 'gene/protein':
      return 'gene';
    default:
      return null; // also `constructor` and the like, which an object's look-up would have found
  }
}

/**
 * Reads a lexicon TSV: a header naming at least `id`, `type`, `preferred_name` and `synonyms` (in any order;
 * other columns such as `extra` and `source` are ignored), then one concept per line, synonyms `|`-separated.
 * Blank lines and `#` comments are skipped. A short row, an empty id or name, or an unknown type is a
 * MedbertError naming the file and line.
 */
export async function* readLexicon(source: TextSource, fileName = 'lexicon'): AsyncIterable<LexiconEntry> {
  const parser = new LexiconParser(fileName);
  for await (const raw of linesOf(source)) {
    const entry = parser.line(raw);
    if (entry !== null) yield entry;
  }
  parser.end();
}

/**
 * `readLexicon` over a whole text at once, without an await per line: the full lexicon has ~70,000 lines and
 * its load is the longest step before `medbert prepare` can link anything.
 */
export function* parseLexicon(text: string, fileName = 'lexicon'): Iterable<LexiconEntry> {
  const parser = new LexiconParser(fileName);
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark, as TextDecoder drops it
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    const entry = parser.line(raw);
    if (entry !== null) yield entry;
    start = end + 1;
  }
  parser.end();
}

/** The lexicon format, one line at a time (see readLexicon). */
class LexiconParser {
  private columns: { id: number; type: number; name: number; synonyms: number; width: number } | null = null;
  private lineNumber = 0;
  /** A row's fields up to the widest column read (reused: ~70,000 rows; `extra`, `source` are never cut out). */
  private readonly fields: string[] = [];

  constructor(private readonly fileName: string) {}

  line(raw: string): LexiconEntry | null {
    const fileName = this.fileName;
    const line = ++this.lineNumber;
    if (raw.trim() === '' || raw.startsWith('#')) return null;
    const columns = this.columns;
    if (columns === null) {
      const header = raw.split('\t').map((f) => f.trim().toLowerCase());
      const find = (name: string): number => {
        const index = header.indexOf(name);
        if (index < 0) throw new MedbertError(`${fileName}:${line}: lexicon header lacks a '${name}' column (found: ${printable(header.join(', '))})`);
        return index;
      };
      const id = find('id');
      const type = find('type');
      const name = find('preferred_name');
      const synonyms = find('synonyms');
      this.columns = { id, type, name, synonyms, width: Math.max(id, type, name, synonyms) + 1 };
      return null;
    }
    // The fields up to the widest column read: `count` is the row's field count, or the width if it has more.
    const fields = this.fields;
    let count = 0;
    for (let start = 0; count < columns.width;) {
      const tab = raw.indexOf('\t', start);
      fields[count++] = tab < 0 ? raw.slice(start) : raw.slice(start, tab);
      if (tab < 0) break;
      start = tab + 1;
    }
    // A row may end before an empty trailing synonyms column.
    if (count < columns.width - (columns.synonyms === columns.width - 1 ? 1 : 0)) {
      throw new MedbertError(`${fileName}:${line}: expected ${columns.width} tab-separated fields, found ${count}`);
    }
    const id = fields[columns.id].trim();
    const preferredName = fields[columns.name].trim();
    const type = parseEntityType(fields[columns.type]);
    if (id === '' || preferredName === '') throw new MedbertError(`${fileName}:${line}: empty id or preferred name`);
    if (type === null) throw new MedbertError(`${fileName}:${line}: unknown entity type '${fields[columns.type]}' (expected Disease, Chemical or Gene)`);
    const synonymField = columns.synonyms < count ? fields[columns.synonyms] : '';
    // `split('|')`, trimmed, empty ones left out: in one pass.
    const synonyms: string[] = [];
    for (let start = 0; start < synonymField.length;) {
      let bar = synonymField.indexOf('|', start);
      if (bar < 0) bar = synonymField.length;
      const synonym = synonymField.slice(start, bar).trim();
      if (synonym !== '') synonyms.push(synonym);
      start = bar + 1;
    }
    return { id, type, preferredName, synonyms };
  }

  end(): void {
    if (this.columns === null) throw new MedbertError(`${this.fileName}: empty lexicon (no header line)`);
  }
}

/**
 * Table sizes for a matcher built from a lexicon TSV of `characters` characters, in the full lexicon's proportions
 * (9.9 million characters: 477,000 trie edges, 80,000 name tokens, 311,000 names): a guess, which only spares
 * growing the tables (see MatcherCapacity). The guess stops at four times the full lexicon: a bigger file (or one
 * with wide columns the matcher never reads) grows its tables as they fill instead of reserving them all at once.
 */
export function lexiconCapacity(characters: number): MatcherCapacity {
  const c = Math.min(characters, CAPACITY_CHARACTERS_LIMIT);
  return { edges: Math.ceil(c / 20), tokens: Math.ceil(c / 110), names: Math.ceil(c / 30) };
}

const CAPACITY_CHARACTERS_LIMIT = 40_000_000;

/** Builds a matcher from lexicon entries (e.g. `readLexicon(...)` or the built-in lexicon). */
export async function buildMatcher(entries: AsyncIterable<LexiconEntry> | Iterable<LexiconEntry>, capacity?: MatcherCapacity): Promise<EntityMatcher> {
  const matcher = new EntityMatcher(undefined, capacity);
  if (Symbol.asyncIterator in entries) for await (const entry of entries) matcher.add(entry);
  else for (const entry of entries) matcher.add(entry); // no microtask per entry
  return matcher;
}

/**
 * Text of an unreadable header for a message: at most 80 characters, anything but printable ASCII shown as '?' (a
 * binary file given as the lexicon would print its bytes, line breaks included, in the error line).
 */
function printable(text: string): string {
  const shown = text.slice(0, 80).replace(/[^\x20-\x7e]/g, '?');
  return text.length > 80 ? `${shown}...` : shown;
}
