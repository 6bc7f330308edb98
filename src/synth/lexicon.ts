import { builtinEntries } from '../ontology/builtin-lexicon.js';
import type { EntityType, LexiconEntry } from '../ontology/types.js';

/** A lexicon concept with the forms it may be written as in running text. */
export interface SynthConcept {
  readonly id: string;
  readonly type: EntityType;
  readonly preferredName: string;
  /** Forms for running text (MeSH's inverted names left out, common nouns in lower case). Never empty. */
  readonly surfaces: readonly string[];
  /**
   * Forms that contain no other lexicon disease or chemical name (`TNF`, not `tumor necrosis factor`): what
   * NER documents use for genes, which BC5CDR leaves unannotated, so a disease word never hides inside one.
   */
  readonly plainSurfaces: readonly string[];
}

/** Proper names inside disease names that keep their capital. */
const EPONYMS = new Set(['Alzheimer', "Alzheimer's", 'Crohn', 'Parkinson', "Parkinson's", 'Hodgkin']);

/**
 * The lexicon as the generators use it: concepts by type, each with surface forms that the ontology's matcher
 * links back to the same concept (see the linking test), so gold mentions and the linker agree.
 */
export class SynthLexicon {
  readonly diseases: readonly SynthConcept[];
  readonly chemicals: readonly SynthConcept[];
  readonly genes: readonly SynthConcept[];
  private readonly byIdMap: ReadonlyMap<string, SynthConcept>;

  constructor(entries: readonly LexiconEntry[]) {
    const owner = surfaceOwners(entries);
    const concepts: SynthConcept[] = [];
    for (const entry of entries) {
      const surfaces = candidateSurfaces(entry).filter((s) => owner.get(s.toLowerCase()) === entry.id);
      if (surfaces.length === 0) continue;
      concepts.push({ id: entry.id, type: entry.type, preferredName: entry.preferredName, surfaces, plainSurfaces: surfaces });
    }
    const entityWords = concepts.filter((c) => c.type !== 'gene').flatMap((c) => c.surfaces.map((s) => s.toLowerCase()));
    const withPlain = concepts.map((c) => {
      if (c.type !== 'gene') return c;
      const plain = c.surfaces.filter((s) => !entityWords.some((w) => containsWords(s.toLowerCase(), w)));
      return { ...c, plainSurfaces: plain };
    });
    this.diseases = withPlain.filter((c) => c.type === 'disease');
    this.chemicals = withPlain.filter((c) => c.type === 'chemical');
    this.genes = withPlain.filter((c) => c.type === 'gene' && c.plainSurfaces.length > 0);
    this.byIdMap = new Map(withPlain.map((c) => [c.id, c]));
  }

  byId(id: string): SynthConcept | undefined {
    return this.byIdMap.get(id);
  }

  get size(): number {
    return this.byIdMap.size;
  }
}

let builtin: Promise<SynthLexicon> | null = null;

/** The built-in lexicon (src/ontology/builtin-lexicon.ts) as a SynthLexicon, built once. */
export function builtinSynthLexicon(): Promise<SynthLexicon> {
  builtin ??= builtinEntries().then((entries) => new SynthLexicon(entries));
  return builtin;
}

/** The concept that owns each lower-cased name: where two share one, MeSH wins over HGNC, as in the matcher. */
function surfaceOwners(entries: readonly LexiconEntry[]): Map<string, string> {
  const owner = new Map<string, string>();
  const rank = (id: string): number => (id.startsWith('MESH:D') ? 0 : id.startsWith('MESH:') ? 1 : 2);
  for (const entry of entries) {
    for (const surface of candidateSurfaces(entry)) {
      const key = surface.toLowerCase();
      const current = owner.get(key);
      if (current === undefined || rank(entry.id) < rank(current) || (rank(entry.id) === rank(current) && entry.id < current)) {
        owner.set(key, entry.id);
      }
    }
  }
  return owner;
}

function candidateSurfaces(entry: LexiconEntry): string[] {
  const out: string[] = [];
  for (const name of [entry.preferredName, ...entry.synonyms]) {
    if (name.includes(',') || name.length <= 2) continue; // MeSH inverted forms; names the matcher does not index
    // A gene's aliases of one to three capitals are not indexed by the matcher (they collide with abbreviations).
    if (entry.type === 'gene' && name !== entry.preferredName && /^[A-Z]{1,3}$/.test(name)) continue;
    const surface = entry.type === 'gene' ? name : runningTextCase(name);
    if (!out.includes(surface)) out.push(surface);
  }
  return out;
}

/** `Heart Failure` → `heart failure`; `HIV Infections` → `HIV infections`; `Crohn Disease` keeps `Crohn`. */
function runningTextCase(name: string): string {
  return name.split(' ').map((word) => (/^[A-Z][a-z]+$/.test(word) && !EPONYMS.has(word) ? word.toLowerCase() : word)).join(' ');
}

function containsWords(text: string, words: string): boolean {
  let at = text.indexOf(words);
  while (at >= 0) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = at + words.length >= text.length ? ' ' : text[at + words.length]!;
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    at = text.indexOf(words, at + 1);
  }
  return false;
}
