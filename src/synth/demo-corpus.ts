import { MedbertError } from '../errors.js';
import { generateAbstractsWith } from './abstracts.js';
import { builtinSynthLexicon, type SynthLexicon } from './lexicon.js';
import { generateNerDocumentsWith, heldOutConcepts, toPubtator, type NerDocument } from './ner.js';
import { generateNotesWith, noteGoldDocument } from './notes.js';
import { toCsv, toJsonl } from './writers.js';

export interface DemoCorpusOptions {
  readonly seed?: number;
  readonly abstracts?: number;
  readonly notes?: number;
  readonly nerTrain?: number;
  readonly nerDev?: number;
  readonly nerTest?: number;
  /** Share of lexicon diseases and chemicals kept out of ner-train (default 0.2). */
  readonly heldOut?: number;
  readonly lexicon?: SynthLexicon;
}

/** Sizes for a demo that runs in minutes on two cores. */
export const DEMO_CORPUS_DEFAULTS = { seed: 42, abstracts: 1500, notes: 300, nerTrain: 400, nerDev: 100, nerTest: 100, heldOut: 0.2 } as const;

export interface DemoCorpusStats {
  readonly abstracts: number;
  readonly abstractMentions: number;
  readonly notes: number;
  readonly phiSpans: number;
  readonly phiByCategory: Readonly<Record<string, number>>;
  readonly ner: Readonly<Record<'train' | 'dev' | 'test', { documents: number; chemical: number; disease: number }>>;
  /** Test mentions whose name never occurs as a mention in ner-train (held-out concepts, invented drugs). */
  readonly nerTestUnseenMentions: number;
  readonly bytes: Readonly<Record<string, number>>;
}

export interface DemoCorpus {
  /** File name → contents, ready to write as UTF-8. */
  readonly files: Readonly<Record<string, string>>;
  readonly stats: DemoCorpusStats;
}

/**
 * Every file of the default demo corpus, as strings:
 * - `abstracts.jsonl`: `{pmid, title, abstract}` per line (pretraining text; the JSONL reader's default fields);
 * - `abstracts-mentions.jsonl`: `{pmid, mentions}` with planted lexicon mentions (linking checks);
 * - `notes.csv`: columns `id, style, transcription` (the CSV reader's default text column);
 * - `notes-phi.jsonl`: one gold document per note, `{id, group, text, spans: [{start, end, label, category}]}`,
 *   the de-identification scorer's GoldDocument (noteGoldDocument: hospital names' generic heads ignored);
 * - `ner-train.pubtator`, `ner-dev.pubtator`, `ner-test.pubtator`: BC5CDR-like splits, disjoint PMIDs;
 * - `README.md`: what the files are and how they were made.
 */
