import { isKnownName, lexicon } from '../lexicon/index.js';
import { STREET_TYPES_COMMON, STREET_TYPES_DISTINCT, TWO_WORD_STATES } from '../lexicon/places.js';
import { TRIGGER_PLACE } from '../trigger-bits.js';
import type { PhiSpan } from '../types.js';
import { namesAClassification, namesAnInstrument } from './eponym-heads.js';
import { cleanGap, firstWordFrom, type Word } from '../words.js';
import {
  CARE_WORDS, COMPOUND_HEADS, DEPARTMENT_ENDING, DEVICE_NOUNS, EMPLOYMENT_VERBS, FACILITY_CUES, GENERIC_HEADS, HEAD_FILLERS, KNOWING_VERBS, LIVING_NOUNS, MIXED_CASE_MOVE_VERBS, MOVED_VERB_LIKE, MOVE_ADVERBS, MOVE_PREPOSITIONS, MOVE_VERBS, NAMING_HEADS, NOT_PLACES, OPENING_VERBS, NOT_TOWNS_AFTER_IN, ORGANISATION_HEADS, ORGANISATION_KINDS, ORGANISATION_WORDS, PLACE_BEFORE, SAFE_STATE_CODES, SAINT_BEFORE, STATES_OF_A_PATIENT, STRONG_CUES, UNIT_WORDS, WARD_NUMBER, WARD_VERBS, WEAK_HEADS,
} from './place-cues.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { codeAt, DOSE_UNIT, isDigit } from './chars.js';
import { EPONYM_NOUNS, RELATIONS, specialtyWord, VERB_LIKE } from './name-cues.js';
import { CHAIN_FIRST_KEYS, chainStore, namedPlace, PLACE_HEADS, PLACE_WORDS } from './named-places.js';

/**
 * Places smaller than a state, and care facilities:
 * - facility names: the words before a facility head ("Saint Brigid Memorial", "Fenwick Hospital", "University of
 *   Calloway hospital"); generic heads (hospital, center, rehab) stay out of the span, naming heads (memorial,
 *   regional) go in;
 * - hospital abbreviations ("GH", "MGH") and saints' names after "to/at/from" ("St. Brigid");
 * - towns and cities from the gazetteer (ambiguous ones such as "Aurora" or "Lincoln" need "lives in", "from",
 *   or a following state: "Owings Mills, MD");
 * - any name-like words before ", <state>" and after "lives in";
 * - ward names: a word followed by a ward number after "transfer to" ("to Halvorsen 2"), or alone after
 *   "transferred to" when not a known unit;
 * - places after a movement ("transferred from X", "works at X"), and a place found by context wherever its name
 *   recurs in the note.
 */
/** Words at which every place rule runs (built once; see the loop in findPlaces). */
const RULE_TRIGGERS = new Set<string>([...MOVE_VERBS, ...MIXED_CASE_MOVE_VERBS,
  ...GENERIC_HEADS, ...ORGANISATION_HEADS, ...COMPOUND_HEADS.keys(), ...NAMING_HEADS, ...lexicon.hospitalAbbreviations, ...lexicon.cityFirstWords, ...SAFE_STATE_CODES,
  ...[...lexicon.states].filter((name) => name.length > 2), ...TWO_WORD_STATES.keys(), ...WARD_VERBS,
  'st', 'saint', 'holy', 'sacred', 'good', 'university', 'univ', 'uof', 'u', 'lives', 'living', 'resides', 'reside', 'live', 'surgery',
  'transfer', 'transferred', 'transfered', 'tranfered', 'trans', 'tx', 'txd', 'transferring', 'transfering', 'xfer', 'xferred', 'readmitted', 'o',
  'am', "i'm", 'er', 'ew', 'ed', 'cath', 'emergency', ...PLACE_HEADS, ...CHAIN_FIRST_KEYS, 'snf', 'ltac', 'ltach', 'placement', 'employer',
]);
/**
 * Words that start the living-in rule alone ("home", "family", "knows"): frequent in notes, so at them that rule
 * runs, not every rule (which cost 5% of de-identification when they were place triggers like the others).
 */
const LIVING_ONLY = new Set([...LIVING_NOUNS, ...KNOWING_VERBS].filter((k) => !RULE_TRIGGERS.has(k)));
/**
 * The other states' codes (but "in" and "or", the commonest words, whose towns go unfound), at which the state-code
 * rule alone runs: "co", "me", "pa", "ms" are frequent words and abbreviations of care, and running every rule at them
 * cost 3% of de-identification.
 */
const STATE_CODES_ONLY = new Set([...lexicon.states].filter((k) => k.length === 2 && !RULE_TRIGGERS.has(k) && k !== 'in' && k !== 'or'));
/** Clinicians seen elsewhere, whose town follows as a relative's does: "seen by the ophthalmologist in Quenbury". */
const CLINICIANS = ['doctor', 'physician', 'surgeon', 'specialist', 'gp', 'dentist', 'ophthalmologist', 'cardiologist', 'neurologist',
  'oncologist', 'nephrologist', 'urologist', 'dermatologist', 'rheumatologist', 'gastroenterologist', 'endocrinologist', 'pulmonologist',
  'psychiatrist', 'psychologist', 'therapist', 'counselor', 'counsellor', 'optometrist', 'podiatrist', 'chiropractor', 'pediatrician',
  'obstetrician', 'gynecologist', 'orthopedist', 'hematologist', 'allergist'];
/** Relations and clinicians, at which the relative's-town rule alone runs. */
const RELATIVES_ONLY = new Set([...RELATIONS, ...CLINICIANS].filter((k) => !RULE_TRIGGERS.has(k) && !LIVING_ONLY.has(k) && k !== 'other' && k !== 'contact' && k !== 'law'));
/** Words at which some place rule starts. */
export const PLACE_TRIGGERS: ReadonlySet<string> = new Set([...RULE_TRIGGERS, ...LIVING_ONLY, ...RELATIVES_ONLY, ...STATE_CODES_ONLY, 'area', 'where']);

/** One note being scanned for places: its words, how it is written, and what was found so far. */
class PlaceScan {
  readonly spans: PhiSpan[] = [];
  /** Places after a movement: weaker evidence, kept apart because they do not propagate. */
  readonly moved: PhiSpan[] = [];

  constructor(readonly words: readonly Word[], readonly text: string, readonly mixed: boolean) {}

  at(i: number): Word | undefined {
    // Checked here, not left to the array: a read outside it (the words before the first and after the last are
    // asked for often) makes the optimized code of every function this is inlined into deoptimize once.
    return i >= 0 && i < this.words.length ? this.words[i] : undefined;
  }
}

function placeLike(w: Word | undefined): boolean {
  return w !== undefined && !lexicon.stop.has(w.key) && !CARE_WORDS.has(w.key) && !GENERIC_HEADS.has(w.key) && (w.key.length >= 2 || w.single);
}

/** A US state's name, of one word ("texas") or two (TWO_WORD_STATES), in lower case. */
function isStateName(key: string): boolean {
  const words = key.split(/\s+/);
  if (words.length === 1) return key.length > 2 && lexicon.states.has(key);
  return words.length === 2 && TWO_WORD_STATES.get(words[1] as string)?.has(words[0] as string) === true;
}

/**
 * Words first..last name a US state and no town ("moved from Texas", "transferred from" a state of two words, whose
 * second the rules do not take): no identifier under Safe Harbor, as a country is not.
 */
function stateAlone(s: PlaceScan, first: number, last: number): boolean {
  const key = s.text.slice((s.at(first) as Word).start, (s.at(last) as Word).keyEnd).toLowerCase();
  let end = last;
  const rest = s.at(last + 1);
  if (!isStateName(key)) {
    if (rest === undefined || !/^[ \t]+$/.test(rest.gapBefore) || !isStateName(`${key} ${rest.key}`)) return false;
    end = last + 1;
  }
  // A capitalised word after it makes a town of it: "Iowa City", "Texas City" (and "Texas Monday" is taken, to be safe).
  const after = s.at(end + 1);
  if (after !== undefined && /^[ \t]+$/.test(after.gapBefore) && after.capitalized) return false;
  return !lexicon.cities.has(key);
}

/** A word after a movement that can be part of a place's name (see the movement rule). */
/** Rooms and homes one is moved to or lives in that name no place: "Came back from Theatre", "lives alone in Council Flat". */
const NOT_MOVED_TO = new Set(['theatre', 'theatres', 'theater', 'council', 'ground', 'flat', 'bungalow', 'sheltered', 'housing', 'accommodation',
  'supported', 'residential', 'temporary', 'emergency', 'studio', 'bedsit', 'hostel', 'privately', 'rented', 'semi', 'warden', 'shelter']);

function movedPlace(s: PlaceScan, c: Word): boolean {
  // Not a given name ("transferred to Margaret"), unless one of the further ones, many of which name places too ("Cruz").
  if (c.single || !placeLike(c) || UNIT_WORDS.has(c.key) || NOT_PLACES.has(c.key) || NOT_MOVED_TO.has(c.key)
    || lexicon.firstNames.has(c.key) && !lexicon.titleCaseNames.has(c.key) && !lexicon.cities.has(c.key)) return false;
  // A country or a continent alone is no identifier under Safe Harbor ("returned from Mexico"); a department is no place.
  if (lexicon.countries.has(c.key) || lexicon.continents.has(c.key) || (DEPARTMENT_ENDING.test(c.key) && !lexicon.cities.has(c.key))) return false;
  if (lexicon.cities.has(c.key) || lexicon.states.has(c.key) && c.key.length > 2) return true;
  if (hospitalAcronym(s, c)) return true;
  // In a mixed-case note a name in capitals too ("med-flighted to BRAXTON"), if long enough not to be an abbreviation.
  if (s.mixed) return c.capitalized || (c.key.length >= 5 && /^\p{Lu}+$/u.test(s.text.slice(c.start, c.end)) && !MOVED_VERB_LIKE.test(c.key));
  return c.capitalized || (c.key.length >= 4 && !MOVED_VERB_LIKE.test(c.key));
}

/**
 * "transferred from UMMC", "came from QCH": a hospital's acronym after a movement, capitals ending in H (hospital)
 * or MC (medical center). Not a bleed or another finding written so ("transferred to ICH" is rare, "for ICH" common).
 */
function hospitalAcronym(s: PlaceScan, c: Word): boolean {
  const surface = s.text.slice(c.start, c.end);
  return /^[A-Z]{1,3}(?:H|MC)$/.test(surface) && surface.length >= 3 && !FINDING_ACRONYMS.has(c.key) && !isDigit(codeAt(s.text, c.end));
}

/**
 * Findings and conditions written as capitals ending in H, and kinds of facility (the VA medical center, residential
 * or personal care homes, critical access hospitals): not a hospital's name.
 */
