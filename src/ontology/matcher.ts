import type { Concept, LexiconEntry, LinkedSpan } from './types.js';
import { childTokenBit, EdgeTable } from './edge-table.js';
import {
  americanIds, americanSpelling, ASCII, asciiSingularId, GLUED, isCaseSensitive, scanAsciiTokens, scanTokens, singular, TokenBuffers, tokenCased, tokenize, tokenKey,
  type TokenRuns,
} from './normalize.js';
import { grown } from '../typed-arrays.js';
import { TokenTable } from './token-table.js';
import {
  conceptsSnapshot, restoreTokens, SnapshotConcepts, tokensSnapshot, type MatcherSnapshot, type NameEntry,
} from './matcher-snapshot.js';
import { NameEntryTable, NO_NAME } from './name-entries.js';
import { CACHED_TOKEN_LENGTH, EntryField, TextTokenCache, TextTokenIds } from './text-token-cache.js';
import { isStopName } from './stop-names.js';
import { TextBytes } from './text-bytes.js';

/**
 * About how large a matcher will grow: its trie edges (= nodes - 1), distinct name tokens and names. Its tables,
 * sized once from these, need not grow while the lexicon is added: each growth rehashed or copied a table, and
 * the first one of each table, a branch not run before, also made the optimizing compiler throw away and redo the
 * build loop's code (`addName` with what it inlines).
 */
export interface MatcherCapacity {
  readonly edges: number;
  readonly tokens: number;
  readonly names: number;
}

/**
 * A dictionary matcher: a trie over normalised name tokens (see normalize.ts), scanned left to right over the
 * text's tokens.
 *
 * Matching rules:
 * - A match starts and ends at word boundaries: not inside a token run such as `IL6R` or `TNFα`.
 * - The last token of a name may appear in the plural (`seizures` ~ `Seizure`); a one-word disease name also
 *   matches its adjective (`hypertensive` ~ `Hypertension`, `epileptic` ~ `Epilepsy`, see adjectiveForms).
 * - British spellings match the American ones (`tumour` ~ `Tumor`, `haemorrhage` ~ `Hemorrhage`; see americanSpelling).
 * - Case is ignored except in name tokens with an uppercase letter after the first (`TNF`, `mRNA`, `HIV`):
 *   those must match exactly, so gene symbols do not fire on ordinary words (`CAT` vs `cat`). Names of
 *   three characters or fewer and one-word gene names always match case exactly.
 * - Where a name writes letters and digits together (`IL6`), the text must too or use a hyphen (`IL-6`),
 *   so `a 4` is not the alias `a4`.
 * - Not indexed (see indexable): names of one or two characters, a gene's aliases of one to three capitals,
 *   and one-word names in the stop list (common English words that are also names, stop-names.ts).
 * - Longest match first: at each position the longest name wins, and scanning resumes after it.
 *
 * Ambiguity (one name, several concepts) is resolved by, in order: (1) vocabulary rank — MeSH descriptor
 * (`MESH:D`) before MeSH supplementary record (`MESH:C`) before other disease ids (OMIM) before genes (HGNC),
 * since MeSH is what PubMed indexing and BC5CDR use and gene aliases collide with abbreviations; (2) a concept
 * whose preferred name matched before one matched by a synonym; (3) the smaller id. The losers are listed in
 * `alternatives`.
 */
