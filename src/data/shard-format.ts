import { LITTLE_ENDIAN } from '../byte-order.js';
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

export function encodeShard(sequences: readonly Sequence[], tokenBytes: 2 | 4): Uint8Array {
  let size = 16;
  for (const s of sequences) size += 8 + align4(s.ids.length * tokenBytes) + 12 * s.entities.length;
  const encoder = new ShardEncoder(tokenBytes, size); // one block of exactly the shard's size
  for (const s of sequences) encoder.add(s);
  return encoder.finish()[0];
}

/**
 * Builds a shard a sequence at a time, into blocks of `blockBytes` (a sequence that needs more gets a block of its
 * own): no object a sequence has to be kept, and nothing is copied to grow. `finish` gives the shard's bytes as the
 * blocks' filled parts, in order (one block when the first was big enough). `bulk`: copy the machine's own numbers
 * (right on a little-endian machine only), else write them one by one in little-endian order.
 */
export class ShardEncoder {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(0);
  private view = new DataView(this.block.buffer);
  private words = new Uint32Array(0);
  private halves = new Uint16Array(0);
  /** Bytes of `block` filled. */
  private filled = 0;
  /** Sequences and tokens added. */
  sequences = 0;
  tokens = 0;

  constructor(readonly tokenBytes: 2 | 4, private readonly blockBytes = 4 << 20, private readonly bulk = LITTLE_ENDIAN) {
    this.reserve(16); // the header, written by finish
    this.filled = 16;
  }

  add(s: Sequence): void {
    this.sequence(s.ids, s.entities.length);
    for (const e of s.entities) this.entity(e.start, e.end, e.concept);
  }

  /** Starts a sequence of these tokens; its `entityCount` entities must follow, by `entity`. */
  sequence(ids: Int32Array, entityCount: number): void {
    const tokenRoom = align4(ids.length * this.tokenBytes);
    this.reserve(8 + tokenRoom + 12 * entityCount);
    const at = this.filled;
    this.sequences++;
    this.tokens += ids.length;
    if (this.bulk) {
      // Every record starts at a multiple of 4 bytes, so the views' indices are exact; `set` converts to u16 or u32
      // as DataView's setters do.
      this.words[at >> 2] = ids.length;
      this.words[(at >> 2) + 1] = entityCount;
      if (this.tokenBytes === 2) this.halves.set(ids, (at + 8) >> 1);
      else this.words.set(ids, (at + 8) >> 2);
    } else {
      const v = this.view;
      v.setUint32(at, ids.length, true);
      v.setUint32(at + 4, entityCount, true);
      for (let i = 0; i < ids.length; i++) {
        if (this.tokenBytes === 2) v.setUint16(at + 8 + 2 * i, ids[i]!, true);
        else v.setUint32(at + 8 + 4 * i, ids[i]!, true);
      }
    }
    this.filled = at + 8 + tokenRoom;
  }

  /** One entity of the sequence just started (token positions, end exclusive). */
  entity(start: number, end: number, concept: number): void {
    const at = this.filled;
    if (this.bulk) {
      this.words[at >> 2] = start;
      this.words[(at >> 2) + 1] = end;
      this.words[(at >> 2) + 2] = concept;
    } else {
      this.view.setUint32(at, start, true);
      this.view.setUint32(at + 4, end, true);
      this.view.setUint32(at + 8, concept, true);
    }
    this.filled = at + 12;
  }

  /** The shard's bytes, the header written: the blocks' filled parts, in order. The encoder is spent. */
  finish(): Uint8Array[] {
    this.blocks.push(this.block.subarray(0, this.filled));
    const head = new DataView(this.blocks[0].buffer, this.blocks[0].byteOffset, 16);
    head.setUint32(0, MAGIC, true);
    head.setUint32(4, VERSION, true);
    head.setUint32(8, this.tokenBytes, true);
    head.setUint32(12, this.sequences, true);
    return this.blocks;
  }

  /** Room for `bytes` more in the current block, or a new block (fresh ones are zero, so padding is too). */
  private reserve(bytes: number): void {
    if (this.filled + bytes <= this.block.length) return;
    if (this.block.length > 0) this.blocks.push(this.block.subarray(0, this.filled));
    this.block = new Uint8Array(align4(Math.max(this.blockBytes, bytes)));
    this.view = new DataView(this.block.buffer);
    this.words = new Uint32Array(this.block.buffer);
    this.halves = new Uint16Array(this.block.buffer);
    this.filled = 0;
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
