// Text → tokens for dictionary matching. Both lexicon names and running text go through the same function, so
// case, hyphen/space variants, Greek letters (α ~ alpha), accents and possessives ('s) compare equal; names' tokens
// are keyed in American spelling, and the matcher looks British ones in running text up that way (americanSpelling).
import { grown } from '../typed-arrays.js';
import type { TokenTable } from './token-table.js';

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa',
  λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', µ: 'mu', // µ: the micro sign, often typed for mu
};

export interface Token {
  /** Offsets of the token in the original text. */
  readonly start: number;
  readonly end: number;
  /** Lowercased, accents removed, a Greek letter spelled out: what the trie is keyed by (in American spelling, see americanSpelling). */
  readonly key: string;
  /** Like key but keeping case (for names whose case matters, e.g. gene symbols). */
  readonly cased: string;
  /** True when nothing separates this token from the one before (`IL6` → `IL`,`6`; `TNFα` → `TNF`,`alpha`). */
  readonly glued: boolean;
}

const enum Kind { Other, Letter, Digit, Greek }

const ASCII_KIND = new Uint8Array(128).map((_, c) => (
  c >= 48 && c <= 57 ? Kind.Digit : (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? Kind.Letter : Kind.Other));

/**
 * By UTF-16 code unit: its Kind + 1, or 0 while not yet looked up (learnKind). A table, so that the scanners'
 * optimized code holds no look-up in GREEK: keyed by the character, that look-up deoptimized them ("wrong name") at
 * each Greek letter not met before they were compiled. 64 KB; ASCII and the Greek letters are filled below.
 */
const KIND_PLUS_ONE = new Uint8Array(0x10000);

function kindOfCode(code: number, text: string, i: number): Kind {
  const known = KIND_PLUS_ONE[code];
  return known !== 0 ? known - 1 : learnKind(code, text[i]);
}

/** The Kind of `ch` (`code`), kept in KIND_PLUS_ONE. */
function learnKind(code: number, ch: string): Kind {
  const kind = code < 128 ? ASCII_KIND[code] as Kind
    : GREEK[ch] !== undefined || GREEK[ch.toLowerCase()] !== undefined ? Kind.Greek
      : /\p{L}|\p{M}/u.test(ch) ? Kind.Letter : /\p{N}/u.test(ch) ? Kind.Digit : Kind.Other;
  KIND_PLUS_ONE[code] = kind + 1;
  return kind;
}

// Filled through kindOfCode itself, which so has run both its ways before any scanner is optimized (the first
// character beyond ASCII of a lexicon build comes late: its look-up then deoptimized the scanner).
for (let c = 0; c < 128; c++) kindOfCode(c, String.fromCharCode(c), 0);
for (const letter of Object.keys(GREEK)) kindOfCode(letter.charCodeAt(0), letter, 0);

/** Token boundaries as typed arrays (no strings made): the matcher's fast path over running text. */
export interface TokenRuns {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** GLUED | ASCII | GREEK_LETTER bits. */
  readonly flags: Uint8Array;
}

/** Nothing separates the token from the one before. */
export const GLUED = 1;
/** Only ASCII characters: the key is the lowercased slice of the text. */
export const ASCII = 2;
/** One Greek letter: the key is its spelled-out name. */
export const GREEK_LETTER = 4;

/**
 * Splits text into runs of letters and runs of digits (a letter–digit change is a token boundary, so `IL6`,
 * `IL-6` and `IL 6` tokenize alike); each Greek letter is its own token, spelled out; everything else
 * separates tokens. A possessive `'s` after a word is dropped (`Alzheimer's` ~ `Alzheimer`).
 */
export function scanTokens(text: string, buffers = new TokenBuffers(16 + (text.length >> 2))): TokenRuns {
  const n = text.length;
  let start = buffers.start;
  let end = buffers.end;
  let flags = buffers.flags;
  let count = 0;
  let i = 0;
  let lastEnd = -1;
  while (i < n) {
    const code = text.charCodeAt(i);
    const kind = kindOfCode(code, text, i);
    if (kind === Kind.Other) {
      // A possessive: apostrophe + s after a letter, before a non-word character. Every test runs at every
      // apostrophe, and none reads past the text: the rarer ones, first run after this was optimized, and a read past
      // an apostrophe that ends a name, deoptimized it (three recompiles in a lexicon build).
      i += code === 39 || code === 0x2019 ? possessiveAt(text, i, n) : 1;
      continue;
    }
    const from = i;
    // A Greek letter is a token of its own; a run of letters or digits goes on. The same operations for both (a
    // Greek letter's own branch, first taken after this was optimized, deoptimized it).
    let ascii = code < 128;
    i += 1;
    if (kind !== Kind.Greek) {
      while (i < n) {
        const c = text.charCodeAt(i);
        // One call for every character: a call for only those beyond ASCII (ASCII from a table here) was
        // first run after this was optimized (a deopt, "Insufficient type feedback for call").
        if (kindOfCode(c, text, i) !== kind) break;
        if (c >= 128) ascii = false;
        i += 1;
      }
    }
    const flag = (from === lastEnd ? GLUED : 0) | (kind === Kind.Greek ? GREEK_LETTER : 0) | (ascii ? ASCII : 0);
    if (count === start.length) {
      buffers.grow();
      ({ start, end, flags } = buffers);
    }
    start[count] = from;
    end[count] = i;
    flags[count] = flag;
    count += 1;
    lastEnd = i;
  }
  if (buffers !== undefined) {
    buffers.start = start;
    buffers.end = end;
    buffers.flags = flags;
  }
  return { count, start, end, flags };
}

/**
 * How far scanTokens steps from the apostrophe at text[i]: 2 over a possessive `'s` (after a letter, before a
 * non-word character or the text's end), else 1.
 */
function possessiveAt(text: string, i: number, n: number): number {
  const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  const before = i > 0 ? kindOfCode(text.charCodeAt(i - 1), text, i - 1) : Kind.Other;
  const after = i + 2 < n ? kindOfCode(text.charCodeAt(i + 2), text, i + 2) : Kind.Other;
  return next === 115 && before === Kind.Letter && after === Kind.Other ? 2 : 1;
}

/**
 * `scanTokens(text, buffers)` for a text of ASCII characters only, read from its bytes (TextBytes: `bytes[i]` is
 * character i for i < n, and `bytes[n]` is 0). The same runs, each flagged ASCII: no Greek letters, and the only
 * apostrophe is `'`. The zero after the text ends every run and possessive test, so the loops check no length.
 */
export function scanAsciiTokens(bytes: Uint8Array, n: number, buffers: TokenBuffers): TokenRuns {
  let start = buffers.start;
  let end = buffers.end;
  let flags = buffers.flags;
  let count = 0;
  let i = 0;
  let lastEnd = -1;
  while (i < n) {
    const code = bytes[i];
    const kind = ASCII_KIND[code];
    if (kind === Kind.Other) {
      // A possessive: apostrophe + s after a letter, before a non-word character (or the text's end: the zero).
      if (code === 39 && bytes[i + 1] === 115 && i > 0 && ASCII_KIND[bytes[i - 1]] === Kind.Letter
        && ASCII_KIND[bytes[i + 2]] === Kind.Other) {
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    const from = i;
    i += 1;
    while (ASCII_KIND[bytes[i]] === kind) i += 1;
    // A growth here, not room for n tokens made before the loop: that branch ran for the one paragraph longer than
    // the buffers (18,241 characters, 16,384 tokens' room, 3,057 tokens), after this was optimized (a deopt).
    if (count === start.length) {
      buffers.grow();
      ({ start, end, flags } = buffers);
    }
    start[count] = from;
    end[count] = i;
    flags[count] = from === lastEnd ? GLUED | ASCII : ASCII;
    count += 1;
    lastEnd = i;
  }
  return { count, start, end, flags };
}

/**
 * Arrays scanTokens may fill instead of allocating three per call (that allocation was most of its cost on
 * short texts such as lexicon names); the runs it returns with them hold until the next call with them.
 */
export class TokenBuffers {
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;

  /** `capacity`: tokens held before the first growth (each first growth was a branch that deoptimized scanTokens). */
  constructor(capacity = 256) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Twice the room (at least 16 tokens), the runs so far kept. */
  grow(): void {
    const room = Math.max(16, 2 * this.start.length);
    this.start = grown(this.start, room);
    this.end = grown(this.end, room);
    this.flags = grown(this.flags, room);
  }
}

const nameBuffers = new TokenBuffers();

/** The token as written, accents removed; a Greek letter spelled out, capitalised if it was upper case. */
export function tokenCased(text: string, runs: TokenRuns, k: number): string {
  const raw = text.slice(runs.start[k], runs.end[k]);
  const flag = runs.flags[k];
  if ((flag & ASCII) !== 0) return raw;
  if ((flag & GREEK_LETTER) !== 0) {
    const spelled = GREEK[raw] ?? GREEK[raw.toLowerCase()];
    return raw !== raw.toLowerCase() ? spelled[0].toUpperCase() + spelled.slice(1) : spelled;
  }
  return raw.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The matching key: the cased form in lower case. */
export function tokenKey(text: string, runs: TokenRuns, k: number): string {
  return (runs.flags[k] & GREEK_LETTER) !== 0
    ? GREEK[text[runs.start[k]]] ?? GREEK[text[runs.start[k]].toLowerCase()]
    : tokenCased(text, runs, k).toLowerCase();
}

/** The tokens of a text as objects (for lexicon names and callers outside the matcher's inner loop). */
export function tokenize(text: string): Token[] {
  const runs = scanTokens(text, nameBuffers);
  const tokens: Token[] = [];
  for (let k = 0; k < runs.count; k++) {
    const cased = tokenCased(text, runs, k);
    tokens.push({ start: runs.start[k], end: runs.end[k], key: cased.toLowerCase(), cased, glued: (runs.flags[k] & GLUED) !== 0 });
  }
  return tokens;
}

/**
 * The singular of a lowercase English word, by suffix rules (`seizures` → `seizure`, `arteries` → `artery`,
 * `lesions` → `lesion`); words ending in -ss, -us, -is stay. Lexicon names and text go through the same rule,
 * so a wrong singular (`diabetes` → `diabete`) still compares equal on both sides.
 */
export function singular(key: string): string {
  const n = key.length;
  if (n < 4 || key.charCodeAt(n - 1) !== 115 /* s */ || !/^[a-z]+$/.test(key)) return key;
  if (key.endsWith('ss') || key.endsWith('us') || key.endsWith('is')) return key;
  if (key.endsWith('ies') && n > 4) return key.slice(0, -3) + 'y';
  if (key.endsWith('sses') || key.endsWith('xes') || key.endsWith('ches') || key.endsWith('shes')) return key.slice(0, -2);
  return key.slice(0, -1);
}

/**
 * A key's British spelling made American, or null when it has none: `tumour` → `tumor`, `haemorrhage` →
 * `hemorrhage`, `oedema` → `edema`, `diarrhoea` → `diarrhea`, `sulphate` → `sulfate`, `aluminium` → `aluminum`.
 * MeSH, and so the lexicon, mostly writes the American forms, UK notes and journals the British ones. Lexicon names
 * (as interned) and text tokens (when their own key is not a name's) both go through this, so a name's own British
 * spelling ("Tumour") still matches. For lowercase keys of six letters or more: `ae` and `oe` (not in a final
 * `-oes`: "heroes") become `e`; `our` after three letters, the last one of those British words have before it
 * (`tumour`, `colour`, `behaviour`, `vapour`, `odour`, `rigour`, not `fluorouracil`, `resource`, `contour`), `or`.
 * Other words it changes ("aerobic" → "erobic") change alike on both sides and so match as before. Over the full lexicon's 72,893
 * distinct tokens it merges 132 pairs, all spellings of one word (`tumour` `tumor`, `tetrachlorethylene`
 * `tetrachloroethylene`) but one: the gene aliases `noelin` and `nelin`.
 */
export function americanSpelling(key: string): string | null {
  if (key.length < 6 || !mayBeBritish(key, 0, key.length) || !/^[a-z]+$/.test(key)) return null;
  // Again until nothing changes: a form the rules change must never be a name's token, or a text token in that form
  // would find it directly instead of its American form ("gastrooesophageal", a name's hyphen left out, is first
  // "gastroesophageal", which is how American text writes "gastresophageal").
  let american = key;
  for (let before = ''; before !== american;) {
    before = american;
    american = american.replace(/ae|oe(?!s?$)/g, 'e').replace(/(?<=[a-z]{2}[bdgilmnpv])our/g, 'or').replace(/sulph/g, 'sulf').replace(/aluminium/g, 'aluminum');
  }
  return american === key ? null : american;
}

/**
 * A running-text token whose own id or singular's id is no name's (-1), looked up again in American spelling (the
 * names' tokens are interned so): the ids of `key`'s American form and of its singular, each kept where it was found.
 */
export function americanIds(tokens: TokenTable, key: string, id: number, singularId: number): { id: number; singular: number } {
  const american = americanSpelling(key);
  if (american === null) return { id, singular: singularId };
  const one = singular(american);
  return {
    id: id >= 0 ? id : tokens.get(american),
    singular: singularId >= 0 || one === american ? singularId : tokens.get(one),
  };
}

/** The letters before the `our` of British words (tum-our, col-our, behavi-our, vap-our, od-our, rig-our), as codes. */
const OUR_AFTER: readonly number[] = [...'bdgilmnpv'].map((c) => c.charCodeAt(0));

/**
 * Might text[start, end) (any case) hold what americanSpelling changes: `ae`, `oe`, `our` after three
 * letters, `sulph`, `inium`? A loop over its characters, making no string: it runs for every token of every lexicon name
 * (a million) and for running text's tokens that no name holds, and most have none of these.
 */
export function mayBeBritish(text: string, start: number, end: number): boolean {
  let b1 = 0, b2 = 0, b3 = 0, b4 = 0; // the four characters before, nearest first
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c === 101 && (b1 === 97 || b1 === 111)) // ae, oe
      || (c === 114 && b1 === 117 && b2 === 111 && i - start >= 5 && OUR_AFTER.includes(b3)) // our (see americanSpelling)
      || (c === 104 && b1 === 112 && b2 === 108 && b3 === 117 && b4 === 115) // sulph
      || (c === 109 && b1 === 117 && b2 === 105 && b3 === 110 && b4 === 105)) return true; // (alum)inium
    b4 = b3;
    b3 = b2;
    b2 = b1;
    b1 = c;
  }
  return false;
}

/** A name's tokens whose case must match in text: an uppercase letter after the first (`TNF`, `mRNA`, `HbA`). */
export function isCaseSensitive(token: Token): boolean {
  const cased = token.cased;
  // Unchanged by lower-casing as a whole: no character after the first changes either.
  if (cased.length <= 1 || cased === token.key) return false;
  for (let i = 1; i < cased.length; i++) {
    const c = cased.charCodeAt(i);
    if (c >= 128) return cased.slice(1) !== cased.slice(1).toLowerCase(); // beyond ASCII: the rule itself
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * The id of the singular of an ASCII letter run of the text when it ends in s and differs, else -1: `singular()`
 * above, rule for rule, making no strings.
 */
export function asciiSingularId(tokens: TokenTable, text: string, start: number, end: number): number {
  const n = end - start;
  if (n < 4) return -1;
  const at = (back: number): number => text.charCodeAt(end - back) | 0x20; // lower case (letters only here)
  if (at(1) !== 115) return -1; // s
  const c2 = at(2);
  if (c2 === 115 || c2 === 117 || c2 === 105) return -1; // -ss, -us, -is stay
  // The rule picks how much to cut and what to add; one look-up after (each call site is compiled code of its own).
  // Every comparison runs on every call: one first run after this was optimized (the rare -sses, -ches) lacked
  // type feedback and deoptimized the functions this is inlined in.
  const c3 = at(3);
  const c4 = at(4);
  const es = c2 === 101, i3 = c3 === 105, s3 = c3 === 115, x3 = c3 === 120, h3 = c3 === 104;
  const s4 = c4 === 115, c4c = c4 === 99, longer = n > 4;
  let cut = 1;
  let suffix = -1;
  if (es && i3 && longer) { // -ies → -y
    cut = 3;
    suffix = 121;
  } else if (es && ((s3 && s4) || x3 || (h3 && (c4c || s4)))) {
    cut = 2; // -sses, -xes, -ches, -shes
  }
  return tokens.getAsciiLower(text, start, end - cut, suffix);
}
