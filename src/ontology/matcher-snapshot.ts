import type { EdgeTableSnapshot } from './edge-table.js';
import { lineAt, lineEnds } from './joined-lines.js';
import type { NameEntryTableSnapshot } from './name-entries.js';
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
  /** By token id, the child-token summary of the root's child along it (see EntityMatcher.rootChildBits). */
  readonly rootChildBits: Int32Array;
  readonly entries: NameEntryTableSnapshot;
  readonly names: number;
}

const ENTITY_TYPES: readonly EntityType[] = ['disease', 'chemical', 'gene'];

export function conceptsSnapshot(concepts: readonly Concept[]): Pick<MatcherSnapshot, 'conceptIds' | 'conceptNames' | 'conceptTypes'> {
  return {
    conceptIds: concepts.map((c) => c.id).join('\n'), conceptNames: concepts.map((c) => c.preferredName).join('\n'),
    conceptTypes: Uint8Array.from(concepts, (c) => ENTITY_TYPES.indexOf(c.type)),
  };
}

/**
 * A snapshot's concepts, made one at a time as the matcher first needs each: restoring all ~70,000 of the full
 * lexicon (two splits and an object each) was a tenth of a packing worker's wait for its matcher, and a run links
 * a few thousand of them.
 */
export class SnapshotConcepts {
  private readonly made: (Concept | undefined)[];
  /** Where each id and preferred name ends in the joined strings; found on first use. */
  private idEnds: Int32Array | null = null;
  private nameEnds: Int32Array | null = null;

  constructor(private readonly s: Pick<MatcherSnapshot, 'conceptIds' | 'conceptNames' | 'conceptTypes'>) {
    this.made = new Array<Concept | undefined>(s.conceptTypes.length);
  }

  get length(): number {
    return this.s.conceptTypes.length;
  }

  at(i: number): Concept {
    let concept = this.made[i];
    if (concept === undefined) {
      this.idEnds ??= lineEnds(this.s.conceptIds, this.length);
      this.nameEnds ??= lineEnds(this.s.conceptNames, this.length);
      concept = this.made[i] = {
        id: lineAt(this.s.conceptIds, this.idEnds, i), type: ENTITY_TYPES[this.s.conceptTypes[i]],
        preferredName: lineAt(this.s.conceptNames, this.nameEnds, i),
      };
    }
    return concept;
  }

  /** All of them, in order. */
  all(): Concept[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** The snapshot fields they came from. */
  snapshot(): Pick<MatcherSnapshot, 'conceptIds' | 'conceptNames' | 'conceptTypes'> {
    return { conceptIds: this.s.conceptIds, conceptNames: this.s.conceptNames, conceptTypes: this.s.conceptTypes };
  }
}

export function tokensSnapshot(t: TokenTableSnapshot): Pick<MatcherSnapshot, 'tokenKeys' | 'tokenSlots'> {
  return { tokenKeys: t.keys.join('\n'), tokenSlots: t.slots };
}

export function restoreTokens(s: MatcherSnapshot): TokenTableSnapshot {
  return { keys: s.tokenKeys === '' ? [] : s.tokenKeys.split('\n'), slots: s.tokenSlots };
}
