import { MedbertError } from '../errors.js';
import type { Rng } from '../tensor/rng.js';
import type { Knowledge, Relation } from './knowledge.js';
import type { SynthConcept, SynthLexicon } from './lexicon.js';
import { chance, pick } from './random.js';

/** The concepts one generated document is about; every template slot draws from these. */
export interface Topic {
  /** The main drug, the condition it treats, an effect it may cause, a gene involved, and a second of each. */
  readonly drug: SynthConcept;
  readonly drug2: SynthConcept;
  readonly disease: SynthConcept;
  readonly effect: SynthConcept;
  readonly gene: SynthConcept;
  readonly gene2: SynthConcept;
}

export interface TopicOptions {
  /** Concept ids never drawn (held out of an NER training split). */
  readonly exclude?: ReadonlySet<string>;
  /** Probability that the main drug is an invented name instead of a lexicon drug (NER: unseen names). */
  readonly inventedDrugRate?: number;
}

/**
 * Draws a topic: a fact from the knowledge tables (a drug and what it treats or causes, a gene and its disease),
 * then the other slots consistent with it where the tables allow, at random otherwise.
 */
export class TopicSampler {
  private readonly diseases: readonly SynthConcept[];
  private readonly chemicals: readonly SynthConcept[];
  private readonly genes: readonly SynthConcept[];
  private readonly treats: readonly Relation[];
  private readonly causes: readonly Relation[];
  private readonly associated: readonly Relation[];
  private readonly inventedDrugRate: number;

  constructor(lexicon: SynthLexicon, knowledge: Knowledge, options: TopicOptions = {}) {
    const allowed = (c: SynthConcept): boolean => !(options.exclude?.has(c.id) ?? false);
    const allowedRelation = (r: Relation): boolean => allowed(r.from) && allowed(r.to);
    this.diseases = lexicon.diseases.filter(allowed);
    this.chemicals = lexicon.chemicals.filter(allowed);
    this.genes = lexicon.genes.filter(allowed);
    if (this.diseases.length < 2 || this.chemicals.length < 2 || this.genes.length < 2) {
      throw new MedbertError('synthetic corpus: the lexicon needs at least two diseases, two chemicals and two genes left after exclusions');
    }
    this.treats = knowledge.treats.filter(allowedRelation);
    this.causes = knowledge.causes.filter(allowedRelation);
    this.associated = knowledge.associated.filter(allowedRelation);
    this.inventedDrugRate = options.inventedDrugRate ?? 0;
  }

  draw(rng: Rng): Topic {
    const roll = rng.next();
    let drug: SynthConcept;
    let disease: SynthConcept;
    let effect: SynthConcept | undefined;
    let gene: SynthConcept | undefined;
    if (roll < 0.4 && this.treats.length > 0) {
      const r = pick(rng, this.treats);
      drug = r.from;
      disease = r.to;
    } else if (roll < 0.65 && this.causes.length > 0) {
      const r = pick(rng, this.causes);
      drug = r.from;
      effect = r.to;
      disease = this.related(rng, this.treats, drug, 'from') ?? pick(rng, this.diseases);
    } else if (roll < 0.9 && this.associated.length > 0) {
      const r = pick(rng, this.associated);
      gene = r.from;
      disease = r.to;
      drug = this.related(rng, this.treats, disease, 'to') ?? pick(rng, this.chemicals);
    } else {
      drug = pick(rng, this.chemicals);
      disease = pick(rng, this.diseases);
    }
    effect ??= this.related(rng, this.causes, drug, 'from') ?? this.other(rng, this.diseases, disease);
    if (effect.id === disease.id) effect = this.other(rng, this.diseases, disease);
    gene ??= this.related(rng, this.associated, disease, 'to') ?? pick(rng, this.genes);
    const drug2 = this.related(rng, this.treats, disease, 'to', drug) ?? this.other(rng, this.chemicals, drug);
    const gene2 = this.other(rng, this.genes, gene);
    if (this.inventedDrugRate > 0 && chance(rng, this.inventedDrugRate)) drug = inventedDrug(rng);
    return { drug, drug2, disease, effect, gene, gene2 };
  }

  /** A concept on the other side of a relation with `concept`, or undefined when the table has none. */
  private related(rng: Rng, relations: readonly Relation[], concept: SynthConcept, side: 'from' | 'to', not?: SynthConcept): SynthConcept | undefined {
    const found = relations
      .filter((r) => r[side].id === concept.id)
      .map((r) => (side === 'from' ? r.to : r.from))
      .filter((c) => c.id !== not?.id);
    return found.length === 0 ? undefined : pick(rng, found);
  }

  private other(rng: Rng, concepts: readonly SynthConcept[], not: SynthConcept): SynthConcept {
    for (;;) {
      const c = pick(rng, concepts);
      if (c.id !== not.id) return c;
    }
  }
}

const DRUG_STARTS = 'zel vor tra lom mex dap ori sul bex cor nal tef pra qui rom fen kal ben dul ser ati eno gri pel'.split(' ');
const DRUG_MIDDLES = ['a', 'o', 'i', 'e', 'u', 'ava', 'ori', 'ela', 'ito', 'ume', 'azo', 'eri'];
const DRUG_SUFFIXES = 'mab tinib pril olol statin vir azole cillin dronate sartan parin floxacin gliptin setron tidine zepam profen'.split(' ');

/** A made-up drug name in the shape of an INN (`zelavortinib`): a chemical no lexicon knows, so no id. */
export function inventedDrug(rng: Rng): SynthConcept {
  const name = pick(rng, DRUG_STARTS) + pick(rng, DRUG_MIDDLES) + pick(rng, ['', 'r', 'l', 'n', 'x', 'v']) + pick(rng, DRUG_SUFFIXES);
  return { id: '', type: 'chemical', preferredName: name, surfaces: [name], plainSurfaces: [name] };
}
