// Builds the precompiled charsmaps of SentencePiece's normalization rules ourselves, from the JS engine's
// Unicode normalization (String.prototype.normalize) plus the NMT rules, following the recipe of Google's
// builder: every code point whose NFKC differs maps to it; decomposed sequences that compose map to their
// composition; rules that shorter rules already imply are dropped. Google compiled its maps with an older
// ICU, so code points added to Unicode since then may map differently (test/tokenizer counts them).
import { MedbertError } from '../../errors.js';
import { compileCharsmap } from '../charsmap.js';

type Rules = Map<string, string>;

const cache = new Map<string, Uint8Array>();

/** The charsmap blob for a rule name spm_train accepts (identity: empty). */
export function charsmapForRule(name: string): Uint8Array {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let rules: Rules;
  switch (name) {
    case 'identity': return new Uint8Array(0);
    case 'nfkc': rules = nfkcRules(false); break;
    case 'nmt_nfkc': rules = nmtRules(nfkcRules(false)); break;
    case 'nfkc_cf': rules = nfkcRules(true); break;
    case 'nmt_nfkc_cf': rules = nmtRules(nfkcRules(true)); break;
    default: throw new MedbertError(`--normalization_rule_name=${name} is not supported: expected nmt_nfkc, nfkc, nmt_nfkc_cf, nfkc_cf or identity`);
  }
  const blob = compileCharsmap(removeRedundant(rules));
  cache.set(name, blob);
  return blob;
}

function isUnicodeChar(cp: number): boolean {
  // ICU's U_IS_UNICODE_CHAR: no surrogates, no noncharacters.
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && !(cp >= 0xfdd0 && cp <= 0xfdef) && (cp & 0xfffe) !== 0xfffe;
}

/** Case foldings that differ from lowercasing (Unicode CaseFolding.txt, C and F entries, Greek and Latin). */
const FOLD_EXTRA: ReadonlyMap<string, string> = new Map([
  ['\u03c2', '\u03c3'], ['\u0345', '\u03b9'], ['\u03d0', '\u03b2'], ['\u03d1', '\u03b8'], ['\u03d5', '\u03c6'],
  ['\u03d6', '\u03c0'], ['\u03f0', '\u03ba'], ['\u03f1', '\u03c1'], ['\u03f5', '\u03b5'], ['\u1e9b', '\u1e61'],
  ['\u017f', 's'], ['\u1fbe', '\u03b9'], ['\u1e9e', '\u00df'],
  ['\u1c80', '\u0432'], ['\u1c81', '\u0434'], ['\u1c82', '\u043e'], ['\u1c83', '\u0441'], ['\u1c84', '\u0442'],
  ['\u1c85', '\u0442'], ['\u1c86', '\u044a'], ['\u1c87', '\u0463'], ['\u1c88', '\ua64b'],
]);

/** Cherokee folds to its capital letters (they were encoded first). */
function isCherokeeSmall(cp: number): boolean {
  return (cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf);
}

function caseFold(s: string): string {
  // NFKC_Casefold approximated with simple (one-to-one) case folding: each character's lowercase when that is
  // one character, plus the foldings lowercasing misses; NFKC around it, twice for stability.
  let out = s.normalize('NFKC');
  for (let round = 0; round < 2; round++) {
    let folded = '';
    for (const ch of out) {
      const extra = FOLD_EXTRA.get(ch);
      if (extra !== undefined) { folded += extra; continue; }
      const cp = ch.codePointAt(0)!;
      if (isCherokeeSmall(cp)) { folded += ch.toUpperCase(); continue; }
      if (cp >= 0x13a0 && cp <= 0x13f5) { folded += ch; continue; }
      const lower = ch.toLowerCase();
      folded += [...lower].length === 1 ? lower : ch;
    }
    out = folded.normalize('NFKC');
  }
  return out;
}