export class EntityMatcher {
  /** The concepts, built here (added) or still in a snapshot (restored; made one by one as needed). */
  private conceptList: Concept[] | null;
  private readonly restoredConcepts: SnapshotConcepts | null;
  private readonly tokenIds: TokenTable;
  private readonly edges: EdgeTable;
  /** The root's children by token id (0: none): every token of a text is looked up here, so keep it dense. */
  private rootChildren: Int32Array;
  /**
   * By token id, ints [2 * id, 2 * id + 1]: a 64-bit summary of the child tokens of the root's child along `id`, bit
   * `childTokenBit(token)` set for each (see resolveTokens). Set by `addName` as edges are made (a pass over the
   * edge table's megabytes when the first text was linked took 12-54 ms of the packing worker's critical path).
   */
  private rootChildBits: Int32Array;
  /** By trie node: the names ending there. */
  private readonly entries: NameEntryTable;
  /** `entries.entriesOf(node)` as made on first use (undefined: not yet). */
  private entryCache: (NameEntry[] | null | undefined)[] = [];
  private nodes: number; // node 0 is the root
  private names: number;
  /**
   * Reused by every `match` (the runs of one text are dropped when it returns), made for paragraphs of up to 16K
   * tokens: growing them was a branch first taken after `match` was optimized (a deoptimization, a recompile).
   */
  private readonly textTokens = new TokenBuffers(TEXT_TOKENS);
  private readonly textTokenIds = new TextTokenIds(TEXT_TOKENS);
  /** The text `match` links, as bytes (filled by each `match`). */
  private readonly textBytes = new TextBytes();
  /** The ids of running text's tokens, made on the first `match` (the lexicon is all added by then). */
  private textTokenCache: TextTokenCache | null = null;
  /** `entries.endings`, made with textTokenCache (`add` drops the cache, so both are made again). */
  private endings: Int32Array = new Int32Array(0);
  /**
   * The names `longestAt`'s match ends in: a concept (index + 1) when it is one name that any text meets, else 0
   * and the ranked entries.
   */
  private foundConcept = 0;
  private foundEntries: NameEntry[] | null = null;

  /**
   * An empty matcher (`add` concepts to it), or one restored from another's `snapshot()`. `capacity`: about how
   * large an empty one will grow (its tables grow past it; see MatcherCapacity).
   */
  constructor(snapshot?: MatcherSnapshot, capacity?: MatcherCapacity) {
    this.restoredConcepts = snapshot === undefined ? null : new SnapshotConcepts(snapshot);
    this.conceptList = snapshot === undefined ? [] : null;
    this.tokenIds = snapshot === undefined ? new TokenTable(capacity?.tokens) : TokenTable.restore(restoreTokens(snapshot));
    this.edges = snapshot === undefined ? new EdgeTable(capacity?.edges) : EdgeTable.restore(snapshot.edges);
    this.rootChildren = snapshot?.rootChildren ?? new Int32Array(Math.max(1 << 16, capacity?.tokens ?? 0));
    this.rootChildBits = snapshot?.rootChildBits ?? new Int32Array(2 * this.rootChildren.length);
    this.entries = snapshot === undefined ? new NameEntryTable(capacity?.edges, capacity?.names) : NameEntryTable.restore(snapshot.entries);
    this.nodes = snapshot === undefined ? 1 : snapshot.entries.head.length;
    this.names = snapshot?.names ?? 0;
  }

  /**
   * The built matcher as plain data for `new EntityMatcher(snapshot)`, e.g. in a worker thread (postMessage
   * copies it). It shares arrays with this matcher: add no concepts to either afterwards.
   */
  snapshot(): MatcherSnapshot {
    return {
      ...(this.conceptList === null ? this.restoredConcepts!.snapshot() : conceptsSnapshot(this.conceptList)), ...tokensSnapshot(this.tokenIds.snapshot()), edges: this.edges.snapshot(),
      rootChildren: this.rootChildren, rootChildBits: this.rootChildBits, entries: this.entries.snapshot(this.nodes), names: this.names,
    };
  }

  /** Every concept, in the order added. */
  get concepts(): Concept[] {
    this.conceptList ??= this.restoredConcepts!.all();
    return this.conceptList;
  }

  private conceptAt(i: number): Concept {
    return this.conceptList !== null ? this.conceptList[i] : this.restoredConcepts!.at(i);
  }

  private get conceptCount(): number {
    return this.conceptList !== null ? this.conceptList.length : this.restoredConcepts!.length;
  }

  /** The names ending at trie node `node` (null: none). */
  private terminalsAt(node: number): NameEntry[] | null {
    if (node >= this.entryCache.length) {
      const bigger = new Array<NameEntry[] | null | undefined>(this.nodes).fill(undefined);
      this.entryCache.forEach((list, k) => { bigger[k] = list; });
      this.entryCache = bigger;
    }
    let list = this.entryCache[node];
    if (list === undefined) list = this.entryCache[node] = this.entries.entriesOf(node);
    return list;
  }

