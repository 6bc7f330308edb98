import type { DeidMode } from '../deid/deidentify.js';
import type { BatchPacker, PackJob, PackResult, PrepJob } from './batch-packer.js';
import type { PackedBatch } from './packed-batch.js';
import type { PackDocument } from './pack.js';

/** Where jobs go: a worker thread (see pack-workers-node.ts) or this thread (LocalPackPort). */
export interface PackPort {
  /**
   * 'prep': takes PrepJobs only (see pack-worker-entry.ts): it de-identifies, and if `tokenizes`, splits and
   * tokenizes every job, then sends it on to the packing port the job names (PrepJob.to); default 'pack'.
   */
  readonly role?: 'pack' | 'prep';
  /** The port splits and tokenizes the jobs it takes (the pool reads it for the preparing port). */
  readonly tokenizes?: boolean;
  send(job: PackJob | PrepJob): void;
  close(): Promise<void>;
}

/** Called with each job's packed documents (and their stats), in the order the jobs were submitted. */
export type BatchSink = (batch: PackedBatch) => void;

/**
 * Spreads jobs over ports and hands the results on in submission order, whichever port finishes first: a
 * reorder buffer keyed by job number. At most `maxOutstanding` jobs are submitted and not yet handed on, which
 * bounds memory and makes `submit` wait when the ports fall behind the reader. Each job is given to the least busy
 * packing port when it is submitted; with a preparing port, jobs to de-identify (every job, if it tokenizes) go
 * there first, which sends them on, prepared, to that packing port itself.
 */
export class OrderedPackPool {
  private ports: PackPort[] = [];
  private readonly inFlight: number[] = [];
  private readonly portOf = new Map<number, number>();
  private readonly done = new Map<number, PackResult>();
  private prepPort = -1;
  private nextSeq = 0;
  private nextOut = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly sink: BatchSink, private readonly maxOutstanding: number) {}

  /** The ports; each must call `receive` with its results. */
  attach(ports: PackPort[]): void {
    if (ports.length === 0) throw new Error('a pack pool needs at least one port');
    this.ports = ports;
    this.inFlight.push(...ports.map(() => 0));
    this.prepPort = ports.findIndex((p) => p.role === 'prep');
    if (this.prepPort >= 0 && ports.length < 2) throw new Error('a pack pool with a preparing port needs a packing port too');
  }

  async submit(deid: DeidMode | null, documents: PackDocument[]): Promise<void> {
    while (this.failure === null && this.nextSeq - this.nextOut >= this.maxOutstanding) await this.waitForProgress();
    this.check();
    const seq = this.nextSeq++;
    const to = this.leastBusyPacker();
    this.inFlight[to]++;
    this.portOf.set(seq, to);
    if (this.prepPort >= 0 && (deid !== null || this.ports[this.prepPort].tokenizes === true)) {
      this.ports[this.prepPort].send({ prepOnly: true, seq, deid, documents, to });
    } else {
      this.ports[to].send({ seq, deid, documents });
    }
  }

  /** Any choice gives the same output, since results are put back in order. */
  private leastBusyPacker(): number {
    let port = -1;
    for (let p = 0; p < this.ports.length; p++) {
      if (p !== this.prepPort && (port < 0 || this.inFlight[p] < this.inFlight[port])) port = p;
    }
    return port;
  }

  /** Waits until every submitted job has been handed on, or, asked after each one, `stop` says to wait no more. */
  async finish(stop: () => boolean = () => false): Promise<void> {
    while (this.failure === null && this.nextOut < this.nextSeq && !stop()) await this.waitForProgress();
    this.check();
  }

  /** A job's result, from the packing port it was given to (or an error from the preparing port). */
  receive(result: PackResult): void {
    const port = this.portOf.get(result.seq);
    if (port !== undefined) this.inFlight[port]--;
    if (this.failure !== null) return; // failed or abandoned: nothing more goes to the sink
    this.done.set(result.seq, result);
    try {
      for (let r = this.done.get(this.nextOut); r !== undefined; r = this.done.get(this.nextOut)) {
        this.done.delete(this.nextOut);
        this.portOf.delete(this.nextOut);
        this.nextOut++;
        if ('error' in r) throw new Error(r.error);
        this.sink(r.batch);
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
    this.notify();
  }

  /** Stops the pool with an error (a port died); the next submit or finish throws it. */
  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  /** Hands nothing more to the sink (the run is stopped: results still on their way are dropped). */
  abandon(): void {
    this.fail(new Error('the pack pool was abandoned'));
  }

  async close(): Promise<void> {
    await Promise.all(this.ports.map((p) => p.close()));
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  private waitForProgress(): Promise<void> {
    return new Promise((resolve) => { this.wake = resolve; });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Packs in this thread (no workers: browsers without them, `--workers 0`); answers after the current task. */
export class LocalPackPort implements PackPort {
  constructor(private readonly packer: BatchPacker, private readonly onResult: (result: PackResult) => void) {}

  send(job: PackJob | PrepJob): void {
    if ('prepOnly' in job) throw new Error('a local pack port packs; it takes no preparing-only jobs');
    void Promise.resolve().then(() => this.onResult(this.packer.answer(job)));
  }

  async close(): Promise<void> {}
}
