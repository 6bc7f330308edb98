import { Worker } from 'node:worker_threads';
import { ShmRing } from '../../src/dist/shm-ring.js';
import { freePort } from '../../src/dist/free-port.js';
import type { RingJob, RingResult, RingWorkerData } from './ring-worker.js';

/**
 * Runs one worker thread per rank on a fresh shared-memory ring, playing the launcher (a thread that ends with
 * an error is marked dead). Waits for the ranks in `awaited` (default: all), then ends every thread.
 */
export async function runThreads(world: number, job: (rank: number) => RingJob,
  o: { timeoutMs?: number | ((rank: number) => number); slotBytes?: number; awaited?: number[] } = {}): Promise<{ results: (RingResult | null)[]; ring: SharedArrayBuffer }> {
  const ring = ShmRing.create(world, o.slotBytes);
  const workers = Array.from({ length: world }, (_, rank) => {
    const timeoutMs = typeof o.timeoutMs === 'function' ? o.timeoutMs(rank) : o.timeoutMs ?? 20_000;
    const data: RingWorkerData = { ring, rank, timeoutMs, job: job(rank) };
    return new Worker(new URL('./ring-worker.js', import.meta.url), { workerData: data });
  });
  const results: (RingResult | null)[] = new Array<RingResult | null>(world).fill(null);
  const done = workers.map((w, rank) => new Promise<void>((resolve) => {
    w.once('message', (m: RingResult) => { results[rank] = m; resolve(); });
    w.once('exit', (code) => {
      if (code !== 0) ShmRing.markDead(ring, rank);
      resolve();
    });
  }));
  await Promise.all((o.awaited ?? workers.map((_, r) => r)).map((r) => done[r]!));
  // A thread left asleep in Atomics.wait (a "hung" rank) may outlive terminate(): it must not keep the test
  // process alive after its tests have passed.
  for (const w of workers) w.unref();
  await Promise.all(workers.map((w) => w.terminate()));
  return { results, ring };
}

/**
 * Like runThreads, for a mixed ring: `nodes` nodes of `perNode` rank threads each (global rank = node ×
 * perNode + local), each node with its own shared-memory buffer, joined over TCP on loopback. Plays every
 * node's launcher (a thread that ends with an error is marked dead in its node's buffer). Returns the buffers.
 */
export async function runNodes(nodes: number, perNode: number, job: (rank: number) => RingJob,
  o: { timeoutMs?: number | ((rank: number) => number); slotBytes?: number; awaited?: number[] } = {}): Promise<{ results: (RingResult | null)[]; rings: SharedArrayBuffer[] }> {
  const world = nodes * perNode;
  const masterPort = await freePort();
  const rings = Array.from({ length: nodes }, (_, k) => ShmRing.create(perNode, o.slotBytes, k * perNode));
  const workers = Array.from({ length: world }, (_, rank) => {
    const timeoutMs = typeof o.timeoutMs === 'function' ? o.timeoutMs(rank) : o.timeoutMs ?? 20_000;
    const data: RingWorkerData = { ring: rings[Math.floor(rank / perNode)]!, rank, mixed: { world, masterPort }, timeoutMs, job: job(rank) };
    return new Worker(new URL('./ring-worker.js', import.meta.url), { workerData: data });
  });
  const results: (RingResult | null)[] = new Array<RingResult | null>(world).fill(null);
  let ending = false;
  const done = workers.map((w, rank) => new Promise<void>((resolve) => {
    w.once('message', (m: RingResult) => { results[rank] = m; resolve(); });
    w.once('exit', (code) => {
      // Like the launcher: threads ended here at the end are not the cause.
      if (code !== 0 && !ending) ShmRing.markDead(rings[Math.floor(rank / perNode)]!, rank % perNode);
      resolve();
    });
  }));
  await Promise.all((o.awaited ?? workers.map((_, r) => r)).map((r) => done[r]!));
  ending = true;
  for (const w of workers) w.unref();
  await Promise.all(workers.map((w) => w.terminate()));
  return { results, rings };
}
