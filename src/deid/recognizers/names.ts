import { isKnownName, isUnambiguousName, lexicon } from '../lexicon/index.js';
import { surnameByEnding } from '../lexicon/surname-shapes.js';
import type { PhiSpan } from '../types.js';
import { TRIGGER_ACCENTED, TRIGGER_IS_WAS, TRIGGER_NAME, TRIGGER_PERSON_CUE, TRIGGER_PERSON_VERB, TRIGGER_SINGLE } from '../trigger-bits.js';
import { cleanGap, hasNonAscii, softGap, type Word } from '../words.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { codeAt, isAsciiLetter } from './chars.js';
import {
  AFTER_NAME, AGE_AFTER_IS, BEFORE_INITIAL, CLOSE_RELATIONS, CREDENTIAL_CUES, CREDENTIALS, EPONYM_NOUNS, FAMILY_ROLES, HEADER_FIELDS, INTRODUCTIONS, LOOSE_RELATIONS, MEETING_VERBS, NAME_CLOSERS, NAME_TRIGGERS, NOT_AFTER_INITIAL, PARTICLES, PATIENT_VERBS,
  PERSON_ROLES, PERSON_VERBS, RELATION_FOLLOWERS, RELATIONS, ROLE_FILLERS, ROLES, SERVICE_TAIL, SIGNATURE_CREDENTIALS, TITLES, VERB_LIKE, WEAK_AFTER,
  ACCENTED_TERMS, DOCTOR_TITLES, LETTER_HEADS, MAKING_VERBS, MEDICAL_SUFFIX, ORIGIN_SERVICES, PROSE_PERSON_VERBS, PERSON_CUES, WEAK_TITLES,
} from './name-cues.js';

/**
 * Person names, by context and by list (rules that generalise to notes never seen, not names remembered):
 * 1. after a title: "Dr. Vellacott", "mrs. ellery", "Rabbi Tesman" — the next one to three name-like words;
 * 2. before a credential: "Wilma Treadway, RN", "J. ORMSBY PA", "hilda p. castellane bsn/rn";
 * 3. an initial and a word: "Q. TRAVERNE aware";
 * 4. after a relation: "son ned", "daughter, Rosalind Bairstow", "wife (Edwina Larkspur, ...)";
 * 5. list names (common US given names and surnames) that are not also ordinary words, and the word after a
 *    given name ("Lorne Quell").
 * 6. words that read like names right before a person's verb ("Teodric wishes", "social: ned called"), words
 *    found as names once (found again anywhere in the note), and names before a listed surname.
 * In mixed-case notes a capitalised word inside a sentence counts as name-like after a cue; in single-case notes
 * an unlisted word counts after a strong cue when it is not shaped like a verb, adverb or plural.
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
 * The rules below are small separate functions over it (not closures inside one large function), so the JIT
 * compiles each quickly on the first notes it sees.
 */
