import type { PhiCategory, PhiSpan } from '../types.js';

/**
 * PHI in HL7 version 2 messages pasted into notes, tickets and exports ("PID|1||Q44018822^^^QNB^MR||VELLACOTT^ORVELINA^T||
 * 19870219|F|||77 FERRANT AVE^^BRENCHESTER^NJ^07306"): a segment's fields are found by their position, not by how their
 * values look, so the names, addresses, numbers and times of the standard's person, visit, insurance and order
 * segments are PHI wherever they stand. Segments start a line (CR, LF or both end one, as the standard's CR does);
 * fields are separated by "|", repetitions by "~", components by "^" (or the characters MSH-2 names).
 */

/** How a field's value is PHI: which components, in which category. */
type FieldKind =
  | 'name' // XPN: family^given^middle (the suffix, prefix and degree are not PHI)
  | 'person' // XCN: id^family^given^middle
  | 'address' // XAD: street^other^city^state^zip^country (not the state or the country)
  | 'phone' // XTN: number^use^equipment^e-mail^country^area^local^extension (the number, area, local, extension)
  | 'first'; // CX and other identifiers, XON and HD names, TS times, places: the first component

interface FieldRule {
  readonly kind: FieldKind;
  readonly category: PhiCategory;
}

const NAME: FieldRule = { kind: 'name', category: 'NAME' };
const PERSON: FieldRule = { kind: 'person', category: 'NAME' };
const ADDRESS: FieldRule = { kind: 'address', category: 'LOCATION' };
const FACILITY: FieldRule = { kind: 'first', category: 'HOSPITAL' };
const PHONE: FieldRule = { kind: 'phone', category: 'PHONE' };
const TIME: FieldRule = { kind: 'first', category: 'DATE' };
const PLACE: FieldRule = { kind: 'first', category: 'LOCATION' };
const id = (category: PhiCategory): FieldRule => ({ kind: 'first', category });

/** The PHI fields of each segment, by field number (MSH counts its field separator as MSH-1, as the standard does). */
const SEGMENTS: ReadonlyMap<string, ReadonlyMap<number, FieldRule>> = new Map(Object.entries({
  MSH: { 4: FACILITY, 6: FACILITY, 7: TIME, 10: id('ID') },
  EVN: { 2: TIME, 5: PERSON, 6: TIME },
  PID: { 2: id('MRN'), 3: id('MRN'), 4: id('MRN'), 5: NAME, 6: NAME, 7: TIME, 9: NAME, 11: ADDRESS, 12: PLACE, 13: PHONE, 14: PHONE, 18: id('ACCOUNT'),
    19: id('SSN'), 20: id('LICENSE'), 21: id('MRN'), 23: PLACE, 29: TIME },
  PD1: { 3: FACILITY, 4: PERSON },
  MRG: { 1: id('MRN'), 2: id('MRN'), 3: id('ACCOUNT'), 5: id('ACCOUNT'), 7: NAME },
  NK1: { 2: NAME, 4: ADDRESS, 5: PHONE, 6: PHONE, 13: FACILITY, 30: NAME, 31: PHONE, 32: ADDRESS, 33: id('ID') },
  PV1: { 7: PERSON, 8: PERSON, 9: PERSON, 17: PERSON, 19: id('ACCOUNT'), 44: TIME, 45: TIME, 50: id('ACCOUNT'), 52: PERSON },
  PV2: { 8: TIME, 9: TIME, 13: PERSON },
  GT1: { 2: id('ID'), 3: NAME, 4: NAME, 5: ADDRESS, 6: PHONE, 7: PHONE, 8: TIME, 12: id('SSN'), 16: NAME, 17: ADDRESS, 18: PHONE, 19: id('ID'), 21: FACILITY },
  IN1: { 4: FACILITY, 5: ADDRESS, 6: NAME, 7: PHONE, 8: id('HEALTH_PLAN'), 9: FACILITY, 11: FACILITY, 16: NAME, 18: TIME, 19: ADDRESS, 36: id('HEALTH_PLAN'),
    44: ADDRESS, 49: id('HEALTH_PLAN') },
  IN2: { 1: id('ID'), 2: id('ID'), 6: id('HEALTH_PLAN'), 8: id('HEALTH_PLAN') },
  ORC: { 2: id('ID'), 3: id('ID'), 9: TIME, 10: PERSON, 11: PERSON, 12: PERSON, 15: TIME, 19: PERSON, 21: FACILITY, 22: ADDRESS, 23: PHONE, 24: ADDRESS },
  OBR: { 2: id('ID'), 3: id('ID'), 6: TIME, 7: TIME, 8: TIME, 14: TIME, 16: PERSON, 17: PHONE, 22: TIME, 28: PERSON, 32: PERSON, 33: PERSON, 34: PERSON, 35: PERSON },
  OBX: { 14: TIME, 16: PERSON, 19: TIME, 23: FACILITY, 24: ADDRESS, 25: PERSON },
  TXA: { 4: TIME, 5: PERSON, 6: TIME, 7: TIME, 9: PERSON, 10: PERSON, 11: PERSON, 22: PERSON },
  SCH: { 11: TIME, 12: PERSON, 13: PHONE, 14: ADDRESS, 16: PERSON, 17: PHONE, 18: ADDRESS, 20: PERSON },
  DG1: { 5: TIME, 16: PERSON },
  AL1: { 6: TIME },
  PR1: { 5: TIME, 8: PERSON, 11: PERSON, 12: PERSON },
  ROL: { 4: PERSON, 5: TIME, 6: TIME, 11: ADDRESS, 12: PHONE },
  PRD: { 2: NAME, 3: ADDRESS, 5: PHONE, 7: id('ID') },
}).map(([segment, fields]) => [segment, new Map(Object.entries(fields).map(([n, rule]) => [Number(n), rule]))]));

