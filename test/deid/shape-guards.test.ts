import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANCHORED_RULES_FOR_TESTS as ANCHORED, findPatternPhi, scanNoteShapes, SHAPED_RULES_FOR_TESTS as RULES } from '../../src/deid/recognizers/patterns.js';
import { wordsAndTriggerBits } from '../../src/deid/triggers.js';
import { DigitRuns, scanShapes } from '../../src/deid/recognizers/shapes.js';
import { splitWords } from '../../src/deid/words.js';
import { evaluationNoteTexts, evaluationNotesSkip } from '../helpers/evaluation-notes.js';
import { seededInts } from '../helpers/seeded.js';

// The shape guards' property: a scanned pattern rule is skipped where `scanShapes` does not report its shape, so
// the shape must be reported wherever the rule's regex matches (and its `when` guard, which also ran before the
// shapes existed, passes). Otherwise the speed-up would drop PHI.

/**
 * The rules (by index) whose regex matches `text` without their shape; also counts the matches. `mask` takes
 * shapes away, for the test that the check can fail.
 */
function missedShapes(text: string, matched: number[], mask = -1): number[] {
  const shapes = scanShapes(text, splitWords(text), []) & mask;
  const lower = text.toLowerCase();
  const missed: number[] = [];
  RULES.forEach((rule, i) => {
    const re = new RegExp(rule.re.source, rule.re.flags.replace('g', ''));
    if (!re.test(text) || !rule.when(lower)) return;
    matched[i] = (matched[i] as number) + 1;
    if ((shapes & rule.shape) !== rule.shape) missed.push(i);
  });
  return missed;
}

