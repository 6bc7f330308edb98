import type { GoldDocument, GoldSpan } from '../deid/gold/types.js';
import type { PhiCategory, PhiSpan } from '../deid/types.js';
import { Rng } from '../tensor/rng.js';
import { checkCount } from './abstracts.js';
import { knowledgeFor } from './knowledge.js';
import { builtinSynthLexicon, type SynthConcept, type SynthLexicon } from './lexicon.js';
import { drawCast, type NoteCast, type Person } from './note-cast.js';
import {
  ASSESSMENT, CONSULT_HEADER, DISCHARGE_HEADER, FOLLOW_UP, HOSPITAL_COURSE, HPI, OBJECTIVE_LINES, PROGRESS_HEADER,
  RECOMMENDATIONS, SIGNATURE, SOCIAL, SUBJECTIVE,
} from './note-templates.js';
import { EMPLOYERS, HOSPITAL_HEADS, INSURERS } from './people-places.js';
import { addDays, formatDate, formatShortDate } from './phi-values.js';
import { between, chance, pick, sample } from './random.js';
import { capitalizeName, sentenceInitialNames, type Mention } from './render.js';
import { TextBuilder } from './text-builder.js';

export type NoteStyle = 'discharge summary' | 'progress note' | 'consult';

/** A synthetic clinical note with its planted PHI (the gold standard) and its lexicon mentions. */
export interface SynthNote {
  readonly id: string;
  readonly style: NoteStyle;
  readonly text: string;
  /** Every planted identifier; UTF-16 offsets into `text`, end exclusive, in text order. */
  readonly phi: readonly PhiSpan[];
  readonly mentions: readonly Mention[];
  /**
   * Inside HOSPITAL spans, the generic head words (`Medical Center`, `Hospital`): part of the name (the whole
   * name is the span, as i2b2 annotates it) but harmless left in a de-identified text. See noteGoldDocument.
   */
  readonly genericHeads: readonly { readonly start: number; readonly end: number }[];
}

export interface NoteOptions {
  readonly lexicon?: SynthLexicon;
}

/** `count` notes, the same for the same seed. */
export async function generateNotes(count: number, seed: number, options: NoteOptions = {}): Promise<SynthNote[]> {
  return generateNotesWith(options.lexicon ?? await builtinSynthLexicon(), count, seed);
}

export function generateNotesWith(lexicon: SynthLexicon, count: number, seed: number): SynthNote[] {
  checkCount(count, 'notes');
  const rng = new Rng(seed);
  const knowledge = knowledgeFor(lexicon);
  const notes: SynthNote[] = [];
  for (let i = 0; i < count; i++) {
    const cast = drawCast(rng, lexicon, knowledge);
    const style = pick(rng, ['discharge summary', 'discharge summary', 'progress note', 'consult'] as const);
    const writer = new NoteWriter(rng, cast);
    const sections = style === 'discharge summary' ? dischargeSummary(rng, cast) : style === 'progress note' ? progressNote(rng) : consult(rng);
    sections.forEach((section, k) => {
      if (k > 0) writer.out.add('\n\n');
      section.forEach((line, j) => {
        if (j > 0) writer.out.add(line.inline ? ' ' : '\n');
        writer.render(line.text);
      });
    });
    writer.out.add('\n');
    notes.push({
      id: `note-${String(i + 1).padStart(5, '0')}`, style, text: writer.out.toString(), phi: writer.out.spans, mentions: writer.mentions,
      genericHeads: writer.genericHeads,
    });
  }
  return notes;
}

interface Line {
  readonly text: string;
  /** Continues the previous line's paragraph (prose), instead of starting a new line. */
  readonly inline: boolean;
}

const lineList = (templates: readonly string[], rng: Rng): Line[] => templates
  .filter((t) => !t.startsWith('?') || chance(rng, 0.5))
  .map((t) => ({ text: t.replace(/^\?/, ''), inline: false }));

function prose(rng: Rng, heading: string, templates: readonly string[], min: number, max: number): Line[] {
  const chosen = sample(rng, templates, between(rng, min, max));
  return [{ text: heading, inline: false }, ...chosen.map((text, k) => ({ text, inline: k > 0 }))];
}

function dischargeSummary(rng: Rng, cast: NoteCast): Line[][] {
  return [
    lineList(DISCHARGE_HEADER, rng),
    [{ text: HPI[chance(rng, 0.5) ? 0 : 1]!, inline: false }, ...sample(rng, HPI.slice(2), between(rng, 2, 4)).map((text) => ({ text, inline: true }))],
    [{ text: 'PAST MEDICAL HISTORY:', inline: false }, ...cast.history.map((_c, k) => ({ text: `${k + 1}. {hist${k + 1}}`, inline: false }))],
    [{ text: pick(rng, SOCIAL), inline: false }],
    prose(rng, 'HOSPITAL COURSE:', HOSPITAL_COURSE, 3, 6),
    [{ text: 'DISCHARGE MEDICATIONS:', inline: false }, ...[1, 2, 3].map((k) => ({ text: `${k}. {drug${k}} {dose} mg {freq}`, inline: false }))],
    [{ text: 'FOLLOW-UP:', inline: false }, ...sample(rng, FOLLOW_UP, between(rng, 3, 6)).map((text) => ({ text, inline: false }))],
    [{ text: pick(rng, SIGNATURE), inline: false }],
  ];
}

