// Apart from pack.ts, which a preparing worker does not load.
import type { PackDocument } from './pack.js';

/** The characters of the documents' paragraphs. */
export function charactersOf(documents: readonly PackDocument[]): number {
  let characters = 0;
  for (const d of documents) for (const p of d.paragraphs) characters += p.length;
  return characters;
}
