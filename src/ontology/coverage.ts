import type { PubtatorDocument } from '../corpus/pubtator.js';
import { linkWithAbbreviations } from './abbreviations.js';
import type { EntityMatcher } from './matcher.js';
import type { EntityType, LinkedSpan } from './types.js';

export interface TypeCoverage {
  /** Gold mentions with at least one concept id (`-1` mentions are not counted). */
  mentions: number;
  /** Found with the same start and end and a right concept id. */
  exact: number;
  /** Found overlapping the mention with a right concept id. */
  overlap: number;
  exactRate: number;
  overlapRate: number;
}

export interface CoverageReport {
  documents: number;
  /** Gold mentions without an id, left out of every rate. */
  unlinkedGold: number;
  overall: TypeCoverage;
  byType: Record<string, TypeCoverage>;
  /**
   * Linked spans of the types the gold annotates (see linkedType) and how many are an exact, right-id gold mention;
   * precision is 0 when there are none.
   */
  predicted: number;
  predictedCorrect: number;
  precision: number;
}

/**
 * The linker's type of a gold mention type: BC5CDR's Chemical and Disease, NCBI-disease's four classes of disease
 * mention, gene types (BC2GM's GENE, BioRED's GeneOrGeneProduct). Null for a type the linker has no counterpart of.
 */
export function linkedType(goldType: string): EntityType | null {
  const type = goldType.toLowerCase();
  if (type === 'disease' || type === 'specificdisease' || type === 'diseaseclass' || type === 'modifier' || type === 'compositemention'
    || type === 'diseaseorphenotypicfeature') return 'disease';
  if (type === 'chemical' || type === 'chemicalentity') return 'chemical';
  if (type === 'gene' || type === 'geneorgeneproduct') return 'gene';
  return null;
}

/** `MESH:D003693` and `D003693` name the same concept (BC5CDR ids are bare MeSH UIs). */
export function normalizeConceptId(id: string): string {
  return id.startsWith('MESH:') ? id.slice(5) : id;
}

/**
 * The share of gold mentions the linker finds with a right concept id, by type: exactly (same offsets) and
 * leniently (overlapping). A composite mention (`D1|D2`) counts as found when either id is linked there.
 * Abbreviations defined in each document are linked too unless `abbreviations: false`.
 */
export async function evaluateCoverage(
  docs: AsyncIterable<PubtatorDocument>, matcher: EntityMatcher, options: { abbreviations?: boolean } = {},
): Promise<CoverageReport> {
  const abbreviations = options.abbreviations ?? true;
  const byType: Record<string, TypeCoverage> = {};
  const overall = emptyCoverage();
  let documents = 0;
  let unlinkedGold = 0;
  let predicted = 0;
  let predictedCorrect = 0;
  for await (const doc of docs) {
    documents += 1;
    const spans = abbreviations ? linkWithAbbreviations(matcher, doc.text) : matcher.match(doc.text);
    const goldTypes = new Set(doc.mentions.map((m) => linkedType(m.type)));
    const exactKeys = new Set<string>();
    for (const mention of doc.mentions) {
      if (mention.ids.length === 0) {
        unlinkedGold += 1;
        continue;
      }
      const ids = new Set(mention.ids.map(normalizeConceptId));
      const right = (s: LinkedSpan): boolean => ids.has(normalizeConceptId(s.id));
      const exact = spans.some((s) => s.start === mention.start && s.end === mention.end && right(s));
      const overlap = exact || spans.some((s) => s.start < mention.end && mention.start < s.end && right(s));
      if (exact) exactKeys.add(`${mention.start}:${mention.end}`);
      for (const c of [overall, (byType[mention.type] ??= emptyCoverage())]) {
        c.mentions += 1;
        if (exact) c.exact += 1;
        if (overlap) c.overlap += 1;
      }
    }
    for (const span of spans) {
      if (!goldTypes.has(span.type)) continue;
      predicted += 1;
      if (exactKeys.has(`${span.start}:${span.end}`)) predictedCorrect += 1;
    }
  }
  for (const c of [overall, ...Object.values(byType)]) {
    c.exactRate = c.mentions === 0 ? 0 : c.exact / c.mentions;
    c.overlapRate = c.mentions === 0 ? 0 : c.overlap / c.mentions;
  }
  return { documents, unlinkedGold, overall, byType, predicted, predictedCorrect, precision: predicted === 0 ? 0 : predictedCorrect / predicted };
}

function emptyCoverage(): TypeCoverage {
  return { mentions: 0, exact: 0, overlap: 0, exactRate: 0, overlapRate: 0 };
}