/** A line that opens with a segment of the table above. */
const SEGMENT_LINE = /(?:^|[\r\n]|\\[rn])[ \t]*(?:>[ \t>]*|\d{1,3}[.:)][ \t]+)?(MSH|EVN|PID|PD1|MRG|NK1|PV1|PV2|GT1|IN1|IN2|ORC|OBR|OBX|TXA|SCH|DG1|AL1|PR1|ROL|PRD)\|/;

/** The HL7 separators of components and repetitions (the defaults unless an MSH line names others). */
interface Separators {
  readonly component: string;
  readonly repetition: string;
}

const DEFAULT_SEPARATORS: Separators = { component: '^', repetition: '~' };

export function findHl7Phi(text: string): PhiSpan[] {
  if (!text.includes('|') || !SEGMENT_LINE.test(text)) return [];
  // A message has its header, or its segments hold components: a pipe table whose row opens with "PID" (pelvic
  // inflammatory disease) is no message.
  const message = /(?:^|[\r\n]|\\[rn]|")[ \t]*(?:>[ \t>]*|\d{1,3}[.:)][ \t]+)?MSH\|/.test(text);
  const spans: PhiSpan[] = [];
  let separators = DEFAULT_SEPARATORS;
  for (let start = 0; start < text.length;) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13 && !escapedLineEnd(text, end)) end++;
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    // A segment quoted in a reply ("> PID|...") or numbered in a ticket ("1. PID|...", "2: PID|...").
    const quoted = /^(?:>[ \t>]*|\d{1,3}[.:)][ \t]+)/.exec(text.slice(first, Math.min(end, first + 8)));
    if (quoted !== null) first += quoted[0].length;
    const segment = text.slice(first, first + 3);
    const fields = text.charCodeAt(first + 3) === 124 ? SEGMENTS.get(segment) : undefined;
    if (fields !== undefined && (message || text.slice(first, end).includes(separators.component))) {
      if (segment === 'MSH') separators = mshSeparators(text.slice(first + 4, first + 8)) ?? DEFAULT_SEPARATORS;
      segmentPhi(text, first, end, segment === 'MSH', fields, separators, spans);
    }
    start = escapedLineEnd(text, end) ? end + 2 : end + 1;
  }
  return spans;
}

