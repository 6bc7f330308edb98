import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/shared-data.js';

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
