// OrderedPackPool's scheduling with fake ports: results come out in submission order whatever order the ports
// answer in; a preparing port gets the jobs to de-identify (every job, if it tokenizes), each naming the packing
// port it is to send it on to, prepared.
import test from 'node:test';
import assert from 'node:assert/strict';
import type { PackJob, PackResult, PrepJob } from '../../src/data/batch-packer.js';
import { emptyPackStats, type PackDocument, type PackedDocument } from '../../src/data/pack.js';
import { encodePackedBatch } from '../../src/data/packed-batch.js';
import { OrderedPackPool, type PackPort } from '../../src/data/pack-pool.js';

/** A port that keeps what it was sent; the test answers for it. */
class FakePort implements PackPort {
  readonly jobs: (PackJob | PrepJob)[] = [];
  constructor(readonly role: 'pack' | 'prep', readonly tokenizes = false) {}
  send(job: PackJob | PrepJob): void { this.jobs.push(job); }
  async close(): Promise<void> {}
}

const doc = (n: number): PackDocument => ({ id: `d${n}`, paragraphs: [`text ${n}`] });

/** The answer a packing port gives: one document whose only sequence holds the job's number. */
function packed(job: PackJob): PackResult {
  const documents: PackedDocument[] = [{ sequences: [{ ids: Int32Array.of(job.seq), entities: [] }], conceptIds: [] }];
  return { seq: job.seq, batch: encodePackedBatch(documents, emptyPackStats()) };
}

/** What a preparing port sends on: the documents "de-identified" as they are, and, if it tokenizes, one token each. */
function prepared(job: PrepJob, tokenizes: boolean): PackJob {
  const tokens = { sentences: Int32Array.of(0, 1, 0, 1), paragraphStarts: Int32Array.of(0, 1), ids: Int32Array.of(job.seq), begins: Int32Array.of(0), ends: Int32Array.of(1) };
  return {
    seq: job.seq, deid: job.deid, documents: job.documents,
    ...(job.deid === null ? {} : { deidentified: job.documents.map((d) => ({ paragraphs: d.paragraphs, phiSpans: 0 })), characters: 6 }),
    ...(tokenizes ? { tokens } : {}),
  };
}

/** A pool over a preparing port and `packers` packing ports; `answer` has a port answer (a preparing one sends on). */
function setup(tokenizes = false, packers = 1): { pool: OrderedPackPool; prep: FakePort; packs: FakePort[]; out: number[]; answer: (port: FakePort, seq: number) => void } {
  const out: number[] = [];
  const pool = new OrderedPackPool((batch) => { out.push(batch.ids[0]); }, 100);
  const prep = new FakePort('prep', tokenizes);
  const packs = Array.from({ length: packers }, () => new FakePort('pack'));
  const ports = [prep, ...packs];
  pool.attach(ports);
  const answer = (port: FakePort, seq: number): void => {
    const job = port.jobs.find((j) => j.seq === seq);
    assert.ok(job !== undefined, `job ${seq} was not sent to the ${port.role} port`);
    port.jobs.splice(port.jobs.indexOf(job), 1);
    if ('prepOnly' in job) {
      assert.equal(ports[job.to]?.role, 'pack', `job ${seq} names port ${job.to}, not a packing port`);
      ports[job.to].send(prepared(job, port.tokenizes));
    } else {
      pool.receive(packed(job));
    }
  };
  return { pool, prep, packs, out, answer };
}

const seqs = (port: FakePort, kind: 'prep' | 'pack'): number[] =>
  port.jobs.filter((j) => ('prepOnly' in j) === (kind === 'prep')).map((j) => j.seq);

test('with a preparing port that does not tokenize: it only de-identifies; other jobs go to the packing port at once', async () => {
  const { pool, prep, packs: [pack], out, answer } = setup();
  for (let n = 0; n < 4; n++) await pool.submit(null, [doc(n)]); // jobs 0-3: nothing to de-identify
  await pool.submit('tag', [doc(4)]);
  await pool.submit('tag', [doc(5)]);
  assert.deepEqual(seqs(pack, 'pack'), [0, 1, 2, 3]);
  assert.deepEqual(seqs(prep, 'prep'), [4, 5]);
  assert.deepEqual(seqs(prep, 'pack'), []);
  // What the pool asks of the preparing port: the job's mode and documents, and the packing port to send it on to.
  const asked = prep.jobs.find((j) => j.seq === 5) as PrepJob;
  assert.deepEqual([asked.deid, asked.documents, asked.to], ['tag', [doc(5)], 1]);
  answer(prep, 5); // de-identified out of order: sent on at once
  answer(pack, 2);
  answer(pack, 5);
  assert.deepEqual(out, []); // job 0 first
  answer(pack, 0);
  answer(pack, 1);
  assert.deepEqual(out, [0, 1, 2]);
  answer(prep, 4);
  answer(pack, 3);
  answer(pack, 4);
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(seqs(prep, 'pack'), []);
});