const FINDING_ACRONYMS = new Set(['ich', 'sah', 'sdh', 'edh', 'ivh', 'iph', 'bph', 'lvh', 'rvh', 'pph', 'gih', 'ugih', 'lgih', 'dvh', 'nph', 'adh',
  'pth', 'tsh', 'lh', 'fsh', 'acth', 'bmh', 'hch', 'luh', 'nsh', 'sch', 'tah', 'rah', 'lah', 'vah', 'ptch', 'cmh', 'vamc', 'nih', 'cdh', 'gmh',
  'iih', 'ash', 'rch', 'afh', 'pch', 'alh', 'bhh', 'ibh', 'sph', 'ach', 'cah']);

function push(s: PlaceScan, from: number, to: number, category: 'LOCATION' | 'HOSPITAL'): void {
  const a = s.at(from);
  const b = s.at(to);
  // A saint's facility keeps its possessive ("St. Aloysius's"); other names do not ("Frederick's", "Black's house").
  const saint = a !== undefined && (a.key === 'st' || a.key === 'saint');
  if (a !== undefined && b !== undefined) s.spans.push({ start: a.start, end: saint ? b.end : b.keyEnd, category });
}

/**
 * The facility name before a head: up to 4 place-like words ("University of Alaska", "Saint Brigid"), with a
 * cue before them ("to", "at", "from", "(") — or, in mixed-case notes, all capitalised. Returns [first, last]
 * word indexes or null.
 */
function nameBefore(s: PlaceScan, head: number, includeHead: boolean, careFillers = false): [number, number] | null {
  let last = head - 1;
  // The words between a name and its head, outside the span: "Alaska Medical Center"; before a practice's head, its
  // specialty too ("Lakeshore Pulmonary Associates").
  const filler = (w: Word): boolean => HEAD_FILLERS.has(w.key) || (careFillers && kindOfCare(w.key) && !NAMING_HEADS.has(w.key));
  // "X Nursing & Rehab", "X Rehabilitation and Nursing Center": kinds joined by "&" or "and" are fillers too.
  // In a mixed-case note only kinds written with capitals ("discussed nursing & rehab options" names none).
  const kindWritten = (w: Word | undefined): boolean => w !== undefined && filler(w) && (!s.mixed || /^\p{Lu}/u.test(s.text.charAt(w.start)));
  for (;;) {
    const w = s.at(last);
    if (w === undefined) break;
    const gap = (s.at(last + 1) as Word).gapBefore;
    if (filler(w) && (cleanGap(gap) || (/^[ \t]*&[ \t]*$/.test(gap) && kindWritten(w) && kindWritten(s.at(last + 1))))) last--;
    else if (w.key === 'and' && kindWritten(s.at(last - 1)) && kindWritten(s.at(last + 1)) && cleanGap(w.gapBefore) && cleanGap(gap)) last--;
    else break;
  }
  let first = last + 1;
  for (let j = last; j >= Math.max(0, last - 3); j--) {
    const w = s.at(j) as Word;
    const after = s.at(j + 1) as Word;
    const saintDot = (w.key === 'st' || w.single) && /^\.[ \t]*$/.test(after.gapBefore);
    if (!/^[ \t]*-?[ \t]*$/.test(after.gapBefore) && !saintDot) break;
    if (w.key === 'of' && j < last && j > 0 && placeLike(s.at(j - 1))) { first = j; continue; }
    // "St. Aloysius's Infirmary": a saint's title opens the name.
    if ((w.key === 'st' || w.key === 'saint') && j < last && first === j + 1) { first = j; break; }
    // "Friday clinic", "Tuesday Clinic": a weekday says when, not which. In a mixed-case note a practice's name starts
    // after a word in lower case ("attends Bright Horizons Nursery").
    if (!(placeLike(w) || NAMING_HEADS.has(w.key)) || WEEKDAY_KEY_SET.has(w.key)) break;
    // "Attends Quenby Learning Center": a verb opening the sentence is not the name's first word.
    if (s.mixed && OPENING_VERBS.has(w.key) && (j === 0 || /[.!?\n]/.test(w.gapBefore))) break;
    if (careFillers && s.mixed && j < last && w.key !== 'of' && !/^\p{Lu}/u.test(s.text.charAt(w.start))) break;
    first = j;
  }
  while (first <= last && (s.at(first) as Word).key === 'of') first++;
  if (first > last) return null;
  const named = Array.from({ length: last - first + 1 }, (_, k) => s.at(first + k) as Word);
  const capitalised = s.mixed && named.every((w) => w.key === 'of' || /^[A-Z]/.test(s.text.slice(w.start, w.start + 1)));
  const firstWord = s.at(first) as Word;
  const cue = first > 0 && FACILITY_CUES.has((s.at(first - 1) as Word).key) && /^[ \t]*$/.test(firstWord.gapBefore);
  const paren = /[(@]\s*$/.test(firstWord.gapBefore);
  // A letterhead in a single-case note ("QUENBY ORVEL CANCER CENTER - INFUSION SUITE"): no word of its name a kind
  // of care, a unit, a verb or a clinic's modifier, and two words of a name at least or a known name or town
  // ("ANTENATAL CLINIC", "POST OP CLINIC", "LEG ULCER CLINIC" are kinds).
  const letterhead = !s.mixed && letterheadLine(s, first, head) && named.every((w) => !kindOfCare(w.key) && !UNIT_WORDS.has(w.key)
    && !lexicon.stop.has(w.key) && !EPONYM_NOUNS.has(w.key) && !CLINIC_MODIFIERS.has(w.key) && !(VERB_LIKE.test(w.key) && !isKnownName(w.key) && !lexicon.cities.has(w.key)))
    && (named.length >= 2 || named.some((w) => isKnownName(w.key) || lexicon.cities.has(w.key)));
  if (letterhead && !(cue || paren)) return [first, includeHead ? head : last];
  if (!(capitalised || cue || paren)) return null;
  // Weak heads ("rehab", "house", "center") in single-case notes: the name must be a known place or name.
  const headWord = s.at(head) as Word;
  if (!capitalised && WEAK_HEADS.has(headWord.key) && !(cue && STRONG_CUES.has((s.at(first - 1) as Word).key))
    && !named.some((w) => lexicon.cities.has(w.key) || lexicon.states.has(w.key) || isKnownName(w.key) || /^[A-Z][a-z]/.test(s.text.slice(w.start, w.start + 2)))) {
    return null;
  }
  return [first, includeHead ? head : last];
}

export function findPlaces(words: readonly Word[], text: string, mixedCase: boolean, bits?: Uint8Array): PhiSpan[] {
  const s = new PlaceScan(words, text, mixedCase);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    // Every rule below starts at a trigger word; most words are none, and skipping them keeps this fast.
    if (bits !== undefined ? ((bits[i] as number) & TRIGGER_PLACE) === 0 : !PLACE_TRIGGERS.has(w.key)) continue;
    const next = s.at(i + 1);
    if (LIVING_ONLY.has(w.key)) {
      livingIn(s, i, w, next);
      continue;
    }
    if (w.key === 'area') { // as frequent as the living-in words: its one rule alone
      townBeforeArea(s, i);
      continue;
    }
    if (RELATIVES_ONLY.has(w.key)) {
      relativeIn(s, i);
      continue;
    }
    if (w.key === 'where') {
      placeBeforeWhere(s, i);
      continue;
    }
    if (STATE_CODES_ONLY.has(w.key)) {
      beforeStateCode(s, i, w, s.at(i - 1));
      continue;
    }
    const prev = s.at(i - 1);
    for (let r = 0; r < PLACE_RULES.length; r++) (PLACE_RULES[r] as PlaceRule)(s, i, w, next, prev);
  }
  if (text.includes('&')) ampersandPractices(s);
  propagate(words, text, s.spans);
  // Places after a movement are weaker evidence: they propagate only to mentions written alike ("FLY FROM QUENBURY ...
  // SON FROM QUENBURY").
  const all = s.spans.concat(s.moved);
  if (s.moved.length > 0) propagateAlike(words, text, all, s.moved);
  return all;
}

type PlaceRule = (s: PlaceScan, i: number, w: Word, next: Word | undefined, prev: Word | undefined) => void;

/**
 * The rules findPlaces runs at each trigger word, in this order. Called through this array rather than one after
 * another: a call site that sees many functions is not inlined, so the optimizing compiler does not make one large
 * function of all thirteen, which it compiled again (10-13 times per run) each time a note took a branch not taken
 * before; each rule is now compiled, and recompiled, alone.
 */
const PLACE_RULES: readonly PlaceRule[] = [
  (s, i, w, _next, prev) => wardNumbers(s, i, w, prev),
  (s, i, w, next) => facilityHeads(s, i, w, next),
  (s, i, w, next) => universities(s, i, w, next),
  (s, i, w, next) => movements(s, i, w, next),
  (s, i, w, _next, prev) => hospitalAbbreviations(s, i, w, prev),
  religiousNames,
  (s, _i, w, next, prev) => saints(s, w, next, prev),
  (s, i, w, _next, prev) => gazetteer(s, i, w, prev),
  (s, i, w, _next, prev) => beforeStateCode(s, i, w, prev),
  (s, i, w, _next, prev) => beforeStateName(s, i, w, prev),
  (s, i, w, _next, prev) => beforeStateCodeSingleCase(s, i, w, prev),
  (s, i, w, next) => livesIn(s, i, w, next),
  wardsAfterTransfer,
  whereIAm,
  (s, i, w) => beforeEmergencyRoom(s, i, w),
  (s, i, w, next) => livingIn(s, i, w, next),
  (s, i, w) => { if ((PLACE_HEADS.has(w.key) || w.key === 'home') && namedPlace(s, i)) townAfterFacility(s, i); },
  (s, i, w) => { if (CHAIN_FIRST_KEYS.has(w.key)) chainStore(s, i); },
  (s, i, w) => { if (BRACKET_HEADS.has(w.key)) facilityInBrackets(s, i); },
  (s, i, w) => { if (w.key === 'employer') employerField(s, i); },
];

/** What an employer's field holds that names none: "Employer: retired", "Employer: N/A". */
const NO_EMPLOYER = new Set(['none', 'retired', 'unemployed', 'disabled', 'disability', 'self', 'student', 'homemaker', 'unknown', 'n', 'na', 'not',
  'currently', 'no', 'same', 'former', 'previous', 'pending', 'home', 'declined', 'refused', 'housewife', 'househusband', 'military', 'stay',
  'regarding', 're', 'about', 'completed', 'forms', 'letter', 'note', 'aware', 'notified']);

/**
 * "Employer: Quenby Valley Logistics, 4500 ...", "employer Orvelby Air Force Base": the employer's name after its
 * field, one to five words to the comma or the line's end (capitalised in a mixed-case note).
 */
