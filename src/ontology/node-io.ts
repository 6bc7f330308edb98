// Node file access for the ontology layer: lexicon files, plain or gzip.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describeFileError, MedbertError } from '../errors.js';
import { builtinMatcher } from './builtin-lexicon.js';
import { buildMatcher, lexiconCapacity, parseLexicon } from './lexicon.js';
import { EntityMatcher } from './matcher.js';
import type { MatcherSnapshot } from './matcher-snapshot.js';
import { readCachedSnapshot, snapshotCachePath, writeCachedSnapshot } from './snapshot-cache.js';

export interface MatcherLoadOptions {
  /**
   * A folder where built matchers are kept between runs (see snapshot-cache.ts): a lexicon built once loads
   * from there in milliseconds. Null or absent: always build.
   */
  readonly cacheDir?: string | null;
}

/** Loads a lexicon TSV (`.tsv` or `.tsv.gz`) into a matcher; `builtin` names the small lexicon shipped here. */
export async function loadMatcher(path: string, options: MatcherLoadOptions = {}): Promise<EntityMatcher> {
  if (path === 'builtin') return builtinMatcher();
  if (options.cacheDir === undefined || options.cacheDir === null) return buildLexiconMatcher(path, readLexiconFile(path));
  return new EntityMatcher((await loadMatcherSnapshot(path, options)).snapshot);
}

/** A lexicon's built matcher as a snapshot (for worker threads), from the cache when it holds one. */
export async function loadMatcherSnapshot(path: string, options: MatcherLoadOptions = {}): Promise<{ snapshot: MatcherSnapshot; cached: boolean }> {
  if (path === 'builtin') return { snapshot: (await builtinMatcher()).snapshot(), cached: false };
  const bytes = readLexiconFile(path);
  const cacheDir = options.cacheDir ?? null;
  const cachePath = cacheDir === null ? null : snapshotCachePath(cacheDir, bytes);
  const cached = cachePath === null ? null : readCachedSnapshot(cachePath);
  if (cached !== null) return { snapshot: cached, cached: true };
  const snapshot = (await buildLexiconMatcher(path, bytes)).snapshot();
  if (cachePath !== null) writeCachedSnapshot(cachePath, snapshot);
  return { snapshot, cached: false };
}

async function buildLexiconMatcher(path: string, bytes: Uint8Array): Promise<EntityMatcher> {
  const text = lexiconText(path, bytes);
  const matcher = await buildMatcher(parseLexicon(text, basename(path)), lexiconCapacity(text.length));
  // A header alone (or an empty file) would link nothing, silently.
  if (matcher.size.concepts === 0) throw new MedbertError(`${path}: no concepts in the lexicon (a header line and no rows?)`);
  return matcher;
}

function readLexiconFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new MedbertError(`cannot open the lexicon ${path}: ${describeFileError(error)}`);
  }
}

/**
 * The whole file as text, gunzipped when it starts with the gzip magic bytes; invalid UTF-8 becomes U+FFFD.
 * Read at once rather than streamed: a lexicon is a few MB, and in one piece it parses without an await per line.
 */
function lexiconText(path: string, raw: Uint8Array): string {
  let bytes = raw;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new MedbertError(`cannot read ${path}: corrupt or truncated gzip data`);
    }
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
