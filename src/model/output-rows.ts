import { gatherRows, type Tensor } from '../tensor/index.js';

/**
 * The final hidden states a head reads, when it reads only some positions (masked tokens, labelled words,
 * [CLS]): the encoder's last layer then computes just those rows. Its keys and values still come from every
 * position, so those rows are exactly what the full layer would give them; only the work on rows nobody reads
 * is skipped (in MLM pretraining at 15% masking, about 70% of the last layer's multiply-adds).
 */
export interface OutputRows {
  /** Flat positions (b·seq + i) to compute: ascending, distinct, never empty. */
  readonly rows: Int32Array;
  /** For each requested position (the lists concatenated), its row among `rows`. */
  readonly index: Int32Array;
}

/** The distinct, ascending rows behind any number of position lists, and where each position landed. */
export function outputRows(...positions: readonly Int32Array[]): OutputRows {
  const all = concat(positions);
  // A request for nothing still runs one row (position 0) rather than a zero-row layer.
  const rows = all.length === 0 ? new Int32Array(1) : isAscendingDistinct(all) ? all : Int32Array.from(new Set(all)).sort();
  if (rows === all || all.length === 0) return { rows, index: all.map((_, i) => i) };
  const rowOf = new Map<number, number>();
  rows.forEach((p, r) => rowOf.set(p, r));
  return { rows, index: all.map((p) => rowOf.get(p)!) };
}

/** The hidden rows of the requested positions [from, to): `hidden` itself when that is all of it, in order. */
export function pickRows(hidden: Tensor, o: OutputRows, from = 0, to = o.index.length): Tensor {
  const part = o.index.subarray(from, to);
  return part.length === hidden.shape[0] && isIdentity(part) ? hidden : gatherRows(hidden, part);
}

function concat(parts: readonly Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function isIdentity(a: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== i) return false;
  return true;
}

function isAscendingDistinct(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false;
  return true;
}

/**
 * The last layer's queries when only `rows` leave it: each sequence's requested positions packed into a block
 * of `perSequence` query rows (the largest count; shorter blocks repeat a position of their own sequence, and
 * their outputs are never read), so attention runs over [batch, perSequence] queries against every key.
 */
export interface QueryBlocks {
  readonly perSequence: number;
  /** [batch·perSequence] flat positions whose query each block row computes. */
  readonly positions: Int32Array;
  /** For each of `rows`, its row among the blocks. */
  readonly slots: Int32Array;
}

export function queryBlocks(rows: Int32Array, batch: number, seq: number): QueryBlocks {
  const counts = new Int32Array(batch);
  let perSequence = 1;
  for (const p of rows) perSequence = Math.max(perSequence, ++counts[Math.floor(p / seq)]!);
  const positions = new Int32Array(batch * perSequence), slots = new Int32Array(rows.length);
  const filled = new Int32Array(batch);
  rows.forEach((p, r) => {
    const b = Math.floor(p / seq);
    slots[r] = b * perSequence + filled[b]!;
    positions[slots[r]!] = p;
    filled[b]!++;
  });
  for (let b = 0; b < batch; b++) {
    const pad = filled[b]! > 0 ? positions[b * perSequence]! : b * seq;
    positions.fill(pad, b * perSequence + filled[b]!, (b + 1) * perSequence);
  }
  return { perSequence, positions, slots };
}