class NameScan {
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

/** Not a function word, verb or clinical word; alphabetic (all words are). */
function nameLike(w: Word): boolean {
  return !lexicon.stop.has(w.key) && (w.single || w.key.length >= 2);
}

function inSentence(s: NameScan, i: number): boolean {
  const w = s.at(i);
  return w !== undefined && i > 0 && !/[.!?:\n]/.test(w.gapBefore);
}

/** Evidence that a word is a name by itself: a list name, or a capital inside a sentence of a mixed-case note. */
function nameEvidence(s: NameScan, i: number): boolean {
  const w = s.at(i);
  if (w === undefined || !nameLike(w)) return false;
  if (isKnownName(w.key)) return true;
  return s.mixed && w.capitalized && inSentence(s, i);
}

/** A single letter followed by a period and a word ("Z. Ostrander"), or by a listed name ("winifred j quennell"). */
function isInitial(s: NameScan, i: number): boolean {
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
function personWord(w: Word): boolean {
  return nameLike(w) || (lexicon.surnames.has(w.key) && !w.single) || (lexicon.firstNames.has(w.key) && !w.single);
}

function givenLike(s: NameScan, i: number): boolean {
  const w = s.at(i);
  return w !== undefined && ((lexicon.firstNames.has(w.key) && !lexicon.stop.has(w.key)) || isInitial(s, i));
}

/**
 * An unlisted word that reads like a surname after a strong cue: capitalised in a mixed-case note; in a
 * single-case note, not a function word, not shaped like a verb, adverb or plural, not a word that follows
 * people in notes ("aware", "upset").
 */
function surnameLike(s: NameScan, w: Word | undefined): boolean {
  return surnameLikeIn(w, s.mixed);
}

/** surnameLike as if the note were mixed-case or not (`mixed`): a lower-case signature line in a mixed-case note. */
function surnameLikeIn(w: Word | undefined, mixed: boolean): boolean {
  if (w === undefined || w.single || !nameLike(w) || lexicon.ambiguousNames.has(w.key)) return false;
  // An apostrophe other than O'/D' marks a contraction ("con't", "won't"), not a name.
  const apostrophe = w.key.search(/['’]/);
  if (apostrophe >= 0 && apostrophe !== 1) return false;
  if (mixed) return w.capitalized;
  if (w.capitalized) return true;
  return w.key.length >= 3 && !VERB_LIKE.test(w.key) && !RELATION_FOLLOWERS.has(w.key) && !AFTER_NAME.has(w.key) && !PATIENT_VERBS.has(w.key);
}

/** What follows a full name: punctuation or a line end, or a word that follows people ("aware", "RN", "had"). */
function closesName(s: NameScan, j: number): boolean {
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

/** A name in a header field ("Patient: UNDERHILL, HAROLD"): surname-like, listed, or written in capitals. */
function headerName(s: NameScan, w: Word | undefined): boolean {
  return w !== undefined && !w.single && nameLike(w) && (surnameLike(s, w) || isKnownName(w.key) || /^[A-Z][A-Z'-]+$/.test(s.text.slice(w.start, w.end)));
}

/**
 * Marks words from `i` on as a name: the first if name-like, then more while they continue a name. `loose`
 * (after a strong cue: a title, a close relation, a person's role) also takes a surname-like second word.
 */
function takeForward(s: NameScan, i: number, firstOk: (i: number) => boolean, loose = false, title = false): number {
  const first = s.at(i);
  if (first === undefined || !firstOk(i)) return i;
  s.marked[i] = 1;
  let j = i + 1;
  for (let n = 1; n < 4; n++, j++) {
    const w = s.at(j);
    const prev = s.at(j - 1);
    // An initial may be a stop word's letter: "Orvel A. Quenby".
    if (w === undefined || prev === undefined || !(nameLike(w) || (w.single && /^\.[ \t]/.test(s.text.slice(w.end, w.end + 2))))) break;
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

/** The rules of findNames' main loop that a word's key can start, one bit each (CUES). */
const CUE_TITLE = 1;
const CUE_CREDENTIAL = 2;
const CUE_SIGNATURE = 4;
const CUE_HEADER = 8;
const CUE_INTRODUCTION = 16;
const CUE_REACH = 32;
const CUE_MEETING = 64;
const CUE_RELATION = 128;
const CUE_LIST_NAME = 256;
const CUE_ORIGIN = 512;
/**
 * For each key that some rule of the main loop starts at, those rules: one look-up per cue word instead of a set
 * look-up in each rule (ten a word, most of them misses). Each rule still tests its own condition; a rule whose bit
 * is clear cannot start there (single letters aside: credentials and initials also start at those).
 */
const CUES = new Map<string, number>();
const cue = (keys: Iterable<string>, bit: number): void => {
  for (const k of keys) CUES.set(k, (CUES.get(k) ?? 0) | bit);
};
cue(TITLES, CUE_TITLE);
cue(CREDENTIALS, CUE_CREDENTIAL);
cue(SIGNATURE_CREDENTIALS, CUE_SIGNATURE);
cue(HEADER_FIELDS, CUE_HEADER);
cue(INTRODUCTIONS, CUE_INTRODUCTION);
cue(['reach', 'reached'], CUE_REACH);
cue(['with', 'by'], CUE_MEETING);
cue(ORIGIN_SERVICES, CUE_ORIGIN);
cue([...ROLES, ...RELATIONS, 'person'], CUE_RELATION);
cue([...lexicon.firstNames, ...lexicon.surnames].filter(isUnambiguousName), CUE_LIST_NAME);

export function findNames(words: readonly Word[], text: string, mixedCase: boolean, bits?: Uint8Array): PhiSpan[] {
  const s = new NameScan(words, text, mixedCase, bits);
  for (let i = 0; i < words.length; i++) {
    // Every rule below starts at a cue word, a list name or an initial; skip the rest quickly (by their bits alone,
    // without reading the word).
    const b = bits !== undefined ? bits[i] as number : fallbackBits(s, i);
    if ((b & (TRIGGER_NAME | TRIGGER_SINGLE | TRIGGER_PERSON_CUE | TRIGGER_ACCENTED)) === 0) continue;
    if ((b & (TRIGGER_PERSON_CUE | TRIGGER_ACCENTED | TRIGGER_SINGLE)) !== 0 && mixedCase) {
      for (let k = 0; k < PROSE_RULES.length; k++) (PROSE_RULES[k] as ProseRule)(s, i, b);
    }
    if ((b & (TRIGGER_NAME | TRIGGER_SINGLE)) === 0) continue;
    const w = words[i] as Word;
    const next = s.at(i + 1);
    const cues = CUES.get(w.key) ?? 0;
    if ((cues & CUE_TITLE) !== 0 && titles(s, i, w, next)) continue;
    if ((cues & CUE_CREDENTIAL) !== 0 || w.single) credentials(s, i, w, next, cues);
    if (w.single) initials(s, i, w, next);
    if ((cues & RARE_CUES) !== 0) for (let k = 0; k < RARE_CUE_RULES.length; k++) (RARE_CUE_RULES[k] as CueRule)(s, i, w, next, cues);
    if ((cues & CUE_RELATION) !== 0) relations(s, i, w, next);
    if ((cues & CUE_LIST_NAME) !== 0) listNames(s, i, w, next);
  }
  for (let k = 0; k < NOTE_PASSES.length; k++) (NOTE_PASSES[k] as (s: NameScan) => void)(s);

  const spans: PhiSpan[] = [];
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = words[i] as Word;
    spans.push({ start: w.start, end: w.keyEnd, category: 'NAME' });
  }
  return spans;
}

type ProseRule = (s: NameScan, i: number, bits: number) => void;
/**
 * The rules for the prose of mixed-case notes (letters, messages), each testing its own trigger bit: names with a
 * middle initial, names written with accents, a person after "said", "named", "written by". Called from one site
 * that sees three functions and inlines none, like RARE_CUE_RULES: these rules first fire long after findNames is
 * optimized, and inlined, each first firing threw its code away.
 */
const PROSE_RULES: readonly ProseRule[] = [middleInitial, accentedPair, afterPersonCue];

type CueRule = (s: NameScan, i: number, w: Word, next: Word | undefined, cues: number) => void;
/**
 * The rules of the rarer cues, each of which tests its own cue bit first (set for its cue words alone): all are
 * called, from one site, wherever one of their cues is ("is" is one, so from the first notes on). That site sees five functions and inlines none,
 * so a rule's first run on a real cue, often long after findNames was optimized, no longer throws findNames' code
 * away (a call site or an inlined branch without feedback did, 3 times a run). The rules of the main loop only mark
 * words, so the order they run in at one word does not matter.
 */
const RARE_CUES = CUE_SIGNATURE | CUE_HEADER | CUE_INTRODUCTION | CUE_REACH | CUE_MEETING | CUE_ORIGIN;
const RARE_CUE_RULES: readonly CueRule[] = [signatures, headers, introductions, reach, meetings, fromService];

/**
 * The rules that run once over the whole note, after the main loop, in this order. Called from one site, which
 * sees seven functions and so inlines none: each compiles on its own, and one rule's first run of a rare branch
 * (a deoptimization) recompiles that rule alone, not findNames with every rule it had inlined (5 compiles a run).
 */
const NOTE_PASSES: readonly ((s: NameScan) => void)[] = [
  surnamesByEnding, andNames, beforePersonVerbs, beforeListedSurname, introducedByIs, lastLineSignature, givenBeforeSurname, nameLists, dialogueSpeakers, propagateNames,
  nameSuffixes,
];

/** Generational suffixes after a name: "Orvel Dankworth Jr.", "Orvel Dankworth, Sr.", "Orvel Dankworth III". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** What follows a suffix that closes the name: punctuation or a line's end, or a sentence's end. */
const AFTER_SUFFIX = /^(?:\.?[ \t]*(?:$|[\n,;)])|\.[ \t]+\p{Lu})/u;

function nameSuffixes(s: NameScan): void {
  for (let p = s.marked.indexOf(1); p >= 0 && p + 1 < s.words.length; p = s.marked.indexOf(1, p + 1)) {
    const w = s.words[p + 1] as Word;
    if (s.marked[p + 1] !== 0 || !NAME_SUFFIXES.has(w.key)) continue;
    const surface = s.text.slice(w.start, w.end);
    // "Jr"/"Sr" may follow a comma. A numeral follows a given name and a surname, with no comma: "Dr. Chen, II.
    // Resident" opens a list, "Hess III" and "Kellgren-Lawrence IV" are grades.
    const abbreviation = /^[JS]r$/.test(surface);
    const numeral = /^[IV]+$/.test(surface) && p > 0 && s.marked[p - 1] === 1 && cleanGap((s.words[p] as Word).gapBefore);
    if (!(abbreviation ? /^,?[ \t]+$/.test(w.gapBefore) : numeral && /^[ \t]+$/.test(w.gapBefore))) continue;
    // The suffix closes the name: "Dr. Patel IV fluids", "Dr. Ferris Sr. resident" are a route and a rank.
    if (AFTER_SUFFIX.test(s.text.slice(w.end, w.end + 4))) s.marked[p + 1] = 1;
  }
}

function titles(s: NameScan, i: number, w: Word, next: Word | undefined): boolean {
  // 1. Titles: "Dr. X", "mrs quillan". "Dr" followed by a stop word ("Dr. aware") takes nothing.
  if (TITLES.has(w.key) && next !== undefined && softGap(next.gapBefore) && !/,/.test(next.gapBefore)) {
    // "Ms." / "Mr" written in title case in a mixed-case note is a title; "MS", "ms." may be mental status.
    const weak = WEAK_TITLES.has(w.key) && !(s.mixed && /^M[a-z]/.test(s.text.slice(w.start, w.end)))
      && !(!s.mixed && /^\./.test(next.gapBefore) && surnameLike(s, next));
    takeForward(s, i + 1, (j) => {
      const c = s.at(j) as Word;
      const after = s.at(j + 1);
      if (weak) {
        return nameLike(c) && !c.single && ((isKnownName(c.key) && !lexicon.ambiguousNames.has(c.key))
          || (s.mixed && c.capitalized && (/^M[a-z]/.test(s.text.slice(w.start, w.end)) || (j === i + 1 && lowerTitle(s, i, next))))
          || (after !== undefined && cleanGap(after.gapBefore) && (PATIENT_VERBS.has(after.key) || (AFTER_NAME.has(after.key) && !WEAK_AFTER.has(after.key)))));
      }
      if (personWord(c)) return true;
      // "Dr Will Cole": a stop word that is a given name, followed by a name.
      return lexicon.firstNames.has(c.key) && s.at(j + 1) !== undefined && nameEvidence(s, j + 1) && cleanGap((s.at(j + 1) as Word).gapBefore);
    }, !weak, DOCTOR_TITLES.has(w.key));
    // "MS S. CARE": a title followed by an initial.
    return true;
  }
  return false;
}

/**
 * "with ms. Quenby": a title written in lower case with its period, in a mixed-case note, not after a number ("330 ms.
 * Corrected ...") nor in capitals ("MS. Verbal": mental status).
 */
function lowerTitle(s: NameScan, i: number, next: Word): boolean {
  const title = s.words[i] as Word;
  const before = s.at(i - 1);
  return /^\./.test(next.gapBefore) && /^m[rs]$/.test(s.text.slice(title.start, title.end)) && before !== undefined && cleanGap(title.gapBefore)
    && BEFORE_LOWER_TITLE.has(before.key) && surnameCandidate(next) && !medicalWord(next)
    && ((isKnownName(next.key) && !lexicon.ambiguousNames.has(next.key)) || closesName(s, i + 1));
}

/**
 * Words before a person in a sentence, before which a lower-case "ms."/"mr." is a title, not a valve or a unit; the
 * name after it is listed or closes its clause ("with ms. Quenby", not "with mr. Metoprolol started").
 */
const BEFORE_LOWER_TITLE = new Set(['with', 'to', 'for', 'by', 'from', 'dear', 'called', 'see', 'saw', 'met', 'tell', 'told', 'ask', 'asked']);

function credentials(s: NameScan, i: number, w: Word, next: Word | undefined, cues: number): void {
  // "per md quenby.", "by np orvel ok'd": in a single-case note, a credential between a cue and a surname-like word
  // that closes the name.
  if ((cues & CUE_CREDENTIAL) !== 0 && !s.mixed && next !== undefined && cleanGap(next.gapBefore) && cleanGap(w.gapBefore)
    && CREDENTIAL_CUES.has(s.at(i - 1)?.key ?? '') && surnameLike(s, next) && next.key.length >= 3 && closesName(s, i + 1)) {
    s.marked[i + 1] = 1;
  }
  // 2. Credentials after a name: "Treadway, RN", "Oswin Cordwell,MD", "castellane bsn/rn", "Dornvale, R.N.".
  const dotted = w.single && next !== undefined && next.single && next.gapBefore === '.' && CREDENTIALS.has(w.key + next.key);
  // The cue bit says whether the key is a credential (cue()), without a look-up at every single letter.
  if (((cues & CUE_CREDENTIAL) !== 0 || dotted) && i > 0 && /^[ \t]*[,(]?[ \t]*$/.test(w.gapBefore) && !(w.key === 'pa' && !/,/.test(w.gapBefore) && !givenLike(s, i - 2))) {
    const p1 = i - 1;
    const wp1 = s.at(p1) as Word;
    // "Orvel (RN)", "Orvel Quenby (NP) aware": a credential in brackets, after a listed name, two capitalised words or
    // a word after "with", "by", "to" or "per"; not a service's ("per Renal (MD) note").
    if (w.gapBefore.includes('(') && !(s.text.charCodeAt(w.end) === 41 /* ) */ && (isKnownName(wp1.key)
      || (wp1.capitalized && (s.at(p1 - 1)?.capitalized === true && cleanGap(wp1.gapBefore) || BEFORE_BRACKETED_CREDENTIAL.has(s.at(p1 - 1)?.key ?? '')))))) return;
    // Unlisted words count before RN, RRT, BSN, ... only where the credential closes a signature (end of line,
    // or punctuation): "BREATH SOUNDS DIMINISHED, RN AWARE" is not a name.
    // An MD glued to the word before by a comma ("QUENBY,MD") signs as strongly ("VINLEKER QUENBY,MD MADE VENT CHANGES").
    const strongCredential = (w.key !== 'md' && w.key !== 'pa' && w.key !== 'np' && /^[ \t]*(?:[.,;)\n]|$)/.test(s.text.slice(w.end, w.end + 3)))
      || (w.key === 'md' && w.gapBefore === ',');
    // "PER LAST FIRST NP", "by jo smith md": a cue before the one or two words before the credential.
    const cueAt = (k: number): boolean => {
      const c = s.at(k);
      const after = s.at(k + 1);
      return c !== undefined && after !== undefined && CREDENTIAL_CUES.has(c.key) && cleanGap(after.gapBefore);
    };
    const cuedName = (cueAt(p1 - 1) && surnameLike(s, wp1)) || (cueAt(p1 - 2) && surnameLike(s, s.at(p1 - 1)) && surnameLike(s, wp1) && cleanGap(wp1.gapBefore));
    // "SOCIAL: ORVEL QUENBY MD SPOKE WITH": two surname-like words opening their clause, the credential, then a verb
    // that people do.
    const speaks = PERSON_VERBS.has(next?.key ?? '') && cleanGap(next?.gapBefore ?? '') && surnameLike(s, wp1) && surnameLike(s, s.at(p1 - 1))
      && /(?:^|[:\n])[ \t]*$/.test(s.at(p1 - 1)?.gapBefore ?? '') && cleanGap(wp1.gapBefore);
    const supported = isKnownName(wp1.key) || givenLike(s, p1 - 1) || wp1.capitalized || /-/.test(wp1.key)
      || (strongCredential && surnameLike(s, wp1)) || cuedName || speaks;
    if (personWord(wp1) && !wp1.single && ((supported && !lexicon.ambiguousNames.has(wp1.key)) || givenLike(s, p1 - 1) || /-[ \t]*$/.test(wp1.gapBefore))) {
      s.marked[p1] = 1;
      for (let j = p1 - 1; j >= Math.max(0, p1 - 3); j--) {
        const c = s.at(j) as Word;
        const after = s.at(j + 1) as Word;
        const gapOk = cleanGap(after.gapBefore) || (c.single && /^\.[ \t]*$/.test(after.gapBefore)) || after.gapBefore === '-';
        const middleInitial = after.single && /^\.[ \t]*$/.test((s.at(j + 2) as Word | undefined)?.gapBefore ?? '');
        const initial = c.single && /^\.[ \t]*$/.test(after.gapBefore);
        // "social: orvel mcgrath md met with": the word opening its clause before a listed surname and the credential.
        const opensClause = j === p1 - 1 && (isKnownName(wp1.key) || speaks) && /(?:^|[:\n])[ \t]*$/.test(c.gapBefore) && surnameLike(s, c);
        if (!gapOk || !(personWord(c) || initial) || !(initial || givenLike(s, j) || isKnownName(c.key) || c.capitalized || after.gapBefore === '-'
          || middleInitial || opensClause || ((strongCredential || cuedName) && j === p1 - 1 && cleanGap(after.gapBefore) && surnameLike(s, c)))) break;
        s.marked[j] = 1;
      }
    }
  }
}

/** Words before one name and its bracketed credential: "discussed with Orvel (RN)". */
const BEFORE_BRACKETED_CREDENTIAL = new Set(['with', 'by', 'to', 'per', 'w']);

function signatures(s: NameScan, i: number, w: Word, _next: Word | undefined, cues: number): void {
  // Signatures: "... KOWALCZYK RN" at the end of a line or note; the word before the credential is the name.
  if ((cues & CUE_SIGNATURE) !== 0 && i > 0 && /^[ \t]*,?[ \t]*$/.test(w.gapBefore) && /^[ \t.,]*(?:\n|$)/.test(s.text.slice(w.end, w.end + 8))) {
    const p = s.at(i - 1) as Word;
    if (nameLike(p) && !p.single && p.key.length >= 3 && !VERB_LIKE.test(p.key) && !lexicon.ambiguousNames.has(p.key)) {
      s.marked[i - 1] = 1;
      const p2 = s.at(i - 2);
      // The signature opens its line, or follows the note's last sentence: "... per oncology note.  kim tran rn".
      const lineStart = p2 !== undefined && (i - 2 === 0 || /(?:^|\n|[.!?][ \t])[ \t]*$/.test(p2.gapBefore));
      // A signature line written in lower case in a mixed-case note ("kim tran rn") reads as a single-case one.
      const lowerLine = s.mixed && lineStart && !/[A-Z]/.test(s.text.slice(p2?.start ?? 0, w.end));
      if (p2 !== undefined && cleanGap(p.gapBefore) && nameLike(p2)
        && (givenLike(s, i - 2) || isKnownName(p2.key) || (lineStart && surnameLikeIn(p2, lowerLine ? false : s.mixed)))) s.marked[i - 2] = 1;
    }
  }
}

function initials(s: NameScan, i: number, w: Word, next: Word | undefined): void {
  // 3. An initial and a surname with a cue around them: "Q. TRAVERNE aware", "per V. OSTRANDE", "p. ormond rrt".
  if (w.single && next !== undefined && /^\.[ \t]+$/.test(next.gapBefore) && /(?:^|[\s(,;-])$/.test(w.gapBefore) && personWord(next)
    && !NOT_AFTER_INITIAL.has(next.key) && next.key.length >= 3) {
    const before = s.at(i - 1);
    const after = s.at(i + 2);
    const cueBefore = before !== undefined && (BEFORE_INITIAL.has(before.key) || TITLES.has(before.key)) && softGap(w.gapBefore);
    const cueAfter = after !== undefined && /^[ \t]*[,:]?[ \t]*$/.test(after.gapBefore)
      && ((AFTER_NAME.has(after.key) && !WEAK_AFTER.has(after.key)) || CREDENTIALS.has(after.key) || (after.key === 'in' && s.at(i + 3)?.key === 'to'));
    // "A." "P." "S." "O." at a line start are note sections (assessment, plan), not initials.
    const section = /\n[ \t]*$/.test(w.gapBefore) && /^[apsodr]$/.test(w.key) && !isKnownName(next.key);
    if (!section && (cueBefore || cueAfter || (isKnownName(next.key) && !lexicon.ambiguousNames.has(next.key)))) {
      s.marked[i] = 1;
      s.marked[i + 1] = 1;
    }
  }
}

/**
 * "Ottilie R Vasbenderová", "Torvald K. Øyangen": in a mixed-case note, a capitalised word, a capital initial, a
 * capitalised word — the shape of a full name whether or not its words are listed. Not after the heads that
 * letters follow in medicine ("Hepatitis B Surface", "Factor V Leiden", "Vitamin D Level").
 */
function middleInitial(s: NameScan, i: number, bits: number): void {
  if ((bits & TRIGGER_SINGLE) === 0) return;
  const w = s.words[i] as Word;
  const next = s.at(i + 1);
  if (next === undefined || !/^[ \t]$/.test(w.gapBefore) || !/^\.?[ \t]$/.test(next.gapBefore)) return;
  const before = s.at(i - 1);
  if (before === undefined || !before.capitalized || before.single || !nameLike(before) || LETTER_HEADS.has(before.key)) return;
  if (!next.capitalized || next.single || !nameLike(next) || !/[A-Z\u00c0-\u024f]/.test(s.text.charAt(w.start))) return;
  // "Chiari I Malformation", "Mobitz I Block": "I" is a Roman numeral; "... of Ligature A. Lack of": "A." closes a
  // sentence as often as it is an initial.
  if (w.key === 'i' || (w.key === 'a' && next.gapBefore !== ' ')) return;
  // "Cyclosporine A Level", "Pugh C Cirrhosis", "Billroth I Gastrectomy": a medical noun last, not a surname.
  if (!isKnownName(next.key) && (medicalWord(next) || medicalWord(before))) return;
  s.marked[i - 1] = 1;
  s.marked[i] = 1;
  s.marked[i + 1] = 1;
}

function headers(s: NameScan, i: number, _w: Word, next: Word | undefined, cues: number): void {
  // Headers: "Patient: ASHCROFT, DESMOND", "Name: Della M. Farquhar", "Pt: Oonagh Petrakis".
  if ((cues & CUE_HEADER) !== 0 && next !== undefined && /^[ \t]*:[ \t]*$/.test(next.gapBefore) && headerName(s, next)) {
    let end = i + 2;
    s.marked[i + 1] = 1;
    const second = s.at(end);
    // "Seo-yeon Merriweather": a hyphenated given name, then the surname.
    if (second !== undefined && second.gapBefore === '-' && nameLike(second)) s.marked[end++] = 1;
    const surname = s.at(end);
    if (surname !== undefined && /^[ \t]+$/.test(surname.gapBefore) && (headerName(s, surname) || isInitial(s, end))) {
      const initial = surname.single;
      s.marked[end++] = 1;
      // "name: orvel t. quenby": the surname after a middle initial.
      const last = s.at(end);
      if (initial && last !== undefined && /^\.[ \t]+$/.test(last.gapBefore) && headerName(s, last) && surnameAfterInitial(s, last)) s.marked[end++] = 1;
    }
    // "SURNAME, GIVEN": the given name after a comma (not the next field's label: "John Smith, MRN 4432123").
    const after = s.at(end);
    if (after !== undefined && /^,[ \t]*$/.test(after.gapBefore) && headerName(s, after) && !FIELD_LABELS.has(after.key)) s.marked[end] = 1;
  }
}

/**
 * The word after a middle initial may be the surname: not the next field's label ("Name: Orvel A. Sex: M"), nor a
 * weekday or a month ("Spoke with Orvel A. Tuesday").
 */
function surnameAfterInitial(s: NameScan, w: Word): boolean {
  return !FIELD_LABELS.has(w.key) && !MONTH_KEY_SET.has(w.key) && !WEEKDAY_KEY_SET.has(w.key) && !/^[ \t]*:/.test(s.text.slice(w.end, w.end + 3));
}


/** Labels of the fields that follow a name on a header line. */
const FIELD_LABELS = new Set(['mrn', 'ssn', 'dob', 'id', 'acct', 'account', 'age', 'sex', 'gender', 'room', 'rm', 'bed', 'unit', 'dos', 'doa', 'fin', 'csn']);

function introductions(s: NameScan, i: number, w: Word, next: Word | undefined, cues: number): void {
  // Introductions in letters and messages: "My name is Aune", "Name: Della M. Farquhar", "Dear Ms. ...", "I'm Bo", and
  // the answer after "your name?".
  if ((cues & CUE_INTRODUCTION) !== 0 && next !== undefined && /^[ \t]*[:?]?[ \t]*$/.test(next.gapBefore)) {
    const prev = s.at(i - 1);
    const cue = w.key === 'is' ? prev?.key === 'name' : w.key === 'm' ? prev?.key === 'i' && /['’]$/.test(w.gapBefore) : w.key === 'am' ? prev?.key === 'i'
      : w.key === 'name' ? /^[ \t]*[:?]/.test(next.gapBefore) || (prev !== undefined && personsName(prev) && cleanGap(next.gapBefore) && twoNameWords(s, i + 1))
        : /^[ \t]*:?[ \t]*$/.test(next.gapBefore);
    // "my name is orvel" in a note written all in lower case: the word after "my name is" reads as a surname.
    const written = next.capitalized || (!s.mixed && w.key === 'is' && s.at(i - 2)?.key === 'my' && surnameLike(s, next) && !NOT_A_NAME.has(next.key)
      && !/^[ \t]*\d/.test(s.text.slice(next.end, next.end + 3)));
    if (cue && written && nameLike(next)) takeForward(s, i + 1, () => true, true);
  }
}

/** Whose name a "name" without a colon is: "my name Orvel", "her maiden name Quenby", "her husband's name X Y". */
const NAME_OWNERS = new Set(['my', 'his', 'her', 'your', 'their', 'our', 'maiden', 'first', 'last', 'full', 'middle', 'given']);

function personsName(owner: Word): boolean {
  return NAME_OWNERS.has(owner.key) || (owner.keyEnd < owner.end && (RELATIONS.has(owner.key) || LOOSE_RELATIONS.has(owner.key)));
}

/**
 * Two words shaped like a given name and a surname at `k`, a middle initial between them or not ("her name Orvel
 * Dankworth", "partner's name Orvel T. Dankworth"; not "her name Correctly").
 */
function twoNameWords(s: NameScan, k: number): boolean {
  const a = s.at(k);
  let b = s.at(k + 1);
  if (b !== undefined && b.single && isInitial(s, k + 1) && cleanGap(b.gapBefore)) b = s.at(k + 2);
  return a !== undefined && b !== undefined && (cleanGap(b.gapBefore) || /^\.[ \t]+$/.test(b.gapBefore)) && surnameCandidate(a) && surnameCandidate(b)
    && !NOT_A_NAME.has(a.key);
}

/** What follows "my name is" when it is no name: "my name is unknown to me". */
const NOT_A_NAME = new Set(['unknown', 'unclear', 'difficult', 'hard', 'not', 'withheld', 'confidential', 'private', 'pain', 'none']);

function reach(s: NameScan, i: number, _w: Word, next: Word | undefined, cues: number): void {
  // "unable to reach Cass": the person one tried to reach.
  if ((cues & CUE_REACH) !== 0 && next !== undefined && cleanGap(next.gapBefore) && (surnameLike(s, next) || lexicon.firstNames.has(next.key))
    && !ROLES.has(next.key) && !RELATIONS.has(next.key)) {
    takeForward(s, i + 1, () => true, true);
  }
}

function meetings(s: NameScan, i: number, _w: Word, next: Word | undefined, cues: number): void {
  // "I spoke with Duskleker Pravleker", "consult with X Y", "accompanied by X": a meeting verb, then a person.
  // "talked privately with X Y": an adverb may come between the verb and "with".
  const verb = s.at(i - 1)?.key ?? '';
  const met = MEETING_VERBS.has(verb) || (/ly$/.test(verb) && verb.length >= 6 && MEETING_VERBS.has(s.at(i - 2)?.key ?? ''));
  if ((cues & CUE_MEETING) !== 0 && next !== undefined && cleanGap(next.gapBefore) && met
    && (surnameLike(s, next) || (isInitial(s, i + 1) && !s.at(i + 2)?.single)) && !ROLES.has(next.key) && !SERVICE_TAIL.has(s.at(i + 2)?.key ?? '')) {
    takeForward(s, i + 1, () => true, true);
  }
}

function fromService(s: NameScan, k: number, service: Word, _next: Word | undefined, cues: number): void {
  // "vathlinger lingfenan from speech therapy", "KIM TRAN OF SOCIAL WORK": one to three name words opening a
  // clause, then "from" or "of" and a service of the hospital or of the patient's care. Found from the service
  // word (word k), which is rarer than "of".
  if ((cues & CUE_ORIGIN) === 0 || k < 2 || !cleanGap(service.gapBefore)) return;
  const i = k - 1;
  const w = s.at(i) as Word;
  if ((w.key !== 'from' && w.key !== 'of') || !cleanGap(w.gapBefore)) return;
  let first = i;
  while (first > 0 && first > i - 3) {
    if (first < i && !cleanGap((s.at(first) as Word).gapBefore)) break;
    const c = s.at(first - 1) as Word;
    // An unlisted word has four letters at least: "new recs from nutrition" is no person.
    if (c.single || ROLES.has(c.key) || RELATIONS.has(c.key) || !(isUnambiguousName(c.key) || (surnameLike(s, c) && c.key.length >= 4))
      || VERB_LIKE.test(c.key)) break;
    first--;
  }
  const opener = s.at(first) as Word;
  // Two words, or one listed name: "labs from pharmacy" is no person.
  if (first === i || (i - first < 2 && !isUnambiguousName((s.at(i - 1) as Word).key))) return;
  if (!(first === 0 || /(?:^|\n|[.!?;:,(]|[ \t]-)[ \t]*$/.test(opener.gapBefore))) return;
  for (let j = first; j < i; j++) s.marked[j] = 1;
}

function relations(s: NameScan, i: number, w: Word, next: Word | undefined): void {
  // 4. Roles and relations before a name: "NP Oriel", "son ned", "daughter, Rosalind Bairstow", "per Thackray".
  if ((ROLES.has(w.key) || RELATIONS.has(w.key) || (w.key === 'person' && s.at(i - 1)?.key === 'contact')) && next !== undefined && /^[ \t]*[,(:"'&-]*[ \t]*["']?$/.test(next.gapBefore)) {
    let j = i + 1;
    if ((s.at(j) as Word).key === 'is' || (s.at(j) as Word).key === 'named') j++;
    const strong = (k: number): boolean => {
      const c = s.at(k);
      if (c === undefined) return false;
      // "Daughter, Rose, was updated": a listed given name between commas or brackets, even if it is also a word.
      if (!nameLike(c)) {
        const after = s.at(k + 1);
        return RELATIONS.has(w.key) && lexicon.firstNames.has(c.key) && /[,(]\s*$/.test(c.gapBefore) && after !== undefined && /^\s*[,)]/.test(after.gapBefore);
      }
      if (lexicon.firstNames.has(c.key)) return true;
      if (LOOSE_RELATIONS.has(w.key)) return false;
      if (c.single && initialThenSurname(k)) return true;
      if (lexicon.surnames.has(c.key) && ROLES.has(w.key)) return true;
      const after = s.at(k + 1);
      if (after !== undefined && cleanGap(after.gapBefore) && SERVICE_TAIL.has(after.key)) return false;
      // "DAUGHTER-MIREN---413 555-0123": a relation, a word, then a phone number.
      if (RELATIONS.has(w.key) && /^[\s\-:,(]*\(?\d{3}\)?[-. ]?\d{3}/.test(s.text.slice(c.end, c.end + 20))) return true;
      // "DAUGHTER ROSWITHA TO SIGN": in a single-case note, a word after a close relation that does not
      // read as a verb, adverb or plural (those follow relations: "daughter called", "sons visiting").
      // (Singular relations only: "SONS SOCCER MATCH" is a possessive without its apostrophe.)
      // "HEALTH CARE PROXY - X Y": a proxy or guardian names a person after a dash too.
      const proxy = (w.key === 'proxy' || w.key === 'guardian' || w.key === 'hcp') && /^[ \t]+-[ \t]+$/.test(c.gapBefore);
      const personCue = (CLOSE_RELATIONS.has(w.key) && !/s$/.test(w.key)) || (PERSON_ROLES.has(w.key) && !/,/.test(c.gapBefore))
        || (w.key === 'person' && s.at(i - 1)?.key === 'contact') || proxy;
      if (!s.mixed && personCue && surnameLike(s, c) && (proxy || /^[ \t]*[,("']*[ \t]*$/.test(c.gapBefore))) return true;
      // "daughters quellinder and morvasten": a plural relation, then two names joined by "and".
      if (!s.mixed && CLOSE_RELATIONS.has(w.key) && /s$/.test(w.key) && surnameLike(s, c) && s.at(k + 1)?.key === 'and' && surnameLike(s, s.at(k + 2))) return true;
      return s.mixed && c.capitalized && inSentence(s, k);
    };
    const cued = (k: number): boolean => {
      const c = s.at(k);
      const a = s.at(k + 1);
      return w.key !== 'pa' && w.key !== 'per' && c !== undefined && surnameLike(s, c) && a !== undefined && /^[ \t]*[,.]?[ \t]*$/.test(a.gapBefore) && AFTER_NAME.has(a.key)
        && !/^(?:to|and|is|was|has|will|in|at|with|from|of)$/.test(a.key);
    };
    // "per d ross.": an initial without its period, then a listed surname or a surname-like word closing the name.
    const initialThenSurname = (k: number): boolean => {
      const c = s.at(k);
      const after = s.at(k + 1);
      return ROLES.has(w.key) && c !== undefined && c.single && after !== undefined && cleanGap(after.gapBefore) && !after.single
        && (isUnambiguousName(after.key) || (surnameLike(s, after) && closesName(s, k + 1)));
    };
    const looseCue = CLOSE_RELATIONS.has(w.key) || PERSON_ROLES.has(w.key) || w.key === 'person' || w.key === 'proxy' || w.key === 'guardian';
    const end = takeForward(s, j, (k) => strong(k) || cued(k), looseCue);
    if (end === j + 1 && initialThenSurname(j)) s.marked[j + 1] = 1;
    // "sons Oswin and Cyprian", "daughters hilda and fern".
    const and = s.at(end);
    if (end > j && and !== undefined && (and.key === 'and' || /&/.test(and.gapBefore)) ) {
      const k = and.key === 'and' ? end + 1 : end;
      const c = s.at(k);
      if (c !== undefined && ((lexicon.firstNames.has(c.key) && nameLike(c)) || (looseCue && surnameLike(s, c)))) s.marked[k] = 1;
    }
  }
}

function listNames(s: NameScan, i: number, w: Word, next: Word | undefined): void {
  // 5. List names that are not ordinary words, and the surname after a given name.
  if (isUnambiguousName(w.key) && !w.single && !eponymUse(s, i)) {
    s.marked[i] = 1;
    // The word after a given name is its surname when listed, capitalised in a mixed-case note, or — in a
    // single-case note — when it does not read as a verb ("greta staying", "ned consented").
    if (lexicon.firstNames.has(w.key) && next !== undefined && cleanGap(next.gapBefore) && nameLike(next) && !next.single
      && !lexicon.ambiguousNames.has(next.key)
      && (isKnownName(next.key) || (s.mixed ? next.capitalized : !VERB_LIKE.test(next.key) && next.key.length >= 3))) {
      s.marked[i + 1] = 1;
    }
    // "Ildikó K Vámoshegyi", "Orla F Thibodeau": a given name, an initial without its period, a surname.
    const third = s.at(i + 2);
    if (s.mixed && lexicon.firstNames.has(w.key) && next !== undefined && next.single && cleanGap(next.gapBefore)
      && /[A-Z]/.test(s.text.charAt(next.start)) && third !== undefined && cleanGap(third.gapBefore) && third.capitalized && nameLike(third)) {
      s.marked[i + 1] = 1;
      s.marked[i + 2] = 1;
    }
  }
}

/**
 * "Colles fracture", "Stevens-Johnson syndrome", "Keith needle", "Ludwig's angina": a list name before a medical
 * noun (past the other name of a hyphenated pair, or a surname's capitalised partner: "Ramsay Hunt syndrome") is an
 * eponym, no person. Not after a given name ("Ingrid Quenby procedure consent"), and not before the everyday nouns
 * that follow people in notes as often ("Quenby unit clerk", "Orvel dose given", "Kowalski test results").
 */
function eponymUse(s: NameScan, i: number): boolean {
  const w = s.words[i] as Word;
  const before = s.at(i - 1);
  if (before !== undefined && cleanGap(w.gapBefore) && lexicon.firstNames.has(before.key)) return false;
  let after = s.at(i + 1);
  if (after !== undefined && (after.gapBefore === '-'
    || (!lexicon.firstNames.has(w.key) && after.capitalized && cleanGap(after.gapBefore) && !medicalWord(after)))) after = s.at(i + 2);
  return after !== undefined && cleanGap(after.gapBefore) && medicalWord(after) && !EVERYDAY_AFTER_NAMES.has(after.key);
}

/** Nouns among the medical ones that follow a person's name in notes as often as an eponym: no sign of an eponym. */
const EVERYDAY_AFTER_NAMES = new Set(['unit', 'units', 'position', 'dose', 'level', 'levels', 'monitor', 'series', 'test', 'tests', 'system',
  'model', 'version', 'kit', 'device', 'machine', 'effect', 'law', 'solution', 'method', 'regimen', 'plan']);

function andNames(s: NameScan): void {
  const words = s.words;
  // "Dr. Pellmore and Quadling aware", "dr. okoro and dr. lindqvist": a name, "and", a word, then a cue.
  // Words after a marked one only, found by indexOf (few words are marked; a mark set here, at i + 1, lies ahead).
  for (let p = s.marked.indexOf(1); p >= 0 && p + 3 < words.length; p = s.marked.indexOf(1, p + 1)) {
    const i = p + 1;
    const and = words[i] as Word;
    const c = words[i + 1] as Word;
    const a = words[i + 2] as Word;
    if ((and.key === 'and' || and.key === '&') && nameLike(c) && cleanGap(c.gapBefore)
      && /^[ \t]*$/.test(a.gapBefore) && AFTER_NAME.has(a.key) && !/^(?:to|and|is|was|has|will|in|at|with|from|of)$/.test(a.key)) {
      s.marked[i + 1] = 1;
    }
  }
}

function beforePersonVerbs(s: NameScan): void {
  const words = s.words;
  // "After rounds, Teodric wishes ...", "social: ned called": a capitalised word mid-sentence (mixed-case notes) or a
  // listed given name, followed by a verb that people do in notes.
  for (let i = 0; i + 1 < words.length; i++) {
    // The cheap tests first, before any word is read: most words are followed by no person's verb.
    if (s.bits !== undefined ? ((s.bits[i + 1] as number) & TRIGGER_PERSON_VERB) === 0 : !PERSON_VERBS.has((words[i + 1] as Word).key)) continue;
    if (s.marked[i] === 1) {
      // "Orla Brennan lives at": a listed surname found already, its given name before it (not an adverb or an
      // occupation: "Previously Alvarez lived", "Pharmacist Nakamura listed").
      const p = s.at(i - 1);
      if (s.mixed && PROSE_PERSON_VERBS.has((words[i + 1] as Word).key) && p !== undefined && (isKnownName(p.key) || !adverbOrRole(p.key))) {
        twoWordNameBefore(s, i, words[i] as Word);
      }
      continue;
    }
    const w = words[i] as Word;
    const v = words[i + 1] as Word;
    const length = w.key.length;
    if (!/^[ \t]*$/.test(v.gapBefore) || w.single || length < 3) continue;
    // Tests that the chains below need only in their rarely reached last operands are made here, before them: the
    // code optimized on the first notes had no feedback for those operands and was thrown away at the first note
    // that reached one (4 times a run). Same results: the tests have no side effects.
    const known = isKnownName(w.key);
    const longKey = length >= 4;
    const given = lexicon.firstNames.has(w.key) && (nameLike(w) || lexicon.ambiguousNames.has(w.key)) && !/^(?:will|may|can|mark|sue)$/.test(w.key);
    // Verbs of prose ("lives", "began", "wrote") vouch for a listed given name or a two-word name alone: "Baby began",
    // "Technique explained", "Face moved" are no people.
    const proseVerb = PROSE_PERSON_VERBS.has(v.key);
    const capital = w.capitalized && nameLike(w) && inSentence(s, i) && !known && !proseVerb;
    const clauseVerb = /^(?:called|visited|phoned|arrived)$/.test(v.key);
    const single = (clauseVerb || (w.capitalized && !known && !VERB_LIKE.test(w.key))) && clauseStart(words, i) && surnameLike(s, w) && longKey && !proseVerb;
    const resident = s.mixed && (v.key === 'lives' || v.key === 'lived') && residentBefore(s, i);
    // Stored whatever the outcome (the mark is 0 here): a store made only for a name lacked feedback the same way.
    s.marked[i] = given || capital || single || resident ? 1 : 0;
    if (clauseVerb || (proseVerb && s.mixed)) twoWordNameBefore(s, i, w);
  }
}

/**
 * "Quillane lives on Strada Quenby 3", "Orvel lived at 255 Harbakken": in a mixed-case note, a capitalised word opening
 * its clause before "lives"/"lived" (word `i` + 1), then "on" or "at" and an address's first character (a number
 * or a capital). Not a relation, role or adverb ("Mother lives at", "Currently lives on Elm Street").
 */
function residentBefore(s: NameScan, i: number): boolean {
  const w = s.words[i] as Word;
  const prep = s.at(i + 2);
  return prep !== undefined && (prep.key === 'on' || prep.key === 'at') && prep.gapBefore === ' ' && /^ [\p{Lu}\d]/u.test(s.text.slice(prep.end, prep.end + 2))
    && w.capitalized && nameLike(w) && clauseStart(s.words, i) && !RELATIONS.has(w.key) && !FAMILY_ROLES.has(w.key) && !adverbOrRole(w.key)
    && !/^(?:every|some|any|no)(?:one|body)$/.test(w.key) && !PEOPLE_NOUNS.has(w.key);
}

/** Nouns for people and pets that open a sentence as a name does: "Veteran lives at 44 Elm Rd.", "Sitter lives on". */
const PEOPLE_NOUNS = new Set(['veteran', 'member', 'consumer', 'client', 'resident', 'youth', 'teen', 'teenager', 'baby', 'infant', 'toddler',
  'child', 'kid', 'minor', 'individual', 'donor', 'recipient', 'subject', 'woman', 'man', 'gentleman', 'lady', 'female', 'male', 'boy', 'girl',
  'twin', 'couple', 'household', 'boarder', 'sitter', 'hha', 'pca', 'aide', 'dog', 'cat', 'pet', 'alone', 'caller', 'tenant', 'owner',
  'student', 'worker', 'retiree', 'widow', 'widower', 'spouse', 'parent', 'parents', 'caregiver', 'grandmother', 'grandfather', 'grandma',
  'grandpa', 'stepmother', 'stepfather', 'roommate', 'housemate', 'landlord', 'employer', 'group', 'nobody']);

/**
 * An adverb, a verb's or noun's shape, or a role ("Previously", "Pharmacist", "Producer"): not a given name. A short
 * "-ly" word may be one ("Tilly"); adverbs are longer ("Finally", "Recently").
 */
function adverbOrRole(key: string): boolean {
  return /ly$/.test(key) ? key.length >= 7 : VERB_LIKE.test(key) || PERSON_CUES.has(key);
}

/** "social: bill called", "and hector called": word `k` starts a clause. */
function clauseStart(words: readonly Word[], k: number): boolean {
  return k === 0 || /[:,;.\n>-][ \t]*$/.test((words[k] as Word).gapBefore) || words[k - 1]?.key === 'and';
}

/**
 * "LINGLEKER VINTOSHAN CALLED TO BEDSIDE", "Toshleker Zorduskan arrived": a two-word name opening the clause, before
 * the word `i` (w), which a verb such as "called" follows. A function of its own: its tests run only there.
 */
function twoWordNameBefore(s: NameScan, i: number, w: Word): void {
  const p = s.at(i - 1);
  if (p !== undefined && s.marked[i - 1] === 0 && cleanGap(w.gapBefore) && clauseStart(s.words, i - 1) && surnameLike(s, p) && surnameLike(s, w)
    && p.key.length >= 4 && w.key.length >= 4) {
    s.marked[i - 1] = 1;
    s.marked[i] = 1;
  }
}

function beforeListedSurname(s: NameScan): void {
  const words = s.words;
  // "fenna rourke is a 58 yr old": the word before a listed surname, at the start of a line or after "(".
  // Marked words only (a mark set here lies behind, where the loop has been). A line starts at the note's start or
  // after a line break: a gap of spaces alone is a line's start only before the first word ("at this time Quenby" is
  // no name).
  for (let i = s.marked.indexOf(1, 1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    if (s.marked[i - 1] !== 0) continue;
    const w = words[i] as Word;
    const p = words[i - 1] as Word;
    if (isUnambiguousName(w.key) && lexicon.surnames.has(w.key) && cleanGap(w.gapBefore)
      && nameLike(p) && !p.single && p.key.length >= 3 && !VERB_LIKE.test(p.key) && ((i === 1 && /^[ \t]*$/.test(p.gapBefore)) || /[\n(][ \t]*$/.test(p.gapBefore))) {
      s.marked[i - 1] = 1;
    }
  }
}

/**
 * Relations, person roles and family roles in one set, less the plurals (those ending in "s": "sons" are not one
 * person): one look-up for the word after "is", not three and a test for the plural only where one was found (that
 * test first ran long after the rule had been optimized, and threw its code away).
 */
const ROLES_AFTER_IS: ReadonlySet<string> = new Set([...RELATIONS, ...PERSON_ROLES, ...FAMILY_ROLES].filter((role) => !/s$/.test(role)));

function introducedByIs(s: NameScan): void {
  const words = s.words;
  // "Bo Tarrant is a 47 y/o retired joiner", "Orlaith acts as proxy": one to three name-like words opening a line or
  // sentence, then "is" and an age or a person's role in the patient's life.
  for (let i = 1; i + 1 < words.length; i++) {
    if (s.bits !== undefined && ((s.bits[i] as number) & TRIGGER_IS_WAS) === 0) continue;
    const is = words[i] as Word;
    if ((is.key !== 'is' && is.key !== 'was') || !cleanGap(is.gapBefore)) continue;
    let k = i + 1;
    const introducesAge = (s.at(k)?.key === 'a' || s.at(k)?.key === 'an') && AGE_AFTER_IS.test(s.text.slice((s.at(k) as Word).end, (s.at(k) as Word).end + 16));
    while (k < words.length && k < i + 4 && ROLE_FILLERS.has((s.at(k) as Word).key) && cleanGap((s.at(k) as Word).gapBefore)) k++;
    const role = s.at(k);
    const introducesRole = role !== undefined && cleanGap(role.gapBefore) && ROLES_AFTER_IS.has(role.key);
    if (!introducesAge && !introducesRole) continue;
    let first = i;
    while (first > 0 && first > i - 3) {
      const c = s.at(first - 1) as Word;
      const after = s.at(first) as Word;
      if (first < i && !cleanGap(after.gapBefore)) break;
      // The cue words first: they are tested at every "is a 45-year-old", surnameLike's words are not (an operand
      // first reached long after the rule was optimized throws its code away). Same result: no test has side effects.
      if (c.single || ROLES.has(c.key) || RELATIONS.has(c.key) || HEADER_FIELDS.has(c.key) || !(isKnownName(c.key) || surnameLike(s, c))) break;
      first--;
    }
    const opener = s.at(first);
    if (first < i && opener !== undefined && (first === 0 || /(?:^|\n|[.!?;:(]|[ \t]-)[ \t]*$/.test(opener.gapBefore))) {
      for (let j = first; j < i; j++) s.marked[j] = 1;
    }
  }
}

function lastLineSignature(s: NameScan): void {
  const words = s.words;
  // A signature without a credential: the note's last line is two or three capitalised name-like words ("Wilma
  // Treadway"), in a mixed-case note, where capitals mean something; not an order such as "Cont Abx".
  if (s.mixed && words.length > 3) {
    let first = words.length - 1;
    while (first > words.length - 3 && cleanGap((words[first] as Word).gapBefore)) first--;
    const last = words[words.length - 1] as Word;
    const line = words.slice(first, words.length);
    const onOwnLine = /\n[ \t]*$/.test((words[first] as Word).gapBefore) && /^[ \t\r\n]*$/.test(s.text.slice(last.end));
    if (line.length >= 2 && onOwnLine && line.every((w) => w.capitalized && nameLike(w) && !w.single && !lexicon.ambiguousNames.has(w.key))
      && (line.some((w) => isKnownName(w.key)) || line.every((w) => w.key.length >= 4 && !VERB_LIKE.test(w.key)))) {
      for (let j = first; j < words.length; j++) s.marked[j] = 1;
    }
  }
}

/**
 * "Orvel Brastowski", "Quenbayev and Tamarishvili were": in a mixed-case note, a capitalised word whose ending marks a
 * surname (lexicon/surname-shapes.ts), unless it is an eponym before a medical noun ("Nikolsky sign") or a place;
 * and the capitalised word right before it, its given name.
 */
function surnamesByEnding(s: NameScan): void {
  if (!s.mixed) return;
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!w.capitalized || w.key.length < 6 || s.marked[i] !== 0 || !surnameByEnding(w.key) || !nameLike(w)) continue;
    if (lexicon.cities.has(w.key) || lexicon.states.has(w.key) || lexicon.countries.has(w.key) || eponymUse(s, i)) continue;
    // "Cukurova University": a place's name.
    const next = s.at(i + 1);
    if (next !== undefined && lexicon.facilityHeads.has(next.key) && cleanGap(next.gapBefore)) continue;
    s.marked[i] = 1;
    // Not the second half of a lower-case compound ("an ex-Marine Velmainen").
    const p = s.at(i - 1);
    if (p !== undefined && p.capitalized && !p.single && nameLike(p) && cleanGap(w.gapBefore) && !TITLES.has(p.key)
      && !LETTER_HEADS.has(p.key) && !medicalWord(p) && !(p.gapBefore === '-' && s.at(i - 2)?.capitalized === false)) {
      s.marked[i - 1] = 1;
    }
  }
}

function givenBeforeSurname(s: NameScan): void {
  const words = s.words;
  // "(Imelda Bartlett)": in mixed-case notes, a capitalised word right before a listed surname is its given name.
  if (s.mixed) {
    for (let i = s.marked.indexOf(1, 1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
      if (s.marked[i - 1] !== 0) continue;
      const w = words[i] as Word;
      const p = words[i - 1] as Word;
      if (lexicon.surnames.has(w.key) && p.capitalized && nameLike(p) && cleanGap(w.gapBefore)
        && !TITLES.has(p.key) && inSentence(s, i - 1)) {
        s.marked[i - 1] = 1;
      }
    }
  }
}

/** The trigger bits findNames tests, for a caller that has none (triggers.ts sets them for findPhi). */
function fallbackBits(s: NameScan, i: number): number {
  const w = s.words[i] as Word;
  return (w.single ? TRIGGER_SINGLE : 0) | (NAME_TRIGGERS.has(w.key) ? TRIGGER_NAME : 0) | (PERSON_CUES.has(w.key) ? TRIGGER_PERSON_CUE : 0)
    | (w.capitalized && hasNonAscii(w.key) ? TRIGGER_ACCENTED : 0);
}

/**
 * "Dénes Kovalcsik", "Aurèle Montbrisson": in a mixed-case note, two capitalised words side by side of which one is
 * written with letters beyond ASCII. English medical prose has few such words: eponyms and loan words (listed in
 * ACCENTED_TERMS: "Sjögren", "Ménière", "café") and an eponym before a medical noun ("Behçet Ulcers"); the other
 * pairs are names from languages not on the lists.
 */
function accentedPair(s: NameScan, i: number, bits: number): void {
  if ((bits & TRIGGER_ACCENTED) === 0) return;
  for (let k = Math.max(0, i - 1); k <= i; k++) {
    const a = s.at(k);
    const b = s.at(k + 1);
    if (a === undefined || b === undefined || !a.capitalized || !b.capitalized || a.single || b.single || !cleanGap(b.gapBefore)) continue;
    if (!nameLike(a) || !nameLike(b) || LETTER_HEADS.has(a.key) || ACCENTED_TERMS.has(a.key) || ACCENTED_TERMS.has(b.key)) continue;
    // "Waldenström Macroglobulinemia", "Behçet Ulcers": an eponym before a medical noun.
    if ((medicalWord(b) && !isKnownName(b.key)) || (medicalWord(a) && !isKnownName(a.key))) continue;
    // A number before or after makes it a street ("Zelená Úvozová 1412", "5521 Caminho Pérola"), which addresses.ts finds.
    if (/\d[ \t]*$/.test(a.gapBefore) || /^[ \t]*\d/.test(s.text.slice(b.end, b.end + 4))) continue;
    s.marked[k] = 1;
    s.marked[k + 1] = 1;
  }
}

/**
 * "written by Radomił Wąsowiczek", "said Quillane", "named him Oskarr": in a mixed-case note, after a word that
 * introduces a person, two capitalised words shaped like a given name and a surname, or one capitalised word
 * closing the clause.
 */
/** Small words after a name that go on with the sentence ("said Quillane to", "my kid Tovald from the will"). */
const CLAUSE_GOES_ON = new Set(['to', 'from', 'and', 'or', 'in', 'at', 'with', 'about', 'for', 'of', 'on', 'that', 'who', 'whom', 'because', 'when', 'but', 'out']);

function afterPersonCue(s: NameScan, i: number, bits: number): void {
  if ((bits & TRIGGER_PERSON_CUE) === 0) return;
  const cue = s.words[i] as Word;
  let k = i + 1;
  const pronoun = s.at(k);
  if (pronoun !== undefined && (pronoun.key === 'him' || pronoun.key === 'her')) k++;
  const a = s.at(k);
  if (a === undefined || !cleanGap(a.gapBefore) || !surnameCandidate(a)) return;
  const b = s.at(k + 1);
  const pair = b !== undefined && cleanGap(b.gapBefore) && surnameCandidate(b);
  // After "by", only a two-word name after a verb of making ("directed by", "written by"): "followed by Mastisol",
  // "seen by Physical Therapy" are things and services.
  if (cue.key === 'by' && !(pair && MAKING_VERBS.has(s.at(i - 1)?.key ?? ''))) return;
  // "called" names a person only as "was called X Y" with a listed name in it, or after a relation ("my grandfather was
  // called X Y"): "called Pharmacy", "called Dr. X" are calls, "was called Atrial Flutter" a finding.
  if (cue.key === 'called' && !(pair && /^(?:was|is|were)$/.test(s.at(i - 1)?.key ?? '')
    && (isKnownName(a.key) || isKnownName((b as Word).key) || RELATIONS.has(s.at(i - 2)?.key ?? ''))
    && !medicalWord(a) && !medicalWord(b as Word))) return;
  const after = s.at(pair ? k + 2 : k + 1);
  // One word must close its clause or go on with a small word ("said Quillane.", "my kid Tovald from"): "said
  // Eliquis causes bruising" names a drug.
  const closed = after === undefined || !cleanGap(after.gapBefore)
    || (pair ? !after.capitalized && !SERVICE_TAIL.has(after.key) && !EPONYM_NOUNS.has(after.key) : CLAUSE_GOES_ON.has(after.key));
  if (!closed) return;
  s.marked[k] = 1;
  if (pair) s.marked[k + 1] = 1;
}

/**
 * "Their children: Brisco, Mary, Yolanthe and Peter": in a mixed-case note, a list of single capitalised words of which
 * two or more were found as names is a list of names; each other item must still read as a surname, or be a
 * lower-case word that could be one (listNameShape). In single-case notes too, when most of the list was found.
 */
function nameLists(s: NameScan): void {
  const words = s.words;
  let done = -1;
  // From each found name not yet in a list, out to both ends of the list it may be in.
  for (let p = s.marked.indexOf(1); p >= 0; p = s.marked.indexOf(1, p + 1)) {
    if (p <= done) continue;
    let first = p;
    for (let k = itemBefore(words, first); k >= 0; k = itemBefore(words, k)) first = k;
    let last = p;
    for (let k = itemAfter(words, last); k >= 0; k = itemAfter(words, k)) last = k;
    done = last;
    const items: number[] = [];
    for (let k = first; k <= last; k = itemAfter(words, k)) {
      items.push(k);
      if (k === last) break;
    }
    // "The Pell, Quaid and Ormsby Orchestra": a capitalised word after the list makes it a firm's name.
    const after = s.at(last + 1);
    if (items.length < 3 || (s.mixed && after !== undefined && after.capitalized && cleanGap(after.gapBefore))) continue;
    let found = 0;
    let names = true;
    for (const j of items) {
      const w = words[j] as Word;
      if (s.marked[j] === 1) found++;
      else if (s.mixed ? !surnameCandidate(w) && !(!w.capitalized && listNameShape(w)) : !listNameShape(w)) names = false;
    }
    // In a single-case note, where capitals say nothing, most of the list must be names found already.
    if (names && (s.mixed ? found >= 2 : found >= 3 && found * 3 >= items.length * 2)) for (const j of items) s.marked[j] = 1;
  }
}

/**
 * An item of a list of names written in one case ("they had three: orvel, harold, mabel"): a word of three letters
 * or more that is not a function word, a verb, a word that is also a name ("will", "may") or a medical word.
 */
function listNameShape(w: Word): boolean {
  return !w.single && w.key.length >= 3 && nameLike(w) && !lexicon.ambiguousNames.has(w.key) && !VERB_LIKE.test(w.key)
    && !medicalWord(w) && !/\d/.test(w.key);
}

/** Only a comma between: ", " is a shared string (words.ts), the rest are few. */
function commaGap(gap: string): boolean {
  return gap === ', ' || (gap.includes(',') && /^[ \t]*,[ \t]*$/.test(gap));
}

/** The list item before word `k` ("A, B", "A and B", "A, and B"), or -1. */
function itemBefore(words: readonly Word[], k: number): number {
  const w = words[k] as Word;
  if (k >= 1 && commaGap(w.gapBefore) && words[k - 1]?.key !== 'and') return k - 1;
  const and = words[k - 1];
  if (k >= 2 && and !== undefined && and.key === 'and' && cleanGap(w.gapBefore) && (cleanGap(and.gapBefore) || commaGap(and.gapBefore))) return k - 2;
  return -1;
}

/** The list item after word `k`, or -1. */
function itemAfter(words: readonly Word[], k: number): number {
  const next = words[k + 1];
  if (next === undefined) return -1;
  if (next.key !== 'and') return commaGap(next.gapBefore) ? k + 1 : -1;
  const item = words[k + 2];
  return item !== undefined && cleanGap(item.gapBefore) && (cleanGap(next.gapBefore) || commaGap(next.gapBefore)) ? k + 2 : -1;
}

/** A medical noun: one of the nouns after eponyms (or its plural), or a word with a medical ending. */
function medicalWord(w: Word): boolean {
  return EPONYM_NOUNS.has(w.key) || (w.key.endsWith('s') && EPONYM_NOUNS.has(w.key.slice(0, -1))) || MEDICAL_SUFFIX.test(w.key);
}

/**
 * 'Teodric: "Who is there?"': in a mixed-case text, a capitalised word opening a line, then a colon and a quote, is the
 * speaker of a dialogue (a heading takes no quote after its colon: "Plan: ...").
 */
function dialogueSpeakers(s: NameScan): void {
  if (!s.mixed || !SPEECH_AFTER_COLON.test(s.text)) return;
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!w.capitalized || w.single || s.marked[i] === 1 || (i > 0 && !/(?:^|\n)[ \t>]*$/.test(w.gapBefore))) continue;
    if (!/^[ \t]*:[ \t]*["“']/.test(s.text.slice(w.end, w.end + 6)) || !surnameCandidate(w) || HEADER_FIELDS.has(w.key)) continue;
    s.marked[i] = 1;
  }
}

/** A colon, then a quote: some line of the text may open with a speaker's name. */
const SPEECH_AFTER_COLON = /:[ \t]*["“]/;

/** Capitalised, name-like, not a verb, plural or head of a medical term (unless listed as a name). */
function surnameCandidate(w: Word): boolean {
  return w.capitalized && !w.single && nameLike(w) && !LETTER_HEADS.has(w.key) && !EPONYM_NOUNS.has(w.key) && !SERVICE_TAIL.has(w.key)
    && (isKnownName(w.key) || !VERB_LIKE.test(w.key));
}

function propagateNames(s: NameScan): void {
  const words = s.words;
  // A word found as a name by context is a name wherever else it appears in the note ("Teodric ... Teodric wishes").
  const found = new Set<string>();
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = words[i] as Word;
    if (!w.single && w.key.length >= 3 && nameLike(w) && !lexicon.ambiguousNames.has(w.key) && !VERB_LIKE.test(w.key)) found.add(w.key);
  }
  if (found.size > 0) {
    // The lengths of the found names, one bit each (from the shape: up to 31): most words differ and need no hashed
    // look-up, nor a read of their key.
    let lengths = 0;
    for (const k of found) lengths |= 1 << Math.min(k.length, 31);
    for (let i = 0; i < words.length; i++) {
      if (s.marked[i] !== 0) continue;
      const w = words[i] as Word;
      if ((lengths & (1 << (w.shape >>> 15))) !== 0 && found.has(w.key) && (!s.mixed || w.capitalized || !/[A-Z]/.test(s.text.slice(w.start, w.end)))) s.marked[i] = 1;
    }
  }
}
