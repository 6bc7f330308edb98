/**
 * Synthetic corpora for the default end-to-end run (`medbert demo`). The repository ships no data (the real
 * corpora live in ../shared/data and are never copied in), so the demo generates its own, deterministically
 * from a seed, in pure TypeScript (no Node API: it runs in a browser too):
 *
 * - abstract-like biomedical text whose diseases, drugs and genes come from the built-in lexicon, in
 *   sentences that state real relations (a drug treats a disease, causes an adverse effect; a gene is
 *   associated with a disease): text to train the tokenizer and pretrain a tiny BERT, with the planted
 *   mentions as a check on entity linking;
 * - clinical notes (discharge summaries, progress notes, consults) with planted PHI of every category and
 *   its exact gold spans, to measure the de-identifier. Names and places are this folder's own lists, not
 *   the de-identifier's dictionaries, which would flatter it;
 * - BC5CDR-like NER documents (PubTator format) where every lexicon chemical and disease is annotated and
 *   some names never occur in the training split, so fine-tuning has something to learn from context.
 *
 *   const corpus = await generateDemoCorpus({ seed: 42 });   // sizes default to DEMO_CORPUS_DEFAULTS
 *   for (const [name, text] of Object.entries(corpus.files)) await writeFile(join(dir, name), text);
 *
 * Gold offsets are recorded while the text is written (text-builder.ts), never searched for afterwards.
 */
export { generateAbstracts, generateAbstractsWith, type AbstractOptions, type SynthAbstract } from './abstracts.js';
export { generateNotes, generateNotesWith, noteGoldDocument, type NoteOptions, type NoteStyle, type SynthNote } from './notes.js';
export {
  generateNerDocuments, generateNerDocumentsWith, heldOutConcepts, toPubtator, type NerDocument, type NerMention, type NerOptions,
} from './ner.js';
export { toCsv, toJsonl, type CsvValue } from './writers.js';
export {
  DEMO_CORPUS_DEFAULTS, generateDemoCorpus, type DemoCorpus, type DemoCorpusOptions, type DemoCorpusStats,
} from './demo-corpus.js';
export { builtinSynthLexicon, SynthLexicon, type SynthConcept } from './lexicon.js';
export { knowledgeFor, type Knowledge, type Relation } from './knowledge.js';
export type { Mention } from './render.js';