function employerField(s: PlaceScan, i: number): void {
  const first = s.at(i + 1);
  // Its field's colon, or in a mixed-case note a capitalised name ("employer Orvelby Air Force Base", not "his employer Friday").
  const field = /^[ \t]*:[ \t]*$/.test(first?.gapBefore ?? '');
  if (first === undefined || !(field || (s.mixed && /^[ \t]+$/.test(first.gapBefore) && first.capitalized)) || NO_EMPLOYER.has(first.key)
    || lexicon.stop.has(first.key) || WEEKDAY_KEY_SET.has(first.key) || MONTH_KEY_SET.has(first.key)) return;
  let last = i;
  for (let k = i + 1; k <= i + 5; k++) {
    const c = s.at(k);
    if (c === undefined || (k > i + 1 && c.gapBefore !== ' ' && c.gapBefore !== ' & ') || (s.mixed && !c.capitalized && !/^\p{Lu}/u.test(s.text.charAt(c.start))
      && !(k > i + 1 && (c.key === 'of' || c.key === 'and')))) break;
    last = k;
  }
  while (last > i && ((s.at(last) as Word).key === 'of' || (s.at(last) as Word).key === 'and')) last--;
  if (last <= i) return;
  // The name closes at punctuation, a line's end or two spaces (a form's next field).
  if (!/^(?:[ \t]*(?:[,;.(|]|\r?\n|$)|[ \t]{2,})/.test(s.text.slice((s.at(last) as Word).end, (s.at(last) as Word).end + 3))) return;
  push(s, i + 1, last, 'LOCATION');
}

/**
 * "seen in Orvelton ER", "-> QUENBY EW", "admitted to U Orvelton ER", "seen in the Quenby Emergency Room", "to Quenby
 * cath lab": one or two words that read like a name between a preposition (or an arrow) and the emergency room or
 * the cath lab are its hospital. Not a unit, care word or abbreviation ("to the ER", "in Peds ER", "to OSH ER"): in
 * capitals among lower case, five letters or more. Not a drug's extended release ("changed to Metformin ER 500 mg").
 */
function beforeEmergencyRoom(s: PlaceScan, i: number, w: Word): void {
  const next = s.at(i + 1);
  const room = w.key === 'er' || w.key === 'ew' || w.key === 'ed' || (w.key === 'cath' && next?.key === 'lab')
    || (w.key === 'emergency' && (next?.key === 'room' || next?.key === 'department'));
  if (!room || w.end !== w.keyEnd) return;
  if (w.key === 'er' && ER_DOSE_AFTER.test(s.text.slice(w.end, w.end + 12))) return;
  atAfterEmergencyRoom(s, w.key === 'cath' || w.key === 'emergency' ? i + 1 : i);
  if (!cleanGap(w.gapBefore)) return;
  let first = i - 1;
  if (!hospitalNameWord(s, s.at(first))) return;
  const before = s.at(first - 1);
  if (before !== undefined && cleanGap((s.at(first) as Word).gapBefore) && (before.key === 'u' || hospitalNameWord(s, before))) first--;
  let at = first - 1;
  const gap = (s.at(first) as Word).gapBefore;
  if (s.at(at)?.key === 'the' && cleanGap(gap)) at--;
  const cue = s.at(at);
  if (DOSE_CHANGES.has(s.at(at - 1)?.key ?? '')) return;
  // "ER" is a drug's extended release as often ("then to Metoprolol ER"): a visit's verb must come before it.
  if (w.key === 'er' && !visitBefore(s, at)) return;
  if (/->[ \t]*$/.test(gap) || (cue !== undefined && cleanGap(gap) && /^(?:to|at|from|in|into|via)$/.test(cue.key))) push(s, first, i - 1, 'HOSPITAL');
}

/**
 * "brought to the ED at Quenbury", "SEEN IN THE ER AT ORVELTON GENERAL": the hospital after an emergency room (its
 * last word at `room`) and "at", a visit's word before the room. Not a time or a state ("ED at 3pm", "ER at baseline").
 */
function atAfterEmergencyRoom(s: PlaceScan, room: number): void {
  const at = s.at(room + 1);
  const name = s.at(room + 2);
  if (at === undefined || at.key !== 'at' || !cleanGap(at.gapBefore) || name === undefined || !cleanGap(name.gapBefore)) return;
  if (!hospitalNameWord(s, name) || lexicon.stop.has(name.key) || MONTH_KEY_SET.has(name.key) || !visitBefore(s, room)) return;
  const second = s.at(room + 3);
  const two = second !== undefined && cleanGap(second.gapBefore) && hospitalNameWord(s, second) && !lexicon.stop.has(second.key)
    && (s.mixed ? second.capitalized : lexicon.facilityHeads.has(second.key));
  push(s, room + 2, two ? room + 3 : room + 2, 'HOSPITAL');
}

/**
 * "lives in the Quenbury area", "a shelter in Braxtosher area": in a mixed-case note, one or two capitalised words
 * that read like a place between "in" (or "in the") and "area". Not a body's or a ward's ("in the Groin area", "in
 * the Waiting area"): a care or unit word, an adjective's or a verb's shape.
 */
function townBeforeArea(s: PlaceScan, area: number): void {
  if (!s.mixed) return;
  let first = area - 1;
  const last = s.at(first);
  if (last === undefined || !townNameWord(last) || !cleanGap((s.at(area) as Word).gapBefore)) return;
  const before = s.at(first - 1);
  if (before !== undefined && townNameWord(before) && cleanGap(last.gapBefore)) first--;
  let cue = first - 1;
  if (s.at(cue)?.key === 'the' && cleanGap((s.at(first) as Word).gapBefore)) cue--;
  const inWord = s.at(cue);
  if (inWord === undefined || inWord.key !== 'in' || !cleanGap((s.at(cue + 1) as Word).gapBefore)) return;
  push(s, first, area - 1, 'LOCATION');
}

/** A capitalised word that reads like a town's name: not a care, unit or body word, nor shaped like an adjective. */
function townNameWord(w: Word): boolean {
  return w.capitalized && !w.single && placeLike(w) && !UNIT_WORDS.has(w.key) && !NOT_PLACES.has(w.key) && !BODY_REGIONS.has(w.key)
    && !VERB_LIKE.test(w.key) && !/(?:al|ar|ic|ous|ive|ed|ing)$/.test(w.key) && !lexicon.countries.has(w.key) && !lexicon.states.has(w.key);
}

/** Regions of the body before "area": "in the Groin area". */
const BODY_REGIONS = new Set(['groin', 'axilla', 'axillary', 'perineum', 'buttock', 'buttocks', 'flank', 'chest', 'neck', 'back', 'shoulder',
  'hip', 'knee', 'scalp', 'face', 'foot', 'feet', 'hand', 'arm', 'leg', 'abdomen', 'pelvis', 'sacrum', 'coccyx', 'temple', 'forehead', 'chin',
  'cheek', 'lip', 'eye', 'ear', 'nose', 'breast', 'nipple', 'heel', 'ankle', 'wrist', 'elbow', 'thigh', 'calf', 'toe', 'finger', 'thumb', 'jaw',
  'mouth', 'tongue', 'throat', 'belly', 'navel', 'armpit', 'genital', 'vulva', 'scrotum', 'penis', 'rectum', 'anus', 'spine', 'skin', 'wound',
  'incision', 'surgical', 'affected', 'injection', 'puncture', 'site', 'lesion', 'tumor', 'mass']);

/** One of the three words before word `at` is a word of a visit. */
function visitBefore(s: PlaceScan, at: number): boolean {
  for (let d = 1; d <= 3; d++) if (VISIT_VERBS.has(s.at(at - d)?.key ?? '')) return true;
  return false;
}

/** A dose after "ER", or its end of a line of a medication list: the drug's extended release, not a room. */
const ER_DOSE_AFTER = new RegExp(String.raw`^[ \t]*(?:\d|${DOSE_UNIT}\b|tab|cap|po\b|daily|bid|qd|qhs|once|twice)`, 'i');
/** Words of a visit, a few words before an emergency room: "seen in Quenby ER", "brought by EMS to Quenby ER". */
const VISIT_VERBS = new Set(['seen', 'presented', 'presenting', 'presents', 'went', 'go', 'going', 'brought', 'taken', 'sent', 'admitted',
  'transferred', 'arrived', 'came', 'evaluated', 'treated', 'transported', 'visit', 'visited', 'returned', 'discharged', 'triaged', 'stabilized',
  'intubated', 'ems', 'biba', 'bibems', 'ambulance', 'unresponsive', 'found', 'flown', 'flighted', 'medflighted', 'transfer', 'tx', 'txd', 'adm',
  'admit', 'pt', 'patient', 'he', 'she', 'was', 'were', 'enroute', 'route']);
/** Verbs of changing a medication: "switched to Niacin ER", "CHANGED TO NIFEDIPINE ER". */
const DOSE_CHANGES = new Set(['switched', 'changed', 'increased', 'decreased', 'converted', 'transitioned', 'titrated', 'start', 'started',
  'restarted', 'resumed', 'continue', 'continued', 'switch', 'change', 'increase', 'decrease', 'convert', 'on']);

/** Words that say which emergency room of a hospital, not which hospital: "Peds ER", "Adult ED", "Main EW". */
const KINDS_OF_ER = new Set(['peds', 'pediatric', 'paediatric', 'adult', 'adults', 'main', 'fast', 'track', 'walk', 'urgent', 'psych', 'ob',
  'same', 'day', 'satellite', 'freestanding', 'hospital', 'hosp', 'county', 'city', 'local', 'nearby', 'thru', 'through', 'emergent',
  'diagnostic', 'hybrid', 'stat', 'referring', 'different', 'free', 'standing', 'obstetric', 'express', 'minor', 'observation', 'rural',
  'suburban', 'downtown', 'affiliated', 'invasive', 'erectile', 'cardiac', 'interventional', 'outside', 'other', 'another', 'nearest',
  'closest', 'community', 'university', 'academic', 'teaching', 'tertiary']);

function hospitalNameWord(s: PlaceScan, c: Word | undefined): boolean {
  if (c === undefined || c.single || !placeLike(c) || UNIT_WORDS.has(c.key) || NOT_PLACES.has(c.key) || lexicon.states.has(c.key)
    || KINDS_OF_ER.has(c.key)) return false;
  const surface = s.text.slice(c.start, c.end);
  if (/^\p{Lu}+$/u.test(surface)) return (c.key.length >= 5 || !s.mixed) && !MOVED_VERB_LIKE.test(c.key);
  if (s.mixed) return c.capitalized;
  return c.key.length >= 4 && !MOVED_VERB_LIKE.test(c.key) && !VERB_LIKE.test(c.key);
}

function wardNumbers(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  // Ward names: "transferred to Halvorsen 2", "ADMITTED TO HALVORSEN 3.", "TRANSFER HALVORSEN 2", "halvorsen2".
  if (WARD_VERBS.has(w.key) && (w.key !== 'o' || (prev?.key === 'c' && w.gapBefore === '/'))) {
    let j = i + 1;
    const cue = s.at(j);
    if (cue !== undefined && /^(?:to|on|from|at)$/.test(cue.key) && /^[ \t]+$/.test(cue.gapBefore)) j++;
    const c = s.at(j);
    if (c !== undefined && /^[ \t]+$/.test(c.gapBefore) && c.key.length >= 5 && c.end === c.keyEnd && !UNIT_WORDS.has(c.key) && placeLike(c)) {
      WARD_NUMBER.lastIndex = c.end;
      if (WARD_NUMBER.test(s.text)) push(s, j, j, 'LOCATION');
    }
  }
}

function facilityHeads(s: PlaceScan, i: number, w: Word, next: Word | undefined): void {
  // Facility heads: "Brookvale Hospital", "Sacred Vale Memorial", "University of Alaska Medical Center".
  // A head of two words counts written with capitals in a mixed-case note ("Golden Age Nursing Home"): "possible
  // nursing home discharge" names none, and in capitals any adjective may come before it ("TO USUAL NURSING HOME").
  // In a single-case note an agency's only ("TO ORVEL VALLEY HOME HEALTH"; any adjective comes before "NURSING HOME":
  // "TO FORMER NURSING HOME"), its name after a cue or in a letterhead (nameBefore); not a heading ("Daily Wound Care:").
  const compound = (s.mixed ? w.capitalized && s.at(i - 1)?.capitalized === true : AGENCY_HEADS.has(w.key) && !WHICH_ONE.has(s.at(i - 2)?.key ?? ''))
    && COMPOUND_HEADS.get(w.key)?.has(s.at(i - 1)?.key ?? '') === true
    && codeAt(s.text, w.end) !== 58
    && cleanGap(w.gapBefore) && !KINDS_OF_CARE.has(s.at(i - 2)?.key ?? '') && !/(?:ed|ous|ent|ive|ing)$/.test(s.at(i - 2)?.key ?? '');
  // "Quenby County EMS": the ambulance service's head in capitals.
  const organisation = s.mixed && (w.capitalized || (w.key === 'ems' && s.text.startsWith('EMS', w.start))) && (ORGANISATION_HEADS.has(w.key) || w.key === 'surgery');
  if ((GENERIC_HEADS.has(w.key) || compound || organisation) && !(w.key === 'house' && next !== undefined && /^(?:officer|officers|staff|md|diet)$/.test(next.key))) {
    // In a mixed-case note a capitalised hospital's kind of care stays out of its name too ("Quenby Diabetes Centre",
    // "Orvel Inpatient Rehabilitation"); a name of kinds alone is none ("Comprehensive Cancer Center").
    const before = s.at(i - 1);
    // In a single-case note's letterhead too ("ORVEL QUENBY SURGERY CENTER - PREADMISSION").
    const careFillers = organisation || compound || (s.mixed && w.capitalized && before !== undefined && before.capitalized && kindOfCare(before.key)
      && !NAMING_HEADS.has(before.key)) || (!s.mixed && before !== undefined && kindOfCare(before.key) && headClosesLine(s, i));
    const found = nameBefore(s, i, false, careFillers);
    if (found !== null && careFillers && ((s.mixed && !allCapitalised(s, found[0], i)) || kindOfOrganisation(s, found[0]))) return;
    if (found !== null && s.mixed && CLINIC_KINDS.has((s.at(found[0]) as Word).key)) return;
    // "Regional Burn Center": a name of naming heads alone ("Regional") with the care skipped is a kind.
    if (found !== null && careFillers && !organisation && !compound && !HEAD_FILLERS.has(before?.key ?? '')
      && s.words.slice(found[0], found[1] + 1).every((c) => NAMING_HEADS.has(c.key))) return;
    // "Good rehab potential": a prognosis, not a name.
    if (found !== null && found[0] === found[1] && PROGNOSES.has((s.at(found[0]) as Word).key)) return;
    // "MOVEMENT DISORDERS CLINIC": a heading in capitals in a mixed-case note, its words shaped like nouns of care.
    if (found !== null && s.mixed && headingInCapitals(s, found[0], i)) return;
    // A British GP's surgery only after the GP or a registration ("GP: Hollins Lane Surgery", "registered at Parkview
    // Surgery"): headings and procedures name "Surgery" as often ("Previous Surgery:", "Cataract Surgery").
    if (found !== null && w.key === 'surgery' && !gpBefore(s, found[0])) return;
    if (found !== null) {
      push(s, found[0], found[1], 'HOSPITAL');
      townAfterFacility(s, i);
    }
  } else if (NAMING_HEADS.has(w.key) && !(next !== undefined && /^(?:school|college|church|pain|block|lymph|nodes?|wall|enteritis|ileitis|anesthesia|anesthetic|endotracheal|orotracheal|nasotracheal|surgery|surgical|medicine|medical|appearance|condition|health|inhalational|inhalation|mask|lma|sedation|block)$/.test(next.key))) {
    const found = nameBefore(s, i, true);
    if (found !== null && found[0] < i) push(s, found[0], found[1], 'HOSPITAL');
  }
}

/**
 * The name's first word says the kind of organisation, not its name ("General Practice", "Reference Laboratories",
 * "Vascular Surgery"); after a name of its own a science is the practice's ("Northshore Pathology Associates").
 */
function kindOfOrganisation(s: PlaceScan, from: number): boolean {
  const key = (s.at(from) as Word).key;
  // An adjective or a science says which kind ("Vascular Surgery", "Histopathology Laboratory"); not a noun that ends
  // like one ("Cedar Ridge").
  return ORGANISATION_KINDS.has(key) || ((/(?:ic|al|lar|ary|ive|ics|ory)$/.test(key) || DEPARTMENT_ENDING.test(key)) && !isKnownName(key) && !lexicon.cities.has(key)
    && !NAMING_HEADS.has(key));
}

const PROGNOSES = new Set(['good', 'poor', 'fair', 'excellent', 'guarded', 'limited', 'great', 'reasonable']);

/** Words `from` to `to` are in capitals in a mixed-case note, and one is shaped like a noun of care, not a name. */
function headingInCapitals(s: PlaceScan, from: number, to: number): boolean {
  let shaped = false;
  for (let k = from; k <= to; k++) {
    const w = s.at(k) as Word;
    if (!/^[A-Z]{2,}$/.test(s.text.slice(w.start, w.end))) return false;
    if (VERB_LIKE.test(w.key) && !isKnownName(w.key) && !lexicon.cities.has(w.key)) shaped = true;
  }
  return shaped;
}

/** What a clinic's letterhead says of its kind ("POST OP CLINIC", "WELL BABY CLINIC", "FAST TRACK CLINIC"). */
const CLINIC_MODIFIERS = new Set(['post', 'pre', 'op', 'well', 'baby', 'fast', 'track', 'partum', 'postpartum', 'prenatal', 'antenatal',
  'postnatal', 'walk', 'same', 'day', 'night', 'main', 'general', 'outpatient', 'inpatient', 'pediatric', 'paediatric', 'adult', 'family', 'womens',
  'mens', 'travel', 'fever', 'flu', 'covid', 'hiv', 'tb', 'std', 'sti', 'cast', 'free', 'student', 'employee', 'staff', 'resident', 'residents',
  'teaching', 'continuity', 'procedure', 'procedures', 'injection', 'infusion', 'anticoag', 'anticoagulation', 'coumadin', 'lipid', 'ulcer', 'leg']);

/** The heads of home care, home health and kidney care agencies, named so in notes in capitals too. */
const AGENCY_HEADS = new Set(['health', 'care', 'infusion']);
/** Words that say which one, not whose: "TO FORMER HOME CARE", "SAME HOME HEALTH". */
const WHICH_ONE = new Set(['former', 'previous', 'prior', 'usual', 'same', 'new', 'old', 'current', 'local', 'another', 'other', 'outside',
  // Who pays or whom it serves, and what a patient needs: "MEDICARE HOME HEALTH", "PEDS HOME CARE", "TO REQUIRE HOME HEALTH".
  'medicare', 'medicaid', 'peds', 'pediatric', 'outpt', 'outpatient', 'inpt', 'ckd', 'esrd', 'require', 'requires', 'needs', 'need', 'private', 'va']);

/**
 * A word of the care a facility gives, which stays out of its name: "Quenby Diabetes Centre", "Orvel Skin & Dermatology
 * Associates", "Quenby Wound & Hyperbaric Center".
 */
function kindOfCare(key: string): boolean {
  return CARE_WORDS.has(key) || CLINIC_KINDS.has(key) || SPECIALTY_KINDS.has(key) || specialtyWord(key);
}

/** Specialties and services named by an adjective or a condition ("Oral & Maxillofacial", "Arthritis & Rheumatology"). */
const SPECIALTY_KINDS = new Set(['oral', 'maxillofacial', 'endocrine', 'hyperbaric', 'arthritis', 'orthopedic', 'orthopaedic', 'spine', 'sports',
  'plastic', 'reconstructive', 'cosmetic', 'digestive', 'gastrointestinal', 'respiratory', 'renal', 'urologic', 'neurologic', 'neurological',
  'behavioral', 'behavioural', 'fertility', 'reproductive', 'hearing', 'vision', 'retina', 'foot', 'ankle', 'joint', 'imaging', 'vein']);

/** Organs and conditions that name a clinic's kind, first in its name: "Heart Failure Clinic", "Breast Imaging Center". */
const CLINIC_KINDS = new Set(['heart', 'lung', 'liver', 'brain', 'bone', 'skin', 'mouth', 'foot', 'hand', 'spine', 'breast', 'blood', 'stress',
  'weight', 'sleep', 'pain', 'wound', 'memory', 'vein', 'kidney', 'eye', 'ear', 'voice', 'headache', 'seizure', 'stroke', 'transplant',
  'lymphedema', 'ostomy', 'diabetes', 'obesity', 'anticoagulation', 'coumadin', 'warfarin', 'dialysis', 'infusion', 'lipid', 'asthma', 'allergy']);

/** A GP's cue before word `first`: "GP:", "GP practice", "registered at", "registered with". */
function gpBefore(s: PlaceScan, first: number): boolean {
  let k = first - 1;
  if (s.at(k)?.key === 'at' || s.at(k)?.key === 'with') k--;
  const cue = s.at(k)?.key ?? '';
  if (cue === 'gp' || cue === 'registered' || cue === 'practice' || cue === "gp's") return true;
  // Or a line that opens with the GP's label: "GP: Dr Quenby, Orvelton Surgery".
  const start = (s.at(first) as Word).start;
  const lineStart = s.text.lastIndexOf('\n', start - 1) + 1;
  return start - lineStart <= 60 && /^[ \t]*(?:GP|General Practitioner)\b/.test(s.text.slice(lineStart, start));
}

/** Every word from `from` to `to` starts with a capital ("Lakeside Family Practice"). */
function allCapitalised(s: PlaceScan, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (!/^\p{Lu}/u.test(s.text.slice((s.at(k) as Word).start, (s.at(k) as Word).start + 1))) return false;
  return true;
}

/**
 * "Orvelton Hospital in Quenbury", "Orvelton Medical Center in Quenbury": the town after a named facility's head
 * (and the head words after it), "in" before it — a word that reads like a name, not a month or a state of care ("in
 * March", "in Stable Condition").
 */
function townAfterFacility(s: PlaceScan, head: number): void {
  let k = head + 1;
  while (k <= head + 3 && (GENERIC_HEADS.has(s.at(k)?.key ?? '') || HEAD_FILLERS.has(s.at(k)?.key ?? ''))) k++;
  const inWord = s.at(k);
  if (inWord !== undefined && s.mixed && /^,[ \t]*$/.test(inWord.gapBefore)) {
    townAfterComma(s, k);
    return;
  }
  const town = s.at(k + 1);
  if (inWord === undefined || inWord.key !== 'in' || !cleanGap(inWord.gapBefore) || town === undefined || !cleanGap(town.gapBefore)) return;
  if (!movedPlace(s, town) || MONTH_KEY_SET.has(town.key) || VERB_LIKE.test(town.key) || NOT_TOWNS_AFTER_IN.has(town.key)) return;
  const second = s.at(k + 2);
  if (second !== undefined && cleanGap(second.gapBefore) && STATES_OF_A_PATIENT.has(second.key)) return;
  // In a single-case note any word may follow "in": only a listed town there.
  if (!s.mixed && !lexicon.cities.has(town.key)) return;
  const two = second !== undefined && cleanGap(second.gapBefore) && s.mixed && second.capitalized && movedPlace(s, second)
    && !NOT_TOWNS_AFTER_IN.has(second.key);
  push(s, k + 1, two ? k + 2 : k + 1, 'LOCATION');
}

/**
 * "Rosewood Care Home, Cheltenham", "Brookvale Breast Center, Patchogue)": in a mixed-case note, one or two
 * capitalised words after a named facility's comma that close the phrase (punctuation, the line's end, a state's
 * code) are its town; not a department, a month or a word shaped like a verb ("X Hospital, Department of ...").
 */
function townAfterComma(s: PlaceScan, k: number): void {
  const town = s.at(k) as Word;
  const ok = (w: Word | undefined): w is Word => w !== undefined && w.capitalized && movedPlace(s, w) && !MONTH_KEY_SET.has(w.key) && !WEEKDAY_KEY_SET.has(w.key)
    && !VERB_LIKE.test(w.key) && !NOT_TOWNS_AFTER_IN.has(w.key) && !CARE_WORDS.has(w.key) && !GENERIC_HEADS.has(w.key) && !isKnownName(w.key);
  if (!ok(town)) return;
  const second = s.at(k + 1);
  const two = second !== undefined && cleanGap(second.gapBefore) && ok(second);
  const last = two ? (second as Word) : town;
  // Closed: punctuation or a line's end next, or a state's code ("Patchogue, NY").
  if (!/^(?:[ \t]*(?:$|[\n.;)|]|,[ \t]*(?:[A-Z]{2,3}\b|\d|Co\.))|[ \t]+[A-Z]{2,3}\b)/.test(s.text.slice(last.keyEnd, last.keyEnd + 8))) return;
  push(s, k, two ? k + 1 : k, 'LOCATION');
}

