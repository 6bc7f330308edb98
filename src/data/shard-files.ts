import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MedbertError } from '../errors.js';
import type { Sequence } from './masking.js';
import { decodeShard, encodeShard, type ShardManifest } from './shard-format.js';
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
 * into place, so a stopped run never leaves a half-written shard folder.
 */
export class ShardWriter {
  private readonly tmp: string;
  private pending: Sequence[] = [];
  private pendingBytes = 0;
  private readonly shards: { file: string; sequences: number; tokens: number; sha256: string }[] = [];
  private totals = { sequences: 0, tokens: 0, entities: 0 };

  constructor(private readonly dir: string, private readonly tokenBytes: 2 | 4, private readonly maxShardBytes = 64 << 20) {
    this.tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp, { recursive: true });
  }

  add(seq: Sequence): void {
    this.pending.push(seq);
    this.pendingBytes += 8 + seq.ids.length * this.tokenBytes + 12 * seq.entities.length;
    this.totals.sequences++;
    this.totals.tokens += seq.ids.length;
    this.totals.entities += seq.entities.length;
    if (this.pendingBytes >= this.maxShardBytes) this.flush();
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

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = encodeShard(this.pending, this.tokenBytes);
    const file = `shard-${String(this.shards.length).padStart(5, '0')}.bin`;
    writeFileSync(join(this.tmp, file), bytes);
    this.shards.push({ file, sequences: this.pending.length, tokens: this.pending.reduce((s, q) => s + q.ids.length, 0), sha256: sha256(bytes) });
    this.pending = [];
    this.pendingBytes = 0;
  }
}
