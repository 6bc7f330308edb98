import { TcpRing } from './tcp-link.js';
import { ShmRing } from './shm-ring.js';
import type { RankEnv } from './launch.js';
import type { RingLink } from './collectives.js';
import { threadRingBuffer } from './thread-ring.js';

/** A rank's ring, whichever the transport: a thread started by launchRankThreads shares memory, a process uses TCP. */
export interface RankRing extends RingLink {
  readonly transport: 'shm' | 'tcp';
  readonly bytesSent: number;
  close(): void;
}

export async function joinRing(env: RankEnv, timeoutMs: number): Promise<RankRing> {
  const shared = threadRingBuffer();
  if (shared !== null) {
    const ring = new ShmRing(shared, env.rank, timeoutMs);
    if (ring.world !== env.world) throw new Error(`rank ${env.rank}: WORLD_SIZE=${env.world} but the shared-memory ring has ${ring.world} ranks`);
    return ring;
  }
  return TcpRing.join({ ...env, timeoutMs });
}
