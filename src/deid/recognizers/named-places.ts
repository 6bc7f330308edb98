import { BUSINESS_HEADS, CHAIN_STORES } from '../lexicon/businesses.js';
import { lexicon } from '../lexicon/index.js';
import type { PhiSpan } from '../types.js';
import { cleanGap, type Word } from '../words.js';
import { MONTH_KEY_SET, WEEKDAY_KEY_SET } from './calendar-words.js';
import { TITLES } from './name-cues.js';
import { CARE_WORDS, DEPARTMENT_ENDING, GENERIC_HEADS, NAMING_HEADS, OPENING_VERBS } from './place-cues.js';

/**
 * Places a person goes that are not places of care, named by a capitalised name before their head: "Fairmont High
 * School", "Mount Zion Missionary Baptist Church", "Frick Park", "Cordova Mall", "Hutchings Funeral Home". Where a
 * patient studies, prays, is buried or was found identifies them as much as a street. The span is the whole name, head
 * included (a school's name without "School" reads as a town); care facilities keep the head out (places.ts).
 *
 * Only in mixed-case notes, where the capitals are the evidence: "graduated high school", "goes to church" name none.
 */
export const PLACE_HEADS = new Set(['school', 'academy', 'college', 'church', 'parish', 'cathedral', 'chapel', 'temple', 'synagogue', 'mosque',
  'mission', 'cemetery', 'park', 'mall', 'arena', 'stadium', 'library', 'airport', 'lodge', 'elementary']);
/** Heads that are a kind of home: "Funeral Home". */
const HOME_KINDS = new Set(['funeral']);
/**
 * Words between a name and its head that say what kind of place it is, inside the span: "Lakota East High School",
 * "Greater Allen AME Church", "Westfield Shopping Mall". Alone before the head they name nothing ("High School").
 */
const PLACE_KINDS = new Set(['high', 'elementary', 'middle', 'primary', 'secondary', 'junior', 'senior', 'grammar', 'preparatory', 'prep',
  'charter', 'public', 'catholic', 'christian', 'baptist', 'methodist', 'lutheran', 'episcopal', 'presbyterian', 'ame', 'missionary',
  'pentecostal', 'evangelical', 'orthodox', 'apostolic', 'adventist', 'bible', 'reformed', 'united', 'community', 'memorial', 'funeral',
  'international', 'regional', 'municipal', 'county', 'city', 'state', 'shopping', 'sports', 'recreation', 'national', 'day', 'art', 'arts']);
/** Words before a head that make it a kind or a subject, never a name: "Medical School", "Sunday School", "Law School". */
const NOT_PLACE_NAMES = new Set(['medical', 'nursing', 'graduate', 'law', 'business', 'dental', 'summer', 'night', 'boarding', 'special', 'regular',
  'home', 'grade', 'trade', 'technical', 'vocational', 'driving', 'dog', 'car', 'parking', 'trailer', 'theme', 'water', 'amusement', 'skate',
  'national', 'state', 'royal', 'local', 'nearby', 'new', 'old', 'attends', 'attended', 'started', 'finished', 'completed', 'quit',
  'misses', 'missed', 'bible', 'sunday', 'hebrew', 'religious', 'catholic', 'christian', 'private', 'public', 'church', 'school',
  'police', 'military', 'naval', 'air', 'force', 'army', 'fire', 'flight', 'cadet', 'music', 'dance', 'language', 'film', 'cooking', 'beauty',
  // Faiths and kinds of church or temple ("Roman Catholic Church", "Hindu Temple"), and what a person is of one ("Member of").
  'roman', 'greek', 'lds', 'mormon', 'anglican', 'nazarene', 'southern', 'unitarian', 'universalist', 'assembly', 'god', 'jewish',
  'hindu', 'sikh', 'buddhist', 'muslim', 'islamic', 'coptic', 'quaker', 'amish', 'mennonite', 'holiness', 'member', 'members', 'part', 'pastor',
  'priest', 'deacon', 'elder', 'minister', 'congregation', 'med', 'grad', 'rv', 'mobile']);
