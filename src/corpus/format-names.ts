// The corpus formats by name, apart from their readers: a command that only needs to name or guess a format (deid)
// does not load the XML parser.

export const CORPUS_FORMATS = ['pubmed', 'jats', 'jsonl', 'csv', 'text'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** Guesses the format from a file name (`.xml(.gz)` pubmed, `.nxml` jats, `.jsonl`, `.csv`, else text). */
export function formatFromFileName(name: string): CorpusFormat {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.nxml')) return 'jats';
  if (base.endsWith('.xml')) return 'pubmed';
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson')) return 'jsonl';
  if (base.endsWith('.csv')) return 'csv';
  return 'text';
}
