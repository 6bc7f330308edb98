import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MedbertError } from '../errors.js';
import type { Sequence } from './masking.js';
import type { PackedBatch } from './packed-batch.js';
import { decodeShard, ShardEncoder, type ShardManifest } from './shard-format.js';
import { ShardSource } from './shard-source.js';

/** Reads and checks DIR/manifest.json. */
export function readManifest(dir: string): ShardManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new MedbertError(`${dir} is not a shard folder: no manifest.json (make one with medbert prepare)`);
  let m: ShardManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
  } catch (error) {
    throw new MedbertError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (m.format !== 'medbert-shards' || !Array.isArray(m.shards)) throw new MedbertError(`${path}: not a medbert shard manifest`);
  return m;
}

/** A seeded, resumable source over a shard folder, checking each shard's hash as it is read. */
export function openShardSource(dir: string, seed: number): { manifest: ShardManifest; source: ShardSource } {
  const manifest = readManifest(dir);
  return { manifest, source: new ShardSource(manifest.shards.map((s) => s.sequences), shardLoader(dir, manifest), seed) };
}

/** Every sequence of a shard folder once, in file order (evaluation), one shard in memory at a time. */
export function* shardSequences(dir: string, manifest = readManifest(dir)): Generator<Sequence> {
  const load = shardLoader(dir, manifest);
  for (let i = 0; i < manifest.shards.length; i++) yield* load(i);
}

/** Reads shard i of a folder, checking its hash against the manifest. */
function shardLoader(dir: string, manifest: ShardManifest): (i: number) => Sequence[] {
  return (i: number): Sequence[] => {
    const entry = manifest.shards[i]!;
    const path = join(dir, entry.file);
    if (!existsSync(path)) throw new MedbertError(`${path} is missing (listed in ${dir}/manifest.json)`);
    const bytes = readFileSync(path);
    if (sha256(bytes) !== entry.sha256) throw new MedbertError(`${path} does not match its hash in manifest.json (corrupt or changed)`);
    try {
      return decodeShard(bytes, path);
    } catch (error) {
      throw new MedbertError(error instanceof Error ? error.message : String(error));
    }
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes shards into a temporary folder beside `dir`; `finish` writes the manifest and renames the folder
 * into place, so a stopped run never leaves a half-written shard folder. Each shard is encoded as its sequences
 * come (ShardEncoder), and closed once it holds `maxShardBytes` or more.
 */
export class ShardWriter {
  private readonly tmp: string;
  private encoder: ShardEncoder;
  private pendingBytes = 0;
  private readonly shards: { file: string; sequences: number; tokens: number; sha256: string }[] = [];
  private totals = { sequences: 0, tokens: 0, entities: 0 };

  constructor(private readonly dir: string, private readonly tokenBytes: 2 | 4, private readonly maxShardBytes = 64 << 20) {
    this.tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp, { recursive: true });
    this.encoder = new ShardEncoder(tokenBytes);
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
    rmSync(old, { recursive: true, force: true });
    return manifest;
  }

  /** Removes the temporary folder (after an error or interruption). */
  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
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
