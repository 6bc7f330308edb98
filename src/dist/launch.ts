import { spawn, type ChildProcess } from 'node:child_process';
import { MedbertError } from '../errors.js';
import { launchRankThreads, STOPPED_CODES } from './launch-threads.js';
import { resumeAdvice } from './resume-advice.js';
import { threadShare } from './thread-share.js';
import { defaultThreads } from '../tensor/backends/wasm/node-platform.js';

/**
 * How the ranks of one machine exchange gradients: shared memory between threads (with several machines, TCP
 * between them: a mixed ring), or TCP between processes.
 */
export type Transport = 'shm' | 'tcp';

export interface LaunchOptions {
  /** Ranks on this machine. */
  readonly workers: number;
  readonly nnodes: number;
  readonly nodeRank: number;
  readonly masterAddr: string;
  readonly masterPort: number;
  /** The command line each rank runs (this process's own, minus the launcher flags). */
  readonly argv: readonly string[];
  /** `--transport`: shm (default: threads over shared memory, TCP between machines) or tcp (a process per rank, all TCP). */
  readonly transport?: string | undefined;
  /** The run's checkpoint folder: when a rank fails, the error says whether there is one to --resume from. */
  readonly checkpointDir?: string;
}

/** The environment a rank reads (torchrun's names, plus the wasm threads each rank may use). */
export interface RankEnv {
  readonly rank: number;
  readonly world: number;
  readonly masterAddr: string;
  readonly masterPort: number;
}

export function rankFromEnv(env: NodeJS.ProcessEnv = process.env): RankEnv | null {
  if (env['RANK'] === undefined || env['WORLD_SIZE'] === undefined) return null;
  return {
    rank: Number(env['RANK']), world: Number(env['WORLD_SIZE']),
    masterAddr: env['MASTER_ADDR'] ?? '127.0.0.1', masterPort: Number(env['MASTER_PORT'] ?? 29500),
  };
}

/** Set in a rank process's environment when its stdin is the launcher's pipe. */
const LAUNCHER_PIPE = 'MEDBERT_LAUNCHER_PIPE';

/**
 * In a rank process started by launchRankProcesses: when the launcher is gone, even killed with SIGKILL (which it
 * cannot pass on), its end of the stdin pipe closes, and this rank stops as on SIGTERM: at its next step, with a
 * checkpoint (the other ranks see the same end). Elsewhere it does nothing.
 */
export function stopWhenLauncherEnds(env: NodeJS.ProcessEnv = process.env): void {
  if (env[LAUNCHER_PIPE] !== '1') return;
  delete env[LAUNCHER_PIPE]; // for this rank alone, not for what it starts
  const stdin = process.stdin;
  // The launcher gives a pipe; anything else (a terminal, a file, /dev/null: the variable set by hand) is no watch.
  if (stdin.isTTY === true || typeof stdin.unref !== 'function') return;
  const stop = (): void => {
    // What this rank still writes to the launcher's pipes has no reader now: not an error that ends the rank.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    process.kill(process.pid, 'SIGTERM');
  };
  stdin.once('end', stop);
  stdin.once('error', stop);
  stdin.resume();
  stdin.unref(); // the watch alone does not keep the rank alive
}

/**
 * `--transport`: shm (the default) runs a machine's ranks as threads of one process over shared memory; with
 * several machines the ring is mixed (MixedRing: shared memory inside a node, TCP from a node's last rank to
 * the next node's first). tcp runs one process per rank, every link TCP. One rank per machine has no link
 * inside the machine: TCP.
 */
export function chooseTransport(flag: string | undefined, nnodes: number, workers: number): Transport {
  if (flag !== undefined && flag !== 'shm' && flag !== 'tcp') throw new MedbertError(`--transport=${flag} is not valid: expected shm or tcp`);
  return flag === 'tcp' || (nnodes > 1 && workers === 1) ? 'tcp' : 'shm';
}

/**
 * In a rank, `--threads T` counts the threads of the whole node: this rank's share of them (the launcher set
 * LOCAL_RANK and LOCAL_WORLD_SIZE). Outside a launched rank the flag is returned as it is.
 */
