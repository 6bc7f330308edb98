// Entry of a rank started as a worker thread by launchRankThreads: runs the same script with the same argv as
// a rank process would (process.argv is set by the launcher). Signals reach only the main thread, so the
// launcher forwards Ctrl-C or SIGTERM as a message, re-emitted here for the command's own handler of that signal.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { RANK_THREAD_INTERRUPT, type RankThreadData } from './thread-ring.js';

const data = workerData as RankThreadData;
parentPort?.on('message', (message: unknown) => {
  if (typeof message !== 'string' || !message.startsWith(RANK_THREAD_INTERRUPT)) return;
  const signal = message.slice(RANK_THREAD_INTERRUPT.length) === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
  process.emit(signal, signal);
});
// The port must not keep a finished rank alive.
parentPort?.unref();
await import(pathToFileURL(data.script).href);