/** Words that say what kind of care a home or a practice gives, not whose it is: "Prior Nursing Home", "Comfort Care". */
const KINDS_OF_CARE = new Set(['prior', 'comfort', 'ambulatory', 'skilled', 'memory', 'local', 'private', 'current', 'new', 'other', 'same', 'long', 'term',
  'primary', 'inpatient', 'outpatient', 'pediatric', 'resident', 'adult', 'senior', 'care', 'home', 'a', 'an', 'the', 'to', 'from', 'at', 'in']);

function universities(s: PlaceScan, i: number, w: Word, next: Word | undefined): void {
  // "University of Alaska", "U of VT", "u of md": a university and the place after "of". A "u" in lower case (a unit
  // or "you" as often) only in a single-case note and before a state or a listed town ("u of md", not "u of course").
  const lowerU = w.key === 'u' && s.text.charCodeAt(w.start) !== 85;
  const university = w.key === 'university' || w.key === 'univ' || w.key === 'uof' || (w.key === 'u' && !/\d\s*$/.test(w.gapBefore) && (!lowerU || !s.mixed));
  if (university && next !== undefined && cleanGap(next.gapBefore)) {
    const ofAt = next.key === 'of' ? i + 2 : i + 1;
    const place = s.at(ofAt);
    if (place !== undefined && cleanGap(place.gapBefore) && (ofAt === i + 2 || w.key !== 'university')
      && (ofAt === i + 2 ? lexicon.states.has(place.key) || lexicon.cities.has(place.key) || (!lowerU && placeLike(place) && (place.capitalized || !s.mixed))
        : (lexicon.states.has(place.key) && place.key.length > 2) || lexicon.cities.has(place.key))) {
      push(s, i, ofAt, 'HOSPITAL');
    }
  }
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'pt', 'patient']);

