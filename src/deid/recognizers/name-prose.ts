import { isKnownName, lexicon } from '../lexicon/index.js';
import { surnameByEnding } from '../lexicon/surname-shapes.js';
import { TRIGGER_ACCENTED, TRIGGER_PERSON_CUE, TRIGGER_SINGLE } from '../trigger-bits.js';
import { cleanGap, type Word } from '../words.js';
import {
  ACCENTED_TERMS, EPONYM_NOUNS, GENERIC_ADDRESSEES, HEADER_FIELDS, LETTER_HEADS, MAKING_VERBS, NOT_PEOPLE, PERSON_CUES, RELATIONS, SERVICE_TAIL, TITLES, VERB_LIKE,
} from './name-cues.js';
import { eponymUse, inSentence, medicalWord, nameLike, NameScan, secondBarrel, surnameCandidate } from './name-scan.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { DEPARTMENT_ENDING } from './place-cues.js';

/**
 * Name rules for the prose of mixed-case notes (letters, messages, social histories), where capitals carry meaning:
 * names with a middle initial or written with accents, a person after "said" or "written by", lists of names, the
 * speakers of a dialogue, surnames known by their ending.
 */

/**
 * "Ottilie R Vasbenderová", "Torvald K. Øyangen": in a mixed-case note, a capitalised word, a capital initial, a
 * capitalised word — the shape of a full name whether or not its words are listed. Not after the heads that
 * letters follow in medicine ("Hepatitis B Surface", "Factor V Leiden", "Vitamin D Level").
 */
export function middleInitial(s: NameScan, i: number, bits: number): void {
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

/**
 * "Orvel Brastowski", "Quenbayev and Tamarishvili were": in a mixed-case note, a capitalised word whose ending marks a
 * surname (lexicon/surname-shapes.ts), unless it is an eponym before a medical noun ("Nikolsky sign") or a place;
 * and the capitalised word right before it, its given name.
 */
export function surnamesByEnding(s: NameScan): void {
  if (!s.mixed) return;
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!w.capitalized || w.key.length < 6 || s.marked[i] !== 0 || !surnameByEnding(w.key) || !nameLike(w)) continue;
    if (lexicon.cities.has(w.key) || lexicon.states.has(w.key) || lexicon.countries.has(w.key) || eponymUse(s, i)) continue;
    // "Cukurova University", "Polski Merkuriusz", "Genova Diagnostics": the first word of an institution's, a
    // journal's or a place's name, before a capitalised word that is no listed name.
    const next = s.at(i + 1);
    if (next !== undefined && cleanGap(next.gapBefore) && (lexicon.facilityHeads.has(next.key) || (next.capitalized && !isKnownName(next.key)))) continue;
    s.marked[i] = 1;
    // The word before is its given name when listed, or a capitalised name-like word inside a sentence ("Seen with
    // Orvel Brastowski"); not an adjective opening the sentence ("Positive Bielschowsky"), nor the second half of a
    // lower-case compound ("an ex-Marine Velmainen").
    const p = s.at(i - 1);
    if (p === undefined || !p.capitalized || p.single || !nameLike(p) || !cleanGap(w.gapBefore) || TITLES.has(p.key) || LETTER_HEADS.has(p.key)
      || medicalWord(p) || (p.gapBefore === '-' && s.at(i - 2)?.capitalized === false)) continue;
    if (lexicon.firstNames.has(p.key) || (inSentence(s, i - 1) && !VERB_LIKE.test(p.key))) s.marked[i - 1] = 1;
  }
}

/**
 * "Dénes Kovalcsik", "Aurèle Montbrisson": in a mixed-case note, two capitalised words side by side of which one is
 * written with letters beyond ASCII. English medical prose has few such words: eponyms and loan words (listed in
 * ACCENTED_TERMS: "Sjögren", "Ménière", "café") and an eponym before a medical noun ("Behçet Ulcers"); the other
 * pairs are names from languages not on the lists.
 */
