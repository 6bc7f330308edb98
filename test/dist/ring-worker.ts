// A rank as a worker thread, for the shared-memory tests (the ring blocks its thread in Atomics.wait, so each
// rank needs its own). Loaded by the test runner as a file of its own too, where it does nothing.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { allGather, allReduceSmall, reduceScatter, type RingLink } from '../../src/dist/collectives.js';
import { MixedRing } from '../../src/dist/mixed-ring.js';
import { ringDistributed } from '../../src/dist/distributed.js';
import { ShmRing } from '../../src/dist/shm-ring.js';
import { Engine, ReferenceBackend } from '../../src/tensor/index.js';
import { pretrain, type Distributed, type StepMetrics } from '../../src/train/pretrain.js';
import { config, options, source } from './zero2-setup.js';
import type { PretrainOptions } from '../../src/train/pretrain.js';

export type RingJob =
  | { readonly kind: 'collectives'; readonly input: Float32Array; readonly rounds: number }
  /** `count` small all-reduces, then ok (or the error that stopped them). */
  | { readonly kind: 'allReduces'; readonly count: number }
  /** One all-reduce (a common start), then `pauseMs` busy outside the ring (not waiting in it), then one receive. */
  | { readonly kind: 'recvAfterPause'; readonly pauseMs: number }
  /** Joins, then never calls a collective (a hung rank) or throws (a dying one) after `after` all-reduces. */
  | { readonly kind: 'misbehave'; readonly how: 'hang' | 'die'; readonly after: number }
  | { readonly kind: 'pretrain'; readonly dir: string; readonly options: Partial<PretrainOptions>; readonly resume: boolean;
      readonly hangAfterAllReduces?: number; readonly bucketBytes?: number };

export interface RingWorkerData {
  readonly ring: SharedArrayBuffer;
  /** The global rank (the buffer's own rank unless `mixed`). */
  readonly rank: number;
  /** A node of a mixed ring (MixedRing): the ranks of all nodes and the rendezvous port. */
  readonly mixed?: { readonly world: number; readonly masterPort: number };
  readonly timeoutMs: number;
  readonly job: RingJob;
}

export type RingResult =
  | { readonly kind: 'collectives'; readonly reduced: Float32Array; readonly gathered: Float32Array; readonly sums: Float64Array;
      readonly bytesRs: number; readonly bytesAg: number; readonly tcpBytes: number }
  | { readonly kind: 'pretrain'; readonly steps: StepMetrics[] }
  | { readonly kind: 'ok' }
  | { readonly kind: 'error'; readonly message: string; readonly afterMs: number };

async function runJob(d: RingWorkerData): Promise<RingResult> {
  const link: RingLink & { close(): void } = d.mixed === undefined ? new ShmRing(d.ring, d.rank, d.timeoutMs)
    : await MixedRing.join({ rank: d.rank, world: d.mixed.world, masterAddr: '127.0.0.1', masterPort: d.mixed.masterPort, timeoutMs: d.timeoutMs, shared: d.ring });
  const t0 = Date.now();
  try {
    const job = d.job;
    if (job.kind === 'collectives') {
      let reduced = new Float32Array(0), gathered = new Float32Array(0), bytesRs = 0, bytesAg = 0;
      for (let round = 0; round < job.rounds; round++) {
        const data = job.input.slice();
        bytesRs = await reduceScatter(link, data);
        reduced = data.slice();
        bytesAg = await allGather(link, data);
        gathered = data;
      }
      const sums = await allReduceSmall(link, Float64Array.of(d.rank + 0.1, 1));
      return { kind: 'collectives', reduced, gathered, sums, bytesRs, bytesAg, tcpBytes: link instanceof MixedRing ? link.tcpBytesSent : 0 };
    }
    if (job.kind === 'allReduces') {
      for (let i = 0; i < job.count; i++) await allReduceSmall(link, Float64Array.of(i));
      return { kind: 'ok' };
    }
    if (job.kind === 'recvAfterPause') {
      await allReduceSmall(link, Float64Array.of(1));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.pauseMs);
      await link.recv();
      return { kind: 'ok' };
    }
    if (job.kind === 'misbehave') {
      for (let i = 0; i < job.after; i++) await allReduceSmall(link, Float64Array.of(1));
      if (job.how === 'die') process.exit(1); // a crash: the thread ends without closing its link
      hangForever();
    }
    if (job.kind === 'pretrain') {
      const steps: StepMetrics[] = [];
      let calls = 0;
      const ring = ringDistributed(link, job.bucketBytes === undefined ? {} : { bucketBytes: job.bucketBytes });
      const distributed: Distributed = job.hangAfterAllReduces === undefined ? ring : {
        ...ring, rank: ring.rank, world: ring.world, updater: ring.updater,
        allReduce: (v) => (++calls > job.hangAfterAllReduces! ? hangForever() : ring.allReduce(v)),
      };
      await pretrain({
        engine: new Engine(new ReferenceBackend()), config, source: source(), options: options(job.options), outDir: job.dir,
        resume: job.resume, distributed, onStep: (m) => steps.push(m),
      });
      return { kind: 'pretrain', steps };
    }
    throw new Error('unknown job');
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error), afterMs: Date.now() - t0 };
  } finally {
    link.close();
  }
}

/** Blocks this thread for good, like a rank stuck in a kernel (the test ends the thread). */
function hangForever(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

if (!isMainThread && parentPort !== null) {
  const data = workerData as RingWorkerData;
  parentPort.postMessage(await runJob(data));
}
