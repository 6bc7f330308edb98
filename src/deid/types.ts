/**
 * PHI categories: the 18 HIPAA Safe Harbor identifiers, split where a tag or a surrogate needs to know more
 * (a hospital is a geographic unit in the Safe Harbor sense, but its surrogate is another hospital).
 */
export const PHI_CATEGORIES = [
  'NAME', 'LOCATION', 'HOSPITAL', 'DATE', 'AGE', 'PHONE', 'FAX', 'EMAIL', 'URL', 'IP', 'SSN', 'MRN',
  'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'ID',
] as const;
export type PhiCategory = typeof PHI_CATEGORIES[number];

/** A span of PHI in a text: UTF-16 offsets, end exclusive. */
export interface PhiSpan {
  readonly start: number;
  readonly end: number;
  readonly category: PhiCategory;
}

/**
 * An empty list of spans that already holds objects as far as V8 is concerned. A literal `[]` starts as an array
 * of small integers and changes its elements kind at its first span; optimized code that had seen only empty lists
 * was thrown away there (a "wrong map" at the list's first read), once per list a run.
 */
export function emptySpans(): PhiSpan[] {
  const spans: PhiSpan[] = [NO_SPAN];
  spans.pop();
  return spans;
}

const NO_SPAN: PhiSpan = { start: 0, end: 0, category: 'NAME' };

/**
 * The coarse groups that scores are reported by: gold standards label at this grain (PhysioNet's "Location"
 * covers hospitals and towns; its "Phone" covers pagers), so finer categories would score labelling quirks.
 */
export const SCORE_GROUPS = ['NAME', 'LOCATION', 'DATE', 'AGE', 'CONTACT', 'ID'] as const;
export type ScoreGroup = typeof SCORE_GROUPS[number];

export function scoreGroup(category: PhiCategory): ScoreGroup {
  switch (category) {
    case 'NAME': return 'NAME';
    case 'LOCATION': case 'HOSPITAL': return 'LOCATION';
    case 'DATE': return 'DATE';
    case 'AGE': return 'AGE';
    case 'PHONE': case 'FAX': case 'EMAIL': case 'URL': case 'IP': return 'CONTACT';
    default: return 'ID';
  }
}

export function isPhiCategory(value: string): value is PhiCategory {
  return (PHI_CATEGORIES as readonly string[]).includes(value);
}
