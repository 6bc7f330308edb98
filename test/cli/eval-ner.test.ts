import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkGoldTypes, epochName, stoppedAfter } from '../../src/cli/ner.js';
import type { EpochReport } from '../../src/tasks/finetune.js';
import type { NerDocument } from '../../src/tasks/ner/index.js';
import { repoRoot } from '../helpers/shared-data.js';

const bin = resolve(repoRoot, 'bin', 'medbert.js');
const doc = (pmid: string, type: string): string => `${pmid}|t|Aspirin helps.\n${pmid}|a|Asthma too.\n${pmid}\t0\t7\tAspirin\t${type}\tD001241\n\n`;

test('eval ner --gold --pred: predictions of other documents are one clear error, not an F1 of 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-eval-ner-'));
  try {
    writeFileSync(join(dir, 'gold.txt'), doc('1', 'Chemical') + doc('2', 'Chemical'));
    writeFileSync(join(dir, 'other.txt'), doc('7', 'Chemical'));
    writeFileSync(join(dir, 'some.txt'), doc('1', 'Chemical') + doc('7', 'Chemical'));
    const run = (pred: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath,
      [bin, 'eval', 'ner', '--gold', join(dir, 'gold.txt'), '--pred', join(dir, pred), '--json'], { encoding: 'utf8' });
    const other = run('other.txt');
    assert.equal(other.status, 1);
    assert.match(String(other.stderr), /^medbert: no document of --pred \S+other\.txt is in --gold \S+gold\.txt \(ids such as '7' against '1'\)/);
    const some = run('some.txt');
    assert.equal(some.status, 0, String(some.stderr));
    assert.match(String(some.stderr), /warning: 1 of 2 documents of --pred are not in --gold \(first: '7'\)/);
    const scores = JSON.parse(String(some.stdout).trim().split('\n').pop() ?? '') as { tp: number; fp: number; fn: number };
    assert.deepEqual([scores.tp, scores.fp, scores.fn], [1, 1, 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval ner: invalid UTF-8 in a file is replaced with a warning naming it; a BIO copy of the gold matches it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-eval-ner-'));
  try {
    writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('1|t|Caf'), Buffer.of(0xe9), Buffer.from(' and aspirin.\n1|a|x\n1\t9\t16\taspirin\tChemical\tD1\n\n')]));
    const latin1 = spawnSync(process.execPath, [bin, 'eval', 'ner', '--gold', join(dir, 'latin1.txt'), '--pred', join(dir, 'latin1.txt'), '--json'], { encoding: 'utf8' });
    assert.equal(latin1.status, 0, String(latin1.stderr));
    assert.match(String(latin1.stderr), /^medbert eval ner: warning: \S+latin1\.txt: 1 invalid UTF-8 sequence\(s\) replaced by U\+FFFD$/m);
    const iob = 'Aspirin\tB-Chemical\nhelps\tO\n\nAsthma\tB-Disease\n';
    writeFileSync(join(dir, 'gold.tsv'), iob);
    writeFileSync(join(dir, 'copy.tsv'), iob);
    const copy = spawnSync(process.execPath, [bin, 'eval', 'ner', '--gold', join(dir, 'gold.tsv'), '--pred', join(dir, 'copy.tsv'), '--json'], { encoding: 'utf8' });
    assert.equal(copy.status, 0, String(copy.stderr));
    assert.equal((JSON.parse(String(copy.stdout).trim()) as { f1: number }).f1, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval ner --checkpoint: a test set of other types than the checkpoint tags is an error; some of them a warning', () => {
  const mention = (type: string): NerDocument => ({ id: type, text: 'Aspirin', mentions: [{ start: 0, end: 7, type, text: 'Aspirin' }] });
  assert.throws(() => checkGoldTypes([mention('SpecificDisease'), mention('Modifier')], ['Chemical', 'Disease'], 'ncbi.txt'),
    (e: Error) => /^--test ncbi\.txt has no mention of the types the checkpoint tags \(Chemical, Disease\); its types: Modifier, SpecificDisease$/.test(e.message));
  assert.doesNotThrow(() => checkGoldTypes([mention('Chemical'), mention('Species')], ['Chemical', 'Disease'], 'mixed.txt'));
});

test('a fine-tuning stopped inside an epoch says so: its epoch line and the stop line count the steps run', () => {
  const epoch = (n: number, steps: number): EpochReport => ({ epoch: n, loss: 0.3, dev: 0.1, seconds: 10, examplesPerSecond: 30, steps, stepsPerEpoch: 356 });
  assert.equal(epochName(epoch(1, 356)), 'epoch 1');
  assert.equal(epochName(epoch(1, 140)), 'epoch 1 (stopped after 140 of 356 steps)');
  assert.equal(stoppedAfter([epoch(1, 140)]), 'after 140 of 356 steps of its first epoch');
  assert.equal(stoppedAfter([epoch(1, 356), epoch(2, 20)]), 'after 1 epoch and 20 of 356 steps of the next');
  assert.equal(stoppedAfter([epoch(1, 356), epoch(2, 356)]), 'after 2 epochs');
});