export function accentedPair(s: NameScan, i: number, bits: number): void {
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
const CLAUSE_GOES_ON = new Set(['to', 'from', 'and', 'or', 'in', 'at', 'with', 'about', 'for', 'of', 'on', 'that', 'who', 'whom', 'because', 'when', 'but', 'out',
  'today', 'yesterday', 'again', 'recently', 'will']);

export function afterPersonCue(s: NameScan, i: number, bits: number): void {
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
  // "I saw Quenna today", "Thank you for seeing Orlanth": a letter's patient, after "I/we saw" or "for seeing" only, and
  // no department ("we saw Cardiology", "for seeing Dermatology").
  // "Dear Colleague", "copy to referring Provider", "We saw Physio": a role or a job, not a name.
  if (GENERIC_ADDRESSEES.has(a.key) || PERSON_CUES.has(a.key) || RELATIONS.has(a.key)) return; // "I saw Mum and Dad"
  if ((cue.key === 'saw' || cue.key === 'seeing') && (!/^(?:i|we|for)$/.test(s.at(i - 1)?.key ?? '') || DEPARTMENT_ENDING.test(a.key))) return;
  // "called" names a person only as "was called X Y" with a listed name in it, or after a relation ("my grandfather was
  // called X Y"): "called Pharmacy", "called Dr. X" are calls, "was called Atrial Flutter" a finding.
  if (cue.key === 'called' && !(pair && /^(?:was|is|were)$/.test(s.at(i - 1)?.key ?? '')
    && (isKnownName(a.key) || isKnownName((b as Word).key) || RELATIONS.has(s.at(i - 2)?.key ?? ''))
    && !medicalWord(a) && !medicalWord(b as Word))) return;
  // A service, a team, an alert or a finding is no person: "Contact Poison Control", "Met Sepsis Alert", "Contact
  // Dermatitis".
  if (NOT_PEOPLE.has(a.key) || medicalWord(a) || (pair && (NOT_PEOPLE.has((b as Word).key) || medicalWord(b as Word)))) return;
  // "the counsellor Monday", "her therapist March": a day or a month says when, not who.
  if (WEEKDAY_KEY_SET.has(a.key) || MONTH_KEY_SET.has(a.key)) return;
  const after = s.at(pair ? k + 2 : k + 1);
  // One word must close its clause or go on with a small word ("said Quillane.", "my kid Tovald from"): "said
  // Eliquis causes bruising" names a drug.
  const closed = after === undefined || !cleanGap(after.gapBefore)
    || (pair ? !after.capitalized && !SERVICE_TAIL.has(after.key) && !EPONYM_NOUNS.has(after.key) : CLAUSE_GOES_ON.has(after.key));
  if (!closed) return;
  s.marked[k] = 1;
  if (pair) s.marked[k + 1] = 1;
  // A double-barrelled surname's second part: "worker Malik Osei-Bonsu".
  const next = pair ? k + 2 : k + 1;
  if (secondBarrel(s, next)) s.marked[next] = 1;
}

/**
 * "Their children: Brisco, Mary, Yolanthe and Peter": in a mixed-case note, a list of single capitalised words of which
 * two or more were found as names is a list of names; each other item must still read as a surname (a lower-case
 * item there is a drug or a role as often: "Mary, John, oxycodone and senna"). In single-case notes, when most of the
 * list was found, each other item a word that could be a name (listNameShape).
 */
export function nameLists(s: NameScan): void {
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
      else if (s.mixed ? !surnameCandidate(w) : !listNameShape(w)) names = false;
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
    && !medicalWord(w) && !NOT_PEOPLE.has(w.key) && !SERVICE_TAIL.has(w.key) && !RELATIONS.has(w.key) && !/\d/.test(w.key);
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

/**
 * 'Teodric: "Who is there?"': in a mixed-case text, a capitalised word opening a line, then a colon and a quote, is the
 * speaker of a dialogue (a heading takes no quote after its colon: "Plan: ...").
 */
export function dialogueSpeakers(s: NameScan): void {
  if (!s.mixed || !quoteAfterColon(s.text)) return;
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!w.capitalized || w.single || s.marked[i] === 1 || (i > 0 && !/(?:^|\n)[ \t>]*$/.test(w.gapBefore))) continue;
    if (!/^[ \t]*:[ \t]*["“']/.test(s.text.slice(w.end, w.end + 6)) || !surnameCandidate(w) || HEADER_FIELDS.has(w.key)) continue;
    s.marked[i] = 1;
  }
}

/**
 * /:[ \t]*["“]/.test(text), a colon then a quote: some line of the text may open with a speaker's name. Most notes
 * hold no double quote, which two indexOf calls tell faster than the regex's scan for colons (15 ms a pass over the
 * MTSamples notes, 4% of de-identifying them).
 */
export function quoteAfterColon(text: string): boolean {
  if (text.indexOf('"') < 0 && text.indexOf('\u201c') < 0) return false;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let k = colon + 1;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    // Not read past the end: that first read would throw the optimized code away.
    const c = k < text.length ? text.charCodeAt(k) : -1;
    if (c === 34 || c === 0x201c) return true;
  }
  return false;
}
