// De-identifying a document for packing, apart from pack.ts: the packing thread, when a preparing worker
// de-identifies for it, then never loads the de-identifier (about 28 ms of CPU on its critical path).
import { deidentify, type DeidMode } from '../deid/deidentify.js';
import type { DeidentifiedDocument, PackDocument } from './pack.js';

/** A document's paragraphs de-identified in `mode` (null: as they are). */
export function deidentifyDocument(doc: PackDocument, mode: DeidMode | null): DeidentifiedDocument {
  if (mode === null) return { paragraphs: doc.paragraphs, phiSpans: 0 };
  let phiSpans = 0;
  const paragraphs = doc.paragraphs.map((raw) => {
    const result = deidentify(raw, { mode, key: doc.id });
    phiSpans += result.spans.length;
    return result.text;
  });
  return { paragraphs, phiSpans };
}

/** What de-identifies a job's documents where nothing did before (deidentifyDocument, given by whoever loads it). */
export type DocumentDeidentifier = typeof deidentifyDocument;
