import { Worker } from 'node:worker_threads';
import { MedbertError } from '../errors.js';
import type { LaunchOptions } from './launch.js';
import { resumeAdvice } from './resume-advice.js';
import { ShmRing } from './shm-ring.js';
import { threadShare } from './thread-share.js';
import { defaultThreads } from '../tensor/backends/wasm/node-platform.js';
import { RANK_THREAD_INTERRUPT, type RankThreadData } from './thread-ring.js';

/** The exit codes of a rank that stopped when asked (stopOnInterrupt: 130 Ctrl-C, 143 SIGTERM), a checkpoint saved. */
export const STOPPED_CODES: readonly number[] = [130, 143];

/** After the first rank fails, how long the others get to stop by themselves before their threads are ended. */
const GRACE_MS = 5000;

interface Exit {
  readonly rank: number;
  readonly code: number;
  readonly order: number;
}

/**
 * Starts this machine's ranks as worker threads of this process, joined by a shared-memory ring
 * (ShmRing; with several nodes, a MixedRing: TCP between nodes), and supervises them like the process
 * launcher: the first local rank's output is passed through, a thread that dies is marked dead in the ring (its
 * neighbours stop at once instead of waiting for the timeout), the rest are ended after a grace period, and the
 * error names the rank at fault (a global rank, which may be on another node). Each rank's wasm engine gets an
 * equal share of the node's threads. Ranks are node-major: this node's are nodeRank × workers + 0..workers−1.
 */
export async function launchRankThreads(o: LaunchOptions & { readonly graceMs?: number; readonly slotBytes?: number }): Promise<number> {
  const local = o.workers, world = o.workers * o.nnodes, firstRank = o.nodeRank * o.workers;
  const ring = ShmRing.create(local, o.slotBytes, firstRank);
  const workers: Worker[] = [];
  const total = defaultThreads();
  let order = 0;
  let graceTimer: NodeJS.Timeout | undefined;
  let ending = false;
  const exits = await new Promise<Exit[]>((resolve) => {
    const results: Exit[] = [];
    for (let index = 0; index < local; index++) {
      const rank = firstRank + index;
      const data: RankThreadData = { script: o.argv[0]!, medbertRing: ring };
      const worker = new Worker(new URL('./rank-thread.js', import.meta.url), {
        argv: [...o.argv.slice(1)], workerData: data,
        env: { ...process.env, RANK: String(rank), LOCAL_RANK: String(index), LOCAL_WORLD_SIZE: String(local), WORLD_SIZE: String(world),
          MASTER_ADDR: o.masterAddr, MASTER_PORT: String(o.masterPort), MEDBERT_THREADS: String(threadShare(total, local, index)) },
        stdout: index !== 0, stderr: index !== 0,
      });
      let stderr = '';
      worker.stdout?.resume();
      worker.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
      // An uncaught error also ends the thread with code 1; the 'exit' below handles it.
      worker.on('error', (e) => { stderr = (stderr + `${e.message}\n`).slice(-2000); });
      workers.push(worker);
      worker.on('exit', (code) => {
        results.push({ rank, code, order: order++ });
        if (code !== 0) {
          // A thread that ended without closing its ring (a crash) is dead: wake everyone waiting on it. Threads
          // this launcher ended after the grace period are not the cause.
          if (!ending) ShmRing.markDead(ring, index);
          if (index !== 0 && stderr.trim() !== '') process.stderr.write(`rank ${rank}: ${stderr.trim().split('\n').pop()}\n`);
          graceTimer ??= setTimeout(() => {
            ending = true;
            for (const w of workers) void w.terminate();
          }, o.graceMs ?? GRACE_MS);
        }
        if (results.length === local) resolve(results);
      });
    }
    const forward = (signal: NodeJS.Signals): void => { for (const w of workers) w.postMessage(RANK_THREAD_INTERRUPT + signal); };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    void Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r)))).then(() => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    });
  });
  clearTimeout(graceTimer);
  const bad = exits.filter((e) => e.code !== 0).sort((a, b) => a.order - b.order);
  if (bad.length === 0) return 0;
  if (bad.every((e) => STOPPED_CODES.includes(e.code))) return bad[0]!.code; // stopped when asked, as one process is
  const culprit = ShmRing.diagnosis(ring);
  const first = bad[0]!;
  const what = culprit !== null ? `rank ${culprit.rank} ${culprit.what}` : `rank ${first.rank} exited with code ${first.code}`;
  const others = bad.map((b) => b.rank).filter((r) => r !== (culprit?.rank ?? first.rank));
  throw new MedbertError(`${what}${others.length > 0 ? ` (ranks ${others.join(', ')} stopped too)` : ''}; ${resumeAdvice(o.checkpointDir)}`);
}
