import type { DeidMode } from '../deid/deidentify.js';
import type { BatchPacker, PackJob, PackResult } from './batch-packer.js';
import { decodePackedBatch } from './packed-batch.js';
import type { PackDocument, PackedDocument, PackStats } from './pack.js';

/** Where jobs go: a worker thread (see pack-workers-node.ts) or this thread (LocalPackPort). */
export interface PackPort {
  send(job: PackJob): void;
  close(): Promise<void>;
}

/** Called with each job's documents, in the order the jobs were submitted. */
export type BatchSink = (documents: PackedDocument[], stats: PackStats) => void;

/**
 * Spreads jobs over ports and hands the results on in submission order, whichever port finishes first: a
 * reorder buffer keyed by job number. At most `maxOutstanding` jobs are submitted and not yet handed on, which
 * bounds memory and makes `submit` wait when the ports fall behind the reader.
 */
export class OrderedPackPool {
  private ports: PackPort[] = [];
  private readonly inFlight: number[] = [];
  private readonly portOf = new Map<number, number>();
  private readonly done = new Map<number, PackResult>();
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
  }

  async submit(deid: DeidMode | null, documents: PackDocument[]): Promise<void> {
    while (this.failure === null && this.nextSeq - this.nextOut >= this.maxOutstanding) await this.waitForProgress();
    this.check();
    const seq = this.nextSeq++;
    // The least busy port; any choice gives the same output, since results are put back in order.
    let port = 0;
    for (let p = 1; p < this.ports.length; p++) if (this.inFlight[p] < this.inFlight[port]) port = p;
    this.inFlight[port]++;
    this.portOf.set(seq, port);
    this.ports[port].send({ seq, deid, documents });
  }

  /** Waits until every submitted job has been handed on. */
  async finish(): Promise<void> {
    while (this.failure === null && this.nextOut < this.nextSeq) await this.waitForProgress();
    this.check();
  }

  receive(result: PackResult): void {
    const port = this.portOf.get(result.seq);
    if (port !== undefined) this.inFlight[port]--;
    this.done.set(result.seq, result);
    try {
      for (let r = this.done.get(this.nextOut); r !== undefined; r = this.done.get(this.nextOut)) {
        this.done.delete(this.nextOut);
        this.portOf.delete(this.nextOut);
        this.nextOut++;
        if ('error' in r) throw new Error(r.error);
        this.sink(decodePackedBatch(r.batch), r.batch.stats);
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

  send(job: PackJob): void {
    void Promise.resolve().then(() => this.onResult(this.packer.answer(job)));
  }

  async close(): Promise<void> {}
}
