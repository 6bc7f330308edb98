import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/dist/free-port.js';
import { chooseTransport, rankThreadsFlag } from '../../src/dist/launch.js';
import { threadShare } from '../../src/dist/thread-share.js';
import { launchRankThreads } from '../../src/dist/launch-threads.js';
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

test('--workers 2 runs its ranks as threads over shared memory by default, with the bits of --transport tcp', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-workers-'));
  try {
    // (Equality with one process is tested above for TCP and in zero2.test.ts for shared memory.)
    const [shm, tcp] = await Promise.all([
      medbert([...common, '--out', join(dir, 'shm'), '--accumulation', '1', '--workers', '2', '--threads', '2']),
      medbert([...common, '--out', join(dir, 'tcp'), '--accumulation', '1', '--workers', '2', '--threads', '2', '--transport', 'tcp']),
    ]);
    for (const r of [shm, tcp]) assert.equal(r.code, 0, r.stderr);
    assert.match(shm.stderr, /pretrain \(2 ranks, shm\)/);
    assert.match(tcp.stderr, /pretrain \(2 ranks, tcp\)/);
    const b = lastJson(shm.stdout), c = lastJson(tcp.stdout);
    assert.equal(b.loss, c.loss);
    assert.equal(b.grad_norm, c.grad_norm);
    const weights = (run: string): Buffer => readFileSync(join(dir, run, 'checkpoint', 'model.safetensors'));
    assert.ok(weights('shm').equals(weights('tcp')), 'identical final weights');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('transport and thread flags: shm inside a machine (TCP between machines), tcp for a process per rank; --threads is split between local ranks', async () => {
  assert.equal(chooseTransport(undefined, 1, 2), 'shm');
  assert.equal(chooseTransport('tcp', 1, 2), 'tcp');
  assert.equal(chooseTransport(undefined, 2, 2), 'shm', 'mixed ring');
  assert.equal(chooseTransport('shm', 2, 2), 'shm');
  assert.equal(chooseTransport('tcp', 2, 2), 'tcp');
  assert.equal(chooseTransport(undefined, 2, 1), 'tcp', 'one rank per machine: nothing to share');
  assert.throws(() => chooseTransport('udp', 1, 2), /--transport=udp is not valid/);
  assert.deepEqual([0, 1, 2].map((i) => threadShare(7, 3, i)), [3, 2, 2]);
  assert.deepEqual([0, 1, 2].map((i) => threadShare(2, 3, i)), [1, 1, 1]);
  assert.equal(rankThreadsFlag('4', { LOCAL_RANK: '1', LOCAL_WORLD_SIZE: '2' }), '2');
  assert.equal(rankThreadsFlag('4', {}), '4');
  assert.equal(rankThreadsFlag(undefined, { LOCAL_RANK: '1', LOCAL_WORLD_SIZE: '2' }), undefined);
});

test('two processes playing two nodes, each with 2 rank threads (shared memory inside, TCP between), give the bits of 4 rank processes over TCP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-mixed-'));
  try {
    const nodes = async (run: string, extra: string[]) => {
      const port = String(await freePort());
      return Promise.all([0, 1].map((k) => medbert([...common, '--out', join(dir, run), '--accumulation', '1', '--workers', '2', '--threads', '2',
        '--nnodes', '2', '--node-rank', String(k), '--master-addr', '127.0.0.1', '--master-port', port, ...extra])));
    };
    const mixed = await nodes('mixed', []);
    const tcp = await nodes('tcp', ['--transport', 'tcp']);
    for (const r of [...mixed, ...tcp]) assert.equal(r.code, 0, r.stderr);
    assert.match(mixed[0]!.stderr, /pretrain \(4 ranks, shm\+tcp\)/);
    assert.match(tcp[0]!.stderr, /pretrain \(4 ranks, tcp\)/);
    const b = lastJson(mixed[0]!.stdout), c = lastJson(tcp[0]!.stdout);
    assert.equal(b.loss, c.loss);
    assert.equal(b.grad_norm, c.grad_norm);
    for (const file of ['model.safetensors', 'optimizer.safetensors']) {
      const bytes = (run: string): Buffer => readFileSync(join(dir, run, 'checkpoint', file));
      assert.ok(bytes('mixed').equals(bytes('tcp')), `identical ${file}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rank threads: the launcher names a rank whose thread crashed at once, and a hung one after the timeout', async () => {
  const script = fileURLToPath(new URL('./fake-rank.js', import.meta.url));
  const launch = (behaviour: string, workers: number, timeoutMs: number) => launchRankThreads({ workers, nnodes: 1, nodeRank: 0,
    masterAddr: '127.0.0.1', masterPort: 0, argv: [script, behaviour, String(timeoutMs)], graceMs: 500 });
  assert.equal(await launch('ok', 3, 20_000), 0);
  let t0 = Date.now();
  await assert.rejects(launch('crash', 3, 60_000), /rank 1 died \(its thread ended with an error\) \(ranks [02], [02] stopped too\)/);
  assert.ok(Date.now() - t0 < 20_000, `crash named after ${Date.now() - t0} ms, with a 60 s timeout`);
  t0 = Date.now();
  await assert.rejects(launch('hang', 2, 1000), /rank 1 stopped answering within --dist-timeout \(it died or hangs\)/);
  assert.ok(Date.now() - t0 < 20_000);
});

test('rank threads on two nodes (mixed ring): both launchers name a rank of the second node that crashed or hung', async () => {
  const script = fileURLToPath(new URL('./fake-rank.js', import.meta.url));
  const launchBoth = async (behaviour: string, bad: number, timeoutMs: number) => {
    const masterPort = await freePort();
    return Promise.allSettled([0, 1].map((nodeRank) => launchRankThreads({ workers: 2, nnodes: 2, nodeRank, masterAddr: '127.0.0.1', masterPort,
      argv: [script, behaviour, String(timeoutMs), String(bad)], graceMs: 500 })));
  };
  assert.deepEqual((await launchBoth('ok', -1, 20_000)).map((r) => r.status === 'fulfilled' ? r.value : String(r.reason)), [0, 0]);
  let t0 = Date.now();
  const crashed = await launchBoth('crash', 2, 60_000);
  for (const [k, r] of crashed.entries()) {
    assert.equal(r.status, 'rejected', `node ${k}`);
    if (r.status === 'rejected') assert.match(String(r.reason), /rank 2 (died|closed its connection)/, `node ${k}`);
  }
  assert.ok(Date.now() - t0 < 20_000, `crash named after ${Date.now() - t0} ms, with a 60 s timeout`);
  t0 = Date.now();
  const hung = await launchBoth('hang', 3, 1000);
  for (const [k, r] of hung.entries()) {
    assert.equal(r.status, 'rejected', `node ${k}`);
    if (r.status === 'rejected') assert.match(String(r.reason), /rank 3 stopped answering within --dist-timeout \(it died or hangs\).*rerun with --resume/, `node ${k}`);
  }
  assert.ok(Date.now() - t0 < 20_000);
});
