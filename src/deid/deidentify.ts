import { MedbertError } from '../errors.js';
import { findPhi } from './find.js';
import { dateOrderOf, isYearAlone } from './dates.js';
import { dateShiftFor, SurrogateMaker } from './surrogates.js';
import type { PhiSpan } from './types.js';

export type DeidMode = 'tag' | 'surrogate';

export interface DeidOptions {
  /**
   * `tag` replaces PHI with `[NAME]`, `[DATE]`, ...; `surrogate` with realistic stand-ins. Default `tag`. Years standing
   * alone are kept in both (isYearAlone).
   */
  readonly mode?: DeidMode;
  /** Seed for surrogates (default "medbert"): the same seed and key give the same output. */
  readonly seed?: string;
  /**
   * Identifies the patient or document for surrogates: notes with the same key share one date offset (and
   * one name mapping per call). Default: the text itself, so each document gets its own offset.
   */
  readonly key?: string;
  /** Overrides the date offset in days (surrogate mode). */
  readonly dateShiftDays?: number;
}

export interface DeidResult {
  readonly text: string;
  /** The PHI found, with offsets into the original text. */
  readonly spans: readonly PhiSpan[];
}

/** De-identifies one note: finds its PHI (findPhi) and replaces each span by a tag or a surrogate. */
export function deidentify(text: string, options: DeidOptions = {}): DeidResult {
  const spans = findPhi(text);
  return { text: replaceSpans(text, spans, options), spans };
}

/** Replaces given spans (sorted, not overlapping) by tags or surrogates. */
export function replaceSpans(text: string, spans: readonly PhiSpan[], options: DeidOptions = {}): string {
  const mode = options.mode ?? 'tag';
  // Checked for callers without types (a page's script): "surrogates" fell back to tags, NaN days wrote "NaN/NaN/NaN".
  if (mode !== 'tag' && mode !== 'surrogate') throw new MedbertError(`deidentify: mode must be "tag" or "surrogate", not ${JSON.stringify(mode)}`);
  if (options.dateShiftDays !== undefined && !Number.isSafeInteger(options.dateShiftDays)) {
    throw new MedbertError(`deidentify: dateShiftDays must be a whole number of days, not ${String(options.dateShiftDays)}`);
  }
  const seed = options.seed ?? 'medbert';
  const maker = mode === 'surrogate'
    ? new SurrogateMaker(`${seed}\u0000${options.key ?? text}`, options.dateShiftDays ?? dateShiftFor(seed, options.key ?? text),
      dateOrderOf(spans.filter((s) => s.category === 'DATE').map((s) => text.slice(s.start, s.end))))
    : null;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start));
    const original = text.slice(s.start, s.end);
    const kept = s.category === 'DATE' && isYearAlone(text, s.start, s.end); // Safe Harbor allows years: kept in either mode
    parts.push(kept ? original : maker === null ? `[${s.category}]` : maker.make(original, s.category));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
