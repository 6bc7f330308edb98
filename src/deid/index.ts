/**
 * De-identification of clinical notes (pure TypeScript, no Node APIs: runs in browsers too).
 *
 *   findPhi(text)                 → PHI spans {start, end, category}
 *   deidentify(text, {mode})      → {text, spans}: `tag` ([NAME], [DATE], ...) or `surrogate` replacements
 *   physionetGold / presidioGold  → gold standards as documents; Scorer / scoreDocuments → recall, precision, F1
 */
export { findPhi } from './find.js';
export { deidentify, replaceSpans, type DeidMode, type DeidOptions, type DeidResult } from './deidentify.js';
export { PHI_CATEGORIES, SCORE_GROUPS, scoreGroup, type PhiCategory, type PhiSpan, type ScoreGroup } from './types.js';
export { physionetGold, parsePhysionetText, parsePhysionetPhrases } from './gold/physionet.js';
export { presidioGold } from './gold/presidio.js';
export type { GoldDocument, GoldSpan } from './gold/types.js';
export { Scorer, scoreDocuments, type ScoreReport, type Scores, type LevelReport, type TokenError } from './score.js';
export { scoringTokens } from './tokens.js';
export { shiftDate } from './dates.js';
export { dateShiftFor } from './surrogates.js';
export { formatErrors, formatScoreTable, scoreJson } from './report.js';
export { withInventedWords } from './gold/invent.js';
