import { createServer, connect, type Server, type Socket } from 'node:net';
import { MedbertError } from '../errors.js';
import type { RingLink } from './collectives.js';
import { CLOSED, HUNG, RingFailure, failureMessage, packCulprit, unpackCulprit, type Culprit } from './ring-failure.js';

/** Frame lengths this large are control frames: an abort (a packed culprit follows) or a heartbeat (nothing). */
const ABORT = 0xffffffff, BEAT = 0xfffffffe;

/**
 * Length-prefixed messages on a socket (u32 little-endian byte count, then the bytes), with a deadline on
 * each receive: a rank that died or hangs turns into an error naming it instead of a stuck job.
 *
 * Two control frames serve the mixed ring (MixedRing), in either direction: an abort names the rank at fault
 * (the peer stopped because of it), a heartbeat says the peer is alive and waiting on another rank. A receive
 * whose deadline passes while heartbeats come in waits on (up to twice the timeout): the rank at fault is
 * elsewhere, and an abort naming it is on its way.
 */
class FramedSocket {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private readonly messages: Uint8Array[] = [];
  private waiter: { resolve: (m: Uint8Array) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  /** The abort frame received, if any. */
  aborted: RingFailure | null = null;
  /** Called when an abort frame arrives. */
  onAbort: (() => void) | null = null;
  /** With heartbeats expected: a receive past its deadline waits on while the last one is this recent. */
  beatWindowMs = 0;
  private lastBeat = 0;

  /** `peerRank`: the rank at the other end (−1 during the rendezvous), named by its errors. */
  constructor(readonly socket: Socket, private readonly peer: string, private readonly peerRank = -1, private readonly timeoutMs = 0) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Uint8Array) => this.onData(chunk));
    // A write to a peer that has gone (EPIPE, "ended by the other party") is its connection closing too.
    socket.on('error', (e) => this.fail(this.peerRank < 0 ? new MedbertError(`${peer}: connection failed (${e.message})`)
      : new RingFailure({ rank: this.peerRank, why: CLOSED }, `${failureMessage({ rank: this.peerRank, why: CLOSED }, timeoutMs)} (${e.message})`)));
    socket.on('close', () => this.fail(this.peerRank < 0 ? new MedbertError(`${peer} closed the connection (it stopped or crashed)`)
      : new RingFailure({ rank: this.peerRank, why: CLOSED }, failureMessage({ rank: this.peerRank, why: CLOSED }, this.timeoutMs))));
  }

  /** Sends an abort frame naming `c` (best effort: the peer may be gone). */
  sendAbort(c: Culprit): void {
    this.control(ABORT, packCulprit(c));
  }

  sendBeat(): void {
    this.control(BEAT, null);
  }

  private control(kind: number, payload: number | null): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    const frame = new DataView(new ArrayBuffer(payload === null ? 4 : 8));
    frame.setUint32(0, kind, true);
    if (payload !== null) frame.setInt32(4, payload, true);
    this.socket.write(new Uint8Array(frame.buffer));
  }

  send(data: Uint8Array): void {
    if (this.failure !== null) throw this.failure;
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, data.byteLength, true);
    this.socket.write(header);
    this.socket.write(data);
  }

  recv(timeoutMs: number): Promise<Uint8Array> {
    const ready = this.messages.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.failure !== null) return Promise.reject(this.failure);
    const hardDeadline = Date.now() + 2 * timeoutMs;
    return new Promise((resolve, reject) => {
      const expire = (): void => {
        const now = Date.now();
        if (this.beatWindowMs > 0 && now - this.lastBeat < this.beatWindowMs && now < hardDeadline) {
          timer = setTimeout(expire, this.beatWindowMs);
          return;
        }
        this.waiter = null;
        const message = `no message from ${this.peer} within ${timeoutMs / 1000} s (it died or hangs)`;
        reject(this.peerRank < 0 ? new MedbertError(message) : new RingFailure({ rank: this.peerRank, why: HUNG }, message));
      };
      let timer = setTimeout(expire, timeoutMs);
      this.waiter = {
        resolve: (m) => { clearTimeout(timer); resolve(m); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
    });
  }

  /** Closes after flushing what was written (the peer may still be reading our last message). */
  close(): void {
    this.failure ??= new MedbertError(`${this.peer}: link closed`);
    this.socket.end();
  }

  private onData(chunk: Uint8Array): void {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.byteLength;
    for (;;) {
      if (this.bufferedBytes < 4) return;
      const head = this.take(4, false);
      const length = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true);
      if (length === BEAT) {
        this.take(4, true);
        this.lastBeat = Date.now();
        continue;
      }
      if (length === ABORT) {
        if (this.bufferedBytes < 8) return;
        const frame = this.take(8, true);
        const c = unpackCulprit(new DataView(frame.buffer, frame.byteOffset, 8).getInt32(4, true));
        if (c !== null) this.abortedBy(c);
        continue;
      }
      if (this.bufferedBytes < 4 + length) return;
      this.take(4, true);
      this.deliver(this.take(length, true));
    }
  }

  /** The first n buffered bytes (consumed when `consume`). */
  private take(n: number, consume: boolean): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0, i = 0;
    while (filled < n) {
      const c = this.buffered[i]!;
      const part = Math.min(c.byteLength, n - filled);
      out.set(c.subarray(0, part), filled);
      filled += part;
      if (consume) {
        if (part === c.byteLength) this.buffered.shift();
        else this.buffered[0] = c.subarray(part);
      } else {
        i++;
      }
    }
    if (consume) this.bufferedBytes -= n;
    return out;
  }

  private deliver(message: Uint8Array): void {
    const w = this.waiter;
    if (w !== null) {
      this.waiter = null;
      w.resolve(message);
    } else {
      this.messages.push(message);
    }
  }

  private abortedBy(c: Culprit): void {
    this.aborted ??= new RingFailure(c, `${failureMessage(c, this.timeoutMs)} (reported by ${this.peer})`);
    this.fail(this.aborted);
    this.onAbort?.();
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    const w = this.waiter;
    this.waiter = null;
    w?.reject(error);
  }
}

