import { TcpRing } from './tcp-link.js';
import { ShmRing } from './shm-ring.js';
import { MixedRing } from './mixed-ring.js';
import type { RankEnv } from './launch.js';
import type { RingLink } from './collectives.js';
import { threadRingBuffer } from './thread-ring.js';

/**
 * A rank's ring, whichever the transport: a thread started by launchRankThreads shares memory with the other
 * ranks of its node (the whole ring on one machine; with several nodes, TCP between them), a process uses TCP.
 */
export interface RankRing extends RingLink {
  readonly transport: 'shm' | 'tcp' | 'shm+tcp';
  readonly bytesSent: number;
  close(): void;
}

export async function joinRing(env: RankEnv, timeoutMs: number): Promise<RankRing> {
  const shared = threadRingBuffer();
  if (shared !== null) {
    const { world, firstRank } = ShmRing.layout(shared);
    if (world === env.world && firstRank === 0) return new ShmRing(shared, env.rank, timeoutMs);
    return MixedRing.join({ ...env, timeoutMs, shared });
  }
  return TcpRing.join({ ...env, timeoutMs });
}