  /** Adds a concept and all its names. */
  add(entry: LexiconEntry): void {
    this.textTokenCache = null; // it may hold "no such token" for a token of the new names
    const concept = this.concepts.length;
    this.concepts.push({ id: entry.id, type: entry.type, preferredName: entry.preferredName });
    // An array, not a Set: a concept has a handful of names (at most a few hundred variants in the full lexicon).
    const seen: string[] = [];
    const addName = (name: string, preferred: boolean): void => {
      const variants: (string | null)[] = nameVariants(name);
      // Every name's adjective is worked out, and kept for a disease only: a branch for diseases alone was first taken
      // after this loop was optimized (the lexicon lists its genes first), which threw its code away (and `add`'s).
      const adjective = adjectiveForm(name);
      // The eponyms alone must be written as in the name, capitals and all (see eponymForm).
      const eponym = entry.type === 'disease' ? eponymForm(name) : null;
      variants.push(entry.type === 'disease' ? adjective : null, eponym);
      for (const variant of variants) {
        if (variant === null || seen.includes(variant)) continue;
        seen.push(variant);
        this.addName(variant, concept, preferred, variant === eponym);
      }
    };
    addName(entry.preferredName, true);
    for (const synonym of entry.synonyms) addName(synonym, false);
  }

  get size(): { concepts: number; names: number; nodes: number; tokens: number } {
    return { concepts: this.conceptCount, names: this.names, nodes: this.nodes, tokens: this.tokenIds.size };
  }

  /** Every linked mention in `text`, in order, non-overlapping. */
  match(text: string): LinkedSpan[] {
    const ascii = this.textBytes.load(text);
    const runs = ascii ? scanAsciiTokens(this.textBytes.bytes, text.length, this.textTokens) : scanTokens(text, this.textTokens);
    const textIds = this.textTokenIds;
    const candidates = this.resolveTokens(text, runs);
    const spans: LinkedSpan[] = [];
    let resume = 0; // the token after the last match
    for (let c = 0; c < candidates; c++) {
      const i = textIds.candidates[c];
      if (i < resume) continue; // inside a match: longest match first
      const last = this.longestAt(text, runs, textIds, c);
      if (last < 0) continue;
      const start = runs.start[i];
      const end = runs.end[last];
      const entries = this.foundEntries;
      const best = this.conceptAt(this.foundConcept > 0 ? this.foundConcept - 1 : (entries![0] as NameEntry).concept);
      // A loop, not `[best, ...rest] = entries.map(...)`: that destructuring met an array of a new map after
      // warm-up ("wrong map") and, in about one run in five, kept deoptimizing `match` there (100-150 times).
      const alternatives: string[] = [];
      if (this.foundConcept === 0) for (let k = 1; k < entries!.length; k++) alternatives.push(this.conceptAt((entries![k] as NameEntry).concept).id);
      spans.push({
        start, end, text: text.slice(start, end), id: best.id, type: best.type, preferredName: best.preferredName,
        alternatives,
      });
      resume = last + 1;
    }
    return spans;
  }

  /**
   * Fills `textTokenIds` for the text's tokens (most from the cache of recent tokens), and returns how many tokens
   * may start a match: those not glued to the token before, that start a name (or their singular does), and at
   * which either a name ends (before a boundary) or the root node's child bits hold the next token or its singular.
   * From any other token the longest-match walk would stop at once; that is five tokens in six of running text.
   * The test is made for the token before, once this one is read, with 0/1 integers and no branches: over half
   * the tokens start some name, in no order a branch predictor learns.
   */
  private resolveTokens(text: string, runs: TokenRuns): number {
    const cache = this.textTokenCache ??= this.makeTextTokenCache();
    const entries = cache.entries;
    const t = this.textTokenIds;
    const count = runs.count;
    const flags = runs.flags;
    const bytes = this.textBytes;
    t.reserve(count + 1);
    let candidates = 0;
    // The token before: 1 if it starts a name and is not glued; its root nodes, their endings and child bits.
    let starts = 0;
    let root = -1;
    let singularRoot = -1;
    let rootEnding = 0;
    let singularRootEnding = 0;
    let low = 0;
    let high = 0;
    for (let k = 0; k < count; k++) {
      const at = (flags[k] & ASCII) !== 0 && runs.end[k] - runs.start[k] <= CACHED_TOKEN_LENGTH
        ? cache.resolve(text, bytes, runs.start[k], runs.end[k])
        : this.placeToken(cache, text, runs, k); // rare: looked up here
      const id = entries[at + EntryField.Id];
      const singular = entries[at + EntryField.Singular];
      t.ids[k] = id;
      t.singulars[k] = singular;
      const free = (flags[k] & GLUED) ^ GLUED; // 1: not glued to the token before (a boundary after it)
      const ending = rootEnding | singularRootEnding;
      const ends = ((ending | -ending) >>> 31) & free; // 1: a name ends at its root nodes (ending != 0)
      const goesOn = childBit(low, high, id) | childBit(low, high, singular);
      t.candidates[candidates] = k - 1;
      t.roots[candidates] = root;
      t.singularRoots[candidates] = singularRoot;
      t.rootEndings[candidates] = rootEnding;
      t.singularRootEndings[candidates] = singularRootEnding;
      candidates += starts & (ends | goesOn);
      root = entries[at + EntryField.Root];
      singularRoot = entries[at + EntryField.SingularRoot];
      rootEnding = entries[at + EntryField.RootEnding];
      singularRootEnding = entries[at + EntryField.SingularRootEnding];
      low = entries[at + EntryField.ChildBitsLow];
      high = entries[at + EntryField.ChildBitsHigh];
      starts = free & (~(root & singularRoot) >>> 31); // 1: not glued, and either root node is >= 0
    }
    // The last token: a boundary after it, no token to go on to.
    const ending = rootEnding | singularRootEnding;
    t.candidates[candidates] = count - 1;
    t.roots[candidates] = root;
    t.singularRoots[candidates] = singularRoot;
    t.rootEndings[candidates] = rootEnding;
    t.singularRootEndings[candidates] = singularRootEnding;
    candidates += starts & ((ending | -ending) >>> 31);
    return candidates;
  }

