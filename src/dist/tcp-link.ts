import { createServer, connect, type Server, type Socket } from 'node:net';
import { MedbertError } from '../errors.js';
import type { RingLink } from './collectives.js';

/**
 * Length-prefixed messages on a socket (u32 little-endian byte count, then the bytes), with a deadline on
 * each receive: a rank that died or hangs turns into an error naming it instead of a stuck job.
 */
class FramedSocket {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private readonly messages: Uint8Array[] = [];
  private waiter: { resolve: (m: Uint8Array) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(readonly socket: Socket, private readonly peer: string) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Uint8Array) => this.onData(chunk));
    socket.on('error', (e) => this.fail(new MedbertError(`${peer}: connection failed (${e.message})`)));
    socket.on('close', () => this.fail(new MedbertError(`${peer} closed the connection (it stopped or crashed)`)));
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
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new MedbertError(`no message from ${this.peer} within ${timeoutMs / 1000} s (it died or hangs)`));
      }, timeoutMs);
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
}

/**
 * A ring of ranks over TCP. Rank 0 listens on the master address and collects every rank's own listening
 * address; each rank then connects to the next rank and accepts the previous one. torchrun's names:
 * MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE.
 */
export class TcpRing implements RingLink {
  readonly transport = 'tcp';
  bytesSent = 0;
  private constructor(readonly rank: number, readonly world: number, private readonly next: FramedSocket | null,
    private readonly prev: FramedSocket | null, private readonly timeoutMs: number, private readonly servers: Server[]) {}

  static async join(o: RendezvousOptions): Promise<TcpRing> {
    if (o.world === 1) return new TcpRing(0, 1, null, null, o.timeoutMs, []);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new MedbertError(`rank ${o.rank}: the ${o.world} ranks did not all join at ` +
        `${o.masterAddr}:${o.masterPort} within ${o.timeoutMs / 1000} s (a rank failed to start?)`)), o.timeoutMs);
    });
    const servers: Server[] = [];
    try {
      return await Promise.race([TcpRing.connectRing(o, servers), timeout]);
    } catch (error) {
      for (const server of servers) server.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private static async connectRing(o: RendezvousOptions, servers: Server[]): Promise<TcpRing> {
    // Our own listener, for the previous rank.
    const own = createServer();
    servers.push(own);
    const prevSocket = new Promise<Socket>((resolve) => own.once('connection', resolve));
    await new Promise<void>((resolve) => own.listen(0, o.rank === 0 ? o.masterAddr : '0.0.0.0', resolve));
    const ownPort = (own.address() as { port: number }).port;
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
    const nextSocket = await connectWithRetry(table[nextRank]!.host, table[nextRank]!.port, o.timeoutMs);
    const prevRank = (o.rank - 1 + o.world) % o.world;
    const prev = new FramedSocket(await prevSocket, `rank ${prevRank}`);
    own.close();
    return new TcpRing(o.rank, o.world, new FramedSocket(nextSocket, `rank ${nextRank}`), prev, o.timeoutMs, servers);
  }

  send(data: Uint8Array): void {
    this.bytesSent += data.byteLength;
    this.next!.send(data);
  }

  recv(): Promise<Uint8Array> {
    return this.prev!.recv(this.timeoutMs);
  }

  close(): void {
    this.next?.close();
    this.prev?.close();
    for (const s of this.servers) s.close();
  }
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
