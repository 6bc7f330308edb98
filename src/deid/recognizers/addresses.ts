import { lexicon } from '../lexicon/index.js';
import { STREET_PREFIXES, STREET_SUFFIXES, STREET_TYPES_COMMON, STREET_TYPES_DISTINCT } from '../lexicon/places.js';
import type { PhiSpan } from '../types.js';
import type { Word } from '../words.js';
import { codeAt } from './chars.js';
import type { DigitRuns } from './shapes.js';

/**
 * Street addresses by their structure, in any language, and the address block they open:
 *
 *   41 Birkholmvej 8     a street line: house number(s), a street name, a number after it ("Birkholmvej 8"),
 *   Suite 4              or a street type after it ("12 Orchard Lane"); then unit lines (Apt., Suite, Unit),
 *   Havrevik             a town line (tagged), a region code line (", KX": not tagged), and a country line
 *   Ruritania 6000       (not PHI: only its postal code is tagged), or a postal code alone.
 *
 * A street name is taken without a block when it carries a street word ("-vej", "-strasse", "Via ...", "Rue ...");
 * a plain "Name 12" line only when a block follows it that no medication or vital-sign line has: a unit line, or a
 * town line with a postal code or a region or country line after it ("Lasix 40" followed by "Metoprolol 25" is no
 * address). Lines may be quoted ("> ") as in forwarded e-mail.
 */

/** The street suffixes by their last letter: a word is tested only against those that end like it. */
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of STREET_SUFFIXES) SUFFIXES_BY_LAST.set(s.slice(-1), [...(SUFFIXES_BY_LAST.get(s.slice(-1)) ?? []), s]);

/** English words that end like a street ("-gate", "-tie", "-gade", "-kade"): "Irrigate 2 times" is an order. */
const NOT_STREETS = new Set(['aggregate', 'investigate', 'navigate', 'delegate', 'irrigate', 'propagate', 'obligate', 'interrogate',
  'surrogate', 'subrogate', 'castigate', 'mitigate', 'litigate', 'instigate', 'variegate', 'tailgate', 'floodgate', 'congregate',
  'segregate', 'abrogate', 'arrogate', 'promulgate', 'fumigate', 'corrugate', 'brigade', 'renegade', 'blockade', 'necktie', 'bowtie',
  'hogtie', 'colgate', 'watergate', 'legate', 'negate', 'gate', 'tie']);

function hasStreetSuffix(key: string): boolean {
  if (NOT_STREETS.has(key)) return false;
  const candidates = SUFFIXES_BY_LAST.get(key.slice(-1));
  return candidates !== undefined && candidates.some((s) => key.length > s.length + 2 && key.endsWith(s));
}
const PREFIXES = new Set(STREET_PREFIXES);
/** Street words written as a word of their own after the name, or abbreviated: "Solvangs gate", "Lindauer Str.", "Petőfi u.". */
const STREET_WORDS = new Set([...STREET_SUFFIXES, ...STREET_PREFIXES, 'u', 'út', 'ut', 'ul', 'al', 'terrasse', 'terrace', 'ulica']);
const TYPES_DISTINCT = new Set(STREET_TYPES_DISTINCT);
const TYPES_COMMON = new Set(STREET_TYPES_COMMON);
const FLAG_STREET_WORD = 1;
const FLAG_PREFIX = 2;
const FLAG_UNIT = 4;
const FLAG_TYPE = 8;
/** What a word can be in an address, one bit each: one look-up per word beside a number. */
const WORD_FLAGS = new Map<string, number>();
function flag(keys: Iterable<string>, bit: number): void {
  for (const key of keys) WORD_FLAGS.set(key, (WORD_FLAGS.get(key) ?? 0) | bit);
}
/** Short words inside street and town names: "Via dei Pini", "Villar de la Sierra", "Most nad Olzou". */
const PARTICLES = new Set(['de', 'des', 'du', 'da', 'do', 'dos', 'das', 'di', 'dei', 'del', 'della', 'delle', 'degli', 'dello', 'dalla', 'zum', 'zur', 'la', 'le', 'les', 'van', 'von', 'der',
  'den', 'op', 'nad', 'pod', 'am', 'an', 'im', 'sur', 'en', 'y', 'e', 'i', 'och', 'og', 'af', 'ter', 'ten', 'het', "d'", 'l']);
