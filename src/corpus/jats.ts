import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import type { TextSource } from './text-stream.js';
import { readXmlRecords, type XmlRecordBuilder } from './xml-records.js';

export interface JatsOptions extends ReaderOptions {
  /** Add each reference (`<ref>`) of the reference list as a paragraph (default false). */
  readonly includeReferences?: boolean;
  /** Add table captions and each table row (cells joined by ` | `) (default false). */
  readonly includeTables?: boolean;
  /** Add figure and supplementary-material captions (default false). */
  readonly includeFigures?: boolean;
}

/**
 * PMC Open Access full text (`.nxml`, JATS and the older NLM Archiving DTD). One document per `<article>`:
 * the title, the abstract(s), then the body's section titles and paragraphs in document order. Formulas,
 * labels, sub-articles and back matter are left out; references, tables and figures only on request.
 * Meta: pmcid, pmid, doi, year, journal, articleType.
 */
export function readJats(source: TextSource, options: JatsOptions = {}): AsyncIterable<CorpusDocument> {
  return readXmlRecords(source, new JatsBuilder(options), options);
}

type Zone = 'title' | 'abstract' | 'body' | 'references' | 'floats';

const ZONE_BLOCKS: Readonly<Record<Zone, ReadonlySet<string>>> = {
  title: new Set(['article-title']),
  abstract: new Set(['p', 'title', 'def-item']),
  body: new Set(['p', 'title', 'tr', 'def-item']),
  floats: new Set(['p', 'title', 'tr', 'def-item']),
  references: new Set(['ref']),
};

const ALWAYS_SKIPPED = new Set(['label', 'disp-formula', 'inline-formula', 'mml:math', 'tex-math', 'sub-article', 'response', 'alt-title', 'subtitle', 'trans-title-group', 'object-id']);
// Citation parts follow each other without whitespace in the XML (`<surname>Tiss</surname><given-names>A`).
const SPACED = new Set(['surname', 'given-names', 'name', 'collab', 'etal', 'article-title', 'source', 'year', 'volume', 'issue', 'fpage', 'lpage', 'pub-id', 'person-group']);
// The blocks inside a definition list's item, which is one paragraph: a space between them.
const DEFINITION_PARTS = new Set(['term', 'def', 'p', 'list', 'list-item']);
const SKIPPED_ABSTRACT_TYPES = new Set(['graphical', 'teaser', 'toc']);

class JatsBuilder implements XmlRecordBuilder {
  private readonly file: string;
  private readonly path: string[] = [];
  private recordDepth = -1;
  private zone: { kind: Zone; depth: number } | null = null;
  private skipDepth = -1;
  private blocks: { depth: number; text: string }[] = [];
  private metaCapture: { key: string; depth: number; text: string } | null = null;
  private paragraphs: string[] = [];
  private meta: Record<string, string | number | string[]> = {};
  private articles = 0;

  constructor(private readonly options: JatsOptions) {
    this.file = options.fileName ?? 'input';
  }

  get inRecord(): boolean {
    return this.recordDepth >= 0;
  }

  get records(): number {
    return this.articles;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.path.push(name);
    const depth = this.path.length;
    if (name === 'article') { // inside a record too: see XmlRecordBuilder.records
      this.startRecord(attributes);
      return;
    }
    if (!this.inRecord) return;
    if (this.skipDepth >= 0) return;
    if (this.skips(name)) {
      this.skipDepth = depth;
      return;
    }
    this.openMeta(name, attributes, depth);
    if (this.zone === null) {
      const kind = this.zoneOf(name, attributes);
      if (kind !== null) this.zone = { kind, depth };
      return;
    }
    const top = this.blocks[this.blocks.length - 1];
    // A definition list's item is one paragraph, "term: definition" (the definition's <p> inside it is no block).
    const inDefinition = top !== undefined && this.path[top.depth - 1] === 'def-item';
    if (ZONE_BLOCKS[this.zone.kind].has(name) && !inDefinition) {
      this.flushTop(); // text of an enclosing block so far comes first (a <p> inside a list item, a caption)
      this.blocks.push({ depth, text: '' });
    } else if (top !== undefined) {
      if ((name === 'td' || name === 'th') && top.text.trim() !== '') top.text += ' | ';
      else if (name === 'def' && inDefinition && top.text.trim() !== '') top.text += ': ';
      else if (SPACED.has(name) || (inDefinition && DEFINITION_PARTS.has(name))) top.text += ' '; // not <sub>, <italic>: inside words
    }
  }

