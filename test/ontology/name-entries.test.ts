import test from 'node:test';
import assert from 'node:assert/strict';
import { NameEntryTable, NO_NAME, SOME_NAMES } from '../../src/ontology/name-entries.js';
import { EntityMatcher } from '../../src/ontology/matcher.js';

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