  private makeTextTokenCache(): TextTokenCache {
    this.endings = this.entries.endings(this.nodes);
    return new TextTokenCache(this.tokenIds, this.rootChildren, this.endings, this.rootChildBits);
  }

  /** The child of `node` along token `id`, or -1. */
  private child(node: number, id: number): number {
    if (node !== 0) return this.edges.get(node, id);
    return id < this.rootChildren.length ? this.rootChildren[id] - 1 : -1;
  }

  private setRootChild(id: number, child: number): void {
    if (id >= this.rootChildren.length) {
      const size = Math.max(id + 1, this.rootChildren.length * 2);
      this.rootChildren = grown(this.rootChildren, size);
      this.rootChildBits = grown(this.rootChildBits, 2 * size);
    }
    this.rootChildren[id] = child + 1;
  }

  /** Looks up token k, beyond ASCII or longer than the cache keeps, and files it in the cache's place for one. */
  private placeToken(cache: TextTokenCache, text: string, runs: TokenRuns, k: number): number {
    const key = tokenKey(text, runs, k);
    const id = this.tokenIds.get(key);
    const one = this.singularId(text, runs, k);
    if (id >= 0 && one >= 0) return cache.place(id, one);
    const ids = americanIds(this.tokenIds, key, id, one); // a British spelling (see americanSpelling)
    return cache.place(ids.id, ids.singular);
  }

  /** The id of the token's singular when it ends in s and differs, else -1. */
  private singularId(text: string, runs: TokenRuns, k: number): number {
    const start = runs.start[k];
    const end = runs.end[k];
    const last = text.charCodeAt(end - 1);
    if (last !== 115 && last !== 83) return -1; // s, S
    if ((runs.flags[k] & ASCII) !== 0) return asciiSingularId(this.tokenIds, text, start, end);
    const key = tokenKey(text, runs, k);
    const one = singular(key);
    return one === key ? -1 : this.tokenIds.get(one);
  }

  /**
   * The last token of the longest match that starts at candidate `c` (token `first`) (-1: none); its names are
   * then in foundConcept / foundEntries. The first token's nodes and their endings come from the candidate's
   * arrays (most starts end there: no name ends at the first token and no edge leads on).
   */
  private longestAt(text: string, runs: TokenRuns, textIds: TextTokenIds, c: number): number {
    const ids = textIds.ids;
    const count = runs.count;
    const endings = this.endings;
    const first = textIds.candidates[c];
    let last = -1;
    let node = textIds.roots[c];
    if (first + 1 >= count || (runs.flags[first + 1] & GLUED) === 0) { // at a boundary
      if (this.namesFit(textIds.rootEndings[c], node, text, runs, first)
        || this.namesFit(textIds.singularRootEndings[c], textIds.singularRoots[c], text, runs, first)) last = first;
    }
    if (node < 0) return last;
    for (let j = first + 1; j < count; j++) {
      const next = ids[j] < 0 ? -1 : this.edges.get(node, ids[j]); // node is not the root here
      if (j + 1 >= count || (runs.flags[j + 1] & GLUED) === 0) { // at a boundary
        let fits = next >= 0 && this.namesFit(endings[next], next, text, runs, first);
        if (!fits) {
          const plural = textIds.singulars[j];
          const end = plural < 0 ? -1 : this.edges.get(node, plural);
          fits = end >= 0 && this.namesFit(endings[end], end, text, runs, first);
        }
        if (fits) last = j;
      }
      if (next < 0) break;
      node = next;
    }
    return last;
  }

