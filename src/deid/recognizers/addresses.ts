import { lexicon } from '../lexicon/index.js';
import { STREET_PREFIXES, STREET_SUFFIXES, STREET_TYPES_COMMON, STREET_TYPES_DISTINCT } from '../lexicon/places.js';
import { emptySpans, type PhiSpan } from '../types.js';
import { firstWordFrom, type Word } from '../words.js';
import { blockAfter, lineTail, noTail, PARTICLES, restIsBlank, streetWithRest } from './address-blocks.js';
import { codeAt } from './chars.js';
import type { DigitRuns } from './shapes.js';

/**
 * Street addresses by their structure, in any language, and the address block they open:
 *
 *   41 Birkholmvej 8     a street line: house number(s), a street name, a number after it ("Birkholmvej 8"),
 *   Suite 4              or a street type after it ("12 Orchard Lane"); then unit lines (Apt., Suite, Unit),
 *   Havrevik             a town line (tagged), a region code line (", KX": not tagged), and a country line
 *   Ruritania 6000       (not PHI: only its postal code is tagged), or a postal code alone.
 *
 * A street name is taken without a block when it carries a street word ("-vej", "-strasse", "Via ...", "Rue ...");
 * a plain "Name 12" line only when a block follows it that no medication or vital-sign line has: a unit line, or a
 * town line with a postal code or a region or country line after it ("Lasix 40" followed by "Metoprolol 25" is no
 * address). Lines may be quoted ("> ") as in forwarded e-mail.
 */

/** The street suffixes by their last letter: a word is tested only against those that end like it. */
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of STREET_SUFFIXES) SUFFIXES_BY_LAST.set(s.slice(-1), [...(SUFFIXES_BY_LAST.get(s.slice(-1)) ?? []), s]);

/** English words that end like a street ("-gate", "-tie", "-gade", "-kade"): "Irrigate 2 times" is an order. */
const NOT_STREETS = new Set(['aggregate', 'investigate', 'navigate', 'delegate', 'irrigate', 'propagate', 'obligate', 'interrogate',
  'surrogate', 'subrogate', 'castigate', 'mitigate', 'litigate', 'instigate', 'variegate', 'tailgate', 'floodgate', 'congregate',
  'segregate', 'abrogate', 'arrogate', 'promulgate', 'fumigate', 'corrugate', 'brigade', 'renegade', 'blockade', 'necktie', 'bowtie',
  'hogtie', 'colgate', 'watergate', 'legate', 'negate', 'gate', 'tie']);

