import test from 'node:test';
import assert from 'node:assert/strict';
import { codeAt, isSpace } from '../../src/deid/recognizers/chars.js';

test('isSpace (a table) is true exactly at the UTF-16 code units a regex \\s matches', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  // What the scans pass outside the text: codeAt's -1, charCodeAt's NaN.
  assert.equal(isSpace(codeAt('a', 5)), false);
  assert.equal(isSpace(codeAt('a', -1)), false);
  assert.equal(isSpace(Number.NaN), false);
});