  /**
   * Does a name ending at `node` (its endings code `ending`) fit the text's tokens from `first` on? If so, its names
   * are now foundConcept / foundEntries (a later fit replaces them: a longer match).
   */
  private namesFit(ending: number, node: number, text: string, runs: TokenRuns, first: number): boolean {
    if (ending === NO_NAME) return false;
    if (ending > 0) { // one name, which any text meets: no entry objects read
      this.foundConcept = ending;
      this.foundEntries = null;
      return true;
    }
    const entries = this.terminalEntries(node, text, runs, first);
    if (entries === null) return false;
    this.foundConcept = 0;
    this.foundEntries = entries;
    return true;
  }

  /** The names ending at trie node `end` whose case requirements the text tokens meet, ranked. */
  private terminalEntries(end: number, text: string, runs: TokenRuns, first: number): NameEntry[] | null {
    const stored = this.terminalsAt(end);
    if (stored === null) return null;
    // Most nodes hold one name: the stored list itself is the answer (no array made per match).
    if (stored.length === 1) return fitsText(stored[0], text, runs, first) ? stored : null;
    const fitting: NameEntry[] = [];
    for (let k = 0; k < stored.length; k++) if (fitsText(stored[k], text, runs, first)) fitting.push(stored[k]);
    if (fitting.length === 0) return null;
    if (fitting.length === 1) return fitting;
    const byConcept = new Map<number, NameEntry>();
    for (const e of fitting) {
      const had = byConcept.get(e.concept);
      if (had === undefined || (e.preferred && !had.preferred)) byConcept.set(e.concept, e);
    }
    return [...byConcept.values()].sort((a, b) => this.compare(a, b));
  }

  private compare(a: NameEntry, b: NameEntry): number {
    const ca = this.conceptAt(a.concept);
    const cb = this.conceptAt(b.concept);
    return vocabularyRank(ca.id) - vocabularyRank(cb.id)
      || Number(b.preferred) - Number(a.preferred)
      || (ca.id < cb.id ? -1 : ca.id > cb.id ? 1 : 0);
  }

  /** `asWritten`: every token's case must match (not only those isCaseSensitive picks). */
  private addName(name: string, concept: number, preferred: boolean, asWritten: boolean): void {
    if (!indexable(name, this.conceptAt(concept).type, preferred)) return;
    const tokens = tokenize(name);
    if (tokens.length === 0 || tokens.every((t) => allDigits(t.key))) return; // "1990": numbers are not names
    if (tokens.length === 1 && isStopName(tokens[0].key)) return;
    const short = name.length <= 3;
    // A gene's one-word names are symbols (`INS`, `Lobe`, `hole` are aliases, not words).
    const symbol = tokens.length === 1 && this.conceptAt(concept).type === 'gene';
    // Plain loops, not map/flatMap: this runs for every name of the lexicon (300,000 with the full one).
    let cased: (string | null)[] | null = null;
    let glued: number[] | null = null;
    let node = 0;
    let fresh = false;
    let firstId = -1;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      const sensitive = asWritten || short || symbol || (isCaseSensitive(token) && !wordInCapitals(name, tokens.length));
      if (sensitive) (cased ??= new Array<string | null>(tokens.length).fill(null))[k] = token.cased;
      if (token.glued) (glued ??= []).push(k);
      const key = k === tokens.length - 1 && !sensitive ? singular(token.key) : token.key;
      const id = this.tokenIds.intern(key, americanSpelling); // British spellings as American ones
      if (k === 0) firstId = id;
      else if (k === 1) { // an edge from the root's child along firstId: its summary bit
        const bit = childTokenBit(id);
        this.rootChildBits[2 * firstId + (bit >>> 5)] |= 1 << (bit & 31);
      }
      // Below a node made for this name there is nothing yet: no need to look (a look-up is a cache miss).
      let next = fresh ? -1 : this.child(node, id);
      if (next < 0) {
        next = this.nodes++;
        // The root's children live in rootChildren alone: `child` never asks the edge table for them, and their
        // tens of thousands of bits would fill the root's line of its filter (and so the other nodes' on that line).
        if (node === 0) this.setRootChild(id, next);
        else this.edges.set(node, id, next);
        fresh = true;
      }
      node = next;
    }
    this.entries.add(node, { concept, preferred, cased, glued });
    if (node < this.entryCache.length) this.entryCache[node] = undefined; // made again with the new name
    this.names += 1;
  }
}

