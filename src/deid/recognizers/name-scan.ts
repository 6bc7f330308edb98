import { isKnownName, lexicon } from '../lexicon/index.js';
import { namesAnInstrument } from './eponym-heads.js';
import { cleanGap, type Word } from '../words.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { codeAt, isAsciiLetter } from './chars.js';
import {
  AFTER_NAME, CLINICAL_ROLES, CREDENTIALS, EPONYM_NOUNS, LETTER_HEADS, MEDICAL_SUFFIX, NAME_CLOSERS, PARTICLES, PATIENT_VERBS, PERSON_CUES, PERSON_VERBS,
  RELATION_FOLLOWERS, SERVICE_TAIL, specialtyWord, VERB_LIKE, WEAK_AFTER,
} from './name-cues.js';

/**
 * One note being scanned for person names (NameScan) and the tests on its words that the name rules share: whether
 * a word reads like a name, a given name, a surname, an initial, an eponym's use, a medical word.
 */

/** Both words written alike: all upper ("HOLLAND-PREVOST") or both title case ("Lisle-Varden"), not "Ashby-thinking". */
function sameCase(text: string, a: Word, b: Word): boolean {
  const style = (w: Word): string => {
    const s = text.slice(w.start, w.end);
    return s === s.toUpperCase() ? 'upper' : /^[A-Z]/.test(s) ? 'title' : 'lower';
  };
  return style(a) === style(b);
}

/**
 * One note being scanned for names: its words, how it is written, and which words are marked as name words.
 * The rules (names.ts, name-prose.ts, name-passes.ts) are small separate functions over it (not closures inside one
 * large function), so the JIT compiles each quickly on the first notes it sees.
 */
export class NameScan {
  readonly marked: Uint8Array;

  /** Trigger bits per word (triggers.ts), when the caller has them. */
  constructor(readonly words: readonly Word[], readonly text: string, readonly mixed: boolean, readonly bits?: Uint8Array) {
    this.marked = new Uint8Array(words.length);
  }

  at(i: number): Word | undefined {
    // Checked here, not left to the array: a read outside it (the words before the first and after the last are
    // asked for often) makes the optimized code of every function this is inlined into deoptimize once.
    return i >= 0 && i < this.words.length ? this.words[i] : undefined;
  }
}

/** Not a function word, verb or clinical word, specialty or clinician's role; alphabetic (all words are). */
export function nameLike(w: Word): boolean {
  return !lexicon.stop.has(w.key) && (w.single || (w.key.length >= 2 && !CLINICAL_ROLES.has(w.key) && !specialtyWord(w.key)
    && !(w.key.length >= 3 && CREDENTIALS.has(w.key) && !lexicon.firstNames.has(w.key))));
}

/** Word `k` is a double-barrelled surname's second part, joined to the word before by a hyphen ("Osei-Tutu"). */
export function secondBarrel(s: NameScan, k: number): boolean {
  const w = s.at(k);
  return w !== undefined && w.gapBefore === '-' && w.capitalized && nameLike(w);
}

export function inSentence(s: NameScan, i: number): boolean {
  const w = s.at(i);
  return w !== undefined && i > 0 && !/[.!?:\n]/.test(w.gapBefore);
}

/** Evidence that a word is a name by itself: a list name, or a capital inside a sentence of a mixed-case note. */
export function nameEvidence(s: NameScan, i: number): boolean {
  const w = s.at(i);
  if (w === undefined || !nameLike(w)) return false;
  if (isKnownName(w.key)) return true;
  return s.mixed && w.capitalized && inSentence(s, i);
}

/** A single letter followed by a period and a word ("Z. Ostrander"), or by a listed name ("winifred j quennell"). */
export function isInitial(s: NameScan, i: number): boolean {
  const w = s.at(i);
  const next = s.at(i + 1);
  if (w === undefined || !w.single || next === undefined || dottedAbbreviation(s.text, w.start)) return false;
  return /^\.[ \t]*$/.test(next.gapBefore) || (/^[ \t]+$/.test(next.gapBefore) && isKnownName(next.key));
}

/**
 * Letters with periods: a run of three or more is Latin ("p.r.n.", "q.i.d."), and so are the common runs of two
 * ("p.o.", "s.l.", "o.d.", "a.m."); another run of two may be initials ("J.R. Quenby").
 */
const DOTTED_LETTERS = /^(?:\p{L}\.){3}|^(?:[ap]\.m|e\.g|i\.e|p\.o|h\.s|o\.[dsu]|[ap]\.c|s\.l|q\.[dh]|m\.d|n\.p|r\.n)\./iu;

/**
 * The single letter at `start` is one letter of a dotted abbreviation ("p.r.n.", "a.m.", "e.g."). The letter has a
 * period after it or before it, else no regex runs (single letters are common: "x", "s/p").
 */