function progressNote(rng: Rng): Line[][] {
  return [
    lineList(PROGRESS_HEADER, rng),
    [{ text: pick(rng, SUBJECTIVE), inline: false }],
    sample(rng, OBJECTIVE_LINES, between(rng, 1, 3)).map((text) => ({ text, inline: false })),
    lineList(ASSESSMENT, rng).filter((_line, k) => k === 0 || chance(rng, 0.8)),
    [{ text: pick(rng, SIGNATURE), inline: false }],
  ];
}

function consult(rng: Rng): Line[][] {
  return [
    lineList(CONSULT_HEADER, rng),
    prose(rng, 'HISTORY OF PRESENT ILLNESS:', HPI, 2, 4),
    [{ text: pick(rng, SOCIAL), inline: false }],
    sample(rng, OBJECTIVE_LINES, between(rng, 1, 3)).map((text) => ({ text, inline: false })),
    lineList(RECOMMENDATIONS, rng),
    [{ text: pick(rng, SIGNATURE), inline: false }],
  ];
}

/** Fills note templates from one cast, recording PHI spans and lexicon mentions as it writes. */
class NoteWriter {
  readonly out = new TextBuilder<PhiSpan>();
  readonly mentions: Mention[] = [];
  readonly genericHeads: { start: number; end: number }[] = [];

  constructor(private readonly rng: Rng, private readonly cast: NoteCast) {}

  render(template: string): void {
    const pattern = /\{(\w+)\}/g;
    let last = 0;
    for (let m = pattern.exec(template); m !== null; m = pattern.exec(template)) {
      this.out.add(template.slice(last, m.index));
      this.slot(m[1]!);
      last = m.index + m[0].length;
    }
    this.out.add(template.slice(last));
  }

  private phi(text: string, category: PhiCategory): void {
    this.out.span(text, (start, end) => ({ start, end, category }));
  }

  private mention(concept: SynthConcept, capital: boolean): void {
    const surface = pick(this.rng, capital ? sentenceInitialNames(concept, concept.surfaces) : concept.surfaces);
    const text = capital ? capitalizeName(surface) : surface;
    const start = this.out.offset;
    this.out.add(text);
    this.mentions.push({ start, end: this.out.offset, text, type: concept.type, id: concept.id });
  }

  private hospital(name: string): void {
    const head = HOSPITAL_HEADS.find((h) => name.endsWith(` ${h}`));
    this.phi(name, 'HOSPITAL');
    if (head !== undefined) this.genericHeads.push({ start: this.out.offset - head.length, end: this.out.offset });
  }

  private doctor(person: Person, form: 'title' | 'full' | 'init'): void {
    if (form === 'title') {
      this.out.add('Dr. ');
      this.phi(person.family, 'NAME');
    } else if (form === 'full') {
      this.phi(`${person.given} ${person.family}`, 'NAME');
    } else {
      this.phi(`${person.given[0]}. ${person.family}`, 'NAME');
    }
  }

