import { FIRST_NAMES } from './lexicon/first-names.js';
import { MEN_GIVEN_NAMES, WOMEN_GIVEN_NAMES } from './lexicon/given-name-genders.js';
import { lexicon } from './lexicon/index.js';
import { CITIES, COUNTRIES, STREET_PREFIXES, STREET_TYPES } from './lexicon/places.js';
import { SURNAMES } from './lexicon/surnames.js';
import { shiftDate, type DateOrder } from './dates.js';
import { SURNAME_PARTICLES } from './recognizers/name-cues.js';
import { hash32, pick, seededRandom } from './random.js';
import type { PhiCategory } from './types.js';

const WOMEN: ReadonlySet<string> = new Set(WOMEN_GIVEN_NAMES);

const MEN: ReadonlySet<string> = new Set(MEN_GIVEN_NAMES);

/** US towns only (the list ends with world cities), so a surrogate stays plausible next to a state. */
const US_CITIES = CITIES.slice(0, Math.max(1, CITIES.indexOf('london')));

/**
 * The main street types: kept in an address surrogate after a replaced name ("Linnet St." → "Brackley St."); they end
 * a street's name, not a town's ("Lake Street" is a street, "Spring Lake" a town). The other types are words of the
 * name too ("Oak Ridge Rd", "Cedar Point"), and are replaced with it.
 */
const MAIN_STREET_TYPES = new Set(STREET_TYPES);
/** Words an address surrogate keeps wherever they are: street words before a name, units, small words. */
const KEPT_IN_ADDRESS = new Set([...STREET_PREFIXES, 'apt', 'apartment', 'suite', 'ste', 'unit', 'flat', 'floor', 'box', 'p', 'o', 'po',
  'corner', 'of', 'and', 'the', 'at', 'de', 'del', 'la', 'le', 'les', 'des', 'du', 'di', 'da', 'do', 'dos', 'van', 'von', 'der', 'den']);
/**
 * A country closing an address, with only a postal code or a bracketed note after it (not a town named after a
 * country, before its state: "Lebanon, NH").
 */
const COUNTRY_NAMES = [...COUNTRIES].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const COUNTRY_AT_END = new RegExp(String.raw`(?<![\p{L}])(?:${COUNTRY_NAMES})`
  + String.raw`(?=[ \t]*(?:\([^)]*\))?[ \t,]*(?:\d[\d -]*)?[.]?$)`, 'iu');

/**
 * Realistic replacements for one document. The same original (compared case-insensitively, word by word for
 * names) always gets the same surrogate within the document, so "Dr. Vellacott ... Vellacott aware" stays coherent;
 * all dates move by one offset. Everything derives from (seed, document key, original): reruns reproduce.
 */
export class SurrogateMaker {
  private readonly memo = new Map<string, string>();

  /**
   * `dateOrder`: how the document writes numeric dates (dateOrderOf), so that "03/04/2021" beside "28/02/2021" moves
   * as the 3rd of April, not the 4th of March.
   */
  constructor(private readonly seed: string, readonly dateShiftDays: number, private readonly dateOrder?: DateOrder) {}