/** Tokens of one text that `match`'s buffers hold before they grow. */
const TEXT_TOKENS = 1 << 14;

/**
 * Names not worth indexing: one or two characters (`K`, `C5`, `L5`, `AT`: element symbols, vertebrae, dozens of
 * abbreviations; a text's own definitions still link them, abbreviations.ts), and a gene's aliases of one to
 * three capitals (`MRI`, `LAD`, `FOR`: clinical abbreviations first; approved symbols such as `TNF` stay).
 */
function indexable(name: string, type: string, preferred: boolean): boolean {
  const trimmed = name.trim();
  if (trimmed.length <= 2) return false;
  if (type === 'gene' && !preferred && /^[A-Z]{1,3}$/.test(trimmed)) return false;
  return true;
}

/** Bit `childTokenBit(id)` of the 64 child bits (low, high), as 0 or 1; 0 for id -1 (no token). */
function childBit(low: number, high: number, id: number): number {
  const bit = childTokenBit(id);
  const word = (bit & 32) === 0 ? low : high;
  return (word >>> (bit & 31)) & 1 & ~(id >> 31);
}

/** Do the text's tokens from `first` on meet the name's case and gluing requirements? */
function fitsText(e: NameEntry, text: string, runs: TokenRuns, first: number): boolean {
  const cased = e.cased;
  if (cased !== null) {
    for (let k = 0; k < cased.length; k++) {
      const c = cased[k];
      if (c !== null && !casedIs(c, text, runs, first + k)) return false;
    }
  }
  const glued = e.glued;
  if (glued !== null) {
    for (let k = 0; k < glued.length; k++) if (!joinedInText(text, runs, first + glued[k])) return false;
  }
  return true;
}

/** `tokenCased(text, runs, k) === cased`, making no string for an ASCII token (its cased form is its text). */
function casedIs(cased: string, text: string, runs: TokenRuns, k: number): boolean {
  if ((runs.flags[k] & ASCII) === 0) return cased === tokenCased(text, runs, k);
  return cased.length === runs.end[k] - runs.start[k] && text.startsWith(cased, runs.start[k]);
}

/** Token k touches token k - 1 in the text, or only a hyphen separates them (`IL6` ~ `IL-6`, not `IL 6`). */
function joinedInText(text: string, runs: TokenRuns, k: number): boolean {
  const gap = runs.start[k] - runs.end[k - 1];
  return gap === 0 || (gap === 1 && text.charCodeAt(runs.end[k - 1]) === 45 /* - */);
}

