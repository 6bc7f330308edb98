import { lexicon } from './lexicon/index.js';
import { findAddressees } from './recognizers/addressees.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './recognizers/calendar-words.js';
import { isDigit } from './recognizers/chars.js';
import { NOT_TOWNS_AFTER_IN, STATES_OF_A_PATIENT } from './recognizers/place-cues.js';
import { findHl7Phi } from './recognizers/hl7.js';
import { findNames } from './recognizers/names.js';
import { findPatternPhi, scanNoteShapes } from './recognizers/patterns.js';
import { findPlaces } from './recognizers/places.js';
import type { PhiCategory, PhiSpan } from './types.js';
import { wordsAndTriggerBits } from './triggers.js';
import { isMixedCase } from './words.js';

/** When two findings overlap, the more specific shape wins; names and places come last. */
const PRIORITY: Readonly<Record<PhiCategory, number>> = {
  EMAIL: 0, URL: 1, IP: 2, SSN: 3, PHONE: 4, FAX: 4, MRN: 5, HEALTH_PLAN: 5, ACCOUNT: 5, LICENSE: 5, VEHICLE: 5, DEVICE: 5,
  DATE: 6, AGE: 7, ID: 8, LOCATION: 9, HOSPITAL: 9, NAME: 10,
};

/**
 * Finds the PHI in one note: pattern rules, then names and places from words. Overlaps are resolved by
 * priority, then by length; neighbouring spans of one category with only spaces or a period between
 * ("Saint Brigid", "Z. Ostrander") are joined, so a tag replaces a whole name once.
 */
export function findPhi(text: string): PhiSpan[] {
  const lower = text.toLowerCase();
  const { words, bits } = wordsAndTriggerBits(text, lower);
  const mixed = isMixedCase(words, text);
  const all = [...findPatternPhi(text, words, bits, lower, scanNoteShapes(text, words)), ...findPlaces(words, text, mixed, bits), ...findNames(words, text, mixed, bits),
    ...findHl7Phi(text)].filter((s) => s.end > s.start);
  // The name lines above the street lines found (a letter's addressee): few notes have a street line.
  if (mixed && all.some((s) => s.category === 'LOCATION')) for (const s of findAddressees(text, all)) all.push(s);
  return joinNeighbours(resolveOverlaps(addFollowers(all, text), text.length), text);
}

/**
 * What belongs with a span found, added or joined in one pass over the spans: an age over 89 or a pager after a name,
 * the town after a street address, the street before a town line; a date takes its weekday before or after it ("Tue
 * 3/12/24", "3/12/24 (Tue)"), which surrogates shift with it, and a unit's and a house's number before a street is an
 * address, not a date ("4/27 Quenby Street", the Australian style).
 */
function addFollowers(spans: PhiSpan[], text: string): PhiSpan[] {
  for (let k = 0, n = spans.length; k < n; k++) {
    const s = spans[k] as PhiSpan;
    if (s.category === 'DATE') {
      const street = STREET_AFTER_NUMBERS.exec(text.slice(s.end, s.end + 48));
      if (street !== null && /^\d{1,4}\/\d{1,5}$/.test(text.slice(s.start, s.end))) {
        spans[k] = { start: s.start, end: s.end + street[0].length, category: 'LOCATION' };
      } else if (!/^\d{4}$/.test(text.slice(s.start, s.end))) { // "Tue 2024" is no day
        spans[k] = { start: weekdayBefore(s, text), end: weekdayAfter(s, text), category: 'DATE' };
      }
      continue;
    }
    const found = s.category === 'NAME' ? ageAfterName(s, text) ?? pagerAfterName(s, text)
      : s.category === 'LOCATION' ? townAfterStreet(s, text) ?? streetBeforeTown(s, text) : null;
    if (found !== null) spans.push(found);
  }
  return spans;
}

/** Street types written out in addresses without a house number's help: "Quenby Street", "Orvel Close". */
const STREET_WORDS = ['Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Lane', 'Drive', 'Close', 'Crescent', 'Place', 'Parade', 'Way', 'Court',
  'Terrace', 'Highway', 'Hwy', 'Grove', 'Boulevard'];
/**
 * One to three capitalised words and a street's type after a number: " Quenby Street", " ORVEL ROAD" (not "ST" nor
 * "WAY" in capitals: an ECG's segment, a word).
 */
const STREET_AFTER_NUMBERS = new RegExp(String.raw`^[ \t]+(?:(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}{2,})[ \t]+){1,3}(?:${
  [...STREET_WORDS, ...STREET_WORDS.filter((t) => t !== 'St' && t !== 'Way').map((t) => t.toUpperCase())].join('|')})\b(?!-)`, 'u');