function dottedAbbreviation(text: string, start: number): boolean {
  if (codeAt(text, start + 1) !== 46 && codeAt(text, start - 1) !== 46) return false;
  let first = start;
  while (first >= 2 && text.charCodeAt(first - 1) === 46 && isAsciiLetter(text.charCodeAt(first - 2)) && !isAsciiLetter(codeAt(text, first - 3))) first -= 2;
  return DOTTED_LETTERS.test(text.slice(first, first + 6));
}

/** Surname-like in a strong context: not a function word, though it may be an eponym ("Dr. Foley", "G. Babinski"). */
export function personWord(w: Word): boolean {
  return nameLike(w) || (lexicon.surnames.has(w.key) && !w.single) || (lexicon.firstNames.has(w.key) && !w.single);
}

export function givenLike(s: NameScan, i: number): boolean {
  const w = s.at(i);
  return w !== undefined && ((lexicon.firstNames.has(w.key) && !lexicon.stop.has(w.key)) || isInitial(s, i));
}

/**
 * An unlisted word that reads like a surname after a strong cue: capitalised in a mixed-case note; in a
 * single-case note, not a function word, not shaped like a verb, adverb or plural, not a word that follows
 * people in notes ("aware", "upset").
 */
export function surnameLike(s: NameScan, w: Word | undefined): boolean {
  return surnameLikeIn(w, s.mixed);
}

