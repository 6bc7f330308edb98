// Writing a shard folder, atomically (shard-files.ts reads them): apart from the readers, which load the trainer's
// shuffling source and the tensor modules that `prepare` does not use.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Sequence } from './masking.js';
import type { PackedBatch } from './packed-batch.js';
import { ShardEncoder, type ShardManifest } from './shard-format.js';
import { checkOutputFolder, makeDirectories, OutputLock, tempBeside, trackPending } from '../directories.js';

/**
 * Writes shards into a temporary folder beside `dir`; `finish` writes the manifest and renames the folder
 * into place, so a stopped run never leaves a half-written shard folder. Each shard is encoded as its sequences
 * come (ShardEncoder), and closed once it holds `maxShardBytes` or more. `dir` is locked (OutputLock) from the
 * constructor to `finish` or `abort`: a second writer of the same folder fails at once.
 */
export class ShardWriter {
  private readonly tmp: string;
  private readonly lock: OutputLock;
  private encoder: ShardEncoder;
  private pendingBytes = 0;
  private readonly shards: { file: string; sequences: number; tokens: number; sha256: string }[] = [];
  private totals = { sequences: 0, tokens: 0, entities: 0 };

  /** Throws (MedbertError) at once when `dir` holds something other than an earlier shard folder (checkOutputFolder). */
  constructor(private readonly dir: string, private readonly tokenBytes: 2 | 4, private readonly maxShardBytes = 64 << 20) {
    checkOutputFolder(dir, 'manifest.json', 'shard folder');
    makeDirectories(dirname(dir));
    // Locked before the temporary folder is touched: another writer of `dir` in this process has the same one.
    this.lock = OutputLock.acquire(dir);
    this.tmp = tempBeside(dir);
    try {
      rmSync(this.tmp, { recursive: true, force: true });
      makeDirectories(this.tmp);
    } catch (error) {
      this.lock.release();
      throw error;
    }
    trackPending(this.tmp, true);
    this.encoder = new ShardEncoder(tokenBytes);
  }

  /** Copies the file at `source` into the folder as `name` (renamed into place with the shards by `finish`). */
  addFile(name: string, source: string): void {
    copyFileSync(source, join(this.tmp, name));
  }

  add(seq: Sequence): void {
    this.encoder.add(seq);
    this.added(seq.ids.length, seq.entities.length);
  }

  /**
   * A packed batch's sequences, as `add` would take them once numbered, from its arrays (no object a sequence or
   * entity): `concepts[k]` is the number of the batch's concept k (batch.conceptIds[k]), documents' concepts one
   * after another as in the batch.
   */
  addBatch(batch: PackedBatch, concepts: Int32Array): void {
    const { sequencesPerDocument, conceptsPerDocument, sequenceLengths, entityCounts, ids, entities } = batch;
    let q = 0, t = 0, e = 0, firstConcept = 0;
    for (let d = 0; d < sequencesPerDocument.length; d++) {
      for (let k = 0; k < sequencesPerDocument[d]; k++, q++) {
        const length = sequenceLengths[q], count = entityCounts[q];
        this.encoder.sequence(ids.subarray(t, t + length), count);
        t += length;
        for (let m = 0; m < count; m++, e += 3) this.encoder.entity(entities[e], entities[e + 1], concepts[firstConcept + entities[e + 2]]);
        this.added(length, count);
      }
      firstConcept += conceptsPerDocument[d];
    }
  }

  finish(meta: Omit<ShardManifest, 'format' | 'version' | 'token_bytes' | 'shards' | 'sequences' | 'tokens' | 'entities'>): ShardManifest {
    this.flush();
    const manifest: ShardManifest = { format: 'medbert-shards', version: 1, token_bytes: this.tokenBytes, ...meta, shards: this.shards, ...this.totals };
    writeFileSync(join(this.tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const old = `${this.tmp}.old`;
    if (existsSync(this.dir)) renameSync(this.dir, old);
    renameSync(this.tmp, this.dir);
    trackPending(this.tmp, false);
    this.lock.release();
    rmSync(old, { recursive: true, force: true });
    return manifest;
  }

  /** Removes the temporary folder (after an error or interruption). */
  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
    trackPending(this.tmp, false);
    this.lock.release();
  }

  /** Counts a sequence just encoded; the shard is closed once big enough. */
  private added(tokens: number, entities: number): void {
    this.pendingBytes += 8 + tokens * this.tokenBytes + 12 * entities;
    this.totals.sequences++;
    this.totals.tokens += tokens;
    this.totals.entities += entities;
    if (this.pendingBytes >= this.maxShardBytes) this.flush();
  }

  private flush(): void {
    const encoder = this.encoder;
    if (encoder.sequences === 0) return;
    const parts = encoder.finish();
    const file = `shard-${String(this.shards.length).padStart(5, '0')}.bin`;
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    const fd = openSync(join(this.tmp, file), 'w');
    try {
      writeAll(fd, parts);
    } finally {
      closeSync(fd);
    }
    this.shards.push({ file, sequences: encoder.sequences, tokens: encoder.tokens, sha256: hash.digest('hex') });
    this.encoder = new ShardEncoder(this.tokenBytes);
    this.pendingBytes = 0;
  }
}

/** Writes the parts in order (writev may write less than asked). */
function writeAll(fd: number, parts: readonly Uint8Array[]): void {
  let rest = parts.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    const left: Uint8Array[] = [];
    for (const part of rest) {
      if (written >= part.length) written -= part.length;
      else {
        left.push(part.subarray(written));
        written = 0;
      }
    }
    rest = left;
  }
}