function hasStreetSuffix(key: string): boolean {
  if (NOT_STREETS.has(key)) return false;
  const candidates = SUFFIXES_BY_LAST.get(key.slice(-1));
  return candidates !== undefined && candidates.some((s) => key.length > s.length + 2 && key.endsWith(s));
}
const PREFIXES = new Set(STREET_PREFIXES);
/** Street words written as a word of their own after the name, or abbreviated: "Solvangs gate", "Lindauer Str.", "Petőfi u.". */
const STREET_WORDS = new Set([...STREET_SUFFIXES, ...STREET_PREFIXES, 'u', 'út', 'ut', 'ul', 'al', 'terrasse', 'terrace', 'ulica']);
const TYPES_DISTINCT = new Set(STREET_TYPES_DISTINCT);
const TYPES_COMMON = new Set(STREET_TYPES_COMMON);
const FLAG_STREET_WORD = 1;
const FLAG_PREFIX = 2;
const FLAG_UNIT = 4;
const FLAG_TYPE = 8;
/** What a word can be in an address, one bit each: one look-up per word beside a number. */
const WORD_FLAGS = new Map<string, number>();
function flag(keys: Iterable<string>, bit: number): void {
  for (const key of keys) WORD_FLAGS.set(key, (WORD_FLAGS.get(key) ?? 0) | bit);
}
/** A house number after a street name ("Birkholmvej 8", "Petőfi u. 12"), not a dose, a time or a value with a unit. */
const NUMBER_AFTER = /\.?[ \t]+(\d{1,5}[A-Za-z]?)(?![\d\/:%,.]*\d|[\w\/%'+-])(?![ \t]*(?:mg|mcg|g|kg|ml|cc|l|units?|mm|cm|mmhg|%|x|times|hours?|hrs?|min|mins|minutes|days?|weeks?|years?|yrs?|am|pm|bpm|mph|cans?|bottles?|packs?|cups?|glasses|drinks?|servings?|meals?|tabs?|tablets?|pills?|puffs?|sprays?|drops?|doses?|times?)\b)/iy;
/**
 * House numbers before a street name: the gap before its first word ends with them ("to 1987 74 ", "\n> 583 "), a
 * unit's number and a slash first in the Australian style ("4/27 ").
 */
const NUMBERS_BEFORE = /(?:^|[ \t\n>:(])((?:(?:\d{1,4}\/)?\d{1,6}[A-Za-z]?[ \t]+){1,2})$/;
const TITLE = /^\p{Lu}[\p{Ll}'’]/u;
const UPPER_START = /^\p{Lu}/u;
/** Street words that are abbreviations: taken only with their period ("ul. Sosnowa", "Petőfi u. 12"). */
const ABBREVIATED = new Set(['u', 'ul', 'al', 'str', 'ut']);

function nameWord(text: string, w: Word): boolean {
  // A letter glued to a number is a unit or a code ("1300U 68"), not a name.
  if (/\d$/.test(w.gapBefore)) return false;
  // Units are not part of a street's name ("Rue des Lilas Apt. 4": "Apt" is capitalised).
  if (UNIT_OR_BOX.has(w.key)) return false;
  const surface = text.slice(w.start, w.end);
  // Word.capitalized is for ASCII; a name such as "Þórsgata" is title case too.
  if (w.capitalized || (surface.charCodeAt(0) >= 192 && TITLE.test(surface))) return !ABBREVIATED.has(w.key) || codeAt(text, w.end) === 46;
  // "Avenue d'Ormesson", "Rue l'Abbaye": an elided particle before a capital.
  if (/^[dl]['’]\p{Lu}/u.test(surface)) return true;
  if (STREET_WORDS.has(w.key)) {
    // "RUE 2+", "UL": upper-case abbreviations in notes (right upper extremity, upper lobe) are not street words.
    if (/^\p{Lu}+$/u.test(surface) && surface.length <= 3) return false;
    return !ABBREVIATED.has(w.key) || codeAt(text, w.end) === 46;
  }
  return PARTICLES.has(w.key) && !/^\p{Lu}/u.test(surface);
}

/** The gap between two words of one street name: spaces, a hyphen, or the period of an abbreviation ("ul. ", "C. "). */
function nameGap(gap: string): boolean {
  return /^(?:[ \t]+|-|\.[ \t]+)$/.test(gap);
}

/** The words of a street name that end at word `last` (at most 4): [first index, whether a street word is among them]. */
function nameRun(words: readonly Word[], text: string, last: number): [number, boolean] {
  let first = last;
  let street = false;
  for (let j = last; j >= 0 && j > last - 4; j--) {
    const w = words[j] as Word;
    if (!nameWord(text, w)) break;
    if (lexicon.stop.has(w.key) && !PARTICLES.has(w.key) && !STREET_WORDS.has(w.key)) break;
    first = j;
    // A street word alone ("Gate 4", "Tie 2 sutures") needs a name beside it ("Solvangs gate 4").
    if ((STREET_WORDS.has(w.key) && j !== last) || hasStreetSuffix(w.key)) street = true;
    else if (STREET_WORDS.has(w.key) && j === last && last > 0 && nameWord(text, words[last - 1] as Word) && nameGap(w.gapBefore)) street = true;
    // (A name gap holds no line break: a street name does not go on from the line before.)
    if (j === 0 || !nameGap(w.gapBefore)) break;
  }
  // A particle does not open a name ("de Lattre" is part of "avenue de Lattre", not a name of its own).
  while (first < last && PARTICLES.has((words[first] as Word).key)) first++;
  return [first, street];
}

/**
 * Finds street addresses and their blocks (see above). `words` are the note's words; `runs` its digit runs
 * (scanShapes): every rule has a number next to a word, so only the runs are visited, not every word (a pass over
 * every word's gap cost a sixth of de-identification's time).
 */
export function findAddresses(words: readonly Word[], text: string, runs: DigitRuns): PhiSpan[] {
  const spans: PhiSpan[] = emptySpans();
  let doneUntil = 0;
  let k = 0; // the first word that starts after the current run
  for (let r = 0; r < runs.count; r++) {
    const s = runs.starts[r] as number;
    const end = s + (runs.lengths[r] as number);
    if (s < doneUntil) continue;
    // Every rule needs a word right beside the run, one space away ("Lindevej 8", "8 Rue", "Apt. 8"): most runs
    // ("120/80", "BP: 120", "10:30") are refused here by character, before any word is looked up.
    // codeAt, not charCodeAt: a read past either end of the note deoptimized this loop.
    const before = codeAt(text, s - 1);
    const after = codeAt(text, end);
    const b2 = codeAt(text, s - 2);
    const letterBefore = (before === 32 || before === 9) && (isLetterCode(b2) || (b2 === 46 && isLetterCode(codeAt(text, s - 3))));
    const letterAfter = (after === 32 || after === 9) && isLetterCode(codeAt(text, end + 1));
    if (!letterBefore && !letterAfter) continue;
    k = firstWordFrom(words, s, k);
    let found: PhiSpan[] | null = null;
    const prev = letterBefore && k > 0 ? words[k - 1] as Word : undefined;
    if (prev !== undefined && (prev.end === s - 1 || prev.end === s - 2)) {
      const flags = WORD_FLAGS.get(prev.key) ?? 0;
      // "Birkholmvej 8", "Petőfi u. 12": the word before the run is followed by it.
      const p0 = text.charCodeAt(prev.start);
      // "Apt. 9, Havrevik, Latvia 40211", "P.O. Box 12 Ostervik KX": a unit or a box, then a town with evidence
      // (first: a unit is no street's name, and the unit rule takes the street before it).
      if ((flags & FLAG_UNIT) !== 0) found = tryRule(RULE_UNIT_THEN_TOWN, words, text, k - 1, s, end);
      if (found === null && ((p0 >= 65 && p0 <= 90) || p0 >= 192 || (flags & FLAG_STREET_WORD) !== 0)) found = tryRule(RULE_NAME_THEN_NUMBER, words, text, k - 1, s, end);
      // "Havre Falls, MT 59501": a town, a state's code and a ZIP code.
      if (found === null && end - s === 5 && prev.end === s - 1 && prev.key.length === 2) found = tryRule(RULE_TOWN_STATE_ZIP, words, text, k - 1, s, end);
    }
    // "14 Rue des Acacias", "12 Orchard Lane": a house number, then a street word, or a name and a street type.
    const next = letterAfter ? words[k] : undefined;
    if (found === null && next !== undefined && next.start === end + 1) {
      if (((WORD_FLAGS.get(next.key) ?? 0) & FLAG_PREFIX) !== 0) found = tryRule(RULE_NUMBER_THEN_PREFIX, words, text, k, s, end);
      // A street name after a number is capitalised ("120 mg" is not).
      const n0 = text.charCodeAt(next.start);
      if ((n0 >= 65 && n0 <= 90) || n0 >= 192) {
        // The last type word first: "1187 Oak Ridge Rd" ends at "Rd", not at "Ridge".
        let last = k;
        while (last + 1 < words.length && last + 1 <= k + 3 && /^[ \t]+$/.test((words[last + 1] as Word).gapBefore)) last++;
        for (let j = last; found === null && j > k; j--) {
          if (((WORD_FLAGS.get((words[j] as Word).key) ?? 0) & FLAG_TYPE) !== 0) found = tryRule(RULE_NUMBER_THEN_TYPE, words, text, j, s, end);
        }
      }
    }
    if (found === null) continue;
    for (const f of found) {
      spans.push(f);
      if (f.end > doneUntil) doneUntil = f.end;
    }
  }
  return spans;
}

/** The address rules with one signature: `i` is the word the rule starts from, [s, end) the digit run. */
type AddressRule = (words: readonly Word[], text: string, i: number, s: number, end: number) => PhiSpan[] | null;
const RULE_NAME_THEN_NUMBER = 0;
const RULE_UNIT_THEN_TOWN = 1;
const RULE_TOWN_STATE_ZIP = 2;
const RULE_NUMBER_THEN_PREFIX = 3;
const RULE_NUMBER_THEN_TYPE = 4;
const ADDRESS_RULES: readonly AddressRule[] = [
  (words, text, i) => nameThenNumber(words, text, i),
  (words, text, i, _s, end) => unitThenTown(words, text, i, end),
  (words, text, i, _s, end) => townStateZip(words, text, i, end),
  (words, text, i) => numberThenPrefix(words, text, i),
  (words, text, i) => numberThenType(words, text, i),
];

/**
 * Runs address rule `rule` from one call site that sees all five, so none is inlined into findAddresses: each first
 * fires long after findAddresses is optimized (addresses are rare), and inlined, each first firing threw its code
 * away (5 deoptimizations and recompiles of the whole loop a run).
 */
function tryRule(rule: number, words: readonly Word[], text: string, i: number, s: number, end: number): PhiSpan[] | null {
  return (ADDRESS_RULES[rule] as AddressRule)(words, text, i, s, end);
}

/** An ASCII letter, or any character past Latin-1's symbols (letters of other scripts; a cheap over-approximation). */
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192;
}


/**
 * A US town line: capitalised words, a comma, a state's code in capitals and a ZIP code ("Havre Falls, MT 59501",
 * "ELLERY HOLLOW, VT 05401-1234"): one span, the state with them. The state code must be a state's
 * and the ZIP no dose ("Heparin, PA 10000 units" would need a unit after it: refused).
 */
function townStateZip(words: readonly Word[], text: string, state: number, end: number): PhiSpan[] | null {
  const st = words[state] as Word;
  if (!lexicon.states.has(st.key) || !/^[A-Z]{2}$/.test(text.slice(st.start, st.end)) || !/^[ \t]*,[ \t]*$/.test(st.gapBefore) || state === 0) return null;
  let zipEnd = end;
  if (/^-\d{4}(?!\d)/.test(text.slice(end, end + 6))) zipEnd = end + 5;
  if (/^[\w\/.%-]|^[ \t]*(?:units?|u|iu|mg|mcg|ug|g|ml|cc|l|meq|mmol|cells|copies|x)\b/i.test(text.slice(zipEnd, zipEnd + 8).replace(/^\.(?!\w)/, ''))) return null;
  let first = state;
  for (let j = state - 1; j >= 0 && j >= state - 4; j--) {
    const c = words[j] as Word;
    const surface = text.slice(c.start, c.end);
    if (!(c.capitalized || /^\p{Lu}{2,}$/u.test(surface) || /^\p{Lu}\p{Ll}/u.test(surface)) || lexicon.stop.has(c.key)) break;
    first = j;
    if (!/^[ \t]+$|^-$/.test(c.gapBefore)) break;
  }
  if (first === state) return null;
  const a = words[first] as Word;
  return [{ start: a.start, end: zipEnd, category: 'LOCATION' }];
}

const ABBREVIATED_TYPES = new Set(['st', 'rd', 'ave', 'av', 'blvd', 'ln', 'dr', 'ct', 'pl', 'ter', 'cir', 'pkwy', 'hwy', 'rte', 'sq', 'str']);

const UNIT_OR_BOX = new Set(['apt', 'apartment', 'suite', 'ste', 'flat', 'box']);

/** A unit or a box number ending at `numberEnd`, then a town and a region, country or postal code on its line. */
function unitThenTown(words: readonly Word[], text: string, i: number, numberEnd: number): PhiSpan[] | null {
  const unit = words[i] as Word;
  if (!UPPER_START.test(text.slice(unit.start, unit.start + 1))) return null;
  const tail = lineTail(text, numberEnd);
  if (!tail.evidence) return null;
  // The box's "P.O." belongs to the span (the box rule of patterns.ts would otherwise keep a piece of its own).
  const po = unit.key === 'box' ? /p\.?[ \t]?o\.?[ \t]*$/i.exec(text.slice(Math.max(0, unit.start - 8), unit.start)) : null;
  const start = po === null ? streetBeforeUnit(words, text, i) ?? unit.start : unit.start - po[0].length;
  return streetWithRest(text, start, numberEnd, tail);
}

/** Between the words of a street's name: spaces, with a number or not ("Avenue d'Orlane 12 Apt"). */
const STREET_NAME_GAP = /^[ \t]+(?:\d{1,5}[A-Za-z]?[ \t]+)?$/;
/** Rooms and services of a hospital before a unit: "OR 12 Endoscopy Suite 3", "2 Hybrid Suite 1", "3 Pathology Box 4". */
const CARE_ROOM = new RegExp(String.raw`(?:ology|scopy|graphy|sis|therapy|^(?:hybrid|cath|lab|clinic|exam|rehab|care|unit|ward|room|bay|pod|floor`
  + String.raw`|tower|wing|center|centre|infusion|procedure|recovery|imaging|surgery|surgical|operating|treatment|rack|shelf|freezer|tray|bin))$`);
/** A capital, or an elided particle before one ("d'Orlane", "l'Église"). */
const ELIDED_OR_UPPER = /^(?:\p{Lu}|[dl]['’]\p{Lu})/u;

/**
 * "2210 Orrinwood Suite 4, Havrevik, Malta 3021", "31 Avenue d'Orlane 12 Apt. 7, ...": before a unit with a
 * town and evidence after it (an address already), a name of up to four words on its line with a house number
 * before it is the street, whatever its type. Returns where the street starts, or null.
 */
function streetBeforeUnit(words: readonly Word[], text: string, unit: number): number | null {
  for (let j = unit - 1; j >= 0 && j >= unit - 4; j--) {
    const c = words[j] as Word;
    if (!STREET_NAME_GAP.test((words[j + 1] as Word).gapBefore)) return null;
    const particle = PARTICLES.has(c.key);
    const common = (lexicon.stop.has(c.key) && !STREET_WORDS.has(c.key) && !lexicon.streetTypes.has(c.key)) || CARE_ROOM.test(c.key);
    if (!particle && (!ELIDED_OR_UPPER.test(text.slice(c.start, c.start + 3)) || common)) return null;
    const { start, numbered } = withHouseNumbers(text, c);
    if (numbered) return particle ? null : start;
  }
  return null;
}

const RESIDE_VERBS = new Set(['lives', 'live', 'living', 'resides', 'reside', 'residing', 'located', 'situated']);

/** "lives on Harbakken 31", "is located at Pelmark 5": a verb of residing and "on"/"at" before the name at `first`. */
function livesOn(words: readonly Word[], first: number): boolean {
  const prep = words[first - 1] as Word;
  const verb = words[first - 2] as Word;
  return (prep.key === 'on' || prep.key === 'at') && prep.gapBefore === ' ' && (words[first] as Word).gapBefore === ' ' && RESIDE_VERBS.has(verb.key);
}

/** The gap ends with a digit and a space, or holds a line break (or opens the note): see nameThenNumber. */
function numberOrLineBefore(gap: string, firstWord: boolean): boolean {
  const n = gap.length;
  if (n >= 2) {
    const last = gap.charCodeAt(n - 1);
    const digit = gap.charCodeAt(n - 2);
    if ((last === 32 || last === 9) && digit >= 48 && digit <= 57) return true;
  }
  return firstWord || gap.includes('\n');
}

/**
 * The start of a street whose name opens at word `w`: its house numbers before it, when there are any, and a
 * "P.O. Box" before those ("P.O. Box 407 Orvel Islands").
 */
function withHouseNumbers(text: string, w: Word): { start: number; numbered: boolean } {
  const m = NUMBERS_BEFORE.exec(w.gapBefore);
  if (m === null) return { start: w.start, numbered: false };
  let numbers = m[1] as string;
  // "Apt. 9 410 Birkholmvej 8": the first number is the apartment's, not the house's.
  if (/[.#][ \t]*\d+[A-Za-z]?[ \t]+\d+[A-Za-z]?[ \t]+$/.test(w.gapBefore)) numbers = numbers.replace(/^\d+[A-Za-z]?[ \t]+/, '');
  const start = w.start - numbers.length;
  const box = BOX_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  return { start: box === null ? start : start - box[0].length, numbered: true };
}

/** The length of a capital initial and its period right before `start` ("C. "), else 0. */
function initialBefore(text: string, start: number): number {
  const m = /(?:^|[\s,:;(])(\p{Lu}\.[ \t]?)$/u.exec(text.slice(Math.max(0, start - 4), start));
  return m === null ? 0 : (m[1] as string).length;
}

/** A post-office box's words before its number: "P.O. Box ", "PO Box ". */
const BOX_BEFORE = /\bP\.?[ \t]?O\.?[ \t]*Box[ \t]+$/i;

/** "Birkholmvej 8", "Via Rosmini 12", "41 Harbakken 31" (then a block): a street name and the number after it. */
function nameThenNumber(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  if (!nameWord(text, w)) return null;
  const [first, street] = nameRun(words, text, i);
  const firstWord = words[first] as Word;
  // Most "Name 12" in notes are values ("HR 80", "Lasix 40"): without a street word, a plain name needs a house
  // number before it or a line of its own, told by the gap's last characters before any regex runs.
  const cued = !street && first >= 2 && livesOn(words, first);
  if (!street && !cued && !numberOrLineBefore(firstWord.gapBefore, first === 0)) return null;
  NUMBER_AFTER.lastIndex = w.end;
  const n = NUMBER_AFTER.exec(text);
  if (n === null) return null;
  if (!TITLE.test(text.slice(firstWord.start, firstWord.end)) && !STREET_WORDS.has(firstWord.key)) return null;
  const { start, numbered } = withHouseNumbers(text, firstWord);
  const numberEnd = w.end + n[0].length;
  // What follows a street and its number on the line is punctuation, a line end, a unit, a town or a postal code,
  // not a word of a sentence ("Heparin via 2 peripheral IVs", "Tie 2 sutures", "Conjugate 20 vaccine").
  if (street && !addressGoesOn(text, numberEnd)) return null;
  // "J. Orvelinckstraat 14": a street named after a person keeps the initial before it.
  if (street) return streetWithRest(text, numbered ? start : start - initialBefore(text, start), numberEnd, lineTail(text, numberEnd));
  if (cued) return streetWithRest(text, start, numberEnd, lineTail(text, numberEnd));
  // A plain "Name 12" ("HR 80", "Lasix 40" have the shape: the cheap tests come first) needs a house number or a
  // line of its own, and an address after it: a block on the next lines, or (with a house number) a unit with a
  // town, region, country or postal code on its line ("41 Harbakken 31 Apt. 2, Ostervik").
  if (lexicon.stop.has(firstWord.key) || !(numbered || /(?:^|\n)[ \t>]*$/.test(text.slice(Math.max(0, start - 8), start)))) return null;
  if (restIsBlank(text, numberEnd)) return blockAfter(text, numberEnd).block ? streetWithRest(text, start, numberEnd, noTail(numberEnd)) : null;
  if (!numbered) return null;
  const tail = lineTail(text, numberEnd);
  if (!(tail.unit && (tail.evidence || (restIsBlank(text, tail.end) && blockAfter(text, tail.end).block)))) return null;
  return streetWithRest(text, start, numberEnd, tail);
}

/**
 * After a house number: a line end, punctuation, a digit, a capital, a street or unit word ("... 50 street"), or a
 * small word that goes on with the sentence ("Birkelundvej 14 last year", "... 14 in Ostervik"); not a noun of care.
 */
function addressGoesOn(text: string, pos: number): boolean {
  const m = /^[ \t]*([\p{L}]+)/u.exec(text.slice(pos, pos + 40));
  if (m === null) return true;
  const word = m[1] as string;
  const key = word.toLowerCase();
  return /^\p{Lu}/u.test(word) || STREET_WORDS.has(key) || lexicon.streetTypes.has(key) || UNIT_OR_BOX.has(key) || lexicon.stop.has(key)
    || SENTENCE_GOES_ON.has(key);
}

/** Words after an address in a sentence that the stop list lacks. */
const SENTENCE_GOES_ON = new Set(['last', 'next', 'since', 'until', 'till', 'now', 'today', 'yesterday', 'tomorrow', 'then', 'where', 'which',
  'who', 'whose', 'while', 'when', 'because', 'but', 'or', 'so', 'yet', 'near', 'opposite', 'behind', 'beside']);

/** "14 Rue des Acacias", "6 avenue de Lattre": a house number, a street word, and the name after it to a stop. */
function numberThenPrefix(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  const surface = text.slice(w.start, w.end);
  // "2 via NGT": an English "via" is the route of a drug; the Italian street is written "Via".
  if (w.key === 'via' && !UPPER_START.test(surface)) return null;
  // "x2 RUE Forearm": in capitals, the street word of an address written in capitals ("14 RUE DES LILAS"), not an
  // abbreviation before ordinary words (right upper extremity).
  const after = words[i + 1];
  if (/^\p{Lu}+$/u.test(surface) && after !== undefined && !/^\p{Lu}+$/u.test(text.slice(after.start, after.end))) return null;
  // The name runs to its last capitalised word: "rue des Lilas Blancs", "rue des lieutenants Morel" (not "... now").
  let last = i;
  for (let j = i + 1; j < words.length && j <= i + 5; j++) {
    const c = words[j] as Word;
    if (!/^[ \t]+$/.test(c.gapBefore)) break;
    if ((lexicon.stop.has(c.key) && !PARTICLES.has(c.key)) || UNIT_OR_BOX.has(c.key)) break;
    if (c.capitalized || /^\p{Lu}\p{Ll}/u.test(text.slice(c.start, c.start + 2))) last = j;
  }
  if (last === i) return null;
  const { start } = withHouseNumbers(text, w);
  const end = (words[last] as Word).end;
  return streetWithRest(text, start, end, lineTail(text, end));
}

/** "402 18 Quarry Hill Road", "77 Elmsworth Dr Fennick Gardens": house numbers, a name, a street type, then a block. */
function numberThenType(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  const surface = text.slice(w.start, w.end);
  if (!UPPER_START.test(surface) || i === 0) return null;
  let first = i;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = words[j] as Word;
    const next = words[j + 1] as Word;
    // A common word names a street too ("1100 Bank Street"), not a function word ("Go to 4 The Street").
    if (!/^[ \t]+$/.test(next.gapBefore) || !TITLE.test(text.slice(c.start, c.end)) || lexicon.functionWords.has(c.key)) break;
    first = j;
  }
  if (first === i) return null;
  const firstWord = words[first] as Word;
  const { start, numbered } = withHouseNumbers(text, firstWord);
  if (!numbered) return null;
  let end = w.end;
  // An abbreviated type keeps its period ("Orchard Rd."); a sentence's period stays out ("Larkspur Rapids.").
  if (codeAt(text, end) === 46 && ABBREVIATED_TYPES.has(w.key)) end++;
  // Words after the type to the end of the line belong to the street: "Elmsworth Dr Fennick Gardens".
  const tail = /(?:[ \t]+\p{Lu}[\p{L}'’-]*){1,3}(?=[ \t]*[?!.]?[ \t]*(?:\n|$))/uy;
  tail.lastIndex = end;
  const t = tail.exec(text);
  if (t !== null) end += t[0].length;
  const rest = lineTail(text, end);
  // Without an address after it the street rule of patterns.ts decides the usual types (it knows the clinical
  // look-alikes), and a distinctive type stands alone after a house number of 2+ digits ("41 Larkspur Rapids");
  // with a block or a unit, town, region or country on the line, any type is a street.
  const evidence = rest.evidence || rest.unit || (restIsBlank(text, end) && blockAfter(text, end).block);
  const houseDigits = /(\d+)[A-Za-z]?[ \t]+(?:\d+[A-Za-z]?[ \t]+)?$/.exec(firstWord.gapBefore)?.[1]?.length ?? 0;
  if (!evidence && !(TYPES_DISTINCT.has(w.key) && houseDigits >= 2)) return null;
  return streetWithRest(text, start, end, rest);
}

flag(STREET_WORDS, FLAG_STREET_WORD);
flag(PREFIXES, FLAG_PREFIX);
flag(UNIT_OR_BOX, FLAG_UNIT);
flag([...lexicon.streetTypes, ...TYPES_DISTINCT, ...TYPES_COMMON], FLAG_TYPE);
