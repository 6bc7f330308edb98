export type { Mention, NerDocument } from './types.js';
export { basicWords, type Word } from './words.js';
export { LabelSet, decodeBio, type WordSpan } from './labels.js';
export { buildExamples, type NerExample, type AlignmentStats } from './examples.js';
export { scoreNer, type NerScores, type PrfCounts } from './metric.js';
export { readPubtatorNer, readIob, toPubtator } from './io.js';
export { NerTagger, finetuneNer, nerConfigExtras, type NerFinetuneResult, type NerConfigExtras } from './run.js';
