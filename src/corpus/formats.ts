import { MedbertError } from '../errors.js';
import type { CorpusDocument } from './document.js';
import { readCsv, type CsvOptions } from './csv.js';
import { readJats, type JatsOptions } from './jats.js';
import { readJsonl, type JsonlOptions } from './jsonl.js';
import { readPubmedXml } from './pubmed.js';
import { readText, type TextOptions } from './text.js';
import type { TextSource } from './text-stream.js';

export const CORPUS_FORMATS = ['pubmed', 'jats', 'jsonl', 'csv', 'text'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** Every reader's options together; each reader reads the ones it knows. */
export type CorpusReadOptions = JatsOptions & JsonlOptions & CsvOptions & TextOptions;

export function readCorpus(format: CorpusFormat, source: TextSource, options: CorpusReadOptions = {}): AsyncIterable<CorpusDocument> {
  switch (format) {
    case 'pubmed': return readPubmedXml(source, options);
    case 'jats': return readJats(source, options);
    case 'jsonl': return readJsonl(source, options);
    case 'csv': return readCsv(source, options);
    case 'text': return readText(source, options);
  }
}

export function parseCorpusFormat(name: string): CorpusFormat {
  if ((CORPUS_FORMATS as readonly string[]).includes(name)) return name as CorpusFormat;
  throw new MedbertError(`unknown corpus format '${name}': expected one of ${CORPUS_FORMATS.join(', ')}`);
}

/** Guesses the format from a file name (`.xml(.gz)` pubmed, `.nxml` jats, `.jsonl`, `.csv`, else text). */
export function formatFromFileName(name: string): CorpusFormat {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.nxml')) return 'jats';
  if (base.endsWith('.xml')) return 'pubmed';
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson')) return 'jsonl';
  if (base.endsWith('.csv')) return 'csv';
  return 'text';
}
