import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ringDistributed, type RingOptions } from '../../src/dist/distributed.js';
import { TcpRing } from '../../src/dist/tcp-link.js';
import { Engine, ReferenceBackend } from '../../src/tensor/index.js';
import { pretrain, type Distributed, type PretrainOptions, type StepMetrics } from '../../src/train/pretrain.js';
import { freePort } from '../../src/dist/free-port.js';
import { readFileSync } from 'node:fs';
import { decodeSafetensors } from '../../src/train/safetensors.js';
import { config, options, source } from './zero2-setup.js';
import { runNodes, runThreads } from './ring-threads.js';
import { ShmRing } from '../../src/dist/shm-ring.js';

interface RankRun { steps: StepMetrics[]; error: unknown }

/**
 * Runs `world` ranks in this process (each with its own engine), joined by a TCP ring on loopback. With one rank
 * and no `ring` options it trains alone (no ring).
 */
async function runRanks(world: number, dir: string, o: PretrainOptions, resume = false,
  wrap: (d: Distributed, rank: number) => Distributed = (d) => d, timeoutMs = 10_000, stopAt = Infinity, ring?: RingOptions): Promise<RankRun[]> {
  const masterPort = await freePort();
  const links = await Promise.all(Array.from({ length: world }, (_, rank) =>
    TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort, timeoutMs })));
  const runs: RankRun[] = links.map(() => ({ steps: [], error: null }));
  await Promise.all(links.map(async (link, rank) => {
    try {
      await pretrain({
        engine: new Engine(new ReferenceBackend()), config, source: source(), options: o, outDir: dir, resume,
        distributed: world === 1 && ring === undefined ? undefined : wrap(ringDistributed(link, ring), rank),
        onStep: (m) => runs[rank]!.steps.push(m), shouldStop: () => (runs[rank]!.steps.at(-1)?.step ?? 0) >= stopAt,
      });
    } catch (error) {
      runs[rank]!.error = error;
      link.close();
    }
  }));
  for (const l of links) l.close();
  return runs;
}

const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.abs(b);