/**
 * A segment's end written as an escape, as a message logged in JSON or pasted from a ticket holds it:
 * "...|2.5\rPID|1||..." (a backslash, then "r" or "n", then the next segment's name and its "|").
 */
function escapedLineEnd(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 92) return false; // backslash
  const c = text.charCodeAt(at + 1);
  return (c === 114 || c === 110) && SEGMENTS.has(text.slice(at + 2, at + 5)) && text.charCodeAt(at + 5) === 124;
}

/** MSH-2's encoding characters ("^~\&"): component, repetition, escape, subcomponent. */
function mshSeparators(encoding: string): Separators | null {
  const [component, repetition] = [...encoding];
  if (component === undefined || repetition === undefined || component === '|' || repetition === '|') return null;
  return { component, repetition };
}

/** The PHI of one segment text[first, end): its fields by number (after the segment's name). */
function segmentPhi(text: string, first: number, end: number, msh: boolean, fields: ReadonlyMap<number, FieldRule>, sep: Separators, spans: PhiSpan[]): void {
  // MSH-1 is the "|" itself, so MSH's first field after the name is MSH-2; other segments' is field 1.
  let number = msh ? 2 : 1;
  let at = first + 4;
  while (at <= end) {
    let stop = at;
    while (stop < end && text.charCodeAt(stop) !== 124) stop++;
    const rule = fields.get(number);
    if (rule !== undefined && stop > at) {
      for (const [from, to] of pieces(text, at, stop, sep.repetition)) fieldPhi(text, from, to, rule, sep, spans);
    }
    at = stop + 1;
    number++;
  }
}

/** The pieces of text[from, to) between separator characters `by`, as [start, end) pairs (read within the range only). */
function pieces(text: string, from: number, to: number, by: string): [number, number][] {
  const out: [number, number][] = [];
  const code = by.charCodeAt(0);
  let at = from;
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) !== code) continue;
    out.push([at, k]);
    at = k + 1;
  }
  out.push([at, to]);
  return out;
}

/** Sending and receiving applications and departments that name no facility. */
const SYSTEM_CODES = new Set(['WARD', 'HOSP', 'EPIC', 'CERNER', 'MEDITECH', 'RHAPSODY', 'MIRTH', 'CLOVERLEAF', 'ENSEMBLE', 'CORE', 'MAIN', 'TEST', 'PROD']);

/** The components (0-based) that are PHI, by kind of field. */
const WANTED: Readonly<Record<FieldKind, readonly number[]>> = {
  name: [0, 1, 2], person: [0, 1, 2, 3], address: [0, 1, 2, 4], phone: [0, 5, 6, 7], first: [0], // phone: not the country code
};

/** The components of one repetition of a field that its rule says are PHI. */
function fieldPhi(text: string, from: number, to: number, rule: FieldRule, sep: Separators, spans: PhiSpan[]): void {
  const components = pieces(text, from, to, sep.component);
  const wanted = WANTED[rule.kind];
  for (const i of wanted) {
    const piece = components[i];
    if (piece === undefined) continue;
    // A subcomponent separator inside (the "&" of a street's parts) stays inside the span; blanks do not count.
    let [a, b] = piece;
    while (a < b && /\s/.test(text.charAt(a))) a++;
    while (b > a && /\s/.test(text.charAt(b - 1))) b--;
    if (b <= a || !/[\p{L}\p{N}]/u.test(text.slice(a, b))) continue;
    // A person's first component is an identifier (an NPI, a staff number); a time must hold a day, not a year alone.
    const category: PhiCategory = rule.kind === 'person' && i === 0 ? 'ID' : rule.category;
    if (category === 'DATE' && !/\d{8}/.test(text.slice(a, b))) continue;
    // A facility's short code names a system or a department ("LAB", "ADT", "WARD"), not a place.
    if (category === 'HOSPITAL' && (b - a <= 3 || SYSTEM_CODES.has(text.slice(a, b).toUpperCase()))) continue;
    spans.push({ start: a, end: b, category });
  }
}