/**
 * A weekday, a period or not, a comma or not, blanks and "the" or not right before a date: "Tue 3/12/24", "Wednesday,
 * February 14", "Tuesday the 12th of March".
 */
const WEEKDAY_BEFORE_DATE = /(?:^|[^\p{L}\d])(\p{L}{3,9})\.?,?[ \t]+(?:the[ \t]+)?$/u;
/** A weekday right after a date, bare or in brackets: "3/12/24 (Tue)", "3/12/2024 Tuesday". */
const WEEKDAY_AFTER_DATE = /^(?:[ \t]+|[ \t]*\()(\p{L}{3,9})\)?(?![\p{L}\d])/u;

/** A weekday's name as written, "Sun" and "Sat" so only ("avoid sun, 6/12", "O2 sat 3/12", "SAT 94%" are none). */
function weekdayWord(word: string): boolean {
  const key = word.toLowerCase();
  return WEEKDAY_KEY_SET.has(key) && (key !== 'sun' && key !== 'sat' || /^S[a-z]{2}$/.test(word));
}

/** Where the date starts with the weekday before it, if one is there. */
function weekdayBefore(s: PhiSpan, text: string): number {
  const m = WEEKDAY_BEFORE_DATE.exec(text.slice(Math.max(0, s.start - 14), s.start));
  const word = m?.[1] ?? '';
  // A full name's period ends its sentence ("Seen Monday. 3/12/24 labs").
  if (m === null || !weekdayWord(word) || (word.length >= 6 && m[0].includes('.'))) return s.start;
  const start = s.start - m[0].length + m[0].indexOf(word);
  // Between two dates the weekday is neither's ("3/11 Mon, 3/13 Wed"): two spans over one word would lose a date.
  return DATE_END_BEFORE.test(text.slice(Math.max(0, start - 6), start)) ? s.start : start;
}

/**
 * A date's last digit, then blanks or a comma: what lies before a weekday that follows one date and precedes another
 * (after a semicolon the weekday opens the next item: "Friday, 2/2; Friday 17-3").
 */
const DATE_END_BEFORE = /\d[ \t]*,?[ \t]*$/;
/** Blanks or a comma, then a digit: a date after a weekday. */
const DATE_START_AFTER = /^[ \t]*,?[ \t]*\d/;

/** Where the date ends with the weekday after it, if one is there (its bracket whole, or the weekday is not taken). */
function weekdayAfter(s: PhiSpan, text: string): number {
  const m = WEEKDAY_AFTER_DATE.exec(text.slice(s.end, s.end + 14));
  if (m === null || !weekdayWord(m[1] as string) || m[0].includes('(') !== m[0].endsWith(')')) return s.end;
  const end = s.end + m[0].length;
  return DATE_START_AFTER.test(text.slice(end, end + 4)) ? s.end : end;
}

/** An age over 89 and a sex after a name's comma: "Pt: Faith Quenby, 91 F", "Orvel Dankquist, 93M". */
const AGE_AFTER_NAME = /^,[ \t]*(9\d|1[01]\d)[ \t]?(?:[MF]|y\/?o|yrs?)\b/;

function ageAfterName(s: PhiSpan, text: string): PhiSpan | null {
  if (text.charCodeAt(s.end) !== 44) return null;
  const m = AGE_AFTER_NAME.exec(text.slice(s.end, s.end + 12));
  if (m === null) return null;
  const start = s.end + m[0].indexOf(m[1] as string);
  return { start, end: start + (m[1] as string).length, category: 'AGE' };
}

