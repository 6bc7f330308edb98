/**
 * Days named after a nation, a saint or a family, as written before "Day" with or without a possessive ("Australia Day", "St. Patrick's Day", "Mothers Day"), and
 * days named alone: each fixes a date, a date element under Safe Harbor. Written for this project from general
 * knowledge; the days of the US calendar most notes name (Christmas, Thanksgiving, ...) have their own rule.
 */
export const NAMED_DAYS_BEFORE_DAY: readonly string[] = ['Australia', 'Anzac', 'Canada', 'Boxing', 'Waitangi', 'Remembrance', 'Mother', 'Father',
  'President', 'St. Patrick', 'Saint Patrick', 'Groundhog', 'Victoria', 'Columbus', 'MLK', 'Martin Luther King'];
export const NAMED_DAYS_ALONE: readonly string[] = ['Juneteenth', 'Hogmanay'];