/** The heads and kinds: no name of their own, so not found again elsewhere in the note as a place ("did well in school"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set([...PLACE_HEADS, ...PLACE_KINDS, 'home', ...BUSINESS_HEADS,
  // The words of chains' names that are common words ("1 dollar"): a chain is found where it is written whole. Not
  // those that are towns or surnames as often.
  'dollar', 'general', 'family', 'tree', 'food', 'foods', 'lion', 'city', 'depot', 'king', 'bell', 'house', 'barrel', 'club', 'mart', 'shop',
  'drug', 'drugs', 'market', 'waffle', 'taco', 'burger', 'cracker', 'save', 'stop', 'jewel', 'chemist', 'shoppers', 'aid', 'giant']);

/** What the place rules share with this one: the note's words, whether it is mixed-case, the spans found. */
export interface PlaceNote {
  readonly words: readonly Word[];
  readonly text: string;
  readonly mixed: boolean;
  readonly spans: PhiSpan[];
  at(i: number): Word | undefined;
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Title case as written ("School", not "SCHOOL" or "school"). */
function titleCase(n: PlaceNote, w: Word): boolean {
  return isCapital(n.text.charCodeAt(w.start)) && w.capitalized;
}

/** Word `k` opens its sentence or line: "Attends Little Sprouts ..." starts with a verb, not a name. */
function opensSentence(n: PlaceNote, k: number): boolean {
  return k === 0 || /[.!?\n]/.test((n.at(k) as Word).gapBefore);
}

/** A word that can be part of a place's own name: capitalised, no function, care or calendar word, no department. */
function nameWord(n: PlaceNote, k: number): boolean {
  const w = n.at(k);
  if (w === undefined) return false;
  // "Bread of Life Mission": "of" between two words of the name.
  if (w.key === 'of') return n.text.slice(w.start, w.end) === 'of' && nameWord(n, k - 1);
  if (!(titleCase(n, w) || /^[A-Z]{2,}$/.test(n.text.slice(w.start, w.end)))) return false;
  if (lexicon.stop.has(w.key) || CARE_WORDS.has(w.key) || GENERIC_HEADS.has(w.key) || MONTH_KEY_SET.has(w.key) || WEEKDAY_KEY_SET.has(w.key)
    || NOT_PLACE_NAMES.has(w.key) || NAMING_HEADS.has(w.key) || TITLES.has(w.key) || DEPARTMENT_ENDING.test(w.key)) return false;
  // "Attends Quenby Elementary": a verb opening the sentence is no part of the name.
  return !(OPENING_VERBS.has(w.key) && opensSentence(n, k));
}

/** Finds the place whose head is word `head`; true when one was found. */
export function namedPlace(n: PlaceNote, head: number): boolean {
  const w = n.at(head) as Word;
  if (!n.mixed || !titleCase(n, w)) return false;
  const next = n.at(head + 1);
  // "College of Physicians", "Park Avenue", "Chapel Hill": a body, a street or a town, not this kind of place.
  if (next !== undefined && cleanGap(next.gapBefore) && (next.key === 'of' || lexicon.streetTypes.has(next.key) || next.key === 'hill')) return false;
  let last = head;
  if (w.key === 'home') {
    if (!HOME_KINDS.has(n.at(head - 1)?.key ?? '')) return false;
    last = head - 1;
  }
  // "Roxhill Elementary" ends at the kind, without "School".
  if (w.key === 'elementary' && next !== undefined && cleanGap(next.gapBefore) && next.key === 'school') return false;
  let k = last - 1;
  while (k >= 0 && PLACE_KINDS.has((n.at(k) as Word).key) && titleCase(n, n.at(k) as Word) && cleanGap((n.at(k + 1) as Word).gapBefore)) k--;
  let first = k + 1;
  for (let j = k; j >= Math.max(0, k - 3); j--) {
    const c = n.at(j) as Word;
    const after = n.at(j + 1) as Word;
    const saintDot = (c.key === 'st' || c.key === 'mt') && /^\.[ \t]*$/.test(after.gapBefore);
    if (!cleanGap(after.gapBefore) && !saintDot && after.gapBefore !== '-') break;
    if (c.key === 'st' || c.key === 'saint' || c.key === 'mt' || c.key === 'mount') { first = j; break; }
    if (!nameWord(n, j)) break;
    first = j;
  }
  while (first <= k && (n.at(first) as Word).key === 'of') first++;
  if (first > k) return false;
  // "Our Lady of Guadalupe Parish": the Virgin's title opens the name.
  if (n.at(first)?.key === 'lady' && n.at(first - 1)?.key === 'our') first -= 1;
  else if (n.at(first - 1)?.key === 'of' && n.at(first - 2)?.key === 'lady' && n.at(first - 3)?.key === 'our') first -= 3;
  const firstWord = n.at(first) as Word;
  // "Dr. Park", "Sung-min Park", "Mr Temple": a person's surname after a title or a given name.
  if (TITLES.has(n.at(first - 1)?.key ?? '') || ((w.key === 'park' || w.key === 'temple' || w.key === 'lodge') && lexicon.firstNames.has(firstWord.key))) return false;
  n.spans.push({ start: firstWord.start, end: w.keyEnd, category: 'LOCATION' });
  return true;
}

/** The chains by the key of their first word ("rite" for "rite aid", "trader" for "trader joe's"). */
const CHAINS_BY_FIRST_KEY: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const name of CHAIN_STORES) {
    const key = (/^[a-z]+/.exec(name)?.[0] ?? '');
    map.set(key, [...(map.get(key) ?? []), name]);
  }
  // The longest name first: "dunkin donuts" before "dunkin".
  for (const names of map.values()) names.sort((a, b) => b.length - a.length);
  return map;
})();
export const CHAIN_FIRST_KEYS: ReadonlySet<string> = new Set(CHAINS_BY_FIRST_KEY.keys());
const BUSINESS_HEAD_AFTER = new RegExp(`^(?:[ \\t]+(?:${BUSINESS_HEADS.join('|')})\\b)?`, 'i');

/**
 * "picked up from Walgreens", "works at the Rite Aid", "Kroger Pharmacy #512": a chain's name (lexicon/businesses.ts)
 * written with its capital (or in capitals) in a mixed-case note, in any case in a single-case note, with its head; a
 * store's number is the identifier rules' ("Walgreens #12345").
 */
export function chainStore(n: PlaceNote, i: number): void {
  const w = n.at(i) as Word;
  const names = CHAINS_BY_FIRST_KEY.get(w.key);
  // "Dr. Meijer", "Mr Kroger": a surname after a title. In a single-case note no name of three letters ("KFC", "QFC":
  // abbreviations as often).
  if (names === undefined || (n.mixed && !isCapital(n.text.charCodeAt(w.start))) || TITLES.has(n.at(i - 1)?.key ?? '')) return;
  for (const name of names) {
    const end = w.start + name.length;
    if (n.text.slice(w.start, end).toLowerCase() !== name || /[\p{L}\d]/u.test(n.text.charAt(end)) || (!n.mixed && name.length <= 3)) continue;
    const head = BUSINESS_HEAD_AFTER.exec(n.text.slice(end, end + 24))?.[0] ?? '';
    n.spans.push({ start: w.start, end: end + head.length, category: 'LOCATION' });
    return;
  }
}
