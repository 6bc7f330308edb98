// Named scales, tests, rules and devices ("Vellacott Coma Scale", "Quenby ankle rules", "Orvel fall scale", "Ferrant
// test negative", "Ostrander level IV"): a town or a surname one to three words before such a head names no person and
// no place. Shared by the name and place recognizers.
import { lexicon } from '../lexicon/index.js';
import { cleanGap, type Word } from '../words.js';

/** Heads that make the words before them a named instrument, whatever follows. */
const HEADS = new Set(['scale', 'scales', 'score', 'criteria', 'classification', 'rules', 'collar', 'pentad', 'triad', 'inventory',
  'questionnaire', 'nodule', 'maneuver', 'manoeuvre', 'sign', 'syndrome', 'disease', 'fracture', 'fractures', 'protocol', 'definition']);
/**
 * Heads that do so only before a result, a grade or a value: "Ferrant test negative", "Ostrander level IV", "Vellacott
 * stage III", "Quenby index 7" (not "Quenby index finger", "Quenby risk of falls").
 */
const GRADED_HEADS = new Set(['test', 'level', 'stage', 'grade', 'index', 'risk', 'adl', 'adls', 'iadl', 'iadls']);
/**
 * Heads that do so before a Roman numeral alone: "Orvel type II" (a skin type), "Quenby class IV", not a person's
 * "type 2 DM", "type A personality" or "class 3 obesity".
 */
const NUMBERED_HEADS = new Set(['type', 'class']);
const ROMAN_AFTER = /^[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X)[abc]?\b/;
const RESULT_AFTER = /^[ \t]+(?:(?:today|now|was|is|of|score)[ \t]*[:=]?[ \t]*)?(?:negative|positive|neg|pos|equivocal|normal|abnormal|[IVX]+[abc]?\b|\d)/i;
/** A letter grade after a graded head: "Sydney grade C" (gastritis). */
const LETTER_GRADE_AFTER = /^[ \t]+[A-D]\b/;

/**
 * Whether the name ending at word `last` is the start of a named instrument: a head within the next three words,
 * joined by single spaces or hyphens, the words between capitalised or lower case alike ("Coma", "fall", "ankle").
 */
export function namesAnInstrument(words: readonly Word[], text: string, last: number): boolean {
  for (let k = last + 1; k <= last + 3 && k < words.length; k++) {
    const w = words[k] as Word;
    if (!cleanGap(w.gapBefore) && w.gapBefore !== '-') return false;
    if (HEADS.has(w.key)) return true;
    if (GRADED_HEADS.has(w.key)) return RESULT_AFTER.test(text.slice(w.end, w.end + 12)) || LETTER_GRADE_AFTER.test(text.slice(w.end, w.end + 4));
    if (NUMBERED_HEADS.has(w.key)) return ROMAN_AFTER.test(text.slice(w.end, w.end + 8));
    // Only the instrument's own words lie between ("Coma", "fall", "ankle"): a function word or a verb ends the
    // name's phrase ("Oakes has a fracture", "Kowalczyk to score the test").
    if (lexicon.stop.has(w.key)) return false;
  }
  return false;
}

/**
 * A classification's codes right after a city's name: "Montreal A2 L3 B1", "Montreal E3", "Prague C2M5" (Crohn's,
 * colitis, Barrett's). Not a postcode's district ("London E1 6AN").
 */
const CLASSIFICATION_CODES = /^[ \t]+[A-Z]\d{1,2}[a-z]?(?:M\d{1,2})?(?![\w-])(?![ \t]+\d[A-Z]{2}\b)/;

/** Whether the city's name ending at `end` names a classification by the codes after it. */
export function namesAClassification(text: string, end: number): boolean {
  return CLASSIFICATION_CODES.test(text.slice(end, end + 12));
}
