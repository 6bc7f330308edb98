// Node file access for the ontology layer: lexicon files, plain or gzip.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MedbertError } from '../errors.js';
import { builtinMatcher } from './builtin-lexicon.js';
import { buildMatcher, parseLexicon } from './lexicon.js';
import type { EntityMatcher } from './matcher.js';

/** Loads a lexicon TSV (`.tsv` or `.tsv.gz`) into a matcher; `builtin` names the small lexicon shipped here. */
export async function loadMatcher(path: string): Promise<EntityMatcher> {
  if (path === 'builtin') return builtinMatcher();
  return buildMatcher(parseLexicon(lexiconText(path), basename(path)));
}

/**
 * The whole file as text, gunzipped when it starts with the gzip magic bytes; invalid UTF-8 becomes U+FFFD.
 * Read at once rather than streamed: a lexicon is a few MB, and in one piece it parses without an await per line.
 */
function lexiconText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new MedbertError(`cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new MedbertError(`cannot read ${path}: corrupt or truncated gzip data`);
    }
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
