import type { Rng } from '../tensor/rng.js';
import { between, chars, chance, digits, DIGITS, UPPER } from './random.js';

// Values for planted PHI. Formats vary on purpose: a de-identifier is measured on how many shapes it knows.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Day {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
}

/** A day `offset` days after `from` (negative: before), on the proleptic Gregorian calendar. */
export function addDays(from: Day, offset: number): Day {
  const d = new Date(Date.UTC(from.year, from.month - 1, from.day + offset));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** A full date in one of many formats (every one keeps day and month: PHI under Safe Harbor). */
export function formatDate(rng: Rng, d: Day): string {
  const month = MONTHS[d.month - 1]!;
  switch (rng.int(9)) {
    case 0: return `${pad2(d.month)}/${pad2(d.day)}/${d.year}`;
    case 1: return `${d.month}/${d.day}/${d.year}`;
    case 2: return `${d.month}/${d.day}/${pad2(d.year % 100)}`;
    case 3: return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    case 4: return `${month} ${d.day}, ${d.year}`;
    case 5: return `${d.day} ${month.slice(0, 3)} ${d.year}`;
    case 6: return `${pad2(d.day)}-${month.slice(0, 3)}-${d.year}`;
    case 7: return `${month.slice(0, 3)}. ${d.day}, ${d.year}`;
    default: return `${month} ${ordinal(d.day)}, ${d.year}`;
  }
}

/** A date without its year, as notes write dates within a stay ("3/14", "March 14th"). */
export function formatShortDate(rng: Rng, d: Day): string {
  const month = MONTHS[d.month - 1]!;
  switch (rng.int(4)) {
    case 0: return `${d.month}/${d.day}`;
    case 1: return `${month} ${d.day}`;
    case 2: return `${month} ${ordinal(d.day)}`;
    default: return `${pad2(d.month)}/${pad2(d.day)}`;
  }
}

/** A North American phone number in one of several layouts. */
export function phoneNumber(rng: Rng): string {
  const area = `${between(rng, 2, 9)}${chars(rng, DIGITS, 2)}`;
  const exchange = `${between(rng, 2, 9)}${chars(rng, DIGITS, 2)}`;
  const line = chars(rng, DIGITS, 4);
  switch (rng.int(5)) {
    case 0: return `(${area}) ${exchange}-${line}`;
    case 1: return `${area}-${exchange}-${line}`;
    case 2: return `${area}.${exchange}.${line}`;
    case 3: return `+1 ${area} ${exchange} ${line}`;
    default: return `(${area})${exchange}-${line}`;
  }
}

export function ssn(rng: Rng): string {
  let area = between(rng, 1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${pad2(between(rng, 1, 99))}-${String(between(rng, 1, 9999)).padStart(4, '0')}`;
}

export function mrn(rng: Rng): string {
  switch (rng.int(3)) {
    case 0: return chars(rng, DIGITS, 8);
    case 1: return `${digits(rng, 3)}-${chars(rng, DIGITS, 2)}-${chars(rng, DIGITS, 2)}`;
    default: return digits(rng, 7);
  }
}

export function healthPlanNumber(rng: Rng): string {
  return chance(rng, 0.5) ? `${chars(rng, UPPER, 3)}${digits(rng, 9)}` : `${chars(rng, UPPER, 2)}-${digits(rng, 4)}-${chars(rng, DIGITS, 4)}`;
}

export function accountNumber(rng: Rng): string {
  return chance(rng, 0.5) ? digits(rng, 9) : `${digits(rng, 8)}-${chars(rng, DIGITS, 2)}`;
}

/** A DEA registration (2 letters + 7 digits) or a state medical licence. */
export function licenseNumber(rng: Rng): string {
  return chance(rng, 0.5) ? `${chars(rng, 'ABFM', 1)}${chars(rng, UPPER, 1)}${digits(rng, 7)}` : `MD${digits(rng, 5)}`;
}

export function vehiclePlate(rng: Rng): string {
  return chance(rng, 0.7) ? `${digits(rng, 1)}${chars(rng, UPPER, 3)}${chars(rng, DIGITS, 3)}` : `${chars(rng, UPPER, 3)}-${digits(rng, 4)}`;
}

export function deviceSerial(rng: Rng): string {
  return chance(rng, 0.5) ? `${chars(rng, UPPER, 3)}${digits(rng, 6)}${chars(rng, UPPER, 1)}` : `SN${digits(rng, 4)}-${chars(rng, DIGITS, 4)}`;
}

export function encounterId(rng: Rng): string {
  return `ENC-${between(rng, 2015, 2024)}-${chars(rng, DIGITS, 6)}`;
}

export function ipAddress(rng: Rng): string {
  switch (rng.int(3)) {
    case 0: return `10.${between(rng, 0, 255)}.${between(rng, 0, 255)}.${between(rng, 1, 254)}`;
    case 1: return `192.168.${between(rng, 0, 255)}.${between(rng, 1, 254)}`;
    default: return `${between(rng, 11, 223)}.${between(rng, 0, 255)}.${between(rng, 0, 255)}.${between(rng, 1, 254)}`;
  }
}

export function zipCode(rng: Rng): string {
  return chance(rng, 0.8) ? `${chars(rng, DIGITS, 5)}` : `${chars(rng, DIGITS, 5)}-${chars(rng, DIGITS, 4)}`;
}

export { MONTHS };
