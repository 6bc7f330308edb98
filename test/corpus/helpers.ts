import type { CorpusDocument, ReaderWarning } from '../../src/corpus/index.js';

/** Reads every document of a reader, with the warnings it reported. */
export async function collect(
  read: (onWarning: (w: ReaderWarning) => void) => AsyncIterable<CorpusDocument>,
): Promise<{ docs: CorpusDocument[]; warnings: ReaderWarning[] }> {
  const warnings: ReaderWarning[] = [];
  const docs: CorpusDocument[] = [];
  for await (const doc of read((w) => warnings.push(w))) docs.push(doc);
  return { docs, warnings };
}

/** Splits bytes into small chunks, cutting through multi-byte characters and tags on purpose. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