function nfkcRules(fold: boolean): Rules {
  const nfkc = (s: string): string => (fold ? caseFold(s.normalize('NFKC')) : s.normalize('NFKC'));
  const rules: Rules = new Map();
  const norm2orig = new Map<string, string[]>();
  const decomposed = new Set<string>();
  for (let cp = 1; cp <= 0x10ffff; cp++) {
    // Skip the unassigned stretch of planes 3-13 and the private-use planes: nothing there normalizes.
    if (cp === 0x32400) cp = 0xe0000;
    if (cp === 0xf0000) break;
    // CJK unified ideographs neither change under NFKC nor occur in any decomposition: skip them (a third of
    // the assigned code points).
    if (cp === 0x3400) cp = 0x4dc0;
    if (cp === 0x4e00) cp = 0xa000;
    if (cp === 0x20000) cp = 0x2a6e0;
    if (cp === 0x2a700) cp = 0x2ebf0;
    if (cp === 0x30000) cp = 0xe0000;
    if (!isUnicodeChar(cp)) continue;
    const ch = String.fromCodePoint(cp);
    const target = nfkc(ch);
    if (target !== ch) rules.set(ch, target);
    // Compatibility decomposition: ª and ａ count as spellings of a, so ª + U+0300 composes to à too.
    const nfkd = ch.normalize('NFKD');
    if ([...nfkd].length === 1) {
      const list = norm2orig.get(nfkd);
      if (list === undefined) norm2orig.set(nfkd, [ch]); else list.push(ch);
    } else if (nfkd.length > 0) {
      decomposed.add(nfkd);
    }
  }
  // Sequences that compose: every way to spell the decomposition (each character or anything that decomposes
  // to it) maps to the composed form.
  for (const nfd of decomposed) {
    const composed = nfkc(nfd);
    if (composed === nfd) continue;
    for (const spelling of expand([...nfd], norm2orig)) if (spelling !== composed) rules.set(spelling, composed);
  }
  return rules;
}

function expand(chars: string[], norm2orig: Map<string, string[]>): string[] {
  let out = [''];
  for (const c of chars) {
    const alternatives = norm2orig.get(c) ?? [c];
    const next: string[] = [];
    for (const prefix of out) for (const a of alternatives) next.push(prefix + a);
    out = next;
    if (out.length > 1 << 16) return [chars.join('')]; // pathological: keep the plain spelling only
  }
  return out;
}

function nmtRules(rules: Rules): Rules {
  for (const cp of [0x09, 0x0a, 0x0c, 0x0d, 0x1680, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x2581, 0xfeff, 0xfffd, 0x200c]) {
    rules.set(String.fromCodePoint(cp), ' ');
  }
  const deleted = [];
  for (let cp = 0x01; cp <= 0x08; cp++) deleted.push(cp);
  deleted.push(0x0b);
  for (let cp = 0x0e; cp <= 0x1f; cp++) deleted.push(cp);
  deleted.push(0x7f, 0x8f, 0x9f);
  for (const cp of deleted) rules.set(String.fromCodePoint(cp), '');
  // Full-width tilde is kept: Japanese uses it differently from the ASCII one.
  rules.delete('\uff5e');
  return rules;
}

/** Drops multi-character rules whose result the shorter rules already produce. */
function removeRedundant(rules: Rules): Rules {
  const out: Rules = new Map();
  let maxLen = 0;
  const byLength = new Map<number, Array<[string, string]>>();
  for (const [k, v] of rules) {
    const len = [...k].length;
    maxLen = Math.max(maxLen, len);
    if (len === 1) { out.set(k, v); continue; }
    const list = byLength.get(len);
    if (list === undefined) byLength.set(len, [[k, v]]); else list.push([k, v]);
  }
  for (let len = 2; len <= maxLen; len++) {
    for (const [k, v] of byLength.get(len) ?? []) {
      if (v !== applyRules(out, k, len - 1)) out.set(k, v);
    }
  }
  return out;
}

/** Greedy longest-match rewriting with rules of at most maxLen characters. */
function applyRules(rules: Rules, input: string, maxLen: number): string {
  const chars = [...input];
  let out = '';
  for (let i = 0; i < chars.length;) {
    let matched = false;
    for (let len = Math.min(maxLen, chars.length - i); len >= 1; len--) {
      const key = chars.slice(i, i + len).join('');
      const v = rules.get(key);
      if (v !== undefined) { out += v; i += len; matched = true; break; }
    }
    if (!matched) { out += chars[i]; i++; }
  }
  return out;
}
