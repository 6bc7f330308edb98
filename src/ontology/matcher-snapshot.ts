import type { EdgeTableSnapshot } from './edge-table.js';
import type { TokenTableSnapshot } from './token-table.js';
import type { Concept, EntityType } from './types.js';

/** How one name of one concept was stored at a trie node. */
export interface NameEntry {
  readonly concept: number;
  readonly preferred: boolean;
  /** For names with case-sensitive tokens: the cased form each token must have in text (null: any case). */
  readonly cased: (string | null)[] | null;
  /** Tokens written against the one before in the name (`IL6`: 1): in text they must be too, or hyphenated. */
  readonly glued: number[] | null;
}

/**
 * A built matcher as a few long strings and typed arrays, which postMessage copies in milliseconds: building
 * from the full lexicon takes over a second, so worker threads share one build. Lists of strings are joined
 * with newlines (no name or token contains one: the lexicon is read line by line).
 */
export interface MatcherSnapshot {
  readonly conceptIds: string;
  readonly conceptNames: string;
  /** Index into ENTITY_TYPES. */
  readonly conceptTypes: Uint8Array;
  readonly tokenKeys: string;
  readonly tokenSlots: Int32Array;
  readonly edges: EdgeTableSnapshot;
  readonly rootChildren: Int32Array;
  readonly terminals: TerminalsSnapshot;
  readonly names: number;
}

/** The name entries of every trie node, flat: node k's entries are entries [start[k], start[k + 1]). */
export interface TerminalsSnapshot {
  readonly start: Int32Array;
  readonly concept: Int32Array;
  readonly preferred: Uint8Array;
  /** Entry e's cased forms are lines [casedStart[e], casedStart[e + 1]) of `cased` ('' for a token of any case). */
  readonly casedStart: Int32Array;
  readonly cased: string;
  readonly gluedStart: Int32Array;
  readonly glued: Int32Array;
}

const ENTITY_TYPES: readonly EntityType[] = ['disease', 'chemical', 'gene'];

export function conceptsSnapshot(concepts: readonly Concept[]): Pick<MatcherSnapshot, 'conceptIds' | 'conceptNames' | 'conceptTypes'> {
  return {
    conceptIds: concepts.map((c) => c.id).join('\n'), conceptNames: concepts.map((c) => c.preferredName).join('\n'),
    conceptTypes: Uint8Array.from(concepts, (c) => ENTITY_TYPES.indexOf(c.type)),
  };
}

export function restoreConcepts(s: MatcherSnapshot): Concept[] {
  if (s.conceptTypes.length === 0) return [];
  const ids = s.conceptIds.split('\n');
  const names = s.conceptNames.split('\n');
  return ids.map((id, i) => ({ id, type: ENTITY_TYPES[s.conceptTypes[i]], preferredName: names[i] }));
}

export function tokensSnapshot(t: TokenTableSnapshot): Pick<MatcherSnapshot, 'tokenKeys' | 'tokenSlots'> {
  return { tokenKeys: t.keys.join('\n'), tokenSlots: t.slots };
}

export function restoreTokens(s: MatcherSnapshot): TokenTableSnapshot {
  return { keys: s.tokenKeys === '' ? [] : s.tokenKeys.split('\n'), slots: s.tokenSlots };
}

export function flattenTerminals(terminals: readonly (readonly NameEntry[] | null | undefined)[]): TerminalsSnapshot {
  const start = new Int32Array(terminals.length + 1);
  for (let k = 0; k < terminals.length; k++) start[k + 1] = start[k] + (terminals[k]?.length ?? 0);
  const count = start[terminals.length];
  const concept = new Int32Array(count);
  const preferred = new Uint8Array(count);
  const casedStart = new Int32Array(count + 1);
  const gluedStart = new Int32Array(count + 1);
  const cased: string[] = [];
  const glued: number[] = [];
  let e = 0;
  for (const list of terminals) {
    if (list === null || list === undefined) continue;
    for (const entry of list) {
      concept[e] = entry.concept;
      preferred[e] = entry.preferred ? 1 : 0;
      // A name has at least one token, so an empty range means "no case requirement" unambiguously.
      if (entry.cased !== null) for (const c of entry.cased) cased.push(c ?? '');
      if (entry.glued !== null) for (const g of entry.glued) glued.push(g);
      e++;
      casedStart[e] = cased.length;
      gluedStart[e] = glued.length;
    }
  }
  return { start, concept, preferred, casedStart, cased: cased.join('\n'), gluedStart, glued: Int32Array.from(glued) };
}

/**
 * Reads node entries back from a TerminalsSnapshot on demand: a worker touches only the trie nodes its text
 * reaches, so making all ~300,000 entry objects up front would cost more than the matching.
 */
export class TerminalsReader {
  private readonly cased: string[];

  constructor(private readonly t: TerminalsSnapshot) {
    this.cased = t.cased === '' ? [] : t.cased.split('\n');
  }

  get nodes(): number {
    return this.t.start.length - 1;
  }

  entriesOf(node: number): NameEntry[] | null {
    const t = this.t;
    if (t.start[node] === t.start[node + 1]) return null;
    const list: NameEntry[] = [];
    for (let e = t.start[node]; e < t.start[node + 1]; e++) {
      const cased = t.casedStart[e] === t.casedStart[e + 1] ? null
        : this.cased.slice(t.casedStart[e], t.casedStart[e + 1]).map((c) => (c === '' ? null : c));
      const glued = t.gluedStart[e] === t.gluedStart[e + 1] ? null : Array.from(t.glued.subarray(t.gluedStart[e], t.gluedStart[e + 1]));
      list.push({ concept: t.concept[e], preferred: t.preferred[e] === 1, cased, glued });
    }
    return list;
  }
}