/** Kinds of facility followed by the facility's name in brackets: "rehab (Quenby Orvel)", "SNF(ORVEL QUENBY)". */
const BRACKET_HEADS = new Set(['rehab', 'rehabilitation', 'snf', 'ltac', 'ltach', 'hospice', 'nh', 'facility', 'placement', 'home']);

/** "discharged to rehab (Quenby Orvel)": one to four name words in brackets right after the kind of facility. */
function facilityInBrackets(s: PlaceScan, i: number): void {
  const w = s.at(i) as Word;
  const first = s.at(i + 1);
  if (first === undefined || !/^[ \t]*\($/.test(first.gapBefore)) return;
  for (let k = i + 1; k <= i + 4; k++) {
    const c = s.at(k);
    if (c === undefined || (k > i + 1 && !/^[ \t]+$/.test(c.gapBefore)) || !placeLike(c) || UNIT_WORDS.has(c.key) || NOT_PLACES.has(c.key)
      || MONTH_KEY_SET.has(c.key) || WEEKDAY_KEY_SET.has(c.key) || !(s.mixed ? /^\p{Lu}/u.test(s.text.charAt(c.start)) : c.key.length >= 4 && !VERB_LIKE.test(c.key))) break;
    if (/^[ \t]*\)/.test(s.text.slice(c.end, c.end + 2))) {
      // The brackets close after this word: the name is whole.
      if (w.key !== 'home' || s.at(i - 1)?.key === 'nursing') push(s, i + 1, k, 'HOSPITAL');
      return;
    }
  }
}

/** After "works as" (word `as`): the word after "a"/"an" and the job's one or two words, up to "for" or "at"; else `as`. */
function jobEnd(s: PlaceScan, as: number): number {
  let k = as + 1;
  if (s.at(k)?.key === 'a' || s.at(k)?.key === 'an') k++;
  for (let n = 0; n < 3; n++, k++) {
    const c = s.at(k);
    if (c === undefined || !cleanGap(c.gapBefore)) return as;
    if (n > 0 && (c.key === 'for' || c.key === 'at')) return k;
  }
  return as;
}

function movements(s: PlaceScan, i: number, w: Word, next: Word | undefined): void {
  // Places after a movement: "transferred from Larchmont for cath", "med-flighted to X", "flying in from X",
  // "works at X", "accepted at X" — words that read like a name (capitalised in mixed-case notes; elsewhere not a
  // function, clinical or unit word, nor shaped like a verb).
  const mixedOnly = !MOVE_VERBS.has(w.key);
  if ((!mixedOnly || (s.mixed && MIXED_CASE_MOVE_VERBS.has(w.key))) && next !== undefined) {
    let j = i + 1;
    // "driving him home to X": whom is moved, before the adverb; "works as a deckhand for X": the job, before the employer.
    if (!mixedOnly && OBJECT_PRONOUNS.has((s.at(j) as Word).key) && s.at(j + 1) !== undefined) j++;
    if (EMPLOYMENT_VERBS.has(w.key) && (s.at(j) as Word).key === 'as') j = jobEnd(s, j);
    if ((s.at(j) as Word).key === 'in' && s.at(j + 1)?.key === 'from') j++;
    // "moved here from X", "transferred back to X" (not after the verbs of mixed-case notes: "go back to Temodar").
    else if (!mixedOnly && MOVE_ADVERBS.has((s.at(j) as Word).key) && MOVE_PREPOSITIONS.has(s.at(j + 1)?.key ?? '') && cleanGap((s.at(j + 1) as Word).gapBefore)) j++;
    const prep = s.at(j) as Word;
    const viaAt = /@\s*$/.test(prep.gapBefore) && j === i + 1;
    const first = viaAt ? j : j + 1;
    // "works for orlen health": an employer, named like a place, with its organisation word.
    const employer = EMPLOYMENT_VERBS.has(w.key) && prep.key === 'for';
    // After the verbs of mixed-case notes "at" tells a time as often ("sent at Midnight").
    const preposition = MOVE_PREPOSITIONS.has(prep.key) && !(mixedOnly && prep.key === 'at');
    if ((viaAt || preposition || employer) && cleanGap(prep.gapBefore.replace('@', ' ')) || viaAt) {
      let last = first - 1;
      for (let k = first; k < first + 3; k++) {
        const c = s.at(k);
        if (c === undefined || !(k === first ? /^[ \t]*@?[ \t]*$/.test(c.gapBefore) : /^[ \t]*-?[ \t]*$/.test(c.gapBefore))) break;
        // Not a day or a month after the place ("back to Quenwood Fri 6/27").
        if (!movedPlace(s, c) || (k > first && (WEEKDAY_KEY_SET.has(c.key) || MONTH_KEY_SET.has(c.key)))) break;
        last = k;
      }
      const suffix = s.at(last + 1);
      if (employer && last >= first && suffix !== undefined && cleanGap(suffix.gapBefore) && ORGANISATION_WORDS.has(suffix.key)) last++;
      const a = s.at(first) as Word;
      const b = s.at(last) as Word;
      if (last >= first && !stateAlone(s, first, last)) s.moved.push({ start: a.start, end: b.keyEnd, category: 'LOCATION' });
    }
  }
}

function hospitalAbbreviations(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  // Hospital abbreviations: "GH", "MGH" (upper case, or lower case after to/at/from).
  // Not a part of a hyphenated term ("BI-RADS").
  if (lexicon.hospitalAbbreviations.has(w.key) && (/^[A-Z]+$/.test(s.text.slice(w.start, w.end)) || (prev !== undefined && SAINT_BEFORE.has(prev.key)))
    && s.text.charCodeAt(w.end) !== 45) {
    push(s, i, i, 'HOSPITAL');
  }
}

