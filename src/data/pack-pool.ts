import type { DeidMode } from '../deid/deidentify.js';
import type { BatchPacker, DeidJob, DeidResult, PackJob, PackResult } from './batch-packer.js';
import { decodePackedBatch } from './packed-batch.js';
import type { PackDocument, PackedDocument, PackStats } from './pack.js';

/** Where jobs go: a worker thread (see pack-workers-node.ts) or this thread (LocalPackPort). */
export interface PackPort {
  /** 'deid': takes DeidJobs only (see pack-worker-entry.ts); default 'pack'. */
  readonly role?: 'pack' | 'deid';
  send(job: PackJob | DeidJob): void;
  close(): Promise<void>;
}

/** Called with each job's documents, in the order the jobs were submitted. */
export type BatchSink = (documents: PackedDocument[], stats: PackStats) => void;

/**
 * Spreads jobs over ports and hands the results on in submission order, whichever port finishes first: a
 * reorder buffer keyed by job number. At most `maxOutstanding` jobs are submitted and not yet handed on, which
 * bounds memory and makes `submit` wait when the ports fall behind the reader. With a de-identifying port, jobs
 * to de-identify go there first and then, de-identified, to the least busy packing port.
 */
export class OrderedPackPool {
  private ports: PackPort[] = [];
  private readonly inFlight: number[] = [];
  private readonly portOf = new Map<number, number>();
  private readonly done = new Map<number, PackResult>();
  /** Jobs at the de-identifying port, to be handed on to a packing port with its answer. */
  private readonly deidentifying = new Map<number, { deid: DeidMode; documents: PackDocument[] }>();
  private deidPort = -1;
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
    this.deidPort = ports.findIndex((p) => p.role === 'deid');
    if (this.deidPort >= 0 && ports.length < 2) throw new Error('a pack pool with a de-identifying port needs a packing port too');
  }

  async submit(deid: DeidMode | null, documents: PackDocument[]): Promise<void> {
    while (this.failure === null && this.nextSeq - this.nextOut >= this.maxOutstanding) await this.waitForProgress();
    this.check();
    const seq = this.nextSeq++;
    if (deid !== null && this.deidPort >= 0) {
      this.deidentifying.set(seq, { deid, documents });
      this.inFlight[this.deidPort]++;
      this.portOf.set(seq, this.deidPort);
      this.ports[this.deidPort].send({ deidOnly: true, seq, deid, documents });
      return;
    }
    this.sendToPacker({ seq, deid, documents });
  }

  /** To the least busy packing port; any choice gives the same output, since results are put back in order. */
  private sendToPacker(job: PackJob): void {
    let port = -1;
    for (let p = 0; p < this.ports.length; p++) {
      if (p !== this.deidPort && (port < 0 || this.inFlight[p] < this.inFlight[port])) port = p;
    }
    this.inFlight[port]++;
    this.portOf.set(job.seq, port);
    this.ports[port].send(job);
  }

  /** Waits until every submitted job has been handed on. */
  async finish(): Promise<void> {
    while (this.failure === null && this.nextOut < this.nextSeq) await this.waitForProgress();
    this.check();
  }

  receive(result: PackResult | DeidResult): void {
    const port = this.portOf.get(result.seq);
    if (port !== undefined) this.inFlight[port]--;
    if ('deidentified' in result) {
      const job = this.deidentifying.get(result.seq);
      this.deidentifying.delete(result.seq);
      if (job !== undefined) this.sendToPacker({ seq: result.seq, deid: job.deid, documents: job.documents, deidentified: result.deidentified });
      return;
    }
    this.deidentifying.delete(result.seq);
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

  send(job: PackJob | DeidJob): void {
    if ('deidOnly' in job) throw new Error('a local pack port packs; it takes no de-identification-only jobs');
    void Promise.resolve().then(() => this.onResult(this.packer.answer(job)));
  }

  async close(): Promise<void> {}
}
