import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { camelCaseKeys, snakeCase, snakeCaseKeys } from '../src/json-keys.js';
import { repoRoot } from './helpers/shared-data.js';

test('snakeCase: lower camelCase field names only', () => {
  assert.equal(snakeCase('examplesPerSecond'), 'examples_per_s'); // rates as the issues name them: tokens_per_s
  assert.equal(snakeCase('lexiconLoadSeconds'), 'lexicon_load_seconds');
  assert.equal(snakeCase('mlmHead'), 'mlm_head');
  for (const kept of ['f1', 'by_type', 'input_ids', 'CompositeMention', 'NAME', 'tokens_per_s', 'disease', 'a1B']) {
    assert.equal(snakeCase(kept), kept === 'a1B' ? 'a1_b' : kept);
  }
});

test('snakeCaseKeys: nested objects and arrays; maps keyed by data keep their keys', () => {
  const report = {
    unlinkedGold: 3,
    overall: { exactRate: 0.5 },
    byType: { CompositeMention: { exactRate: 0.25 }, geneProduct: { overlapRate: 1 } },
    counts: { someType: 2 },
    spans: [{ preferredName: 'Cisplatin', alternatives: [{ preferredName: 'x' }] }],
    ids: new Int32Array([1, 2]),
    missing: null,
  };
  assert.deepEqual(snakeCaseKeys(report), {
    unlinked_gold: 3,
    overall: { exact_rate: 0.5 },
    by_type: { CompositeMention: { exact_rate: 0.25 }, geneProduct: { overlap_rate: 1 } },
    counts: { someType: 2 },
    spans: [{ preferred_name: 'Cisplatin', alternatives: [{ preferred_name: 'x' }] }],
    ids: new Int32Array([1, 2]),
    missing: null,
  });
  assert.equal(report.overall.exactRate, 0.5, 'the input is not changed');
});

/** Every lower camelCase field name in a JSON value, with its path. */
function camelFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => camelFields(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(/^[a-z][a-z0-9]*[A-Z]/.test(key) && !/\.(by_type|counts)$/.test(path) ? [`${path}.${key}`] : []),
    ...camelFields(item, `${path}.${key}`),
  ]);
}

test('--json output names its fields in snake_case (link, model info)', () => {
  const medbert = (...args: string[]): unknown => {
    const r = spawnSync(process.execPath, [resolve(repoRoot, 'bin', 'medbert.js'), ...args],
      { input: 'Patients with atrial fibrillation (AF) received warfarin.', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
  };
  const linked = medbert('link', '--json') as { spans: Record<string, unknown>[] };
  assert.equal(linked.spans[0]['preferred_name'], 'Atrial Fibrillation');
  const info = medbert('model', 'info', '--preset', 'tiny', '--json') as { parameters: Record<string, number> };
  assert.equal(typeof info.parameters['per_layer'], 'number');
  for (const output of [linked, info]) assert.deepEqual(camelFields(output), []);
});

test('camelCaseKeys reads back what snakeCaseKeys wrote (a checkpoint\'s trainer state), and leaves camelCase names as they are', () => {
  const state = { step: 3, rng: { dropout: { words: [1, 2, 3, 4], spare: null } }, data: { shardCursor: 1, epochRng: { words: [5, 6, 7, 8], spare: 0.5 } },
    options: { microBatch: 2, weightDecay: 0.01, snapshotEvery: 0 } };
  const written = snakeCaseKeys(state) as { data: Record<string, unknown>; options: Record<string, unknown> };
  assert.deepEqual(Object.keys(written.data), ['shard_cursor', 'epoch_rng']);
  assert.deepEqual(Object.keys(written.options), ['micro_batch', 'weight_decay', 'snapshot_every']);
  assert.deepEqual(camelCaseKeys(written), state);
  assert.deepEqual(camelCaseKeys(state), state, 'a checkpoint written before (camelCase) reads the same');
  assert.deepEqual(camelCaseKeys({ by_type: { first_name: { exact_rate: 1 } } }), { byType: { first_name: { exactRate: 1 } } }, 'data keys kept');
});
