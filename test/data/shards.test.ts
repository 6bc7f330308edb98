import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeShard, encodeShard, ShardEncoder } from '../../src/data/shard-format.js';
import { openShardSource } from '../../src/data/shard-files.js';
import { ShardWriter } from '../../src/data/shard-writer.js';
import { decodePackedBatch, encodePackedBatch } from '../../src/data/packed-batch.js';
import { ConceptNumbering, emptyPackStats, type PackedDocument } from '../../src/data/pack.js';
import type { Sequence } from '../../src/data/masking.js';
import { Rng } from '../../src/tensor/index.js';

function sequences(n: number, seed: number, maxId: number): Sequence[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const len = 1 + rng.int(20);
    const ids = Int32Array.from({ length: len }, () => rng.int(maxId));
    const entities = len > 3 ? [{ start: 1, end: 3, concept: rng.int(100) }] : [];
    return { ids, entities };
  });
}

test('shards round-trip with 16- and 32-bit tokens; corruption is reported', () => {
  for (const [width, maxId] of [[2, 65536], [4, 1 << 30]] as const) {
    const seqs = sequences(50, width, maxId);
    const bytes = encodeShard(seqs, width);
    assert.deepEqual(decodeShard(bytes), seqs);
    assert.throws(() => decodeShard(bytes.subarray(0, bytes.length - 5), 'x.bin'), /x\.bin: corrupt shard: truncated/);
    const bad = bytes.slice();
    bad[0] = 0;
    assert.throws(() => decodeShard(bad, 'y.bin'), /wrong magic/);
  }
});

/** The shard format written out field by field with DataView, as its comment lays it out: what encodeShard must give. */
function referenceShard(seqs: readonly Sequence[], width: 2 | 4): Uint8Array {
  const words: number[] = [0x4853424d, 1, width, seqs.length];
  const bytes: number[] = [];
  for (const s of seqs) {
    const record = new DataView(new ArrayBuffer(8 + ((s.ids.length * width + 3) & ~3) + 12 * s.entities.length));
    record.setUint32(0, s.ids.length, true);
    record.setUint32(4, s.entities.length, true);
    s.ids.forEach((id, i) => (width === 2 ? record.setUint16(8 + 2 * i, id, true) : record.setUint32(8 + 4 * i, id, true)));
    let p = 8 + ((s.ids.length * width + 3) & ~3);
    for (const e of s.entities) {
      for (const x of [e.start, e.end, e.concept]) record.setUint32(p, x, true), (p += 4);
    }
    bytes.push(...new Uint8Array(record.buffer));
  }
  const head = new DataView(new ArrayBuffer(16));
  words.forEach((x, i) => head.setUint32(4 * i, x, true));
  return Uint8Array.from([...new Uint8Array(head.buffer), ...bytes]);
}

test('encodeShard writes exactly the documented layout (odd token counts padded with zeros), both widths', () => {
  for (const [width, maxId] of [[2, 65536], [4, 2 ** 31]] as const) {
    const seqs = sequences(300, 7 + width, maxId);
    seqs.push({ ids: Int32Array.of(), entities: [] }, { ids: Int32Array.of(maxId - 1, 0, 1), entities: [{ start: 0, end: 3, concept: 2 ** 31 }] });
    assert.deepEqual(encodeShard(seqs, width), referenceShard(seqs, width));
  }
});

