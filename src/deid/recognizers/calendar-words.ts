/** Month and weekday words as note keys (lower case, full and abbreviated), shared by the rules that must tell them apart from names and towns. */

/** Months, full and abbreviated: "march", "mar", "sept". */
export const MONTH_KEYS: readonly string[] = ['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul',
  'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'];
export const MONTH_KEY_SET: ReadonlySet<string> = new Set(MONTH_KEYS);

/** Weekdays, full and abbreviated: "tuesday", "tues", "tue". */
export const WEEKDAY_KEY_SET: ReadonlySet<string> = new Set(['mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'weds', 'wednesday', 'thu', 'thur',
  'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday']);