/** /^\d+$/ without a regex (tokens are runs of letters or of digits, so this runs once per name). */
function allDigits(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** MeSH descriptors first, then supplementary records, other vocabularies, then genes. */
function vocabularyRank(id: string): number {
  if (id.startsWith('MESH:D')) return 0;
  if (id.startsWith('MESH:C')) return 1;
  if (id.startsWith('HGNC:')) return 3;
  return 2;
}

/**
 * The name and the forms it is also written in: MeSH's inverted `Diabetes Mellitus, Type 2` is also indexed
 * as `Type 2 Diabetes Mellitus`, and `Anti-Inflammatory Agents` also as `Antiinflammatory Agents`.
 */
function nameVariants(name: string): string[] {
  const trimmed = name.trim();
  const variants = [trimmed];
  if (trimmed.indexOf(',') < 0 && trimmed.indexOf('-') < 0) return variants; // most names: nothing below applies
  // `split(', ')` into two non-empty parts, the first not ending in a digit, without the split's array and regex.
  const comma = trimmed.indexOf(', ');
  if (comma > 0 && comma + 2 < trimmed.length && trimmed.indexOf(', ', comma + 2) < 0 && !isDigit(trimmed.charCodeAt(comma - 1))) {
    variants.push(`${trimmed.slice(comma + 2)} ${trimmed.slice(0, comma)}`);
  }
  // A hyphen between letters may also be left out: `anti-inflammatory` ~ `antiinflammatory`.
  for (let i = 0, n = variants.length; i < n; i++) {
    const joined = withoutLetterHyphens(variants[i]);
    if (joined !== null) variants.push(joined);
  }
  return variants;
}

/**
 * `v.replace(/([a-z])-([a-z])/gi, (_, a, b) => a + b.toLowerCase())`, or null where that regex finds nothing, by one
 * scan (a regex test and a replace with a callback per hyphenated name were most of nameVariants' cost). Like the
 * regex, a match takes both letters, so in `a-b-c` only the first hyphen goes (`ab-c`).
 */
function withoutLetterHyphens(v: string): string | null {
  let out: string | null = null;
  let from = 0; // v[from, i) not yet copied to out
  for (let i = v.indexOf('-', 1); i > 0 && i + 1 < v.length; i = v.indexOf('-', i + 1)) {
    if (i - 1 < from || !isAsciiLetter(v.charCodeAt(i - 1)) || !isAsciiLetter(v.charCodeAt(i + 1))) continue;
    out = (out ?? '') + v.slice(from, i) + String.fromCharCode(v.charCodeAt(i + 1) | 0x20);
    from = i + 2;
  }
  return out === null ? null : out + v.slice(from);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Adjectives of one-word disease names, as text uses them (`hypertensive`, `epileptic`, `ischemic`, `thrombotic`,
// `diabetic`): suffix rewrites, longest suffix first.
const ADJECTIVE_SUFFIXES: readonly (readonly [string, string])[] = [
  ['ension', 'ensive'], ['epsy', 'eptic'], ['osis', 'otic'], ['itis', 'itic'], ['emia', 'emic'], ['aemia', 'aemic'],
  ['oxia', 'oxic'], ['thmia', 'thmic'], ['etes', 'etic'], ['ism', 'ian'],
];

/**
 * The adjective of a one-word name as a disease would be written with it, or null (most names: no array made for none).
 * `add` works it out for every name and keeps it for diseases only.
 */
function adjectiveForm(name: string): string | null {
  if (name.length < 6 || name.indexOf(' ') >= 0 || !/^[A-Za-z]{6,}$/.test(name)) return null; // most names: several words
  const lower = name.toLowerCase();
  for (const [noun, adjective] of ADJECTIVE_SUFFIXES) {
    if (lower.endsWith(noun)) return lower.slice(0, -noun.length) + adjective;
  }
  return null;
}

/**
 * The eponyms of a disease named after two people or more, as text writes it alone ("Lesch-Nyhan patients",
 * "Tay-Sachs carriers", "von Hippel-Lindau tumours"): `Lesch-Nyhan Syndrome` → `Lesch-Nyhan`; null for any other
 * name. Not a single eponym: "Down", "Cushing" and "Parkinson" alone are also people and words. Names of two
 * findings have the same shape ("Myalgia-Arthralgia Syndrome", "Deafness-Dystonia Syndrome"), which is why the
 * variant is matched as written: an eponym is capitalised in text, "myalgia/arthralgia" is not.
 */
function eponymForm(name: string): string | null {
  if (name.indexOf('-') < 0 || !(name.endsWith(' Syndrome') || name.endsWith(' Disease'))) return null;
  return /^((?:von |de )?[A-Z][a-z]+(?:-[A-Z][a-z]+)+)(?:'s?)? (?:Syndrome|Disease)$/.exec(name)?.[1] ?? null;
}

/**
 * A disease's or chemical's one-word name written in capitals and long enough to be a word, not an acronym
 * ("ANXIETY", "VITILIGO"): a list's way of writing, matched in any case like the word (as an acronym, "anxiety" in
 * text would not match it). Not a past participle: the full lexicon has OMIM's "INCLUDED" as a name. Genes never get
 * here: their one-word names are symbols.
 */
function wordInCapitals(name: string, tokens: number): boolean {
  return tokens === 1 && name.length >= 6 && /^[A-Z]+$/.test(name) && !name.endsWith('ED');
}
