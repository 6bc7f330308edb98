// OrderedPackPool's scheduling with fake ports: results come out in submission order whatever order the ports
// answer in; a de-identifying port gets the jobs to de-identify and nothing else, and hands them on de-identified.
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

test('with a de-identifying port: it only de-identifies; pack jobs and de-identified ones go to the packing port', async () => {
  const { pool, deid, pack, out, answer } = setup();
  for (let n = 0; n < 4; n++) await pool.submit(null, [doc(n)]); // jobs 0-3: nothing to de-identify
  await pool.submit('tag', [doc(4)]);
  await pool.submit('tag', [doc(5)]);
  assert.deepEqual(seqs(pack, 'pack'), [0, 1, 2, 3]);
  assert.deepEqual(seqs(deid, 'deid'), [4, 5]);
  assert.deepEqual(seqs(deid, 'pack'), []);
  answer(deid, 5); // de-identified out of order: handed on at once, with its text
  const handed = pack.jobs.find((j) => j.seq === 5) as PackJob;
  assert.deepEqual(handed.deidentified, [{ paragraphs: ['text 5'], phiSpans: 0 }]);
  answer(pack, 2);
  answer(pack, 5);
  assert.deepEqual(out, []); // job 0 first
  answer(pack, 0);
  answer(pack, 1);
  assert.deepEqual(out, [0, 1, 2]);
  answer(deid, 4);
  answer(pack, 3);
  answer(pack, 4);
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(seqs(deid, 'pack'), []);
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
