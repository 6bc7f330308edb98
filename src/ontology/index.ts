// The ontology layer: lexicons, the dictionary matcher and entity linking. Node file I/O is in node-io.ts.
//
//   const matcher = await loadMatcher('lexicon.tsv.gz');     // node-io.ts; or builtinMatcher() anywhere
//   const spans = linkWithAbbreviations(matcher, paragraph); // or matcher.match(text) without abbreviations
//   // spans: {start, end, text, id, type, preferredName, alternatives}, offsets into `paragraph`
//
// The matching rules and the tie-break between concepts sharing a name are documented in matcher.ts.
export type { Concept, EntityType, LexiconEntry, LinkedSpan } from './types.js';
export { isCaseSensitive, singular, tokenize } from './normalize.js';
export type { Token } from './normalize.js';
export { EntityMatcher } from './matcher.js';
export type { MatcherSnapshot } from './matcher-snapshot.js';
export { buildMatcher, parseEntityType, parseLexicon, readLexicon } from './lexicon.js';
export { BUILTIN_LEXICON_TSV, builtinEntries, builtinMatcher } from './builtin-lexicon.js';
export { isStopName } from './stop-names.js';
export { evaluateCoverage, normalizeConceptId } from './coverage.js';
export type { CoverageReport, TypeCoverage } from './coverage.js';
export { findAbbreviations, linkWithAbbreviations } from './abbreviations.js';
export type { AbbreviationDefinition } from './abbreviations.js';