test('with a preparing port that tokenizes: every job goes there first, then on to the packing port with its tokens', async () => {
  const { pool, prep, packs: [pack], out, answer } = setup(true);
  await pool.submit(null, [doc(0)]);
  await pool.submit('tag', [doc(1)]);
  await pool.submit(null, [doc(2)]);
  assert.deepEqual(seqs(prep, 'prep'), [0, 1, 2]);
  assert.equal(pack.jobs.length, 0);
  // Each with its own mode (null: nothing to de-identify, only to tokenize), all to be sent on to the packing port.
  assert.deepEqual(prep.jobs.map((j) => [j.seq, j.deid, ('to' in j) ? j.to : -1]), [[0, null, 1], [1, 'tag', 1], [2, null, 1]]);
  answer(prep, 2);
  answer(prep, 1);
  assert.deepEqual(seqs(pack, 'pack'), [2, 1]);
  answer(pack, 1);
  answer(pack, 2);
  assert.deepEqual(out, []); // job 0 first
  answer(prep, 0);
  answer(pack, 0);
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2]);
});

test('with a preparing port and two packing ports: a job to prepare names the least busy packing port, counted from its submission', async () => {
  const { pool, prep, packs: [a, b], out, answer } = setup(false, 2);
  await pool.submit('tag', [doc(0)]); // to a (both idle: the first)
  await pool.submit(null, [doc(1)]); // to b: a holds job 0, at the preparing port
  await pool.submit('tag', [doc(2)]); // to a
  assert.deepEqual(seqs(prep, 'prep'), [0, 2]);
  assert.deepEqual((prep.jobs as PrepJob[]).map((j) => j.to), [1, 1]);
  assert.deepEqual(seqs(b, 'pack'), [1]);
  answer(prep, 2);
  answer(prep, 0);
  assert.deepEqual(seqs(a, 'pack'), [2, 0]);
  answer(a, 2);
  answer(b, 1);
  answer(a, 0);
  await pool.finish();
  assert.deepEqual(out, [0, 1, 2]);
});

test('without a de-identifying port every job is sent at once, to the least busy port', async () => {
  const out: number[] = [];
  const pool = new OrderedPackPool((batch) => { out.push(batch.ids[0]); }, 100);
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

test('finish waits for every job, or until its stop test says to wait no more (asked as each result comes)', async () => {
  const { pool, packs, out, answer } = setup(false, 1);
  for (let n = 0; n < 4; n++) await pool.submit(null, [doc(n)]);
  let stop = false;
  let finished = false;
  void pool.finish(() => stop).then(() => { finished = true; });
  answer(packs[0]!, 0);
  await new Promise(setImmediate);
  assert.equal(finished, false, 'still waiting for jobs 1-3');
  stop = true;
  answer(packs[0]!, 1); // wakes finish, which now stops waiting with jobs 2 and 3 out
  await new Promise(setImmediate);
  assert.equal(finished, true, 'stopped waiting');
  assert.deepEqual(out, [0, 1]);
  const all = pool.finish();
  answer(packs[0]!, 2);
  answer(packs[0]!, 3);
  await all;
  assert.deepEqual(out, [0, 1, 2, 3]);
});

test('after abandon, results still coming are not handed to the sink (the run that wanted them has stopped)', async () => {
  const { pool, packs, out, answer } = setup(false, 1);
  for (let n = 0; n < 3; n++) await pool.submit(null, [doc(n)]);
  answer(packs[0]!, 0);
  pool.abandon();
  answer(packs[0]!, 1);
  answer(packs[0]!, 2);
  assert.deepEqual(out, [0]);
  await assert.rejects(pool.finish(), /abandoned/);
});
