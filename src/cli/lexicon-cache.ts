// Where commands that load a lexicon keep its built matcher between runs (ontology/snapshot-cache.ts): building the
// full lexicon costs about 0.7 CPU-seconds a run, reading it back tens of milliseconds. `prepare`, `link`, `link eval`
// and `serve` share one flag and one default folder.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FlagSpec } from './args.js';

/** The user's cache folder for built lexicon matchers: $XDG_CACHE_HOME/medbert/lexicon, else ~/.cache/medbert/lexicon. */
function defaultLexiconCache(): string {
  const base = process.env.XDG_CACHE_HOME !== undefined && process.env.XDG_CACHE_HOME !== '' ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'medbert', 'lexicon');
}

export const lexiconCacheFlag = {
  type: 'string', valueName: 'DIR',
  description: `keep the built lexicon matcher here for later runs (default ${defaultLexiconCache()}; "none": build every time)`,
} as const satisfies FlagSpec;

/** The cache folder the flag's value names: null for "none". */
export function lexiconCacheDir(value: string | undefined): string | null {
  return value === 'none' ? null : value ?? defaultLexiconCache();
}