/** Lines inside a block that name a unit of the building: "Apt. 12", "Suite 300", "Unit 4B", "Flat 2". */
const UNIT_LINE = /(?:apt|apartment|suite|ste|unit|flat)\.?[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?(?![\w\/.,:-]*\d)/iy;
/** A house number after a street name ("Birkholmvej 8", "Petőfi u. 12"), not a dose, a time or a value with a unit. */
const NUMBER_AFTER = /\.?[ \t]+(\d{1,5}[A-Za-z]?)(?![\d\/:%,.]*\d|[\w\/%'+-])(?![ \t]*(?:mg|mcg|g|kg|ml|cc|l|units?|mm|cm|mmhg|%|x|times|hours?|hrs?|min|mins|minutes|days?|weeks?|years?|yrs?|am|pm|bpm|mph|cans?|bottles?|packs?|cups?|glasses|drinks?|servings?|meals?|tabs?|tablets?|pills?|puffs?|sprays?|drops?|doses?|times?)\b)/iy;
/** House numbers before a street name: the gap before its first word ends with them ("to 1987 74 ", "\n> 583 "). */
const NUMBERS_BEFORE = /(?:^|[ \t\n>:(])((?:\d{1,6}[A-Za-z]?[ \t]+){1,2})$/;
const TITLE = /^\p{Lu}[\p{Ll}'’]/u;
const UPPER_START = /^\p{Lu}/u;
/** A postal code: 3 to 6 digits, or a pair ("412 07", "20440-310", "02115-3400"). */
const POSTAL = String.raw`\d{3,6}(?:[ -]\d{2,4})?`;
/** A town line: capitalised words (small particles and a bracketed alternative allowed), a region code, a postal code. */
const TOWN_LINE = new RegExp(String.raw`(\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4}|\(\p{Lu}[\p{L} .'’-]*\)))*)(?:[ \t]*,[ \t]*(?:\p{Lu}{2,3}|nan))?(?:[ \t]+(${POSTAL}))?`, 'uy');
/** A country's name closing a sentence at a block's line: "Malta. Please ring". */
const COUNTRY_ENDS_SENTENCE = /(\p{Lu}\p{L}*(?:[ \t]+\p{Lu}\p{L}*){0,3})[.?!](?=[ \t]|$)/uy;
const POSTAL_LINE = new RegExp(String.raw`(${POSTAL})(?![\w-])`, 'y');
/**
 * A postal code before the town, as most of Europe (and Japan) writes it: "80331 Neustadt", "412 07 Ostervik", "00-950 Lublinek",
 * "1100-148 Orvela", "150-0042 Quenmachi".
 */
const LEAD_POSTAL = /(\d{4,5}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}-\d{4})[ \t]+(?=\p{Lu})/uy;
/** The same postal codes as one token of a street's line (lineTail; "412 07" is two). */
const LEAD_POSTAL_TOKEN = /^(?:\d{4,5}|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}-\d{4})$/;
/** A region code alone after the town, with its comma (", KX"): "BID" or "PRN" alone on a line is a dose. */
const REGION_LINE = /,[ \t]*(?:\p{Lu}{2,3}|nan)[ \t]*(?=\n|$)/uy;

/** Where the content of the line starting at `lineStart` begins, past a quoting prefix ("> ", ">") and spaces. */
function contentStart(text: string, lineStart: number): number {
  let k = lineStart;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '>')) k++;
  return k;
}

/**
 * The end of the line holding `pos` (its newline or the end of the text), looked for no further than 200
 * characters on: a transcription may be one line of thousands, and no address line is that long.
 */
function lineEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + 200);
  for (let k = pos; k < limit; k++) if (text.charCodeAt(k) === 10) return k;
  return limit;
}

/**
 * Only spaces, tabs and a closing "?", "!" or "." from `pos` to the end of its line. Read by character, stopping
 * at the first other one: a line of a transcription can be thousands of characters long.
 */
function restIsBlank(text: string, pos: number): boolean {
  let k = pos;
  let stops = 0;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c === 32 || c === 9 || c === 13) continue;
    if ((c === 63 || c === 33 || c === 46) && stops === 0) {
      stops++;
      continue;
    }
    return false;
  }
  return true;
}

/** Street words that are abbreviations: taken only with their period ("ul. Sosnowa", "Petőfi u. 12"). */
const ABBREVIATED = new Set(['u', 'ul', 'al', 'str', 'ut']);

