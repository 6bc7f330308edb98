import { isKnownName, isUnambiguousName, lexicon } from '../lexicon/index.js';
import { surnameByEnding } from '../lexicon/surname-shapes.js';
import type { PhiSpan } from '../types.js';
import { TRIGGER_ACCENTED, TRIGGER_NAME, TRIGGER_PERSON_CUE, TRIGGER_SINGLE } from '../trigger-bits.js';
import { cleanGap, hasNonAscii, softGap, type Word } from '../words.js';
import {
  AFTER_NAME, BEFORE_INITIAL, CLOSE_RELATIONS, CREDENTIAL_CUES, CREDENTIALS, DOCTOR_TITLES, GENERIC_ADDRESSEES, HEADER_FIELDS, INTRODUCTIONS, IRREGULAR_PAST,
  LOOSE_RELATIONS, MEETING_VERBS, MESSAGE_CUES, NAME_TRIGGERS, NOT_AFTER_INITIAL, NOT_PEOPLE, ORIGIN_SERVICES, PATIENT_VERBS, PERSON_CUES, PERSON_ROLES,
  PERSON_VERBS, POLICE_TITLES, NOT_AFTER_RANK,
  RELATION_FOLLOWERS, RELATIONS, ROLES, SERVICE_TAIL, SIGNATURE_CREDENTIALS, STAFF_ROLES, TITLES, VERB_LIKE, WEAK_AFTER, WEAK_TITLES,
} from './name-cues.js';
import {
  closesName, eponymUse, FIELD_LABELS, givenLike, headerName, inSentence, isInitial, medicalWord, nameEvidence, nameLike, NameScan,
  personWord, secondBarrel, surnameAfterInitial, surnameCandidate, surnameLike, surnameLikeIn, takeForward,
} from './name-scan.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { GENERIC_HEADS, ORGANISATION_HEADS } from './place-cues.js';
import { accentedPair, afterPersonCue, dialogueSpeakers, middleInitial, nameLists, surnamesByEnding } from './name-prose.js';
import { messageLine, messageNames } from './name-messages.js';
import {
  andNames, beforeListedSurname, beforePersonVerbs, extendNames, givenBeforeSurname, introducedByIs, lastLineSignature, namedBeforeRelation,
  nameSuffixes, nicknames, numberLabels, particleSurnames, propagateNames, surnameCommaGiven,
} from './name-passes.js';

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
const CUE_MESSAGE = 1024;
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
cue(MESSAGE_CUES, CUE_MESSAGE);
cue(INTRODUCTIONS, CUE_INTRODUCTION);
cue(['reach', 'reached'], CUE_REACH);
cue(['with', 'by'], CUE_MEETING);
cue(ORIGIN_SERVICES, CUE_ORIGIN);
cue([...ROLES, ...STAFF_ROLES, ...RELATIONS, 'person', 'family'], CUE_RELATION);
cue([...lexicon.firstNames, ...lexicon.surnames].filter((name) => isUnambiguousName(name) || lexicon.titleCaseNames.has(name)), CUE_LIST_NAME);

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
const RARE_CUES = CUE_SIGNATURE | CUE_HEADER | CUE_INTRODUCTION | CUE_REACH | CUE_MEETING | CUE_ORIGIN | CUE_MESSAGE;
const RARE_CUE_RULES: readonly CueRule[] = [signatures, headers, introductions, reach, meetings, fromService,
  (s, i, w, next, cues) => { if ((cues & CUE_MESSAGE) !== 0) messageLine(s, i, w, next); }];

/**
 * The rules that run once over the whole note, after the main loop, in this order. Called from one site, which
 * sees seven functions and so inlines none: each compiles on its own, and one rule's first run of a rare branch
 * (a deoptimization) recompiles that rule alone, not findNames with every rule it had inlined (5 compiles a run).
 */
const NOTE_PASSES: readonly ((s: NameScan) => void)[] = [
  surnamesByEnding, andNames, beforePersonVerbs, beforeListedSurname, introducedByIs, lastLineSignature, messageNames, givenBeforeSurname, nameLists, surnameCommaGiven, particleSurnames, nicknames, dialogueSpeakers, namedBeforeRelation, extendNames, numberLabels, propagateNames,
  nameSuffixes,
];