function religiousNames(s: PlaceScan, i: number, w: Word, next: Word | undefined, prev: Word | undefined): void {
  // "at Holy Cross", "to Saint Brigid", "Good Samaritan": religious facility names after a cue.
  if ((w.key === 'holy' || w.key === 'sacred' || w.key === 'good') && next !== undefined && cleanGap(next.gapBefore) && prev !== undefined
    && FACILITY_CUES.has(prev.key) && (w.key !== 'good' || next.key === 'samaritan') && placeLike(next)) {
    push(s, i, i + 1, 'HOSPITAL');
  }
}

function saints(s: PlaceScan, w: Word, next: Word | undefined, prev: Word | undefined): void {
  // Saints: "to St. Brigid", "@ St B.", "St Alban's".
  if ((w.key === 'st' || w.key === 'saint') && next !== undefined && /^\.?[ \t]+$/.test(next.gapBefore)
    && ((prev !== undefined && SAINT_BEFORE.has(prev.key)) || /@\s*$/.test(w.gapBefore))
    && (lexicon.firstNames.has(next.key) || (next.single && /^\./.test(s.text.slice(next.end, next.end + 1))) || (s.mixed && next.capitalized))) {
    s.spans.push({ start: w.start, end: next.end, category: 'HOSPITAL' });
  }
}

function gazetteer(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  const words = s.words;
  // Gazetteer: the longest city name starting here.
  if (lexicon.cityFirstWords.has(w.key)) {
    let key = w.key;
    for (let n = 1; n <= lexicon.cityMaxWords && i + n - 1 < words.length; n++) {
      if (n > 1) {
        const c = words[i + n - 1] as Word;
        if (!cleanGap(c.gapBefore) && !/^-$/.test(c.gapBefore)) break;
        key += ' ' + c.key;
      }
      if (!lexicon.cities.has(key)) continue;
      const last = words[i + n - 1] as Word;
      const after = s.at(i + n);
      const stateAfter = after !== undefined && /^[ \t]*,?[ \t]*$/.test(after.gapBefore) && lexicon.states.has(after.key)
        && (after.key.length > 2 || /^[A-Z]{2}$/.test(s.text.slice(after.start, after.end)) || /,/.test(after.gapBefore));
      const placeCue = prev !== undefined && PLACE_BEFORE.has(prev.key) && /^[ \t]*$/.test(w.gapBefore);
      const capital = !s.mixed || /^[A-Z]/.test(s.text.slice(w.start, w.start + 1));
      if ((lexicon.ambiguousCities.has(key) ? (stateAfter || (placeCue && capital)) : capital || placeCue || stateAfter)
        && !namesAnInstrument(words, s.text, i + n - 1) && !namesAClassification(s.text, last.end)) {
        s.spans.push({ start: w.start, end: last.keyEnd, category: 'LOCATION' });
      }
    }
  }
}

/** A number and a unit of a dose or a lab value after a state code: a drug or test before it, not a town. */
const DOSE_AFTER = new RegExp(String.raw`^[ \t]+[\d.,]+[ \t]*${DOSE_UNIT}\b`, 'i');

/** After a state code: the line's end or a ZIP code, which close a town's line. */
const TOWN_LINE_END = /^(?:[ \t]*(?:\r?\n|$)|[ \t]+\d{5}(?:-\d{4})?\b)/;
/**
 * State codes that are no clinical abbreviation or credential: a town's at a line's end too ("Orvelby, MT"). The others
 * ("Ultrasound, CT", "Cardiac Output, CO", "Left Atrium, LA", "Quenby, PA") only with a ZIP code.
 */
const LINE_END_CODES = new Set(['mt', 'ga', 'wy', 'nd', 'sd', 'ia', 'il', 'de', 'nv']);

function beforeStateCode(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  // "Bel Air, MD": capitalised words before ", <state code>" in mixed-case notes (codes that are not also clinical
  // abbreviations such as MI, PA, CT, OR), or a code when its line ends (LINE_END_CODES) or a ZIP code follows: "Quenby, MT".
  // Not a drug before a dose: "Vancomycin, MA 12500 mg".
  const code = SAFE_STATE_CODES.has(w.key) || (w.key.length === 2 && lexicon.states.has(w.key)
    && (LINE_END_CODES.has(w.key) ? TOWN_LINE_END : /^[ \t]+\d{5}\b/).test(s.text.slice(w.end, w.end + 12)));
  if (s.mixed && code && /^[A-Z]{2}$/.test(s.text.slice(w.start, w.end)) && prev !== undefined
    && /^[ \t]*,[ \t]*$/.test(w.gapBefore) && placeLike(prev) && prev.capitalized && !DOSE_AFTER.test(s.text.slice(w.end, w.end + 24))) {
    const p2 = s.at(i - 2);
    const first = p2 !== undefined && cleanGap(prev.gapBefore) && placeLike(p2) && p2.capitalized && !PLACE_BEFORE.has(p2.key) ? i - 2 : i - 1;
    // "Orvel Ostrowski, MD", "Tovald Brask, MD": two words before a doctor's credential are a person, not a town and
    // the state code MD, unless the words are a listed town or end like one ("Orvel Heights, MD", "Quenbyville, MD").
    if (w.key === 'md' && first === i - 2 && !lexicon.cities.has(`${(s.at(first) as Word).key} ${prev.key}`) && !townEnding(prev.key)) return;
    // "Orvel Delgado-Quenby, MD": the second part of a double-barrelled surname.
    if (w.key === 'md' && prev.gapBefore === '-') return;
    push(s, first, i - 1, 'LOCATION');
  }
}

/**
 * Words that end a town's name: its kind ("Heights", "Falls", "Park") or a suffix only towns have ("-ville", "-burg";
 * not "-ton" or "-ford", which surnames have as often).
 */
const TOWN_KINDS: ReadonlySet<string> = new Set([...STREET_TYPES_DISTINCT, ...STREET_TYPES_COMMON, 'city', 'town', 'township', 'borough', 'beach', 'bay']);
const TOWN_SUFFIX = /(?:ville|burg|borough|boro|town|port|haven)$/;

function townEnding(key: string): boolean {
  return TOWN_KINDS.has(key) || TOWN_SUFFIX.test(key);
}

function beforeStateName(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  // "in Tyler, Texas", "Nashua, New Hampshire": a capitalised word before ", <state name>" in mixed-case notes. A
  // state of two words is found at its second ("Hampshire"), which is the rarer word.
  // Not a state's name opening a proper noun: "Tower, Wisconsin Card Sorting Test".
  const next = s.at(i + 1);
  const twoWords = TWO_WORD_STATES.get(w.key)?.has(prev?.key ?? '') === true && prev !== undefined && prev.capitalized && cleanGap(w.gapBefore);
  const state = twoWords ? prev : w;
  const at = twoWords ? i - 2 : i - 1;
  const town = s.at(at);
  if (!(s.mixed && (twoWords || (w.key.length > 2 && lexicon.states.has(w.key))) && w.capitalized && state !== undefined && town !== undefined
    && /^[ \t]*,[ \t]*$/.test(state.gapBefore) && town.capitalized && placeLike(town) && !(next !== undefined && cleanGap(next.gapBefore) && next.capitalized))) return;
  // The town follows a word of place ("in", "from", "lives"): "Army, Georgia", "Lisinopril, Georgia protocol",
  // "signed by Bartlett, Georgia" (a surname and a given name) are no towns. A town of two words ("from Orvel Falls,
  // Texas") is taken whole.
  const before = s.at(at - 1);
  const first = s.at(at - 2);
  if (before !== undefined && PLACE_BEFORE.has(before.key) && cleanGap(town.gapBefore)) push(s, at, at, 'LOCATION');
  else if (before !== undefined && first !== undefined && before.capitalized && placeLike(before) && cleanGap(before.gapBefore) && cleanGap(town.gapBefore)
    && PLACE_BEFORE.has(first.key)) push(s, at - 1, at, 'LOCATION');
}


/** What a medical assistant does after "MA": "MA aware", "MA notified". */
const PERSON_AFTER_CODE = /^[ \t]*(?:aware|notified|informed|made|called|paged|to|will|updated|here)\b/i;

function beforeStateCodeSingleCase(s: PlaceScan, i: number, w: Word, prev: Word | undefined): void {
  // "FROM CUMBERLAND, MD" in single-case notes: a word after from/in/of, before ", <state code>".
  // ("md" excluded here: "no new rash, md aware"; "ma", a medical assistant as often, only after "from" and not before
  // what a person does: "PT FROM QUENBYVILLE, MA.", not "pain in back, ma aware".)
  const ma = w.key === 'ma' && s.at(i - 2)?.key === 'from' && !PERSON_AFTER_CODE.test(s.text.slice(w.end, w.end + 16));
  if (!s.mixed && SAFE_STATE_CODES.has(w.key) && w.key !== 'md' && (w.key !== 'ma' || ma) && prev !== undefined && /^[ \t]*,[ \t]*$/.test(w.gapBefore) && placeLike(prev) && prev.key.length >= 3) {
    const p2 = s.at(i - 2);
    const p3 = s.at(i - 3);
    if (p2 !== undefined && cleanGap(prev.gapBefore) && PLACE_BEFORE.has(p2.key)) push(s, i - 1, i - 1, 'LOCATION');
    else if (p2 !== undefined && p3 !== undefined && cleanGap(prev.gapBefore) && cleanGap(p2.gapBefore) && placeLike(p2) && PLACE_BEFORE.has(p3.key)) push(s, i - 2, i - 1, 'LOCATION');
  }
}

/** Words between "lives" and "in" before a town: "lives alone in X", "lives locally in X". */
const LIVING_ALONE = new Set(['alone', 'here', 'locally', 'independently', 'together', 'now', 'currently', 'still', 'nearby']);

function livesIn(s: PlaceScan, i: number, w: Word, next: Word | undefined): void {
  // "lives in X", "resides in X", "lives alone in X".
  if (next === undefined || !/^(?:lives|living|resides|reside|live)$/.test(w.key)) return;
  const alone = LIVING_ALONE.has(next.key) && s.at(i + 2)?.key === 'in';
  if (!alone && next.key !== 'in') return;
  const t = alone ? i + 3 : i + 2;
  const c = s.at(t);
  // After "alone" the town is capitalised in a mixed-case note: "lives alone in bedsit" names none.
  if (c === undefined || (alone && s.mixed && !/^\p{Lu}/u.test(s.text.charAt(c.start)))) return;
  if (cleanGap(c.gapBefore) && placeLike(c) && (!lexicon.states.has(c.key) || c.key === 'dc') && !/^(?:a|an|the|his|her|elderly|nursing)$/.test(c.key)
    && !NOT_MOVED_TO.has(c.key)) {
    const c2 = s.at(t + 1);
    const two = c2 !== undefined && cleanGap(c2.gapBefore) && placeLike(c2) && (lexicon.cities.has(`${c.key} ${c2.key}`) || (s.mixed && c2.capitalized));
    push(s, t, two ? t + 1 : t, 'LOCATION');
  }
}