  private slot(name: string): void {
    const { rng, cast } = this;
    const capital = this.out.offset === 0 || /(?:[.:]\s|\n|\d\.\s)$/.test(this.out.tail);
    const doctorSlot = /^dr(\d)(?:_(full|init))?$/.exec(name);
    if (doctorSlot !== null) {
      this.doctor(cast.doctors[Number(doctorSlot[1]) - 1]!, (doctorSlot[2] as 'full' | 'init' | undefined) ?? 'title');
      return;
    }
    const history = /^hist(\d)$/.exec(name);
    if (history !== null) {
      this.mention(cast.history[Math.min(Number(history[1]) - 1, cast.history.length - 1)]!, capital);
      return;
    }
    const drug = /^drug(\d)$/.exec(name);
    if (drug !== null) {
      const drugs = cast.drugs;
      this.mention(drugs[(Number(drug[1]) - 1) % drugs.length]!, capital);
      return;
    }
    const ids = cast.ids;
    switch (name) {
      case 'pt': return this.phi(`${cast.patient.given} ${cast.patient.family}`, 'NAME');
      case 'pt_lf': return this.phi(`${cast.patient.family.toUpperCase()}, ${cast.patient.given.toUpperCase()}`, 'NAME');
      case 'pt_given': return this.phi(cast.patient.given, 'NAME');
      case 'pt_title':
        this.out.add(cast.female ? pick(rng, ['Ms. ', 'Mrs. ']) : 'Mr. ');
        return this.phi(cast.patient.family, 'NAME');
      case 'rel': return this.phi(`${cast.relative.given} ${cast.relative.family}`, 'NAME');
      case 'admit': return this.phi(formatDate(rng, cast.admit), 'DATE');
      case 'discharge': return this.phi(formatDate(rng, cast.discharge), 'DATE');
      case 'dob': return this.phi(formatDate(rng, cast.dob), 'DATE');
      case 'followup': return this.phi(formatDate(rng, cast.followup), 'DATE');
      case 'admit_short': return this.phi(formatShortDate(rng, cast.admit), 'DATE');
      case 'day2': return this.phi(formatShortDate(rng, addDays(cast.admit, between(rng, 1, 3))), 'DATE');
      case 'prior': return this.phi(formatShortDate(rng, addDays(cast.admit, -between(rng, 3, 30))), 'DATE');
      case 'age':
        // Safe Harbor: only ages over 89 are identifiers; younger ages are written but not PHI.
        if (cast.age > 89) return this.phi(String(cast.age), 'AGE');
        this.out.add(String(cast.age));
        return;
      case 'hospital': return this.hospital(cast.hospital);
      case 'hospital2': return this.hospital(cast.hospital2);
      case 'street': return this.phi(cast.street, 'LOCATION');
      case 'city': return this.phi(cast.city, 'LOCATION');
      case 'zip': return this.phi(cast.zip, 'LOCATION');
      case 'mrn': return this.phi(ids.mrn, 'MRN');
      case 'account': return this.phi(ids.account, 'ACCOUNT');
      case 'ssn': return this.phi(ids.ssn, 'SSN');
      case 'plan': return this.phi(ids.plan, 'HEALTH_PLAN');
      case 'license': return this.phi(ids.license, 'LICENSE');
      case 'plate': return this.phi(ids.plate, 'VEHICLE');
      case 'device': return this.phi(ids.device, 'DEVICE');
      case 'encounter': return this.phi(ids.encounter, 'ID');
      case 'ip': return this.phi(ids.ip, 'IP');
      case 'phone': return this.phi(ids.phone, 'PHONE');
      case 'phone2': return this.phi(ids.phone2, 'PHONE');
      case 'fax': return this.phi(ids.fax, 'FAX');
      case 'email': return this.phi(ids.email, 'EMAIL');
      case 'url': return this.phi(ids.url, 'URL');
      case 'cc': return this.mention(cast.complaint, capital);
      case 'cc2': return this.mention(cast.complaint2, capital);
      case 'newdx': return this.mention(cast.newProblem, capital);
      default: this.out.add(this.plain(name));
    }
  }

  private plain(name: string): string {
    const { rng, cast } = this;
    switch (name) {
      case 'a': return /^(8|11$|18$)/.test(String(cast.age)) ? 'an' : 'a';
      case 'sex': return cast.female ? 'woman' : 'man';
      case 'sexletter': return cast.female ? 'F' : 'M';
      case 'pron': return cast.female ? 'she' : 'he';
      case 'Pron': return cast.female ? 'She' : 'He';
      case 'poss': return cast.female ? 'her' : 'his';
      case 'poss_cap': return cast.female ? 'Her' : 'His';
      case 'relation': return cast.relation;
      case 'state': return cast.state;
      case 'insurer': return pick(rng, INSURERS);
      case 'employer': return pick(rng, EMPLOYERS);
      case 'dose': return String(pick(rng, [1, 2.5, 5, 10, 20, 25, 40, 50, 81, 100, 250, 500, 1000]));
      case 'freq': return pick(rng, ['daily', 'twice daily', 'BID', 'TID', 'q8h', 'at bedtime', 'PO daily', 'every morning']);
      case 'bp': return `${between(rng, 88, 182)}/${between(rng, 48, 104)}`;
      case 'hr': return String(between(rng, 48, 128));
      case 'temp': return (36 + rng.next() * 3).toFixed(1);
      case 'spo2': return String(between(rng, 86, 100));
      case 'cr': return (0.6 + rng.next() * 3).toFixed(1);
      case 'wbc': return (3 + rng.next() * 15).toFixed(1);
      case 'days': return String(between(rng, 2, 9));
      default: throw new Error(`synth: unknown note slot {${name}}`);
    }
  }
}

/**
 * A note as a gold document for the de-identification scorer (src/deid/score.ts). Every PHI span is gold,
 * except that the generic head of a hospital name (`Medical Center`) is an ignored span (category null):
 * neither a miss when left in nor a false positive when removed, since de-identifiers differ on it and
 * both are safe.
 */
export function noteGoldDocument(note: SynthNote): GoldDocument {
  const spans: GoldSpan[] = [];
  for (const s of note.phi) {
    const head = s.category === 'HOSPITAL' ? note.genericHeads.find((h) => h.start > s.start && h.end === s.end) : undefined;
    if (head === undefined) {
      spans.push({ start: s.start, end: s.end, label: s.category, category: s.category });
      continue;
    }
    const nameEnd = note.text.slice(s.start, head.start).trimEnd().length + s.start;
    spans.push({ start: s.start, end: nameEnd, label: s.category, category: s.category });
    spans.push({ start: head.start, end: head.end, label: 'HOSPITAL_GENERIC_HEAD', category: null });
  }
  return { id: note.id, group: note.id, text: note.text, spans };
}
