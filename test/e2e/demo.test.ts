import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const run = promisify(execFile);

test('medbert demo --quick runs every stage and writes a report whose loss fell', async () => {
  const out = mkdtempSync(join(tmpdir(), 'medbert-demo-'));
  try {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'demo', '--quick', '--out', out, '--json'],
      { maxBuffer: 64 << 20, env: { ...process.env, MEDBERT_THREADS: '2' } });
    const last = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      pretrain: { losses: [number, number][] }; ner: { test: { f1: number } }; deid: { recall: number; precision: number };
    };
    assert.deepEqual(last, report, 'the --json line is report.json');
    const losses = report.pretrain.losses;
    assert.ok(losses.length >= 10 && losses.every(([s, l]) => Number.isInteger(s) && Number.isFinite(l)));
    const mean = (xs: [number, number][]): number => xs.reduce((s, [, l]) => s + l, 0) / xs.length;
    assert.ok(mean(losses.slice(-5)) < mean(losses.slice(0, 5)), `loss fell: ${mean(losses.slice(0, 5))} → ${mean(losses.slice(-5))}`);
    assert.equal(typeof report.ner.test.f1, 'number');
    assert.ok(report.deid.recall > 0.5 && report.deid.precision > 0.5, JSON.stringify(report.deid));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.match(html, /<svg[^>]*aria-label="Loss"/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, 'self-contained: no scripts or remote resources');
    for (const f of ['tokenizer/spm.model', 'shards/manifest.json', 'pretrain/checkpoint/model.safetensors', 'pretrain/metrics.jsonl']) {
      assert.ok(existsSync(join(out, f)), `${f} written`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

const shared = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
test('medbert demo --data --quick is quick too: the tiny model, 40 steps, the first 200 NER documents and questions', { skip: shared.skip }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'medbert-demo-data-'));
  try {
    await run(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'demo', '--data', join(repoRoot, '..', 'shared', 'data'), '--quick', '--out', out],
      { maxBuffer: 64 << 20, env: { ...process.env, MEDBERT_THREADS: '2' } });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      corpus: string; pretrain: { steps: number }; ner: { test: { tp: number; fn: number } }; qa?: { test: { n: number } };
    };
    assert.match(report.corpus, /\(NER and QA: the first 200 documents and questions of each file\)$/);
    assert.equal(report.pretrain.steps, 40);
    assert.ok(report.ner.test.tp + report.ner.test.fn < 5000, 'the NER test set is its first 200 abstracts (9,809 mentions in all 500)');
    assert.equal(report.qa?.test.n, 200, 'MedQA is fine-tuned with --data, on its first 200 questions');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
