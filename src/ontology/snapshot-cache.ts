// Node-only: a built matcher kept on disk between runs. Building the full lexicon's matcher costs about a CPU-second
// every `medbert prepare`; its snapshot (typed arrays and a few long strings) reads back in tens of milliseconds.
// An entry is found by a hash of the lexicon file's bytes and of the ontology code that builds and reads the
// matcher (this folder's compiled files), so an edited lexicon or a changed normalisation rule never meets an old
// entry. Writes are atomic (temporary file + rename); an unreadable entry is rebuilt.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MatcherSnapshot } from './matcher-snapshot.js';
import { codeDigest, makeDirectories, writeFileAtomic } from '../directories.js';
import { describeFileError } from '../errors.js';

const FORMAT = 'medbert-matcher-snapshot-2';
/** Entries kept in a cache folder (the most recently used): each is tens of MB, and every code change makes new ones. */
const KEEP_ENTRIES = 4;

/** The code that decides what a snapshot holds: every compiled file of this folder. */
function ontologyCodeDigest(): string {
  return codeDigest([new URL('.', import.meta.url)]);
}

/** The cache file for a lexicon's bytes. */
export function snapshotCachePath(cacheDir: string, lexiconBytes: Uint8Array): string {
  const key = createHash('sha256').update(FORMAT).update(ontologyCodeDigest()).update(lexiconBytes).digest('hex');
  return join(cacheDir, `matcher-${key.slice(0, 40)}.v8`);
}

/** The snapshot stored at `path`, or null when there is none or it cannot be read back whole. */
export function readCachedSnapshot(path: string): MatcherSnapshot | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  try {
    const value = deserialize(bytes) as { format?: unknown; snapshot?: MatcherSnapshot };
    const s = value.snapshot;
    if (value.format !== FORMAT || s === undefined || typeof s.conceptIds !== 'string' || !(s.edges?.cells instanceof Int32Array)) return null;
    const now = new Date();
    utimesSync(path, now, now); // recently used: kept when older entries are removed
    return s;
  } catch {
    return null; // truncated or from another V8: rebuilt and written again
  }
}

/**
 * Stores a snapshot at `path` (atomically). A cache that cannot be written costs the next run a build, not this one
 * its work: one warning line says so (a cache folder that is a file, or read-only).
 */
export function writeCachedSnapshot(path: string, snapshot: MatcherSnapshot): void {
  try {
    makeDirectories(dirname(path));
    writeFileAtomic(path, serialize({ format: FORMAT, snapshot }));
    removeOldEntries(dirname(path));
  } catch (error) {
    const reason = describeFileError(error);
    process.stderr.write(`medbert: warning: the lexicon cache ${dirname(path)} cannot be written (${reason}); the matcher is built again next run `
      + '(--lexicon-cache none: no cache)\n');
  }
}

/** Keeps the KEEP_ENTRIES most recently used entries of a cache folder. */
function removeOldEntries(dir: string): void {
  const entries = readdirSync(dir).filter((f) => /^matcher-[0-9a-f]+\.v8$/.test(f))
    .map((f) => ({ path: join(dir, f), used: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const old of entries.slice(KEEP_ENTRIES)) rmSync(old.path, { force: true });
}