function titles(s: NameScan, i: number, w: Word, next: Word | undefined): boolean {
  // 1. Titles: "Dr. X", "mrs quillan". "Dr" followed by a stop word ("Dr. aware") takes nothing.
  if (TITLES.has(w.key) && next !== undefined && softGap(next.gapBefore) && !/,/.test(next.gapBefore)
    && !(POLICE_TITLES.has(w.key) && (NOT_AFTER_RANK.has(next.key) || !(s.mixed ? next.capitalized && nameLike(next) : isUnambiguousName(next.key))))) {
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
 * "RN: Advised pt to...", "MD: Reviewed chart": a verb opening a sentence after the label, not a name; an unlisted
 * word shaped like a verb and followed by a lower-case word ("Name: Harding Quenby" goes on in capitals).
 */
function sentenceAfterLabel(s: NameScan, k: number): boolean {
  const w = s.words[k] as Word;
  const after = s.at(k + 1);
  return s.mixed && VERB_LIKE.test(w.key) && !isKnownName(w.key) && after !== undefined && !after.capitalized && cleanGap(after.gapBefore);
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
  // "rod serial SN 4471-88320-A": an SN before a number is the serial's, no student nurse's.
  if (w.key === 'sn' && /^[ \t]*[#:]?[ \t]*\d/.test(s.text.slice(w.end, w.end + 4))) return;
  const dotted = w.single && next !== undefined && next.single && next.gapBefore === '.' && CREDENTIALS.has(w.key + next.key);
  // The cue bit says whether the key is a credential (cue()), without a look-up at every single letter.
  if (((cues & CUE_CREDENTIAL) !== 0 || dotted) && i > 0 && /^[ \t]*[,(]?[ \t]*$/.test(w.gapBefore) && !(w.key === 'pa' && !/,/.test(w.gapBefore) && !givenLike(s, i - 2))) {
    const p1 = i - 1;
    const wp1 = s.at(p1) as Word;
    // "Mabel (RN)", "Orvel Quenby (NP) aware": a credential in brackets after a listed name or two capitalised words
    // that read as names; not a service's ("per Renal (MD) note", "Social Work (LCSW)", "Float Pool (RN)"), a
    // finding's or the words the letters stand for ("Nasal Polyposis (NP)", "Nurse Practitioner (NP)").
    if (w.gapBefore.includes('(') && !(s.text.charCodeAt(w.end) === 41 /* ) */ && !spelledOut(s, p1, w.key)
      && (isKnownName(wp1.key) || bracketedPair(s, p1)))) return;
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
    // A capital alone vouches for an unlisted word, not for a past participle or a service ("Sounds Diminished, RN aware",
    // "Float Pool, RN").
    const capitalName = wp1.capitalized && !NOT_PEOPLE.has(wp1.key) && (isKnownName(wp1.key) || !/ed$/.test(wp1.key));
    const supported = isKnownName(wp1.key) || givenLike(s, p1 - 1) || capitalName || /-/.test(wp1.key)
      || (strongCredential && surnameLike(s, wp1) && !NOT_PEOPLE.has(wp1.key)) || cuedName || speaks;
    // "Brianna Cole, RN": in a mixed-case note two capitalised words before a comma and a signature's credential are
    // a name, its surname a common word or not.
    const signedPair = s.mixed && strongCredential && w.gapBefore.includes(',') && bracketedPair(s, p1);
    // "Former CNA", "Prior RN": what a job was.
    if (personWord(wp1) && !wp1.single && !JOB_WHEN.has(wp1.key) && ((supported && !lexicon.ambiguousNames.has(wp1.key)) || givenLike(s, p1 - 1) || /-[ \t]*$/.test(wp1.gapBefore) || signedPair)) {
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

/** The words ending at `last` begin with the letters of `letters`: an abbreviation's definition ("Nasal Polyposis (NP)"). */
function spelledOut(s: NameScan, last: number, letters: string): boolean {
  if (letters.length > last + 1) return false;
  for (let k = 0; k < letters.length; k++) {
    if ((s.words[last - letters.length + 1 + k] as Word).key.charCodeAt(0) !== letters.charCodeAt(k)) return false;
  }
  return true;
}

/** Words `p - 1` and `p` are two capitalised words that read as a given name and a surname (see credentials). */
function bracketedPair(s: NameScan, p: number): boolean {
  const a = s.at(p - 1);
  const b = s.at(p) as Word;
  return a !== undefined && cleanGap(b.gapBefore) && surnameCandidate(a) && surnameCandidate(b) && !medicalWord(a) && !medicalWord(b)
    && !NOT_PEOPLE.has(a.key) && !NOT_PEOPLE.has(b.key);
}

function signatures(s: NameScan, i: number, w: Word, _next: Word | undefined, cues: number): void {
  // Signatures: "... KOWALCZYK RN" at the end of a line or note; the word before the credential is the name.
  if ((cues & CUE_SIGNATURE) !== 0 && i > 0 && /^[ \t]*,?[ \t]*$/.test(w.gapBefore) && /^[ \t.,]*(?:\n|$)/.test(s.text.slice(w.end, w.end + 8))) {
    const p = s.at(i - 1) as Word;
    if (nameLike(p) && !p.single && p.key.length >= 3 && !VERB_LIKE.test(p.key) && !lexicon.ambiguousNames.has(p.key) && !NOT_PEOPLE.has(p.key)) {
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
    // "paramedic J. X", "nurse A. X": a person's role before the initial too.
    const cueBefore = before !== undefined && (BEFORE_INITIAL.has(before.key) || TITLES.has(before.key) || PERSON_ROLES.has(before.key)
      || STAFF_ROLES.has(before.key)) && softGap(w.gapBefore);
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

function headers(s: NameScan, i: number, w: Word, next: Word | undefined, cues: number): void {
  // "RN: T. QUENBY": an initial and a surname after the header (not after the patient's: "Pt: A. Fib on monitor").
  if ((cues & CUE_HEADER) !== 0 && next !== undefined && /^[ \t]*:[ \t]*$/.test(next.gapBefore) && next.single && isInitial(s, i + 1)
    && w.key !== 'pt' && w.key !== 'patient' && headerName(s, s.at(i + 2))) {
    s.marked[i + 1] = 1;
    s.marked[i + 2] = 1;
    return;
  }
  if ((cues & CUE_HEADER) !== 0 && (w.key === 'patient' || w.key === 'pt') && next !== undefined && s.mixed) patientNamed(s, i, next);
  // Headers: "Patient: ASHCROFT, DESMOND", "Name: Della M. Farquhar", "Pt: Oonagh Petrakis".
  if ((cues & CUE_HEADER) !== 0 && next !== undefined && /^[ \t]*:[ \t]*$/.test(next.gapBefore) && headerName(s, next) && !sentenceAfterLabel(s, i + 1)) {
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
    if (after !== undefined && /^,[ \t]*$/.test(after.gapBefore) && headerName(s, after) && !FIELD_LABELS.has(after.key) && !CREDENTIALS.has(after.key)) s.marked[end] = 1;
  }
}

/**
 * Words after "Patient"/"Pt" that make a phrase, not a name: "Patient Safety Event", "Pt Portal Message", "Patient
 * Reported Outcome" (words shaped like verbs and nouns of action are refused by VERB_LIKE already).
 */
const PATIENT_PHRASE_WORDS = new Set(['safety', 'experience', 'care', 'portal', 'information', 'info', 'advocate', 'advocacy', 'relations',
  'services', 'service', 'satisfaction', 'transport', 'access', 'flow', 'identification', 'identifier', 'history', 'name', 'instructions',
  'rights', 'record', 'records', 'consent', 'belongings', 'liaison', 'navigator', 'status', 'summary', 'label', 'labels', 'id', 'number',
  'type', 'class', 'list', 'lists', 'location', 'room', 'bed', 'unit', 'ward', 'account', 'chart', 'data', 'details', 'profile', 'plan',
  'goals', 'goal', 'family', 'guide', 'handout', 'leaflet', 'letter', 'copy', 'self', 'own', 'alone', 'home', 'here', 'today', 'now', 'well',
  'stable', 'afebrile', 'alert', 'awake', 'asleep', 'comfortable', 'calm', 'pleasant', 'medicine', 'meds', 'medication', 'education',
  'fall', 'falls', 'risk', 'call', 'bell', 'water', 'jug', 'chair', 'sitter', 'monitor', 'alarm', 'lift', 'hoist', 'tray', 'diet', 'menu', 'food',
  'meal', 'band', 'wristband', 'valuables', 'property', 'phone', 'gown', 'glasses', 'dentures', 'hearing', 'transfer', 'request']);

/**
 * "Patient Tovalda Brenshaw died at home", "Pt is Orvel Dankquist, 38M", "Pt: Winter Quarrendon, 29F": in a
 * mixed-case note, two capitalised words shaped like a given name and a surname after "Patient"/"Pt" (with "is",
 * "was" or a colon), closed by an age and sex or by a patient's verb. The given name may be an ordinary word
 * ("Winter", "Faith"); the pair must close as a name does, so that "Patient Safety Event" and "Pt Portal" stay.
 */
function patientNamed(s: NameScan, i: number, next: Word): void {
  let k = i + 1;
  if ((next.key === 'is' || next.key === 'was') && cleanGap(next.gapBefore)) k++;
  else if (!/^[ \t]*:?[ \t]*$/.test(next.gapBefore)) return;
  const a = s.at(k);
  const b = s.at(k + 1);
  // Two capitalised words first: after most "patient"s comes none.
  if (a === undefined || b === undefined || !a.capitalized || !b.capitalized || !cleanGap(b.gapBefore) || (k > i + 1 && !cleanGap(a.gapBefore))) return;
  // A double-barrelled surname's second part goes with it: "Patient Kwaku Osei-Tutu, 91 F".
  const barrelled = secondBarrel(s, k + 2);
  const last = barrelled ? s.at(k + 2) as Word : b;
  const rest = s.text.slice(last.keyEnd, last.keyEnd + 24);
  const after = s.at(barrelled ? k + 3 : k + 2);
  // ", 29F", " (29F)", " 29F", ", aged 81", ", a 45-year-old".
  const aged = /^(?:,[ \t]*|[ \t]*\([ \t]*|[ \t]+)(?:a[ \t]+|an[ \t]+)?\d{1,3}[ \t-]?(?:[MFmf]\b|y\/?o\b|yo\b|yrs?\b|years?\b|-year)|^,?[ \t]*aged[ \t]+\d{1,3}\b/.test(rest);
  const verb = after !== undefined && cleanGap(after.gapBefore) && (PATIENT_VERBS.has(after.key) || PERSON_VERBS.has(after.key) || PASSING_VERBS.has(after.key));
  if (!aged && !verb) return;
  // "is", "was", "has" follow any noun ("Patient Fall Risk is high"): after them a listed name or a surname's ending
  // must vouch for the pair.
  if (!aged && WEAK_PATIENT_VERBS.has((after as Word).key) && !isKnownName(a.key) && !isKnownName(b.key) && !surnameByEnding(b.key)) return;
  // Before an age and sex a surname may end as a verb or noun does ("Dankquist, 38M"); before a verb alone it may not
  // ("Patient Transfer Request was ...").
  const nameWord = (c: Word): boolean => c.capitalized && !c.single && nameLike(c) && c.key.length >= 3 && !medicalWord(c) && !PATIENT_PHRASE_WORDS.has(c.key)
    && !FIELD_LABELS.has(c.key) && !NOT_PEOPLE.has(c.key) && !SERVICE_TAIL.has(c.key)
    && (isKnownName(c.key) || !(aged ? /(?:ed|ing|ly|tion|sion|ment|ness)$/ : VERB_LIKE).test(c.key));
  if (!nameWord(a) || !nameWord(b)) return;
  s.marked[k] = 1;
  s.marked[k + 1] = 1;
  if (barrelled) s.marked[k + 2] = 1;
}

/** Verbs that follow things as often as people. */
const WEAK_PATIENT_VERBS = new Set(['is', 'was', 'has', 'had', 'remains', 'remained', 'continues', 'continued', 'appears', 'appeared', 'improved', 'worsened']);

/** Verbs of a patient's arrival or death after the name: "Patient X Y died", "Pt X Y presented". */
const PASSING_VERBS = new Set(['died', 'passed', 'expired', 'presented', 'presents', 'attended', 'attends', 'underwent', 'presenting']);

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
    if (cue && written && nameLike(next) && !(w.key === 'dear' && GENERIC_ADDRESSEES.has(next.key))) takeForward(s, i + 1, () => true, true);
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
  // "Family (Quenbaro) updated": a family named in brackets. After a credential a bracket of one or two words names
  // the person ("RN (Quenby) aware"), a longer one where one works ("X Y, MD (Brookvale Breast Center, Orvelton)").
  const family = w.key === 'family' && next !== undefined && /^[ \t]*\($/.test(next.gapBefore);
  if (CREDENTIALS.has(w.key) && next !== undefined && next.gapBefore.includes('(') && !/^[\p{L}'’-]+(?:[ \t][\p{L}'’-]+)?\)/u.test(s.text.slice(next.start, next.start + 40))) return;
  const staff = s.mixed && STAFF_ROLES.has(w.key);
  if ((ROLES.has(w.key) || RELATIONS.has(w.key) || family || staff || (w.key === 'person' && s.at(i - 1)?.key === 'contact')) && next !== undefined && /^[ \t]*[,(:"'&-]*[ \t]*["']?$/.test(next.gapBefore)) {
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
      // "sees the counselor Tuesday": a day or a month after the role says when.
      if (LOOSE_RELATIONS.has(w.key) || ROLE_TITLES.has(c.key) || WEEKDAY_KEY_SET.has(c.key) || MONTH_KEY_SET.has(c.key)) return false;
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
      // "Carer Allowance", "Mum Happy": a service, a benefit or a word of mood after the relation, not a name.
      return s.mixed && c.capitalized && inSentence(s, k) && !NOT_PEOPLE.has(c.key) && !RELATION_FOLLOWERS.has(c.key);
    };
    const cued = (k: number): boolean => {
      const c = s.at(k);
      const a = s.at(k + 1);
      return w.key !== 'pa' && w.key !== 'per' && c !== undefined && surnameLike(s, c) && !RELATION_FOLLOWERS.has(c.key) && a !== undefined && /^[ \t]*[,.]?[ \t]*$/.test(a.gapBefore) && AFTER_NAME.has(a.key)
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

/** Nouns that make a role's title with the role before them ("Nurse Practitioner", "Resident Physician"): no names. */
const ROLE_TITLES = new Set(['practitioner', 'practitioners', 'manager', 'educator', 'specialist', 'aide', 'assistant', 'anesthetist',
  'supervisor', 'coordinator', 'navigator', 'liaison', 'technician', 'physician', 'director', 'leader', 'consultant']);

function listNames(s: NameScan, i: number, w: Word, next: Word | undefined): void {
  // 5. List names that are not ordinary words, and the surname after a given name.
  // Not a measurement's abbreviation before its value: "AVA 1.1 cm2" (an aortic valve's area).
  // The further given names alone only in title case in a mixed-case note ("Kayla", not "IVA" nor "la cara").
  const listed = isUnambiguousName(w.key) || (s.mixed && w.capitalized && lexicon.titleCaseNames.has(w.key));
  if (listed && !w.single && !eponymUse(s, i) && !MEASUREMENT_AFTER.test(s.text.slice(w.end, w.end + 16))) {
    s.marked[i] = 1;
    // The word after a given name is its surname when listed, capitalised in a mixed-case note, or — in a
    // single-case note — when it does not read as a verb ("greta staying", "ned consented"). A surname that is also
    // a word ("Bob White", "Anna Rose") only capitalised in a mixed-case note.
    // Not the next field's label: "PATIENT: SMITH, JOHN  DOB: ...", "JOHN  HISTORY: ...".
    // Nor a facility's word after a name it is named for ("Orvel Eye Institute", "Ilsa Diagnostic Laboratory").
    if (lexicon.firstNames.has(w.key) && next !== undefined && cleanGap(next.gapBefore) && !next.single && !FIELD_LABELS.has(next.key)
      && !facilityAhead(s, i + 1)
      && (s.mixed && next.capitalized && lexicon.surnames.has(next.key)
        || nameLike(next) && !lexicon.ambiguousNames.has(next.key)
          && (isKnownName(next.key) || (s.mixed ? next.capitalized
            : !VERB_LIKE.test(next.key) && !IRREGULAR_PAST.has(next.key) && !PERSON_VERBS.has(next.key) && !PATIENT_VERBS.has(next.key)
              && next.key.length >= 3 && !/^[ \t]*:/.test(s.text.slice(next.end, next.end + 3)))))) {
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

/** Words that say when a job was held, before its credential ("Former CNA at a nursing home"). */
const JOB_WHEN = new Set(['former', 'previous', 'prior', 'retired', 'current', 'future']);

/** A value and its unit after a word: "1.1 cm2", "= 45 mmHg", ": 30%". */
const MEASUREMENT_AFTER = /^[ \t]*(?:[:=<>][ \t]*)?\d+(?:\.\d+)?[ \t]*(?:cm2?|mm2?|ml|mg|mcg|kg|g|%|mmhg|meq|units?)(?![a-z])/i;

/**
 * Word `k` is a facility's head, or the word before one ("Orvel Eye Institute", "Ilsa Diagnostic Laboratory"): not a
 * surname after a given name. A filler alone is none ("Margaret Quenby family at bedside", "X CARE TEAM").
 */
function facilityAhead(s: NameScan, k: number): boolean {
  const head = (w: Word | undefined): boolean => w !== undefined && (GENERIC_HEADS.has(w.key) || ORGANISATION_HEADS.has(w.key));
  const after = s.at(k + 1);
  return head(s.at(k)) || (after !== undefined && cleanGap(after.gapBefore) && head(after));
}

/** The trigger bits findNames tests, for a caller that has none (triggers.ts sets them for findPhi). */
function fallbackBits(s: NameScan, i: number): number {
  const w = s.words[i] as Word;
  return (w.single ? TRIGGER_SINGLE : 0) | (NAME_TRIGGERS.has(w.key) ? TRIGGER_NAME : 0) | (PERSON_CUES.has(w.key) ? TRIGGER_PERSON_CUE : 0)
    | (w.capitalized && hasNonAscii(w.key) ? TRIGGER_ACCENTED : 0);
}
