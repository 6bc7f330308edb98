/**
 * Date surrogates: every date in a document moves by the same number of days, written in its original format
 * ("4/3/2031" → "6/20/2031", "Oct 20th" → "Jan 7th", "2-9-32" → "4-28-32"). Dates without a year are
 * shifted within a fixed leap year, so "2/29" stays valid. Years standing alone ("1977", "'84") are kept:
 * Safe Harbor allows years, and a shifted year would break the history's order less than it would help.
 */
/**
 * Is the DATE span text[start, end) a year standing alone ("2004", "1980s", "'84", whose span may leave out the
 * apostrophe)? Safe Harbor allows years, so both modes keep them (the span is still reported: PhysioNet's gold
 * counts years as dates).
 */
export function isYearAlone(text: string, start: number, end: number): boolean {
  const original = text.slice(start, end);
  return /^(?:(?:1[5-9]|20)\d\d|['’]\d\d)(?:['’]?s)?$/.test(original) || (/^\d\d$/.test(original) && /['’]/.test(text.charAt(start - 1)));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const REFERENCE_YEAR = 2000;

/**
 * How a document writes numeric dates whose first two numbers could be either (`03/04/2021`): `day-first` when one
 * of its dates can only be read day first (`28/02/2021`) and none only month first (`02/28/2021`), `month-first` the
 * other way round, else undefined (each date then read by its separator: dots day first, the rest month first).
 */
export type DateOrder = 'day-first' | 'month-first';

export function dateOrderOf(dates: Iterable<string>): DateOrder | undefined {
  let dayFirst = false, monthFirst = false;
  for (const date of dates) {
    const m = /^(\d{1,2})[-\/.](\d{1,2})(?:[-\/.]\d{2,4})?$/.exec(date);
    if (m === null) continue;
    const a = Number(m[1]), b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? undefined : dayFirst ? 'day-first' : 'month-first';
}

/** Weekdays, full, in order from Sunday; abbreviations are their prefixes ("Tue", "Tues", "Thurs", "Weds" aside). */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A weekday before a date ("Tue 3/12/24", "Wednesday, February 14, 2024", "Tuesday the 12th"): the word and what follows it. */
const WEEKDAY_FIRST = /^([A-Za-z]{3,9})(\.?,?[ \t]+(?:the[ \t]+)?)(?=\S)/;
/** A weekday after a date ("3/12/24 (Tue)", "3/12/2024 Tuesday"): what comes before it, the word, a closing bracket. */
const WEEKDAY_LAST = /([ \t]+|[ \t]*\()([A-Za-z]{3,9})(\)?)$/;

/**
 * The weekday `days` after the one named by `word` ("Tue", "THURSDAY", "weds"), written as the word is, or null when
 * the word names none. The shifted date falls that many days after the original, whatever its year, so its weekday
 * is the original's moved on as many days: a weekday left as written would contradict the date and tell the
 * original's.
 */
function shiftWeekday(word: string, days: number): string | null {
  const key = word.toLowerCase();
  const index = WEEKDAYS.findIndex((d) => d === key || (key.length >= 3 && d.startsWith(key)) || (key === 'weds' && d === 'wednesday'));
  if (index < 0) return null;
  const full = WEEKDAYS[(((index + days) % 7) + 7) % 7] as string;
  // A full name stays full; an abbreviation becomes three letters ("Tues" -> "Thu").
  const name = WEEKDAYS.includes(key) ? full : full.slice(0, 3);
  if (word === word.toUpperCase()) return name.toUpperCase();
  return /^[A-Z]/.test(word) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export function shiftDate(original: string, days: number, order?: DateOrder): string {
  let m: RegExpExecArray | null;
  if ((m = WEEKDAY_FIRST.exec(original)) !== null) {
    const weekday = shiftWeekday(m[1] as string, days);
    if (weekday !== null) return weekday + (m[2] as string) + shiftDate(original.slice(m[0].length), days, order);
  }
  if ((m = WEEKDAY_LAST.exec(original)) !== null) {
    const weekday = shiftWeekday(m[2] as string, days);
    if (weekday !== null) return shiftDate(original.slice(0, m.index), days, order) + (m[1] as string) + weekday + (m[3] as string);
  }
  // ISO: 2017-08-16 (zero-padded as written: "2017-8-16" stays unpadded)
  if ((m = /^(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})$/.exec(original)) !== null) {
    const d = shift(Number(m[1]), Number(m[3]), Number(m[4]), days);
    const width = m[3]!.length === 2 && m[4]!.length === 2 ? 2 : padWidth(m[3]!, m[4]!);
    return `${d.year}${m[2]}${padTo(d.month, width)}${m[2]}${padTo(d.day, width)}`;
  }
  // m/yy (month and year)
  if ((m = /^(\d{1,2})\/(\d{4}|3[2-9]|[4-9]\d)$/.exec(original)) !== null) {
    const yearText = m[2] ?? '';
    const year = yearText.length === 2 ? 1900 + Number(yearText) : Number(yearText);
    const d = shift(year, Number(m[1]), 15, days);
    return `${padTo(d.month, padWidth(m[1]!))}/${yearText.length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
  }
  // Two month/day dates in one run ("3/14/3/15"), and six digits read as MMDDYY ("052647").
  if ((m = /^(\d{1,2}\/\d{1,2})\/(\d{1,2}\/\d{1,2})$/.exec(original)) !== null) {
    return `${shiftDate(m[1] ?? '', days, order)}/${shiftDate(m[2] ?? '', days, order)}`;
  }
  if ((m = /^(\d\d)(\d\d)(\d\d)$/.exec(original)) !== null) {
    const d = shift(2000 + Number(m[3]), Number(m[1]), Number(m[2]), days);
    return `${padTo(d.month, 2)}${padTo(d.day, 2)}${String(d.year % 100).padStart(2, '0')}`;
  }
  // m/d/yyyy, m-d-yy, d.m.yyyy, m/d. A first number over 12 is the day ("15/3/2010"), a second one over 12 the day
  // too ("3.15.2010"); otherwise the document's order decides, else dots are read day first (as in Europe, where they
  // are written) and the rest month first (as in the US). Zero-padded as written: "02/11/1931" → "01/09/1931".
  if ((m = /^(\d{1,2})([-\/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(original)) !== null) {
    const [, first = '', sep = '/', second = '', yearText] = m;
    const a = Number(first), b = Number(second);
    const dayFirst = a > 12 ? b <= 12 : b > 12 ? false : order !== undefined ? order === 'day-first' : sep === '.';
    const year = yearText === undefined ? REFERENCE_YEAR : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const d = dayFirst ? shift(year, b, a, days) : shift(year, a, b, days);
    const width = padWidth(first, second);
    const y = yearText === undefined ? '' : `${sep}${yearText.length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
    return dayFirst ? `${padTo(d.day, width)}${sep}${padTo(d.month, width)}${y}` : `${padTo(d.month, width)}${sep}${padTo(d.day, width)}${y}`;
  }
  // Month words with a day and/or a year, in either order: "Oct 20th, 1989", "20th Oct", "march 21", "sept. 2031".
  // The month is the first letter run that is one ("10th of June 2006": not "th", nor "of").
  let monthMatch: RegExpExecArray | null = null;
  let monthIndex = -1;
  for (const run of original.matchAll(/[A-Za-z]+/g)) {
    monthIndex = monthOf(run[0]);
    if (monthIndex >= 0) {
      monthMatch = run as RegExpExecArray;
      break;
    }
  }
  if (monthIndex >= 0 && monthMatch !== null) {
    const dayMatch = /\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/.exec(original.replace(/\d{4}|['’]\d\d/g, (s) => ' '.repeat(s.length)));
    // A year in four digits, or two after an apostrophe ("Dec 20, '21"): shifted as 2000 + yy, written back in two.
    const yearMatch = /\b(\d{4})\b|(?<=['’])(\d\d)\b/.exec(original);
    const day = dayMatch !== null ? Number(dayMatch[1]) : 15;
    const year = yearMatch === null ? REFERENCE_YEAR : yearMatch[1] !== undefined ? Number(yearMatch[1]) : 2000 + Number(yearMatch[2]);
    const d = shift(year, monthIndex + 1, day, days);
    // Replace from the right so earlier offsets stay valid.
    const edits: { index: number; old: string; value: string }[] = [
      { index: monthMatch.index, old: monthMatch[0], value: formatMonth(d.month - 1, monthMatch[0]) },
    ];
    if (dayMatch !== null) {
      const dayText = padTo(d.day, padWidth(dayMatch[1]!));
      edits.push({ index: dayMatch.index, old: dayMatch[0], value: `${dayText}${dayMatch[2] !== undefined ? ordinal(d.day, dayMatch[2]) : ''}` });
    }
    if (yearMatch !== null) {
      edits.push({ index: yearMatch.index, old: yearMatch[0], value: yearMatch[1] !== undefined ? String(d.year) : String(d.year % 100).padStart(2, '0') });
    }
    let out = original;
    for (const e of edits.sort((x, y) => y.index - x.index)) out = replaceAt(out, e.index, e.old, e.value);
    return out;
  }
  // An ordinal day alone: "the 11th".
  if ((m = /^(\d{1,2})(st|nd|rd|th)$/i.exec(original)) !== null) {
    const d = shift(REFERENCE_YEAR, 1, Number(m[1]), days % 28);
    return `${d.day}${ordinal(d.day, m[2] ?? 'th')}`;
  }
  // A holiday names its day: "Labor Day" → "October 28", from its usual date (a movable feast from a typical one).
  const holiday = HOLIDAYS.get(original.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' '));
  if (holiday !== undefined) {
    const d = shift(REFERENCE_YEAR, holiday[0], holiday[1], days);
    return `${formatMonth(d.month - 1, original === original.toUpperCase() ? 'JANUARY' : /^[A-Z]/.test(original) ? 'January' : 'january')} ${d.day}`;
  }
  return original;
}

/** The holidays patterns.ts tags, by [month, day]. */
const HOLIDAYS = new Map<string, readonly [number, number]>([
  ['christmas', [12, 25]], ['christmas day', [12, 25]], ['christmas eve', [12, 24]], ['thanksgiving', [11, 25]], ['thanksgiving day', [11, 25]],
  ['easter', [4, 12]], ['new years', [1, 1]], ['new years day', [1, 1]], ['new years eve', [12, 31]], ['memorial day', [5, 28]],
  ['labor day', [9, 4]], ['independence day', [7, 4]], ['veterans day', [11, 11]], ['halloween', [10, 31]], ['valentines day', [2, 14]],
]);

interface Ymd { year: number; month: number; day: number }

function shift(year: number, month: number, day: number, days: number): Ymd {
  // Clamp impossible inputs ("2/31" in a note) to the month's last day before shifting.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const t = Date.UTC(year, month - 1, Math.min(Math.max(day, 1), last)) + days * 86_400_000;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 2 when a date's month or day is written with a leading zero ("03", or "11" beside "03"), else 1. */
function padWidth(...parts: readonly string[]): number {
  return parts.some((part) => part.length === 2 && part.startsWith('0')) ? 2 : 1;
}

function padTo(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return -1;
  return MONTHS.findIndex((m) => m.startsWith(w) && (w.length >= 3));
}

/** The month name in the original's style: "Oct" → "Jan", "OCTOBER" → "JANUARY", "nov." kept short. */
function formatMonth(index: number, like: string): string {
  const full = MONTHS[index] ?? '';
  const isFull = MONTHS.includes(like.toLowerCase());
  const name = isFull ? full : full === 'september' && like.length === 4 ? 'sept' : full.slice(0, 3);
  if (like === like.toUpperCase()) return name.toUpperCase();
  if (/^[A-Z]/.test(like)) return name.charAt(0).toUpperCase() + name.slice(1);
  return name;
}

function ordinal(day: number, like: string): string {
  const suffix = day % 100 >= 11 && day % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
  return like === like.toUpperCase() ? suffix.toUpperCase() : suffix;
}

function replaceAt(text: string, index: number, old: string, value: string): string {
  return text.slice(0, index) + value + text.slice(index + old.length);
}
