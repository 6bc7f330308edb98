import test from 'node:test';
import assert from 'node:assert/strict';
import { memberValueSpans } from '../../src/corpus/json-members.js';
import { mulberry32 } from '../../src/random.js';

/** A random JSON value, nested up to `depth`, with strings holding quotes, backslashes, braces and commas. */
function randomValue(rng: { next(): number }, depth: number): unknown {
  const pick = Math.floor(rng.next() * (depth > 0 ? 7 : 5));
  const text = (): string => Array.from({ length: Math.floor(rng.next() * 6) }, () => 'a"\\\\{}[],: é\\n'[Math.floor(rng.next() * 14)]).join('');
  switch (pick) {
    case 0: return text();
    case 1: return Math.floor((rng.next() - 0.5) * 1e6) / 8;
    case 2: return rng.next() < 0.5;
    case 3: return null;
    case 4: return 12345678901234567890;
    case 5: return Array.from({ length: Math.floor(rng.next() * 4) }, () => randomValue(rng, depth - 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(rng.next() * 4) }, (_, i) => [`${text()}${i}`, randomValue(rng, depth - 1)]));
  }
}

test('memberValueSpans: each top-level value\'s text parses to that member, with any spacing', () => {
  const rng = { next: mulberry32(5) };
  for (let n = 0; n < 500; n++) {
    const object = randomValue(rng, 3);
    if (typeof object !== 'object' || object === null || Array.isArray(object)) continue;
    const compact = JSON.stringify(object);
    const spaced = JSON.stringify(object, null, n % 3);
    for (const json of [compact, spaced, ` \t${spaced}\r\n`]) {
      const spans = memberValueSpans(json);
      assert.deepEqual([...spans.keys()], Object.keys(object));
      for (const [name, span] of spans) assert.deepEqual(JSON.parse(json.slice(span.start, span.end)), (object as Record<string, unknown>)[name], json);
    }
  }
});

test('memberValueSpans: a name given twice has its last span (as JSON.parse keeps); no object, no spans', () => {
  const json = '{"a": 1, "b": "x", "a": [2, {"a": 3}]}';
  assert.equal(json.slice(memberValueSpans(json).get('a')?.start, memberValueSpans(json).get('a')?.end), '[2, {"a": 3}]');
  assert.equal(memberValueSpans('[1, 2]').size, 0);
  assert.equal(memberValueSpans('"text"').size, 0);
  assert.equal(memberValueSpans('{}').size, 0);
});
