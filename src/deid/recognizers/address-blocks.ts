import { lexicon } from '../lexicon/index.js';
import type { PhiSpan } from '../types.js';

/**
 * What follows a street in an address block: units ("Apt. 4"), a town with its region code, postal code and
 * country, on the street's line (lineTail) or on the lines after it (blockAfter). See addresses.ts for the block.
 */

/** Short words inside street and town names: "Via dei Pini", "Villar de la Sierra", "Most nad Olzou". */
export const PARTICLES = new Set(['de', 'des', 'du', 'da', 'do', 'dos', 'das', 'di', 'dei', 'del', 'della', 'delle', 'degli', 'dello', 'dalla', 'zum', 'zur', 'la', 'le', 'les', 'van', 'von', 'der',
  'den', 'op', 'nad', 'pod', 'am', 'an', 'im', 'sur', 'en', 'y', 'e', 'i', 'och', 'og', 'af', 'ter', 'ten', 'het', "d'", 'l']);
/** Lines inside a block that name a unit of the building: "Apt. 12", "Suite 300", "Unit 4B", "Flat 2". */
const UNIT_LINE = /(?:apt|apartment|suite|ste|unit|flat)\.?[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?(?![\w\/.,:-]*\d)/iy;
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
export function restIsBlank(text: string, pos: number): boolean {
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
export function blockAfter(text: string, from: number, leadingPostal = false): { block: boolean; spans: PhiSpan[] } {
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
        countryLineAfter(text, lineEnd(text, start), found); // the US order: the country on the line after the ZIP code's
        break;
      }
    }
    pos = lineEnd(text, start);
  }
  return { block: unit || (town && evidence), spans: found };
}

/** Tags the next line when it is a country's name alone ("USA", "Latvia"): the block's last line. */
function countryLineAfter(text: string, pos: number, found: PhiSpan[]): void {
  if (!restIsBlank(text, pos)) return;
  const nl = text.indexOf('\n', pos);
  if (nl === -1) return;
  const start = contentStart(text, nl + 1);
  const end = lineEnd(text, start);
  const name = text.slice(start, end).trimEnd();
  if (name !== '' && lexicon.countries.has(name.replace(/\.$/, '').toLowerCase())) found.push({ start, end: start + name.length, category: 'LOCATION' });
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
export function lineTail(text: string, pos: number): Tail {
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
    // The US order puts the country after the ZIP code ("Boston, MA 02115, USA"): the block goes on to it, when a
    // comma sets it off and nothing follows on the line (a country may be a given name: "MA 02115 Jordan Smith called").
    const countryAfter = country > 0 || tokens[k]?.comma !== true ? 0 : countryAt(tokens, k);
    if (countryAfter > 0 && k + countryAfter === tokens.length && !lexicon.firstNames.has((tokens[k] as { word: string }).word.toLowerCase())) {
      k += countryAfter;
      townEnd = (tokens[k - 1] as { end: number }).end;
    }
  }
  const lineDone = k === tokens.length && (restIsBlank(text, tokens.length > 0 ? (tokens[tokens.length - 1] as { end: number }).end : pos) || stop);
  if (!evidence && !(unit && lineDone)) return none;
  return { end: townEnd, postal, unit, evidence };
}

/** Nothing after a street on its line. */
export function noTail(end: number): Tail {
  return { end, postal: null, unit: false, evidence: false };
}

/** A US state's code after a comma at token `k`. */
function stateCodeAt(tokens: readonly { word: string; comma: boolean }[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.comma && /^[A-Z]{2}$/.test(t.word) && lexicon.states.has(t.word.toLowerCase());
}

/** How many tokens from `k` name a country ("Latvia", "Costa Rica", "Korea (South)"); 0 for none. */
function countryAt(tokens: readonly { word: string }[], k: number): number {
  for (let n = 4; n >= 1; n--) { // the longest names: "United States of America
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
export function streetWithRest(text: string, start: number, numberEnd: number, tail: Tail): PhiSpan[] {
  const end = Math.max(numberEnd, tail.end);
  const spans: PhiSpan[] = [{ start, end, category: 'LOCATION' }];
  if (tail.postal !== null) spans.push(tail.postal);
  const after = Math.max(end, tail.postal?.end ?? end);
  if (restIsBlank(text, after)) for (const s of blockAfter(text, after, true).spans) spans.push(s);
  return spans;
}