  text(text: string): void {
    if (this.metaCapture !== null) this.metaCapture.text += text;
    if (this.skipDepth >= 0 || this.blocks.length === 0) return;
    this.blocks[this.blocks.length - 1].text += text;
  }

  close(_name: string): CorpusDocument | null {
    const depth = this.path.length;
    this.path.pop();
    if (!this.inRecord) return null;
    if (depth === this.skipDepth) {
      this.skipDepth = -1;
      return null;
    }
    if (this.skipDepth >= 0) return null;
    if (this.metaCapture !== null && depth === this.metaCapture.depth) this.closeMeta();
    const top = this.blocks[this.blocks.length - 1];
    if (top !== undefined && top.depth === depth) {
      this.blocks.pop();
      this.emit(top.text);
    }
    if (this.zone !== null && depth === this.zone.depth) this.zone = null;
    if (depth === this.recordDepth) {
      this.recordDepth = -1;
      return this.finish();
    }
    return null;
  }

  private startRecord(attributes: Readonly<Record<string, string>>): void {
    this.recordDepth = this.path.length;
    this.articles += 1;
    this.zone = null;
    this.skipDepth = -1;
    this.blocks = [];
    this.metaCapture = null;
    this.paragraphs = [];
    this.meta = {};
    if (attributes['article-type'] !== undefined) this.meta['articleType'] = attributes['article-type'];
  }

  private skips(name: string): boolean {
    if (ALWAYS_SKIPPED.has(name)) return true;
    if (name === 'table-wrap') return this.options.includeTables !== true;
    if (name === 'fig' || name === 'supplementary-material') return this.options.includeFigures !== true;
    if (name === 'ref-list') return this.options.includeReferences !== true;
    return false;
  }

  private zoneOf(name: string, attributes: Readonly<Record<string, string>>): Zone | null {
    const parent = this.path[this.path.length - 2];
    if (name === 'title-group' && parent === 'article-meta') return 'title';
    if (name === 'abstract' && parent === 'article-meta') {
      return SKIPPED_ABSTRACT_TYPES.has(attributes['abstract-type'] ?? '') ? null : 'abstract';
    }
    if (name === 'body') return 'body';
    if (name === 'floats-group') return 'floats';
    if (name === 'ref-list') return 'references';
    return null;
  }

  private openMeta(name: string, attributes: Readonly<Record<string, string>>, depth: number): void {
    if (this.metaCapture !== null) return;
    const parent = this.path[this.path.length - 2];
    let key: string | null = null;
    if (name === 'article-id' && parent === 'article-meta') {
      const type = attributes['pub-id-type'];
      key = type === 'pmc' || type === 'pmcid' ? 'pmcid' : type === 'pmid' ? 'pmid' : type === 'doi' ? 'doi' : type === 'publisher-id' ? 'publisherId' : null;
    } else if (name === 'year' && parent === 'pub-date' && this.meta['year'] === undefined) {
      key = 'year';
    } else if (name === 'journal-title' && this.meta['journal'] === undefined) {
      key = 'journal';
    }
    if (key !== null) this.metaCapture = { key, depth, text: '' };
  }

  private closeMeta(): void {
    const { key, text } = this.metaCapture as { key: string; text: string };
    this.metaCapture = null;
    const value = normalizeSpace(text);
    if (value === '' || this.meta[key] !== undefined) return;
    if (key === 'year') {
      const year = Number(value);
      if (Number.isInteger(year)) this.meta['year'] = year;
    } else {
      this.meta[key] = key === 'pmcid' && !value.startsWith('PMC') ? `PMC${value}` : value;
    }
  }

  private flushTop(): void {
    const top = this.blocks[this.blocks.length - 1];
    if (top === undefined) return;
    this.emit(top.text);
    top.text = '';
  }

  private emit(text: string): void {
    const paragraph = normalizeSpace(text).replace(/^\|\s*|\s*\|$/g, '');
    if (paragraph !== '') this.paragraphs.push(paragraph);
  }

  private finish(): CorpusDocument | null {
    if (this.paragraphs.length === 0) return null;
    const m = this.meta;
    const id = [m['pmcid'], m['pmid'], m['doi'], m['publisherId']].find((v): v is string => typeof v === 'string')
      ?? `${this.file}#${this.articles}`;
    delete m['publisherId'];
    return { id, source: this.file, paragraphs: this.paragraphs, meta: m };
  }
}
