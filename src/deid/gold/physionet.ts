import { MedbertError } from '../../errors.js';
import type { PhiCategory } from '../types.js';
import type { GoldDocument, GoldSpan } from './types.js';

/** PhysioNet deid labels → our categories. */
const PHYSIONET_LABELS: Readonly<Record<string, PhiCategory>> = {
  PTName: 'NAME', PTNameInitial: 'NAME', HCPName: 'NAME', RelativeProxyName: 'NAME',
  Date: 'DATE', DateYear: 'DATE', Location: 'LOCATION', Phone: 'PHONE', Age: 'AGE', Other: 'ID',
};

const RECORD_HEAD = /START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|\r?\n/g;
const RECORD_TAIL = '||||END_OF_RECORD';

export interface PhysionetNote {
  readonly patient: string;
  readonly note: string;
  readonly text: string;
}

/**
 * Parses `id.text`: records `START_OF_RECORD=<patient>||||<note>||||\n<text>||||END_OF_RECORD`. The note text
 * starts right after the header's newline (the offsets of `id-phi.phrase` count from there).
 */
export function parsePhysionetText(raw: string, source = 'id.text'): PhysionetNote[] {
  const notes: PhysionetNote[] = [];
  RECORD_HEAD.lastIndex = 0;
  for (let m = RECORD_HEAD.exec(raw); m !== null; m = RECORD_HEAD.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf(RECORD_TAIL, start);
    if (end < 0) {
      throw new MedbertError(`${source}:${lineOf(raw, m.index)}: record ${m[1]}/${m[2]} has no ${RECORD_TAIL}`);
    }
    notes.push({ patient: m[1] ?? '', note: m[2] ?? '', text: raw.slice(start, end) });
    RECORD_HEAD.lastIndex = end;
  }
  if (notes.length === 0) throw new MedbertError(`${source}: no START_OF_RECORD=p||||n|||| records found`);
  return notes;
}

export interface PhysionetPhrase {
  readonly patient: string;
  readonly note: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text: string;
}

/** Parses `id-phi.phrase`: `<patient> <note> <start> <end> <type> <text>` per line (text may hold spaces). */
export function parsePhysionetPhrases(raw: string, source = 'id-phi.phrase'): PhysionetPhrase[] {
  const phrases: PhysionetPhrase[] = [];
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const m = /^(\d+) (\d+) (\d+) (\d+) (\S+) ?(.*)$/.exec(line);
    if (m === null) throw new MedbertError(`${source}:${i + 1}: expected '<patient> <note> <start> <end> <type> <text>'`);
    const start = Number(m[3]);
    const end = Number(m[4]);
    if (end < start) throw new MedbertError(`${source}:${i + 1}: end ${end} is before start ${start}`);
    phrases.push({ patient: m[1] ?? '', note: m[2] ?? '', start, end, label: m[5] ?? '', text: m[6] ?? '' });
  }
  return phrases;
}

/** Joins notes and phrases into gold documents, checking that each phrase's offsets fall inside its note. */
export function physionetGold(textRaw: string, phraseRaw: string): GoldDocument[] {
  const notes = parsePhysionetText(textRaw);
  const byKey = new Map<string, GoldSpan[]>();
  const noteText = new Map(notes.map((n) => [`${n.patient}/${n.note}`, n.text]));
  for (const p of parsePhysionetPhrases(phraseRaw)) {
    const key = `${p.patient}/${p.note}`;
    const text = noteText.get(key);
    if (text === undefined) throw new MedbertError(`id-phi.phrase: patient ${p.patient} note ${p.note} is not in id.text`);
    if (p.end > text.length) {
      throw new MedbertError(`id-phi.phrase: span ${p.start}-${p.end} of patient ${p.patient} note ${p.note} is past the note's end (${text.length})`);
    }
    const list = byKey.get(key) ?? [];
    list.push({ start: p.start, end: p.end, label: p.label, category: PHYSIONET_LABELS[p.label] ?? 'ID' });
    byKey.set(key, list);
  }
  return notes.map((n) => ({
    id: `patient ${n.patient} note ${n.note}`,
    group: n.patient,
    text: n.text,
    spans: byKey.get(`${n.patient}/${n.note}`) ?? [],
  }));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
