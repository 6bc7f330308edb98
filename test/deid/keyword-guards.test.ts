import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GUARDED_KEYWORD_RULES_FOR_TESTS as GUARDED } from '../../src/deid/recognizers/patterns.js';
import { splitWords } from '../../src/deid/words.js';
import { evaluationNoteTexts, evaluationNotesSkip } from '../helpers/evaluation-notes.js';
import { seededInts } from '../helpers/seeded.js';

// The keyword guards' property: a keyword rule with an `afterKeyword` test is not run at a keyword word where
// the test fails at the word's end, so the test must pass wherever the rule's regex matches at a keyword word.
// Otherwise the speed-up would drop PHI.

/** Matches (at keyword words) where a guard fails, as "rule index: matched text"; counts the matches. */
function unguardedMatches(text: string, counts: { matches: number }, guards = GUARDED): string[] {
  const found: string[] = [];
  const words = splitWords(text);
  guards.forEach((rule, r) => {
    const sticky = new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y');
    const keywords = new Set(rule.keywords);
    for (const w of words) {
      if (!keywords.has(w.key)) continue;
      sticky.lastIndex = w.start;
      const m = sticky.exec(text);
      if (m === null) continue;
      counts.matches++;
      if (!rule.afterKeyword(text, w.end)) found.push(`${r}: ${JSON.stringify(m[0])}`);
    }
  });
  return found;
}

/**
 * Strings of a keyword (in both cases, possessives, longer words), one to three gap pieces (white space of several
 * kinds, label punctuation, apostrophes, letters) and a value, between random pieces.
 */
function generated(count: number): string[] {
  const keywords = ['in', 'IN', 'of', 'on', 'On', 'at', 'AT', 'since', 'till', 'dated', 'by', "it's", 'its', 'is', 'call', 'called', 'phone',
    "on's", 'inn', 'year', 'during', 'home', 'tel', 'Friday', 'FRI', 'thurs', 'Fri.', 'Tues,', 'seen', 'due', 'meeting', 'review', 'pager', 'Claim', 'report', 'IP', 'visit'];
  const gaps = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u2028', '\u205f', '\u1680', '\u00a0', '\u2003', '\u3000', '\ufeff', ':', '#', '.', "'", 'x', '-', ''];
  const values = ['1998', '2004', '10-3', 'the 3rd', 'THE 21st', 'The 2nd', '555-1234', '5', 'the', 'x1998', '3-4', '16/3', '12th', 'on 29/2', 'for 21/4', 'x5523', 'ext. 4471', 'EXT 512', 'no. AB-12345', '# 23-0826-4471', 'number 1234567', 'ON 29/2', 'For 21/4', 'the 15th', 'extension: 4471'];
  const random = seededInts(17);
  const pick = (list: readonly string[]): string => list[random(list.length)] as string;
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let gap = '';
    for (let j = 0, k = 1 + (t % 3); j < k; j++) gap += pick(gaps);
    texts.push(`${pick(gaps)}${pick(keywords)}${gap}${pick(values)}${pick(gaps)}`);
  }
  return texts;
}

test('keyword guards: the common-word rules have them', () => {
  assert.ok(GUARDED.length >= 4, `${GUARDED.length} guarded rules`);
  for (const k of ['of', 'in', 'on', 'at']) assert.ok(GUARDED.some((r) => r.keywords.includes(k)), k);
});

test('keyword guards: every match at a keyword word passes its guard (generated strings)', () => {
  const counts = { matches: 0 };
  const texts = generated(30000);
  const bad = texts.flatMap((text) => unguardedMatches(text, counts));
  assert.deepEqual(bad.slice(0, 5), []);
  assert.ok(counts.matches > 1000, `${counts.matches} matches`);
});

test('keyword guards: every match at a keyword word passes its guard (the evaluation notes)', { skip: evaluationNotesSkip }, () => {
  const counts = { matches: 0 };
  const texts = evaluationNoteTexts();
  const bad = texts.flatMap((text) => unguardedMatches(text, counts));
  assert.deepEqual(bad.slice(0, 5), []);
  assert.ok(counts.matches > 10, `${counts.matches} matches`);
});

test('the check reports a match whose guard fails', () => {
  // A guard that always fails: every match is reported.
  const never = GUARDED.map((r) => ({ ...r, afterKeyword: (): boolean => false }));
  const counts = { matches: 0 };
  assert.ok(unguardedMatches('seen in 1998, on the 3rd, at 555-1234', counts, never).length >= 3);
});