test('N = 1, 2, 3 ranks with the same global batch give the losses of single-process training', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-'));
  try {
    const single = (await runRanks(1, join(root, 'n1'), options({ accumulation: 6 })))[0]!.steps;
    for (const world of [2, 3]) {
      const runs = await runRanks(world, join(root, `n${world}`), options({ accumulation: 6 / world }));
      for (const r of runs) assert.equal(r.error, null);
      const steps = runs[0]!.steps;
      assert.equal(steps.length, single.length);
      steps.forEach((m, i) => {
        // float-summation tolerance: gradients are summed in ring order instead of micro-batch order
        assert.ok(close(m.loss, single[i]!.loss, 1e-5), `world ${world} step ${i + 1}: loss ${m.loss} vs ${single[i]!.loss}`);
        assert.ok(close(m.grad_norm, single[i]!.grad_norm, 1e-4), `world ${world} step ${i + 1}: norm ${m.grad_norm} vs ${single[i]!.grad_norm}`);
        assert.ok(m.bytes_sent! > 0);
      });
      runs.forEach((r) => assert.deepEqual(r.steps.map((m) => m.loss), steps.map((m) => m.loss), 'every rank reports the same losses'));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('resuming with a different number of ranks continues the same run', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-resume-'));
  try {
    const whole = (await runRanks(1, join(root, 'whole'), options({ accumulation: 6 })))[0]!.steps;
    const dir = join(root, 'split');
    const first = await runRanks(2, dir, options({ accumulation: 3 }), false, (d) => d, 10_000, 2);
    const rest = await runRanks(3, dir, options({ accumulation: 2 }), true);
    const losses = [...first[0]!.steps, ...rest[0]!.steps].map((m) => m.loss);
    assert.equal(losses.length, whole.length);
    losses.forEach((l, i) => assert.ok(close(l, whole[i]!.loss, 1e-5), `step ${i + 1}: ${l} vs ${whole[i]!.loss}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a rank that hangs stops the job within the timeout, naming it; the last checkpoint resumes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-hang-'));
  try {
    let calls = 0;
    const hangAfterStep2 = (d: Distributed, rank: number): Distributed => rank !== 1 ? d : {
      ...d, rank: d.rank, world: d.world, updater: d.updater,
      // After two steps rank 1 stops answering (for longer than the others' timeout), then gives up itself.
      allReduce: (v) => (++calls > 4 ? new Promise<Float64Array>((_, reject) => setTimeout(() => reject(new Error('simulated hang')), 5000)) : d.allReduce(v)),
    };
    const t0 = Date.now();
    let failedAt = 0;
    const runs = await runRanks(2, root, options({ accumulation: 3 }), false, (d, rank) => {
      const wrapped = hangAfterStep2(d, rank);
      return rank === 0 ? { ...wrapped, allReduce: (v) => wrapped.allReduce(v).catch((e: unknown) => { failedAt = Date.now(); throw e; }) } : wrapped;
    }, 1500);
    assert.match(String(runs[0]!.error), /no message from rank 1 within 1\.5 s/);
    assert.ok(failedAt - t0 < 10_000, `rank 0 gave up after ${failedAt - t0} ms`);
    const resumed = await runRanks(1, root, options({ accumulation: 6 }), true);
    assert.equal(resumed[0]!.error, null);
    assert.equal(resumed[0]!.steps[0]!.step, 3, 'resumed after the last complete step');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The same run with ranks as threads over shared memory (the default of `--workers N`). */
async function runShmRanks(world: number, dir: string, o: Partial<PretrainOptions>, resume = false,
  extra: { timeoutMs?: number; hangRank?: number; hangAfterAllReduces?: number; bucketBytes?: number } = {}): Promise<RankRun[]> {
  const { results } = await runThreads(world, (rank) => ({ kind: 'pretrain', dir, options: o, resume,
    ...(extra.bucketBytes === undefined ? {} : { bucketBytes: extra.bucketBytes }),
    ...(rank === extra.hangRank ? { hangAfterAllReduces: extra.hangAfterAllReduces! } : {}) }),
  { timeoutMs: extra.timeoutMs ?? 20_000, awaited: [...Array(world).keys()].filter((r) => r !== extra.hangRank) });
  return results.map((r) => r === null ? { steps: [], error: 'no result' }
    : r.kind === 'pretrain' ? { steps: r.steps, error: null } : { steps: [], error: r.kind === 'error' ? r.message : r.kind });
}

const checkpointFiles = (dir: string): Buffer[] =>
  ['model.safetensors', 'optimizer.safetensors'].map((f) => readFileSync(join(dir, 'checkpoint', f)));

test('ranks as threads over shared memory give the bits of the TCP ring (losses, norms, weights, moments) and single-process losses', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-shm-'));
  try {
    const single = (await runRanks(1, join(root, 'n1'), options({ accumulation: 6 })))[0]!.steps;
    for (const world of [2, 3]) {
      const o = options({ accumulation: 6 / world });
      const tcp = await runRanks(world, join(root, `tcp${world}`), o);
      const shm = await runShmRanks(world, join(root, `shm${world}`), { accumulation: 6 / world });
      for (const r of [...tcp, ...shm]) assert.equal(r.error, null);
      for (let rank = 0; rank < world; rank++) {
        const strip = (m: StepMetrics) => ({ ...m, tokens_per_s: 0, elapsed: 0 });
        assert.deepEqual(shm[rank]!.steps.map(strip), tcp[rank]!.steps.map(strip), `world ${world} rank ${rank}: identical step figures`);
      }
      shm[0]!.steps.forEach((m, i) => assert.ok(close(m.loss, single[i]!.loss, 1e-5), `world ${world} step ${i + 1}: ${m.loss} vs ${single[i]!.loss}`));
      assert.deepEqual(checkpointFiles(join(root, `shm${world}`)), checkpointFiles(join(root, `tcp${world}`)), `world ${world}: identical checkpoints`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('shared memory: a rank thread that hangs stops the others within the timeout, naming it; the last checkpoint resumes on another N', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-shm-hang-'));
  try {
    const t0 = Date.now();
    // Two trainer all-reduces per step: rank 1 hangs in step 3, after the checkpoint of step 2.
    const runs = await runShmRanks(3, root, { accumulation: 2 }, false, { timeoutMs: 1500, hangRank: 1, hangAfterAllReduces: 4 });
    for (const r of [0, 2]) assert.match(String(runs[r]!.error), /no message from rank 1 within 1\.5 s/);
    assert.ok(Date.now() - t0 < 15_000, `stopped after ${Date.now() - t0} ms`);
    const resumed = await runShmRanks(2, root, { accumulation: 3 }, true);
    assert.equal(resumed[0]!.error, null);
    assert.equal(resumed[0]!.steps[0]!.step, 3, 'resumed after the last complete step');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('gradient buckets reduce-scattered during the last backward give the bits of the whole-gradient path (N = 1, 2, 3; tcp and shm)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-buckets-'));
  const strip = (m: StepMetrics) => ({ ...m, tokens_per_s: 0, elapsed: 0 });
  try {
    for (const world of [1, 2, 3]) {
      // accumulation 1: the pass frees gradients bucket by bucket; > 1: the first micro-batches accumulate first.
      for (const accumulation of [1, 6 / world]) {
        const o = options({ accumulation, steps: 2 });
        const tag = `n${world}a${accumulation}`;
        const whole = await runRanks(world, join(root, `${tag}-whole`), o, false, undefined, 10_000, Infinity, { bucketBytes: 0 });
        // 333 values: buckets that cut parameters and the ZeRO-2 chunks anywhere; 1000: whole small parameters.
        const tcp = await runRanks(world, join(root, `${tag}-tcp`), o, false, undefined, 10_000, Infinity, { bucketBytes: 4 * 333 });
        const shm = await runShmRanks(world, join(root, `${tag}-shm`), { accumulation, steps: 2 }, false, { bucketBytes: 4 * 1000 });
        for (const r of [...whole, ...tcp, ...shm]) assert.equal(r.error, null, `${tag}: ${String(r.error)}`);
        for (let rank = 0; rank < world; rank++) {
          assert.equal(whole[rank]!.steps.length, 2);
          for (const [what, run] of [['tcp', tcp], ['shm', shm]] as const) {
            assert.deepEqual(run[rank]!.steps.map(strip), whole[rank]!.steps.map(strip), `${tag} ${what} rank ${rank}: identical step figures`);
          }
        }
        for (const what of ['tcp', 'shm']) {
          assert.deepEqual(checkpointFiles(join(root, `${tag}-${what}`)), checkpointFiles(join(root, `${tag}-whole`)), `${tag} ${what}: identical checkpoints`);
        }
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The same run on a mixed ring: `nodes` × `perNode` rank threads, shared memory inside a node and TCP between. */
async function runMixedRanks(nodes: number, perNode: number, dir: string, o: Partial<PretrainOptions>, resume = false,
  extra: { timeoutMs?: number; hangRank?: number; hangAfterAllReduces?: number } = {}): Promise<{ runs: RankRun[]; rings: SharedArrayBuffer[] }> {
  const world = nodes * perNode;
  const { results, rings } = await runNodes(nodes, perNode, (rank) => ({ kind: 'pretrain', dir, options: o, resume,
    ...(rank === extra.hangRank ? { hangAfterAllReduces: extra.hangAfterAllReduces! } : {}) }),
  { timeoutMs: extra.timeoutMs ?? 20_000, awaited: [...Array(world).keys()].filter((r) => r !== extra.hangRank) });
  const runs = results.map((r) => r === null ? { steps: [], error: 'no result' }
    : r.kind === 'pretrain' ? { steps: r.steps, error: null } : { steps: [], error: r.kind === 'error' ? r.message : r.kind });
  return { runs, rings };
}

test('mixed ring, 2 nodes × 2 rank threads: the bits of the all-TCP world-4 ring (losses, norms, weights, moments) and single-process losses', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-mixed-'));
  const strip = (m: StepMetrics) => ({ ...m, tokens_per_s: 0, elapsed: 0 });
  try {
    const single = (await runRanks(1, join(root, 'n1'), options({ accumulation: 4, steps: 3 })))[0]!.steps;
    const tcp = await runRanks(4, join(root, 'tcp'), options({ accumulation: 1, steps: 3 }));
    const { runs: mixed } = await runMixedRanks(2, 2, join(root, 'mixed'), { accumulation: 1, steps: 3 });
    for (const r of [...tcp, ...mixed]) assert.equal(r.error, null, String(r.error));
    for (let rank = 0; rank < 4; rank++) {
      assert.equal(mixed[rank]!.steps.length, 3);
      assert.deepEqual(mixed[rank]!.steps.map(strip), tcp[rank]!.steps.map(strip), `rank ${rank}: identical step figures`);
    }
    mixed[0]!.steps.forEach((m, i) => assert.ok(close(m.loss, single[i]!.loss, 1e-5), `step ${i + 1}: ${m.loss} vs ${single[i]!.loss}`));
    assert.deepEqual(checkpointFiles(join(root, 'mixed')), checkpointFiles(join(root, 'tcp')), 'identical checkpoints (weights and AdamW moments)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('mixed ring: a rank hung on the second node stops both nodes within the timeout, naming it; the checkpoint resumes on 1 node × 3 ranks', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-mixed-hang-'));
  try {
    // The run as one process would do it: 12 micro-batches per step.
    const whole = (await runRanks(1, join(root, 'whole'), options({ accumulation: 12, steps: 4 })))[0]!.steps;
    const dir = join(root, 'split');
    const t0 = Date.now();
    // Two trainer all-reduces per step: rank 3 (the second node's last, which sends over TCP) hangs in step 3,
    // after the checkpoint of step 2.
    const { runs, rings } = await runMixedRanks(2, 2, dir, { accumulation: 3, steps: 4 }, false,
      { timeoutMs: 1500, hangRank: 3, hangAfterAllReduces: 4 });
    for (const r of [0, 1, 2]) assert.match(String(runs[r]!.error), /rank 3 within 1\.5 s/, `rank ${r}`);
    for (const ring of rings) assert.equal(ShmRing.diagnosis(ring)?.rank, 3);
    assert.ok(Date.now() - t0 < 15_000, `stopped after ${Date.now() - t0} ms`);
    const resumed = await runShmRanks(3, dir, { accumulation: 4, steps: 4 }, true);
    assert.equal(resumed[0]!.error, null);
    assert.deepEqual(resumed[0]!.steps.map((m) => m.step), [3, 4], 'resumed after the last complete step');
    // The same run: steps 3 and 4 as one process trains them from the start.
    resumed[0]!.steps.forEach((m, i) => assert.ok(close(m.loss, whole[i + 2]!.loss, 1e-5), `step ${m.step}: ${m.loss} vs ${whole[i + 2]!.loss}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a parameter no rank has a gradient for is left alone, as one process leaves it (the pooler: no weight decay)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-zero-unused-'));
  try {
    const weights = (dir: string): Map<string, Float32Array> => new Map([...decodeSafetensors(readFileSync(join(dir, 'checkpoint', 'model.safetensors'))).tensors]
      .map(([name, t]) => [name, t.data as Float32Array]));
    const single = await runRanks(1, join(root, 'n1'), options({ accumulation: 6 }));
    assert.equal(single[0]!.error, null);
    const alone = weights(join(root, 'n1'));
    const pooler = [...alone.keys()].filter((name) => name.includes('pooler'));
    assert.ok(pooler.length === 2, pooler.join(' '));
    for (const [tag, ring] of [['whole', { bucketBytes: 0 }], ['buckets', { bucketBytes: 4 * 333 }]] as const) {
      const runs = await runRanks(2, join(root, tag), options({ accumulation: 3 }), false, undefined, 10_000, Infinity, ring);
      for (const r of runs) assert.equal(r.error, null);
      const ranked = weights(join(root, tag));
      for (const name of pooler) assert.deepEqual(ranked.get(name), alone.get(name), `${tag}: ${name} as one process leaves it`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
