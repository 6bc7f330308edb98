import { MedbertError } from '../errors.js';
import type { RingLink } from './collectives.js';
import { CLOSED as CLOSED_WHY, DIED, HUNG, RingFailure, diagnosisText, failureMessage, packCulprit, unpackCulprit, type Culprit } from './ring-failure.js';

/**
 * A ring of ranks that are threads of one process, exchanging through one SharedArrayBuffer.
 *
 * Each link r → r+1 has two slots (double buffering): while rank r+1 consumes chunk k from one slot (adds it
 * into its gradients in place, or copies it), rank r fills chunk k+1 into the other. A message is a stream of chunks; the first starts with its byte length
 * (8 bytes). Two counters per link say how many chunks were written and read; a slot is free when
 * written − read < 2. Every change to a rank's links rings that rank's doorbell (an Int32 it sleeps on with
 * Atomics.wait), so a rank waits for "something happened next to me" and never spins: the machine is shared.
 *
 * Failure: a rank's state word says running / closed / dead (the launcher marks a thread that died), and its
 * neighbours stop at once. A rank waiting inside a collective publishes whom it waits for, from its first idle
 * turn until the collective returns (not only while asleep: a rank woken by its own timeout is still waiting).
 * A rank that waited `timeoutMs` without progress follows that chain of waiting ranks to the first one that is
 * not waiting, then re-checks after a grace period (a neighbour may not have published yet) until the chain
 * ends at the same rank twice; it records that rank as the suspect, and the others stop at once naming it. A
 * rank that waits on a waiting rank is never named: one hung rank is named once, correctly, whatever the timing.
 *
 * The collectives in collectives.ts run unchanged over it: the bytes sent and the order of every summation are
 * those of the TCP ring, so both transports give bit-identical results.
 *
 * In a mixed ring (several nodes, see MixedRing) the buffer holds one node's ranks, numbered from `firstRank`:
 * errors and the culprit words name global ranks, the link from the node's last rank back to its first is
 * unused (those two talk TCP to the neighbouring nodes), and a rank waiting on TCP publishes REMOTE: a chain of
 * waiting ranks that leaves the node is not followed here (the TCP side names the rank at fault). Ranks with a
 * TCP side pump with Atomics.waitAsync (the *Async methods) so that their event loop keeps moving TCP data.
 */

/** Int32 words of the header, then per rank `RANK_WORDS` words. */
const SUSPECT = 0; // the culprit a waiting rank gave up on or learned from another node (packCulprit; −1: none)
const FAILED = 1; // first (global) rank the launcher saw die (−1: none)
const WORLD = 2;
const SLOT_BYTES = 3;
const FIRST_RANK = 4; // global rank of this buffer's rank 0
const HEADER_WORDS = 8;
const RANK_WORDS = 8;
// per-rank words (link r is the one rank r writes into)
const DOORBELL = 0;
const STATE = 1;
const WRITTEN = 2;
const READ = 3;
const CHUNK_BYTES = 4; // two words, one per slot
const WAITING_ON = 6; // the rank this rank sleeps waiting for (−1: not waiting; REMOTE: a rank of another node)
const REMOTE = -2;

const RUNNING = 0, CLOSED = 1, DEAD = 2;
const LENGTH_PREFIX = 8;

/** The default slot: large enough that waking a thread (~10-50 µs) is small next to copying the chunk. */
export const DEFAULT_SLOT_BYTES = 4 << 20;

function controlWords(world: number): number {
  return HEADER_WORDS + RANK_WORDS * world;
}

function dataOffset(world: number): number {
  return Math.ceil((controlWords(world) * 4) / 64) * 64;
}

interface Outgoing {
  readonly bytes: Uint8Array;
  /** Bytes of `bytes` already in slots; −1 while the length prefix is not yet written. */
  sent: number;
}

interface Incoming {
  readonly bytes: Uint8Array;
  filled: number;
}

/** Where a pump's incoming message comes from: the previous rank over shared memory, or TCP (MixedRing). */
type Source = 'prev' | 'remote';

