import type { EntitySpan, Sequence } from './masking.js';

/**
 * One shard: a little-endian binary file of packed sequences.
 *   "MBSH" | u32 version (1) | u32 token width in bytes (2 or 4) | u32 sequence count
 *   then per sequence: u32 length | u32 entity count | tokens (u16 or u32 each, padded to 4 bytes)
 *                      | entities as (u32 start, u32 end, u32 concept), token positions, end exclusive
 * Small enough to read whole (the writer caps shard size), simple enough to read from any language.
 */
const MAGIC = 0x4853424d; // "MBSH" little-endian
const VERSION = 1;

/** True on little-endian machines (nearly all): the shard's numbers are then the machine's own, copied in bulk. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function encodeShard(sequences: readonly Sequence[], tokenBytes: 2 | 4): Uint8Array {
  let size = 16;
  for (const s of sequences) size += 8 + align4(s.ids.length * tokenBytes) + 12 * s.entities.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, MAGIC, true);
  v.setUint32(4, VERSION, true);
  v.setUint32(8, tokenBytes, true);
  v.setUint32(12, sequences.length, true);
  if (LITTLE_ENDIAN) {
    encodeSequencesLittleEndian(sequences, tokenBytes, out);
    return out;
  }
  let p = 16;
  for (const s of sequences) {
    v.setUint32(p, s.ids.length, true);
    v.setUint32(p + 4, s.entities.length, true);
    p += 8;
    for (let i = 0; i < s.ids.length; i++) {
      if (tokenBytes === 2) v.setUint16(p + 2 * i, s.ids[i]!, true);
      else v.setUint32(p + 4 * i, s.ids[i]!, true);
    }
    p += align4(s.ids.length * tokenBytes);
    for (const e of s.entities) {
      v.setUint32(p, e.start, true);
      v.setUint32(p + 4, e.end, true);
      v.setUint32(p + 8, e.concept, true);
      p += 12;
    }
  }
  return out;
}

/**
 * encodeShard's sequences on a little-endian machine: each sequence's tokens copied by one typed-array `set`
 * (which converts to u16 or u32 as DataView's setters do) instead of a DataView call a token. Every record starts
 * at a multiple of 4 bytes, so the views' indices are exact.
 */
function encodeSequencesLittleEndian(sequences: readonly Sequence[], tokenBytes: 2 | 4, out: Uint8Array): void {
  const words = new Uint32Array(out.buffer);
  const halves = new Uint16Array(out.buffer);
  let w = 4; // in u32 words, after the header
  for (const s of sequences) {
    words[w] = s.ids.length;
    words[w + 1] = s.entities.length;
    w += 2;
    if (tokenBytes === 2) halves.set(s.ids, 2 * w);
    else words.set(s.ids, w);
    w += align4(s.ids.length * tokenBytes) >> 2;
    for (const e of s.entities) {
      words[w] = e.start;
      words[w + 1] = e.end;
      words[w + 2] = e.concept;
      w += 3;
    }
  }
}

export function decodeShard(bytes: Uint8Array, what = 'shard'): Sequence[] {
  const fail = (why: string): never => {
    throw new Error(`${what}: corrupt shard: ${why}`);
  };
  if (bytes.length < 16) fail(`only ${bytes.length} bytes`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, true) !== MAGIC) fail('wrong magic number (not a medbert shard)');
  if (v.getUint32(4, true) !== VERSION) fail(`unsupported version ${v.getUint32(4, true)}`);
  const width = v.getUint32(8, true);
  if (width !== 2 && width !== 4) fail(`token width ${width}`);
  const count = v.getUint32(12, true);
  const out: Sequence[] = [];
  let p = 16;
  for (let s = 0; s < count; s++) {
    if (p + 8 > bytes.length) fail(`truncated at sequence ${s} of ${count}`);
    const length = v.getUint32(p, true), n = v.getUint32(p + 4, true);
    p += 8;
    const end = p + align4(length * width) + 12 * n;
    if (end > bytes.length) fail(`truncated at sequence ${s} of ${count}`);
    const ids = new Int32Array(length);
    for (let i = 0; i < length; i++) ids[i] = width === 2 ? v.getUint16(p + 2 * i, true) : v.getUint32(p + 4 * i, true);
    p += align4(length * width);
    const entities: EntitySpan[] = [];
    for (let e = 0; e < n; e++, p += 12) {
      const span = { start: v.getUint32(p, true), end: v.getUint32(p + 4, true), concept: v.getUint32(p + 8, true) };
      if (span.end <= span.start || span.end > length) fail(`entity ${e} of sequence ${s} spans [${span.start}, ${span.end}) outside its ${length} tokens`);
      entities.push(span);
    }
    out.push({ ids, entities });
  }
  if (p !== bytes.length) fail(`${bytes.length - p} trailing bytes`);
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** manifest.json of a shard folder. */
export interface ShardManifest {
  readonly format: 'medbert-shards';
  readonly version: 1;
  readonly seq_len: number;
  readonly vocab_size: number;
  readonly token_bytes: 2 | 4;
  /** Concept ids, in the order of the entity head's classes. */
  readonly concepts: readonly string[];
  readonly shards: readonly { readonly file: string; readonly sequences: number; readonly tokens: number; readonly sha256: string }[];
  readonly sequences: number;
  readonly tokens: number;
  readonly entities: number;
  /** Anything the producer wants to record (inputs, tokenizer hash, de-identification counts). */
  readonly info?: Readonly<Record<string, unknown>>;
}