/** Words `from` to `to` name a country, a state or a continent: no identifier under Safe Harbor. */
function namesARegion(s: PlaceScan, from: number, to: number): boolean {
  const name = s.words.slice(from, to + 1).map((c) => c.key).join(' ');
  return lexicon.countries.has(name) || lexicon.states.has(name) || lexicon.continents.has(name);
}

/** What a relative's town may follow: "her sister's place in X", "his son's house in X". */
const HOMES = new Set(['place', 'house', 'home', 'apartment', 'flat', 'farm', 'condo']);

/**
 * A word of the town a relative lives in or comes from: capitalised in a mixed-case note, five letters or more in a
 * single-case one; not a month, a state of care, a language or an abstract noun. Not townAfterIn's verb-shaped words:
 * towns end in "-ing" too ("Kettering"); an abstract noun does not follow a relative ("in Remission").
 */
function relativesTownWord(s: PlaceScan, c: Word | undefined): boolean {
  // Not an eponym's disease ("Huntington's").
  return c !== undefined && /^[ \t]+$/.test(c.gapBefore) && (c.key.length >= 5 || (s.mixed && c.capitalized)) && c.keyEnd === c.end && movedPlace(s, c)
    && !ORGANISATION_HEADS.has(c.key)
    && !NOT_TOWNS_AFTER_IN.has(c.key) && !MONTH_KEY_SET.has(c.key) && !WEEKDAY_KEY_SET.has(c.key) && !lexicon.regionWords.has(c.key)
    && !STATES_OF_A_PATIENT.has(c.key) && !/(?:ed|ly|ment|ness|tion|sion|ity|ance|ence)$/.test(c.key)
    && !NOT_TOWNS_FROM.has(c.key) && (s.mixed || !VERB_LIKE.test(c.key))
    // A language: "explained it to the mother in her language".
    && !(/(?:ian|ese|ish)$/.test(c.key) && !lexicon.cities.has(c.key));
}

/** Where a relative calls or comes from that is no town: "SON FROM UPSTAIRS", "DTR CALLED FROM AIRPORT", "from overseas". */
const NOT_TOWNS_FROM = new Set(['upstairs', 'downstairs', 'airport', 'hotel', 'motel', 'across', 'cellphone', 'phone', 'grocery', 'traffic',
  'workplace', 'overseas', 'abroad', 'downtown', 'uptown', 'outside', 'inside', 'office', 'store', 'train', 'plane', 'flight', 'lobby', 'parking',
  'garage', 'cafeteria', 'restaurant', 'neighbors', 'neighbours', 'fathers', 'mothers', 'vacation', 'holiday', 'cruise', 'college', 'school',
  'university', 'afar', 'away', 'town', 'state', 'country', 'coast', 'midwest', 'europe']);
/** Verbs of a relative coming from a town. */
const COMING = new Set(['coming', 'come', 'comes', 'came', 'arrive', 'arrives', 'arriving', 'arrived', 'flying', 'fly', 'flies', 'flew', 'driving',
  'drive', 'drives', 'drove', 'travelling', 'traveling', 'visiting', 'returning', 'returned', 'moved', 'moving', 'called', 'calling', 'phoned']);
/** Words of dying or suffering, after which "from" names a disease. */
const DYING = new Set(['died', 'dies', 'passed', 'death', 'suffered', 'suffers', 'suffering', 'recovering', 'recovered', 'diagnosed', 'sick', 'ill']);

/**
 * The town of one or two words from word `t` ("Silver City" too), unless a country, a state or a continent. Found by
 * context, as after a movement: it is found again only where written alike (findPlaces).
 */
function relativesTown(s: PlaceScan, t: number): void {
  const first = s.at(t);
  if (first === undefined || !relativesTownWord(s, first)) return;
  const second = s.at(t + 1);
  const two = relativesTownWord(s, second) || (second !== undefined && /^[ \t]+$/.test(second.gapBefore) && second.capitalized === first.capitalized
    && TOWN_KINDS.has(second.key));
  const last = two ? t + 1 : t;
  if (namesARegion(s, t, last)) return;
  s.moved.push({ start: first.start, end: (s.at(last) as Word).keyEnd, category: 'LOCATION' });
}

/**
 * "lives with her granddaughter Tamsin in Orvelby", "a cousin in Quenbury", "sister Mabel's place in Orvel Falls": in a
 * mixed-case note, the town a relative lives in, after the relation, the relative's capitalised name (up to three
 * words) and the home. "SON FROM QUENBURY PHONED", "her son drives up on Sunday from Quenbury": in any note, the
 * town a relative comes from, "from" in the relation's clause.
 */
