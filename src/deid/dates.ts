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

export function shiftDate(original: string, days: number): string {
  let m: RegExpExecArray | null;
  // ISO: 2017-08-16
  if ((m = /^(\d{4})([-\/.])(\d{1,2})\2(\d{1,2})$/.exec(original)) !== null) {
    const d = shift(Number(m[1]), Number(m[3]), Number(m[4]), days);
    return `${d.year}${m[2]}${pad(d.month, m[3] ?? '')}${m[2]}${pad(d.day, m[4] ?? '')}`;
  }
  // m/yy (month and year)
  if ((m = /^(\d{1,2})\/(\d{4}|3[2-9]|[4-9]\d)$/.exec(original)) !== null) {
    const yearText = m[2] ?? '';
    const year = yearText.length === 2 ? 1900 + Number(yearText) : Number(yearText);
    const d = shift(year, Number(m[1]), 15, days);
    return `${pad(d.month, m[1] ?? '')}/${yearText.length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
  }
  // Two month/day dates in one run ("3/14/3/15"), and six digits read as MMDDYY ("052647").
  if ((m = /^(\d{1,2}\/\d{1,2})\/(\d{1,2}\/\d{1,2})$/.exec(original)) !== null) {
    return `${shiftDate(m[1] ?? '', days)}/${shiftDate(m[2] ?? '', days)}`;
  }
  if ((m = /^(\d\d)(\d\d)(\d\d)$/.exec(original)) !== null) {
    const d = shift(2000 + Number(m[3]), Number(m[1]), Number(m[2]), days);
    return `${pad(d.month, '00')}${pad(d.day, '00')}${String(d.year % 100).padStart(2, '0')}`;
  }
  // m/d/yyyy, m-d-yy, m.d.yyyy, m/d; a first number over 12 is the day ("15/3/2010", "15.03.2010")
  if ((m = /^(\d{1,2})([-\/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(original)) !== null) {
    if (Number(m[1]) > 12 && Number(m[3]) <= 12) {
      const [, day = '', sep = '/', month = '', yearText] = m;
      const year = yearText === undefined ? REFERENCE_YEAR : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
      const d = shift(year, Number(month), Number(day), days);
      const y = yearText === undefined ? '' : `${sep}${yearText.length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
      return `${pad(d.day, day)}${sep}${pad(d.month, month)}${y}`;
    }
    const yearText = m[4];
    const year = yearText === undefined ? REFERENCE_YEAR : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const d = shift(year, Number(m[1]), Number(m[3]), days);
    const y = yearText === undefined ? '' : `${m[2]}${yearText.length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
    return `${pad(d.month, m[1] ?? '')}${m[2]}${pad(d.day, m[3] ?? '')}${y}`;
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
    const dayMatch = /\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/.exec(original.replace(/\d{4}|'\d\d/g, (s) => ' '.repeat(s.length)));
    const yearMatch = /\b(\d{4})\b/.exec(original);
    const day = dayMatch !== null ? Number(dayMatch[1]) : 15;
    const year = yearMatch !== null ? Number(yearMatch[1]) : REFERENCE_YEAR;
    const d = shift(year, monthIndex + 1, day, days);
    // Replace from the right so earlier offsets stay valid.
    const edits: { index: number; old: string; value: string }[] = [
      { index: monthMatch.index, old: monthMatch[0], value: formatMonth(d.month - 1, monthMatch[0]) },
    ];
    if (dayMatch !== null) {
      edits.push({ index: dayMatch.index, old: dayMatch[0], value: `${d.day}${dayMatch[2] !== undefined ? ordinal(d.day, dayMatch[2]) : ''}` });
    }
    if (yearMatch !== null) edits.push({ index: yearMatch.index, old: yearMatch[0], value: String(d.year) });
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

function pad(value: number, like: string): string {
  return like.length === 2 && like.startsWith('0') ? String(value).padStart(2, '0') : String(value);
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
