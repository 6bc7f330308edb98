// The corpus layer: streaming readers, sentence splitting and deduplication. Node file I/O is in node-io.ts.
//
//   import { readCorpusFile } from './node-io.js';           // gzip by extension or magic bytes
//   for await (const doc of dedupe(readCorpusFile('abstracts.jsonl.gz', { textFields: ['title', 'abstract'],
//       onWarning: counter.handler }), { near: true })) {
//     for (const paragraph of doc.paragraphs) for (const s of sentenceSpans(paragraph)) ...
//   }
//
// Every reader takes a string, an iterable or an async iterable of string chunks (decodeUtf8 turns bytes into
// those; the CSV, JSONL and text readers also take UTF-8 byte chunks, split before they are decoded) and yields
// CorpusDocument {id, source, paragraphs, meta}; skipped records are reported through onWarning with file and
// line, never printed.
export { normalizeSpace, WarningCounter } from './document.js';
export type { CorpusDocument, ReaderOptions, ReaderWarning, WarningHandler } from './document.js';
export { decodeUtf8, linesOf, textChunks } from './text-stream.js';
export type { TextSource } from './text-stream.js';
export { readPubmedXml } from './pubmed.js';
export { readJats } from './jats.js';
export type { JatsOptions } from './jats.js';
export { readJsonl } from './jsonl.js';
export type { JsonlOptions } from './jsonl.js';
export { readCsv } from './csv.js';
export type { CsvOptions } from './csv.js';
export { readText } from './text.js';
export type { TextOptions } from './text.js';
export { splitParagraphs } from './paragraphs.js';
export { CORPUS_FORMATS, formatFromFileName, parseCorpusFormat, readCorpus } from './formats.js';
export type { CorpusFormat, CorpusReadOptions } from './formats.js';
export { sentenceSpans, splitSentences } from './sentences.js';
export type { SentenceSpan } from './sentences.js';
export { Deduper, dedupe, documentText, ExactDeduper, type DeduperCounts, type DeduperState } from './dedup.js';
export type { DedupOptions } from './dedup.js';
export { MinHashIndex } from './minhash.js';
export type { MinHashOptions } from './minhash.js';
export { fnv1a32, hash64Hex, mix32 } from './hash.js';
export { readPubtator } from './pubtator.js';
export type { PubtatorDocument, PubtatorMention, PubtatorRelation } from './pubtator.js';
