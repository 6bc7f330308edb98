import type { CorpusDocument, ReaderOptions } from './document.js';
import { textChunks, type TextSource } from './text-stream.js';

/**
 * A format's view of the XML event stream: it knows which element is one record (a PubMed citation, a JATS
 * article) and builds the document from the events inside it.
 */
export interface XmlRecordBuilder {
  /** True between a record's open and close tags. */
  readonly inRecord: boolean;
  /**
   * Records started so far. A record element that opens inside a record starts a new one: the open one lacks its
   * close tag (it would otherwise take in every later record of the file), and the reader skips it.
   */
  readonly records: number;
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  /** Returns the finished document when `name` closes a record, else null. */
  close(name: string): CorpusDocument | null;
}

// Named entities that HTML-minded producers leave in XML; declaring them keeps such records instead of
// dropping them as malformed. (PubMed and PMC themselves use numeric references.)
const EXTRA_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', plusmn: '\u00b1', deg: '\u00b0',
  micro: '\u00b5', times: '\u00d7', le: '\u2264', ge: '\u2265', alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3',
  copy: '\u00a9', reg: '\u00ae', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c',
};

// After one malformed record saxes has closed its whole tag stack, so the rest of the file repeats these
// (later records look like extra roots, the real close tags look unmatched); they are not news.
const ROOT_AFTERMATH = /only one root|text data outside of root node/;
const AFTERMATH = /only one root|text data outside of root node|unexpected end|unmatched closing tag|unexpected close tag|unclosed tag/;

/**
 * Runs saxes over string chunks and yields each record's document as soon as it closes, so memory holds one
 * record at a time. A record that contains a well-formedness error is skipped with one warning naming the
 * file and the line of the first error; the reader then goes on with the next record.
 */
export async function* readXmlRecords(
  source: TextSource, builder: XmlRecordBuilder, options: ReaderOptions,
): AsyncIterable<CorpusDocument> {
  const file = options.fileName ?? 'input';
  // Loaded when an XML file is read: saxes is CommonJS, whose whole source Node lexes for export names when it is
  // imported (11-16 ms of CPU, and a compile job), which a run over JSONL or CSV need not pay.
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser<{ xmlns: false; fileName: string }>({ xmlns: false, fileName: file });
  Object.assign(parser.ENTITIES, EXTRA_ENTITIES);
  const ready: CorpusDocument[] = [];
  let recordError: { line: number; message: string } | null = null;
  let sawError = false;
  /** The document's root element, the records opened and the line the last one opened on. */
  let root: string | undefined;
  let records = 0;
  let recordLine = 1;

  const warn = (line: number, message: string): void => options.onWarning?.({ file, line, message });

  /**
   * The record that closed last, held until the parser's next event: when its close tag was not its own (the
   * record's is missing, and the root's closed it), saxes reports that just after, and the record is skipped.
   */
  let held: CorpusDocument | null = null;
  const release = (): void => {
    if (held !== null) ready.push(held);
    held = null;
  };
  parser.on('error', (error) => {
    const message = error.message.replace(/^[^:]*:\d+:\d+: /, '');
    if (held !== null && message.startsWith('unexpected close tag')) {
      warn(recordLine, `skipped a malformed XML record (${held.id}): it has no close tag (line ${parser.line} closed it)`);
      held = null;
      sawError = true;
      return;
    }
    if (builder.inRecord) {
      if (!(sawError && ROOT_AFTERMATH.test(message))) recordError ??= { line: parser.line, message };
    } else if (!(sawError && AFTERMATH.test(message))) {
      warn(parser.line, `malformed XML outside any record: ${message}`);
    }
    sawError = true;
  });
  parser.on('opentag', (tag) => {
    release();
    root ??= tag.name;
    const wasInRecord = builder.inRecord;
    const started = builder.records;
    builder.open(tag.name, tag.attributes);
    if (builder.records !== started) {
      if (wasInRecord) {
        warn(recordLine, `skipped a malformed XML record: it has no close tag before the next record opens on line ${parser.line}`);
        recordError = null;
        sawError = true; // the root's close tag will not match: aftermath, not news
      }
      records++;
      recordLine = parser.line;
    }
  });
  parser.on('text', (text) => {
    release();
    builder.text(text);
  });
  parser.on('cdata', (text) => {
    release();
    builder.text(text);
  });
  parser.on('closetag', (tag) => {
    release();
    const wasInRecord = builder.inRecord;
    const doc = builder.close(tag.name);
    if (wasInRecord && !builder.inRecord) {
      if (recordError !== null) {
        warn(recordError.line, `skipped a malformed XML record${doc !== null ? ` (${doc.id})` : ''}: ${recordError.message}`);
        recordError = null;
      } else if (doc !== null) {
        held = doc;
      }
    }
  });

  for await (const chunk of textChunks(source)) {
    parser.write(chunk);
    release(); // saxes reports a close tag that was not the record's in the same call as the close
    while (ready.length > 0) yield ready.shift() as CorpusDocument;
  }
  parser.close();
  release();
  if (builder.inRecord || recordError !== null) {
    warn(recordLine, 'the file ends inside a record (truncated?); that record is skipped');
  }
  // A file of another format (a JATS article read as PubMed) has no record at all: say what it holds.
  if (records === 0 && root !== undefined) warn(1, `no records in this file: its root element is <${root}>${formatHint(root)}`);
  while (ready.length > 0) yield ready.shift() as CorpusDocument;
}

/** The --format a root element belongs to, as advice. */
function formatHint(root: string): string {
  if (root === 'article') return ' (a JATS article: --format jats)';
  if (/^(?:PubmedArticleSet|MedlineCitationSet|PubmedBookArticleSet|PubmedArticle|MedlineCitation)$/.test(root)) return ' (PubMed XML: --format pubmed)';
  return '';
}