export function rankThreadsFlag(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const local = Number(env['LOCAL_RANK']), parts = Number(env['LOCAL_WORLD_SIZE']);
  const total = Number(flag);
  if (flag === undefined || !Number.isInteger(total) || total < 1 || !(parts > 1) || !(local >= 0)) return flag;
  return String(threadShare(total, parts, local));
}

/** Starts this node's ranks: threads over shared memory (and TCP to other nodes; the default) or processes over TCP. */
export async function launchRanks(o: LaunchOptions): Promise<number> {
  return chooseTransport(o.transport, o.nnodes, o.workers) === 'shm' ? launchRankThreads(o) : launchRankProcesses(o);
}

/**
 * Starts this node's ranks as child processes and supervises them: the first local rank's output is passed
 * through, and when a rank fails the others are stopped and the error names it. Each rank gets an equal share
 * of the node's threads (MEDBERT_THREADS, else the cores) for its wasm engine.
 */
async function launchRankProcesses(o: LaunchOptions): Promise<number> {
  const world = o.workers * o.nnodes;
  const children: ChildProcess[] = [];
  const stopRanks = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  };
  const exits = await new Promise<{ rank: number; code: number | null; signal: string | null }[]>((resolve) => {
    const results: { rank: number; code: number | null; signal: string | null }[] = [];
    let failed = false;
    for (let local = 0; local < o.workers; local++) {
      const rank = o.nodeRank * o.workers + local;
      const child = spawn(process.execPath, [...process.execArgv, ...o.argv], {
        env: { ...process.env, RANK: String(rank), LOCAL_RANK: String(local), LOCAL_WORLD_SIZE: String(o.workers),
          WORLD_SIZE: String(world), MASTER_ADDR: o.masterAddr, MASTER_PORT: String(o.masterPort),
          MEDBERT_THREADS: String(threadShare(defaultThreads(), o.workers, local)), [LAUNCHER_PIPE]: '1' },
        // stdin: a pipe this process never writes to, which ends when it does, however it ends (stopWhenLauncherEnds).
        stdio: local === 0 ? ['pipe', 'inherit', 'inherit'] : ['pipe', 'ignore', 'pipe'],
        // A process group of its own: a Ctrl-C at the terminal reaches the ranks once, through `forward` below (in
        // this one's group, each rank also got the terminal's, and took the two for "Ctrl-C twice: quit at once").
        detached: process.platform !== 'win32',
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
      children.push(child);
      child.on('exit', (code, signal) => {
        results.push({ rank, code, signal });
        // A rank that stopped when asked (a Ctrl-C forwarded to all) is no failure: the others stop by themselves.
        const stoppedWhenAsked = signal === null && STOPPED_CODES.includes(code ?? 0);
        if ((code !== 0 || signal !== null) && !stoppedWhenAsked && !failed) {
          failed = true;
          if (local !== 0 && stderr.trim() !== '') process.stderr.write(`rank ${rank}: ${stderr.trim().split('\n').pop()}\n`);
          for (const c of children) if (c !== child && c.exitCode === null) c.kill('SIGTERM');
        }
        if (results.length === o.workers) resolve(results);
      });
    }
    const forward = (signal: NodeJS.Signals): void => { for (const c of children) c.kill(signal); };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    // In groups of their own, the ranks get no signal of the terminal's (a hang-up): this process ending (at once, a
    // second Ctrl-C, SIGHUP) stops them too; ranks already asked to stop then quit at once.
    process.on('exit', stopRanks);
  });
  process.off('exit', stopRanks);
  const bad = exits.filter((e) => e.code !== 0 || e.signal !== null).sort((a, b) => a.rank - b.rank);
  if (bad.length === 0) return 0;
  // Ranks stopped by a Ctrl-C or SIGTERM after their checkpoint: the run's own exit code for it, not a failure.
  if (bad.every((e) => e.signal === null && STOPPED_CODES.includes(e.code ?? 0))) return bad[0]!.code!;
  const first = bad[0]!;
  throw new MedbertError(`rank ${first.rank} ${first.signal !== null ? `was stopped by ${first.signal}` : `exited with code ${first.code}`}` +
    `${bad.length > 1 ? ` (ranks ${bad.map((b) => b.rank).join(', ')} ended too)` : ''}; ${resumeAdvice(o.checkpointDir)}`);
}
