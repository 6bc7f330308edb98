import { MedbertError } from '../errors.js';
import type { RingLink } from './collectives.js';

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
 */

/** Int32 words of the header, then per rank `RANK_WORDS` words. */
const SUSPECT = 0; // rank a waiting rank gave up on (−1: none)
const FAILED = 1; // first rank the launcher saw die (−1: none)
const WORLD = 2;
const SLOT_BYTES = 3;
const HEADER_WORDS = 4;
const RANK_WORDS = 8;
// per-rank words (link r is the one rank r writes into)
const DOORBELL = 0;
const STATE = 1;
const WRITTEN = 2;
const READ = 3;
const CHUNK_BYTES = 4; // two words, one per slot
const WAITING_ON = 6; // the rank this rank sleeps waiting for (−1: not waiting)

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

  /** A buffer for `world` ranks with slots of `slotBytes` (two per link). */
  static create(world: number, slotBytes = DEFAULT_SLOT_BYTES): SharedArrayBuffer {
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
    for (let r = 0; r < world; r++) ctrl[base(r) + WAITING_ON] = -1;
    return sab;
  }

  /**
   * The launcher's side: rank `rank`'s thread ended with an error. Unless it closed its link first (it stopped
   * on an error it reported itself), it died: wake every waiting rank so they stop at once, naming it.
   */
  static markDead(sab: SharedArrayBuffer, rank: number): void {
    const world = worldOf(sab);
    const ctrl = new Int32Array(sab, 0, controlWords(world));
    if (Atomics.compareExchange(ctrl, base(rank) + STATE, RUNNING, DEAD) !== RUNNING) return;
    Atomics.compareExchange(ctrl, FAILED, -1, rank);
    ringAll(ctrl, world);
  }

  /** The rank at fault, when the ring knows one: the first that died, else the one a waiting rank gave up on. */
  static diagnosis(sab: SharedArrayBuffer): { readonly rank: number; readonly what: string } | null {
    const ctrl = new Int32Array(sab, 0, HEADER_WORDS);
    const failed = Atomics.load(ctrl, FAILED), suspect = Atomics.load(ctrl, SUSPECT);
    if (failed >= 0) return { rank: failed, what: 'died (its thread ended with an error)' };
    if (suspect >= 0) return { rank: suspect, what: 'stopped answering within --dist-timeout (it died or hangs)' };
    return null;
  }

  constructor(sab: SharedArrayBuffer, readonly rank: number, private readonly timeoutMs: number) {
    this.world = worldOf(sab);
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.world) throw new Error(`shared-memory ring: rank ${rank} is outside 0..${this.world - 1}`);
    this.ctrl = new Int32Array(sab, 0, controlWords(this.world));
    this.slotBytes = this.ctrl[SLOT_BYTES]!;
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
    if (this.closed) throw new MedbertError(`rank ${this.rank}: the shared-memory ring is closed`);
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

  /**
   * The next message, handed to `take` chunk by chunk straight from the slots (no copy, no allocation): the
   * reduce-scatter adds each chunk while the sender fills the other slot. Same return rule as recv().
   */
  async recvPieces(take: (piece: Uint8Array, at: number) => void): Promise<number> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const queued = this.received.shift();
    if (queued !== undefined) {
      take(queued, 0);
      this.pump(() => true);
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
      this.pump(() => m.filled === m.length);
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
    const bell = base(this.rank) + DOORBELL;
    const waiting = base(this.rank) + WAITING_ON;
    let deadline = Date.now() + this.timeoutMs;
    let suspect = -1; // where the chain of waiting ranks ended at the last check, once the timeout has passed
    let checks = 0;
    for (;;) {
      const seen = Atomics.load(this.ctrl, bell);
      const moved = this.pushOut() + this.pullIn();
      const incomplete = !arrived();
      if (!incomplete && this.outgoing.length === 0) {
        Atomics.store(this.ctrl, waiting, -1);
        return;
      }
      if (moved > 0) {
        deadline = Date.now() + this.timeoutMs;
        suspect = -1;
        checks = 0;
        continue;
      }
      // Stays published while this rank is in the collective, awake or asleep; on an error too (it stopped
      // because of whom it waited for).
      Atomics.store(this.ctrl, waiting, incomplete ? this.prev : this.next);
      this.checkPeers(incomplete);
      if (Date.now() >= deadline) {
        const end = this.endOfWaitingChain(incomplete);
        checks++;
        if (end === suspect || checks > this.world + 1) this.giveUp(end, incomplete);
        suspect = end;
        deadline = Date.now() + graceMs(this.timeoutMs);
      }
      Atomics.wait(this.ctrl, bell, seen, Math.max(0, deadline - Date.now()));
    }
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

  /** Stops at once when a rank died, another rank already named a hung one, or the neighbour we need left. */
  private checkPeers(incomplete: boolean): void {
    const failed = Atomics.load(this.ctrl, FAILED);
    if (failed >= 0) throw new MedbertError(`rank ${failed} died (its thread ended with an error)`);
    const suspect = Atomics.load(this.ctrl, SUSPECT);
    if (suspect >= 0 && suspect !== this.rank) {
      throw new MedbertError(`no message from rank ${suspect} within ${this.timeoutMs / 1000} s (it died or hangs)`);
    }
    const prevLink = base(this.prev);
    // The previous rank writes its last chunk before closing: only a link that is closed and empty is an error.
    if (incomplete && Atomics.load(this.ctrl, prevLink + STATE) !== RUNNING &&
      Atomics.load(this.ctrl, prevLink + WRITTEN) === Atomics.load(this.ctrl, prevLink + READ)) {
      throw new MedbertError(`rank ${this.prev} closed the link (it stopped or crashed)`);
    }
    if (this.outgoing.length > 0 && Atomics.load(this.ctrl, base(this.next) + STATE) !== RUNNING) {
      throw new MedbertError(`rank ${this.next} closed the link (it stopped or crashed)`);
    }
  }

  /**
   * The neighbour we wait for may itself be waiting (for its own neighbour): follows the chain of waiting ranks to
   * the first that is not waiting in the ring; that one is stuck (or dead). A cycle ends at its last new rank.
   */
  private endOfWaitingChain(incomplete: boolean): number {
    let waitingOn = incomplete ? this.prev : this.next;
    const seen = new Set([this.rank]);
    for (;;) {
      const further = Atomics.load(this.ctrl, base(waitingOn) + WAITING_ON);
      if (further < 0 || seen.has(further)) return waitingOn;
      seen.add(waitingOn);
      waitingOn = further;
    }
  }

  /** Names `suspect` for every rank (unless another rank named one first) and stops. */
  private giveUp(suspect: number, incomplete: boolean): never {
    Atomics.compareExchange(this.ctrl, SUSPECT, -1, suspect);
    ringAll(this.ctrl, this.world);
    const named = Atomics.load(this.ctrl, SUSPECT);
    throw new MedbertError(named === this.next && !incomplete
      ? `rank ${named} took no data within ${this.timeoutMs / 1000} s (it died or hangs)`
      : `no message from rank ${named} within ${this.timeoutMs / 1000} s (it died or hangs)`);
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

function ringAll(ctrl: Int32Array, world: number): void {
  for (let r = 0; r < world; r++) {
    Atomics.add(ctrl, base(r) + DOORBELL, 1);
    Atomics.notify(ctrl, base(r) + DOORBELL);
  }
}
