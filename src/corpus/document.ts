/** One document from any reader: its text as paragraphs, in reading order, plus format-specific metadata. */
export interface CorpusDocument {
  /** A stable id: the PMID, PMCID, a JSONL/CSV id field, or `FILE#N` when the source has none. */
  readonly id: string;
  /** Where it came from: the file name given to the reader. */
  readonly source: string;
  /** Non-empty, whitespace-normalised paragraphs (titles and section headings are paragraphs too). */
  readonly paragraphs: string[];
  readonly meta: Record<string, string | number | string[]>;
}

/** A recoverable problem in the input: the reader skipped something and went on. */
export interface ReaderWarning {
  readonly file: string;
  /** 1-based line where the problem was seen (0 when unknown). */
  readonly line: number;
  readonly message: string;
}

export type WarningHandler = (warning: ReaderWarning) => void;

export interface ReaderOptions {
  /** Names the input in ids and warnings (default `input`). */
  readonly fileName?: string;
  /** Called for each skipped record; readers never print. */
  readonly onWarning?: WarningHandler;
}

/** Collects warnings: a count and the first few, for a summary line at the end of a run. */
export class WarningCounter {
  count = 0;
  readonly samples: ReaderWarning[] = [];
  constructor(private readonly keep = 10) {}
  readonly handler: WarningHandler = (warning) => {
    this.count += 1;
    if (this.samples.length < this.keep) this.samples.push(warning);
  };
}

/**
 * Collapses runs of whitespace (XML indentation, CSV line breaks) into single spaces and trims: what
 * `text.replace(/\s+/g, ' ').trim()` gives, but a lone space (most of them) is not a match to replace, which
 * made that expression the costliest step of reading: only a run that starts with a space and goes on, or one
 * that starts with another space character. (Written so, each match starts with a space or a rarer character,
 * which the regex engine finds faster than the start of `\s{2,}|[^\S ]`.) Text whose only white space is spaces
 * (most notes and abstracts: a note's runs are double spaces after full stops) skips even that: one test for any
 * other space character, then only runs of two spaces or more are replaced, a search the regex engine makes
 * without stopping at every space. (MTSamples' notes 39.7 -> 36.1 ms, abstracts 13.5 -> 10.0.)
 */
export function normalizeSpace(text: string): string {
  if (!OTHER_SPACE.test(text)) return text.replace(/  +/g, ' ').trim();
  return text.replace(/ \s+|[^\S ]\s*/g, ' ').trim();
}

/** White space other than U+0020 (a tab, a line break, a no-break or other Unicode space). */
const OTHER_SPACE = /[^\S ]/;