export interface RendezvousOptions {
  readonly rank: number;
  readonly world: number;
  readonly masterAddr: string;
  readonly masterPort: number;
  /** Deadline for joining and for every receive afterwards. */
  readonly timeoutMs: number;
  /**
   * Which of this rank's ring links are TCP (default both). In a mixed ring a node's inner links are shared
   * memory: every rank still joins the rendezvous (so a rank that failed to start is noticed), but only a
   * node's last rank connects to the next node, and only its first accepts the previous node.
   */
  readonly links?: { readonly prev: boolean; readonly next: boolean };
  /** The previous rank sends heartbeats while it waits (MixedRing): a receive waits on while they come. */
  readonly heartbeats?: boolean;
}

/**
 * A ring of ranks over TCP. Rank 0 listens on the master address and collects every rank's own listening
 * address; each rank then connects to the next rank and accepts the previous one (or only those of its links
 * that are TCP: see RendezvousOptions.links). torchrun's names: MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE.
 */
export class TcpRing implements RingLink {
  readonly transport = 'tcp';
  bytesSent = 0;
  private constructor(readonly rank: number, readonly world: number, private readonly next: FramedSocket | null,
    private readonly prev: FramedSocket | null, private readonly timeoutMs: number, private readonly servers: Server[]) {}