function check(texts: Iterable<string>): number[] {
  const matched = RULES.map(() => 0);
  const failures: string[] = [];
  for (const text of texts) {
    for (const i of missedShapes(text, matched)) {
      if (failures.length >= 10) continue;
      const rule = (RULES[i] as { re: RegExp }).re.source.slice(0, 40);
      failures.push(`${rule}: ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
  assert.deepEqual(failures, []);
  return matched;
}

/**
 * Strings of digit groups, separators and short words, from a fixed seed. Each string mostly repeats one separator
 * and groups are often numbers that read as years, days or octets (so dates, IP addresses, card and phone numbers
 * come up); a word may follow digits directly ("1990s").
 */
function* generated(count: number): Generator<string> {
  const rnd = seededInts(777);
  const pick = (list: readonly string[]): string => list[rnd(list.length)] as string;
  const seps = ['.', '-', '/', ' ', ':', '\t', '  ', '(', ')', '. ', ') ', ' - ', "'", 'x', ' x', '#', '://', 'www.', '\n', ', ', ' (', '-('];
  const words = ['a', 'F', 'fe', 'AB', 'MA', 'Ab', 'DE', 'é', 'y', 'Y', 's', "'s", 'yo', 'Oak', 'Oak Street', 'Elm Rd', 'St', 'com', 'Org', 'y/o',
    'years old', 'ST', 'GB', 'NY', 'Boston', 'ex.com', 'http'];
  // Numbers that read as years, months, days, octets and phone groups: random digits seldom do.
  const NUMBERS = ['1990', '2019', '2031', '12', '3', '31', '07', '192', '168', '555', '0147', '94', '101', '02115', '1234'];
  for (let t = 0; t < count; t++) {
    const main = pick(seps);
    let s = rnd(3) === 0 ? pick(words) + pick([' ', ':', '.', '']) : '';
    const groups = 1 + rnd(6);
    for (let g = 0; g < groups; g++) {
      if (rnd(5) === 0) s += pick(words) + pick(seps);
      if (rnd(3) === 0) {
        s += pick(NUMBERS);
      } else {
        const length = 1 + rnd(rnd(2) === 0 ? 4 : 6);
        for (let k = 0; k < length; k++) s += String(rnd(10));
      }
      if (rnd(6) === 0) s += pick(words);
      s += rnd(10) < 7 ? main : pick(seps);
    }
    if (rnd(2) === 1) s += pick(words);
    yield s;
  }
}

test('shape guards: generated digits, separators and letters', () => {
  const matched = check(generated(40_000));
  // Most rules are met (so the property is tested on them); the rest (the bracketed 11-digit phone, dotted pairs,
  // IBAN, slashed runs) are met in the real notes below.
  assert.ok(matched.filter((n) => n > 0).length >= 13, JSON.stringify(matched));
});

/** One invented string per shaped rule, in the rules' order, that the rule matches. */
const POSITIVES = [
  'see https://example.org/path for more', // URL
  'visit example.com today', // domain
  'from 10.20.30.40', // IPv4
  'host fe80:12ab:0:0:1:2:3:4', // IPv6
  'host 2001:db8:85a3::8a2e:370:7334', // IPv6 with its zeros left out
  'SSN 900-12-3456', // SSN
  'call 617-555-0123', // 10-digit phone
  'pager (617 555 01423)', // bracketed phone, a digit too many
  'secretaries 0161 555 7720 today', // a British number without its label
  'tel 01.23.45.67.89', // dotted pairs
  'card 4111 1111 1111 1111', // four groups of four
  'row TC0049221 done', // a code of capitals and digits
  'IBAN GB82 WEST 1234 5698 7654 32', // IBAN
  'on 2031-04-03', // year first
  'seen 4/3/5/6', // slashed run
  'on 4.3.2031', // dotted date
  'DOB 040331', // six digits mmddyy
  'in the 1990s', // decade
  'a 93 y/o man', // age over 89
  'lives at 12 Orchard Street', // street address
  'Springfield, MA 01105', // ZIP code
  'Harrogate HG1 2PT', // British postcode
  'Orvelton\nHG1 2PT\n', // British postcode below its town
];

test('shape guards: one hand-written string per rule, each matched by its rule with its shape reported', () => {
  assert.equal(POSITIVES.length, RULES.length);
  const matched = check(POSITIVES);
  POSITIVES.forEach((text, i) => {
    const own = RULES.map(() => 0);
    missedShapes(text, own);
    assert.ok((own[i] as number) > 0, `rule ${i} does not match ${JSON.stringify(text)}`);
  });
  // Every rule is met without the shared data, so the property is tested on each of them here too.
  assert.deepEqual(matched.filter((n) => n === 0), []);
});

test('shape guards: the evaluation notes', { skip: evaluationNotesSkip }, () => {
  const matched = check(evaluationNoteTexts());
  assert.ok(matched.filter((n) => n > 0).length >= 12, JSON.stringify(matched));
});

test('the check reports a rule whose shape is missing', () => {
  const matched = RULES.map(() => 0);
  const text = 'SSN 900-12-3456, from 10.20.30.40';
  assert.deepEqual(missedShapes(text, matched), []);
  const hits = RULES.flatMap((_, i) => ((matched[i] as number) > 0 ? [i] : []));
  assert.equal(hits.length, 2);
  // With one matched rule's shape taken away, that rule is reported.
  assert.deepEqual(missedShapes(text, matched, ~(RULES[hits[0] as number] as { shape: number }).shape), [hits[0]]);
});

/**
 * The anchored rules' property: a rule with run lengths runs only at the digit runs scanShapes lists with one of
 * those lengths, and only where the character after the run is one its matches can have there (`after`), so every
 * match of its regex (over the whole text, as matchAll scans) must start such a run, followed by such a character.
 * Returns the matches that do not (`lengths` masks the rules' lengths and `follows` replaces their `after` test,
 * for the tests that the check can fail); counts the matches per rule in `matched`.
 */
function unanchoredMatches(text: string, matched: number[], lengths = -1, follows?: (code: number) => boolean): string[] {
  const runs = new DigitRuns();
  scanShapes(text, splitWords(text), [], runs);
  const listed = new Map<number, number>();
  for (let k = 0; k < runs.count; k++) listed.set(runs.starts[k] as number, runs.lengths[k] as number);
  const missed: string[] = [];
  ANCHORED.forEach((rule, i) => {
    for (const m of text.matchAll(new RegExp(rule.re.source, rule.re.flags))) {
      matched[i] = (matched[i] as number) + 1;
      const length = listed.get(m.index);
      const after = length === undefined ? -1 : m.index + length < text.length ? text.charCodeAt(m.index + length) : -1;
      if (length === undefined || ((rule.runs & lengths) & (1 << length)) === 0 || !(follows ?? rule.mayFollow)(after)) missed.push(`${rule.re.source.slice(0, 40)}: ${JSON.stringify(text.slice(0, 200))}`);
    }
  });
  return missed;
}

function checkAnchors(texts: Iterable<string>): number[] {
  const matched = ANCHORED.map(() => 0);
  const failures: string[] = [];
  for (const text of texts) for (const miss of unanchoredMatches(text, matched)) if (failures.length < 10) failures.push(miss);
  assert.deepEqual(failures, []);
  return matched;
}

/** Dates with month words among the generated strings, for the two rules that need a month word. */
function* withMonths(count: number): Generator<string> {
  const months = [' Jan ', '-feb-', ' of March ', ' SEPT ', ' may, ', 'th Oct ', 'rd dec. ', ' june-'];
  let k = 0;
  for (const s of generated(count)) {
    const cut = s.length >> 1;
    yield s.slice(0, cut) + (months[k++ % months.length] as string) + s.slice(cut);
  }
}

/** The generated strings with an age and a sex after a group ("93M with"), at a line start, for the age-and-sex rule. */
function* withSexes(count: number): Generator<string> {
  const sexes = ['M with ', 'F s/p ', ' F, ', 'yoM who ', 'F PMH '];
  let k = 0;
  for (const s of generated(count)) {
    const digits = /\d+/.exec(s);
    if (digits === null) continue;
    const at = digits.index + digits[0].length;
    yield `${k % 2 === 0 ? '\n' : 'Pt '}${s.slice(0, at)}${sexes[k++ % sexes.length] as string}${s.slice(at)}`;
  }
}

/** The generated strings with a date range, a day-first date or a phone after "#" in the middle, for the rules of those. */
function* withRanges(count: number): Generator<string> {
  let k = 0;
  for (const s of generated(count)) {
    const cut = s.length >> 1;
    k++;
    const a = `${1 + (k % 12)}/${1 + (k % 31)}`;
    const b = `${1 + ((k * 7) % 12)}/${1 + ((k * 3) % 31)}`;
    // Month/day ranges, full-date ranges and day-first dates (a day over 12), in turn.
    const date = k % 4 === 0 ? `${a}-${b}` : k % 4 === 1 ? `${a}/2021-${b}/2021` : k % 4 === 2 ? `${13 + (k % 18)}.${1 + (k % 12)}.19${k % 100}`
      : `Cell # ${100 + (k % 900)}-${1000 + (k % 9000)}`;
    yield `${s.slice(0, cut)} ${date}${k % 4 === 0 ? '' : ' '}${s.slice(cut)}`;
  }
}

/** The generated strings with a message log's speaker line in the middle ("\n19:04 Horace: "), for the speaker rule. */
function* withSpeakers(count: number): Generator<string> {
  let k = 0;
  for (const s of generated(count)) {
    const cut = s.length >> 1;
    k++;
    // And a dotted date with a two-digit year, for its rule.
    const date = `${1 + (k % 28)}.${1 + (k % 12)}.${String(k % 100).padStart(2, '0')}`;
    yield `${s.slice(0, cut)}\n${k % 24}:${String(k % 60).padStart(2, '0')}${k % 3 === 0 ? ' pm' : ''} Horace${k % 2 === 0 ? ' Quenby' : ''}: ${date} ${s.slice(cut)}`;
  }
}

test('anchored rules: every match starts a listed digit run of its lengths (generated strings)', () => {
  const matched = checkAnchors([...generated(20_000), ...withMonths(20_000), ...withSexes(20_000), ...withRanges(20_000), ...withSpeakers(5_000)]);
  assert.deepEqual(matched.filter((n) => n === 0), [], JSON.stringify(matched));
});

test('anchored rules: every match starts a listed digit run of its lengths (the evaluation notes)', { skip: evaluationNotesSkip }, () => {
  const matched = checkAnchors(evaluationNoteTexts());
  // All but the day-month-year rule ("3-May-1995") are met there; the generated strings meet every rule.
  assert.ok(matched.filter((n) => n > 0).length >= 5, JSON.stringify(matched));
});

test('the check reports a match at a run the rule does not run at', () => {
  const text = 'seen 4/12/2031 and on 3 May 1995, in 1987';
  assert.deepEqual(unanchoredMatches(text, ANCHORED.map(() => 0)), []);
  // Without runs of two digits the two-digit month and day of "4/12/2031" start no run the rules run at.
  assert.ok(unanchoredMatches('on 12/24/2031', ANCHORED.map(() => 0), ~(1 << 2)).length > 0);
  // Without runs of four digits the bare year is missed.
  assert.ok(unanchoredMatches('in 1987', ANCHORED.map(() => 0), ~(1 << 4)).length > 0);
  // With "-" refused after a run, the dashed date and the phone number after "#" are missed.
  const noDash = (code: number): boolean => code !== 45;
  assert.equal(unanchoredMatches('seen 4-12-2031, cell # 555-1234', ANCHORED.map(() => 0)).length, 0);
  assert.equal(unanchoredMatches('seen 4-12-2031, cell # 555-1234', ANCHORED.map(() => 0), -1, noDash).length, 2);
});

test('findPatternPhi as findPhi calls it (trigger bits, the shape scan made by the caller) finds what it finds given the text alone (the evaluation notes)', { skip: evaluationNotesSkip }, () => {
  let spans = 0;
  for (const text of evaluationNoteTexts()) {
    const lower = text.toLowerCase();
    const { words, bits } = wordsAndTriggerBits(text, lower);
    const alone = findPatternPhi(text);
    assert.deepEqual(findPatternPhi(text, words, bits, lower, scanNoteShapes(text, words)), alone);
    spans += alone.length;
  }
  assert.ok(spans > 500, `${spans} spans`);
});
