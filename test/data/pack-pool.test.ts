// OrderedPackPool's scheduling with fake ports: results come out in submission order whatever order the ports
// answer in; with a de-identifying port, pack jobs are handed out a few at a time and that port takes them only
// while it has nothing to de-identify.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { DeidJob, DeidResult, PackJob, PackResult } from '../../src/data/batch-packer.js';
import { emptyPackStats, type PackDocument, type PackedDocument } from '../../src/data/pack.js';
import { encodePackedBatch } from '../../src/data/packed-batch.js';
import { OrderedPackPool, type PackPort } from '../../src/data/pack-pool.js';

/** A port that keeps what it was sent; the test answers for it. */
class FakePort implements PackPort {
  readonly jobs: (PackJob | DeidJob)[] = [];
  constructor(readonly role: 'pack' | 'deid') {}
  send(job: PackJob | DeidJob): void { this.jobs.push(job); }
  async close(): Promise<void> {}
  /** Jobs sent and not answered yet. */
  open: Set<number> = new Set();
}

const doc = (n: number): PackDocument => ({ id: `d${n}`, paragraphs: [`text ${n}`] });

/** The answer a packing port gives: one document whose only sequence holds the job's number. */
function packed(job: PackJob): PackResult {
  const documents: PackedDocument[] = [{ sequences: [{ ids: Int32Array.of(job.seq), entities: [] }], conceptIds: [] }];
  return { seq: job.seq, batch: encodePackedBatch(documents, emptyPackStats()) };
}

function setup(): { pool: OrderedPackPool; deid: FakePort; pack: FakePort; out: number[]; answer: (port: FakePort, seq: number) => void } {
  const out: number[] = [];
  const pool = new OrderedPackPool((documents) => { for (const d of documents) out.push(d.sequences[0].ids[0]); }, 100);
  const deid = new FakePort('deid');
  const pack = new FakePort('pack');
  pool.attach([deid, pack]);
  const answer = (port: FakePort, seq: number): void => {
    const job = port.jobs.find((j) => j.seq === seq);
    assert.ok(job !== undefined, `job ${seq} was not sent to the ${port.role} port`);
    port.jobs.splice(port.jobs.indexOf(job), 1);
    const result: PackResult | DeidResult = 'deidOnly' in job
      ? { seq, deidentified: job.documents.map((d) => ({ paragraphs: d.paragraphs, phiSpans: 0 })) }
      : packed(job);
    pool.receive(result);
  };
  return { pool, deid, pack, out, answer };
}

const seqs = (port: FakePort, kind: 'deid' | 'pack'): number[] =>
  port.jobs.filter((j) => ('deidOnly' in j) === (kind === 'deid')).map((j) => j.seq);

test('with a de-identifying port: pack jobs a few at a time, to that port too while it has nothing to de-identify', async () => {
  const { pool, deid, pack, out, answer } = setup();
  for (let n = 0; n < 8; n++) await pool.submit(null, [doc(n)]); // jobs 0-7: nothing to de-identify
  // Three each to the packing port and the idle de-identifying port; two wait in the pool.
  assert.deepEqual(seqs(pack, 'pack'), [0, 2, 4]);
  assert.deepEqual(seqs(deid, 'pack'), [1, 3, 5]);
  await pool.submit('tag', [doc(8)]); // job 8 goes to be de-identified at once
  assert.deepEqual(seqs(deid, 'deid'), [8]);
  answer(pack, 4); // out of order: nothing handed on yet; the freed place takes job 6
  assert.deepEqual(out, []);
  assert.deepEqual(seqs(pack, 'pack'), [0, 2, 6]);
  answer(deid, 1); // the de-identifying port is busy de-identifying: job 7 goes nowhere yet
  assert.deepEqual(seqs(deid, 'pack'), [3, 5]);
  answer(deid, 8); // de-identified job 8 waits behind job 7; the port, free again, takes job 7
  assert.deepEqual(seqs(deid, 'pack'), [3, 5, 7]);
  answer(pack, 0);
  assert.deepEqual(seqs(pack, 'pack'), [2, 6, 8]);
  for (const [port, seq] of [[pack, 2], [deid, 3], [deid, 5], [pack, 6], [deid, 7], [pack, 8]] as const) answer(port, seq);
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('without a de-identifying port every job is sent at once, to the least busy port', async () => {
  const out: number[] = [];
  const pool = new OrderedPackPool((documents) => { for (const d of documents) out.push(d.sequences[0].ids[0]); }, 100);
  const a = new FakePort('pack');
  const b = new FakePort('pack');
  pool.attach([a, b]);
  for (let n = 0; n < 10; n++) await pool.submit(n % 2 === 0 ? null : 'tag', [doc(n)]);
  assert.equal(a.jobs.length + b.jobs.length, 10);
  assert.deepEqual([a.jobs.length, b.jobs.length], [5, 5]);
  for (const port of [b, a]) for (const job of port.jobs.splice(0).reverse()) pool.receive(packed(job as PackJob));
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