  static async join(o: RendezvousOptions): Promise<TcpRing> {
    if (o.world === 1) return new TcpRing(0, 1, null, null, o.timeoutMs, []);
    const links = o.links ?? { prev: true, next: true };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new MedbertError(`rank ${o.rank}: the ${o.world} ranks did not all join at ` +
        `${o.masterAddr}:${o.masterPort} within ${o.timeoutMs / 1000} s (a rank failed to start?)`)), o.timeoutMs);
    });
    const servers: Server[] = [], sockets: Socket[] = [];
    try {
      const ring = await Promise.race([TcpRing.connectRing(o, links, servers, sockets), timeout]);
      if (o.heartbeats === true && ring.prev !== null) ring.prev.beatWindowMs = 3 * heartbeatMs(o.timeoutMs);
      return ring;
    } catch (error) {
      for (const server of servers) server.close();
      for (const socket of sockets) socket.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Joins the ring; every server and ring socket it opens goes into `servers` and `sockets` (closed on failure). */
  private static async connectRing(o: RendezvousOptions, links: { prev: boolean; next: boolean }, servers: Server[],
    sockets: Socket[]): Promise<TcpRing> {
    // Our own listener, for the previous rank (port 0 in the table: none, that link is not TCP).
    const own = links.prev ? createServer() : null;
    let prevSocket: Promise<Socket> | null = null;
    let ownPort = 0;
    if (own !== null) {
      servers.push(own);
      prevSocket = new Promise<Socket>((resolve) => own.once('connection', (socket: Socket) => { sockets.push(socket); resolve(socket); }));
      await new Promise<void>((resolve) => own.listen(0, o.rank === 0 ? o.masterAddr : '0.0.0.0', resolve));
      ownPort = (own.address() as { port: number }).port;
    }
    let table: { host: string; port: number }[];
    if (o.rank === 0) {
      const master = createServer();
      servers.push(master);
      table = new Array(o.world);
      table[0] = { host: o.masterAddr, port: ownPort };
      const members: FramedSocket[] = [];
      await new Promise<void>((resolve, reject) => {
        master.on('connection', (socket) => {
          const framed = new FramedSocket(socket, 'a joining rank');
          members.push(framed);
          void framed.recv(o.timeoutMs).then((m) => {
            const hello = JSON.parse(new TextDecoder().decode(m)) as { rank: number; port: number };
            table[hello.rank] = { host: socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1', port: hello.port };
            if (table.filter((t) => t !== undefined).length === o.world) resolve();
          }, reject);
        });
        master.on('error', reject);
        master.listen(o.masterPort, o.masterAddr);
      });
      const message = new TextEncoder().encode(JSON.stringify(table));
      // The members close these connections once they have the table (closing here could drop it unsent).
      for (const m of members) m.send(message);
      master.close();
    } else {
      const socket = await connectWithRetry(o.masterAddr, o.masterPort, o.timeoutMs);
      const framed = new FramedSocket(socket, 'rank 0 (master)');
      framed.send(new TextEncoder().encode(JSON.stringify({ rank: o.rank, port: ownPort })));
      table = JSON.parse(new TextDecoder().decode(await framed.recv(o.timeoutMs))) as { host: string; port: number }[];
      framed.close();
    }
    const nextRank = (o.rank + 1) % o.world;
    const prevRank = (o.rank - 1 + o.world) % o.world;
    let next: FramedSocket | null = null, prev: FramedSocket | null = null;
    if (links.next) {
      const to = table[nextRank]!;
      if (to.port === 0) {
        throw new MedbertError(`rank ${o.rank}: rank ${nextRank} takes no TCP link from rank ${o.rank}: every node must run the same --workers`);
      }
      const socket = await connectWithRetry(to.host, to.port, o.timeoutMs);
      sockets.push(socket);
      next = new FramedSocket(socket, `rank ${nextRank}`, nextRank, o.timeoutMs);
    }
    if (prevSocket !== null) prev = new FramedSocket(await prevSocket, `rank ${prevRank}`, prevRank, o.timeoutMs);
    own?.close();
    return new TcpRing(o.rank, o.world, next, prev, o.timeoutMs, servers);
  }

  send(data: Uint8Array): void {
    if (this.next === null) throw new Error(`rank ${this.rank}: no TCP link to the next rank`);
    this.bytesSent += data.byteLength;
    this.next.send(data);
  }

  recv(): Promise<Uint8Array> {
    if (this.prev === null) return Promise.reject(new Error(`rank ${this.rank}: no TCP link from the previous rank`));
    return this.prev.recv(this.timeoutMs);
  }

  /** Tells the next rank that this one is alive and waiting (MixedRing, while it waits on shared memory). */
  beat(): void {
    this.next?.sendBeat();
  }

  /** Names the rank at fault to both TCP neighbours (best effort), before this rank stops. */
  abort(c: Culprit): void {
    this.next?.sendAbort(c);
    this.prev?.sendAbort(c);
  }

  /** An abort frame a neighbour sent, if any. */
  aborted(): RingFailure | null {
    return this.prev?.aborted ?? this.next?.aborted ?? null;
  }

  /** Called when an abort frame arrives from either neighbour. */
  set onAbort(f: () => void) {
    if (this.prev !== null) this.prev.onAbort = f;
    if (this.next !== null) this.next.onAbort = f;
  }

  close(): void {
    this.next?.close();
    this.prev?.close();
    for (const s of this.servers) s.close();
  }
}

/** How often a waiting rank of a mixed ring sends heartbeats: well inside the receiver's timeout. */
export function heartbeatMs(timeoutMs: number): number {
  return Math.min(1000, Math.max(50, timeoutMs / 6));
}

async function connectWithRetry(host: string, port: number, timeoutMs: number): Promise<Socket> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const s = connect({ host, port }, () => resolve(s));
        s.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > until) throw new MedbertError(`cannot reach ${host}:${port} within ${timeoutMs / 1000} s (${(error as Error).message})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
