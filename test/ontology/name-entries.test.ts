import test from 'node:test';
import assert from 'node:assert/strict';
import { NameEntryTable, NO_NAME, SOME_NAMES } from '../../src/ontology/name-entries.js';
import type { NameEntry } from '../../src/ontology/matcher-snapshot.js';
import { EntityMatcher } from '../../src/ontology/matcher.js';
import { seededInts } from '../helpers/seeded.js';

// The matcher trusts a positive code without reading the node's entries: a wrong one would link the wrong concept
// or skip a case test.
test('endings: a concept only where every name at the node is of it and needs no case or gluing', () => {
  const table = new NameEntryTable(4, 4);
  table.add(1, { concept: 7, preferred: true, cased: null, glued: null });
  table.add(2, { concept: 3, preferred: true, cased: null, glued: null });
  table.add(2, { concept: 3, preferred: false, cased: null, glued: null }); // two variants of one concept's names
  table.add(3, { concept: 3, preferred: true, cased: null, glued: null });
  table.add(3, { concept: 4, preferred: true, cased: null, glued: null }); // two concepts: ranked per match
  table.add(4, { concept: 5, preferred: true, cased: ['TNF'], glued: null });
  table.add(5, { concept: 5, preferred: true, cased: null, glued: [1] });
  table.add(6, { concept: 6, preferred: true, cased: null, glued: null });
  table.add(6, { concept: 6, preferred: false, cased: [null, 'HbA'], glued: null }); // one concept, one needs case
  const expected = [NO_NAME, 8, 4, SOME_NAMES, SOME_NAMES, SOME_NAMES, SOME_NAMES, NO_NAME];
  assert.deepEqual([...table.endings(8)], expected);
  const restored = NameEntryTable.restore(table.snapshot(8));
  assert.deepEqual([...restored.endings(8)], expected);
  // Names added to a restored table update its codes: a second concept at node 1, a first name at node 7.
  restored.add(1, { concept: 9, preferred: false, cased: null, glued: null });
  restored.add(7, { concept: 2, preferred: true, cased: null, glued: null });
  assert.deepEqual([...restored.endings(8)], [NO_NAME, SOME_NAMES, 4, SOME_NAMES, SOME_NAMES, SOME_NAMES, SOME_NAMES, 3]);
});

test('a one-concept node links without its entries; names added after a match are seen by the next one', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Seizure', synonyms: ['Seizures', 'seizure disorder'] });
  matcher.add({ id: 'HGNC:2', type: 'gene', preferredName: 'MASS1', synonyms: ['Mass'] });
  const brief = (text: string): string[][] => matcher.match(text).map((s) => [s.text, s.id, s.alternatives.join()]);
  assert.deepEqual(brief('seizures, a Seizure disorder, mass, Mass'), [
    ['seizures', 'MESH:D1', ''], ['Seizure disorder', 'MESH:D1', ''], ['Mass', 'HGNC:2', '']]);
  // `seizure` now also names a second concept: the node's code changes from one concept to ranked entries.
  matcher.add({ id: 'MESH:C3', type: 'disease', preferredName: 'Seizure', synonyms: [] });
  assert.deepEqual(brief('seizures, mass'), [['seizures', 'MESH:D1', 'MESH:C3']]);
});

// The cased forms are kept as one run of UTF-16 code units (a built table: each form's end recorded as added; a
// restored one: the snapshot's newline-joined text, its line ends found on first use): a form read wrong (a shifted
// line, ends missing after an add, a restored table's ends out of step) would make a gene symbol match the wrong case.
test('cased forms read back as added: built, after reads and more adds, restored, and added to after restoring', () => {
  const forms = ['TNF', 'HbA', 'mRNA', 'IFN', 'Naïve', 'TNFα', '\u{1d4d0}X', 'IL', 'p53', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(400)];
  const random = seededInts(7);
  const expected = new Map<number, NameEntry[]>();
  const added: ((string | null)[] | null)[] = [];
  const table = new NameEntryTable(4, 4); // grows: its char buffer too (the long form)
  const addSome = (t: NameEntryTable, count: number): void => {
    for (let k = 0; k < count; k++) {
      const node = 1 + random(50);
      const tokens = 1 + random(4);
      const cased = random(3) === 0 ? null : Array.from({ length: tokens }, () => (random(3) === 0 ? null : forms[random(forms.length)]));
      const entry: NameEntry = { concept: random(20), preferred: random(2) === 0, cased, glued: null };
      t.add(node, entry);
      added.push(cased);
      expected.set(node, [...(expected.get(node) ?? []), entry]);
    }
  };
  const check = (t: NameEntryTable): void => {
    for (let node = 0; node < 52; node++) assert.deepEqual(t.entriesOf(node), expected.get(node) ?? null, `node ${node}`);
  };
  addSome(table, 300);
  check(table);
  addSome(table, 300); // after a read, more adds: their ends must be recorded too
  check(table);
  const snapshot = table.snapshot(52);
  // The snapshot's format: every form in the order added, '' for a token of any case, newline-joined.
  assert.equal(snapshot.cased, added.flatMap((c) => c ?? []).map((f) => f ?? '').join('\n'));
  const restored = NameEntryTable.restore(snapshot);
  check(restored);
  addSome(restored, 200);
  check(restored);
  check(NameEntryTable.restore(restored.snapshot(52)));
});
