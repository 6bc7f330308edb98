import { lineAt, lineEnds } from './joined-lines.js';
import type { NameEntry } from './matcher-snapshot.js';
import { grown } from '../typed-arrays.js';

/**
 * NameEntryTable.endings codes, by trie node: 0 (NO_NAME), no name ends there; concept + 1, the names ending there
 * are all of that concept and any text meets them (no case or gluing requirement): it is the match; SOME_NAMES,
 * names to read with `entriesOf` and test against the text.
 */
export const NO_NAME = 0;
export const SOME_NAMES = -1;

/** A NameEntryTable as typed arrays and one string, for another thread to `restore`. */
export interface NameEntryTableSnapshot {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly concept: Int32Array;
  readonly preferred: Uint8Array;
  readonly casedStart: Int32Array;
  /** The cased forms, newline-joined; '' for a token of any case. */
  readonly cased: string;
  readonly gluedStart: Int32Array;
  readonly glued: Int32Array;
  /** NameEntryTable.endings, by node. */
  readonly endings: Int32Array;
}

/**
 * The names ending at each trie node, in typed arrays: per node a linked list of entries, in the order they were
 * added. Building the full lexicon stores 300,000 names; as objects they kept the garbage collector busy for a
 * quarter of the build, and a snapshot had to flatten them again. `entriesOf` makes the objects the matcher
 * compares, for one node at a time.
 */
export class NameEntryTable {
  /** By node: first and last entry + 1 (0: none). */
  private head: Int32Array;
  private tail: Int32Array;
  /**
   * By node: its `endings` code, kept up to date by `add` (a pass over every node when the first text was linked
   * took 11-40 ms of the packing worker's critical path).
   */
  private codes: Int32Array;
  /** By entry: the next entry of its node + 1 (0: none), and its fields. */
  private next: Int32Array;
  private concept: Int32Array;
  private preferred: Uint8Array;
  /** Entry e's cased forms are forms casedStart[e] to casedStart[e + 1] - 1 ('' for any case; an empty range: none). */
  private casedStart: Int32Array;
  /**
   * A built table's cased forms, newline-joined as a snapshot keeps them, as UTF-16 code units (casedLength used):
   * the full lexicon's 180,000 non-empty forms as strings each survived the build's scavenges (copied twice) and
   * filled a growing array of 480,000 slots. Form i ends at casedEnds[i], kept as added: a form is made as the
   * matcher first reads it (a joined string made on the first link, and a scan of its 480,000 line ends, moved the
   * build's saving to the link).
   */
  private casedChars: Uint16Array;
  private casedLength = 0;
  private casedCount = 0;
  private casedEnds: Int32Array;
  /**
   * A restored table's cased forms are still the snapshot's newline-joined string (splitting its ~480,000 forms
   * was a third of restoring the full lexicon's matcher, on the way to the first link): restoredEnds[i] is where
   * form i ends in it, found on first use.
   */
  private restoredCased = '';
  private restoredEnds: Int32Array | null = null;
  /** A restored table reads the snapshot's arrays as they are; the first `add` copies them (see writable). */
  private restored = false;
  private gluedStart: Int32Array;
  private glued: Int32Array = new Int32Array(1 << 10);
  private gluedCount = 0;
  private count = 0;

  /** `nodes`, `entries`: about how many trie nodes and names it will hold (it grows past them). */
  constructor(nodes = 1 << 12, entries = 1 << 12) {
    this.head = new Int32Array(Math.max(16, nodes));
    this.tail = new Int32Array(Math.max(16, nodes));
    this.codes = new Int32Array(Math.max(16, nodes));
    const size = Math.max(16, entries + 2); // `add` keeps two spare: casedStart[e + 1]
    this.next = new Int32Array(size);
    this.concept = new Int32Array(size);
    this.preferred = new Uint8Array(size);
    this.casedStart = new Int32Array(size);
    this.gluedStart = new Int32Array(size);
    this.casedChars = new Uint16Array(Math.max(1 << 12, 4 * entries)); // 4 per name in the full lexicon
    this.casedEnds = new Int32Array(Math.max(1 << 10, 2 * entries)); // 1.5 per name
  }

