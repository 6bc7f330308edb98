// N-best segmentations against spm_encode --output_format=nbest_id/nbest_piece, and sampling against the
// exact distribution it should draw from.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDir, hardLines, loadModel, missingTool, modelBytes } from './fixtures.js';
import { mulberry32 } from '../../src/random.js';

test('n-best ids and pieces equal spm_encode\'s on the hard lines (agenda shrinking included)', { skip: missingTool('spm_encode') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-nbest-'));
  try {
    const lines = hardLines();
    for (const name of ['nmt', 'bytefb', 'uds', 'digits'] as const) {
      const modelPath = join(dir, `${name}.model`);
      writeFileSync(modelPath, modelBytes(name));
      const run = (format: string): string[] => execFileSync('spm_encode', [`--model=${modelPath}`, `--output_format=${format}`, '--nbest_size=4',
        join(fixtureDir, 'hard.txt')], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').split('\n');
      const ids = run('nbest_id');
      const pieces = run('nbest_piece');
      const model = loadModel(name);
      let k = 0;
      for (let i = 0; i < lines.length; i++) {
        for (const r of model.nbestEncodeBytes(lines[i], 4)) {
          assert.equal(r.ids.join(' '), ids[k], `${name} line ${i + 1}, result ${k}`);
          assert.equal(r.pieces.join(' '), pieces[k], `${name} line ${i + 1}, result ${k}`);
          k++;
        }
      }
      assert.equal(k, ids.length - 1, `${name}: as many results as spm_encode printed`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sampling draws segmentations with probability proportional to exp(alpha × score)', () => {
  const model = loadModel('nmt');
  const word = 'therapy';
  const all = model.nbestEncode(word, 1024); // every segmentation of a short word
  assert.ok(all.length > 20, `${all.length} segmentations`);
  for (const [nbestSize, alpha] of [[-1, 0.2], [8, 0.5]] as const) {
    const pool = nbestSize > 0 ? all.slice(0, nbestSize) : all;
    const weights = pool.map((r) => Math.exp(alpha * r.score));
    const total = weights.reduce((a, b) => a + b, 0);
    const expected = new Map(pool.map((r, i) => [r.ids.join(' '), weights[i] / total]));
    const counts = new Map<string, number>();
    const random = mulberry32(7);
    const draws = 20000;
    for (let i = 0; i < draws; i++) {
      const key = model.sampleEncode(word, { alpha, nbestSize, random }).ids.join(' ');
      assert.ok(expected.has(key), `sampled a segmentation outside the pool: ${key}`);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, p] of expected) {
      if (p < 0.02) continue;
      const observed = (counts.get(key) ?? 0) / draws;
      const sigma = Math.sqrt((p * (1 - p)) / draws);
      assert.ok(Math.abs(observed - p) < 5 * sigma, `nbest ${nbestSize} ${key}: observed ${observed}, expected ${p}`);
    }
  }
  assert.deepEqual(model.sampleEncode(word, { nbestSize: 1 }).ids, model.encode(word));
  assert.deepEqual(model.sampleEncode('   ', { nbestSize: -1 }).ids, []);
});
