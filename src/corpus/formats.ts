import { MedbertError } from '../errors.js';
import type { CorpusDocument } from './document.js';
import { readCsv, type CsvOptions } from './csv.js';
import { readJats, type JatsOptions } from './jats.js';
import { readJsonl, type JsonlOptions } from './jsonl.js';
import { readPubmedXml } from './pubmed.js';
import { readText, type TextOptions } from './text.js';
import type { TextSource } from './text-stream.js';
import { CORPUS_FORMATS, type CorpusFormat } from './format-names.js';

export { CORPUS_FORMATS, formatFromFileName, type CorpusFormat } from './format-names.js';

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
