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
  /**
   * Optional, for transports that can hand a message over in place (shared memory): the next message, as
   * consecutive pieces `take(piece, at)` (`at`: the piece's byte offset in the message; pieces start at
   * multiples of 8 bytes) that are valid only during the call. Returns the message's byte length.
   */
  recvPieces?(take: (piece: Uint8Array, at: number) => void): Promise<number>;
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

/** Where each rank's chunk of `data` starts: chunk c is [bounds[c], bounds[c + 1]). Default: chunkRange's split. */
export type ChunkBounds = readonly number[];

export function evenBounds(n: number, world: number): ChunkBounds {
  return Array.from({ length: world + 1 }, (_, c) => c < world ? chunkRange(n, world, c)[0] : n);
}

/**
 * Sums `data` (the same length on every rank) across ranks; on return rank r's chunk r (chunkRange, or
 * `bounds`) holds the total. Other chunks are left partially summed. Returns the bytes this rank sent.
 * Each element is added in an order fixed by the rank that owns it (starting at the next rank, ending at the
 * owner), so summing a vector in pieces with the same owners gives the same bits as summing it whole.
 */
export async function reduceScatter(link: RingLink, data: Float32Array, bounds = evenBounds(data.length, link.world)): Promise<number> {
  const { rank, world } = link;
  checkBounds(bounds, data.length, world);
  let sent = 0;
  for (let k = 0; k < world - 1; k++) {
    const sendChunk = mod(rank - k - 1, world), recvChunk = mod(rank - k - 2, world);
    // Empty chunks are sent as empty messages: every step ends in a receive, which returns only once this
    // rank's sends are out of `data` (a link may send from `data` in place until then).
    const out = bytesOf(data.subarray(bounds[sendChunk]!, bounds[sendChunk + 1]!));
    link.send(out);
    sent += out.byteLength;
    // The same sum, element by element, whether the message comes whole or in pieces: identical bits.
    await receiveInto(link, bounds[recvChunk]!, bounds[recvChunk + 1]!, 'reduce-scatter', (incoming, at) => {
      for (let i = 0; i < incoming.length; i++) data[at + i] = incoming[i]! + data[at + i]!;
    });
  }
  return sent;
}

/** Fills every chunk of `data` from its owner: rank r contributes chunk r. Returns the bytes this rank sent. */
export async function allGather(link: RingLink, data: Float32Array, bounds = evenBounds(data.length, link.world)): Promise<number> {
  const { rank, world } = link;
  checkBounds(bounds, data.length, world);
  let sent = 0;
  for (let k = 0; k < world - 1; k++) {
    const sendChunk = mod(rank - k, world), recvChunk = mod(rank - k - 1, world);
    const out = bytesOf(data.subarray(bounds[sendChunk]!, bounds[sendChunk + 1]!));
    link.send(out);
    sent += out.byteLength;
    await receiveInto(link, bounds[recvChunk]!, bounds[recvChunk + 1]!, 'all-gather', (incoming, at) => data.set(incoming, at));
  }
  return sent;
}

function checkBounds(bounds: ChunkBounds, n: number, world: number): void {
  if (bounds.length !== world + 1 || bounds[0] !== 0 || bounds[world] !== n || bounds.some((b, c) => c > 0 && b < bounds[c - 1]!)) {
    throw new Error(`collective: chunk bounds [${bounds.join(', ')}] do not split ${n} values among ${world} ranks`);
  }
}

/**
 * Receives the message that fills data[r0, r1) and hands it to `apply(values, at)` (at: index into data), in
 * pieces when the link can (no copy of the message), else whole. A message of the wrong size is an error.
 */
async function receiveInto(link: RingLink, r0: number, r1: number, what: string,
  apply: (values: Float32Array, at: number) => void): Promise<void> {
  const wrongSize = (got: number): Error =>
    new Error(`${what}: expected ${r1 - r0} values from rank ${mod(link.rank - 1, link.world)}, got ${got}`);
  if (link.recvPieces === undefined) {
    const incoming = floatsOf(await link.recv());
    if (incoming.length !== r1 - r0) throw wrongSize(incoming.length);
    apply(incoming, r0);
    return;
  }
  const bytes = await link.recvPieces((piece, at) => {
    if (at % 4 !== 0 || piece.byteLength % 4 !== 0 || at / 4 + piece.byteLength / 4 > r1 - r0) throw wrongSize((at + piece.byteLength) / 4);
    apply(floatsOf(piece), r0 + at / 4);
  });
  if (bytes !== 4 * (r1 - r0)) throw wrongSize(bytes / 4);
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
