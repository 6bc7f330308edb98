import test from 'node:test';
import assert from 'node:assert/strict';
import { Scorer, scoringTokens, type GoldDocument, type PhiSpan } from '../../src/deid/index.js';

test('scoring tokens are runs of letters and digits', () => {
  const text = "Dr. O'Callaghan 5/16/2031, 413-555-0162";
  assert.deepEqual(scoringTokens(text).map((t) => text.slice(t.start, t.end)), ['Dr', 'O', 'Callaghan', '5', '16', '2031', '413', '555', '0162']);
});

test('token and span scores follow the documented definitions, on a hand-counted example', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'Dr. Halvik saw Jo Ann on 5/16/2031 at GH today';
  const doc: GoldDocument = {
    id: 'd', group: 'g', text,
    spans: [
      { start: 4, end: 10, label: 'HCPName', category: 'NAME' }, // Halvik: 1 token
      { start: 15, end: 21, label: 'PTName', category: 'NAME' }, // Jo Ann: 2 tokens
      { start: 25, end: 34, label: 'Date', category: 'DATE' }, // 5/16/2031: 3 tokens
      { start: 38, end: 40, label: 'Location', category: 'LOCATION' }, // GH: 1 token
    ],
  };
  const predicted: PhiSpan[] = [
    { start: 4, end: 10, category: 'NAME' }, // right
    { start: 15, end: 17, category: 'NAME' }, // "Jo" only: the span "Jo Ann" is not fully found
    { start: 25, end: 34, category: 'DATE' }, // right
    { start: 38, end: 40, category: 'NAME' }, // GH found, wrong group
    { start: 41, end: 46, category: 'DATE' }, // "today": false positive
  ];
  const scorer = new Scorer(true);
  scorer.add(doc, predicted);
  const r = scorer.report();
  // Token level, overall: gold 7 tokens, found 6 (Ann missed); predicted 7 tokens, 6 right (today wrong).
  assert.deepEqual([r.token.overall.gold, r.token.overall.goldFound, r.token.overall.predicted, r.token.overall.predictedRight], [7, 6, 7, 6]);
  assert.equal(r.token.overall.recall, 6 / 7);
  assert.equal(r.token.overall.precision, 6 / 7);
  // Per group, typed: NAME gold 3 (Halvik, Jo, Ann) found 2; NAME predicted 3 (Halvik, Jo, GH), right 2.
  assert.deepEqual([r.token.byGroup.NAME.gold, r.token.byGroup.NAME.goldFound, r.token.byGroup.NAME.predicted, r.token.byGroup.NAME.predictedRight], [3, 2, 3, 2]);
  assert.equal(r.token.byGroup.LOCATION.recall, 0);
  assert.deepEqual([r.token.byGroup.DATE.gold, r.token.byGroup.DATE.goldFound, r.token.byGroup.DATE.predicted, r.token.byGroup.DATE.predictedRight], [3, 3, 4, 3]);
  // Span level, overall: 4 gold spans, 3 fully covered (Jo Ann is not); 5 predicted spans, 4 touch gold PHI.
  assert.deepEqual([r.span.overall.gold, r.span.overall.goldFound, r.span.overall.predicted, r.span.overall.predictedRight], [4, 3, 5, 4]);
  assert.equal(r.span.byGroup.LOCATION.goldFound, 0);
  assert.ok(Math.abs(r.token.overall.f1 - 6 / 7) < 1e-12);
  assert.deepEqual(scorer.errors.map((e) => `${e.kind}:${text.slice(e.start, e.end)}`), ['miss:Ann', 'false-positive:today']);
});

test('ignored gold labels count neither as misses nor as false positives', () => {
  const doc: GoldDocument = { id: 'd', group: 'g', text: 'CEO Anna', spans: [
    { start: 0, end: 3, label: 'TITLE', category: null },
    { start: 4, end: 8, label: 'PERSON', category: 'NAME' },
  ] };
  const scorer = new Scorer();
  scorer.add(doc, [{ start: 0, end: 8, category: 'NAME' }]);
  const r = scorer.report();
  assert.deepEqual([r.token.overall.gold, r.token.overall.predicted, r.token.overall.precision], [1, 1, 1]);
  const empty = new Scorer();
  empty.add({ id: 'e', group: 'g', text: 'nothing here', spans: [] }, []);
  assert.equal(empty.report().token.overall.recall, 1);
});