/** A pump's progress between turns: the doorbell value seen, the deadline and the chain checks after it. */
interface PumpState {
  seen: number;
  deadline: number;
  suspect: number;
  checks: number;
}

/** Atomics.waitAsync (ES2024; Node ≥ 16), typed here because the project's lib is ES2022. */
type WaitAsync = (a: Int32Array, index: number, value: number, timeoutMs: number) =>
  { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** A message handed to a recvPieces consumer straight from the slots. */
interface InPlace {
  readonly take: (piece: Uint8Array, at: number) => void;
  /** −1 until its first chunk arrives. */
  length: number;
  filled: number;
}

export class ShmRing implements RingLink {
  readonly transport = 'shm';
  bytesSent = 0;
  readonly world: number;
  /** Global rank of this buffer's rank 0 (0 unless the ring spans several nodes). */
  readonly firstRank: number;
  private readonly ctrl: Int32Array;
  private readonly data: Uint8Array;
  private readonly view: DataView;
  private readonly slotBytes: number;
  private readonly next: number;
  private readonly prev: number;
  private readonly outgoing: Outgoing[] = [];
  private readonly received: Uint8Array[] = [];
  private assembling: Incoming | null = null;
  private inPlace: InPlace | null = null;
  private closed = false;

  /** A buffer for `world` ranks with slots of `slotBytes` (two per link), global ranks firstRank.. */
  static create(world: number, slotBytes = DEFAULT_SLOT_BYTES, firstRank = 0): SharedArrayBuffer {
    if (!Number.isInteger(world) || world < 1) throw new Error(`shared-memory ring: world must be a positive integer, got ${world}`);
    if (!Number.isInteger(slotBytes) || slotBytes < 64 || slotBytes % 8 !== 0) {
      throw new Error(`shared-memory ring: slot size must be a multiple of 8 bytes, at least 64, got ${slotBytes}`);
    }
    const sab = new SharedArrayBuffer(dataOffset(world) + 2 * world * slotBytes);
    const ctrl = new Int32Array(sab, 0, controlWords(world));
    ctrl[SUSPECT] = -1;
    ctrl[FAILED] = -1;
    ctrl[WORLD] = world;
    ctrl[SLOT_BYTES] = slotBytes;
    ctrl[FIRST_RANK] = firstRank;
    for (let r = 0; r < world; r++) ctrl[base(r) + WAITING_ON] = -1;
    return sab;
  }

  /**
   * The launcher's side: the thread of this buffer's rank `local` ended with an error. Unless it closed its link
   * first (it stopped on an error it reported itself), it died: wake every waiting rank so they stop at once,
   * naming it.
   */
  static markDead(sab: SharedArrayBuffer, local: number): void {
    const world = worldOf(sab);
    const ctrl = new Int32Array(sab, 0, controlWords(world));
    if (Atomics.compareExchange(ctrl, base(local) + STATE, RUNNING, DEAD) !== RUNNING) return;
    Atomics.compareExchange(ctrl, FAILED, -1, ctrl[FIRST_RANK]! + local);
    ringAll(ctrl, world);
  }

  /** A buffer's ranks and the global rank of its rank 0. */
  static layout(sab: SharedArrayBuffer): { readonly world: number; readonly firstRank: number } {
    const world = worldOf(sab);
    return { world, firstRank: new Int32Array(sab, 0, HEADER_WORDS)[FIRST_RANK]! };
  }

  /** The culprit, when the ring knows one: the first rank that died here, else the one a rank gave up on or learned of. */
  static culprit(sab: SharedArrayBuffer): Culprit | null {
    return culpritIn(new Int32Array(sab, 0, HEADER_WORDS));
  }

  /** The culprit (a global rank) in the launcher's words, when the ring knows one. */
  static diagnosis(sab: SharedArrayBuffer): { readonly rank: number; readonly what: string } | null {
    const c = ShmRing.culprit(sab);
    return c === null ? null : { rank: c.rank, what: diagnosisText(c.why) };
  }

  /** `rank`: this rank's index in the buffer (its global rank when firstRank is 0, i.e. on one machine). */
  constructor(sab: SharedArrayBuffer, readonly rank: number, private readonly timeoutMs: number) {
    this.world = worldOf(sab);
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.world) throw new Error(`shared-memory ring: rank ${rank} is outside 0..${this.world - 1}`);
    this.ctrl = new Int32Array(sab, 0, controlWords(this.world));
    this.slotBytes = this.ctrl[SLOT_BYTES]!;
    this.firstRank = this.ctrl[FIRST_RANK]!;
    this.data = new Uint8Array(sab, dataOffset(this.world));
    this.view = new DataView(sab, dataOffset(this.world));
    this.next = (rank + 1) % this.world;
    this.prev = (rank - 1 + this.world) % this.world;
  }

  /**
   * Queues a message to rank (rank + 1) mod world and moves what fits into the slots now. Like a socket write,
   * `data` is referenced, not copied: it must not change until this rank's next recv() has returned.
   */
  send(data: Uint8Array): void {
    if (this.closed) throw new MedbertError(`rank ${this.firstRank + this.rank}: the shared-memory ring is closed`);
    this.outgoing.push({ bytes: data, sent: -1 });
    this.bytesSent += data.byteLength;
    this.pushOut();
  }

  /**
   * The next message from rank (rank − 1) mod world. Returns once it has arrived and every queued send is in
   * the slots (so a rank never leaves a collective with data its neighbour still waits for). Blocks this thread
   * in Atomics.wait meanwhile, after one turn of the event loop (so messages such as Ctrl-C still arrive).
   */
  async recv(): Promise<Uint8Array> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.pump(() => this.received.length > 0);
    return this.received.shift()!;
  }

  /** recv() for a rank with a TCP side: waits with Atomics.waitAsync, `check` (it throws to stop) at every turn. */
  async recvAsync(check: () => void): Promise<Uint8Array> {
    await this.pumpAsync(() => this.received.length > 0, 'prev', check);
    return this.received.shift()!;
  }

  /**
   * The next message, handed to `take` chunk by chunk straight from the slots (no copy, no allocation): the
   * reduce-scatter adds each chunk while the sender fills the other slot. Same return rule as recv().
   */
  async recvPieces(take: (piece: Uint8Array, at: number) => void): Promise<number> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.receivePieces(take, (arrived) => this.pump(arrived));
  }

  /** recvPieces() for a rank with a TCP side (see recvAsync). */
  recvPiecesAsync(take: (piece: Uint8Array, at: number) => void, check: () => void): Promise<number> {
    return this.receivePieces(take, (arrived) => this.pumpAsync(arrived, 'prev', check));
  }

  /**
   * For a rank whose messages come over TCP: moves its queued sends into the slots until they are all there and
   * `arrived()` (the TCP message is in; wake() when it comes), waiting meanwhile on the next rank or on REMOTE.
   */
  drainAsync(arrived: () => boolean, check: () => void): Promise<void> {
    return this.pumpAsync(arrived, 'remote', check);
  }

  /** Rings this rank's own doorbell: a pump waiting in drainAsync or recv*Async looks again (TCP news). */
  wake(): void {
    this.ring(this.rank);
  }

  /** The culprit this node knows of (a rank that died here, or one a rank gave up on or learned of), if any. */
  knownCulprit(): Culprit | null {
    return culpritIn(this.ctrl);
  }

  /** Publishes a culprit learned over TCP (unless one is known already): every rank of this node stops, naming it. */
  reportCulprit(c: Culprit): void {
    Atomics.compareExchange(this.ctrl, SUSPECT, -1, packCulprit(c));
    ringAll(this.ctrl, this.world);
  }

  private async receivePieces(take: (piece: Uint8Array, at: number) => void,
    pump: (arrived: () => boolean) => void | Promise<void>): Promise<number> {
    const queued = this.received.shift();
    if (queued !== undefined) {
      take(queued, 0);
      await pump(() => true);
      return queued.byteLength;
    }
    const m: InPlace = { take, length: -1, filled: 0 };
    const begun = this.assembling; // its first chunks arrived during an earlier receive
    if (begun !== null) {
      this.assembling = null;
      m.length = begun.bytes.byteLength;
      m.filled = begun.filled;
      take(begun.bytes.subarray(0, begun.filled), 0);
    }
    this.inPlace = m;
    try {
      await pump(() => m.filled === m.length);
    } finally {
      this.inPlace = null;
    }
    return m.length;
  }

  /** Marks this rank closed: a neighbour waiting on it stops with an error instead of waiting for the timeout. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const state = base(this.rank) + STATE;
    Atomics.compareExchange(this.ctrl, state, RUNNING, CLOSED);
    ringAll(this.ctrl, this.world);
  }

  /**
   * Moves chunks both ways until `arrived()` and every queued send is in the slots; sleeps when nothing moves.
   * After `timeoutMs` without progress it names the rank at fault (see giveUp) once the chain of waiting ranks
   * has stopped changing over a grace period; progress meanwhile cancels that.
   */
  private pump(arrived: () => boolean): void {
    const s = this.pumpState();
    for (;;) {
      const waitMs = this.pumpTurn(s, arrived, 'prev');
      if (waitMs < 0) return;
      if (waitMs > 0) Atomics.wait(this.ctrl, base(this.rank) + DOORBELL, s.seen, waitMs);
    }
  }

  /** pump() without blocking the thread: the event loop runs while it waits (TCP sockets, timers). */
  private async pumpAsync(arrived: () => boolean, source: Source, check: () => void): Promise<void> {
    const s = this.pumpState();
    for (;;) {
      check();
      const waitMs = this.pumpTurn(s, arrived, source);
      if (waitMs < 0) return;
      if (waitMs === 0) continue;
      const w = waitAsync(this.ctrl, base(this.rank) + DOORBELL, s.seen, waitMs);
      if (!w.async) continue;
      // A pending waitAsync does not keep a thread's event loop alive; this timer does.
      let keepAlive: NodeJS.Timeout | undefined;
      await Promise.race([w.value, new Promise<void>((resolve) => { keepAlive = setTimeout(resolve, waitMs + 10); })]);
      clearTimeout(keepAlive);
    }
  }

  private pumpState(): PumpState {
    return { seen: 0, deadline: Date.now() + this.timeoutMs, suspect: -1, checks: 0 };
  }

  /**
   * One turn of a pump: moves what can move and returns −1 when done, 0 to go again at once, else how long to
   * sleep on the doorbell (whose value it stored in `s.seen`). Throws when the ring has failed.
   */
  private pumpTurn(s: PumpState, arrived: () => boolean, source: Source): number {
    const waiting = base(this.rank) + WAITING_ON;
    s.seen = Atomics.load(this.ctrl, base(this.rank) + DOORBELL);
    const moved = this.pushOut() + this.pullIn();
    const incomplete = !arrived();
    if (!incomplete && this.outgoing.length === 0) {
      Atomics.store(this.ctrl, waiting, -1);
      return -1;
    }
    if (moved > 0) {
      s.deadline = Date.now() + this.timeoutMs;
      s.suspect = -1;
      s.checks = 0;
      return 0;
    }
    // Whom this rank waits for. Stays published while this rank is in the collective, awake or asleep; on an
    // error too (it stopped because of whom it waited for).
    const on = source === 'remote' ? (this.outgoing.length > 0 ? this.next : REMOTE) : incomplete ? this.prev : this.next;
    Atomics.store(this.ctrl, waiting, on);
    this.checkPeers(source === 'prev' && incomplete);
    if (on === REMOTE) {
      // The TCP side has its own deadline and names the rank at fault; wake() when its message comes.
      s.deadline = Date.now() + this.timeoutMs;
      return this.timeoutMs;
    }
    if (Date.now() >= s.deadline) {
      const end = this.endOfWaitingChain(on);
      if (end === REMOTE) {
        // The chain leaves this node: the rank waiting on TCP names the culprit (or learns it) and publishes it.
        s.suspect = -1;
        s.checks = 0;
      } else {
        s.checks++;
        // Waiting on the next rank means it took no data: always so when the message comes over TCP (then
        // `incomplete` is about that message), else only once ours is complete (with 2 ranks next is also prev).
        if (end === s.suspect || s.checks > this.world + 1) this.giveUp(end, on === this.next && (source === 'remote' || !incomplete));
        s.suspect = end;
      }
      s.deadline = Date.now() + graceMs(this.timeoutMs);
    }
    return Math.max(1, s.deadline - Date.now());
  }

  /** Fills free slots of our outgoing link; returns the chunks written. */
  private pushOut(): number {
    const link = base(this.rank);
    let chunks = 0;
    while (this.outgoing.length > 0) {
      const written = Atomics.load(this.ctrl, link + WRITTEN);
      if (((written - Atomics.load(this.ctrl, link + READ)) | 0) >= 2) break;
      const slot = written & 1;
      const at = this.slotOffset(this.rank, slot);
      const out = this.outgoing[0]!;
      let used = 0;
      if (out.sent < 0) {
        this.view.setFloat64(at, out.bytes.byteLength, true);
        used = LENGTH_PREFIX;
        out.sent = 0;
      }
      const n = Math.min(this.slotBytes - used, out.bytes.byteLength - out.sent);
      this.data.set(out.bytes.subarray(out.sent, out.sent + n), at + used);
      out.sent += n;
      if (out.sent === out.bytes.byteLength) this.outgoing.shift();
      this.ctrl[link + CHUNK_BYTES + slot] = used + n;
      // The counter's seq-cst store publishes the slot's bytes and length to the reader.
      Atomics.store(this.ctrl, link + WRITTEN, (written + 1) | 0);
      this.ring(this.next);
      chunks++;
    }
    return chunks;
  }

  /** Empties filled slots of the incoming link into messages; returns the chunks read. */
  private pullIn(): number {
    const link = base(this.prev);
    let chunks = 0;
    for (;;) {
      const read = Atomics.load(this.ctrl, link + READ);
      if (((Atomics.load(this.ctrl, link + WRITTEN) - read) | 0) <= 0) break;
      const slot = read & 1;
      const at = this.slotOffset(this.prev, slot);
      const length = this.ctrl[link + CHUNK_BYTES + slot]!;
      let used = 0;
      const m = this.inPlace;
      if (m !== null && m.filled !== m.length) {
        if (m.length < 0) {
          m.length = this.view.getFloat64(at, true);
          used = LENGTH_PREFIX;
        }
        // The slot stays ours until READ moves on, below: the consumer reads it in place.
        m.take(this.data.subarray(at + used, at + length), m.filled);
        m.filled += length - used;
      } else {
        this.assemble(at, length);
      }
      Atomics.store(this.ctrl, link + READ, (read + 1) | 0);
      this.ring(this.prev);
      chunks++;
    }
    return chunks;
  }

  /** Copies a chunk into the message being assembled (a message nobody is consuming in place yet). */
  private assemble(at: number, length: number): void {
    let used = 0;
    if (this.assembling === null) {
      this.assembling = { bytes: new Uint8Array(this.view.getFloat64(at, true)), filled: 0 };
      used = LENGTH_PREFIX;
    }
    const m = this.assembling;
    m.bytes.set(this.data.subarray(at + used, at + length), m.filled);
    m.filled += length - used;
    if (m.filled === m.bytes.byteLength) {
      this.received.push(m.bytes);
      this.assembling = null;
    }
  }

  /** Stops at once when a rank died, another rank already named a culprit, or the neighbour we need left. */
  private checkPeers(waitsOnPrev: boolean): void {
    const failed = Atomics.load(this.ctrl, FAILED);
    if (failed >= 0) throw new RingFailure({ rank: failed, why: DIED }, failureMessage({ rank: failed, why: DIED }, this.timeoutMs));
    const suspect = unpackCulprit(Atomics.load(this.ctrl, SUSPECT));
    if (suspect !== null && suspect.rank !== this.firstRank + this.rank) throw new RingFailure(suspect, failureMessage(suspect, this.timeoutMs));
    const prevLink = base(this.prev);
    // The previous rank writes its last chunk before closing: only a link that is closed and empty is an error.
    if (waitsOnPrev && Atomics.load(this.ctrl, prevLink + STATE) !== RUNNING &&
      Atomics.load(this.ctrl, prevLink + WRITTEN) === Atomics.load(this.ctrl, prevLink + READ)) {
      throw new RingFailure({ rank: this.firstRank + this.prev, why: CLOSED_WHY }, `rank ${this.firstRank + this.prev} closed the link (it stopped or crashed)`);
    }
    if (this.outgoing.length > 0 && Atomics.load(this.ctrl, base(this.next) + STATE) !== RUNNING) {
      throw new RingFailure({ rank: this.firstRank + this.next, why: CLOSED_WHY }, `rank ${this.firstRank + this.next} closed the link (it stopped or crashed)`);
    }
  }

  /**
   * The neighbour we wait for (`on`) may itself be waiting (for its own neighbour): follows the chain of waiting
   * ranks to the first that is not waiting in the ring; that one is stuck (or dead). A cycle ends at its last new
   * rank. REMOTE when the chain leaves this node (a rank waiting on TCP).
   */
  private endOfWaitingChain(on: number): number {
    let waitingOn = on;
    const seen = new Set([this.rank]);
    for (;;) {
      const further = Atomics.load(this.ctrl, base(waitingOn) + WAITING_ON);
      if (further === REMOTE) return REMOTE;
      if (further < 0 || seen.has(further)) return waitingOn;
      seen.add(waitingOn);
      waitingOn = further;
    }
  }

  /** Names local rank `suspect` for every rank (unless another rank named one first) and stops. */
  private giveUp(suspect: number, takesNoData: boolean): never {
    Atomics.compareExchange(this.ctrl, SUSPECT, -1, packCulprit({ rank: this.firstRank + suspect, why: HUNG }));
    ringAll(this.ctrl, this.world);
    const named = unpackCulprit(Atomics.load(this.ctrl, SUSPECT))!;
    throw new RingFailure(named, named.rank === this.firstRank + this.next && takesNoData && named.why === HUNG
      ? `rank ${named.rank} took no data within ${this.timeoutMs / 1000} s (it died or hangs)`
      : failureMessage(named, this.timeoutMs));
  }

  private ring(rank: number): void {
    Atomics.add(this.ctrl, base(rank) + DOORBELL, 1);
    Atomics.notify(this.ctrl, base(rank) + DOORBELL);
  }

  private slotOffset(link: number, slot: number): number {
    return (2 * link + slot) * this.slotBytes;
  }
}

