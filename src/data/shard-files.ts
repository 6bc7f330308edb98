// Reading a shard folder: its manifest, and its shards checked against their hashes (shard-writer.ts writes them).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFileError, MedbertError } from '../errors.js';
import type { Sequence } from './masking.js';
import { decodeShard, type ShardManifest } from './shard-format.js';
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
  if (m === null || typeof m !== 'object' || m.format !== 'medbert-shards' || !Array.isArray(m.shards)) throw new MedbertError(`${path}: not a medbert shard manifest`);
  const bad = manifestProblem(m);
  if (bad !== null) throw new MedbertError(`${path}: ${bad} (corrupt or edited by hand? make it again with medbert prepare)`);
  return m;
}

/** What is wrong with a manifest's numbers and shard entries, or null: the trainer sizes its model and reads by them. */
function manifestProblem(m: ShardManifest): string | null {
  const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Number.isSafeInteger(m.seq_len) || m.seq_len < 8 || m.seq_len > 4096) return `seq_len ${JSON.stringify(m.seq_len)} is not a sequence length (8..4096, as prepare makes them)`;
  if (!Number.isSafeInteger(m.vocab_size) || m.vocab_size < 1) return `vocab_size ${JSON.stringify(m.vocab_size)} is not a vocabulary size`;
  if (m.token_bytes !== 2 && m.token_bytes !== 4) return `token_bytes ${JSON.stringify(m.token_bytes)} is not 2 or 4`;
  if (!Array.isArray(m.concepts) || !m.concepts.every((c) => typeof c === 'string')) return 'concepts is not a list of concept ids';
  for (const [i, shard] of m.shards.entries()) {
    const entry = shard as Partial<ShardManifest['shards'][number]> | null;
    if (entry === null || typeof entry !== 'object' || typeof entry.file !== 'string' || entry.file.includes('/') || entry.file.includes('\\')
      || !count(entry.sequences) || !count(entry.tokens) || typeof entry.sha256 !== 'string') {
      return `shard entry ${i} is not {file, sequences, tokens, sha256} (a file name in the folder)`;
    }
  }
  return null;
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new MedbertError(`cannot read ${path}: ${describeFileError(error)}`);
    }
    if (sha256(bytes) !== entry.sha256) throw new MedbertError(`${path} does not match its hash in manifest.json (corrupt or changed)`);
    try {
      return decodeShard(bytes, path);
    } catch (error) {
      throw new MedbertError(error instanceof Error ? error.message : String(error));
    }
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
