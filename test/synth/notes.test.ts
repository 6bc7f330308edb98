import test from 'node:test';
import assert from 'node:assert/strict';
import { PHI_CATEGORIES, isPhiCategory } from '../../src/deid/types.js';
import { builtinMatcher } from '../../src/ontology/index.js';
import { generateNotes, noteGoldDocument, type SynthNote } from '../../src/synth/index.js';

let cached: SynthNote[] | null = null;
async function demoNotes(): Promise<SynthNote[]> {
  cached ??= await generateNotes(300, 42);
  return cached;
}

test('notes: the same seed gives the same notes, another seed other notes', async () => {
  assert.deepEqual(await generateNotes(20, 5), await generateNotes(20, 5));
  assert.notDeepEqual((await generateNotes(20, 5)).map((n) => n.text), (await generateNotes(20, 6)).map((n) => n.text));
});

test('notes: gold PHI spans are valid categories, in order, disjoint, trimmed, and select real values', async () => {
  for (const note of await demoNotes()) {
    let previousEnd = 0;
    for (const span of note.phi) {
      assert.ok(isPhiCategory(span.category), `${note.id}: category ${span.category}`);
      assert.ok(span.start >= previousEnd && span.end > span.start, `${note.id}: span ${span.start}-${span.end}`);
      previousEnd = span.end;
      const value = note.text.slice(span.start, span.end);
      assert.equal(value.trim(), value, `${note.id}: untrimmed span '${value}'`);
      // Word boundaries: a span never starts or ends inside a word.
      assert.ok(!/\w/.test(note.text[span.start - 1] ?? ' ') || !/\w/.test(value[0]!), `${note.id}: '${value}' starts inside a word`);
      assert.ok(!/\w/.test(note.text[span.end] ?? ' ') || !/\w/.test(value.at(-1)!), `${note.id}: '${value}' ends inside a word`);
      if (span.category === 'AGE') assert.ok(Number(value) > 89, `${note.id}: age ${value} is not PHI under Safe Harbor`);
      if (span.category === 'EMAIL') assert.match(value, /^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/);
      if (span.category === 'SSN') assert.match(value, /^\d{3}-\d{2}-\d{4}$/);
      if (span.category === 'IP') assert.ok(value.split('.').every((part) => Number(part) <= 255), value);
    }
  }
});

test('notes: every category of PHI_CATEGORIES is planted in the demo-sized set, and all three styles occur', async () => {
  const notes = await demoNotes();
  const seen = new Set(notes.flatMap((n) => n.phi.map((s) => s.category)));
  assert.deepEqual([...seen].sort(), [...PHI_CATEGORIES].sort());
  assert.deepEqual([...new Set(notes.map((n) => n.style))].sort(), ['consult', 'discharge summary', 'progress note']);
  const dateFormats = new Set(notes.flatMap((n) => n.phi.filter((s) => s.category === 'DATE')
    .map((s) => n.text.slice(s.start, s.end).replace(/\d/g, '9').replace(/[A-Z][a-z]+/g, 'Month'))));
  assert.ok(dateFormats.size >= 10, `${dateFormats.size} date shapes: ${[...dateFormats].join(', ')}`);
});

test('notes: no planted value occurs elsewhere in its note without a gold span (the gold standard is complete)', async () => {
  for (const note of await demoNotes()) {
    const covered = (start: number, end: number): boolean => note.phi.some((s) => s.start <= start && end <= s.end);
    // Ages are left out: an age of 103 is PHI, a heart rate of 103 is not.
    const values = new Set(note.phi.filter((s) => s.category !== 'AGE').map((s) => note.text.slice(s.start, s.end)));
    for (const value of values) {
      const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of note.text.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'))) {
        assert.ok(covered(m.index, m.index + value.length), `${note.id}: '${value}' at ${m.index} is not annotated`);
      }
    }
  }
});

test('notes: clinical mentions select their text, and are exactly what the built-in matcher links', async () => {
  const matcher = await builtinMatcher();
  let mentions = 0;
  for (const note of await demoNotes()) {
    assert.deepEqual(matcher.match(note.text).map((s) => `${s.start}-${s.end} ${s.id}`), note.mentions.map((m) => `${m.start}-${m.end} ${m.id}`), note.id);
    for (const m of note.mentions) {
      assert.equal(note.text.slice(m.start, m.end), m.text);
      assert.ok(m.type === 'disease' || m.type === 'chemical', m.type);
      assert.ok(!note.phi.some((s) => s.start < m.end && m.start < s.end), `${note.id}: mention '${m.text}' overlaps PHI`);
      mentions += 1;
    }
  }
  assert.ok(mentions > 3000, `${mentions} mentions`);
});

test('noteGoldDocument: PHI spans as gold, hospital heads as ignored spans (category null) right after the naming part', async () => {
  let heads = 0;
  for (const note of (await demoNotes()).slice(0, 100)) {
    const gold = noteGoldDocument(note);
    assert.equal(gold.text, note.text);
    for (const span of gold.spans) {
      const value = note.text.slice(span.start, span.end);
      if (span.category === null) {
        heads += 1;
        assert.equal(span.label, 'HOSPITAL_GENERIC_HEAD');
        assert.match(value, /^(Hospital|Medical Center|Health Center|Clinic|Infirmary)$/);
        const naming = gold.spans.find((s) => s.end === span.start - 1);
        assert.equal(naming?.category, 'HOSPITAL', `${note.id}: '${value}' follows no hospital name`);
      } else {
        assert.equal(span.label, span.category);
        assert.ok(value.trim() === value && value.length > 0);
      }
    }
    assert.equal(gold.spans.filter((s) => s.category !== null).length, note.phi.length);
  }
  assert.ok(heads > 100, `${heads} hospital heads`);
});