test('shard folder: atomic writer, hash check, seeded order resumable mid-epoch', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-shards-'));
  try {
    const dir = join(root, 'out');
    const writer = new ShardWriter(dir, 2, 300);
    const seqs = sequences(40, 1, 1000);
    for (const s of seqs) {
      writer.add(s);
      writer.flushIfFull();
    }
    assert.throws(() => new ShardWriter(dir, 2), /out is being written by process \d+ on /, 'a second writer of the same folder');
    writeFileSync(join(root, 'extra.txt'), 'extra');
    writer.addFile('extra.txt', join(root, 'extra.txt'));
    assert.ok(!existsSync(dir), 'nothing at the destination before finish');
    const manifest = writer.finish({ seq_len: 20, vocab_size: 1000, concepts: ['C1'] });
    assert.ok(manifest.shards.length > 3, `several shards (${manifest.shards.length})`);
    assert.equal(manifest.sequences, 40);
    assert.equal(readFileSync(join(dir, 'extra.txt'), 'utf8'), 'extra');
    rmSync(join(root, 'extra.txt'));
    assert.deepEqual(readdirSync(root), ['out'], 'no temporary folder or lock left');
    new ShardWriter(dir, 2).abort(); // the lock went with finish; abort gives it up too
    assert.deepEqual(readdirSync(root), ['out']);

    const { source } = openShardSource(dir, 5);
    const firstEpoch = Array.from({ length: 40 }, () => source.next());
    const key = (s: Sequence): string => s.ids.join(',');
    assert.deepEqual(new Set(firstEpoch.map(key)), new Set(seqs.map(key)), 'one epoch serves every sequence once');
    for (let i = 0; i < 17; i++) source.next();
    const state = JSON.parse(JSON.stringify(source.getState())) as unknown;
    const expected = Array.from({ length: 60 }, () => key(source.next()));
    const { source: resumed } = openShardSource(dir, 5);
    resumed.setState(state);
    assert.deepEqual(Array.from({ length: 60 }, () => key(resumed.next())), expected);

    const file = join(dir, manifest.shards[0]!.file);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    const { source: broken } = openShardSource(dir, 5);
    assert.throws(() => { for (let i = 0; i < 80; i++) broken.next(); }, /does not match its hash/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ShardWriter.addBatch writes what numbering each document and add() would: same shards, cut between the same batches', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-shards-'));
  try {
    const rng = new Rng(11);
    const conceptPool = Array.from({ length: 40 }, (_, i) => `C${1000 + i}`);
    const batches = Array.from({ length: 20 }, () => {
      const documents: PackedDocument[] = Array.from({ length: 1 + rng.int(8) }, () => {
        const conceptIds = [...new Set(Array.from({ length: rng.int(5) }, () => conceptPool[rng.int(conceptPool.length)]))];
        const sequences = Array.from({ length: rng.int(4) }, () => {
          const ids = Int32Array.from({ length: 2 + rng.int(30) }, () => rng.int(60000));
          const entities = conceptIds.length === 0 ? [] : Array.from({ length: rng.int(4) }, () => ({ start: 1, end: 2, concept: rng.int(conceptIds.length) }));
          return { ids, entities };
        });
        return { sequences, conceptIds };
      });
      return encodePackedBatch(documents, emptyPackStats());
    });
    for (const width of [2, 4] as const) {
      const plain = new ShardWriter(join(root, `plain${width}`), width, 600);
      const numbering = new ConceptNumbering();
      for (const b of batches) {
        for (const d of decodePackedBatch(b)) for (const seq of numbering.number(d)) plain.add(seq);
        plain.flushIfFull();
      }
      const direct = new ShardWriter(join(root, `direct${width}`), width, 600);
      const batchNumbering = new ConceptNumbering();
      for (const b of batches) {
        direct.addBatch(b, batchNumbering.numberBatch(b));
        direct.flushIfFull();
      }
      assert.deepEqual(batchNumbering.concepts, numbering.concepts);
      const a = plain.finish({ seq_len: 32, vocab_size: 60000, concepts: numbering.concepts });
      const b = direct.finish({ seq_len: 32, vocab_size: 60000, concepts: batchNumbering.concepts });
      assert.ok(a.shards.length > 3 && a.entities > 50, `${a.shards.length} shards, ${a.entities} entities`);
      assert.deepEqual(b, a);
      for (const f of readdirSync(join(root, `plain${width}`))) {
        assert.ok(readFileSync(join(root, `direct${width}`, f)).equals(readFileSync(join(root, `plain${width}`, f))), f);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ShardEncoder writing number by number (as on a big-endian machine) gives the bulk copy\'s bytes', () => {
  for (const width of [2, 4] as const) {
    // Ids with both bytes (both halves) set, entities on most sequences.
    const seqs = sequences(120, 11 + width, width === 2 ? 65536 : 2 ** 31);
    const byNumber = new ShardEncoder(width, 512, false);
    for (const s of seqs) byNumber.add(s);
    const bytes = Buffer.concat(byNumber.finish());
    assert.deepEqual(bytes, Buffer.from(encodeShard(seqs, width)));
    assert.deepEqual(decodeShard(bytes), seqs);
  }
});

test('ShardEncoder: a shard spread over several blocks has the bytes of one encoded whole', () => {
  for (const width of [2, 4] as const) {
    const seqs = sequences(200, 3 + width, width === 2 ? 65536 : 2 ** 31);
    const encoder = new ShardEncoder(width, 256); // records of up to ~100 bytes: a new block every few
    for (const s of seqs) encoder.add(s);
    const parts = encoder.finish();
    assert.ok(parts.length > 10);
    assert.deepEqual(Buffer.concat(parts), Buffer.from(encodeShard(seqs, width)));
  }
});
