// Text → tokens for dictionary matching. Both lexicon names and running text go through the same function, so
// case, hyphen/space variants, Greek letters (α ~ alpha), accents and possessives ('s) compare equal.

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa',
  λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', µ: 'mu', // µ: the micro sign, often typed for mu
};

export interface Token {
  /** Offsets of the token in the original text. */
  readonly start: number;
  readonly end: number;
  /** Lowercased, accents removed, a Greek letter spelled out: what the trie is keyed by. */
  readonly key: string;
  /** Like key but keeping case (for names whose case matters, e.g. gene symbols). */
  readonly cased: string;
  /** True when nothing separates this token from the one before (`IL6` → `IL`,`6`; `TNFα` → `TNF`,`alpha`). */
  readonly glued: boolean;
}

const enum Kind { Other, Letter, Digit, Greek }

function kindOfCode(code: number, text: string, i: number): Kind {
  if (code < 128) {
    if (code >= 48 && code <= 57) return Kind.Digit;
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return Kind.Letter;
    return Kind.Other;
  }
  const ch = text[i];
  if (GREEK[ch] !== undefined || GREEK[ch.toLowerCase()] !== undefined) return Kind.Greek;
  return /\p{L}|\p{M}/u.test(ch) ? Kind.Letter : /\p{N}/u.test(ch) ? Kind.Digit : Kind.Other;
}

/**
 * Splits text into runs of letters and runs of digits (a letter–digit change is a token boundary, so `IL6`,
 * `IL-6` and `IL 6` tokenize alike); each Greek letter is its own token, spelled out; everything else
 * separates tokens. A possessive `'s` after a word is dropped (`Alzheimer's` ~ `Alzheimer`).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let lastEnd = -1;
  while (i < n) {
    const code = text.charCodeAt(i);
    const kind = kindOfCode(code, text, i);
    if (kind === Kind.Other) {
      // A possessive: apostrophe + s after a letter, before a non-word character.
      if ((code === 39 || code === 0x2019) && text.charCodeAt(i + 1) === 115 && i > 0
        && kindOfCode(text.charCodeAt(i - 1), text, i - 1) === Kind.Letter
        && (i + 2 >= n || kindOfCode(text.charCodeAt(i + 2), text, i + 2) === Kind.Other)) {
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    const start = i;
    if (kind === Kind.Greek) {
      i += 1;
      const ch = text[start];
      const spelled = GREEK[ch] ?? GREEK[ch.toLowerCase()];
      const cased = ch !== ch.toLowerCase() ? spelled[0].toUpperCase() + spelled.slice(1) : spelled;
      tokens.push({ start, end: i, key: spelled, cased, glued: start === lastEnd });
      lastEnd = i;
      continue;
    }
    let ascii = code < 128;
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (kindOfCode(c, text, i) !== kind) break;
      if (c >= 128) ascii = false;
      i += 1;
    }
    const raw = text.slice(start, i);
    const cased = ascii ? raw : raw.normalize('NFD').replace(/\p{M}/gu, '');
    tokens.push({ start, end: i, key: cased.toLowerCase(), cased, glued: start === lastEnd });
    lastEnd = i;
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

/** A name's tokens whose case must match in text: an uppercase letter after the first (`TNF`, `mRNA`, `HbA`). */
export function isCaseSensitive(token: Token): boolean {
  return token.cased.length > 1 && token.cased.slice(1) !== token.cased.slice(1).toLowerCase();
}