export async function generateDemoCorpus(options: DemoCorpusOptions = {}): Promise<DemoCorpus> {
  const o = { ...DEMO_CORPUS_DEFAULTS, ...definedOnly(options) };
  const lexicon = options.lexicon ?? await builtinSynthLexicon();
  if (!Number.isInteger(o.seed)) throw new MedbertError(`synthetic corpus: the seed must be a whole number, got ${o.seed}`);
  // Each part has its own seed derived from the one given, so changing one size leaves the other files as they were.
  const abstracts = generateAbstractsWith(lexicon, o.abstracts, o.seed * 7 + 1);
  const notes = generateNotesWith(lexicon, o.notes, o.seed * 7 + 2);
  const held = heldOutConcepts(lexicon, o.heldOut, o.seed * 7 + 3);
  const nerTrain = generateNerDocumentsWith(lexicon, o.nerTrain, o.seed * 7 + 4, { exclude: held, firstPmid: 20_000_000 });
  const nerDev = generateNerDocumentsWith(lexicon, o.nerDev, o.seed * 7 + 5, { firstPmid: 21_000_000 });
  const nerTest = generateNerDocumentsWith(lexicon, o.nerTest, o.seed * 7 + 6, { firstPmid: 22_000_000 });

  const files: Record<string, string> = {
    'abstracts.jsonl': toJsonl(abstracts.map((a) => ({ pmid: a.pmid, title: a.title, abstract: a.abstract }))),
    'abstracts-mentions.jsonl': toJsonl(abstracts.map((a) => ({ pmid: a.pmid, mentions: a.mentions }))),
    'notes.csv': toCsv(notes.map((n) => ({ id: n.id, style: n.style, transcription: n.text })), ['id', 'style', 'transcription']),
    'notes-phi.jsonl': toJsonl(notes.map(noteGoldDocument)),
    'ner-train.pubtator': toPubtator(nerTrain),
    'ner-dev.pubtator': toPubtator(nerDev),
    'ner-test.pubtator': toPubtator(nerTest),
  };
  files['README.md'] = readme(o);

  const phiByCategory: Record<string, number> = {};
  for (const n of notes) for (const s of n.phi) phiByCategory[s.category] = (phiByCategory[s.category] ?? 0) + 1;
  const count = (docs: readonly NerDocument[]) => ({
    documents: docs.length,
    chemical: docs.reduce((k, d) => k + d.mentions.filter((m) => m.type === 'Chemical').length, 0),
    disease: docs.reduce((k, d) => k + d.mentions.filter((m) => m.type === 'Disease').length, 0),
  });
  const trainNames = new Set(nerTrain.flatMap((d) => d.mentions.map((m) => m.text.toLowerCase())));
  const bytes: Record<string, number> = {};
  const encoder = new TextEncoder();
  for (const [name, text] of Object.entries(files)) bytes[name] = encoder.encode(text).length;
  return {
    files,
    stats: {
      abstracts: abstracts.length,
      abstractMentions: abstracts.reduce((k, a) => k + a.mentions.length, 0),
      notes: notes.length,
      phiSpans: notes.reduce((k, n) => k + n.phi.length, 0),
      phiByCategory,
      ner: { train: count(nerTrain), dev: count(nerDev), test: count(nerTest) },
      nerTestUnseenMentions: nerTest.reduce((k, d) => k + d.mentions.filter((m) => !trainNames.has(m.text.toLowerCase())).length, 0),
      bytes,
    },
  };
}

function definedOnly(options: DemoCorpusOptions): Partial<typeof DEMO_CORPUS_DEFAULTS> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(options)) if (typeof value === 'number') out[key] = value;
  return out;
}

function readme(o: typeof DEMO_CORPUS_DEFAULTS | Record<keyof typeof DEMO_CORPUS_DEFAULTS, number>): string {
  return `# Synthetic demo corpus

Generated by medbert (src/synth) with seed ${o.seed}: nothing here is real. Regenerate it with the same seed
and sizes to get identical files.

- abstracts.jsonl: ${o.abstracts} abstract-like records {pmid, title, abstract} mentioning diseases, drugs and
  genes of the built-in lexicon (src/ontology/builtin-lexicon.ts); abstracts-mentions.jsonl: their planted
  mentions (offsets into title + ' ' + abstract, lexicon ids).
- notes.csv: ${o.notes} clinical notes (id, style, transcription) with planted PHI; notes-phi.jsonl: the gold PHI
  spans per note (UTF-16 offsets into the note text, categories of src/deid/types.ts). Only ages over 89 are
  PHI (HIPAA Safe Harbor); younger ages are written but not annotated. The generic head of a hospital name
  ("Medical Center") is a span with category null: ignored by the scorer, neither required nor wrong.
- ner-train/dev/test.pubtator: ${o.nerTrain}/${o.nerDev}/${o.nerTest} BC5CDR-like documents (PubTator format) with
  every Chemical and Disease annotated (bare MeSH ids; -1 for invented drug names). ${Math.round(o.heldOut * 100)}% of
  the lexicon's diseases and chemicals never occur in ner-train, so dev and test measure unseen names too.
`;
}
