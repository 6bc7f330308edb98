// Our hard-Unicode lines against Google's own outputs on the same models (committed fixtures): ids and
// pieces (spm_encode), text (spm_decode from ids and from pieces), and offsets (EncodeAsImmutableProto).
import test from 'node:test';
import assert from 'node:assert/strict';
import { MODEL_NAMES, expected, hardLines, loadModel } from './fixtures.js';

const lines = hardLines();

/** Python reports offsets in code points; convert our byte offsets the same way. */
function codePointOffset(line: Uint8Array, byteOffset: number): number {
  let n = 0;
  for (let i = 0; i < byteOffset; i++) if ((line[i] & 0xc0) !== 0x80) n++;
  return n;
}

for (const name of MODEL_NAMES) {
  test(`${name}: ids, pieces, decode and offsets match Google's on ${lines.length} hard lines`, () => {
    const model = loadModel(name);
    const ids = expected(name, 'ids');
    const pieces = expected(name, 'pieces');
    const decoded = expected(name, 'decoded');
    const pdecoded = expected(name, 'pdecoded');
    const offsets = expected(name, 'offsets');
    assert.equal(ids.length, lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const where = `${name} line ${i + 1}`;
      assert.equal(model.encodeBytes(line).join(' '), ids[i], `${where} ids`);
      assert.equal(model.encodeBytesAsPieces(line).join(' '), pieces[i], `${where} pieces`);
      assert.equal(model.decode(ids[i].split(' ').filter((s) => s !== '').map(Number)), decoded[i], `${where} decode ids`);
      assert.equal(model.decodePieces(pieces[i].split(' ').filter((s) => s !== '')), pdecoded[i], `${where} decode pieces`);
      if (offsets[i] !== '-') {
        const got = model.encodeBytesWithOffsets(line).map((p) => `${codePointOffset(line, p.begin)}:${codePointOffset(line, p.end)}`).join(' ');
        assert.equal(got, offsets[i], `${where} offsets`);
      }
    }
  });
}

test('string offsets index the JS string (UTF-16) and surfaces are its slices', () => {
  const model = loadModel('bytefb');
  const text = 'Ａ 😀 café\u0301 ﬁbrosis 5 µg 中文';
  const pieces = model.encodeWithOffsets(text);
  assert.deepEqual(pieces.map((p) => p.id), model.encode(text));
  let covered = '';
  for (const p of pieces) {
    assert.equal(p.surface, text.slice(p.begin, p.end));
    covered += p.surface;
  }
  assert.equal(covered, text, 'surfaces tile the input');
  const emoji = pieces.filter((p) => p.begin === text.indexOf('😀'));
  assert.equal(emoji.length, 4, 'an unknown emoji falls back to its 4 UTF-8 bytes');
  assert.deepEqual(emoji.map((p) => p.end - p.begin), [0, 0, 0, 2]);
});

test('encodeOffsetsInto gives what encodeWithOffsets gives, without allocating per piece', () => {
  for (const name of ['nmt', 'bytefb', 'digits'] as const) {
    const model = loadModel(name);
    for (const line of hardLines()) {
      const text = Buffer.from(line).toString('utf8');
      const expected = model.encodeWithOffsets(text);
      const count = model.encodeOffsetsInto(text);
      assert.equal(count, expected.length, `${name}: ${text.slice(0, 40)}`);
      for (let i = 0; i < count; i++) {
        assert.deepEqual([model.idBuffer[i], model.beginBuffer[i], model.endBuffer[i]], [expected[i].id, expected[i].begin, expected[i].end]);
      }
    }
  }
});
