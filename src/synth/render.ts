import type { Rng } from '../tensor/rng.js';
import type { EntityType } from '../ontology/types.js';
import type { SynthConcept } from './lexicon.js';
import { between, chance, pick } from './random.js';
import type { TextBuilder } from './text-builder.js';
import type { Topic } from './topic.js';

/** A planted entity mention: UTF-16 offsets, end exclusive; `id` is the lexicon id ('' for an invented drug). */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  readonly id: string;
}

const CONCEPT_SLOTS = ['drug', 'drug2', 'disease', 'effect', 'gene', 'gene2'] as const;
type ConceptSlot = typeof CONCEPT_SLOTS[number];

function isConceptSlot(name: string): name is ConceptSlot {
  return (CONCEPT_SLOTS as readonly string[]).includes(name);
}

/** An abbreviation among a concept's names (`T2DM`, `COPD`), used after a `long form (ABBR)` definition. */
function abbreviationOf(concept: SynthConcept): string | undefined {
  return concept.surfaces.find((s) => /^[A-Z][A-Z0-9-]{1,6}$/.test(s) && /[A-Z].*[A-Z]/.test(s));
}

/**
 * The names that may open a sentence, capitalised: the matcher matches short names (three characters or
 * fewer) and one-word gene names in their exact case, so `Flu` or `Leptin` would no longer link; a sentence
 * starts with another of the concept's names instead (`LEP`) when it has one.
 */
export function sentenceInitialNames(concept: SynthConcept, names: readonly string[]): readonly string[] {
  const keepsCase = (s: string): boolean => !/^[a-z]/.test(s) || (s.length > 3 && !(concept.type === 'gene' && !s.includes(' ')));
  const ok = names.filter(keepsCase);
  return ok.length > 0 ? ok : names;
}

/** Capitalises an all-lower-case name for a sentence start (`heart failure` → `Heart failure`; `HIV` stays). */
export function capitalizeName(name: string): string {
  return /^[a-z][^A-Z]*$/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * Renders templates of one document: fills slots, keeps the names a document has used (a defined
 * abbreviation is used again, like in real abstracts) and records every concept mention.
 */
export class DocumentRenderer {
  private readonly defined = new Map<string, string>();

  constructor(
    private readonly rng: Rng,
    private readonly topic: Topic,
    private readonly out: TextBuilder<Mention>,
    /** 'plain' for NER documents: genes by names that hold no disease or chemical word. */
    private readonly geneNames: 'all' | 'plain' = 'all',
  ) {}

  /** Appends one template, capitalising a sentence-initial slot. */
  render(template: string): void {
    const pattern = /\{(\w+)\}/g;
    let last = 0;
    for (let m = pattern.exec(template); m !== null; m = pattern.exec(template)) {
      this.out.add(template.slice(last, m.index));
      const name = m[1]!;
      const initial = m.index === 0;
      if (isConceptSlot(name)) this.mention(this.topic[name], initial);
      else this.out.add(this.number(name));
      last = m.index + m[0].length;
    }
    this.out.add(template.slice(last));
  }

  /** Appends a mention of `concept` (and, the first time, maybe its abbreviation in parentheses). */
  mention(concept: SynthConcept, sentenceStart = false): void {
    const rng = this.rng;
    const abbreviation = abbreviationOf(concept);
    const knownAbbreviation = this.defined.get(concept.id);
    let surface: string;
    let defineAbbreviation = false;
    if (knownAbbreviation !== undefined && chance(rng, 0.7)) {
      surface = knownAbbreviation;
    } else {
      const allNames = concept.type === 'gene' && this.geneNames === 'plain' ? concept.plainSurfaces : concept.surfaces;
      const names = sentenceStart ? sentenceInitialNames(concept, allNames) : allNames;
      const longNames = abbreviation === undefined ? names : names.filter((s) => s !== abbreviation);
      surface = pick(rng, longNames.length > 0 ? longNames : names);
      defineAbbreviation = abbreviation !== undefined && surface !== abbreviation && knownAbbreviation === undefined && chance(rng, 0.35);
    }
    const written = sentenceStart ? capitalizeName(surface) : surface;
    this.out.span(written, (start, end) => ({ start, end, text: written, type: concept.type, id: concept.id }));
    if (defineAbbreviation && abbreviation !== undefined) {
      this.defined.set(concept.id, abbreviation);
      this.out.add(' (');
      this.out.span(abbreviation, (start, end) => ({ start, end, text: abbreviation, type: concept.type, id: concept.id }));
      this.out.add(')');
    }
  }

  private number(slot: string): string {
    const rng = this.rng;
    switch (slot) {
      case 'n': return String(between(rng, 24, 4800));
      case 'n2': return String(between(rng, 12, 400));
      case 'small': return pick(rng, ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', '12', '15']);
      case 'pct': case 'pct2': return (rng.next() * 60 + 1).toFixed(1);
      case 'p': return pick(rng, [
        'p < 0.001', 'P < 0.001', 'p < 0.01', `p = 0.0${between(rng, 1, 4)}`, `P = 0.00${between(rng, 1, 9)}`, `p = 0.${between(rng, 12, 89)}`,
      ]);
      case 'ratio': return (0.3 + rng.next() * 2.5).toFixed(2);
      case 'ci': {
        const lo = 0.2 + rng.next() * 1.2;
        return `${lo.toFixed(2)}-${(lo + 0.1 + rng.next() * 1.5).toFixed(2)}`;
      }
      case 'fold': return (1.5 + rng.next() * 8).toFixed(1);
      case 'age': return String(between(rng, 19, 84));
      case 'sex': return pick(rng, ['man', 'woman', 'boy', 'girl']);
      case 'weeks': return String(pick(rng, [2, 4, 6, 8, 12, 16, 24, 48, 52]));
      case 'months': case 'months2': return String(between(rng, 3, 60));
      case 'days': return String(between(rng, 2, 90));
      case 'years': return String(between(rng, 5, 30));
      case 'year1': return String(between(rng, 1995, 2010));
      case 'year2': return String(between(rng, 2011, 2023));
      case 'centers': return String(between(rng, 2, 40));
      case 'dose': return String(pick(rng, [0.5, 1, 2, 2.5, 5, 10, 20, 25, 40, 50, 100, 150, 200, 250, 500]));
      case 'decimal': return (0.2 + rng.next() * 1.8).toFixed(1);
      case 'r2': return String(between(rng, 21, 78));
      case 'auc': return String(between(rng, 61, 96));
      case 'cohortKind': return pick(rng, ['Chinese', 'European', 'Japanese', 'Brazilian', 'multiethnic', 'Finnish', 'Korean', 'Nigerian', 'Mexican']);
      default: throw new Error(`synth: unknown template slot {${slot}}`);
    }
  }
}
