// The portable Latin-1 codec (browsers) gives what Node's Buffer gives, which the CSV reader uses in Node.
import test from 'node:test';
import assert from 'node:assert/strict';
import { bufferLatin1, latin1, portableLatin1 } from '../../src/corpus/latin1.js';

/** Deterministic bytes: ASCII text, a few 2-byte UTF-8 characters, and many invalid sequences (lone continuation
 * bytes, cut characters, 0xC0/0xFF); the fixed sample strings cover 3- and 4-byte characters. */
function mixedBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = (state >>> 24) % 3 === 0 ? state & 0xff : 0x20 + ((state >>> 16) % 95);
  }
  return bytes;
}

test('in Node the CSV reader uses Buffer\'s conversions', () => {
  assert.equal(latin1, bufferLatin1);
});

test('the portable codec matches Buffer\'s: bytes to Latin-1, Latin-1 to UTF-8 text (invalid bytes U+FFFD), UTF-8 to Latin-1', () => {
  const samples = [new Uint8Array(0), new TextEncoder().encode('ASCII, é, ‖, 𝛼β, 患者'), Uint8Array.of(0x80, 0x9f, 0xc0, 0xff, 0xe2, 0x96),
    mixedBytes(20_000, 7), mixedBytes(8193, 11)];
  for (const bytes of samples) {
    const text = bufferLatin1.fromBytes(bytes);
    assert.equal(text.length, bytes.length);
    assert.equal(portableLatin1.fromBytes(bytes), text);
    assert.equal(portableLatin1.utf8Of(text), bufferLatin1.utf8Of(text));
  }
  // A subarray: only its own bytes.
  const inner = mixedBytes(100, 3).subarray(10, 20);
  assert.equal(portableLatin1.fromBytes(inner), bufferLatin1.fromBytes(inner));
  for (const s of ['', ',', '§', '‖', 'tab\there', '𝛼']) assert.equal(portableLatin1.ofUtf8(s), bufferLatin1.ofUtf8(s));
  assert.equal(portableLatin1.utf8Of(portableLatin1.ofUtf8('é‖𝛼')), 'é‖𝛼');
});