  add(node: number, entry: NameEntry): void {
    if (this.restored) this.writable();
    if (node >= this.head.length) {
      const size = Math.max(node + 1, this.head.length * 2);
      this.head = grown(this.head, size);
      this.tail = grown(this.tail, size);
      this.codes = grown(this.codes, size);
    }
    const e = this.count++;
    if (this.count + 1 >= this.next.length) {
      const size = this.next.length * 2;
      this.next = grown(this.next, size);
      this.concept = grown(this.concept, size);
      this.preferred = grown(this.preferred, size);
      this.casedStart = grown(this.casedStart, size);
      this.gluedStart = grown(this.gluedStart, size);
    }
    this.next[e] = 0;
    this.concept[e] = entry.concept;
    this.preferred[e] = entry.preferred ? 1 : 0;
    // A name has at least one token, so an empty range means "no case requirement" unambiguously.
    if (entry.cased !== null) for (const c of entry.cased) this.addCased(c ?? '');
    this.casedStart[e + 1] = this.casedCount;
    if (entry.glued !== null) {
      if (this.gluedCount + entry.glued.length > this.glued.length) this.glued = grown(this.glued, 2 * (this.gluedCount + entry.glued.length));
      for (const g of entry.glued) this.glued[this.gluedCount++] = g;
    }
    this.gluedStart[e + 1] = this.gluedCount;
    const anyText = this.casedStart[e] === this.casedStart[e + 1] && this.gluedStart[e] === this.gluedStart[e + 1];
    if (this.tail[node] === 0) {
      this.head[node] = e + 1;
      this.codes[node] = anyText ? entry.concept + 1 : SOME_NAMES;
    } else {
      this.next[this.tail[node] - 1] = e + 1;
      if (!anyText || this.codes[node] !== entry.concept + 1) this.codes[node] = SOME_NAMES;
    }
    this.tail[node] = e + 1;
  }

  /**
   * By node, what the matcher needs to know first of the names ending there (the codes above NO_NAME): kept as
   * names are added, so this is a view of the table's own array (made again after an `add`).
   */
  endings(nodes: number): Int32Array {
    return nodes <= this.codes.length ? this.codes.subarray(0, nodes) : grown(this.codes, nodes);
  }

  /** The entries of `node` in the order added, or null. */
  entriesOf(node: number): NameEntry[] | null {
    if (node >= this.head.length || this.head[node] === 0) return null;
    const list: NameEntry[] = [];
    for (let e = this.head[node] - 1; e >= 0; e = this.next[e] - 1) {
      let cased: (string | null)[] | null = null;
      if (this.casedStart[e] !== this.casedStart[e + 1]) {
        cased = [];
        for (let i = this.casedStart[e]; i < this.casedStart[e + 1]; i++) {
          const c = this.casedForm(i);
          cased.push(c === '' ? null : c);
        }
      }
      const glued = this.gluedStart[e] === this.gluedStart[e + 1] ? null : Array.from(this.glued.subarray(this.gluedStart[e], this.gluedStart[e + 1]));
      list.push({ concept: this.concept[e], preferred: this.preferred[e] === 1, cased, glued });
    }
    return list;
  }

  snapshot(nodes: number): NameEntryTableSnapshot {
    return {
      head: grown(this.head, nodes), next: this.next.slice(0, this.count), concept: this.concept.slice(0, this.count),
      preferred: this.preferred.slice(0, this.count), casedStart: this.casedStart.slice(0, this.count + 1),
      cased: this.restored ? this.restoredCased : charsText(this.casedChars, 0, this.casedLength), gluedStart: this.gluedStart.slice(0, this.count + 1), glued: this.glued.slice(0, this.gluedCount),
      endings: grown(this.codes, nodes),
    };
  }

  /** Cased form i ('' for a token of any case). */
  private casedForm(i: number): string {
    if (this.restored) {
      this.restoredEnds ??= lineEnds(this.restoredCased, this.casedCount);
      return lineAt(this.restoredCased, this.restoredEnds, i);
    }
    return charsText(this.casedChars, i === 0 ? 0 : this.casedEnds[i - 1] + 1, this.casedEnds[i]);
  }

