import { isKnownName, lexicon } from '../lexicon/index.js';
import { NAMED_DAYS_ALONE, NAMED_DAYS_BEFORE_DAY } from '../lexicon/holidays.js';
import { TWO_WORD_STATES } from '../lexicon/places.js';
import { TRIGGER_PATTERN } from '../trigger-bits.js';
import { splitWords, type Word } from '../words.js';
import { findAddresses } from './addresses.js';
import { MONTH_KEY_SET, MONTH_KEYS, WEEKDAY_KEY_SET } from './calendar-words.js';
import { HEADER_FIELDS, ROLES } from './name-cues.js';
import { codeAt, DOSE_UNIT, isDigit, isSpace } from './chars.js';
import { emptySpans, type PhiCategory, type PhiSpan } from '../types.js';
import {
  DigitRuns, scanShapes, SHAPE_DECADE, SHAPE_DOT_TLD, SHAPE_DOTTED_PAIRS, SHAPE_DOTTED_YEAR, SHAPE_FOUR_GROUPS, SHAPE_HEX_COLON, SHAPE_IPV4, SHAPE_LETTERS_DIGITS, SHAPE_POSTCODE,
  SHAPE_CODE, SHAPE_NUMBER_CAPITAL, SHAPE_OLD_AGE, SHAPE_UK_PHONE, SHAPE_SIX_DIGITS, SHAPE_SLASHED_RUN, SHAPE_SSN, SHAPE_TEN_DIGITS, SHAPE_URL_SCHEME, SHAPE_YEAR_FIRST, SHAPE_ZIP,
} from './shapes.js';

/**
 * Identifiers with a shape: dates, phone and pager numbers, e-mails, URLs, IP addresses, SSNs, record and
 * account numbers after their label, ages over 89, street addresses and ZIP codes. Each rule is a regular
 * expression; group `v`, when present, is the PHI inside a larger match (the label stays in the text).
 */
interface PatternRule {
  readonly category: PhiCategory;
  readonly re: RegExp;
  /** Rejects a match that has the shape but not the meaning (e.g. "1/2" as a fraction). */
  readonly accept?: (text: string, start: number, end: number) => boolean;
  /**
   * A cheap test on the lower-cased note that must pass before a scanned rule runs (most notes have no e-mail,
   * no URL, no IP address); it must hold wherever the rule can match. Rules with keywords need none: they run
   * only where their keyword is, anchored there.
   */
  readonly when?: (lower: string, context: PatternContext) => boolean;
  /**
   * Lower-case words at which a match must start ("mrn", "pager", "oct"): the rule then runs anchored at those
   * words only, instead of scanning the whole note — most label rules would otherwise dominate the run time.
   */
  readonly keywords?: readonly string[];
  /**
   * For a keyword rule whose keywords are plain words and whose keyword is followed by a character class that
   * takes no letter nor apostrophe: a match there ends its keyword at the end of the word (`end`), and this cheap
   * test at `end` must pass (what the regex needs next) before the regex runs. For the rules of common words
   * ("of", "in", "on", "at"), which run and fail at most of them.
   */
  readonly afterKeyword?: (text: string, end: number) => boolean;
  /** A shape of the note (shapes.ts) without which the rule cannot match: checked before `when` and the scan. */
  readonly shape?: number;
  /**
   * For a rule whose every match starts a run of digits (the digit before it is excluded by a lookbehind or `\b`)
   * and takes the whole run: bit `n` set for each run length `n` (up to DigitRuns.LONGEST) the match can start.
   * The rule then runs anchored at those runs (scanShapes lists them) instead of being tried at every position.
   */
  readonly runs?: number;
  /**
   * For a rule with `runs`: the ASCII characters one of which every match has right after its digit run ("/" in
   * "3/15"); the regex then runs only at runs followed by one of them (or by a character beyond ASCII, which a `\s`
   * may take). Most digit runs of a note are doses and readings ("5 mg", "BP 120"), where the date rules failed.
   */
  readonly after?: string;
}

/** Australia's states and territories by their codes, written in capitals. */
const AU_STATES = '(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)';
const AU_STATE_KEYS = ['nsw', 'vic', 'qld', 'sa', 'wa', 'tas', 'nt', 'act'];
/** The postcodes of each Australian state and territory: is `code` one of `state`'s? */
function australianPostcode(state: string, code: number): boolean {
  switch (state) {
    case 'NSW': return (code >= 1000 && code <= 2599) || (code >= 2619 && code <= 2899) || (code >= 2921 && code <= 2999);
    case 'ACT': return (code >= 200 && code <= 299) || (code >= 2600 && code <= 2618) || (code >= 2900 && code <= 2920);
    case 'VIC': return (code >= 3000 && code <= 3999) || (code >= 8000 && code <= 8999);
    case 'QLD': return (code >= 4000 && code <= 4999) || (code >= 9000 && code <= 9999);
    case 'SA': return code >= 5000 && code <= 5999;
    case 'WA': return code >= 6000 && code <= 6999;
    case 'TAS': return code >= 7000 && code <= 7999;
    case 'NT': return code >= 800 && code <= 999;
    default: return false;
  }
}

/** A word of a town's name, capitalised or in capitals. */
const AU_TOWN_WORD = String.raw`(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}{3,})`;

/** Digit runs of one or two digits (a day or a month), of two, of four (a year), of one to six (a house number). */
const RUNS_1_2 = (1 << 1) | (1 << 2);
const RUNS_2 = 1 << 2;
const RUNS_4 = 1 << 4;
const RUNS_1_TO_6 = 0b1111110;
/** The ASCII characters of `\s` (its others are beyond ASCII, which `after` lets through). */
const SPACE_CHARS = ' \t\n\r\v\f';

/** What the word pass saw, for guards that need no scan of their own. */
interface PatternContext {
  /** Some word is a month name or abbreviation. */
  month: boolean;
}

const has = (...needles: string[]) => (lower: string): boolean => needles.some((n) => lower.includes(n));
const test = (re: RegExp) => (lower: string): boolean => re.test(lower);

const MONTH_WORD = (_lower: string, context: PatternContext): boolean => context.month;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d|'?\d\d)`;
/** The days named in lexicon/holidays.ts, capitalised, with "Day" after those that need it. */
const NAMED_DAYS = new RegExp(`(?:${NAMED_DAYS_BEFORE_DAY.map((d) => d.replace(/\./g, '\\.?')).join('|')})(?:['’]?s|s['’])?[ \\t]+Day\\b`, 'gi');
const DAY_SOON = /^[^\n]{0,22}?\bday\b/i;
const NAMED_DAY_KEYS = NAMED_DAYS_BEFORE_DAY.flatMap((d) => {
  const key = (/[A-Za-z]+/.exec(d)?.[0] ?? '').toLowerCase();
  return [key, `${key}s`]; // "Mothers Day" is written without its apostrophe too
});

/** A month and a day with a dash: "3-15", "10-3" (after a word that makes it a date). */
const MONTH_DASH_DAY = String.raw`(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])`;
/** A month and a day with a slash: "3/15", "12/05". */
const MONTH_DAY = String.raw`(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])`;
const ID_VALUE = String.raw`(?<v>[A-Za-z]{0,4}[-#]?\d[\dA-Za-z-]{2,})`;
/** ID_VALUE, or digits in groups ("Medicare: 2951 44718 3", "NHS number 485 777 3456"). */
const ID_OR_GROUPS = String.raw`(?<v>(?:[A-Z]{2,4}[ ])?\d{3,5}(?:[ -]\d{1,5}){1,3}(?![\w\/-])|[A-Za-z]{0,4}[-#]?\d[\dA-Za-z-]{2,})`;
/** After a label: its number word, a colon or both; a qualifier in brackets may come first ("MRN (sending): ..."). */
const LABEL_GAP = String.raw`\s*(?:\([A-Za-z0-9 ]{1,20}\)\s*)?(?:(?:number|num|no\.?|#|id)\s*)?(?:[:#.]\s*)?`;
/** LABEL_GAP, or the label's number told in a sentence: "policy number is TRV-99812", "the serial was MMT-1780-4432". */
const LABEL_GAP_IS = String.raw`\s*(?:\([A-Za-z0-9 ]{1,20}\)\s*)?(?:(?:number|num|no\.?|#|id)\s*)?(?:[:#.]\s*|(?:is|was)\s+)?`;
/** An identifier, or a licence's state code and identifier: "IL D512-4478-9921" (the code in capitals: see stateCodeFirst). */
const LICENSE_VALUE = String.raw`(?<v>(?:[A-Za-z]{2}[ \t]+)?[A-Za-z]{0,4}[-#.]?\d[\dA-Za-z-]{2,})`;

/**
 * One street at a corner: words and numbers, capitalised, numbered ("9th", "40 Quarry Hill Road") or street words
 * in lower case ("Petőfi utca 12"), the first capitalised or a number.
 */
const CORNER_WORD = String.raw`(?:\d{1,6}(?:st|nd|rd|th)?|(?:St|Rd|Ave?|Blvd|Dr|Ln|Ct|Pl|Str|Sq|Hwy|Pkwy)\.|\p{Lu}[\p{L}'’-]*)`;
const CORNER_STREET = String.raw`${CORNER_WORD}(?:[ \t]+(?:${CORNER_WORD}|de|la|del|di|da|do|van|von|der|kapu|utca|u\.|gate|gata|vej|rue|via))*`;

/** After "corner", " of"; after "the", " corner of" (a cheap test at each "the" before the regex). */
function cornerFollows(text: string, end: number): boolean {
  return text.startsWith(' of', end) || text.startsWith(' corner of', end) || text.startsWith(' Corner of', end);
}

/**
 * A phone number in groups right before a label word on its line, read in a lookbehind from the label (the label
 * follows in the rules using it): seven to fifteen digits in up to five groups (labelledNumber).
 */
const NUMBER_BEFORE_LABEL = String.raw`(?<=(?<![\w.\/+-])(?<v>\d{1,5}(?:[ .-]\d{1,8}){1,4})[ \t]*\(?)`;
const PHONE_LABELS_AFTER = ['office', 'mobile', 'cell', 'desk', 'home', 'work', 'direct', 'tel', 'phone'];

function digitCount(value: string): number {
  return (value.match(/\d/g) ?? []).length;
}

/**
 * A phone number after its label has seven digits at least ("Mobile: 0491 57 01 23"; not "phone 2-3"), and fifteen
 * at most, as international numbers have (a card's sixteen digits are not one).
 */
function phoneDigits(text: string, start: number, end: number): boolean {
  const digits = digitCount(text.slice(start, end));
  return digits >= 7 && digits <= 15;
}

/**
 * A number before a phone label: 7 to 15 digits, not a date ("12-03-2010 office visit", "2020-12-15 home") and not a
 * series of readings (four or more groups of three digits: "145 162 188 201 home").
 */
function labelledNumber(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const digits = digitCount(value);
  if (digits < 7 || digits > 15) return false;
  if (/^\d{1,2}[-. ]\d{1,2}[-. ]\d{2,4}$/.test(value) || /^\d{4}[-. ]\d{1,2}[-. ]\d{1,2}$/.test(value)) return false;
  return !/^\d{3}(?:[ .-]\d{3}){3,}$/.test(value);
}

/**
 * A payment card's number: one that passes the Luhn check (every real card number does), or any after a word of
 * payment ("Visa", "credit card"). A "Coombs card" or a blood-type card number is an identifier of another kind.
 */