/** A pager or an extension right after a name: "fellow Quenby 3-5529", "night ho Orvel x4402", "Quenby pager 4-7719". */
const PAGER_AFTER_NAME = /^[ \t]*(?:(?:pager|beeper|pgr|pg|p|ext\.?)[ \t]*[:#]?[ \t]*)?(\d-\d{4}|x\d{4,5})(?![\w\/-]|\.\d)(?![ \t]*(?:ml|cc|l|mg|mcg|units?|times|hrs?|hours?|days?|min)\b)/i;

function pagerAfterName(s: PhiSpan, text: string): PhiSpan | null {
  const m = PAGER_AFTER_NAME.exec(text.slice(s.end, s.end + 24));
  if (m === null) return null;
  const number = m[1] as string;
  // The "x" of an extension stays in the text, as the other phone rules leave it.
  const start = s.end + m[0].length - number.length + (number.charCodeAt(0) === 120 || number.charCodeAt(0) === 88 ? 1 : 0);
  return { start, end: s.end + m[0].length, category: 'PHONE' };
}

/** After a street address: "in" and the town, capitalised or in capitals ("19 Quenby St. in Orvelby", "12 ELM RD IN ORVELBY"). */
const TOWN_AFTER_STREET = /^\.?,?[ \t]+(?:in|IN)[ \t]+((?:\p{Lu}\p{Ll}+|\p{Lu}{4,})(?:[ \t]+(?:\p{Lu}\p{Ll}+|\p{Lu}{4,}))?)\b/u;

/** A town and its postal code, the state between or not: "Orvelton LS9 7TF", "Orvelton VIC 3220", "Orvelton, MA 02139". */
const TOWN_WITH_CODE = /^[\p{L}'’ \t-]+,?(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:[A-Z]{2,3}[ \t]+)?(?:\d{4,5}\b|[A-Z]{1,2}\d)/u;

/** A street's name without a house number, then a comma or its line's end: "Quenby Street, " before "Orvelton VIC 3220". */
const STREET_BEFORE_TOWN = new RegExp(String.raw`(?:^|[\n(:;]|[ \t]{2,}|,[ \t]*)((?:\p{Lu}[\p{Ll}'’-]+[ \t]+){1,3}(?:${STREET_WORDS.join('|')}))\.?(?:,[ \t]*|[ \t]*\r?\n[ \t]*)$`, 'u');

/**
 * The street before a town line with its postal code found ("Orvel Infirmary, Quenby Street, Orvelton LS9 7TF",
 * "Quenby Street, Orvelton VIC 3220"): the town's postal code vouches for the street written without its number.
 */
function streetBeforeTown(s: PhiSpan, text: string): PhiSpan | null {
  // A town line (not a street line: "Flat 6, Quenby Court, 3 Orvel Street, ..." is the address rules' to join).
  if (!TOWN_WITH_CODE.test(text.slice(s.start, s.end + 12)) || isDigit(text.charCodeAt(s.start))) return null;
  const before = text.slice(Math.max(0, s.start - 72), s.start);
  const m = STREET_BEFORE_TOWN.exec(before);
  if (m === null) return null;
  const street = m[1] as string;
  const start = s.start - before.length + (m.index + m[0].indexOf(street));
  // With its house number the address rules have the street ("3 Quenby Street, Orvelton LS21 1BQ").
  if (/\d[ \t]+$/.test(text.slice(Math.max(0, start - 4), start))) return null;
  return { start, end: start + street.length, category: 'LOCATION' };
}

/** Not a town's word after "in": a common word, a month, a weekday, a state of care ("in March", "IN FOSTER CARE"). */
function notATownWord(word: string): boolean {
  const key = word.toLowerCase();
  return lexicon.stop.has(key) || MONTH_KEY_SET.has(key) || WEEKDAY_KEY_SET.has(key) || NOT_TOWNS_AFTER_IN.has(key) || STATES_OF_A_PATIENT.has(key);
}

/** The town after a street address found with its house number; a second word only when it is no common word either. */
function townAfterStreet(s: PhiSpan, text: string): PhiSpan | null {
  if (!isDigit(text.charCodeAt(s.start))) return null;
  const m = TOWN_AFTER_STREET.exec(text.slice(s.end, s.end + 40));
  if (m === null) return null;
  const [first = '', second] = (m[1] as string).split(/[ \t]+/);
  if (notATownWord(first)) return null;
  const start = s.end + m[0].indexOf(first);
  const end = second === undefined || notATownWord(second) ? start + first.length : start + (m[1] as string).length;
  return { start, end, category: 'LOCATION' };
}

/**
 * Spans of one place category that overlap become one: a street found with its town ("27 Quenby Road, Orvelton") and
 * the town found with its postcode ("Orvelton RH13 5JE") make one address; ranked apart, the shorter lost whole and its
 * postcode stayed in the text.
 */
function unitePlaces(spans: PhiSpan[]): PhiSpan[] {
  // Most notes have fewer than two places: counted first, without a copy.
  let count = 0;
  for (let k = 0; k < spans.length && count < 2; k++) if ((spans[k] as PhiSpan).category === 'LOCATION') count++;
  if (count < 2) return spans;
  const places = spans.filter((s) => s.category === 'LOCATION').sort((a, b) => a.start - b.start);
  const united: PhiSpan[] = [];
  for (const s of places) {
    const last = united[united.length - 1];
    if (last !== undefined && s.start < last.end) united[united.length - 1] = { start: last.start, end: Math.max(last.end, s.end), category: 'LOCATION' };
    else united.push(s);
  }
  return united.length === places.length ? spans : [...spans.filter((s) => s.category !== 'LOCATION'), ...united];
}

function resolveOverlaps(all: PhiSpan[], length: number): PhiSpan[] {
  const spans = unitePlaces(all);
  const ranked = [...spans].sort((a, b) => PRIORITY[a.category] - PRIORITY[b.category] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // The characters the spans kept so far cover: a span is kept when none of its own is covered. (An array of the
  // kept spans by start, with a binary search and an insertion each, was quadratic in the spans: a 1.8 MB line of
  // names took 3.4 s there.)
  if (coverage.length < length) coverage = new Uint8Array(Math.max(length, 2 * coverage.length));
  const covered = coverage;
  const kept: PhiSpan[] = [];
  for (const s of ranked) {
    let free = true;
    for (let i = s.start; i < s.end && free; i++) free = covered[i] === 0;
    if (!free) continue;
    covered.fill(1, s.start, s.end);
    kept.push(s);
  }
  for (const s of kept) covered.fill(0, s.start, s.end); // clean for the next note
  return kept.sort((a, b) => a.start - b.start);
}

/** resolveOverlaps' marks, by character, reused from note to note (all zero between calls). */
let coverage = new Uint8Array(1 << 14);

/**
 * What lies between two parts of one address line that were found apart: a building's or a district's name between
 * commas ("Flat 6, Moorview Court, 3 Bridge Street", "Apt 12, The Maltings, Bray, Co. Wicklow"), capitalised words
 * without digits, on the same line.
 */
const ADDRESS_BRIDGE = /^,[ \t]*(?:\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}[ \t]*,[ \t]*){1,3}(?:Co\.[ \t]*)?$/u;

/** Whether span `b` goes on from `a` of the same category: a blank, a period or a dash between, or an address's bridge. */
function joins(a: PhiSpan, b: PhiSpan, text: string): boolean {
  if (b.start - a.end <= 2 && /^[ .-]*$/.test(text.slice(a.end, b.start))) return true;
  return b.category === 'LOCATION' && b.start - a.end <= 80 && text.charCodeAt(a.end) === 44 && ADDRESS_BRIDGE.test(text.slice(a.end, b.start));
}

function joinNeighbours(spans: PhiSpan[], text: string): PhiSpan[] {
  const out: PhiSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && last.category === s.category && (s.category === 'NAME' || s.category === 'HOSPITAL' || s.category === 'LOCATION')
      && joins(last, s, text)) {
      out[out.length - 1] = { start: last.start, end: s.end, category: s.category };
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * An invented note that meets the rarer rules once (an address and its block, a ZIP code, long numbers, dates of
 * every shape, names in prose and in lists, a dialogue): findPhi runs on it when this module loads, so their
 * branches have type feedback before V8 optimizes the recognisers. Otherwise the first real address or range of
 * dates, met after the optimizing, threw the optimized code away (a recompile each, 10-20 ms of compiling).
 */
export const WARM_UP_NOTE = [
  'Seen 3/15/2021 and 3/15-3/18, again 4-12-2031, 15.03.2021, on the 3rd of May 2021, 3 Dec 2020, 6/21, in 1987.',
  'Orvel Quenbowski, 93M with CHF, lives at 12 Orchard Street, Springfield, MA 01105; Apt. 4, P.O. Box 12 Ostervik KX.',
  'Dr. Ilsa Dravenovic and Lisbet Orvelsdottir came. Wojciech Brastowski called. MRN: 12345678, acct 9988776655443322.',
  'Call (617) 555-0123, cell # 555-1234, fax 617-555-0199, e-mail orvel@example.org, see https://example.org/x, 10.20.30.40.',
  'Teodric: "Who is there?"\nMarguerite: "It is me."\nHavre Falls, MT 59501\nLindevej 8, 2100 Kobenhavn\n14 Rue des Acacias',
  'Bo Tarrant is a 47 y/o retired joiner. Orlaith Quenby is his daughter. The Form Ottilie R Vasbender Signed.',
  'The Team Met Today. Quenbayev and Tamarishvili were there; they will call Velmainen back. Seen with Dénes Kovalcsik.',
].join('\n');
findPhi(WARM_UP_NOTE);
findPhi('Seen by Orvel today.'); // a short note: isMixedCase's own test for few words