/**
 * How long a rank that timed out waits before re-checking the chain of waiting ranks: long enough for a
 * neighbour that is about to wait (descheduled on a loaded machine) to publish it, short next to the timeout.
 */
function graceMs(timeoutMs: number): number {
  return Math.min(1000, Math.max(50, timeoutMs / 4));
}

function base(rank: number): number {
  return HEADER_WORDS + RANK_WORDS * rank;
}

function worldOf(sab: SharedArrayBuffer): number {
  const world = sab.byteLength >= HEADER_WORDS * 4 ? new Int32Array(sab, 0, HEADER_WORDS)[WORLD]! : 0;
  if (world < 1 || sab.byteLength < dataOffset(world)) throw new Error('shared-memory ring: not a buffer from ShmRing.create');
  return world;
}

function culpritIn(ctrl: Int32Array): Culprit | null {
  const failed = Atomics.load(ctrl, FAILED);
  return failed >= 0 ? { rank: failed, why: DIED } : unpackCulprit(Atomics.load(ctrl, SUSPECT));
}

function ringAll(ctrl: Int32Array, world: number): void {
  for (let r = 0; r < world; r++) {
    Atomics.add(ctrl, base(r) + DOORBELL, 1);
    Atomics.notify(ctrl, base(r) + DOORBELL);
  }
}
