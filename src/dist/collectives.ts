/**
 * Ring collectives over a process group's two links (to the next rank and from the previous one). Bandwidth-
 * optimal: reduce-scatter and all-gather each send (N−1)/N of the data per rank. Every rank sums chunks in the
 * same order, so all ranks hold bit-identical results.
 */
export interface RingLink {
  readonly rank: number;
  readonly world: number;
  /** Sends a message to rank (rank + 1) mod world. */
  send(data: Uint8Array): void;
  /** The next message from rank (rank − 1) mod world. */
  recv(): Promise<Uint8Array>;
}

/** Chunk c of a flat vector of n values split into `world` near-equal parts: [start, end). */
export function chunkRange(n: number, world: number, c: number): [number, number] {
  const size = Math.ceil(n / world);
  return [Math.min(n, c * size), Math.min(n, (c + 1) * size)];
}

const bytesOf = (a: Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
/** A received message as floats: a view when aligned (received messages belong to the receiver), else a copy. */
const floatsOf = (b: Uint8Array): Float32Array => b.byteOffset % 4 === 0
  ? new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)
  : new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/**
 * Sums `data` (length n, the same on every rank) across ranks; on return rank r's chunk r (chunkRange) holds
 * the total. Other chunks are left partially summed. Returns the bytes this rank sent.
 */
export async function reduceScatter(link: RingLink, data: Float32Array): Promise<number> {
  const { rank, world } = link;
  let sent = 0;
  for (let k = 0; k < world - 1; k++) {
    const sendChunk = mod(rank - k - 1, world), recvChunk = mod(rank - k - 2, world);
    const [s0, s1] = chunkRange(data.length, world, sendChunk);
    const out = bytesOf(data.subarray(s0, s1));
    link.send(out);
    sent += out.byteLength;
    const incoming = floatsOf(await link.recv());
    const [r0, r1] = chunkRange(data.length, world, recvChunk);
    if (incoming.length !== r1 - r0) throw new Error(`reduce-scatter: expected ${r1 - r0} values from rank ${mod(rank - 1, world)}, got ${incoming.length}`);
    for (let i = 0; i < incoming.length; i++) data[r0 + i] = incoming[i]! + data[r0 + i]!;
  }
  return sent;
}

/** Fills every chunk of `data` from its owner: rank r contributes chunk r. Returns the bytes this rank sent. */
export async function allGather(link: RingLink, data: Float32Array): Promise<number> {
  const { rank, world } = link;
  let sent = 0;
  for (let k = 0; k < world - 1; k++) {
    const [s0, s1] = chunkRange(data.length, world, mod(rank - k, world));
    const out = bytesOf(data.subarray(s0, s1));
    link.send(out);
    sent += out.byteLength;
    const incoming = floatsOf(await link.recv());
    const [r0, r1] = chunkRange(data.length, world, mod(rank - k - 1, world));
    if (incoming.length !== r1 - r0) throw new Error(`all-gather: expected ${r1 - r0} values from rank ${mod(rank - 1, world)}, got ${incoming.length}`);
    data.set(incoming, r0);
  }
  return sent;
}

/**
 * Element-wise sum of a small vector over ranks, added in rank order 0..N−1 on every rank (so every rank gets
 * the same bits). For scalars and counters, not for gradients.
 */
export async function allReduceSmall(link: RingLink, values: Float64Array): Promise<Float64Array> {
  const { rank, world } = link;
  const all: Float64Array[] = new Array<Float64Array>(world);
  all[rank] = values;
  let forward = values;
  for (let k = 0; k < world - 1; k++) {
    link.send(new Uint8Array(forward.buffer, forward.byteOffset, forward.byteLength));
    const b = await link.recv();
    forward = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    all[mod(rank - k - 1, world)] = forward;
  }
  const sum = new Float64Array(values.length);
  for (const v of all) for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + v[i]!;
  return sum;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