/** surnameLike as if the note were mixed-case or not (`mixed`): a lower-case signature line in a mixed-case note. */
export function surnameLikeIn(w: Word | undefined, mixed: boolean): boolean {
  if (w === undefined || w.single || !nameLike(w) || lexicon.ambiguousNames.has(w.key)) return false;
  // An apostrophe other than O'/D' marks a contraction ("con't", "won't"), not a name.
  const apostrophe = w.key.search(/['’]/);
  if (apostrophe >= 0 && apostrophe !== 1) return false;
  if (mixed) return w.capitalized;
  if (w.capitalized) return true;
  return w.key.length >= 3 && !VERB_LIKE.test(w.key) && !RELATION_FOLLOWERS.has(w.key) && !AFTER_NAME.has(w.key) && !PATIENT_VERBS.has(w.key);
}

/** What follows a full name: punctuation or a line end, or a word that follows people ("aware", "RN", "had"). */
export function closesName(s: NameScan, j: number): boolean {
  const after = s.at(j + 1);
  if (after === undefined || /[.,;:()"\n]/.test(after.gapBefore)) return true;
  return (AFTER_NAME.has(after.key) && !WEAK_AFTER.has(after.key)) || PATIENT_VERBS.has(after.key) || PERSON_VERBS.has(after.key)
    || CREDENTIALS.has(after.key) || NAME_CLOSERS.has(after.key);
}

/**
 * After a doctor's title, a name's second word may be followed by the words too common to close a name alone
 * ("dr. X Y and the team", "Dr. X Y to see"): the title already says two name words follow.
 */
function weakCloser(s: NameScan, j: number): boolean {
  const after = s.at(j + 1);
  return after !== undefined && cleanGap(after.gapBefore) && WEAK_AFTER.has(after.key) && !VERB_LIKE.test((s.at(j) as Word).key);
}

/**
 * A name in a header field ("Patient: UNDERHILL, HAROLD"): surname-like, listed, or written in capitals; not the next
 * field's label ("PATIENT: SMITH, JOHN  DOB: ...").
 */
export function headerName(s: NameScan, w: Word | undefined): boolean {
  return w !== undefined && !w.single && nameLike(w) && !FIELD_LABELS.has(w.key) && (surnameLike(s, w) || isKnownName(w.key) || /^[A-Z][A-Z'-]+$/.test(s.text.slice(w.start, w.end)));
}

/**
 * Marks words from `i` on as a name: the first if name-like, then more while they continue a name. `loose`
 * (after a strong cue: a title, a close relation, a person's role) also takes a surname-like second word.
 */
export function takeForward(s: NameScan, i: number, firstOk: (i: number) => boolean, loose = false, title = false): number {
  const first = s.at(i);
  if (first === undefined || !firstOk(i)) return i;
  s.marked[i] = 1;
  let j = i + 1;
  for (let n = 1; n < 4; n++, j++) {
    const w = s.at(j);
    const prev = s.at(j - 1);
    // An initial may be a stop word's letter: "Orvel A. Quenby".
    if (w === undefined || prev === undefined || !(nameLike(w) || (w.single && /^\.[ \t]/.test(s.text.slice(w.end, w.end + 2))))) break;
    if (FIELD_LABELS.has(w.key)) break; // the next field's label: "PATIENT: SMITH, JOHN  DOB: ..."
    const gapOk = cleanGap(w.gapBefore) || (prev.single && /^\.[ \t]*$/.test(w.gapBefore)) || /^[ \t]*-[ \t]*$/.test(w.gapBefore);
    if (!gapOk || (prev.single && !surnameAfterInitial(s, w))) break;
    // After a given name, an unlisted word is its surname only if it reads like one: capitalised in a
    // mixed-case note, else not shaped like a verb ("greta staying", "OSCAR CALLS").
    const surnameAfterGiven = givenLike(s, j - 1) && (w.single ? isInitial(s, j) : s.mixed ? w.capitalized : !VERB_LIKE.test(w.key));
    // "name: orvel t. quenby": after a given name and a middle initial with its period, a surname-like word is the surname.
    const afterMiddleInitial = n >= 2 && prev.single && /^\.[ \t]+$/.test(w.gapBefore) && surnameLike(s, w);
    const continues = isKnownName(w.key) || surnameAfterGiven || afterMiddleInitial || PARTICLES.has(prev.key) || isInitial(s, j)
      || w.capitalized || (/^-$/.test(w.gapBefore) && (sameCase(s.text, prev, w) || (prev.capitalized && s.at(j + 1)?.capitalized === true)))
      || (loose && n === 1 && cleanGap(w.gapBefore) && surnameLike(s, w) && (closesName(s, j) || (title && weakCloser(s, j))));
    if (!continues) break;
    s.marked[j] = 1;
  }
  return j;
}

/**
 * The word after a middle initial may be the surname: not the next field's label ("Name: Orvel A. Sex: M"), nor a
 * weekday or a month ("Spoke with Orvel A. Tuesday").
 */
export function surnameAfterInitial(s: NameScan, w: Word): boolean {
  return !FIELD_LABELS.has(w.key) && !MONTH_KEY_SET.has(w.key) && !WEEKDAY_KEY_SET.has(w.key) && !/^[ \t]*:/.test(s.text.slice(w.end, w.end + 3));
}


/** Labels of the fields that follow a name on a header line. */
export const FIELD_LABELS = new Set(['mrn', 'ssn', 'dob', 'id', 'acct', 'account', 'age', 'sex', 'gender', 'room', 'rm', 'bed', 'unit', 'dos', 'doa', 'fin', 'csn']);

/**
 * "Colles fracture", "Stevens-Johnson syndrome", "Keith needle", "Ludwig's angina": a list name before a medical
 * noun (past the other name of a hyphenated pair, or a surname's capitalised partner: "Ramsay Hunt syndrome") is an
 * eponym, no person. Not after a given name ("Ingrid Quenby procedure consent"), and not before the everyday nouns
 * that follow people in notes as often ("Quenby unit clerk", "Orvel dose given", "Kowalski test results").
 */
export function eponymUse(s: NameScan, i: number): boolean {
  const w = s.words[i] as Word;
  const before = s.at(i - 1);
  if (before !== undefined && cleanGap(w.gapBefore) && lexicon.firstNames.has(before.key)) return false;
  if (namesAnInstrument(s.words, s.text, i)) return true;
  let after = s.at(i + 1);
  if (after !== undefined && (after.gapBefore === '-'
    || (!lexicon.firstNames.has(w.key) && after.capitalized && cleanGap(after.gapBefore) && !medicalWord(after)))) after = s.at(i + 2);
  return after !== undefined && cleanGap(after.gapBefore) && medicalWord(after) && !EVERYDAY_AFTER_NAMES.has(after.key);
}

/** Nouns among the medical ones that follow a person's name in notes as often as an eponym: no sign of an eponym. */
const EVERYDAY_AFTER_NAMES = new Set(['unit', 'units', 'position', 'dose', 'level', 'levels', 'monitor', 'series', 'test', 'tests', 'system',
  'model', 'version', 'kit', 'device', 'machine', 'effect', 'law', 'solution', 'method', 'regimen', 'plan']);

/**
 * An adverb, a verb's or noun's shape, or a role ("Previously", "Pharmacist", "Producer"): not a given name. A short
 * "-ly" word may be one ("Tilly"); adverbs are longer ("Finally", "Recently").
 */
export function adverbOrRole(key: string): boolean {
  return /ly$/.test(key) ? key.length >= 7 : VERB_LIKE.test(key) || PERSON_CUES.has(key);
}

/** "social: bill called", "and hector called": word `k` starts a clause. */
export function clauseStart(words: readonly Word[], k: number): boolean {
  return k === 0 || /[:,;.\n>-][ \t]*$/.test((words[k] as Word).gapBefore) || words[k - 1]?.key === 'and';
}

/** A medical noun: one of the nouns after eponyms (or its plural), or a word with a medical ending. */
export function medicalWord(w: Word): boolean {
  return EPONYM_NOUNS.has(w.key) || (w.key.endsWith('s') && EPONYM_NOUNS.has(w.key.slice(0, -1))) || MEDICAL_SUFFIX.test(w.key);
}

/** Capitalised, name-like, not a verb, plural or head of a medical term (unless listed as a name). */
export function surnameCandidate(w: Word): boolean {
  return w.capitalized && !w.single && nameLike(w) && !LETTER_HEADS.has(w.key) && !EPONYM_NOUNS.has(w.key) && !SERVICE_TAIL.has(w.key)
    && (isKnownName(w.key) || !VERB_LIKE.test(w.key));
}
