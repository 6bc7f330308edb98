import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/dist/free-port.js';
import { repoRoot } from '../helpers/shared-data.js';

function medbert(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), ...args], { env: { ...process.env, MEDBERT_THREADS: '1', ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const common = ['pretrain', '--data', 'synthetic', '--steps', '2', '--seq-len', '16', '--micro-batch', '2', '--checkpoint-every', '0', '--json'];
const lastJson = (stdout: string): { loss: number; grad_norm: number } => JSON.parse(stdout.trim().split('\n').pop()!) as { loss: number; grad_norm: number };

test('two processes playing two nodes over TCP loopback train like one process with twice the accumulation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-nodes-'));
  try {
    const single = await medbert([...common, '--out', join(dir, 'one'), '--accumulation', '2']);
    assert.equal(single.code, 0, single.stderr);
    const port = String(await freePort());
    const nodes = await Promise.all([0, 1].map((k) => medbert([...common, '--out', join(dir, 'two'), '--accumulation', '1',
      '--nnodes', '2', '--node-rank', String(k), '--master-addr', '127.0.0.1', '--master-port', port])));
    assert.equal(nodes[0]!.code, 0, nodes[0]!.stderr);
    assert.equal(nodes[1]!.code, 0, nodes[1]!.stderr);
    const a = lastJson(single.stdout), b = lastJson(nodes[0]!.stdout);
    assert.ok(Math.abs(a.loss - b.loss) <= 1e-5 * a.loss, `${a.loss} vs ${b.loss}`);
    assert.ok(Math.abs(a.grad_norm - b.grad_norm) <= 1e-4 * a.grad_norm, `${a.grad_norm} vs ${b.grad_norm}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('when a rank cannot join, the job stops with an error naming the process group, not a hang', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-nodes-'));
  try {
    const port = String(await freePort());
    const t0 = Date.now();
    const alone = await medbert([...common, '--out', dir, '--nnodes', '2', '--node-rank', '0', '--master-port', port, '--dist-timeout', '2']);
    assert.notEqual(alone.code, 0);
    assert.match(alone.stderr, /rank 0: the 2 ranks did not all join at 127\.0\.0\.1:\d+ within 2 s/);
    assert.ok(Date.now() - t0 < 30_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
