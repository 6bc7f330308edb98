import test from 'node:test';
import assert from 'node:assert/strict';
import { allGather, allReduceSmall, chunkRange, reduceScatter } from '../../src/dist/collectives.js';
import { TcpRing } from '../../src/dist/tcp-link.js';
import { Rng } from '../../src/tensor/index.js';
import { freePort } from '../../src/dist/free-port.js';


async function ring(world: number, timeoutMs = 5000): Promise<TcpRing[]> {
  const masterPort = await freePort();
  return Promise.all(Array.from({ length: world }, (_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort, timeoutMs })));
}

test('ring reduce-scatter + all-gather over TCP sum vectors exactly like a plain sum; bytes sent are the ring optimum', async () => {
  for (const world of [2, 3, 4]) {
    const links = await ring(world);
    try {
      const n = 1001;
      const rng = new Rng(world);
      const inputs = links.map(() => Float32Array.from({ length: n }, () => Math.round(rng.normal() * 1000) / 8));
      const expected = new Float32Array(n);
      for (const x of inputs) x.forEach((v, i) => { expected[i] += v; });
      const data = inputs.map((x) => x.slice());
      const sentRs = await Promise.all(links.map((l, r) => reduceScatter(l, data[r]!)));
      for (let r = 0; r < world; r++) {
        const [a, b] = chunkRange(n, world, r);
        assert.deepEqual(data[r]!.subarray(a, b), expected.subarray(a, b), `world ${world}: rank ${r} owns chunk ${r} summed`);
      }
      const sentAg = await Promise.all(links.map((l, r) => allGather(l, data[r]!)));
      for (let r = 0; r < world; r++) assert.deepEqual(data[r], expected, `world ${world}: rank ${r} has the whole sum`);
      // 2(N−1)/N of the vector's bytes per rank (chunks are equal up to rounding)
      for (let r = 0; r < world; r++) {
        const optimum = (2 * (world - 1) / world) * n * 4;
        assert.ok(Math.abs(sentRs[r]! + sentAg[r]! - optimum) <= 2 * world * 4, `world ${world}: rank ${r} sent ${sentRs[r]! + sentAg[r]!} vs ${optimum}`);
      }
      const sums = await Promise.all(links.map((l, r) => allReduceSmall(l, Float64Array.of(r + 0.1, 1))));
      for (const s of sums) assert.deepEqual([...s], [...sums[0]!], 'identical bits on every rank');
      assert.ok(Math.abs(sums[0]![0]! - (world * (world - 1) / 2 + 0.1 * world)) < 1e-12);
    } finally {
      for (const l of links) l.close();
    }
  }
});

test('a rank that never answers is named within the timeout', async () => {
  const links = await ring(2, 500);
  try {
    const t0 = Date.now();
    await assert.rejects(reduceScatter(links[0]!, new Float32Array(10)), /no message from rank 1 within 0\.5 s/);
    assert.ok(Date.now() - t0 < 3000);
    links[1]!.close();
  } finally {
    for (const l of links) l.close();
  }
});
