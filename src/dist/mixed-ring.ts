import { MedbertError } from '../errors.js';
import type { RingLink } from './collectives.js';
import { RingFailure } from './ring-failure.js';
import { ShmRing } from './shm-ring.js';
import { TcpRing, heartbeatMs } from './tcp-link.js';

export interface MixedRingOptions {
  /** Global rank and world (node-major: rank = node × ranks per node + local rank). */
  readonly rank: number;
  readonly world: number;
  readonly masterAddr: string;
  readonly masterPort: number;
  readonly timeoutMs: number;
  /** This node's shared-memory ring (ShmRing.create(ranks per node, slot, first global rank)). */
  readonly shared: SharedArrayBuffer;
}

/**
 * A rank of a ring that spans several nodes, each running its ranks as threads of one process: the link to the
 * next rank is shared memory when it is on the same node and TCP when it is the first rank of the next node
 * (a node's last rank sends over TCP, its first rank receives over TCP, the ranks between use only shared
 * memory). It is one RingLink, so the collectives run unchanged: same bytes, same order of every summation,
 * bit-identical results to the all-TCP and all-shared-memory rings. recvPieces (in-place receive) exists
 * only where the receive side is shared memory.
 *
 * A rank with a TCP side waits with Atomics.waitAsync, so its event loop keeps moving TCP data (a blocked
 * thread would hold back its socket writes and deadlock the ring on large messages).
 *
 * Failure: a rank stopping on an error that names a culprit publishes it in its node's buffer (the node's
 * ranks stop at once, and its launcher names it) and sends it in an abort frame to its TCP neighbours (the
 * other node's ranks then do the same). A node's last rank sends heartbeats over TCP while it waits, so the
 * next node does not blame it for a wait caused further back; the rank at fault is named by whoever sees it.
 */
export class MixedRing implements RingLink {
  readonly transport = 'shm+tcp';
  readonly recvPieces?: (take: (piece: Uint8Array, at: number) => void) => Promise<number>;
  private readonly sendsTcp: boolean;
  private readonly receivesTcp: boolean;
  private readonly check = (): void => {
    const aborted = this.tcp.aborted();
    if (aborted !== null) throw aborted;
  };

  private constructor(readonly rank: number, readonly world: number, private readonly shm: ShmRing, private readonly tcp: TcpRing,
    private readonly timeoutMs: number) {
    this.sendsTcp = shm.rank === shm.world - 1;
    this.receivesTcp = shm.rank === 0;
    if (!this.receivesTcp) {
      this.recvPieces = (take) => this.guard(() => this.sendsTcp ? this.shm.recvPiecesAsync(take, this.check) : this.shm.recvPieces(take));
    }
    // An abort frame stops this node at once, even while this rank is busy outside the ring.
    tcp.onAbort = () => {
      const aborted = tcp.aborted();
      if (aborted !== null) shm.reportCulprit(aborted.culprit);
      shm.wake();
    };
  }

  static async join(o: MixedRingOptions): Promise<MixedRing> {
    const { world: local, firstRank } = ShmRing.layout(o.shared);
    if (o.rank < firstRank || o.rank >= firstRank + local || o.world % local !== 0) {
      throw new MedbertError(`rank ${o.rank}: not one of this node's ranks ${firstRank}..${firstRank + local - 1} in a world of ` +
        `${o.world}: every node must run the same --workers`);
    }
    const shm = new ShmRing(o.shared, o.rank - firstRank, o.timeoutMs);
    const links = { prev: shm.rank === 0, next: shm.rank === local - 1 };
    try {
      const tcp = await TcpRing.join({ rank: o.rank, world: o.world, masterAddr: o.masterAddr, masterPort: o.masterPort,
        timeoutMs: o.timeoutMs, links, heartbeats: links.prev });
      return new MixedRing(o.rank, o.world, shm, tcp, o.timeoutMs);
    } catch (error) {
      shm.close();
      throw error;
    }
  }

  /** Data bytes this rank sent (heartbeats and aborts not counted). */
  get bytesSent(): number {
    return this.shm.bytesSent + this.tcp.bytesSent;
  }

  /** Of bytesSent, those that went over TCP (a node's last rank only). */
  get tcpBytesSent(): number {
    return this.tcp.bytesSent;
  }

  send(data: Uint8Array): void {
    try {
      if (this.sendsTcp) this.tcp.send(data);
      else this.shm.send(data);
    } catch (error) {
      this.stopping(error);
      throw error;
    }
  }

  recv(): Promise<Uint8Array> {
    return this.guard(() => this.receivesTcp ? this.recvOverTcp() : this.sendsTcp ? this.shm.recvAsync(this.check) : this.shm.recv());
  }

  close(): void {
    this.shm.close();
    this.tcp.close();
  }

  /** The TCP message, while this rank's queued shared-memory sends move into the slots. */
  private async recvOverTcp(): Promise<Uint8Array> {
    let message: Uint8Array | null = null;
    let failure: unknown = null;
    this.tcp.recv().then((m) => { message = m; this.shm.wake(); }, (e: unknown) => { failure = e; this.shm.wake(); });
    await this.shm.drainAsync(() => message !== null || failure !== null, this.check);
    if (failure !== null) throw failure;
    return message!;
  }

  /** Runs a receive; a rank that sends over TCP beats meanwhile. On an error, passes its culprit on. */
  private async guard<T>(receive: () => Promise<T>): Promise<T> {
    let beat: NodeJS.Timeout | undefined;
    if (this.sendsTcp) {
      this.tcp.beat();
      beat = setInterval(() => this.tcp.beat(), heartbeatMs(this.timeoutMs));
    }
    try {
      return await receive();
    } catch (error) {
      this.stopping(error);
      throw error;
    } finally {
      clearInterval(beat);
    }
  }

  /** This rank stops on `error`: the culprit it names, or else the one this node knows, goes to everyone. */
  private stopping(error: unknown): void {
    const culprit = error instanceof RingFailure ? error.culprit : this.shm.knownCulprit();
    if (culprit === null) return;
    this.shm.reportCulprit(culprit);
    this.tcp.abort(culprit);
  }
}
