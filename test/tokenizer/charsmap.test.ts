// Our double-array and charsmap builders against Google's stored maps.
import test from 'node:test';
import assert from 'node:assert/strict';
import { charsmapRules, compileCharsmap, decodeModelProto, parseCharsmap, SentencePieceModel } from '../../src/tokenizer/index.js';
import { buildDoubleArray, DoubleArray } from '../../src/tokenizer/double-array.js';
import { charsmapForRule } from '../../src/tokenizer/trainer/nfkc-charsmap.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardLines, missingTool, modelBytes } from './fixtures.js';

test('double array: every key found with its value, and nothing else', () => {
  const enc = new TextEncoder();
  const words = ['a', 'ab', 'abc', 'b', 'bc', 'c', '\u2581the', '\u2581then', 'ﬁ', 'x'.repeat(40), 'zz', 'zzz'];
  const da = new DoubleArray(buildDoubleArray(words.map((w) => enc.encode(w)), words.map((_, i) => i * 7)));
  words.forEach((w, i) => assert.equal(da.exactMatch(enc.encode(w)), i * 7, w));
  for (const w of ['', 'abcd', 'd', '\u2581th', 'x'.repeat(39), 'z']) assert.equal(da.exactMatch(enc.encode(w)), -1, w);
  const len = new Int32Array(1);
  const text = enc.encode('abcd');
  assert.equal(da.longestPrefix(text, 0, text.length, len), 14);
  assert.equal(len[0], 3);
});

test('double array: keys sharing endings and values share their nodes; with every value distinct nothing merges', () => {
  const enc = new TextEncoder();
  const words = ['xab', 'yab', 'zab', 'xcd', 'ycd', 'zcd'];
  const shared = buildDoubleArray(words.map((w) => enc.encode(w)), words.map((w) => (w.endsWith('ab') ? 1 : 2)));
  const distinct = buildDoubleArray(words.map((w) => enc.encode(w)), words.map((_, i) => i));
  const a = new DoubleArray(shared), b = new DoubleArray(distinct);
  words.forEach((w, i) => {
    assert.equal(a.exactMatch(enc.encode(w)), w.endsWith('ab') ? 1 : 2, w);
    assert.equal(b.exactMatch(enc.encode(w)), i, w);
  });
  const usedUnits = (units: Uint32Array): number => units.reduce((n, u) => n + (u !== 0 ? 1 : 0), 0);
  assert.ok(usedUnits(shared) < usedUnits(distinct), `${usedUnits(shared)} vs ${usedUnits(distinct)} units`);
});

test('rebuilding Google\'s nmt_nfkc map with our compiler normalizes every hard line identically', () => {
  const proto = decodeModelProto(modelBytes('nmt'));
  const google = charsmapRules(parseCharsmap(proto.normalizer_spec!.precompiled_charsmap!));
  const reference = SentencePieceModel.fromProto(proto);
  proto.normalizer_spec!.precompiled_charsmap = compileCharsmap(google);
  const rebuilt = SentencePieceModel.fromProto(proto);
  for (const line of hardLines()) assert.deepEqual(rebuilt.encodeBytes(line), reference.encodeBytes(line));
});

function compareWithGoogle(rule: string, googleBlob: Uint8Array): void {
  {
    const google = charsmapRules(parseCharsmap(googleBlob));
    const ours = charsmapRules(parseCharsmap(charsmapForRule(rule)));
    let missing = 0;
    let different = 0;
    for (const [k, v] of google) {
      const o = ours.get(k);
      if (o === undefined) missing++;
      else if (o !== v) different++;
    }
    assert.equal(missing, 0, `${rule}: rules of Google's that we lack`);
    assert.equal(different, 0, `${rule}: rules that map differently`);
    // The extra rules are for characters Unicode added after Google's ICU (e.g. U+A7F1).
    assert.ok(ours.size - google.size < 1000, `${rule}: ${ours.size - google.size} extra rules`);
    assert.ok(ours.has('\ua7f1'));
  }
}

test('our nmt_nfkc map contains every rule of Google\'s, with the same results', () => {
  // nfkc is the same construction without the NMT additions, so checking nmt_nfkc covers both.
  compareWithGoogle('nmt_nfkc', decodeModelProto(modelBytes('nmt')).normalizer_spec!.precompiled_charsmap!);
});

test('our case-folding map (nmt_nfkc_cf) contains every rule of Google\'s', { skip: missingTool('spm_train') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-cf-'));
  try {
    const input = join(dir, 'text.txt');
    writeFileSync(input, hardLines().slice(0, 36).map((l) => Buffer.from(l).toString('utf8')).join('\n').repeat(5) + '\n');
    for (const rule of ['nmt_nfkc_cf']) {
      const prefix = join(dir, rule);
      execFileSync('spm_train', [`--input=${input}`, `--model_prefix=${prefix}`, '--vocab_size=200', `--normalization_rule_name=${rule}`,
        '--hard_vocab_limit=false', '--minloglevel=2'], { stdio: 'ignore' });
      compareWithGoogle(rule, decodeModelProto(readFileSync(`${prefix}.model`)).normalizer_spec!.precompiled_charsmap!);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
