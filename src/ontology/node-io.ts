// Node file access for the ontology layer: lexicon files, plain or gzip.
import { basename } from 'node:path';
import { fileText } from '../corpus/node-io.js';
import { builtinMatcher } from './builtin-lexicon.js';
import { buildMatcher, readLexicon } from './lexicon.js';
import type { EntityMatcher } from './matcher.js';

/** Loads a lexicon TSV (`.tsv` or `.tsv.gz`) into a matcher; `builtin` names the small lexicon shipped here. */
export async function loadMatcher(path: string): Promise<EntityMatcher> {
  if (path === 'builtin') return builtinMatcher();
  return buildMatcher(readLexicon(fileText(path), basename(path)));
}
