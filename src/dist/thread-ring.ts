import { isMainThread, workerData } from 'node:worker_threads';

/** What launchRankThreads hands each rank thread. */
export interface RankThreadData {
  /** The script the rank runs (the medbert CLI), with process.argv as a rank process would have it. */
  readonly script: string;
  /** The shared-memory ring's buffer (ShmRing.create). */
  readonly medbertRing: SharedArrayBuffer;
}

/** The message a launcher sends its rank threads (which get no signals) for a Ctrl-C or SIGTERM, the signal's name after it. */
export const RANK_THREAD_INTERRUPT = 'medbert:interrupt:';

/**
 * The shared-memory ring's buffer when this code runs in a rank thread, else null (a rank process: TCP). The
 * buffer holds this node's ranks: all of them on one machine, else a MixedRing joins the nodes over TCP.
 */
export function threadRingBuffer(): SharedArrayBuffer | null {
  if (isMainThread) return null;
  const data = workerData as Partial<RankThreadData> | null;
  return data?.medbertRing instanceof SharedArrayBuffer ? data.medbertRing : null;
}