  /** The replacement for `original` of `category`. */
  make(original: string, category: PhiCategory): string {
    switch (category) {
      // A surname's particles in lower case stay ("de la Cruz" → "de la Perry"): they say nothing of the person, but
      // only before the surname ("dr. le" alone is a name).
      case 'NAME': return this.words(original, (word, i, all) => (i < all.length - 1 && SURNAME_PARTICLES.has(word) ? word
        : this.nameWord(word, i === all.length - 1 && all.length > 1)));
      // A country alone (an address block's last line) is no identifier: kept, as a country closing an address is.
      case 'LOCATION': return lexicon.countries.has(original.replace(/\.$/, '').toLowerCase()) ? original
        : this.memoised('LOCATION', original, (r) => (/^\d{5}(?:-\d{4})?$/.test(original) ? sameShape(original, r)
        : isTown(original) ? this.town(original, r) : this.address(original, r)));
      case 'HOSPITAL': return this.hospital(original);
      case 'DATE': return shiftDate(original, this.dateShiftDays, this.dateOrder);
      case 'AGE': return '90+';
      case 'EMAIL': return this.memoised('EMAIL', original, (r) => `${pick(FIRST_NAMES, r)}.${pick(SURNAMES, r)}@example.org`.replace(/'/g, ''));
      case 'URL': return this.memoised('URL', original, (r) => `https://example.org/${Math.floor(r() * 1e6)}`);
      case 'IP': return this.memoised('IP', original, (r) => `192.0.2.${1 + Math.floor(r() * 254)}`);
      // A phone number's extension mark stays ("x218" → "x604", not "i604").
      case 'PHONE': return this.memoised('PHONE', original, (r) => sameShape(original, r, true));
      default: return this.memoised(category, original, (r) => sameShape(original, r));
    }
  }

  private memoised(kind: string, original: string, create: (random: () => number) => string): string {
    const key = `${kind}\u0000${original.toLowerCase()}`;
    let value = this.memo.get(key);
    if (value === undefined) {
      value = create(seededRandom(hash32(`${this.seed}\u0000${key}`)));
      this.memo.set(key, value);
    }
    return value;
  }

  /**
   * Replaces each word of a multi-word span on its own, keeping the text between words. Words in any script: read as
   * ASCII runs, "Dvořák" was three words and its "ř" and "á" were kept.
   */
  private words(original: string, replace: (word: string, index: number, all: string[]) => string): string {
    const all = original.match(WORD) ?? [];
    let index = 0;
    return original.replace(WORD, (word) => replace(word, index++, all));
  }

  private nameWord(word: string, surname: boolean): string {
    // A generational suffix stays: "Dr. Patel Jr." → "Dr. Riley Jr.".
    if (/^(?:Jr|Sr|JR|SR|II|III|IV)$/.test(word)) return word;
    if (word.length === 1) return this.memoised('INITIAL', word, (r) => styleLike(word, String.fromCharCode(65 + Math.floor(r() * 26))));
    // A given name (from any list: "Søren" too) gets a given name, of the same gender where the name has one; the
    // surrogates come from the US lists.
    const lower = word.toLowerCase();
    const list = surname || !lexicon.firstNames.has(lower) ? SURNAMES
      : WOMEN.has(lower) ? WOMEN_GIVEN_NAMES : MEN.has(lower) ? MEN_GIVEN_NAMES : FIRST_NAMES;
    return this.memoised('NAME', word, (r) => {
      let name = pick(list, r);
      while (name === lower) name = pick(list, r); // never the name itself
      return styleLike(word, name);
    });
  }

  /** "Mount Airy" → "Memphis", "Cedar Falls, IA" → "Norwood, IA": a town, its state's code kept (a state is no identifier). */
  private town(original: string, random: () => number): string {
    const state = STATE_CODE_AT_END.exec(original);
    const name = state === null ? original : original.slice(0, state.index);
    return styleLike(name, pick(US_CITIES, random)) + (state === null ? '' : state[0]);
  }

  /**
   * "27 Linnet St." → "4821 Brackley St.", "Apt. 4, Havrevik, Latvia 40211" → "Apt. 7, Dunmore, Latvia 83920": every
   * number redrawn in its shape and every word replaced, but for units and small words, a main street type after a
   * replaced name, a state's code and a country closing the address. Nothing of a street, town or postal code is left.
   */
  private address(original: string, random: () => number): string {
    const country = COUNTRY_AT_END.exec(original);
    const countryStart = country === null ? original.length : country.index;
    let named = false; // a word of the current part (street, town) was replaced
    return original.replace(/[\p{L}\d][\p{L}\p{M}\d'’]*/gu, (token: string, at: number) => {
      const gap = original.slice(Math.max(0, at - 2), at);
      if (/[,\n]/.test(gap)) named = false;
      if (at >= countryStart) return /^\d/.test(token) ? sameShape(token, random) : token;
      if (/^\d/.test(token)) {
        named = false;
        return sameShape(token, random);
      }
      const key = token.toLowerCase();
      if (KEPT_IN_ADDRESS.has(key)) {
        named = false;
        return token;
      }
      if ((named && MAIN_STREET_TYPES.has(key.replace(/\.$/, ''))) || (/^[A-Z]{2}$/.test(token) && lexicon.states.has(key))) return token;
      named = true;
      return styleLike(token, pick(SURNAMES, random));
    });
  }

  private hospital(original: string): string {
    if (/^[A-Z]{2,5}$/.test(original)) {
      return this.memoised('HOSPITAL', original, (r) => Array.from(original, () => String.fromCharCode(65 + Math.floor(r() * 26))).join(''));
    }
    return this.words(original, (word) => (/^(?:of|st|saint|the)$/i.test(word) ? word : this.memoised('HOSPITAL', word, (r) => styleLike(word, pick(SURNAMES, r)))));
  }
}

/** A state's code closing a town's span: "Cedar Falls, IA". */
const STATE_CODE_AT_END = /,?[ \t]*\b[A-Z]{2}$/;

/** A town's name alone, maybe with its state's code ("Mount Airy", "Cedar Falls, IA"): no number, unit or street's type. */
function isTown(original: string): boolean {
  const words = original.replace(STATE_CODE_AT_END, '').split(/[\s,]+/).filter((w) => w !== '');
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  return words.length <= 4 && !/\d/.test(original) && !MAIN_STREET_TYPES.has(last) && !words.some((w) => KEPT_IN_ADDRESS.has(w.toLowerCase().replace(/\.$/, '')));
}

/** The per-document date offset: 30 to 365 days back or forward, never 0. */
export function dateShiftFor(seed: string, documentKey: string): number {
  const r = seededRandom(hash32(`${seed}\u0000date\u0000${documentKey}`));
  const days = 30 + Math.floor(r() * 336);
  return r() < 0.5 ? -days : days;
}

/** A word of a name, in any script: letters, with their marks and apostrophes. */
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

/** Copies the case style of `like` onto `value`: UPPER, lower or Title Case. */
function styleLike(like: string, value: string): string {
  const letters = like.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return value.toUpperCase();
  if (letters === letters.toLowerCase()) return value.toLowerCase();
  return value.replace(/(^|[\s'-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Digits → random digits, letters → random letters (same case), punctuation kept: "617-555-0123" → "734-208-5519". */
function sameShape(original: string, random: () => number, keepLetters = false): string {
  let first = true;
  return original.replace(keepLetters ? /[0-9]/g : /[0-9A-Za-z]/g, (c) => {
    let out: string;
    if (/\d/.test(c)) out = String(first ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10));
    else {
      const letter = String.fromCharCode(97 + Math.floor(random() * 26));
      out = c === c.toUpperCase() ? letter.toUpperCase() : letter;
    }
    first = false;
    return out;
  });
}
