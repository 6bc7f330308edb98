import test from 'node:test';
import assert from 'node:assert/strict';
import { allGather, chunkRange, reduceScatter } from '../../src/dist/collectives.js';
import { freePort } from '../../src/dist/free-port.js';
import { ShmRing } from '../../src/dist/shm-ring.js';
import { TcpRing } from '../../src/dist/tcp-link.js';
import { Rng } from '../../src/tensor/index.js';
import { runNodes } from './ring-threads.js';
import type { RingResult } from './ring-worker.js';

async function tcpSum(inputs: Float32Array[]): Promise<Float32Array[]> {
  const world = inputs.length;
  const masterPort = await freePort();
  const links = await Promise.all(inputs.map((_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort, timeoutMs: 10_000 })));
  const data = inputs.map((x) => x.slice());
  try {
    await Promise.all(links.map((l, r) => reduceScatter(l, data[r]!)));
    await Promise.all(links.map((l, r) => allGather(l, data[r]!)));
  } finally {
    for (const l of links) l.close();
  }
  return data;
}

test('mixed ring (shared memory inside a node, TCP between nodes): the bits of the all-TCP ring, at the ring optimum, TCP only from a node\'s last rank', async () => {
  // 2 × 2 and 2 × 3 with 64-byte slots (many chunks per message); 2 × 2 with 4 MiB chunks that fill the
  // slots and the socket buffers (a rank that blocked its thread while its TCP writes wait would deadlock).
  for (const [nodes, perNode, n, slotBytes] of [[2, 2, 1001, 64], [2, 3, 1001, 64], [2, 2, 1 << 22, 1 << 16]] as const) {
    const world = nodes * perNode;
    const rng = new Rng(7 + world);
    const inputs = Array.from({ length: world }, () => Float32Array.from({ length: n }, () => rng.normal()));
    const viaTcp = await tcpSum(inputs);
    const { results } = await runNodes(nodes, perNode, (rank) => ({ kind: 'collectives', input: inputs[rank]!, rounds: 2 }), { slotBytes });
    const tag = `${nodes} × ${perNode}, ${n} values`;
    for (let r = 0; r < world; r++) {
      const res = results[r]!;
      if (res.kind !== 'collectives') assert.fail(`${tag}: rank ${r}: ${JSON.stringify(res)}`);
      const [a, b] = chunkRange(n, world, r);
      assert.ok(Buffer.from(res.reduced.buffer, 4 * a, 4 * (b - a)).equals(Buffer.from(viaTcp[r]!.buffer, 4 * a, 4 * (b - a))), `${tag}: rank ${r} owns its summed chunk, bit for bit`);
      assert.ok(Buffer.from(res.gathered.buffer).equals(Buffer.from(viaTcp[0]!.buffer)), `${tag}: rank ${r} holds the whole sum, bit for bit`);
      const optimum = (2 * (world - 1) / world) * n * 4;
      assert.ok(Math.abs(res.bytesRs + res.bytesAg - optimum) <= 2 * world * 4, `${tag}: rank ${r} sent ${res.bytesRs + res.bytesAg} vs ${optimum}`);
      // A node's last rank sends everything over TCP (its collective bytes plus the small all-reduce), the others nothing.
      const last = r % perNode === perNode - 1;
      assert.equal(res.tcpBytes, last ? 2 * (res.bytesRs + res.bytesAg) + (world - 1) * 16 : 0, `${tag}: rank ${r}'s TCP bytes (2 rounds)`);
      let rankSum = 0;
      for (let k = 0; k < world; k++) rankSum += k + 0.1;
      assert.deepEqual([...res.sums], [rankSum, world]);
    }
  }
});

const errorOf = (res: RingResult | null): { message: string; afterMs: number } => {
  assert.ok(res !== null && res.kind === 'error', `expected an error, got ${JSON.stringify(res)}`);
  return res as { message: string; afterMs: number };
};

test('mixed ring: a rank thread that dies on the second node is named on both nodes at once, not after the timeout', async () => {
  const t0 = Date.now();
  const { results, rings } = await runNodes(2, 2, (rank) => rank === 2 ? { kind: 'misbehave', how: 'die', after: 1 } : { kind: 'allReduces', count: 5 },
    { timeoutMs: 60_000 });
  for (const r of [0, 1, 3]) assert.match(errorOf(results[r]!).message, /rank 2 (died|closed the connection)/, `rank ${r}`);
  assert.deepEqual(ShmRing.diagnosis(rings[1]!), { rank: 2, what: 'died (its thread ended with an error)' });
  assert.equal(ShmRing.diagnosis(rings[0]!)?.rank, 2, 'the first node names the rank of the second');
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms with a 60 s timeout`);
});

test('mixed ring: a hung rank is named by both nodes, whether it is a node\'s first or last rank', async () => {
  // Rank 2 (the second node's first) is found by its node's chain of waiting ranks; rank 1 (the first node's
  // last, which sends over TCP) by the second node's TCP deadline; rank 3 by the first node's. The others wait
  // on ranks that wait (their heartbeats keep them from being blamed) and learn the culprit from an abort frame.
  for (const hung of [2, 1, 3]) {
    const t0 = Date.now();
    const { results, rings } = await runNodes(2, 2, (rank) => rank === hung ? { kind: 'misbehave', how: 'hang', after: 1 } : { kind: 'allReduces', count: 5 },
      { timeoutMs: 1000, awaited: [0, 1, 2, 3].filter((r) => r !== hung) });
    for (let r = 0; r < 4; r++) {
      if (r === hung) continue;
      const e = errorOf(results[r]!);
      assert.match(e.message, new RegExp(`rank ${hung} (within|took no data)`), `hung ${hung}: rank ${r}`);
      assert.ok(e.afterMs < 8000, `hung ${hung}: rank ${r} gave up after ${e.afterMs} ms`);
    }
    for (const ring of rings) assert.deepEqual(ShmRing.diagnosis(ring), { rank: hung, what: 'stopped answering within --dist-timeout (it died or hangs)' }, `hung ${hung}`);
    assert.ok(Date.now() - t0 < 20_000);
  }
});
