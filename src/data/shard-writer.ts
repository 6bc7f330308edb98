// Writing a shard folder, atomically (shard-files.ts reads them): apart from the readers, which load the trainer's
// shuffling source and the tensor modules that `prepare` does not use.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { Sequence } from './masking.js';
import type { PackedBatch } from './packed-batch.js';
import { ShardEncoder, type ShardManifest } from './shard-format.js';
import { checkOutputFolder, linkedPath, makeDirectories, OutputLock, partialBeside, replaceFolder, trackPending } from '../directories.js';
import { MedbertError } from '../errors.js';

/** A shard written: its file in the folder, counts and hash (as the manifest lists it). */
export type ShardEntry = ShardManifest['shards'][number];

/** What a ShardWriter has written so far: enough to go on writing the same folder in another run. */
export interface ShardProgress {
  readonly shards: readonly ShardEntry[];
  readonly totals: { readonly sequences: number; readonly tokens: number; readonly entities: number };
}

/**
 * Writes shards into a folder beside `dir` (`.NAME.partial`); `finish` writes the manifest and renames the folder
 * into place, so a stopped run never leaves a half-written shard folder. Each shard is encoded as its sequences
 * come (ShardEncoder) and closed, by `flushIfFull`, once it holds `maxShardBytes` or more. `dir` is locked
 * (OutputLock) from the constructor to `finish` or `abort`: a second writer of the same folder fails at once.
 *
 * The partial folder is also what a stopped run resumes from: given the `progress()` of an earlier writer, the
 * constructor keeps its shards (and removes any file written after that point) and goes on from there.
 */
export class ShardWriter {
  /** The partial folder: the shards so far, and whatever the caller keeps beside them to resume from. */
  readonly folder: string;
  private readonly lock: OutputLock;
  private encoder: ShardEncoder;
  private pendingBytes = 0;
  private readonly shards: ShardEntry[];
  private totals: { sequences: number; tokens: number; entities: number };

  /**
   * Throws (MedbertError) at once when `dir` holds something other than an earlier shard folder (checkOutputFolder).
   * `resume`, called with the partial folder once this writer holds its lock: an earlier writer's progress to go on
   * from, or null to start anew (`keep`: the files besides the shards that a resumed folder keeps).
   */
  /** The output folder: the path given, or the folder its symbolic link points to (the link stays). */
  private readonly dir: string;

  constructor(outDir: string, private readonly tokenBytes: 2 | 4, private readonly maxShardBytes = 64 << 20,
    resume: ((folder: string) => ShardProgress | null) | null = null, keep: readonly string[] = []) {
    const dir = linkedPath(outDir);
    this.dir = dir;
    checkOutputFolder(dir, 'manifest.json', 'shard folder');
    // Locked before the partial folder is touched: it is another run's until then.
    this.lock = OutputLock.acquire(dir);
    this.folder = partialBeside(dir);
    let from: ShardProgress | null;
    try {
      from = resume?.(this.folder) ?? null;
    } catch (error) {
      this.lock.release();
      throw error;
    }
    this.shards = from === null ? [] : [...from.shards];
    this.totals = from === null ? { sequences: 0, tokens: 0, entities: 0 } : { ...from.totals };
    try {
      if (from === null) rmSync(this.folder, { recursive: true, force: true });
      else {
        keepOnly(this.folder, [...this.shards.map((s) => s.file), ...keep]);
        checkShards(this.folder, this.shards);
      }
      makeDirectories(this.folder);
    } catch (error) {
      this.lock.release();
      throw error;
    }
    // Removed if the process is stopped at once, until there is something to resume from (`resumable`).
    if (from === null) trackPending(this.folder, true);
    this.encoder = new ShardEncoder(tokenBytes);
  }

  /** Copies the file at `source` into the folder as `name` (renamed into place with the shards by `finish`). */
  addFile(name: string, source: string): void {
    copyFileSync(source, join(this.folder, name));
  }

  /** One sequence (the shard is closed by `flushIfFull`, where the caller may end one). */
  add(seq: Sequence): void {
    this.encoder.add(seq);
    this.added(seq.ids.length, seq.entities.length);
  }

  /**
   * A packed batch's sequences, as `add` would take them once numbered, from its arrays (no object a sequence or
   * entity): `concepts[k]` is the number of the batch's concept k (batch.conceptIds[k]), documents' concepts one
   * after another as in the batch. A shard is closed between batches only (`flushIfFull`), so that a run's
   * progress is always a whole number of batches.
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

  finish(meta: Omit<ShardManifest, 'format' | 'version' | 'token_bytes' | 'shards' | 'sequences' | 'tokens' | 'entities'>, drop: readonly string[] = []): ShardManifest {
    this.flush();
    const manifest: ShardManifest = { format: 'medbert-shards', version: 1, token_bytes: this.tokenBytes, ...meta, shards: this.shards, ...this.totals };
    writeFileSync(join(this.folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    for (const name of drop) rmSync(join(this.folder, name), { force: true }); // last: till then it can be resumed
    replaceFolder(this.folder, this.dir);
    trackPending(this.folder, false);
    this.lock.release();
    return manifest;
  }

  /** What is written so far (after `flushIfFull` said a shard was closed: whole batches). */
  progress(): ShardProgress {
    return { shards: [...this.shards], totals: { ...this.totals } };
  }

  /** The partial folder now holds something to resume from: a stop at once (a second Ctrl-C) leaves it. */
  resumable(): void {
    trackPending(this.folder, false);
  }

  /** Stops writing (after an error or interruption): the partial folder goes, unless `keep` (a run to resume). */
  abort(keep = false): void {
    try {
      if (!keep) rmSync(this.folder, { recursive: true, force: true });
    } finally {
      trackPending(this.folder, false);
      this.lock.release();
    }
  }

  /** Closes the shard being written when it holds maxShardBytes or more; true if it did. */
  flushIfFull(): boolean {
    if (this.pendingBytes < this.maxShardBytes) return false;
    this.flush();
    return true;
  }

  /** Counts a sequence just encoded. */
  private added(tokens: number, entities: number): void {
    this.pendingBytes += 8 + tokens * this.tokenBytes + 12 * entities;
    this.totals.sequences++;
    this.totals.tokens += tokens;
    this.totals.entities += entities;
  }

  private flush(): void {
    const encoder = this.encoder;
    if (encoder.sequences === 0) return;
    const parts = encoder.finish();
    const file = `shard-${String(this.shards.length).padStart(5, '0')}.bin`;
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    const fd = openSync(join(this.folder, file), 'w');
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

/** Removes every entry of `folder` (if it exists) but the named ones: what a stopped run wrote after its last save. */
function keepOnly(folder: string, names: readonly string[]): void {
  if (!existsSync(folder)) return;
  const kept = new Set(names);
  for (const entry of readdirSync(folder)) if (!kept.has(entry)) rmSync(join(folder, entry), { recursive: true, force: true });
}

/** Throws (MedbertError) unless every listed shard is in the folder as it was written (its hash): a kept one may not be. */
function checkShards(folder: string, shards: readonly ShardEntry[]): void {
  for (const shard of shards) {
    const path = join(folder, shard.file);
    if (!existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== shard.sha256) {
      throw new MedbertError(`cannot resume: ${path} is missing or not as it was written (its hash differs); run without --resume to start over`);
    }
  }
}
