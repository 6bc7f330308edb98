import test from 'node:test';
import assert from 'node:assert/strict';
import { intFlag } from '../../src/cli/args.js';

test('intFlag: decimal digits within bounds; other spellings of numbers and unsafe integers are one clear error', () => {
  assert.equal(intFlag('128', 'seq-len', 64, 8, 4096), 128);
  assert.equal(intFlag(' 12 ', 'steps', 1, 1), 12);
  assert.equal(intFlag(undefined, 'steps', 7, 1), 7);
  assert.equal(intFlag('-3', 'shift', 0), -3);
  for (const value of ['0x80', '1e2', '128.0', '+128', '99999999999999999999', '', '12abc']) {
    assert.throws(() => intFlag(value, 'seq-len', 64, 8, 4096), new RegExp(`^MedbertError: --seq-len=${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid: expected an integer in 8\\.\\.4096$`), value);
  }
  assert.throws(() => intFlag('0', 'steps', 1, 1), /--steps=0 is not valid: expected an integer >= 1/);
});