  /** Appends a cased form to casedChars. */
  private addCased(form: string): void {
    const length = this.casedLength + form.length + 1;
    if (length > this.casedChars.length) this.casedChars = grown(this.casedChars, 2 * length);
    const chars = this.casedChars;
    let at = this.casedLength;
    if (this.casedCount > 0) chars[at++] = 10; // \n
    for (let i = 0; i < form.length; i++) chars[at++] = form.charCodeAt(i);
    this.casedLength = at;
    if (this.casedCount === this.casedEnds.length) this.casedEnds = grown(this.casedEnds, 2 * this.casedCount);
    this.casedEnds[this.casedCount++] = at;
  }

  /**
   * A table to read from a snapshot, using its arrays as they are (they are this thread's: postMessage copied
   * them, or the cache read them); adding to it copies them first.
   */
  static restore(s: NameEntryTableSnapshot): NameEntryTable {
    const table = new NameEntryTable(1, 1);
    table.head = s.head;
    table.codes = s.endings;
    table.next = s.next;
    table.concept = s.concept;
    table.preferred = s.preferred;
    table.casedStart = s.casedStart;
    table.gluedStart = s.gluedStart;
    table.restoredCased = s.cased;
    table.casedCount = s.casedStart[s.next.length];
    table.glued = s.glued;
    table.gluedCount = s.glued.length;
    table.count = s.next.length;
    table.restored = true;
    return table;
  }

  /** Makes a restored table one that `add` can grow: its own copies, each node's last entry, the cased forms' chars. */
  private writable(): void {
    const count = this.count;
    this.restored = false;
    this.head = this.head.slice();
    this.codes = grown(this.codes, this.head.length);
    this.tail = new Int32Array(this.head.length);
    for (let node = 0; node < this.head.length; node++) {
      let last = this.head[node];
      while (last !== 0 && this.next[last - 1] !== 0) last = this.next[last - 1];
      this.tail[node] = last;
    }
    this.next = grown(this.next, count + 2);
    this.concept = grown(this.concept, count + 2);
    this.preferred = grown(this.preferred, count + 2);
    this.casedStart = grown(this.casedStart, count + 2);
    this.gluedStart = grown(this.gluedStart, count + 2);
    const joined = this.restoredCased;
    this.casedChars = new Uint16Array(Math.max(1 << 12, 2 * joined.length));
    for (let i = 0; i < joined.length; i++) this.casedChars[i] = joined.charCodeAt(i);
    this.casedLength = joined.length;
    this.casedEnds = grown(this.restoredEnds ?? lineEnds(joined, this.casedCount), Math.max(1 << 10, 2 * this.casedCount));
    this.restoredCased = '';
    this.restoredEnds = null;
    this.glued = this.glued.length > 0 ? this.glued.slice() : new Int32Array(16);
  }
}

/** chars[from, to) as a string: the code units as they are (a decoder would replace lone surrogates). */
function charsText(chars: Uint16Array, from: number, to: number): string {
  if (to - from <= SHORT_TEXT) {
    // A cased form is one token, mostly a few letters: for 5-10 of them a loop took ~40 ns, a spread of the
    // subarray 200-260 and a TextDecoder 100-150 (100,000 calls each); the first link reads one per cased token of
    // every name it meets.
    let text = '';
    for (let i = from; i < to; i++) text += String.fromCharCode(chars[i]);
    return text;
  }
  const parts: string[] = [];
  // Reflect.apply with the typed array, not a spread of it: the full lexicon's 1.26 million code units 22 -> 4 ms (a
  // snapshot of the built matcher, made to cache it, 43 -> 21 ms).
  for (let at = from; at < to; at += CHARS_PER_CALL) parts.push(Reflect.apply(String.fromCharCode, null, chars.subarray(at, Math.min(at + CHARS_PER_CALL, to))) as string);
  return parts.join('');
}

/** Up to this many code units, charsText adds them one by one. */
const SHORT_TEXT = 32;

/** Code units per String.fromCharCode call (each is a function argument). */
const CHARS_PER_CALL = 8192;
