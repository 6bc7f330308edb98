import { MedbertError } from '../errors.js';
import { Rng } from '../tensor/rng.js';
import { generateAbstractsWith } from './abstracts.js';
import { builtinSynthLexicon, type SynthLexicon } from './lexicon.js';
import { sample } from './random.js';

/** A BC5CDR-like mention: offsets into `title + ' ' + abstract`; ids are bare MeSH UIs (empty: no id, `-1`). */
export interface NerMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: 'Chemical' | 'Disease';
  readonly ids: readonly string[];
}

export interface NerDocument {
  readonly pmid: string;
  readonly title: string;
  readonly abstract: string;
  readonly mentions: readonly NerMention[];
}

export interface NerOptions {
  readonly lexicon?: SynthLexicon;
  /** Concept ids left out (e.g. held out of the training split, so the test split has names never seen). */
  readonly exclude?: ReadonlySet<string>;
  /** Share of documents whose main drug is an invented name with no lexicon id (default 0.1). */
  readonly inventedDrugRate?: number;
  /** PMID of the first document (default 20000000); give splits disjoint ranges. */
  readonly firstPmid?: number;
}

/**
 * NER documents in the shape of BC5CDR: abstract-like text where every lexicon chemical and disease is
 * annotated (genes are written but not annotated, as in BC5CDR). Genes appear only by names that hold no
 * disease or chemical word, and some drugs are invented names, so a model must read context, not a list.
 */
export async function generateNerDocuments(count: number, seed: number, options: NerOptions = {}): Promise<NerDocument[]> {
  return generateNerDocumentsWith(options.lexicon ?? await builtinSynthLexicon(), count, seed, options);
}

export function generateNerDocumentsWith(lexicon: SynthLexicon, count: number, seed: number, options: NerOptions = {}): NerDocument[] {
  const abstracts = generateAbstractsWith(lexicon, count, seed, {
    lexicon,
    exclude: options.exclude,
    inventedDrugRate: options.inventedDrugRate ?? 0.1,
    firstPmid: options.firstPmid ?? 20_000_000,
    geneNames: 'plain',
  });
  return abstracts.map((a) => ({
    pmid: a.pmid,
    title: a.title,
    abstract: a.abstract,
    mentions: a.mentions.flatMap((m): NerMention[] => (m.type === 'gene' ? [] : [{
      start: m.start, end: m.end, text: m.text, type: m.type === 'chemical' ? 'Chemical' : 'Disease',
      ids: m.id === '' ? [] : [m.id.replace(/^MESH:/, '')],
    }])),
  }));
}

/**
 * A deterministic share of the lexicon's diseases and chemicals (each type separately) to keep out of an
 * NER training split: test mentions of these measure what a model does with names it never trained on.
 */
export function heldOutConcepts(lexicon: SynthLexicon, fraction: number, seed: number): Set<string> {
  if (!(fraction >= 0 && fraction < 1)) throw new MedbertError(`synthetic corpus: the held-out fraction must be in [0, 1), got ${fraction}`);
  const rng = new Rng(seed);
  const held = new Set<string>();
  for (const concepts of [lexicon.diseases, lexicon.chemicals]) {
    for (const c of sample(rng, concepts, Math.round(concepts.length * fraction))) held.add(c.id);
  }
  return held;
}

/**
 * The PubTator text format that src/corpus/pubtator.ts reads (and BC5CDR ships): `PMID|t|title`,
 * `PMID|a|abstract`, one tab-separated line per mention (`PMID start end text type id`, `-1` for no id,
 * several ids joined by `|`), a blank line after each document.
 */
export function toPubtator(docs: readonly NerDocument[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    if (/[\n\r]/.test(doc.title + doc.abstract)) throw new MedbertError(`synthetic corpus: document ${doc.pmid} has a line break, which PubTator cannot hold`);
    out.push(`${doc.pmid}|t|${doc.title}\n${doc.pmid}|a|${doc.abstract}\n`);
    for (const m of doc.mentions) {
      out.push(`${doc.pmid}\t${m.start}\t${m.end}\t${m.text}\t${m.type}\t${m.ids.length === 0 ? '-1' : m.ids.join('|')}\n`);
    }
    out.push('\n');
  }
  return out.join('');
}
