import { AMBIGUOUS_NAMES, FUNCTION_WORDS, STOP_WORDS } from './common-words.js';
import { FIRST_NAMES } from './first-names.js';
import { MORE_GIVEN_NAMES } from './given-names-more.js';
import { AMBIGUOUS_CITIES, CITIES, CONTINENTS, COUNTRIES, FACILITY_HEADS, HOSPITAL_ABBREVIATIONS, REGION_WORDS, STATES, STREET_TYPES } from './places.js';
import { SURNAMES } from './surnames.js';
import { WORLD_GIVEN_NAMES, WORLD_SURNAMES } from './world-names.js';

/** Letters that no canonical decomposition takes apart, written as an English text without diacritics would. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', ß: 'ss', þ: 'th', ð: 'd', ı: 'i' };

/** "Søren" as "soren", "Józef" as "jozef": names are often written without their diacritics outside their language. */
function withoutDiacritics(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[øłđæßþðı]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** The names as written and without their diacritics. */
function bothSpellings(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const plain = withoutDiacritics(name);
    return plain === name ? [name] : [name, plain];
  });
}

/** The word lists as sets, built once (lower case). */
export const lexicon = {
  firstNames: new Set([...FIRST_NAMES, ...MORE_GIVEN_NAMES, ...bothSpellings(WORLD_GIVEN_NAMES)]),
  surnames: new Set([...SURNAMES, ...bothSpellings(WORLD_SURNAMES)]),
  stop: new Set(STOP_WORDS),
  functionWords: new Set(FUNCTION_WORDS),
  // The further given names are taken with a cue, as names that are also words are (many are words of other
  // languages, drugs' and devices' names or abbreviations as well: "cara", "IVA", "WES"), or alone where a mixed-case
  // note writes them in title case (`titleCaseNames`).
  ambiguousNames: new Set([...AMBIGUOUS_NAMES, ...MORE_GIVEN_NAMES]),
  titleCaseNames: new Set(MORE_GIVEN_NAMES),
  cities: new Set(CITIES),
  ambiguousCities: new Set(AMBIGUOUS_CITIES),
  /** Longest city name in words, for multi-word look-ups. */
  cityMaxWords: Math.max(...CITIES.map((c) => c.split(' ').length)),
  /** First words of city names: only these start a gazetteer look-up. */
  cityFirstWords: new Set(CITIES.map((c) => c.split(' ')[0] ?? '')),
  states: new Set(STATES),
  /** Countries (not identifiers under Safe Harbor): not tagged alone ("I'm in Malta"), only inside an address block. */
  countries: new Set(COUNTRIES),
  /** Continents and larger regions: no identifiers, alone or after a movement. */
  continents: new Set(CONTINENTS),
  /** Direction and kind words before a region's name ("South Korea"): no town after "born in". */
  regionWords: new Set(REGION_WORDS),
  facilityHeads: new Set(FACILITY_HEADS),
  hospitalAbbreviations: new Set(HOSPITAL_ABBREVIATIONS),
  streetTypes: new Set(STREET_TYPES),
};

export function isKnownName(lower: string): boolean {
  return lexicon.firstNames.has(lower) || lexicon.surnames.has(lower);
}

/** A list name that is safe to take without context: not a common word, eponym or abbreviation. */
export function isUnambiguousName(lower: string): boolean {
  return isKnownName(lower) && !lexicon.ambiguousNames.has(lower) && !lexicon.stop.has(lower);
}
