import test from 'node:test';
import assert from 'node:assert/strict';
import { childTokenBit, EdgeTable } from '../../src/ontology/edge-table.js';

// The filter in front of the cells answers "no edge" on its own: an edge it forgot would silently be lost.
test('every edge set is found again, through growth from the smallest table and after a snapshot round trip', () => {
  const table = new EdgeTable(1);
  const edges: [number, number, number][] = [];
  for (let node = 0; node < 3000; node++) {
    const children = node % 7 === 0 ? 40 : 1 + (node % 3); // a few nodes with many children, as in a trie
    for (let k = 0; k < children; k++) edges.push([node, (node * 31 + k * 977) % 5000, edges.length + 1]);
  }
  for (const [node, token, child] of edges) {
    assert.equal(table.get(node, token), -1);
    table.set(node, token, child);
    assert.equal(table.get(node, token), child);
  }
  const restored = EdgeTable.restore(table.snapshot());
  for (const t of [table, restored]) {
    assert.equal(t.size, edges.length);
    for (const [node, token, child] of edges) assert.equal(t.get(node, token), child);
    // Absent edges: a node's other tokens, and nodes without children.
    let found = 0;
    for (let node = 0; node < 4000; node++) for (let token = 5000; token < 5020; token++) if (t.get(node, token) !== -1) found++;
    assert.equal(found, 0);
  }
});

test('an edge set in a table of 16 slots (a one-line filter) is found', () => {
  const table = new EdgeTable(1);
  table.set(5, 9, 6);
  assert.equal(table.get(5, 9), 6);
  assert.equal(table.get(5, 8), -1);
  assert.equal(table.get(4, 9), -1);
});

// The summary is two ints: a bit outside 0-63 would be lost, and bits crowded onto a few would pass most tokens on.
test('childTokenBit: an integer 0-63 for every token (and for -1, no token), the 64 bits all used by the first tokens', () => {
  const used = new Set<number>();
  for (let token = -1; token < 100000; token++) {
    const bit = childTokenBit(token);
    assert.ok(Number.isInteger(bit) && bit >= 0 && bit < 64, `token ${token}: bit ${bit}`);
    if (token >= 0 && token < 256) used.add(bit);
  }
  assert.equal(used.size, 64);
});