function paymentCard(text: string, start: number, end: number): boolean {
  if (/(?:visa|mastercard|amex|credit|debit|payment)/i.test(text.slice(Math.max(0, start - 30), start))) return true;
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    const d = double ? c * 2 : c;
    sum += d > 9 ? d - 9 : d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Twenty-four-hour times in a row, not a phone number: "call at 1400 1500". */
const CLOCK_TIMES = /^(?:[01]\d|2[0-3])[0-5]\d(?:[ .-](?:[01]\d|2[0-3])[0-5]\d)+$/;

/**
 * An age over 89 in words: "ninety", "ninety-three", "one hundred", "(one) hundred and one" (not "a hundred", which
 * is as often a count or a thing's age: "a hundred-year-old oak").
 */
const SPELLED_OLD_AGE = String.raw`(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one[- ])?hundred[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten)|one[- ]hundred)`;

const RULE_LIST: readonly PatternRule[] = [
  { category: 'EMAIL', re: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, when: has('@') },
  { category: 'URL', re: /\b(?:https?:\/\/|www\.)[^\s<>"'()]+[^\s<>"'().,;:!?]/gi, when: has('http', 'www.'), shape: SHAPE_URL_SCHEME },
  { category: 'URL', re: /\b[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|info|biz|io)(?:\.[a-z]{2})?(?:\/[^\s<>"']*)?\b/gi, when: test(/\.(?:com|org|net|edu|gov|info|biz|io)\b/), shape: SHAPE_DOT_TLD },
  { category: 'IP', re: /(?<![\w.\/])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g, when: test(/\d\.\d{1,3}\.\d{1,3}\.\d/), shape: SHAPE_IPV4 },
  { category: 'IP', re: /\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/gi, when: test(/[0-9a-f]:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/), shape: SHAPE_HEX_COLON },
  // IPv6 with its zeros left out ("2001:db8::8a2e:370:7334"): three groups or more, one of them with a letter or four digits.
  { category: 'IP', re: /(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}(?![\w:])/gi, when: has('::'), shape: SHAPE_HEX_COLON, accept: acceptCompressedIpv6 },
  { category: 'SSN', re: /\b\d{3}-\d{2}-\d{4}\b/g, shape: SHAPE_SSN },
  { category: 'SSN', keywords: ['ssn', 'social'], re: new RegExp(String.raw`(?:ssn|social security)${LABEL_GAP}(?<v>\d{3}[- ]?\d{2}[- ]?\d{4})\b`, 'gi') },
  // Its last four digits, said so: "SSN (last 4 only): 6612", "SSN last four 6612".
  { category: 'SSN', keywords: ['ssn', 'social'], re: /(?:ssn|social security(?: number| no\.?)?)[ \t]*\(?[ \t]*last[ \t]+(?:4|four)(?:[ \t]+(?:only|digits))?[ \t]*\)?[ \t]*[:#]?[ \t]*(?<v>\d{4})(?!\d)/gi },
  // Phone: 10 digits in 3-3-4 groups ("(617) 555-0123", "617/555/0134", "617555-0145"), 7 digits 3-4, extension.
  {
    category: 'PHONE',
    re: /(?<![\w.\/])(?<!\d-)(?:\+?1[-. ])?(?:\(\d{3}\)|\d{3})[-. \/]?\d{3}[-. \/]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\w\/]|\.\d)/gi,
    shape: SHAPE_TEN_DIGITS,
  },
  { category: 'PHONE', keywords: ['phone', 'tel', 'call', 'called', 'reached', 'number', 'cell', 'home', 'work', 'at'], re: /(?:phone|tel|call|called|reached|number|cell|home|work|at)[\s:#.]{1,3}(?<v>\d{3}-\d{4})(?![\w\/-]|\.\d)/gi, afterKeyword: digitAfterLabelGap },
  // An extension alone where a number is given: "reach Dr. Quenby at x5523", "call ext. 4471" (not after other words:
  // "Knee ext 1200", "UOP x1500 mL").
  {
    category: 'PHONE', keywords: ['at', 'call', 'phone', 'tel', 'page', 'pager', 'on', 'reached'],
    re: /(?:at|call|phone|tel|page|pager|on|reached(?: on| at)?)[ \t]*:?[ \t]*(?<v>x(?!1000\b)\d{4,5}|(?:ext\.?|extension)[ \t]*:?[ \t]*(?:\d-\d{4}|\d{3,5}))(?![\w\/-]|\.\d)(?![ \t]*(?:magnification|mag\b|power|objective|oil))/gi,
    afterKeyword: (text, end) => { const c = codeAt(text, skipBlanksAndColon(text, end)) | 32; return c === 120 || c === 101; }, // x, e
  },
  // An extension in brackets or opening a line: "Ward 7 (ext 4472)", "Extension: 4471".
  { category: 'PHONE', keywords: ['ext', 'extension'], re: /(?:(?<=\()|(?<=(?:^|\n)[ \t]*))(?<v>(?:ext\.?|extension)[ \t]*:?[ \t]*\d{3,5})(?![\w\/-]|\.\d)/gi },
  // A five-digit internal extension written "4-7721": after "ext" on a signature's line, or "at" after paging or calling
  // someone ("Paged Dr. Quenby (ortho) at 4-7721").
  { category: 'PHONE', keywords: ['ext'], re: /ext\.?[ \t]*:?[ \t]*(?<v>\d-\d{4})(?![\w\/-]|\.\d)/gi },
  // "x6-4410", "interp svcs x6-4410": an extension of five digits after its "x"; "resident Quenby p 2-6630": a pager after "p".
  { category: 'PHONE', keywords: ['x'], re: /(?<=[ \t(])x(?<v>[2-9]-\d{4})(?![\w\/-]|\.\d)/gi },
  { category: 'PHONE', keywords: ['p'], re: /(?<=\p{L}[ \t]+)p\.?[ \t]*(?<v>\d-\d{4})(?![\w\/-]|\.\d)/giu },
  // Not a rate or a time after other words ("CALLED HO RE: HEPARIN, GTT AT 1-1000 UNITS/HR", "PAGED HO, WILL REASSESS AT 2-2300").
  {
    category: 'PHONE', keywords: ['paged', 'page', 'called', 'call', 'reached'],
    re: /(?:paged|page|called|call|reached)\b[^\n;\d]{0,40}?\bat[ \t]+(?<v>\d-\d{4})(?=[ \t]*(?:[;.,)]|$|\n))/gi,
    accept: (text, start) => !/\b(?:will|gtt|goal|rate|reassess|recheck|check|repeat|ptt|inr|drip|infusion|units?)\b/i.test(text.slice(Math.max(0, start - 44), start)),
  },
  {
    category: 'PHONE',
    keywords: ['pager', 'beeper', 'pgr', 'pg', 'page', 'beep', 'bleep', 'phone', 'tel', 'telephone', 'cell', 'mobile', 'ph'],
    re: /(?:pager|beeper|pgr|pg|page(?:[ \t]+(?:me|him|her|us|them))?(?:[ \t]+(?:at|on))?|beep|bleep|phone|tel|telephone|cell|mobile|ph)\b(?:\s*(?:number|num|no\.?|#))?[\s:#.]*(?<v>\d-\d{4}|\d{4,6}|\d{3}[ -]\d{3}[ -]?\d{4})\b/gi,
    // "page her at 0800 with results": a time after "at"; "BY PHONE 0925.": a time with its zero after "by phone".
    accept: (text, start, end) => !((/\bat[ \t]*$/i.test(text.slice(Math.max(0, start - 4), start)) && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(text.slice(start, end)))
      || (/\bby[ \t]+phone[ \t]*$/i.test(text.slice(Math.max(0, start - 12), start)) && /^0\d[0-5]\d$/.test(text.slice(start, end)))),
  },
  // International numbers after a label or with a country code: "Mobile: 0491 57 01 23", "+46 (0)8 555 012 34".
  {
    category: 'PHONE',
    keywords: ['mobile', 'mob', 'desk', 'office', 'phone', 'tel', 'telephone', 'cell', 'call', 'number', 'whatsapp', 'contact', 'teléfono', 'telefono', 'telefon', 'téléphone'],
    re: /(?:mobile|mob|desk|office|phone|tel|telephone|cell|call me (?:at|on)|(?<!card )number is|whatsapp|contact|tel[eé]fono|telefon|téléphone)\s*(?:(?:number|no\.?|#)\s*)?(?:[:#]\s*)?(?<v>\+?\(?\d[\d \t().\/-]{5,18}\d)(?![\d\/]|\.\d)/gi,
    accept: phoneDigits,
  },
  // A number after a person's or a phone's "#": "daughter's # 555-4321", "cell # 555-4321". After other words, "#"
  // numbers identifiers, orders, specimens and products ("Rx # 555-1234"). Anchored at its runs of three digits: tried
  // at every position, the lookbehind over blanks would be quadratic after a long run of them.
  {
    category: 'PHONE', re: /(?<=(?:'s|\b(?:[Cc]ell|CELL|[Hh]ome|HOME|[Ww]ork|WORK|[Pp]hone|PHONE|[Cc]ontact|CONTACT))[ \t]*#[ \t]*)\d{3}-\d{4}(?![\w\/-]|[.,]\d)/g,
    when: has('#'), runs: 1 << 3, after: '-',
  },
  // A number to send messages to or to call: "messages to 0421 555 01 23", "text me at 0170 555 0199", "please call
  // 024 871 50 30", "reach her on 06-12345678". Groups of two digits or more, no slash, no unit or hour after, not a
  // date nor a series of readings (labelledNumber).
  {
    category: 'PHONE', keywords: ['messages', 'text', 'sms', 'call', 'ring', 'reach', 'dial'],
    re: /(?:messages to|text me (?:at|on)|sms|(?:call|ring)(?: (?:me|us|him|her|them))?(?: (?:at|on))?|reach (?:me|us|him|her|them) (?:at|on)|dial)[ \t]*:?[ \t]*(?<v>\+?\d{2,5}(?:[ .-]\d{2,8}){1,4})(?![\d\/:]|\.\d|[ \t]*(?:hours?|hrs?|h|am|pm|bpm|kg|mg)\b)/gi,
    accept: (text, start, end) => labelledNumber(text, start, end) && !CLOCK_TIMES.test(text.slice(start, end)),
  },
  // A bracketed number in 3-3-4 groups with a digit too many in the last group is still a phone number typed in
  // a hurry: "(617 555 01423)".
  { category: 'PHONE', re: /(?<=\(\s?)(?<v>\d{3}[ .-]\d{3}[ .-]\d{5})(?=\s?\))/g, when: test(/\(\s?\d{3}[ .-]\d{3}[ .-]\d{5}\s?\)/), shape: SHAPE_TEN_DIGITS },
  // A British number without its label, ten or eleven digits in groups: "0161 555 7720", "(01782 555 903)".
  { category: 'PHONE', re: /(?<![\w\/.+-])(?:0[1-9]\d{2,3}|\(0[1-9]\d{2,3}\)) \d{3} ?\d{3,4}(?![\w\/-]|\.\d)/g, shape: SHAPE_UK_PHONE, accept: britishNumber },
  { category: 'PHONE', re: /(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?(?![\w\/]|\.\d)/gi, when: has('+') },
  { category: 'PHONE', re: /(?<![\w.])\d{2}(?:[.]\d{2}){4}(?![\w.]|\.\d)/g, when: test(/\d\d\.\d\d\.\d\d\.\d\d/), shape: SHAPE_DOTTED_PAIRS },
  { category: 'FAX', keywords: ['fax'], re: /fax\b\s*(?:(?:number|no\.?|#)\s*)?(?:[:#.]\s*)?(?<v>\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}|\d{4,7})\b/gi },
  // International fax numbers after the label, as the phone rule above: "Fax: 001-253-555-0123", "fax 0421 55 01 23".
  {
    category: 'FAX', keywords: ['fax'], re: /fax\b[ \t]*(?:(?:number|no\.?|#)[ \t]*)?(?:[:#][ \t]*)?(?<v>\+?\(?\d[\d \t().-]{5,18}\d)(?![\d\/]|\.\d)/gi,
    accept: phoneDigits,
  },
  // A number before its label, as in letterheads and signatures: "555 0123 office", "001-518-555-0199 mobile",
  // "0421 55 01 23 fax". Anchored at the label (the number is read in a lookbehind): labels are rarer than numbers.
  { category: 'PHONE', keywords: PHONE_LABELS_AFTER, re: new RegExp(String.raw`${NUMBER_BEFORE_LABEL}(?:${PHONE_LABELS_AFTER.join('|')})\b`, 'gid'), accept: labelledNumber },
  { category: 'FAX', keywords: ['fax'], re: new RegExp(String.raw`${NUMBER_BEFORE_LABEL}fax\b`, 'gid'), accept: labelledNumber },
  { category: 'MRN', keywords: ['mrn', 'mr', 'medical', 'med', 'unit', 'hospital', 'chart'], re: new RegExp(String.raw`(?:mrn|mr#|medical record|med rec|unit no|hospital no|chart)${LABEL_GAP}${ID_VALUE}`, 'gi') },
  {
    category: 'HEALTH_PLAN',
    keywords: ['member', 'subscriber', 'policy', 'insurance', 'medicare', 'medicaid', 'health', 'beneficiary', 'group', 'mbi'],
    // "group is 300 strong": a group's number only after its label, not in a sentence. "MBI": Medicare's beneficiary identifier.
    re: new RegExp(String.raw`(?:(?:member|subscriber|policy|insurance|medicare|medicaid|health plan|beneficiary|mbi)${LABEL_GAP_IS}|group${LABEL_GAP})${ID_OR_GROUPS}`, 'gi'),
    accept: idLikeAfterIs,
  },
  // An IBAN after its label, written whole or in groups of four: "IBAN: DE44 5001 0517 5407 3249 31" (a short last
  // group has a digit: "... 8906 and" ends at the number).
  { category: 'ACCOUNT', keywords: ['iban'], re: /iban\b(?:[ \t]*(?:is|number|no\.?|#))?[ \t]*:?[ \t]*(?<v>[a-z]{2}\d{2}(?:[a-z0-9]{11,30}|(?:[ \t][a-z0-9]{4}){2,7}(?:[ \t](?=[a-z]{0,3}\d)[a-z0-9]{1,4})?))\b/gi },
  { category: 'ACCOUNT', keywords: ['account', 'acct', 'acc'], re: new RegExp(String.raw`(?:account|acct|acc(?=[ \t]*[#:]))${LABEL_GAP_IS}${ID_VALUE}`, 'gi'), accept: idLikeAfterIs },
  {
    category: 'LICENSE', keywords: ['license', 'licence', 'lic', 'dea', 'npi', 'permit', 'certificate', 'gmc', 'nmc', 'cpso', 'hpcsa', 'ahpra'],
    re: new RegExp(String.raw`(?:licen[cs]e|lic\.?|dea|npi|permit|certificate|gmc|nmc|cpso|hpcsa|ahpra)${LABEL_GAP_IS}${LICENSE_VALUE}`, 'gi'),
    accept: (text, start, end) => stateCodeFirst(text, start) && idLikeAfterIs(text, start, end),
  },
  // A prescriber's or provider's number with its number word: "Provider No: 2417739K" (Medicare Australia's).
  {
    category: 'LICENSE', keywords: ['provider', 'prescriber'],
    re: /(?:provider|prescriber)[ \t]*(?:number|no\.?|#)[ \t]*:?[ \t]*(?<v>(?=[A-Z]*\d)[A-Z\d]{6,10})(?![\w\/-]|\.\d)/gi,
  },
  { category: 'VEHICLE', keywords: ['vin', 'plate', 'vehicle'], re: new RegExp(String.raw`(?:vin|plate|vehicle)${LABEL_GAP}(?<v>(?=[A-Z-]*\d)[A-Z0-9-]{5,17})\b`, 'gi') },
  // A US plate of three letters and three or four digits after its label: "plate RKT 482".
  {
    category: 'VEHICLE', keywords: ['plate'], re: /(?:[Pp]late|PLATE)[ \t]*(?:[Nn]o\.?|#)?[ \t]*:?[ \t]*(?<v>[A-Z]{3}[ \t-]\d{3,4})(?![\w-])/g,
    // Not an implant's plate ("LCP plate DCP 100").
    accept: (text, start) => !/\b(?:lcp|dcp|locking|compression|bone|titanium|recon|reconstruction|buttress|tubular|hook|tension|neutralization|volar|dorsal|growth)[ \t]+plate[ \t]*(?:no\.?|#)?[ \t]*:?[ \t]*$/i.test(text.slice(Math.max(0, start - 40), start)),
  },
  // A badge's and a medical council's number, only with their label: "badge 4471", "IMC No. 412876".
  { category: 'ID', keywords: ['badge'], re: /badge[ \t]*(?:number|no\.?|#)?[ \t]*:?[ \t]*(?<v>[A-Z]{0,3}-?\d{3,7})(?![\w\/-]|\.\d)/gi },
  // IMC with its number word: "transferred to IMC 4102" is an intermediate care unit's room.
  { category: 'LICENSE', keywords: ['imc', 'mcrn'], re: /(?:IMC[ \t]*(?:[Nn]umber|[Nn]o\.?|#|[Rr]eg(?:istration)?\.?(?:[ \t]+[Nn]o\.?)?)|MCRN[ \t]*(?:[Nn]umber|[Nn]o\.?|#)?)[ \t]*:?[ \t]*(?<v>\d{4,8})(?![\w\/-]|\.\d)/g },
  // An aircraft's registration after "tail": "rotor wing (tail N417LS)" (not "pancreatic tail 12-15mm").
  { category: 'VEHICLE', keywords: ['tail'], re: /[Tt]ail[ \t]*(?:[Nn]o\.?|#|number)?[ \t]*:?[ \t]*(?<v>N\d{1,5}[A-Z]{0,2})(?![\w-])/g },
  // A plate with its state's code or in the British form, after its label: "PLATE CT 7KX-Q31", "reg KX19 TRY".
  {
    category: 'VEHICLE', keywords: ['plate', 'reg', 'registration'],
    // The plate has letters and digits and is no measure ("Insulin reg SS 150-200", "1X1CM").
    re: /(?:[Pp]late|PLATE|[Rr]eg\.?|REG\.?|[Rr]egistration|REGISTRATION)[ \t]*(?:[Nn]o\.?|NO\.?|#)?[ \t]*:?[ \t]*(?<v>[A-Z]{2}[ \t](?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])(?![A-Z0-9-]*\dX\d)(?![A-Z0-9-]*(?:CM|MM)\b)[A-Z0-9-]{4,8}|[A-Z]{2}\d{2}[ \t]?[A-Z]{3})(?![\w-])/g,
  },
  // Not a visit frequency after skilled nursing's "SN" ("sn 3w4": three a week for four weeks).
  { category: 'DEVICE', keywords: ['serial', 's', 'sn', 'device', 'lot', 'seriennr'], re: new RegExp(String.raw`(?:serial|s\/n|sn|device id|lot|seriennr)${LABEL_GAP_IS}${ID_VALUE}`, 'gi'),
    accept: (text, start, end) => idLikeAfterIs(text, start, end) && !/^\d{1,2}[wdx]\d{1,2}$/i.test(text.slice(start, end)) },
  // Numbers of claims, reports, stays, laboratory samples and bookings, only with their number word: "Claim #:
  // CLM-2024-7781902", "report # 23-0826-4471", "IP No: IP/23/11872", "lab no. 24-188-7402" ("the report 2019", "IP 10",
  // "lab 2" are no identifiers).
  {
    category: 'ID', keywords: ['claim', 'report', 'ip', 'op', 'mlc', 'pps', 'incident', 'admission', 'encounter', 'visit', 'lab', 'booking', 'file', 'docket'],
    re: /(?:claim|report|ip|op|mlc|pps|incident|admission|encounter|visit|lab|booking|file|docket)[ \t]*(?:number|num|no\.?|#)[ \t]*[:#.]?[ \t]*(?<v>\d{3,5}(?:[ -]\d{1,5}){1,3}(?![\w\/-])|[A-Za-z\/-]{0,12}\d[\dA-Za-z\/-]{2,})/gi,
    accept: idLike, afterKeyword: (text, end) => { const c = codeAt(text, skipBlanksAndColon(text, end)) | 32; return c === 110 || c === 35; }, // n, #
  },
  // A chat's or a message log's speaker: a time opening the line, then a name and a colon ("19:04 Tobi: on my way").
  {
    category: 'NAME',
    re: /(?<=(?:^|\n)[ \t]*\[?)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]+(?<v>\p{Lu}[\p{Ll}'’-]+(?:[ \t]\p{Lu}[\p{Ll}'’-]+)?)(?=[ \t]*(?:\([\p{L} .\/-]{1,20}\)[ \t]*)?:(?:[ \t]|$))/gu,
    runs: RUNS_1_2, after: ':', accept: speakerName,
  },
  // Numbers under the labels of other systems and countries: "NHS number 485 777 3456", "UHID: LH2300718842",
  // "Accession: MR23-118842", "NHI ZKT4418", "Hosp. No: LUTH/MOP/22/0941", "badge 30118". The value must look like an
  // identifier (idLike): "NHS 111", "specimen 2" are no numbers of a person.
  {
    category: 'ID', keywords: ['accession', 'uhid', 'nhi', 'nhis', 'nhs', 'badge', 'transmitter', 'specimen', 'requisition', 'ohip', 'hcn', 'hosp', 'clia', 'aadhaar', 'pin', 'ubrn'],
    re: new RegExp(String.raw`(?:accession|uhid|nhis?|nhs|badge|transmitter|specimen|requisition|ohip|hcn|hosp\.?[ \t]*no\.?|clia|aadhaar|pin|ubrn)${LABEL_GAP}(?<v>\d{3,5}(?:[ -]\d{1,5}){1,3}(?![\w\/-])|[A-Za-z\/-]{0,12}\d[\dA-Za-z\/-]{2,})`, 'gi'),
    accept: idLike,
  },
  {
    // Lettered parts first too: "case # QDSS-2023-44718", "ref QAD-SMD-2292811", "Our ref: QAS/JT/40917".
    category: 'ID', keywords: ['id', 'identifier', 'case', 'ref', 'reference', 'record'], re: new RegExp(String.raw`(?:id|identifier|case|ref|reference|record)${LABEL_GAP.replace('|id', '')}(?<v>(?:[A-Za-z]{1,6}[-\/]){0,3}[A-Za-z]{0,4}[-#]?\d[\dA-Za-z-]{3,}(?:\/\d+)?)`, 'gi'),
    accept: notAReferenceRange,
  },
  // A number sign before letters+digits ("policy #rg17") or a long digit run is an identifier of some kind.
  // The number sign is matched, not looked behind for: a regex that opens with a lookbehind is tried at every
  // position of the note, one that opens with "#" only at the signs. Same values: none holds a "#", so the next
  // sign always lies after the last value.
  {
    category: 'ID', re: /#[ \t]?:?\s?(?<v>[A-Za-z]{1,4}-?\d[\dA-Za-z-]*|\d{5,})\b/g, when: has('#'),
    // A product's number is none of a person: "model #12345", "catalog # 4471"; nor a room's or a bed's ("Room #: B12").
    accept: (text, start) => !PRODUCT_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 16), start))
      && !/\b(?:room|rm|bed|unit|ward|suite|apt|floor|page|step|item|line|port|lumen|slot)[ \t]*#[ \t]*:?[ \t]*$/i.test(text.slice(Math.max(0, start - 16), start)),
  },
  // A payment card's number after its name: "card no. 3714 496353 98431", "Visa: 4111111111111111".
  {
    category: 'ACCOUNT', keywords: ['card', 'visa', 'mastercard', 'amex'],
    re: /(?:card|visa|mastercard|amex)(?:[ \t]+(?:number|num|no\.?|#))?(?:[ \t]+is)?[ \t]*:?[ \t]*(?<v>\d(?:[ -]?\d){12,18})(?![\d\/]|\.\d)/gi,
    accept: paymentCard,
  },
  {
    category: 'ACCOUNT', re: /\b(?:\d{4}[- ]){3}\d{1,7}\b/g, when: test(/\d{4}[- ]\d{4}[- ]\d{4}/), shape: SHAPE_FOUR_GROUPS,
    // Not a schedule of clock times: "meds at 0800 1200 1600 2000".
    accept: (text, start, end) => !text.slice(start, end).split(/[- ]/).every((g) => /^(?:[01]\d|2[0-3])[0-5]\d$/.test(g)),
  },
  // A code of capitals and digits standing alone, without its label: a record's, a claim's, a ticket's or a
  // licence's number in a table, a CSV row or a signature ("TC0049221", "CCI-220917", "PL/22/0048812/KA", "8826451TA").
  {
    category: 'ID', re: /(?<![\w\/.#&*+-])(?=[A-Z\d\/-]*[A-Z])(?=[A-Z\d\/-]*\d{4})[A-Z\d]+(?:[\/-][A-Z\d]+){0,4}(?![\w\/&*+-]|\.\d)/g,
    shape: SHAPE_CODE, accept: standaloneCode,
  },
  { category: 'ACCOUNT', re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g, when: test(/[a-z]{2}\d{2} ?[a-z0-9]{4}/), shape: SHAPE_LETTERS_DIGITS },
  // Dates.
  { category: 'DATE', re: /\b(?:1[89]\d\d|20\d\d)([-\/.])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])\b/g, when: test(/\d{4}[-\/.]\d/), shape: SHAPE_YEAR_FIRST },
  {
    category: 'DATE',
    re: /(?<![\w\/+-])(?<!\d\.)(?:0?[1-9]|1[0-2])([\/-])(?:[12]\d|3[01]|0?[1-9])\1(?:1[89]\d\d|20\d\d|\d\d)(?![\w\/%]|[-.]\d)/g,
    runs: RUNS_1_2, after: '/-', accept: notValuesRun,
  },
  { category: 'DATE', re: /(?<![\w\/+-])(?<!\d\.)(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])\/(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])(?![\w\/%]|\.\d)/g, when: test(/\d\/\d+\/\d+\/\d/), shape: SHAPE_SLASHED_RUN, accept: acceptSlashedRun },
  { category: 'DATE', keywords: ['in', 'since', 'circa', 'year', 'yr', 'saying', 'said', 'during', 'of'], re: /(?:in|since|circa|year|yr|saying|said|during|of)\s+(?<v>(?:19|20)\d\d)\b(?!\s*(?:mg|mcg|cc|ml|hrs?|h|hours|units|kcal|cal)\b|[\/:.]\d)/gi, afterKeyword: digitAfterSpaces },
  { category: 'DATE', re: /(?<![\w\/.:@~-])(?<!(?:at|@|approx|around|until|till|by|from|to|after|before|about|~|since)\s+)(?:19[6-9]\d|20[6-9]\d)(?![\w\/:%-]|\.\d)/gi, runs: RUNS_4 },
  { category: 'DATE', re: /(?<![\w\/+]|\d-|\d'?-)(?<!\d\.)(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])(?![\w\/%+]|\.\d|-\d)/g, accept: acceptMonthDay, runs: RUNS_1_2, after: '/' },
  { category: 'DATE', re: /(?<![\w\/+-])(?<!\d\.)(?:0?[1-9]|1[0-2])\/(?:19|20)?\d\d(?![\w\/%+]|\.\d)/g, accept: acceptMonthYear, runs: RUNS_1_2, after: '/' },
  // Day first, where the day cannot be a month: "15/3/2010", "31.12.1930", "15/03/21".
  { category: 'DATE', re: /(?<![\w\/+.-])(?:1[3-9]|2\d|3[01])(?:([\/.])(?:0?[1-9]|1[0-2])\1(?:19\d\d|20\d\d|\d\d)|-(?:0?[1-9]|1[0-2])-(?:19|20)\d\d)(?![\w\/%]|[-.]\d)/g, runs: RUNS_2, after: '/.-' },
  // A range of two full dates, each its own span: "3/15/2021-3/18/2021".
  { category: 'DATE', re: new RegExp(String.raw`(?<![\w\/+.-])${MONTH_DAY}\/(?:19|20)?\d\d(?=-${MONTH_DAY}\/(?:19|20)?\d\d(?![\w\/%]|\.\d))`, 'g'), runs: RUNS_1_2, after: '/' },
  { category: 'DATE', re: new RegExp(String.raw`(?<=(?<![\w\/+.-])${MONTH_DAY}\/(?:19|20)?\d\d-)${MONTH_DAY}\/(?:19|20)?\d\d(?![\w\/%]|\.\d)`, 'g'), runs: RUNS_1_2, after: '/' },
  // A range of two month/day dates, each its own span (so each is shifted): "abx 3/15-3/18".
  { category: 'DATE', re: new RegExp(String.raw`(?<![\w\/+.-])${MONTH_DAY}(?=-${MONTH_DAY}(?![\w\/%+]|\.\d))`, 'g'), accept: acceptDateRange, runs: RUNS_1_2, after: '/' },
  { category: 'DATE', re: new RegExp(String.raw`(?<=(?<![\w\/+.-])${MONTH_DAY}-)${MONTH_DAY}(?![\w\/%+]|\.\d)`, 'g'), accept: acceptDateRange, runs: RUNS_1_2, after: '/' },
  { category: 'DATE', keywords: MONTH_KEYS, re: new RegExp(String.raw`${MONTH}\.?,?\s+${DAY}(?:,?\s+${YEAR})?\b`, 'gi'), accept: acceptMonthWords },
  { category: 'DATE', re: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+${YEAR}\b)?`, 'gi'), accept: acceptMonthWords, when: MONTH_WORD, runs: RUNS_1_2, after: SPACE_CHARS + 'sSnNrRtT' },
  { category: 'DATE', keywords: MONTH_KEYS, re: new RegExp(String.raw`${MONTH}\.?,?\s+(?:1[89]\d\d|20\d\d|'\d\d)\b`, 'gi'), accept: acceptMonthWords },
  { category: 'DATE', keywords: ['january', 'february', 'september', 'october', 'november', 'december', 'jan', 'feb', 'sep', 'sept', 'oct', 'nov', 'dec'], re: /(?:january|february|september|october|november|december|jan|feb|sept?|oct|nov|dec)\b\.?/gi, accept: acceptBareMonth },
  { category: 'DATE', keywords: ['on', 'since', 'until', 'till', 'by', 'from', 'of', 'before', 'after', 'it', 'its', 'is'], re: /(?:on|since|until|till|by|from|of|before|after|it's|its|is)\s+the\s+(?<v>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b/gi, afterKeyword: theAfterSpaces,
    accept: (text, _start, end) => !ORDINAL_OF_A_BODY_PART.test(text.slice(end, end + 40)) },
  // "present on 21st.", "seen on 3rd," : an ordinal alone after "on" that closes its clause ("on 2nd line" is no date).
  { category: 'DATE', keywords: ['on'], re: /on[ \t]+(?<v>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=[ \t]*(?:[.,;:)]|$|\n))/gi, afterKeyword: digitAfterSpaces },
  { category: 'DATE', re: /(?<![\w'])'(?<v>\d\d)\b(?!')/g, when: has("'") },
  { category: 'DATE', re: /(?<![\w.\/'-])(?<!\b(?:x|hob|@|at|for|up|to|of|by|q|every|about|around|approx|~)\s*)(?<v>\d\d)'(?![\w'])/gi, when: has("'"), runs: RUNS_2, after: "'" },
  { category: 'DATE', re: new RegExp(String.raw`\b(?:[12]\d|3[01]|0?[1-9])[- ]${MONTH}[- ](?:1[89]\d\d|20\d\d|\d\d)\b`, 'gi'), when: MONTH_WORD, runs: RUNS_1_2, after: '- ' },
  { category: 'DATE', re: /(?<![\w.])(?:0?[1-9]|1[0-2])\.(?:[12]\d|3[01]|0?[1-9])\.(?:19|20)\d\d(?!\w|\.\d)/g, when: test(/\d\.\d\d?\.(?:19|20)\d\d/), shape: SHAPE_DOTTED_YEAR },
  // Dotted with a two-digit year, day or month first ("3.3.21", "12.4.23"): not a section's or a version's number.
  {
    category: 'DATE', re: /(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d\d(?!\w|\.\d)|(?<![\w.])(?:0?[1-9]|1[0-2])\.(?:1[3-9]|2\d|3[01])\.\d\d(?!\w|\.\d)/g,
    runs: RUNS_1_2, after: '.', accept: notNumbering,
  },
  // After a weekday, a day alone or a day-first date without its year: "Friday 12th", "Thurs 16/3", "Friday 17-3" (the month-first
  // "Tues 3/3" is the month/day rule's, which a weekday vouches for).
  {
    category: 'DATE', keywords: [...WEEKDAY_KEY_SET],
    re: /(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+(?:the[ \t]+)?(?<v>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?:1[3-9]|2\d|3[01])[\/-](?:0?[1-9]|1[0-2]))(?![\w\/%-]|\.\d)/gi,
    afterKeyword: (text, end) => {
      let k = end;
      if (codeAt(text, k) === 46) k++; // "Fri."
      if (codeAt(text, k) === 44) k++; // "Friday,"
      const c = afterSpaces(text, k);
      return isDigit(c) || c === 116 || c === 84; // a day, or "the"
    },
  },
  // A day-first date without its year after a word of appointments: "Next meeting 29/2", "seen 16/3", "review due
  // 21/4". The day cannot be a month; not after "on" or "from", as vent settings are ("placed on 15/5").
  {
    category: 'DATE', keywords: ['since', 'until', 'till', 'dated', 'review', 'reviewed', 'meeting', 'appt', 'appointment', 'visit', 'seen', 'booked', 'planned', 'due'],
    re: /(?:since|until|till|dated|review|reviewed|meeting|appt|appointment|visit|seen|booked|planned|due)(?:[ \t]+(?:on|for))?[ \t]+(?<v>(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2]))(?![\w\/%]|\.\d)/gi,
    // "since 14/7", "planned for 14/7": British shorthand for days (x/7) and months (x/12) of a duration.
    // "Seen 18/12 ago", "planned 14/7 total", "Vision reviewed 20/10" (a Snellen score) are none either.
    accept: (text, start, end) => !(/\/(?:7|12)$/.test(text.slice(start, end)) && /\b(?:since|for)[ \t]+$/i.test(text.slice(Math.max(0, start - 8), start)))
      && !/^[ \t]*(?:ago|total|course|duration)\b/i.test(text.slice(end, end + 12)) && !/\b(?:vision|va|acuity|snellen)\b[^.\n]{0,16}$/i.test(text.slice(Math.max(0, start - 28), start)),
    afterKeyword: (text, end) => { const c = afterSpaces(text, end); return isDigit(c) || (c | 32) === 111 || (c | 32) === 102; }, // o, f
  },
  // "on 10-3", "since 9-28": month-day with a dash only after a date word, and not a range of units ("on 2-3 L").
  {
    category: 'DATE', keywords: ['on', 'since', 'dated', 'until', 'till'],
    afterKeyword: digitAfterSpaces,
    re: new RegExp(String.raw`(?:on|since|dated|until|till)\s+(?<v>${MONTH_DASH_DAY})(?![\d\/-]|\.\d)(?!\s*(?:l|lpm|liters?|mg|mcg|cc|ml|units?|days?|hrs?|hours?|times|x|%|mm|cm|kg|breaths?|beats?)\b)`, 'gi'),
  },
  // "admitted 3-15 w/ CP", "meeting 3-16 at 2pm", "extubated 3-17.": after an event, a month-day closing the clause or
  // before a small word; "admitted 3-4 weeks ago", "seen 2-3 times", "meeting 2-3 pm" are ranges.
  {
    category: 'DATE', keywords: ['admitted', 'seen', 'meeting', 'extubated', 'intubated', 'discharged'],
    afterKeyword: digitAfterSpaces,
    re: new RegExp(String.raw`(?:admitted|seen|meeting|extubated|intubated|discharged)[ \t]+(?<v>${MONTH_DASH_DAY})(?=[ \t]*(?:[.,;:)]|$|\n)|[ \t]+(?:w\/|s\/p|d\/t|(?:with|for|at|and|to|from|by|via|after)\b))`, 'gi'),
  },
  // A specimen drawn "from 3-5" (month-day): "CULTURES FROM 4-7 GREW GNRS", "sputum from 11-3 negative".
  {
    category: 'DATE', keywords: ['bc', 'bcx', 'bcs', 'cx', 'cxs', 'culture', 'cultures', 'sputum', 'urine', 'blood', 'wound', 'specimen', 'specimens', 'sample', 'samples', 'swab', 'swabs', 'ucx', 'uc'],
    re: new RegExp(String.raw`(?:bcx?s?|cxs?|cultures?|sputum|urine|blood|wound|specimens?|samples?|swabs?|ucx|uc)\s+(?:cx\s+|culture\s+)?(?:from|of|on|drawn)\s+(?<v>${MONTH_DASH_DAY})(?![\d\/-]|\.\d)(?!\s*(?:l|lpm|liters?|mg|mcg|cc|ml|units?|days?|hrs?|hours?|times|x|%|mm|cm|kg|cc\/hr|ml\/hr|breaths?|beats?|bpm|sites?|sets?|bottles?|vials?|tubes?|specimens?|samples?|attempts?|sticks?|weeks?|months?)\b)`, 'gi'),
  },
  // A year of two digits opening a history item, before an intervention: "HX: ... 04 PTCA to RCA. 11 stent to LAD".
  {
    category: 'DATE', keywords: ['ptca', 'cabg', 'stent', 'stents', 'stenting', 'pci', 'angioplasty', 'cath', 'avr', 'mvr', 'cva', 'mi', 'ami', 'nstemi', 'stemi', 'ppm', 'aicd', 'icd', 'pacemaker'],
    re: /(?<=(?:^|(?<!\d)[\n.:;(]|s\/p)[ \t]*(?<v>\d\d)[ \t]+)(?:ptca|cabg|stents?|stenting|pci|angioplasty|cath|avr|mvr|cva|mi|ami|n?stemi|ppm|aicd|icd|pacemaker)\b/dgi,
  },
  // Six digits standing alone that read as MMDDYY: "family meeting 052647".
  { category: 'DATE', re: /(?<![\w.,:\/-])(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d\d(?![\w\/%]|[.,:-]\d)/g, when: test(/\d{6}/), shape: SHAPE_SIX_DIGITS, accept: acceptSixDigits },
  { category: 'DATE', re: /\b(?:19|20)\d0'?s\b/gi, when: test(/(?:19|20)\d0'?s/), shape: SHAPE_DECADE },
  { category: 'DATE', keywords: ['christmas', 'thanksgiving', 'easter', 'new', 'memorial', 'labor', 'independence', 'veterans', 'halloween', 'valentine'], re: /(?:christmas(?: eve| day)?(?![ \t]+(?:disease|factor))|thanksgiving(?: day)?|easter(?![ \t]+seals?\b)|new year'?s(?: day| eve)?|memorial day|labor day(?![ \t]*#?\d)|independence day|veterans day|halloween|valentine'?s day)\b/gi },
  // Days of other countries and of families, capitalised: "after an Australia Day barbecue", "on Boxing Day", "Mother's Day".
  // Their first words are frequent ("mother", "st"): the regex runs only where "day" follows soon.
  {
    category: 'DATE', keywords: NAMED_DAY_KEYS, re: NAMED_DAYS, afterKeyword: (text, end) => DAY_SOON.test(text.slice(end, end + 28)),
    // "MOTHER DAY 2 POST C/S", "father day off": a day of a stay or of work, not the holiday (which has its possessive).
    accept: (text, start, end) => !/^[ \t]*(?:\d|#|off\b|shift\b)/i.test(text.slice(end, end + 8)) && !/^(?:mother|father)[ \t]/i.test(text.slice(start, end)),
  },
  { category: 'DATE', keywords: NAMED_DAYS_ALONE.map((d) => d.toLowerCase()), re: new RegExp(`\\b(?:${NAMED_DAYS_ALONE.join('|')})\\b`, 'gi') },
  // Ages over 89.
  {
    category: 'AGE',
    re: /\b(?<v>9\d|1[0-4]\d)\s*(?:-\s*)?(?:y\/o|y\.o\.?|yo[mf]?|yr?s?\.?\s*-?\s*old|years?\s*-?\s*old|year-old|years?\s+of\s+age|yrs?\b|y\b)/gi,
    shape: SHAPE_OLD_AGE,
  },
  { category: 'AGE', keywords: ['her', 'his', 'their'], re: new RegExp(String.raw`(?:her|his|their)\s+(?:early\s+|mid-?\s*|late\s+)?(?<v>(?:9|1[0-4])0'?s|nineties|hundreds)\b`, 'gi') },
  { category: 'AGE', keywords: ['age', 'aged'], re: new RegExp(String.raw`(?:age|aged|age of)(?:\s*\/\s*(?:sex|gender))?\s*:?\s*(?<v>9\d|1[0-4]\d|${SPELLED_OLD_AGE})(?:\b|(?=[MF]\b))`, 'gi') },
  // "Sex/Age: F/91".
  { category: 'AGE', keywords: ['sex', 'gender'], re: /(?:sex|gender)\s*\/\s*age\s*:?\s*(?:[MF]|male|female)\s*\/\s*(?<v>9\d|1[0-4]\d)\b/gi },
  // "a nonagenarian", "centenarian": an age over 89 as a word (Safe Harbor keeps only "90 or older").
  { category: 'AGE', keywords: ['nonagenarian', 'centenarian', 'nonagenarians', 'centenarians'], re: /(?:nonagenarian|centenarian)s?\b/gi },
  // "She turned 90 last week", "turns 101 in May"; not an angle ("turned 90 degrees", "turned 90°").
  { category: 'AGE', keywords: ['turned', 'turns', 'turning'], re: /(?:turned|turns|turning)[ \t]+(?<v>9\d|1[0-4]\d)\b(?![ \t]*(?:°|deg|degrees?\b|%|mg|ml|cc|units?\b))/gi },
  // "93M with CHF", "91F s/p fall": an age and a sex in capitals opening the note or a line (or after "pt", "is a",
  // "HPI:"), then what brings the patient in. A temperature in Fahrenheit has the shape: "Max temp: 102F with chills",
  // "Pt spiked a 101F, given", "Temp\n99F, afebrile" are refused by the context on both sides.
  {
    category: 'AGE',
    re: /(?<=(?:^|\n|\b(?:[Pp]t|[Pp]atient|PATIENT|is an?|IS AN?|HPI:?|CC:?))[ \t]*)(?<v>9\d|1[0-4]\d)[ \t]?(?:yo)?[MF](?![\w\/-])(?=[ \t]+(?:[Ww]ith\b|WITH\b|[Ww]\/|[Ss]\/[Pp]\b|[Ww]ho\b|WHO\b|[Pp]resent|PRESENT|[Aa]dmitted|ADMITTED|[Tt]ransferred|TRANSFERRED|PMH\b|[Hh]\/[Oo]|[Hh]x\b|HX\b|[Cc]\/[Oo]))/g,
    runs: (1 << 2) | (1 << 3), after: ' \tyMF',
  },
  // Written in words: "ninety-two year old", "one hundred and one years old".
  {
    category: 'AGE', keywords: ['ninety', 'hundred', 'one'],
    re: new RegExp(String.raw`${SPELLED_OLD_AGE}[- ](?:years?[- ]old|year-old|yo\b|y\/o)`, 'gi'),
  },
  // Street addresses and ZIP codes.
  {
    category: 'LOCATION',
    re: new RegExp(String.raw`(?<![\w.\/-])\d{1,6}\s+(?:[A-Z][A-Za-z'.-]*\s+){1,3}(?:${streetTypes()})\b\.?(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=[,.;\s]|$))?`, 'g'),
    accept: acceptStreet,
    shape: SHAPE_NUMBER_CAPITAL,
    runs: RUNS_1_TO_6, after: SPACE_CHARS,
  },
  // An address after its cue, up to the end of the clause: "lives at 4417 Rua do Limoeiro Torto 55, Serra Vermelha".
  {
    category: 'LOCATION',
    keywords: ['address', 'lives', 'live', 'living', 'located', 'moved', 'drops', 'office', 'resides', 'send'],
    re: /(?:address(?:\s+is|:)?|lives at|live at|living at|located at|moved to|drops you off at|office is at|resides at|send (?:a new one |it |one )?to)\s*(?::\s*)?(?<v>(?:the corner of )?(?:\d{1,6}[A-Za-z]?\s+|PSC\s+\d)[^\n?!;]{2,80}?)(?=\s*(?:[?!;\n]|\.\s|\.$|$|,\s*[A-Z]{2}\s+\d{5}|\s+(?:I am|I'm|for|and I|in order|please|thanks|with|where|since|and has|and is)\b))/gi,
  },
  { category: 'LOCATION', keywords: ['p', 'po', 'box', 'apt', 'apartment'], re: /(?:p\.?\s?o\.?\s?box|box|apt\.?|apartment)\s*#?\s*\d+[A-Za-z]?\b/gi },
  // A suite or a flat on an address's line, before the line goes on: "Suite 3B,", "Flat 3, 27 ..." (not a ward's "Unit 5,").
  {
    category: 'LOCATION', keywords: ['suite', 'ste', 'flat'], re: /(?:Suite|SUITE|Ste\.?|STE\.?|Flat|FLAT)[ \t]*#?[ \t]*(?:\d+[A-Za-z]?|[A-Z])\b(?=[ \t]*,)/g,
    // An operating or a procedure suite is a room of the hospital: "to Operative Suite #2, placed on the table".
    accept: (text, start) => !/\b(?:operative|operating|procedure|endoscopy|delivery|labou?r|recovery|birthing|treatment|exam|surgical|hybrid|cath|or|theatre|theater|imaging|interventional)[ \t]+$/i.test(text.slice(Math.max(0, start - 16), start)),
  },
  // A ZIP code after a state: "Havre, MT 59501", "Havre, Montana 59501", in a lower-case note after a comma ("havre, mt 59501").
  { category: 'LOCATION', re: /(?:\b(?:[A-Z]{2}|[A-Z][a-z]+)|(?<=,[ \t]?)[a-z]{2})\s+(?<v>\d{5}(?:-\d{4})?)\b(?![\/.]\d)/g, accept: acceptZip, when: test(/[a-z] \d{5}/), shape: SHAPE_ZIP },
  // A town and a British postcode or an Irish Eircode after it: "Bristol BS1 4DJ", "Cork T12 X70A" (a code alone is
  // too like a lab's or a vertebra's name: "CD4", "T12").
  {
    category: 'LOCATION',
    re: /(?<![\p{L}\d])\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?,?[ \t]+(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[\dAC-FHKNPRTV-Y]{4})(?![\p{L}\d])/gu,
    shape: SHAPE_POSTCODE, accept: townBeforeCode,
  },
  // The same in an address block, the town on its own line above the postcode's ("Orvelton\nLS8 5PL").
  {
    category: 'LOCATION',
    re: /(?<=(?:^|\n)[ \t]*)\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?[ \t]*\r?\n[ \t]*[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}(?=[ \t]*(?:\r?\n|$))/gu,
    shape: SHAPE_POSTCODE, accept: townBeforeCode,
  },
  // A town before an Australian state's code and a postcode, and the postcode: "Orvelton VIC 3220", "Quenby Heights
  // NSW 2145" (the state stays, as a US one does). Anchored at the state's code.
  {
    category: 'LOCATION', keywords: AU_STATE_KEYS, afterKeyword: digitAfterSpaces,
    accept: (text, start, end) => {
      const m = /^,?[ \t]+(NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+(\d{4})/.exec(text.slice(end, end + 16));
      return m !== null && townBeforeCode(text, start) && australianPostcode(m[1] as string, Number(m[2]));
    },
    re: new RegExp(String.raw`(?<=(?<![\p{L}'’-])(?<v>${AU_TOWN_WORD}(?:[ \t]+${AU_TOWN_WORD}){0,2}),?[ \t]+)${AU_STATES}[ \t]+\d{4}(?![\w-])`, 'gdu'),
  },
  {
    category: 'LOCATION', keywords: AU_STATE_KEYS, afterKeyword: digitAfterSpaces,
    re: new RegExp(String.raw`(?<=${AU_TOWN_WORD},?[ \t]+)${AU_STATES}[ \t]+(?<v>\d{4})(?![\w-])`, 'gdu'),
    // The word before the state's code is a town's, no common word ("WILL ACT 2024"), and the postcode one of the
    // state's ("Referred ACT 2021" is a year).
    accept: (text, start, end) => {
      const m = /(\p{L}+),?[ \t]+(\p{Lu}{2,3})[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
      return m !== null && !lexicon.stop.has((m[1] as string).toLowerCase()) && australianPostcode(m[2] as string, Number(text.slice(start, end)));
    },
  },
  // A street named without a number after "on", "off", "near", "along" or "down": "lives on Delmar Blvd", "near
  // Sunset Blvd and Vine St" (the second by its own "and" is not taken: a number or a cue is needed).
  {
    category: 'LOCATION', keywords: ['on', 'off', 'near', 'along', 'down'], afterKeyword: capitalAfterSpaces,
    re: /(?:[Oo]n|[Oo]ff|[Nn]ear|[Aa]long|[Dd]own)[ \t]+(?<v>(?:(?:[NSEW]|N[EW]|S[EW]|North|South|East|West)\.?[ \t]+)?(?:(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,2}(?:(?:Blvd|Ave|St|Rd|Ln|Pkwy|Hwy)\b\.?|(?:Boulevard|Avenue|Street|Road|Lane|Parkway|Highway|Drive|Court|Crescent|Terrace|Way|Close|Pike|Trail|Circle)\b))/g,
    accept: namedStreet,
  },
  // A numbered street: "on 28th Street", "near 5th Ave".
  {
    category: 'LOCATION', keywords: ['on', 'off', 'near', 'along', 'down'], afterKeyword: digitAfterSpaces,
    re: /(?:[Oo]n|[Oo]ff|[Nn]ear|[Aa]long|[Dd]own)[ \t]+(?<v>\d{1,3}(?:st|nd|rd|th)[ \t]+(?:(?:Ave|St|Rd)\b\.?|(?:Avenue|Street|Road|Boulevard|Drive|Lane)\b))/g,
  },
  // The same in a note written in capitals ("HOME ON ELM RIDGE RD"): "ST" (an ECG's segment, speech therapy and a
  // saint's too: "ON ECG ST DEPRESSION", "DIET ST TO EVAL", "ST QUENBY") only where the sentence or the phrase ends
  // ("ON W MADISON ST.").
  {
    category: 'LOCATION', keywords: ['on', 'off', 'near', 'along', 'down'], afterKeyword: capitalAfterSpaces,
    re: /(?:ON|OFF|NEAR|ALONG|DOWN)[ \t]+(?<v>(?:[NSEW][ \t]+)?(?:[A-Z]{3,}[ \t]+){1,2}(?:BLVD|AVE|RD|LN|PKWY|HWY|BOULEVARD|AVENUE|STREET|ROAD|LANE|PARKWAY|HIGHWAY|DRIVE|ST(?=[ \t]*(?:[.,;]|\r?\n|$)))\b)/g,
    accept: namedStreet,
  },
  // A numbered road after a word of place: "on Route 9", "near Highway 101", "off I-95".
  {
    category: 'LOCATION', keywords: ['on', 'off', 'near', 'along', 'down', 'via'],
    re: /(?:on|off|near|along|down|via)[ \t]+(?<v>(?:route|rte\.?|highway|hwy|interstate|county road|state route)[ \t]+\d{1,4}[a-z]?|i-(?!12[35]\b|131\b)\d{1,3})(?![\w\/-]|\.\d)/gi,
  },
  // A Canadian postal code after a province's code: "Ottawa, ON K1S 3X4".
  {
    category: 'LOCATION', keywords: ['on', 'qc', 'bc', 'ab', 'mb', 'sk', 'ns', 'nb', 'nl', 'pe', 'yt', 'nt', 'nu'],
    re: /(?:ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU),?[ \t]+(?<v>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d)(?![\w-])/g,
    // The province's code in capitals, then a letter and a digit: most "on"s are followed by neither.
    afterKeyword: capitalThenDigitAfter,
  },
  // A postal code after its label: "zip 02139", "ZIP: 21201-3400", "postal code 2231", "postcode 412 07".
  { category: 'LOCATION', keywords: ['zip', 'zipcode', 'postal', 'postcode'], re: /(?:zip|zipcode|postal|postcode)(?:\s*code)?(?:\s*(?:is|was|#|number))?\s*(?::\s*)?(?<v>\d{3,6}(?:[- ]\d{2,4})?)(?![\w\/.:-]{0,16}\d)/gi },
  // Military addresses: the unit or ship line ("PSC 1234, Box 5678", "Unit 2050 Box 4190", "USNS Comfort"), then
  // "APO/FPO/DPO" with its code (AA, AE, AP) and ZIP, a line of their own.
  { category: 'LOCATION', keywords: ['apo', 'fpo', 'dpo'], re: /(?:apo|fpo|dpo)[ \t]+(?:aa|ae|ap)[ \t]+\d{5}(?:-\d{4})?\b/gi },
  { category: 'LOCATION', keywords: ['psc', 'unit', 'cmr'], re: /(?:psc|unit|cmr)[ \t]+\d{3,5},?[ \t]+box[ \t]+\d{3,5}\b/gi },
  { category: 'LOCATION', keywords: ['usns', 'usnv', 'uss', 'uscgc'], re: /(?:usns|usnv|uss|uscgc)[ \t]+[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,2}(?=[ \t]*\r?\n[ \t>]*(?:apo|fpo|dpo)\b)/giu },
  // "on the corner of Larkin Street and 9th Avenue", "corner of Birkholmvej 8 and Birch Row": the corner is one
  // place, tagged whole ("lives at [LOCATION]"). Names must be capitalised or numbered: "corner of the mouth", "CORNER
  // OF EYE" are not. "The corner of ..." is tagged with its article, the way addresses are written out.
  {
    category: 'LOCATION', keywords: ['corner', 'the'], afterKeyword: cornerFollows,
    re: new RegExp(String.raw`(?:[Tt]he[ \t]+)?[Cc]orner of[ \t]+${CORNER_STREET}\.?[ \t]+and[ \t]+${CORNER_STREET}`, 'gu'),
  },
];

/**
 * The rules with one hidden class: as literals, each set and order of fields (`accept`, `when`, `keywords`) is a
 * class of its own, so the optimized `findPatternPhi` met new ones at `rule.accept` after its first runs and was
 * thrown away and compiled again (4 times a run), and read the rules through polymorphic loads in between.
 */
const RULES: readonly PatternRule[] = RULE_LIST.map((r) => ({
  category: r.category, re: r.re, accept: r.accept, when: r.when, keywords: r.keywords, afterKeyword: r.afterKeyword, shape: r.shape ?? 0, runs: r.runs ?? 0,
  after: r.after,
}));

/** A dotted number is no section's, version's, step's or figure's ("Section 4.2.13", "v2.1.10"). */
function notNumbering(text: string, start: number): boolean {
  return !/(?:section|sec|§|chapter|ch|step|version|ver|v|release|fig|figure|table|item|para|paragraph|rule|appendix|no)\.?[ \t]*$/i.test(text.slice(Math.max(0, start - 12), start));
}

/** A speaker's name is no role or common word ("19:04 Nurse:", "08:15 Note:"). */
function speakerName(text: string, start: number, end: number): boolean {
  // A listed name (timed nursing lines name drugs, headings and roles the same way: "09:15 Morphine: 2 mg"), and no
  // number or dose after the colon.
  const first = /^\p{L}[\p{L}'’-]*/u.exec(text.slice(start, end))?.[0].toLowerCase() ?? '';
  // Or two words with the speaker's job in brackets: "06:58 Orlanth Vesqueri (pharm): ...".
  const job = /^[ \t]*\(/.test(text.slice(end, end + 3)) && /[ \t]/.test(text.slice(start, end));
  return (isKnownName(first) || job) && !lexicon.stop.has(first) && !ROLES.has(first) && !HEADER_FIELDS.has(first)
    && !/^[ \t]*(?:\([^()\n]*\)[ \t]*)?:[ \t]*\d/.test(text.slice(end, end + 30));
}

/** Three numbers right after a dose's word are values, not a date: "Insulin 10/10/10" (three meals' doses). */
function notValuesRun(text: string, start: number, end: number): boolean {
  // Right after the dose's word, without leading zeros: "Insulin: 05/12/23 started", "ER 10/12/22" are dates.
  const values = /^([1-9]\d?)[\/-]([1-9]\d?)[\/-]([1-9]\d?)$/.exec(text.slice(start, end));
  return values === null || values.slice(1).some((v) => Number(v) > 30) || !VALUES_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/** Words right before a run of three values: a dose's ("Insulin 10/10/10") or a strength's. */
const VALUES_BEFORE = /\b(?:insulin|ssi|novolog|humalog|lispro|aspart|strength)[ \t]*:?[ \t]*$/i;

/**
 * A value after "is" or "was" (LABEL_GAP_IS) is told in a sentence, where numbers are as often amounts ("insurance is
 * 100% covered", "the lot is 1234 sq ft"): there it must look like an identifier (idLike).
 */
function idLikeAfterIs(text: string, start: number, end: number): boolean {
  return !/\b(?:is|was)\s+$/i.test(text.slice(Math.max(0, start - 6), start)) || idLike(text, start, end);
}

/** A value that looks like an identifier: letters with 4+ digits, or 5+ digits; not an amount ("100%", "1234 sq ft"). */
function idLike(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const digits = value.replace(/\D/g, '').length;
  // Not a year or a year range ("NHS 2019/20 tariff"), nor an amount or a count ("100000 CFU/mL", "2024 10 days").
  if (/^(?:19|20)\d\d(?:[-\/](?:\d\d|(?:19|20)\d\d))?$/.test(value)) return false;
  // A code of capitals and digits, two of each or more ("8NQ4KX"), is one too.
  return ((/[A-Za-z]/.test(value) && digits >= 4) || digits >= 5 || (value.length >= 6 && digits >= 2 && /^(?:[A-Z\d]*[A-Z]){2}[A-Z\d]*$/.test(value)))
    && !/^\s*(?:%|percent|sq|ft|feet|m2|dollars|usd|cfu|cells|platelets|copies|ml|\/|days?|slides?|cores?|units?)/i.test(text.slice(end, end + 10));
}

/**
 * A reference range is no identifier: "(reference (adult) 150-400)", nor a count's range after any label ("Per ID
 * 10-14 days"). Only after "ref" or "reference" is a number with a dash one; a case's number is no range ("case #:
 * 24-1187").
 */
function notAReferenceRange(text: string, start: number, end: number): boolean {
  const range = /^(\d{1,4})(?:\.\d+)?-(\d{1,4})$/.exec(text.slice(start, end));
  if (range === null) return true;
  // A count's or a time's range, after any of the labels: "Per ID 10-14 days", "in which case 10-15 minutes".
  if (((range[1] as string).length <= 2 && (range[2] as string).length <= 2) || RANGE_UNIT_AFTER.test(text.slice(end, end + 12))) return false;
  if (!/\bref(?:erence)?\b[^\n]{0,24}$/i.test(text.slice(Math.max(0, start - 32), start))) return true;
  // After "ref" too a year first, a zero after the dash or a smaller second number is a number ("Ref: 2023-4471").
  return /^(?:19|20)\d\d$/.test(range[1] as string) || (range[2] as string).startsWith('0') || Number(range[2]) < Number(range[1]);
}

/** A unit or a count after a range of numbers: "10-14 days", "10-20 mm", "10-12 voids". */
const RANGE_UNIT_AFTER = /^[ \t]*(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|mm|cm|mg|ml|voids?|times|beats|breaths|%)\b/i;

/** A licence value that starts with two letters and a space starts with a state's code, in capitals ("IL D512-4478"). */
function stateCodeFirst(text: string, start: number): boolean {
  return !/^[A-Za-z]{2}[ \t]/.test(text.slice(start, start + 3)) || /^[A-Z]{2}/.test(text.slice(start, start + 2));
}

/** The town before a postcode is no common word ("At", "Level", "Room"). */
function townBeforeCode(text: string, start: number): boolean {
  const town = /^\p{L}[\p{L}'’-]*/u.exec(text.slice(start, start + 40))?.[0] ?? '';
  return !lexicon.stop.has(town.toLowerCase());
}

function acceptCompressedIpv6(text: string, start: number, end: number): boolean {
  const groups = text.slice(start, end).split(':').filter((group) => group !== '');
  return groups.length >= 3 && groups.some((group) => group.length === 4 || /[a-f]/i.test(group));
}

/** Words before an "a/b" that make it a setting, a score or a ratio rather than a date. */
const NOT_DATE_BEFORE = /\b(?:va|pinhole|acuity|snellen|re|le|allred|tof|train-of-four|total|rue|rle|lue|lle|ue|psv|ps|cpap|peep|vent|settings?|ventilation|flowby|flow-by|bipap|simv|imv|a\/c|ac|prvc|mask|trialed on|tried on|pain|cp|discomfort|rated?|rates|strength|grade|x|q|rr|bp|abp|nbp|pap|cvp|map|ratio|fio2|sbp|dbp|pressures?|mmhg|i:e|ie|power|motor|murmur|gcs|score|index|apgar|perrla?|pearla?|pupils?|co\/ci|ci|co|reflexes|dtrs?|motor|strength|flexors?|extensors?|abductors?|adductors?|grips?|grasps?|pulses?|#|tender|swollen|joints?|counts?|tjc|sjc|sirs|qsofa|sofa|attention|memory|fluency|language|visuospatial|executive|orientation|registration|naming|abstraction|recall|delayed|calculation|7s|drawing|stop-bang|bang|mmse|moca|slums|phq-?\d*|gad-?\d*|curb-?65|wells|nihss|das28|cdai|sdai|haq|cage|audit-?c?|crafft|epworth|ess|epds|m-?chat|braden|apgars|flexion|extension|abduction|adduction)\s*(?:of|at|is|was|=|:|-|to|,)?\s*$/;
const NOT_DATE_AFTER = /^(?:\+|\s*(?:sirs|criteria|on\s+(?:the\s+)?(?:stop-bang|mmse|moca|phq-?\d*|gad-?\d*|audit|cage|epworth)|strength|str|bottles?|sets?|cultures?|cores?\b|nodes?\b|of\b|ns|nss|tabs?|amps?|dose|units?|cc|ml|l\b|mg|lpm|power|pulses?|x\b|peep|fio2|%|w\/? ?sats|with sats|pain|cp\b|murmur|sem|hsm|ps\b|cpap|psv|ratio|breaths|support|ips|eps|brisk|prbcs?\b|ffp\b|cryo\b|plts?\b|platelets\b|bags?\b|(?:\w+\s+)?pain))/;

/**
 * After an ordinal, what makes it the number of a body part or a stage, not a day: "of the 2nd and 3rd MCPs", "of the
 * 4th digit", "on the 5th intercostal space".
 */
const ORDINAL_OF_A_BODY_PART = /^(?:[ \t]*(?:,|and|or|&|-|to|through)[ \t]*\d{1,2}(?:st|nd|rd|th))*[ \t]+(?:digits?|fingers?|toes?|ribs?|mcps?|pips?|dips?|mtps?|metacarpals?|metatarsals?|intercostal|ics|spaces?|web|degree|trimester|grade|line|cranial|nerves?|ventricle|percentile|cycles?|doses?|rounds?|generation|branch|lumbar|cervical|thoracic|sacral|molars?|premolars?|toenails?|fingernails?|decade|week|month|year|day|time|attempt|episode|pregnancy|child|baby|floor)\b/i;

/** A weekday right before: "Tues 3/3", "Thursday, 1/2" (lower-cased text). */
const WEEKDAY_BEFORE = /\b(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|saturday|sunday)(?:day)?\.?,?\s*$/; // "sat 1/2 hr", "sun 2/3" are not

/** A product's label before its number: "model #12345", "catalog # 4471", "Batch: NL22104", "REF 5510-F-401". */
const PRODUCT_NUMBER_BEFORE = /\b(?:model|cat(?:alog(?:ue)?)?\.?|part|item|ref\.?(?: no\.?)?|size|style|type|lot|batch|product|order)[ \t]*[#:.]?[ \t]*:?[ \t]*$/i;

/**
 * A code that identifies: six characters or more, a run of four digits or more and a capital, in mixed-case text (in
 * a note all in capitals, vitals and rates run into their labels: "BP118/66", "80-110CC/HR"). Not a reading glued to
 * its label ("RBC18550", "LR/1000"), a quantity or a rate with its unit ("2000IU", "1000U/HR"), a time with a word
 * ("2300-APPROX"), a gene variant, an HLA allele, a trial's registry number or an obstetric history ("G3P2012").
 */
function standaloneCode(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  // Five digits at least: a lab's test code or a batch has four ("| FBC | HA0012 |", "NL2210A").
  if (value.length < 6 || !/\d{4}/.test(value) || value.replace(/\D/g, '').length < 5) return false;
  if (!/\p{Ll}/u.test(text.slice(Math.max(0, start - 40), start)) && !/\p{Ll}/u.test(text.slice(end, end + 40))) return false;
  // A study's, a product's or a billing code ("clinical trial of CTSU/C40502", "cycle 2 of POG-9641", "COG AALL0932", "NDC ...").
  if (PRODUCT_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 16), start))
    || /\b(?:trials?|protocol|study|cycle \d+ of|ndc|cpt|icd(?:-?10)?|loinc|snomed(?: ct)?|code|cog|rtog|nrg|swog|ecog|alliance|ctsu|nsabp|gog|eortc)(?:\s+of)?[\s:#.]*$/i.test(text.slice(Math.max(0, start - 24), start))) return false;
  // A trial group's study ("RTOG-0617"), a quarter ("2024Q1"), a lead's model and length ("2088TC/52").
  if (/^(?:COG|RTOG|NRG|SWOG|ECOG|GOG|NSABP|EORTC|CALGB|ACOSOG)-?[A-Z]*\d/.test(value) || /^\d{4}Q[1-4]$/.test(value) || /^\d{4}[A-Z]{0,3}\/\d{2}$/.test(value)) return false;
  if (/^[A-Z]{1,5}[\/-]?[1-9]\d{3,4}$/.test(value) || /\/(?:HR|H|MIN|DAY|D|KG|WK)$/.test(value) || /(?:^|[\/-])[A-Z]{5,}(?:$|[\/-])/.test(value)) return false;
  // A quantity anywhere in it ("25000U/250ML", "5040CGY", "1200MM2", ">100000CFU/ML").
  if (/\d(?:IU|U|MG|ML|MCG|MEQ|MMOL|KG|CM|MM2?|HZ|BPM|L|H|HR|HRS|AM|PM|K|MIN|G|GM|CC|X|MMHG|KCAL|CAL|T|CFU|C?GY)(?:$|[\/-])/.test(value)) return false;
  // A gene variant ("G20210A"), an HLA allele, a trial's registry number, a procedure's code with its modifier ("27447-RT"),
  // a vitamin's dose ("D3-2000"), an obstetric history ("G3P2012").
  return !/^[ACGT]\d{2,6}[ACGT]$/.test(value) && !/^HLA-/.test(value) && !/^NCT\d{8}$/.test(value) && !/^\d{5}-[A-Z\d]{2}$/.test(value)
    && !/^[A-Z]\d{1,2}-\d+$/.test(value) && !/^G\d{1,2}P\d{1,5}(?:-\d+)*$/.test(value);
}

/**
 * Ten or eleven digits, and not a line of hourly readings ("0200 128 110 96%": a time, then values, more after).
 */
function britishNumber(text: string, start: number, end: number): boolean {
  const digits = text.slice(start, end).replace(/\D/g, '');
  if (digits.length !== 10 && digits.length !== 11) return false;
  return !(/^(?:[01]\d|2[0-3])[0-5]\d$/.test(digits.slice(0, 4)) && /^[ \t]+\d/.test(text.slice(end, end + 4)));
}

/** An acuity's word, then only scores, eyes and aids to the value: "Visual acuity 6/12 left, 6/6", "VA: R 6/6, L". */
const SNELLEN_BEFORE = /\b(?:va|visual|vision|acuity|snellen|pinhole|bcva|ucva|vasc|vacc|od|os|ou)\b(?:[ \t:;,()=-]|\d+(?:\.\d+)?\/\d+(?:\.\d+)?|\b(?:r|l|re|le|od|os|ou|right|left|eye|eyes|unaided|aided|with|without|glasses|specs|ph|cc|sc|and|both)\b)*$/i;

/** "5/5" of a vent setting, "8/10" of a pain score, fractions like "1/2 NS" are not dates. */
function acceptMonthDay(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  const after = text.slice(end, end + 16).toLowerCase();
  if (/^(?:1\/2|1\/3|2\/3|1\/4|3\/4|1\/8)$/.test(value) && !WEEKDAY_BEFORE.test(before) && !/\b(?:on|since|from|until|of|dated?|appt|appointment|visit|f\/u|follow-?up|scheduled|adm|admitted)\s*$/.test(before)) return false;
  if (NOT_DATE_BEFORE.test(before) || NOT_DATE_AFTER.test(after)) return false;
  // "5/5", "2/2": strength and reflex grades, unless a date cue comes right before or a part is padded with a zero
  // ("04/04: diuresed", as a flowsheet's lines open; no grade is written so).
  const [a = '', b = ''] = value.split('/');
  // A grade after another out of the same ("Strength 5/5 and 4/5", "4/5, 3/5").
  const earlier = /(\d)\/(\d)[ \t]*(?:and|or|,|-|to)[ \t]*$/.exec(before);
  if (earlier !== null && earlier[2] === b && Number(b) <= 5 && Number(a) <= Number(b) && Number(earlier[1]) <= Number(b)) return false;
  // Not where a day-like date follows with "and" ("missed doses (2/2 and 2/16)").
  if (a === b && Number(a) <= 5 && !/^0|\/0/.test(value) && !/\b(?:on|since|from|until|dated?|scheduled|due|appt|started|stopped|restarted|began|changed)\s*$/.test(before) && !WEEKDAY_BEFORE.test(before)
    && !/^[ \t]*(?:and|&|or)[ \t]+\d{1,2}\/(?:[6-9]|[12]\d|3[01])\b/.test(after)) return false;
  // A pain, effort or symptom score: "#4/10", "c/o 8/10", "Fatigue 2/10".
  if (/\/10$/.test(value) && /(?:pain|c\/o|discomfort|cp|#|level|scale|rating|fatigue|nausea|anxiety|mood|dyspn[o]?ea|sob|stress|energy|itch(?:ing)?|pruritus|cravings?|distress|headache|dizziness|stiffness|global|ptga|sleep|depression|suds|tinnitus)\b[^.\n]{0,20}$/.test(before)) return false;
  // A metric Snellen score after another on an acuity's line: "Visual acuity 6/12 left, 6/6 right".
  // Only eyes, aids and other scores may lie between ("VA 6/6 OU, last seen 6/12" keeps its date).
  if (/^6\/(?:5|6|9|12|18|24|36|60)$/.test(value) && SNELLEN_BEFORE.test(text.slice(Math.max(0, start - 64), start))) return false;
  // A vent setting mentioned earlier on the line: "PS 12/6 ... then 6/12 W SATS".
  if (/\b(?:psv|ps|peep|cpap|simv|imv|vent)\b[^\n]{0,40}$/.test(before)
    && !/\b(?:on|since|from|until|of|dated?|admitted|d\/c|dc|extubate|extubated|extubation|intubated|for|by|after|before|thru|through|planned)\s*$/.test(before)) return false;
  return true;
}

/** Two month/day dates in one run ("3/14/3/15"), not four grades ("4/5/4/5", "5/5/5/5", "pupils 3/3/2/2"). */
function acceptSlashedRun(text: string, start: number, end: number): boolean {
  const numbers = text.slice(start, end).split('/').map(Number);
  if (numbers.every((n) => n <= 5)) return false;
  return !NOT_DATE_BEFORE.test(text.slice(Math.max(0, start - 30), start).toLowerCase());
}

/** Six digits as MMDDYY, not a count or a value after its label ("Platelets: 102000", "WBC 112233", "Total 102030 cells"). */
function acceptSixDigits(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start).toLowerCase();
  if (/[:=#]\s*$/.test(before) && !/\b(?:date|dob|on|dated|seen|visit)\s*[:=#]\s*$/.test(before)) return false;
  if (/\b(?:plt|platelets?|anc|alc|wbc|rbc|ck|cpk|cd4|count|counts|total|specimen|sample|lot|serial|qty|quantity|level|value|result|no|number|id|x)\s*$/.test(before)) return false;
  return !/^\s*(?:cells|k\b|\/|mm|ul|units|copies|iu)/i.test(text.slice(end, end + 8));
}

/**
 * One end of a range of two month/day dates ("3/15-3/18", "3/28-4/2"): the same month, or the next with an earlier day,
 * as a stay runs. Ranges of grades and scores share their denominator instead ("4/5-5/5", "8/30-10/30", "3/15-4/15").
 */
function acceptDateRange(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(end) === 45 ? text.slice(start, end) : /\d+\/\d+$/.exec(text.slice(Math.max(0, start - 6), start - 1))?.[0] ?? '';
  const second = text.charCodeAt(end) === 45 ? /^\d+\/\d+/.exec(text.slice(end + 1, end + 7))?.[0] ?? '' : text.slice(start, end);
  const [m1 = 0, d1 = 0] = first.split('/').map(Number);
  const [m2 = 0, d2 = 0] = second.split('/').map(Number);
  const runs = (m1 === m2 && d2 > d1) || (m2 === m1 % 12 + 1 && d2 < d1);
  return runs && acceptMonthDay(text, start, end);
}

/** "12/93" (month and two-digit year): the year part cannot be a day, or history words come before. */
function acceptMonthYear(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const year = value.split('/')[1] ?? '';
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  const after = text.slice(end, end + 16).toLowerCase();
  if (NOT_DATE_BEFORE.test(before) || NOT_DATE_AFTER.test(after)) return false;
  if (year.length === 4) return true;
  if (Number(year) > 31) return true;
  return /\b(?:in|since|on|from|of|dated?|ca|cancer|mi|ami|cva|cabg|avr|mvr|ptca|stent|s\/p|hx|\()\s*$/.test(before);
}

/** "may 5" is a date only when the word really is a month: "may" and "mar" need a date-like neighbourhood. */
function acceptMonthWords(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end).toLowerCase();
  if (/^\d/.test(value)) {
    // Day before month ("20th Oct", "21 Apr, 21"): short or ambiguous month words need an ordinal or a year.
    const month = /[a-z]+\.?(?:,?\s+\S+)?$/.exec(value.replace(/^\d+(?:st|nd|rd|th)?\s+(?:of\s+)?/, ''))?.[0] ?? '';
    if (/^(?:may|mar|dec|sep|sept|jun|jan)\b/.test(month)) {
      return /^\d+(?:st|nd|rd|th)/.test(value) || /[,\s]\s*(?:'?\d\d|\d{4})$/.test(value) || WEEKDAY_BEFORE.test(text.slice(Math.max(0, start - 12), start).toLowerCase());
    }
    return true;
  }
  if (/^(?:may|mar)\b/.test(value)) {
    const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
    return /(?:on|since|from|until|of|in|by|,|\n)\s*$/.test(before) || /\d{4}|'\d\d|\d(?:st|nd|rd|th)/.test(value);
  }
  // "dec 5" could be "decreased 5": require a day that reads as a day.
  if (/^dec\s/.test(value)) return /\d(?:st|nd|rd|th)|,|\d{4}|['’]\d\d/.test(value);
  return true;
}

/** A bare month name, not an abbreviation used as a word ("dec" decreased, "sept" septum). */
function acceptBareMonth(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end).toLowerCase().replace(/\.$/, '');
  if (value.length > 4) return true;
  const after = text.slice(end, end + 3);
  // A heading in capitals: "OCT: normal" is optical coherence tomography.
  if (/^[A-Z]+$/.test(text.slice(start, end)) && text.charAt(end) === ':') return false;
  if (value === 'dec' || value === 'sep' || value === 'sept') return /^[.,]?\s*\d/.test(after) && /^[A-Z]/.test(text.slice(start, start + 1));
  // "Jan" before a capitalised word or a surname's particle is a given name: "Patient Jan Kowal", "Jan van Hal".
  // Not before a title ("Seen in Jan Dr. Quenby reviewed"): the month, then the next sentence.
  if (value === 'jan' && text.charAt(end) !== '.' && /^[ \t]+(?:\p{Lu}\p{Ll}|(?:van|von|de|der|den)[ \t])/u.test(text.slice(end, end + 6))
    && !/^[ \t]+(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b/.test(text.slice(end, end + 8))) return false;
  return /^[A-Z]/.test(text.slice(start, start + 1)) || /^[.,]?\s*\d/.test(after);
}

/**
 * A street named without a number: its name's words are no function words, weekdays or months ("On Monday Avenue"?);
 * other common words name streets too ("on Bank Street", "on Pearl Street").
 */
function namedStreet(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/[ \t]+/).slice(0, -1).map((w) => w.toLowerCase()).filter((w) => !/^(?:[nsew]|n[ew]|s[ew]|north|south|east|west)\.?$/.test(w));
  return words.every((w) => !lexicon.functionWords.has(w) && !MONTH_KEY_SET.has(w) && !/^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w) && !NOT_STREET_NAMES.has(w));
}

/** Words before a street word that make a kind of road or a court of law, not a street: "ON GRAVEL ROAD", "on Drug Court". */
const NOT_STREET_NAMES = new Set(['gravel', 'wet', 'dirt', 'icy', 'country', 'back', 'main', 'paved', 'busy', 'open', 'rural', 'private', 'public',
  'drug', 'family', 'juvenile', 'supreme', 'district', 'traffic', 'claims', 'federal', 'high', 'food', 'mental', 'veterans', 'same', 'other',
  'slippery', 'snowy', 'dark', 'quiet', 'toll', 'side', 'long', 'divided', 'shared', 'google', 'hard', 'network', 'external', 'flash', 'test',
  // Places and things of the hospital, which the stop list holds and which no longer reject a name by themselves.
  'ward', 'floor', 'unit', 'room', 'bed', 'clinic', 'office', 'hospital', 'icu', 'rehab', 'lab', 'home', 'code', 'sliding', 'scale', 'pressure',
  'support', 'oxygen', 'service', 'team',
  // What an ECG's or speech therapy's "ST" follows: "ON ECG ST.", "ON TELE ST", "ON PUREED DIET, ST".
  'ekg', 'ecg', 'tele', 'telemetry', 'monitor', 'rhythm', 'strip', 'strips', 'lead', 'leads', 'diet', 'eval', 'swallow', 'motor', 'oral',
  'pureed', 'therapy', 'speech']);

/** A street name is capitalised name words, not clinical abbreviations ("104 NSR ST") or units. */
function acceptStreet(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (/\b(?:units?|mg|ml|cc|times|x|days?|hours?|hrs?|weeks?|bottles?|sets?|doses?|tabs?)\b/i.test(value)) return false;
  const words = value.split(/\s+/).slice(1, -1);
  const cue = /\b(?:at|lives|live|living|address|on|to|from|of|in)\s*$/i.test(text.slice(Math.max(0, start - 12), start));
  // A direction may open the name ("2200 W. Harrison St", "10 NE Oak Ave").
  const direction = /^(?:[NSEW]|NE|NW|SE|SW)\.?$/;
  return words.every((w, k) => (k === 0 && direction.test(w)) || (!lexicon.stop.has(w.toLowerCase()) && !/^[A-Z]{1,3}$/.test(w) && (cue || /^[A-Z][a-z]/.test(w))));
}

/**
 * The first character after the run of `\s` at `end` (-1 past the text), or -1 when there is no such run. No read
 * past the text (codeAt): the first such read deoptimized the code.
 */
function afterSpaces(text: string, end: number): number {
  if (!isSpace(codeAt(text, end))) return -1;
  let k = end + 1;
  while (isSpace(codeAt(text, k))) k++;
  return codeAt(text, k);
}

/** The first index at or after `end` that is no space, tab or colon. */
function skipBlanksAndColon(text: string, end: number): number {
  let k = end;
  for (let c = codeAt(text, k); c === 32 || c === 9 || c === 58; c = codeAt(text, ++k));
  return k;
}

/** `\s+\d`: what "in 1998" and "on 10-3" need after their keyword. */
function digitAfterSpaces(text: string, end: number): boolean {
  return isDigit(afterSpaces(text, end));
}

/** A comma or not, blanks, then a capital and a digit: what a Canadian postal code after a province's code needs. */
function capitalThenDigitAfter(text: string, end: number): boolean {
  const k = skipBlanksAndColon(text, codeAt(text, end) === 44 ? end + 1 : end);
  const c = codeAt(text, k);
  return c >= 65 && c <= 90 && isDigit(codeAt(text, k + 1));
}

/** `\s+` and a capital: what a street named after "on" needs after its keyword. */
function capitalAfterSpaces(text: string, end: number): boolean {
  const c = afterSpaces(text, end);
  return c >= 65 && c <= 90;
}

/** `\s+t` (either case): what "on the 3rd" needs after its keyword. */
function theAfterSpaces(text: string, end: number): boolean {
  const c = afterSpaces(text, end);
  return c === 116 || c === 84;
}

/** `[\s:#.]{1,3}\d`: what "at 555-1234" needs after its keyword. */
function digitAfterLabelGap(text: string, end: number): boolean {
  for (let k = end; k < end + 3; k++) {
    const c = codeAt(text, k);
    if (!(c === 58 || c === 35 || c === 46 || isSpace(c))) return false;
    if (isDigit(codeAt(text, k + 1))) return true;
  }
  return false;
}

const DOSE_UNIT_AFTER = new RegExp(String.raw`^[ \t]*${DOSE_UNIT}\b`, 'i');

function acceptZip(text: string, start: number, end: number): boolean {
  // "Heparin, PA 10000 units": five digits before a unit are a dose, not a ZIP code.
  if (DOSE_UNIT_AFTER.test(text.slice(end, end + 8))) return false;
  // The span is the ZIP code itself; the state is the word before it (the last word of "New Hampshire", "Rhode Island").
  const before = /(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, start - 30), start));
  const word = before?.[2] ?? '';
  const key = word.toLowerCase();
  if (/^[A-Z]{2}$/.test(word)) return lexicon.states.has(key);
  // In lower case, not the codes that are words or clinical abbreviations as often ("balance, in 12345 out", "ebl 200, or
  // 10500", "quenby, md 10234").
  if (/^[a-z]{2}$/.test(word)) {
    return lexicon.states.has(key) && !/^(?:in|or|md|me|ok|oh|hi|id|pa|de|la|co|va|ms|al|ne|mi)$/.test(key)
      && /,[ \t]?[a-z]{2}\s+$/.test(text.slice(Math.max(0, start - 8), start));
  }
  if (!/^[A-Z][a-z]+$/.test(word)) return false;
  if (key.length > 2 && lexicon.states.has(key)) return true;
  // The second word of a state's name needs its first: "New York 10001", not "Dr. York 12345" nor "Mexico 12345".
  return TWO_WORD_STATES.get(key)?.has((before?.[1] ?? '').toLowerCase()) === true;
}

/** Rules anchored at keywords, compiled sticky, by keyword; and whether the keyword is a month word (one look-up for both). */
const BY_KEYWORD = new Map<string, { readonly month: boolean; readonly rules: { rule: PatternRule; sticky: RegExp }[] }>();
for (const rule of RULES) {
  if (rule.keywords === undefined) continue;
  const sticky = new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y');
  for (const k of rule.keywords) {
    const entry = BY_KEYWORD.get(k) ?? { month: MONTH_KEY_SET.has(k), rules: [] };
    entry.rules.push({ rule, sticky });
    BY_KEYWORD.set(k, entry);
  }
}
/** The rules without keywords, each with its sticky copy when it runs anchored at digit runs (`runs`), and its `after` as a table. */
const SCANNED = RULES.filter((r) => r.keywords === undefined).map((rule) => ({
  rule, sticky: rule.runs === 0 ? null : new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y'), after: afterTable(rule.after),
}));

/** 1 at the ASCII codes in `chars`; null (anything may follow) without them. */
function afterTable(chars: string | undefined): Uint8Array | null {
  if (chars === undefined) return null;
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** May a match of a rule with this `after` table have the code c (-1 past the text) right after its digit run? */
function mayFollowRun(after: Uint8Array | null, c: number): boolean {
  return after === null || c >= 128 || (c >= 0 && after[c] === 1);
}
/** The digit runs of the note being scanned (one instance, reused). */
const DIGIT_RUNS = new DigitRuns();
/**
 * For tests only (the shape guards' property test): each scanned rule that has a shape bit, its regex, its bit and
 * its `when` guard (taken with a month word present, its most permissive). Scanning skips the rule where
 * `scanShapes` does not report the bit, so the bit must be there wherever the regex matches and the guard passes.
 */
export const SHAPED_RULES_FOR_TESTS: readonly { readonly re: RegExp; readonly shape: number; readonly when: (lower: string) => boolean }[] = SCANNED
  .map((s) => s.rule)
  .filter((r) => r.shape !== 0)
  .map((r) => ({ re: r.re, shape: r.shape as number, when: (lower: string) => r.when === undefined || r.when(lower, { month: true }) }));
/**
 * For tests only: each rule that runs anchored at digit runs, its regex and its run lengths (bit `n`: length `n`).
 * Every match of the regex must start a digit run that scanShapes lists, of one of those lengths.
 */
export const ANCHORED_RULES_FOR_TESTS: readonly { readonly re: RegExp; readonly runs: number; readonly mayFollow: (code: number) => boolean }[] = SCANNED
  .filter((s) => s.sticky !== null)
  .map((s) => ({ re: s.rule.re, runs: s.rule.runs as number, mayFollow: (code: number) => mayFollowRun(s.after, code) }));
/** The keyword rules with an `afterKeyword` test (for tests: the test must pass wherever the rule matches). */
export const GUARDED_KEYWORD_RULES_FOR_TESTS: readonly { readonly re: RegExp; readonly keywords: readonly string[]; readonly afterKeyword: (text: string, end: number) => boolean }[] = RULES
  .filter((r) => r.afterKeyword !== undefined)
  .map((r) => ({ re: r.re, keywords: r.keywords as readonly string[], afterKeyword: r.afterKeyword as (text: string, end: number) => boolean }));
/** Words at which a keyword rule may start. */
export const PATTERN_KEYWORDS: ReadonlySet<string> = new Set(BY_KEYWORD.keys());

/** What the shape scan found in a note (scanNoteShapes), for findPatternPhi. */
export interface NoteShapes {
  readonly shapes: number;
  /** Long digit runs and vehicle ids, kept after the rules' spans. */
  readonly longTokens: readonly PhiSpan[];
  /** The note's digit runs: the one shared instance, valid until the next scanNoteShapes. */
  readonly runs: DigitRuns;
}

/**
 * The shape scan of a note, for findPatternPhi on the same note and words, called right before it: the note's digit
 * runs are kept in one shared instance until then. Apart from findPatternPhi so that findPhi can call it: inlined
 * into findPatternPhi, the scan (a loop that V8 compiles on its own anyway) made that function's one optimized
 * compile, the largest of de-identification, larger.
 */
export function scanNoteShapes(text: string, words: readonly Word[]): NoteShapes {
  const longTokens: PhiSpan[] = emptySpans();
  return { shapes: scanShapes(text, words, longTokens, DIGIT_RUNS), longTokens, runs: DIGIT_RUNS };
}

/**
 * Runs every pattern rule; spans may overlap (find.ts resolves overlaps). Precondition: `words` is exactly
 * `splitWords(text)` (the default) and `bits`, when given, `triggerBits(words)`: scanShapes reads only the gaps
 * between those words, so words from another split would hide digits and punctuation from it. `scanned`, when
 * given, is scanNoteShapes(text, words), made right before this call.
 */
export function findPatternPhi(text: string, words: readonly Word[] = splitWords(text), bits?: Uint8Array, lower = text.toLowerCase(),
  scanned: NoteShapes = scanNoteShapes(text, words)): PhiSpan[] {
  const spans: PhiSpan[] = [];
  const push = (rule: PatternRule, m: RegExpExecArray | RegExpMatchArray): void => {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    const v = m.groups?.v;
    // A value captured inside a lookbehind lies before the match: the `d` flag gives its offsets.
    const at = (m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups?.v;
    if (at !== undefined) {
      [start, end] = at;
    } else if (v !== undefined) {
      start += m[0].lastIndexOf(v);
      end = start + v.length;
    }
    if (rule.accept === undefined || rule.accept(text, start, end)) spans.push({ start, end, category: rule.category });
  };
  const context: PatternContext = { month: false };
  for (let i = 0; i < words.length; i++) {
    if (bits !== undefined && ((bits[i] as number) & TRIGGER_PATTERN) === 0) continue;
    const w = words[i] as Word;
    const candidates = BY_KEYWORD.get(w.key);
    if (candidates === undefined) continue;
    if (candidates.month) context.month = true;
    for (const { rule, sticky } of candidates.rules) {
      if (rule.afterKeyword !== undefined && !rule.afterKeyword(text, w.end)) continue;
      sticky.lastIndex = w.start;
      const m = sticky.exec(text);
      if (m !== null) push(rule, m);
    }
  }
  const { shapes, runs } = scanned;
  for (const { rule, sticky, after } of SCANNED) {
    if ((shapes & (rule.shape as number)) !== rule.shape || (rule.when !== undefined && !rule.when(lower, context))) continue;
    const lengths = rule.runs as number;
    if (sticky !== null && (runs.lengthBits & lengths) === 0) continue;
    // One loop and one `exec` site for both kinds of rule, so the optimized code has feedback for all of it from the
    // first notes (the separate matchAll loop first ran at a note with an "@", "#" or "+", and threw that code away).
    // A rule without runs scans: `exec` of its global regex from the previous match's end finds matchAll's next
    // match. An anchored rule: every match starts a listed run of the rule's lengths, so the first such run at or
    // after the previous match's end where its sticky regex matches is where that scan would match next.
    const re = sticky ?? rule.re;
    let from = 0;
    let k = 0;
    for (;;) {
      let start = from;
      if (sticky !== null) {
        while (k < runs.count && ((runs.starts[k] as number) < from || (lengths & (1 << (runs.lengths[k] as number))) === 0
          || !mayFollowRun(after, codeAt(text, (runs.starts[k] as number) + (runs.lengths[k] as number))))) k++;
        if (k === runs.count) break;
        start = runs.starts[k] as number;
        k++;
      }
      re.lastIndex = start;
      const m = re.exec(text);
      if (m === null) {
        if (sticky === null) break;
        continue;
      }
      push(rule, m);
      // matchAll steps past an empty match (none of these rules has one; kept for the same matches regardless).
      from = m[0].length === 0 ? m.index + 1 : m.index + m[0].length;
    }
  }
  // Street addresses and their blocks, by structure (addresses.ts), anchored at the digit runs found above.
  if (runs.count > 0) for (const s of findAddresses(words, text, runs)) spans.push(s);
  // Long tokens are found in the same scan as the shapes, and kept after the rules' spans as before.
  for (const s of scanned.longTokens) spans.push(s);
  return spans;
}

/** Street types as written: "Street", "street", "STREET", "St" ... (case matters for the name words before). */
function streetTypes(): string {
  const types = ['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'place',
    'way', 'terrace', 'circle', 'parkway', 'pkwy', 'highway', 'hwy', 'route', 'square', 'trail', 'pike'];
  return types.flatMap((t) => [t, t[0]?.toUpperCase() + t.slice(1), t.toUpperCase()]).join('|');
}