function nameWord(text: string, w: Word): boolean {
  // A letter glued to a number is a unit or a code ("1300U 68"), not a name.
  if (/\d$/.test(w.gapBefore)) return false;
  // Units are not part of a street's name ("Rue des Lilas Apt. 4": "Apt" is capitalised).
  if (UNIT_OR_BOX.has(w.key)) return false;
  const surface = text.slice(w.start, w.end);
  // Word.capitalized is for ASCII; a name such as "Þórsgata" is title case too.
  if (w.capitalized || (surface.charCodeAt(0) >= 192 && TITLE.test(surface))) return !ABBREVIATED.has(w.key) || codeAt(text, w.end) === 46;
  // "Avenue d'Ormesson", "Rue l'Abbaye": an elided particle before a capital.
  if (/^[dl]['’]\p{Lu}/u.test(surface)) return true;
  if (STREET_WORDS.has(w.key)) {
    // "RUE 2+", "UL": upper-case abbreviations in notes (right upper extremity, upper lobe) are not street words.
    if (/^\p{Lu}+$/u.test(surface) && surface.length <= 3) return false;
    return !ABBREVIATED.has(w.key) || codeAt(text, w.end) === 46;
  }
  return PARTICLES.has(w.key) && !/^\p{Lu}/u.test(surface);
}

/** The gap between two words of one street name: spaces, a hyphen, or the period of an abbreviation ("ul. ", "C. "). */
function nameGap(gap: string): boolean {
  return /^(?:[ \t]+|-|\.[ \t]+)$/.test(gap);
}

/** The words of a street name that end at word `last` (at most 4): [first index, whether a street word is among them]. */
function nameRun(words: readonly Word[], text: string, last: number): [number, boolean] {
  let first = last;
  let street = false;
  for (let j = last; j >= 0 && j > last - 4; j--) {
    const w = words[j] as Word;
    if (!nameWord(text, w)) break;
    if (lexicon.stop.has(w.key) && !PARTICLES.has(w.key) && !STREET_WORDS.has(w.key)) break;
    first = j;
    // A street word alone ("Gate 4", "Tie 2 sutures") needs a name beside it ("Solvangs gate 4").
    if ((STREET_WORDS.has(w.key) && j !== last) || hasStreetSuffix(w.key)) street = true;
    else if (STREET_WORDS.has(w.key) && j === last && last > 0 && nameWord(text, words[last - 1] as Word) && nameGap(w.gapBefore)) street = true;
    // (A name gap holds no line break: a street name does not go on from the line before.)
    if (j === 0 || !nameGap(w.gapBefore)) break;
  }
  // A particle does not open a name ("de Lattre" is part of "avenue de Lattre", not a name of its own).
  while (first < last && PARTICLES.has((words[first] as Word).key)) first++;
  return [first, street];
}

/** Closings of letters and messages, alone on their line. */
export const SIGN_OFFS = new Set(['regards', 'sincerely', 'thanks', 'cheers', 'best', 'yours', 'respectfully', 'cordially', 'love', 'warmly', 'thank']);

/** Tags a town line's town and postal code at `pos` (a content start); returns whether a town line was there. */
function townLine(text: string, pos: number, found: PhiSpan[], tagTown: boolean, leadingPostal: boolean): { town: boolean; postal: boolean; country: boolean } | null {
  // "80331 Neustadt", "412 07 Ostervik": the postal code before the town, as most of Europe writes it. Taken only
  // after a street already accepted: as evidence it would make "Lasix 40 / 1000 Calorie" an address.
  let lead: PhiSpan | null = null;
  if (leadingPostal) {
    LEAD_POSTAL.lastIndex = pos;
    const l = LEAD_POSTAL.exec(text);
    if (l !== null) {
      lead = { start: pos, end: pos + (l[1] as string).length, category: 'LOCATION' };
      pos += l[0].length;
    }
  }
  // A country may end the block and a sentence: "Malta. Please ring the bell."
  COUNTRY_ENDS_SENTENCE.lastIndex = pos;
  const c = lead === null ? COUNTRY_ENDS_SENTENCE.exec(text) : null;
  if (c !== null && lexicon.countries.has((c[1] as string).toLowerCase())) {
    found.push({ start: pos, end: pos + (c[1] as string).length, category: 'LOCATION' });
    return { town: false, postal: false, country: true };
  }
  TOWN_LINE.lastIndex = pos;
  const m = TOWN_LINE.exec(text);
  if (m === null) return null;
  const end = pos + m[0].length;
  const postal = m[2];
  let town = m[1] as string;
  // A trailing region or country code belongs to no town ("Brimstead NO 4410", "Holmvik nan 2231").
  const words = town.split(/[ \t]+/);
  while (words.length > 1 && (words[words.length - 1] === 'nan' || (/^\p{Lu}{2,3}$/u.test(words[words.length - 1] as string) && !/^\p{Lu}+$/u.test(words[0] as string)))) words.pop();
  town = words.join(' ');
  if (words.length > 6 || town.length > 50) return null;
  const key = town.toLowerCase().replace(/[ \t]*\(.*\)$/, '');
  // A sign-off or a common word on its own line after a unit line ("Apt. 7\nRegards") is not a town.
  if (words.length === 1 && postal === undefined && (lexicon.stop.has(key) || SIGN_OFFS.has(key))) return null;
  const country = lexicon.countries.has(key) || (lexicon.states.has(key) && key.length > 2);
  // Without a postal code the line must end here; with one, a sentence may go on ("... 36903 in case of ...").
  const after = text.slice(end, end + 2);
  if (!(postal !== undefined ? !/^[\w-]/.test(after) : restIsBlank(text, end))) return null;
  if (lead !== null) found.push(lead);
  // The town's line is tagged whole, its region and postal code with it. A country or a state on its own is no
  // identifier, but in an address block it is one of the block's lines: tagged with the rest, so the block is
  // replaced whole. Of a second town-like line (a country we do not know), only the postal code is taken.
  if (tagTown || country) found.push({ start: pos, end, category: 'LOCATION' });
  else if (postal !== undefined) found.push({ start: end - postal.length, end, category: 'LOCATION' });
  return { town: !country, postal: postal !== undefined || lead !== null, country };
}

/**
 * The lines after a street line that ends at `from`: unit lines, one town line, a region line, a country line,
 * a postal code. Returns whether they make a block (a unit line, or a town with a postal code, region or country
 * after it), and the spans they hold (to keep only when the street line needed them, or always).
 */
function blockAfter(text: string, from: number, leadingPostal = false): { block: boolean; spans: PhiSpan[] } {
  const found: PhiSpan[] = [];
  let unit = false;
  let town = false;
  let evidence = false;
  let pos = from;
  for (let line = 0; line < 6; line++) {
    // restIsBlank first: it stops at the first other character, where a search for the newline could run on
    // through a transcription written as one long line.
    if (!restIsBlank(text, pos)) break;
    const nl = text.indexOf('\n', pos);
    if (nl === -1) break;
    const start = contentStart(text, nl + 1);
    if (start >= text.length || text[start] === '\n') break;
    UNIT_LINE.lastIndex = start;
    const u = UNIT_LINE.exec(text);
    if (u !== null && !town && restIsBlank(text, start + u[0].length)) {
      found.push({ start, end: start + u[0].length, category: 'LOCATION' });
      unit = true;
      evidence = true;
      pos = start + u[0].length;
      continue;
    }
    REGION_LINE.lastIndex = start;
    const r = REGION_LINE.exec(text);
    if (r !== null && town) {
      const code = /\p{Lu}{2,3}|nan/u.exec(r[0]) as RegExpExecArray;
      found.push({ start: start + code.index, end: start + code.index + code[0].length, category: 'LOCATION' });
      evidence = true;
      pos = start + r[0].length;
      continue;
    }
    POSTAL_LINE.lastIndex = start;
    const p = POSTAL_LINE.exec(text);
    if (p !== null && (town || unit)) {
      found.push({ start, end: start + p[0].length, category: 'LOCATION' });
      evidence = true;
      break;
    }
    // The first town line is the town; a second such line is a country we do not know (only its code is taken).
    const t = townLine(text, start, found, !town, leadingPostal && !town);
    if (t === null) break;
    if (t.country) {
      evidence = true;
      if (t.postal) break;
    } else if (town) {
      // A second town-like line is a country we do not know only with a postal code ("Greenland 3900"); without
      // one it is more likely a list going on ("Lisinopril 20 / Daily / Continue").
      if (t.postal) evidence = true;
      break;
    } else {
      town = t.town;
      if (t.postal) {
        evidence = true;
        break;
      }
    }
    pos = lineEnd(text, start);
  }
  return { block: unit || (town && evidence), spans: found };
}

/** What follows a street (or a unit) on its own line: see lineTail. */
interface Tail {
  /** The end of the units, the town, and the region and country after it (the street's span goes on to here). */
  readonly end: number;
  /** The postal code, when there is one after the town, region or country. */
  readonly postal: PhiSpan | null;
  /** A unit ("Apt. 4") was there. */
  readonly unit: boolean;
  /** A region code, a country or a postal code followed the town: the line is an address. */
  readonly evidence: boolean;
}

const TAIL_UNIT = /^(?:apt|apartment|suite|ste|unit|flat)\.?$/i;
const TAIL_NUMBER = /^#?\d{1,5}[A-Za-z]?$/;
const TOWN_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\(\p{Lu}[\p{L}'’.-]*\)?|\p{L}+\))$/u;
const REGION_CODE = /^(?:\p{Lu}{2,3}|nan)$/u;
const POSTAL_TOKEN = /^\d{3,6}(?:-\d{2,4})?$/;

/**
 * The rest of a street's line after `pos`, read by words and commas: units ("Apt. 4", "Suite 12"), a town
 * ("Havrevik", "Villar de la Sierra"), a region code (", KX"), a country, a postal code, up to the end of the line or
 * of the sentence ("... Latvia 40211? I will ..."). The town is kept only with evidence after it, or after a unit when
 * it ends the line; the street's span goes on to the country.
 */
function lineTail(text: string, pos: number): Tail {
  const limit = Math.min(lineEnd(text, pos), pos + 160);
  const tokens: { start: number; end: number; word: string; comma: boolean }[] = [];
  const re = /([ \t]*,[ \t]*|[ \t]+)([^\s,?!;]+)/y;
  re.lastIndex = pos;
  let stop = false;
  for (let m = re.exec(text); m !== null && m.index + m[0].length <= limit; m = re.exec(text)) {
    let word = m[2] as string;
    let end = m.index + m[0].length;
    // A sentence ends at a period after a word (not after "Apt" or an initial); the tail stops with it.
    if (/[^.]\.$/.test(word) && !TAIL_UNIT.test(word) && word.length > 2) {
      word = word.slice(0, -1);
      end--;
      stop = true;
    }
    tokens.push({ start: end - word.length, end, word, comma: (m[1] as string).includes(',') });
    if (stop || /^[?!;]/.test(text.slice(end, end + 1))) break;
  }
  let k = 0;
  let end = pos;
  let unit = false;
  while (k + 1 < tokens.length && TAIL_UNIT.test((tokens[k] as { word: string }).word) && TAIL_NUMBER.test((tokens[k + 1] as { word: string }).word)) {
    end = (tokens[k + 1] as { end: number }).end;
    unit = true;
    k += 2;
  }
  // "Lindenstrasse 7, 80331 Neustadt", "Kvarngatan 4, 412 07 Ostervik": a postal code before the town, after a comma,
  // is evidence enough. (Without the comma it may be the next house number: "Apt. 6 4120 Lindevej 3".)
  let leadPostal: PhiSpan | null = null;
  const lead = tokens[k];
  if (lead !== undefined && lead.comma) {
    const second = tokens[k + 1];
    const pair = second !== undefined && !second.comma && /^\d{3}$/.test(lead.word) && /^\d{2}$/.test(second.word);
    const leadTown = tokens[pair ? k + 2 : k + 1];
    if ((pair || LEAD_POSTAL_TOKEN.test(lead.word)) && leadTown !== undefined && TOWN_WORD.test(leadTown.word) && !leadTown.comma) {
      leadPostal = { start: lead.start, end: pair ? (second as { end: number }).end : lead.end, category: 'LOCATION' };
      k += pair ? 2 : 1;
    }
  }
  const none: Tail = { end, postal: null, unit, evidence: false };
  // The town: capitalised words (particles inside), up to a comma, a country, a region code or a postal code.
  const townStart = k;
  while (k < tokens.length) {
    const t = tokens[k] as { word: string; comma: boolean };
    if (k > townStart && t.comma) break;
    // A country's name before a state's code is (the end of) a town's: "Lebanon, NH 03766", "West Lebanon, NH".
    const country = countryAt(tokens, k);
    if (country > 0 && !stateCodeAt(tokens, k + country)) break;
    if (k > townStart && REGION_CODE.test(t.word) && !/^\p{Lu}+$/u.test((tokens[townStart] as { word: string }).word)) break;
    if (!(TOWN_WORD.test(t.word) || (k > townStart && PARTICLES.has(t.word)))) break;
    if (t.word === 'nan') break;
    k++;
  }
  if (k === townStart || k - townStart > 5) return none;
  if (leadPostal !== null) return { end: (tokens[k - 1] as { end: number }).end, postal: leadPostal, unit, evidence: true };
  let townEnd = (tokens[k - 1] as { end: number }).end;
  let evidence = false;
  let postal: PhiSpan | null = null;
  const region = tokens[k];
  // A region code after its comma, or closing the line or before a postal code: "Normal LV size" is no town.
  const afterRegion = tokens[k + 1];
  if (region !== undefined && REGION_CODE.test(region.word)
    && (region.comma || afterRegion === undefined || POSTAL_TOKEN.test(afterRegion.word) || countryAt(tokens, k + 1) > 0)) {
    evidence = true;
    townEnd = region.end;
    k++;
  }
  const country = countryAt(tokens, k);
  if (country > 0) {
    evidence = true;
    k += country;
    townEnd = (tokens[k - 1] as { end: number }).end;
  }
  const code = tokens[k];
  if (code !== undefined && POSTAL_TOKEN.test(code.word)) {
    evidence = true;
    postal = { start: code.start, end: code.end, category: 'LOCATION' };
    k++;
  }
  const lineDone = k === tokens.length && (restIsBlank(text, tokens.length > 0 ? (tokens[tokens.length - 1] as { end: number }).end : pos) || stop);
  if (!evidence && !(unit && lineDone)) return none;
  return { end: townEnd, postal, unit, evidence };
}

/** Nothing after a street on its line. */
function noTail(end: number): Tail {
  return { end, postal: null, unit: false, evidence: false };
}

/** A US state's code after a comma at token `k`. */
function stateCodeAt(tokens: readonly { word: string; comma: boolean }[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.comma && /^[A-Z]{2}$/.test(t.word) && lexicon.states.has(t.word.toLowerCase());
}

/** How many tokens from `k` name a country ("Latvia", "Costa Rica", "Korea (South)"); 0 for none. */
function countryAt(tokens: readonly { word: string }[], k: number): number {
  for (let n = 3; n >= 1; n--) {
    if (k + n > tokens.length) continue;
    const name = tokens.slice(k, k + n).map((t) => t.word).join(' ').toLowerCase();
    if (lexicon.countries.has(name)) {
      // A bracketed note after the country belongs to it: "Korea (South)".
      const next = tokens[k + n];
      return next !== undefined && /^\(.*\)$/.test(next.word) ? n + 1 : n;
    }
  }
  return 0;
}

/** The spans of a street from `start` to its number's end `numberEnd`, with what follows on its line and after it. */
function streetWithRest(text: string, start: number, numberEnd: number, tail: Tail): PhiSpan[] {
  const end = Math.max(numberEnd, tail.end);
  const spans: PhiSpan[] = [{ start, end, category: 'LOCATION' }];
  if (tail.postal !== null) spans.push(tail.postal);
  const after = tail.postal !== null ? tail.postal.end : end;
  if (restIsBlank(text, after)) for (const s of blockAfter(text, after, true).spans) spans.push(s);
  return spans;
}

/**
 * Finds street addresses and their blocks (see above). `words` are the note's words; `runs` its digit runs
 * (scanShapes): every rule has a number next to a word, so only the runs are visited, not every word (a pass over
 * every word's gap cost a sixth of de-identification's time).
 */
export function findAddresses(words: readonly Word[], text: string, runs: DigitRuns): PhiSpan[] {
  const spans: PhiSpan[] = [];
  let doneUntil = 0;
  let k = 0; // the first word that starts after the current run
  for (let r = 0; r < runs.count; r++) {
    const s = runs.starts[r] as number;
    const end = s + (runs.lengths[r] as number);
    if (s < doneUntil) continue;
    // Every rule needs a word right beside the run, one space away ("Lindevej 8", "8 Rue", "Apt. 8"): most runs
    // ("120/80", "BP: 120", "10:30") are refused here by character, before any word is looked up.
    // codeAt, not charCodeAt: a read past either end of the note deoptimized this loop.
    const before = codeAt(text, s - 1);
    const after = codeAt(text, end);
    const b2 = codeAt(text, s - 2);
    const letterBefore = (before === 32 || before === 9) && (isLetterCode(b2) || (b2 === 46 && isLetterCode(codeAt(text, s - 3))));
    const letterAfter = (after === 32 || after === 9) && isLetterCode(codeAt(text, end + 1));
    if (!letterBefore && !letterAfter) continue;
    k = firstWordFrom(words, s, k);
    let found: PhiSpan[] | null = null;
    const prev = letterBefore && k > 0 ? words[k - 1] as Word : undefined;
    if (prev !== undefined && (prev.end === s - 1 || prev.end === s - 2)) {
      const flags = WORD_FLAGS.get(prev.key) ?? 0;
      // "Birkholmvej 8", "Petőfi u. 12": the word before the run is followed by it.
      const p0 = text.charCodeAt(prev.start);
      // "Apt. 9, Havrevik, Latvia 40211", "P.O. Box 12 Ostervik KX": a unit or a box, then a town with evidence
      // (first: a unit is no street's name, and the unit rule takes the street before it).
      if ((flags & FLAG_UNIT) !== 0) found = tryRule(RULE_UNIT_THEN_TOWN, words, text, k - 1, s, end);
      if (found === null && ((p0 >= 65 && p0 <= 90) || p0 >= 192 || (flags & FLAG_STREET_WORD) !== 0)) found = tryRule(RULE_NAME_THEN_NUMBER, words, text, k - 1, s, end);
      // "Havre Falls, MT 59501": a town, a state's code and a ZIP code.
      if (found === null && end - s === 5 && prev.end === s - 1 && prev.key.length === 2) found = tryRule(RULE_TOWN_STATE_ZIP, words, text, k - 1, s, end);
    }
    // "14 Rue des Acacias", "12 Orchard Lane": a house number, then a street word, or a name and a street type.
    const next = letterAfter ? words[k] : undefined;
    if (found === null && next !== undefined && next.start === end + 1) {
      if (((WORD_FLAGS.get(next.key) ?? 0) & FLAG_PREFIX) !== 0) found = tryRule(RULE_NUMBER_THEN_PREFIX, words, text, k, s, end);
      // A street name after a number is capitalised ("120 mg" is not).
      const n0 = text.charCodeAt(next.start);
      if ((n0 >= 65 && n0 <= 90) || n0 >= 192) {
        // The last type word first: "1187 Oak Ridge Rd" ends at "Rd", not at "Ridge".
        let last = k;
        while (last + 1 < words.length && last + 1 <= k + 3 && /^[ \t]+$/.test((words[last + 1] as Word).gapBefore)) last++;
        for (let j = last; found === null && j > k; j--) {
          if (((WORD_FLAGS.get((words[j] as Word).key) ?? 0) & FLAG_TYPE) !== 0) found = tryRule(RULE_NUMBER_THEN_TYPE, words, text, j, s, end);
        }
      }
    }
    if (found === null) continue;
    for (const f of found) {
      spans.push(f);
      if (f.end > doneUntil) doneUntil = f.end;
    }
  }
  return spans;
}

/** The address rules with one signature: `i` is the word the rule starts from, [s, end) the digit run. */
type AddressRule = (words: readonly Word[], text: string, i: number, s: number, end: number) => PhiSpan[] | null;
const RULE_NAME_THEN_NUMBER = 0;
const RULE_UNIT_THEN_TOWN = 1;
const RULE_TOWN_STATE_ZIP = 2;
const RULE_NUMBER_THEN_PREFIX = 3;
const RULE_NUMBER_THEN_TYPE = 4;
const ADDRESS_RULES: readonly AddressRule[] = [
  (words, text, i) => nameThenNumber(words, text, i),
  (words, text, i, _s, end) => unitThenTown(words, text, i, end),
  (words, text, i, _s, end) => townStateZip(words, text, i, end),
  (words, text, i) => numberThenPrefix(words, text, i),
  (words, text, i) => numberThenType(words, text, i),
];

/**
 * Runs address rule `rule` from one call site that sees all five, so none is inlined into findAddresses: each first
 * fires long after findAddresses is optimized (addresses are rare), and inlined, each first firing threw its code
 * away (5 deoptimizations and recompiles of the whole loop a run).
 */
function tryRule(rule: number, words: readonly Word[], text: string, i: number, s: number, end: number): PhiSpan[] | null {
  return (ADDRESS_RULES[rule] as AddressRule)(words, text, i, s, end);
}

/** An ASCII letter, or any character past Latin-1's symbols (letters of other scripts; a cheap over-approximation). */
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192;
}

/** The index of the first word starting at or after `pos`, searched from `from` on (runs come in text order). */
function firstWordFrom(words: readonly Word[], pos: number, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as Word).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A US town line: capitalised words, a comma, a state's code in capitals and a ZIP code ("Havre Falls, MT 59501",
 * "ELLERY HOLLOW, VT 05401-1234"): one span, the state with them. The state code must be a state's
 * and the ZIP no dose ("Heparin, PA 10000 units" would need a unit after it: refused).
 */
function townStateZip(words: readonly Word[], text: string, state: number, end: number): PhiSpan[] | null {
  const st = words[state] as Word;
  if (!lexicon.states.has(st.key) || !/^[A-Z]{2}$/.test(text.slice(st.start, st.end)) || !/^[ \t]*,[ \t]*$/.test(st.gapBefore) || state === 0) return null;
  let zipEnd = end;
  if (/^-\d{4}(?!\d)/.test(text.slice(end, end + 6))) zipEnd = end + 5;
  if (/^[\w\/.%-]|^[ \t]*(?:units?|u|iu|mg|mcg|ug|g|ml|cc|l|meq|mmol|cells|copies|x)\b/i.test(text.slice(zipEnd, zipEnd + 8).replace(/^\.(?!\w)/, ''))) return null;
  let first = state;
  for (let j = state - 1; j >= 0 && j >= state - 4; j--) {
    const c = words[j] as Word;
    const surface = text.slice(c.start, c.end);
    if (!(c.capitalized || /^\p{Lu}{2,}$/u.test(surface) || /^\p{Lu}\p{Ll}/u.test(surface)) || lexicon.stop.has(c.key)) break;
    first = j;
    if (!/^[ \t]+$|^-$/.test(c.gapBefore)) break;
  }
  if (first === state) return null;
  const a = words[first] as Word;
  return [{ start: a.start, end: zipEnd, category: 'LOCATION' }];
}

const ABBREVIATED_TYPES = new Set(['st', 'rd', 'ave', 'av', 'blvd', 'ln', 'dr', 'ct', 'pl', 'ter', 'cir', 'pkwy', 'hwy', 'rte', 'sq', 'str']);

const UNIT_OR_BOX = new Set(['apt', 'apartment', 'suite', 'ste', 'flat', 'box']);

/** A unit or a box number ending at `numberEnd`, then a town and a region, country or postal code on its line. */
function unitThenTown(words: readonly Word[], text: string, i: number, numberEnd: number): PhiSpan[] | null {
  const unit = words[i] as Word;
  if (!UPPER_START.test(text.slice(unit.start, unit.start + 1))) return null;
  const tail = lineTail(text, numberEnd);
  if (!tail.evidence) return null;
  // The box's "P.O." belongs to the span (the box rule of patterns.ts would otherwise keep a piece of its own).
  const po = unit.key === 'box' ? /p\.?[ \t]?o\.?[ \t]*$/i.exec(text.slice(Math.max(0, unit.start - 8), unit.start)) : null;
  const start = po === null ? streetBeforeUnit(words, text, i) ?? unit.start : unit.start - po[0].length;
  return streetWithRest(text, start, numberEnd, tail);
}

/** Between the words of a street's name: spaces, with a number or not ("Avenue d'Orlane 12 Apt"). */
const STREET_NAME_GAP = /^[ \t]+(?:\d{1,5}[A-Za-z]?[ \t]+)?$/;
/** Rooms and services of a hospital before a unit: "OR 12 Endoscopy Suite 3", "2 Hybrid Suite 1", "3 Pathology Box 4". */
const CARE_ROOM = new RegExp(String.raw`(?:ology|scopy|graphy|sis|therapy|^(?:hybrid|cath|lab|clinic|exam|rehab|care|unit|ward|room|bay|pod|floor`
  + String.raw`|tower|wing|center|centre|infusion|procedure|recovery|imaging|surgery|surgical|operating|treatment|rack|shelf|freezer|tray|bin))$`);
/** A capital, or an elided particle before one ("d'Orlane", "l'Église"). */
const ELIDED_OR_UPPER = /^(?:\p{Lu}|[dl]['’]\p{Lu})/u;

/**
 * "2210 Orrinwood Suite 4, Havrevik, Malta 3021", "31 Avenue d'Orlane 12 Apt. 7, ...": before a unit with a
 * town and evidence after it (an address already), a name of up to four words on its line with a house number
 * before it is the street, whatever its type. Returns where the street starts, or null.
 */
function streetBeforeUnit(words: readonly Word[], text: string, unit: number): number | null {
  for (let j = unit - 1; j >= 0 && j >= unit - 4; j--) {
    const c = words[j] as Word;
    if (!STREET_NAME_GAP.test((words[j + 1] as Word).gapBefore)) return null;
    const particle = PARTICLES.has(c.key);
    const common = (lexicon.stop.has(c.key) && !STREET_WORDS.has(c.key) && !lexicon.streetTypes.has(c.key)) || CARE_ROOM.test(c.key);
    if (!particle && (!ELIDED_OR_UPPER.test(text.slice(c.start, c.start + 3)) || common)) return null;
    const { start, numbered } = withHouseNumbers(c);
    if (numbered) return particle ? null : start;
  }
  return null;
}

const RESIDE_VERBS = new Set(['lives', 'live', 'living', 'resides', 'reside', 'residing', 'located', 'situated']);

/** "lives on Harbakken 31", "is located at Pelmark 5": a verb of residing and "on"/"at" before the name at `first`. */
function livesOn(words: readonly Word[], first: number): boolean {
  const prep = words[first - 1] as Word;
  const verb = words[first - 2] as Word;
  return (prep.key === 'on' || prep.key === 'at') && prep.gapBefore === ' ' && (words[first] as Word).gapBefore === ' ' && RESIDE_VERBS.has(verb.key);
}

/** The gap ends with a digit and a space, or holds a line break (or opens the note): see nameThenNumber. */
function numberOrLineBefore(gap: string, firstWord: boolean): boolean {
  const n = gap.length;
  if (n >= 2) {
    const last = gap.charCodeAt(n - 1);
    const digit = gap.charCodeAt(n - 2);
    if ((last === 32 || last === 9) && digit >= 48 && digit <= 57) return true;
  }
  return firstWord || gap.includes('\n');
}

/** The start of a street whose name opens at word `w`: its house numbers before it, when there are any. */
function withHouseNumbers(w: Word): { start: number; numbered: boolean } {
  const m = NUMBERS_BEFORE.exec(w.gapBefore);
  if (m === null) return { start: w.start, numbered: false };
  let numbers = m[1] as string;
  // "Apt. 9 410 Birkholmvej 8": the first number is the apartment's, not the house's.
  if (/[.#][ \t]*\d+[A-Za-z]?[ \t]+\d+[A-Za-z]?[ \t]+$/.test(w.gapBefore)) numbers = numbers.replace(/^\d+[A-Za-z]?[ \t]+/, '');
  return { start: w.start - numbers.length, numbered: true };
}

/** "Birkholmvej 8", "Via Rosmini 12", "41 Harbakken 31" (then a block): a street name and the number after it. */
function nameThenNumber(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  if (!nameWord(text, w)) return null;
  const [first, street] = nameRun(words, text, i);
  const firstWord = words[first] as Word;
  // Most "Name 12" in notes are values ("HR 80", "Lasix 40"): without a street word, a plain name needs a house
  // number before it or a line of its own, told by the gap's last characters before any regex runs.
  const cued = !street && first >= 2 && livesOn(words, first);
  if (!street && !cued && !numberOrLineBefore(firstWord.gapBefore, first === 0)) return null;
  NUMBER_AFTER.lastIndex = w.end;
  const n = NUMBER_AFTER.exec(text);
  if (n === null) return null;
  if (!TITLE.test(text.slice(firstWord.start, firstWord.end)) && !STREET_WORDS.has(firstWord.key)) return null;
  const { start, numbered } = withHouseNumbers(firstWord);
  const numberEnd = w.end + n[0].length;
  // What follows a street and its number on the line is punctuation, a line end, a unit, a town or a postal code,
  // not a word of a sentence ("Heparin via 2 peripheral IVs", "Tie 2 sutures", "Conjugate 20 vaccine").
  if (street && !addressGoesOn(text, numberEnd)) return null;
  if (street || cued) return streetWithRest(text, start, numberEnd, lineTail(text, numberEnd));
  // A plain "Name 12" ("HR 80", "Lasix 40" have the shape: the cheap tests come first) needs a house number or a
  // line of its own, and an address after it: a block on the next lines, or (with a house number) a unit with a
  // town, region, country or postal code on its line ("41 Harbakken 31 Apt. 2, Ostervik").
  if (lexicon.stop.has(firstWord.key) || !(numbered || /(?:^|\n)[ \t>]*$/.test(text.slice(Math.max(0, start - 8), start)))) return null;
  if (restIsBlank(text, numberEnd)) return blockAfter(text, numberEnd).block ? streetWithRest(text, start, numberEnd, noTail(numberEnd)) : null;
  if (!numbered) return null;
  const tail = lineTail(text, numberEnd);
  if (!(tail.unit && (tail.evidence || (restIsBlank(text, tail.end) && blockAfter(text, tail.end).block)))) return null;
  return streetWithRest(text, start, numberEnd, tail);
}

/**
 * After a house number: a line end, punctuation, a digit, a capital, a street or unit word ("... 50 street"), or a
 * small word that goes on with the sentence ("Birkelundvej 14 last year", "... 14 in Ostervik"); not a noun of care.
 */
function addressGoesOn(text: string, pos: number): boolean {
  const m = /^[ \t]*([\p{L}]+)/u.exec(text.slice(pos, pos + 40));
  if (m === null) return true;
  const word = m[1] as string;
  const key = word.toLowerCase();
  return /^\p{Lu}/u.test(word) || STREET_WORDS.has(key) || lexicon.streetTypes.has(key) || UNIT_OR_BOX.has(key) || lexicon.stop.has(key)
    || SENTENCE_GOES_ON.has(key);
}

/** Words after an address in a sentence that the stop list lacks. */
const SENTENCE_GOES_ON = new Set(['last', 'next', 'since', 'until', 'till', 'now', 'today', 'yesterday', 'tomorrow', 'then', 'where', 'which',
  'who', 'whose', 'while', 'when', 'because', 'but', 'or', 'so', 'yet', 'near', 'opposite', 'behind', 'beside']);

/** "14 Rue des Acacias", "6 avenue de Lattre": a house number, a street word, and the name after it to a stop. */
function numberThenPrefix(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  const surface = text.slice(w.start, w.end);
  // "2 via NGT": an English "via" is the route of a drug; the Italian street is written "Via".
  if (w.key === 'via' && !UPPER_START.test(surface)) return null;
  // "x2 RUE Forearm": in capitals, the street word of an address written in capitals ("14 RUE DES LILAS"), not an
  // abbreviation before ordinary words (right upper extremity).
  const after = words[i + 1];
  if (/^\p{Lu}+$/u.test(surface) && after !== undefined && !/^\p{Lu}+$/u.test(text.slice(after.start, after.end))) return null;
  // The name runs to its last capitalised word: "rue des Lilas Blancs", "rue des lieutenants Morel" (not "... now").
  let last = i;
  for (let j = i + 1; j < words.length && j <= i + 5; j++) {
    const c = words[j] as Word;
    if (!/^[ \t]+$/.test(c.gapBefore)) break;
    if ((lexicon.stop.has(c.key) && !PARTICLES.has(c.key)) || UNIT_OR_BOX.has(c.key)) break;
    if (c.capitalized || /^\p{Lu}\p{Ll}/u.test(text.slice(c.start, c.start + 2))) last = j;
  }
  if (last === i) return null;
  const { start } = withHouseNumbers(w);
  const end = (words[last] as Word).end;
  return streetWithRest(text, start, end, lineTail(text, end));
}

/** "402 18 Quarry Hill Road", "77 Elmsworth Dr Fennick Gardens": house numbers, a name, a street type, then a block. */
function numberThenType(words: readonly Word[], text: string, i: number): PhiSpan[] | null {
  const w = words[i] as Word;
  const surface = text.slice(w.start, w.end);
  if (!UPPER_START.test(surface) || i === 0) return null;
  let first = i;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = words[j] as Word;
    const next = words[j + 1] as Word;
    if (!/^[ \t]+$/.test(next.gapBefore) || !TITLE.test(text.slice(c.start, c.end)) || lexicon.stop.has(c.key)) break;
    first = j;
  }
  if (first === i) return null;
  const firstWord = words[first] as Word;
  const { start, numbered } = withHouseNumbers(firstWord);
  if (!numbered) return null;
  let end = w.end;
  // An abbreviated type keeps its period ("Orchard Rd."); a sentence's period stays out ("Larkspur Rapids.").
  if (codeAt(text, end) === 46 && ABBREVIATED_TYPES.has(w.key)) end++;
  // Words after the type to the end of the line belong to the street: "Elmsworth Dr Fennick Gardens".
  const tail = /(?:[ \t]+\p{Lu}[\p{L}'’-]*){1,3}(?=[ \t]*[?!.]?[ \t]*(?:\n|$))/uy;
  tail.lastIndex = end;
  const t = tail.exec(text);
  if (t !== null) end += t[0].length;
  const rest = lineTail(text, end);
  // Without an address after it the street rule of patterns.ts decides the usual types (it knows the clinical
  // look-alikes), and a distinctive type stands alone after a house number of 2+ digits ("41 Larkspur Rapids");
  // with a block or a unit, town, region or country on the line, any type is a street.
  const evidence = rest.evidence || rest.unit || (restIsBlank(text, end) && blockAfter(text, end).block);
  const houseDigits = /(\d+)[A-Za-z]?[ \t]+(?:\d+[A-Za-z]?[ \t]+)?$/.exec(firstWord.gapBefore)?.[1]?.length ?? 0;
  if (!evidence && !(TYPES_DISTINCT.has(w.key) && houseDigits >= 2)) return null;
  return streetWithRest(text, start, end, rest);
}

flag(STREET_WORDS, FLAG_STREET_WORD);
flag(PREFIXES, FLAG_PREFIX);
flag(UNIT_OR_BOX, FLAG_UNIT);
flag([...lexicon.streetTypes, ...TYPES_DISTINCT, ...TYPES_COMMON], FLAG_TYPE);