function relativeIn(s: PlaceScan, i: number): void {
  // "from" right after a relative ("SON FROM X"), or after a verb of coming in the relative's clause ("daughter to
  // arrive tomorrow from X"); not after other verbs ("Mother reports rash from Amoxicillin", "died from X's").
  let coming = false;
  const relation = RELATIONS.has((s.words[i] as Word).key);
  for (let k = i + 1; k <= i + 8 && relation; k++) {
    const c = s.at(k);
    if (c === undefined || (c.gapBefore !== ' ' && /[.;!?\n]/.test(c.gapBefore)) || DYING.has(c.key)) break;
    if (c.key === 'from') {
      if (coming || k === i + 1) relativesTown(s, k + 1);
      break;
    }
    if (COMING.has(c.key)) coming = true;
  }
  // The relative's name: capitalised words in a mixed-case note, listed names in a single-case one ("HUSBAND STANLEY IN
  // QUENBURY"); then the home, an age in brackets ("wife Irma (89) in Quenbury") and "in".
  let k = i + 1;
  const nameWord = (c: Word | undefined): boolean => c !== undefined && cleanGap(c.gapBefore) && (s.mixed ? c.capitalized : isKnownName(c.key) && !lexicon.stop.has(c.key));
  while (k <= i + 3 && nameWord(s.at(k))) k++;
  if (k > i + 1 && HOMES.has(s.at(k)?.key ?? '') && /'s[ \t]+$/.test(s.text.slice((s.at(k - 1) as Word).keyEnd, (s.at(k) as Word).start))) k++;
  const inWord = s.at(k);
  if (inWord === undefined || inWord.key !== 'in' || !/^[ \t]+(?:\(\d{1,3}\)[ \t]+)?$/.test(inWord.gapBefore)) return;
  // In a mixed-case note "in" in lower case: "Son In Law" is no preposition.
  if (s.mixed && s.text.charCodeAt(inWord.start) !== 105) return;
  relativesTown(s, k + 1);
}

/**
 * "TAKEN TO QUENBY ORVEL WHERE CK'S WERE POSITIVE", "was brought to Orvelby where she was intubated": one or two words
 * between a movement and "to"/"at"/"from" and a "where" that says something happened there, in any note; not a unit,
 * a department or a common word ("taken to OR where", "went to the bathroom where").
 */
function placeBeforeWhere(s: PlaceScan, i: number): void {
  const word = (k: number): boolean => {
    const c = s.at(k);
    return c !== undefined && cleanGap((s.at(k + 1) as Word).gapBefore) && movedPlace(s, c) && (s.mixed ? c.capitalized : c.key.length >= 5 && !VERB_LIKE.test(c.key))
      && !NAMING_HEADS.has(c.key);
  };
  if (!word(i - 1)) return;
  const first = word(i - 2) ? i - 2 : i - 1;
  const cue = s.at(first - 1);
  const verb = s.at(first - 2);
  if (cue === undefined || verb === undefined || !MOVE_PREPOSITIONS.has(cue.key) || !(MOVE_VERBS.has(verb.key) || MIXED_CASE_MOVE_VERBS.has(verb.key))) return;
  if (namesARegion(s, first, i - 1)) return;
  s.moved.push({ start: (s.at(first) as Word).start, end: (s.at(i - 1) as Word).keyEnd, category: 'LOCATION' });
}

/** A word that can name a town after "I'm in": capitalised (or upper case, 5+ letters), not a unit, care word or country. */
function townAfterIn(s: PlaceScan, c: Word): boolean {
  const surface = s.text.slice(c.start, c.end);
  // In capitals only a longer word: "I'm in DKA", "I am in ICU" are states of care, "I am in BRENNVIK" a town.
  const shaped = c.capitalized || /^\p{Lu}\p{Ll}/u.test(surface) || (/^\p{Lu}{5,}$/u.test(surface)) || (c.single && /^\p{Lu}$/u.test(surface));
  // "I'm in Remission", "I'm in Treatment": shaped like an abstract noun, unless a town of the list.
  if (!lexicon.cities.has(c.key) && VERB_LIKE.test(c.key)) return false;
  return shaped && !lexicon.stop.has(c.key) && !CARE_WORDS.has(c.key) && !GENERIC_HEADS.has(c.key) && !NOT_PLACES.has(c.key) && !UNIT_WORDS.has(c.key)
    && !lexicon.states.has(c.key) && !lexicon.countries.has(c.key);
}

function whereIAm(s: PlaceScan, i: number, w: Word, next: Word | undefined, prev: Word | undefined): void {
  // "I'm in Havrevik for a meeting", "I am in Nether Ostervik": where the speaker is, named in capitals after
  // "I am in". Capitals are the evidence, so "in" must be written in lower case (not an upper-case note: "I AM IN
  // PAIN"); the note as a whole may be too short to tell its case. "I'm in pain", "I am in ICU" are not places.
  if (next?.key !== 'in' || !/^[ \t]+$/.test(next.gapBefore) || s.text.slice(next.start, next.end) !== 'in') return;
  if (!(w.key === "i'm" || (w.key === 'am' && prev?.key === 'i' && /^[ \t]+$/.test(w.gapBefore)))) return;
  let last = -1;
  for (let k = i + 2; k < i + 5; k++) {
    const c = s.at(k);
    if (c === undefined || !/^[ \t]+$/.test(c.gapBefore) || !townAfterIn(s, c)) break;
    last = k;
  }
  if (last < 0) return;
  // A country of more words ("Costa Rica") is no town either.
  const name = s.words.slice(i + 2, last + 1).map((c) => c.key).join(' ');
  if (lexicon.countries.has(name)) return;
  const a = s.at(i + 2) as Word;
  const b = s.at(last) as Word;
  s.moved.push({ start: a.start, end: b.keyEnd, category: 'LOCATION' });
}

/**
 * "has a home in Orvelton", "FAMILY IN QUENBURY", "new job in Orvel Falls", "thinks they are in Quenbury": a town after
 * "in" and a word of living or working somewhere, or of knowing where one is. Words shaped like a name (see
 * townAfterIn); in a note all in capitals six letters or more, no state of a patient ("HOME IN WHEELCHAIR").
 */
function livingIn(s: PlaceScan, i: number, w: Word, next: Word | undefined): void {
  let inAt = -1;
  if (w.key === 'grew') {
    if (next?.key === 'up' && s.at(i + 2)?.key === 'in') inAt = i + 2;
  } else if (LIVING_NOUNS.has(w.key) && next?.key === 'in') inAt = i + 1;
  else if (KNOWING_VERBS.has(w.key) && /^(?:he|she|pt|they)$/.test(next?.key ?? '') && /^(?:is|was|are|were)$/.test(s.at(i + 2)?.key ?? '')
    && /^(?:in|at)$/.test(s.at(i + 3)?.key ?? '')) inAt = i + 3;
  if (inAt < 0 || !/^[ \t]+$/.test((s.at(inAt) as Word).gapBefore)) return;
  const upperNote = /^\p{Lu}+$/u.test(s.text.slice((s.at(inAt) as Word).start, (s.at(inAt) as Word).end));
  let last = -1;
  for (let k = inAt + 1; k < inAt + 4; k++) {
    const c = s.at(k);
    if (c === undefined || !/^[ \t]+$/.test(c.gapBefore) || !townAfterIn(s, c) || NOT_TOWNS_AFTER_IN.has(c.key) || STATES_OF_A_PATIENT.has(c.key)
      || lexicon.regionWords.has(c.key) || (upperNote && c.key.length < 6) || (/(?:ian|ese|ish)$/.test(c.key) && !lexicon.cities.has(c.key))) break;
    last = k;
  }
  if (last < 0) return;
  // Stopped before a country, a state or a device: "born in Southern X-land", "home in Quenby lift".
  const after = s.at(last + 1);
  if (after !== undefined && cleanGap(after.gapBefore) && (DEVICE_NOUNS.has(after.key) || lexicon.countries.has(after.key)
    || lexicon.states.has(after.key) || lexicon.continents.has(after.key))) return;
  // A country or a state is no identifier ("born and raised in New Hampshire").
  // "raised in New Hampshire": the first word of a state's name stops before it, its second.
  const stateAfter = TWO_WORD_STATES.get(s.at(last + 1)?.key ?? '')?.has((s.at(last) as Word).key) === true;
  const two = stateAfter || (last === inAt + 2 && TWO_WORD_STATES.get((s.at(last) as Word).key)?.has((s.at(inAt + 1) as Word).key) === true);
  if (two || namesARegion(s, inAt + 1, last)) return;
  s.moved.push({ start: (s.at(inAt + 1) as Word).start, end: (s.at(last) as Word).keyEnd, category: 'LOCATION' });
}

function wardsAfterTransfer(s: PlaceScan, i: number, w: Word, next: Word | undefined, prev: Word | undefined): void {
  // Wards: "transfer to Halvorsen 2", "transferred to halvorsen.", "to 316 halvorsen".
  if (/^(?:transfer|transferred|transfered|tranfered|trans|tx|txd|tx'd|transferring|transfering|xfer|xferred|o|readmitted)$/.test(w.key)
    && (w.key !== 'o' || (prev?.key === 'c' && w.gapBefore === '/'))
    && next !== undefined && (next.key === 'to' || next.key === 'from' || next.key === 'on')) {
    let j = i + 2;
    if (s.at(j)?.key === 'back') j++;
    const c = s.at(j);
    const after = c === undefined ? '' : s.text.slice(c.end, c.end + 3);
    // A room number may come first: "transferred to 412 westerly".
    if (c !== undefined && /^[ \t]*(?:\d{3}[ \t]+)?$/.test(c.gapBefore) && !UNIT_WORDS.has(c.key) && placeLike(c) && c.key.length >= 5 && s.text.charAt(c.end) !== '/' && !/\d/.test(after.slice(0, 1) === '-' ? after : '')
      && !stateAlone(s, j, j)) {
      push(s, j, j, 'LOCATION');
    }
  }
}

/**
 * The facility from word `first` to its head `head` opens the note's first line and closes it, or a dash or a comma
 * follows: a letterhead ("QUENBY ORVEL CANCER CENTER - INFUSION SUITE", "orvel quenby surgery center\n").
 */
function letterheadLine(s: PlaceScan, first: number, head: number): boolean {
  // The note's first line: a letterhead tops its note.
  return first === 0 && headClosesLine(s, head);
}

/** The line ends after word `head`, or a dash, a comma, a colon or a bar follows it. */
function headClosesLine(s: PlaceScan, head: number): boolean {
  const end = (s.at(head) as Word).end;
  return /^[ \t]*(?:\r?\n|$|[-–,:|])/.test(s.text.slice(end, end + 4));
}

/**
 * A practice named for two kinds of care joined by "&", with a head or without: "Quenby Allergy & Asthma", "AT QUENBY
 * HEART & VASCULAR", a letterhead's "orvel valley arthritis & rheumatology". Its name is the one to three words before
 * the first kind (the kinds stay out, as a facility's do), capitalised in a mixed-case note, no adjective; after a
 * facility's cue ("at", "to"), a signature's comma or at a line's start. Found from the note's "&"s, which few notes
 * have.
 */
function ampersandPractices(s: PlaceScan): void {
  const words = s.words;
  for (let at = s.text.indexOf('&'); at >= 0; at = s.text.indexOf('&', at + 1)) {
    const k = firstWordFrom(words, at + 1);
    const second = words[k];
    const firstKind = words[k - 1];
    if (second === undefined || firstKind === undefined || !/^[ \t]*&[ \t]*$/.test(second.gapBefore) || !kindOfCare(firstKind.key) || !kindOfCare(second.key)) continue;
    if (s.mixed && !(firstKind.capitalized && second.capitalized)) continue;
    let kind = k - 1;
    // "Orvel Ear Nose & Throat": more kinds before the first.
    while (kind > 0 && kindOfCare((words[kind - 1] as Word).key) && cleanGap((words[kind] as Word).gapBefore)) kind--;
    let first = kind;
    for (let j = kind - 1; j >= Math.max(0, kind - 3); j--) {
      const w = words[j] as Word;
      if (!cleanGap((words[j + 1] as Word).gapBefore) || !placeLike(w) || kindOfCare(w.key) || NAMING_HEADS.has(w.key) || (s.mixed && !w.capitalized)
        || UNIT_WORDS.has(w.key) || ORGANISATION_KINDS.has(w.key) || (ADJECTIVE_SHAPED.test(w.key) && !isKnownName(w.key) && !lexicon.cities.has(w.key))) break;
      first = j;
    }
    if (first === kind) continue;
    const opener = words[first] as Word;
    // After a cue ("at", "to", "by"), a signature's comma ("Dr. X, Quenby Allergy & Asthma") or at a line's start.
    const cue = first > 0 && (STRONG_CUES.has((words[first - 1] as Word).key) || (s.mixed && /^[ \t]*,[ \t]*$/.test(opener.gapBefore))) && (cleanGap(opener.gapBefore) || s.mixed);
    const lineStart = first === 0 || /\n[ \t]*$/.test(opener.gapBefore);
    if (cue || lineStart) push(s, first, kind - 1, 'HOSPITAL');
  }
}

/** Adjectives and verbs by their endings ("Seasonal", "Chronic", "Daily", "Adult" aside): no practice's own name. */
const ADJECTIVE_SHAPED = /(?:al|ic|ive|ous|ary|ory|ed|ing|ly|ful|less|ent|ant)$/;

/** The index of the word that starts at `offset`, or -1 (words are in text order). */
function wordStartingAt(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = (words[mid] as Word).start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A word of a place found that may be found again alone: long, not a common, care, head or state word. */
function distinctivePlaceWord(key: string): boolean {
  return key.length >= 5 && !lexicon.stop.has(key) && !CARE_WORDS.has(key) && !GENERIC_HEADS.has(key) && !NAMING_HEADS.has(key)
    && !HEAD_FILLERS.has(key) && !lexicon.states.has(key) && !UNIT_WORDS.has(key) && !lexicon.ambiguousCities.has(key)
    && !lexicon.ambiguousNames.has(key) && !PLACE_WORDS.has(key) && !/\d/.test(key);
}

/**
 * A ward or town found by context is the same place wherever its name recurs in the note ("transferred to
 * Halvorsen 2 ... HALVORSEN4 overnight"). Only distinctive single words propagate: not facility heads,
 * care words, states or stop words.
 */
function propagate(words: readonly Word[], text: string, spans: PhiSpan[]): void {
  if (spans.length === 0) return;
  const found = new Map<string, 'LOCATION' | 'HOSPITAL'>();
  const covered = new Set<number>();
  let k = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < words.length && k < sorted.length; i++) {
    const w = words[i] as Word;
    while (k < sorted.length && (sorted[k] as PhiSpan).end <= w.start) k++;
    const s = sorted[k];
    if (s === undefined || s.start > w.start) continue;
    covered.add(i);
    if (s.category === 'LOCATION' && distinctivePlaceWord(w.key)) found.set(w.key, 'LOCATION');
  }
  if (found.size === 0) return;
  // The lengths of the found names, one bit each: most words differ and need no hashed look-up.
  let lengths = 0;
  for (const k of found.keys()) lengths |= 1 << (k.length & 31);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if ((lengths & (1 << (w.key.length & 31))) === 0) continue;
    const category = found.get(w.key);
    if (category !== undefined && !covered.has(i) && !namesAnInstrument(words, text, i)) spans.push({ start: w.start, end: w.keyEnd, category });
  }
}

/**
 * The words of the places found after a movement or a relative (`moved`, weaker evidence) found again where written
 * alike, case and all ("FLY FROM QUENBURY ... SON FROM QUENBURY"): looked for with indexOf, as these words are few and
 * a pass over every word of the note cost more.
 */
function propagateAlike(words: readonly Word[], text: string, all: PhiSpan[], moved: readonly PhiSpan[]): void {
  const surfaces = new Set<string>();
  for (const m of moved) {
    if (m.category !== 'LOCATION') continue;
    for (const part of text.slice(m.start, m.end).split(/[^\p{L}]+/u)) if (distinctivePlaceWord(part.toLowerCase())) surfaces.add(part);
  }
  for (const surface of surfaces) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
      const end = at + surface.length;
      if (/[\p{L}\d]/u.test(text.charAt(at - 1)) || /[\p{L}\d]/u.test(text.charAt(end)) || all.some((s) => s.start < end && at < s.end)) continue;
      // Not a place's name before an instrument's head ("a Philadelphia collar").
      const word = wordStartingAt(words, at);
      if (word >= 0 && namesAnInstrument(words, text, word)) continue;
      all.push({ start: at, end, category: 'LOCATION' });
    }
  }
}
