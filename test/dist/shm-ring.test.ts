import test from 'node:test';
import assert from 'node:assert/strict';
import { allGather, chunkRange, reduceScatter } from '../../src/dist/collectives.js';
import { freePort } from '../../src/dist/free-port.js';
import { ShmRing } from '../../src/dist/shm-ring.js';
import { TcpRing } from '../../src/dist/tcp-link.js';
import { Rng } from '../../src/tensor/index.js';
import { runThreads } from './ring-threads.js';

async function tcpRing(world: number): Promise<TcpRing[]> {
  const masterPort = await freePort();
  return Promise.all(Array.from({ length: world }, (_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort, timeoutMs: 5000 })));
}

test('shared-memory ring: reduce-scatter + all-gather give the same bits as the TCP ring, at the ring optimum, in slots of any size', async () => {
  for (const world of [2, 3, 4]) {
    const n = 1001;
    const rng = new Rng(100 + world);
    // Arbitrary floats: the sums round, so equality means the same order of additions on both transports.
    const inputs = Array.from({ length: world }, () => Float32Array.from({ length: n }, () => rng.normal()));
    const tcp = await tcpRing(world);
    const viaTcp = inputs.map((x) => x.slice());
    try {
      await Promise.all(tcp.map((l, r) => reduceScatter(l, viaTcp[r]!)));
      await Promise.all(tcp.map((l, r) => allGather(l, viaTcp[r]!)));
    } finally {
      for (const l of tcp) l.close();
    }
    // 64-byte slots cut every message into many chunks (and the length prefix shares the first); 1 MiB holds one.
    for (const slotBytes of [64, 1 << 20]) {
      const { results } = await runThreads(world, (rank) => ({ kind: 'collectives', input: inputs[rank]!, rounds: 2 }), { slotBytes });
      for (let r = 0; r < world; r++) {
        const res = results[r]!;
        assert.equal(res.kind, 'collectives', `world ${world}, slot ${slotBytes}: rank ${r}: ${JSON.stringify(res)}`);
        if (res.kind !== 'collectives') continue;
        const [a, b] = chunkRange(n, world, r);
        assert.deepEqual(res.reduced.subarray(a, b), viaTcp[r]!.subarray(a, b), `world ${world}, slot ${slotBytes}: rank ${r} owns its summed chunk`);
        assert.deepEqual(res.gathered, viaTcp[0], `world ${world}, slot ${slotBytes}: rank ${r} holds the whole sum, bit for bit`);
        const optimum = (2 * (world - 1) / world) * n * 4;
        assert.ok(Math.abs(res.bytesRs + res.bytesAg - optimum) <= 2 * world * 4, `rank ${r} sent ${res.bytesRs + res.bytesAg} vs ${optimum}`);
        // small all-reduce: added in rank order on every rank
        let rankSum = 0;
        for (let k = 0; k < world; k++) rankSum += k + 0.1;
        assert.deepEqual([...res.sums], [rankSum, world]);
      }
      // The exact sum, independently of either transport, on a few entries.
      for (const i of [0, 500, 1000]) {
        const plain = inputs.reduce((s, x) => s + x[i]!, 0);
        assert.ok(Math.abs(viaTcp[0]![i]! - plain) < 1e-5, `entry ${i}: ${viaTcp[0]![i]} vs ${plain}`);
      }
    }
  }
});

test('shared-memory ring: a rank whose thread dies is named at once, not after the timeout', async () => {
  const t0 = Date.now();
  const { results, ring } = await runThreads(3, (rank) => rank === 2 ? { kind: 'misbehave', how: 'die', after: 1 } : { kind: 'allReduces', count: 5 },
    { timeoutMs: 60_000 });
  for (const r of [0, 1]) {
    const res = results[r]!;
    assert.equal(res.kind, 'error', `rank ${r}: ${JSON.stringify(res)}`);
    if (res.kind === 'error') assert.match(res.message, /rank 2 died/);
  }
  assert.deepEqual(ShmRing.diagnosis(ring), { rank: 2, what: 'died (its thread ended with an error)' });
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms with a 60 s timeout`);
});

test('shared-memory ring: a rank that hangs is named by every other rank within the timeout', async () => {
  const t0 = Date.now();
  const { results, ring } = await runThreads(3, (rank) => rank === 1 ? { kind: 'misbehave', how: 'hang', after: 1 } : { kind: 'allReduces', count: 5 },
    { timeoutMs: 1000, awaited: [0, 2] });
  for (const r of [0, 2]) {
    const res = results[r]!;
    assert.equal(res.kind, 'error', `rank ${r}: ${JSON.stringify(res)}`);
    if (res.kind === 'error') {
      assert.match(res.message, /no message from rank 1 within 1 s \(it died or hangs\)/);
      assert.ok(res.afterMs < 8000, `rank ${r} gave up after ${res.afterMs} ms`);
    }
  }
  assert.equal(ShmRing.diagnosis(ring)?.rank, 1);
  assert.ok(Date.now() - t0 < 20_000);
});

test('shared-memory ring: the rank that times out first follows the chain of waiting ranks to the hung one', async () => {
  // Rank 0 waits for rank 2, which waits for rank 1 (hung); rank 0's short timeout expires first.
  const { results, ring } = await runThreads(3, (rank) => rank === 1 ? { kind: 'misbehave', how: 'hang', after: 1 } : { kind: 'allReduces', count: 5 },
    { timeoutMs: (rank) => rank === 0 ? 1000 : 60_000, awaited: [0, 2] });
  for (const r of [0, 2]) {
    const res = results[r]!;
    assert.equal(res.kind, 'error', `rank ${r}: ${JSON.stringify(res)}`);
    if (res.kind === 'error') {
      assert.match(res.message, /no message from rank 1 within/);
      assert.ok(res.afterMs < 20_000, `rank ${r} gave up after ${res.afterMs} ms`);
    }
  }
  assert.equal(ShmRing.diagnosis(ring)?.rank, 1);
});

test('shared-memory ring: a neighbour that starts waiting just after the timeout is not named (the chain is re-checked)', async () => {
  // Rank 0 waits for rank 2, which is busy outside the ring until just after rank 0's timeout and then waits for
  // rank 1 (hung). Deciding at the timeout would name rank 2; the re-check after the grace period (500 ms for a
  // 2 s timeout) sees rank 2 waiting and names rank 1.
  const timeoutMs = 2000;
  const { results, ring } = await runThreads(3, (rank) => rank === 1 ? { kind: 'misbehave', how: 'hang', after: 1 }
    : { kind: 'recvAfterPause', pauseMs: rank === 2 ? timeoutMs + 100 : 0 },
  { timeoutMs: (rank) => rank === 0 ? timeoutMs : 60_000, awaited: [0, 2] });
  for (const r of [0, 2]) {
    const res = results[r]!;
    assert.equal(res.kind, 'error', `rank ${r}: ${JSON.stringify(res)}`);
    if (res.kind === 'error') assert.match(res.message, /no message from rank 1 within/, `rank ${r}`);
  }
  assert.equal(ShmRing.diagnosis(ring)?.rank, 1);
});

test('shared-memory ring: a buffer of the wrong layout or a rank outside the ring is refused', () => {
  assert.throws(() => new ShmRing(new SharedArrayBuffer(64), 0, 1000), /not a buffer from ShmRing\.create/);
  assert.throws(() => new ShmRing(ShmRing.create(2, 64), 2, 1000), /rank 2 is outside 0\.\.1/);
  assert.throws(() => ShmRing.create(2, 100), /multiple of 8/);
});

