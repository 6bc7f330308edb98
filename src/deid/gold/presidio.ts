import { MedbertError } from '../../errors.js';
import type { PhiCategory } from '../types.js';
import type { GoldDocument, GoldSpan } from './types.js';

/**
 * presidio-research labels → our categories. `null`: not an identifier under Safe Harbor (organisations other
 * than care providers, job titles, nationalities/religions/political groups), so left out of scoring. AGE is
 * PHI only over 89 (decided per span, below); countries and states count as LOCATION here because the
 * synthetic GPE label does not separate them from cities.
 */
const PRESIDIO_LABELS: Readonly<Record<string, PhiCategory | null>> = {
  PERSON: 'NAME', STREET_ADDRESS: 'LOCATION', GPE: 'LOCATION', ZIP_CODE: 'LOCATION', ORGANIZATION: null,
  CREDIT_CARD: 'ACCOUNT', IBAN_CODE: 'ACCOUNT', DATE_TIME: 'DATE', TITLE: null, NRP: null,
  PHONE_NUMBER: 'PHONE', AGE: 'AGE', EMAIL_ADDRESS: 'EMAIL', DOMAIN_NAME: 'URL', US_SSN: 'SSN',
  IP_ADDRESS: 'IP', US_DRIVER_LICENSE: 'LICENSE',
};

interface PresidioRecord {
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
}

/** Reads presidio-research's synthetic dataset: a JSON array of `{full_text, spans: [...]}` records. */
export function presidioGold(raw: string, source = 'presidio JSON'): GoldDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new MedbertError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) throw new MedbertError(`${source}: expected a JSON array of records`);
  return data.map((record: unknown, i) => {
    if (!isRecord(record)) throw new MedbertError(`${source}: record ${i} lacks full_text or spans`);
    const text = record.full_text;
    const spans: GoldSpan[] = record.spans.map((s, j) => {
      if (!(s.start_position >= 0 && s.end_position <= text.length && s.start_position <= s.end_position)) {
        throw new MedbertError(`${source}: record ${i} span ${j} (${s.start_position}-${s.end_position}) is outside its text`);
      }
      let category = PRESIDIO_LABELS[s.entity_type] ?? null;
      if (category === 'AGE' && !(Number.parseInt(text.slice(s.start_position, s.end_position), 10) > 89)) category = null;
      return { start: s.start_position, end: s.end_position, label: s.entity_type, category };
    });
    return { id: `record ${i}`, group: `record ${i}`, text, spans };
  });
}

function isRecord(value: unknown): value is PresidioRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.full_text === 'string' && Array.isArray(r.spans) && r.spans.every((s: unknown) => {
    if (typeof s !== 'object' || s === null) return false;
    const o = s as Record<string, unknown>;
    return typeof o.entity_type === 'string' && typeof o.start_position === 'number' && typeof o.end_position === 'number';
  });
}
