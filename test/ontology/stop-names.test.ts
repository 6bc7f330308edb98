import test from 'node:test';
import assert from 'node:assert/strict';
import { singular } from '../../src/ontology/normalize.js';
import { isStopName, STOP_NAMES } from '../../src/ontology/stop-names.js';
import { seededInts } from '../helpers/seeded.js';

// isStopName is one look-up in a set of the stop names and their plurals, made once: it must answer what the rule
// says (the key, or its singular, is a stop name) for every key, including the plurals `singular` leaves alone.
const byTheRule = (key: string): boolean => STOP_NAMES.has(key) || STOP_NAMES.has(singular(key));

test('isStopName: each stop name and its suffixed forms, as the rule answers', () => {
  let plurals = 0;
  for (const name of STOP_NAMES) {
    for (const key of [name, `${name}s`, `${name}es`, `${name.slice(0, -1)}ies`, `${name}ss`, `${name}us`, `${name}is`, name.slice(0, -1), `x${name}s`, `${name}sses`]) {
      const answer = isStopName(key);
      assert.equal(answer, byTheRule(key), key);
      if (answer && !STOP_NAMES.has(key)) plurals++;
    }
  }
  assert.ok(plurals > 100, `${plurals} plurals`);
  for (const key of ['injuries', 'enzymes', 'genes', 'leads', 'boxes']) assert.equal(isStopName(key), byTheRule(key), key);
  assert.equal(isStopName('injuries'), true);
  assert.equal(isStopName('seizures'), false);
  assert.equal(isStopName('Lead'), false); // keys are lower case
});

test('isStopName agrees with the rule on generated words: every key of up to three letters and many longer ones', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const keys: string[] = [''];
  for (let length = 1; length <= 3; length++) {
    for (const prefix of keys.filter((k) => k.length === length - 1)) for (const c of letters) keys.push(prefix + c);
  }
  const random = seededInts(11);
  for (let k = 0; k < 30000; k++) {
    let key = '';
    for (let i = 0; i < 4 + (k % 6); i++) key += letters[random(26)];
    keys.push(key, `${key}s`, `${key}es`, `${key}ies`);
  }
  let stops = 0;
  for (const key of keys) {
    const answer = isStopName(key);
    if (answer) stops++;
    assert.equal(answer, byTheRule(key), key);
  }
  assert.ok(stops > 20, `${stops} stop keys among the generated ones`);
});
