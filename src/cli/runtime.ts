import { setFlagsFromString } from 'node:v8';
import { removePendingOutputs } from '../directories.js';

/** Long jobs listening for a Ctrl-C of their own (stopOnInterrupt): while there is one, exitOnSignals leaves it be. */
let graceful = 0;

/** The exit code of a process ended by a signal, as a shell reports it (128 + its number). */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Any command stopped by a signal (Ctrl-C, SIGTERM, SIGHUP) says so in one line, removes the outputs it was still
 * writing (their temporary twins: nothing half-written stays) and exits with the shell's code for the signal. A job
 * that stops at its next safe point instead (stopOnInterrupt) handles SIGINT and SIGTERM itself.
 */
export function exitOnSignals(): void {
  for (const signal of Object.keys(SIGNAL_EXIT)) {
    process.on(signal, () => {
      if (graceful > 0 && signal !== 'SIGHUP') return;
      exitNow(signal);
    });
  }
}

function exitNow(signal: string): never {
  removePendingOutputs();
  process.stderr.write(`${lineBreak()}medbert: stopped by ${signal}; outputs not finished were removed\n`);
  process.exit(SIGNAL_EXIT[signal] ?? 1);
}

/** A new line before a stop line on a terminal, where a progress line may be waiting unfinished (elsewhere each ends). */
function lineBreak(): string {
  return process.stderr.isTTY === true ? '\n' : '';
}

/** A signal again within this many milliseconds of the first is the same request (see stopOnInterrupt). */
const REPEAT_MS = 100;

/**
 * Ctrl-C asks a long job to stop at its next safe point (it then saves and exits cleanly); a second Ctrl-C
 * exits at once, removing what it was still writing. `announce`: say so (not where the job's own ranks do).
 */
export function stopOnInterrupt(what: string, announce = true): {
  readonly requested: () => boolean; readonly exitCode: () => number; readonly dispose: () => void;
} {
  let requested = false;
  let stoppedBy = 'SIGINT';
  let firstAt = 0;
  // Inside a job that listens already (demo's prepare step), that job says it: one line for one Ctrl-C.
  const speak = announce && graceful === 0;
  const handler = (signal: string): void => {
    // The same signal twice within 100 ms is one request: `timeout -s INT` sends it to the process and then to its
    // group, which the process is in (a person's second Ctrl-C comes later).
    if (requested && (signal !== stoppedBy || Date.now() - firstAt > REPEAT_MS)) exitNow(signal);
    if (requested) return;
    firstAt = Date.now();
    requested = true;
    stoppedBy = signal;
    const again = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    if (speak) process.stderr.write(`${lineBreak()}${what}: stopping after the current step (${again} again to quit at once)\n`);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  graceful++;
  let disposed = false;
  return {
    requested: () => requested,
    /** The shell's code for the signal that asked the job to stop (130 for Ctrl-C), for its exit. */
    exitCode: () => SIGNAL_EXIT[stoppedBy] ?? 130,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      graceful--;
    },
  };
}

/**
 * How much a function runs in V8's interpreter and baseline code before the optimizing compiler takes it (V8's
 * `--interrupt-budget`: Node 20's default is 67,584, and a function is considered for TurboFan after 3 such
 * budgets, more for large ones; `node --v8-options`). `prepare`'s hot loops optimized sooner
 * were often optimized before every branch had run, then dropped and compiled again (about 430 compile jobs a run,
 * over a CPU-second on V8's compile threads); later, they are compiled once with fuller type feedback. Measured on
 * `prepare` (BENCHMARKS.md): 200-400 KB alike, 300 KB kept.
 */
const PREPARE_INTERRUPT_BUDGET = 300_000;

/**
 * The old generation a worker thread's heap starts with, in MB (V8's `--initial-old-space-size`). From V8's small
 * default, `prepare`'s packing worker ran three full mark-compact collections a run, two of them on the lexicon
 * build's garbage (27-32 ms each, on the critical path), the preparing worker one; from 128 MB they do not run, and
 * the garbage goes with the scavenges or the thread. Measured on `prepare` (BENCHMARKS.md): 0.1-0.3 CPU-s less a
 * run, peak memory no higher; 256 MB measured alike.
 */
const PREPARE_WORKER_OLD_SPACE_MB = 128;

/**
 * How much the optimizing compiler inlines, as V8's `--max-inlined-bytecode-size` and `-cumulative`: half of Node
 * 20's defaults (460 and 920 bytes of bytecode). A run of `prepare` is over in a second or two, and its compile
 * jobs, on V8's threads beside the pipeline's three on two cores, were a fifth of its CPU; with smaller inlined
 * graphs they cost less, and the code they make is as fast. Measured on `prepare` (BENCHMARKS.md, ninth session):
 * 2.52 -> 2.41 CPU-s a run (7/7 pairs lower), the corpus x4 alike; `train-step` alike.
 */
const PREPARE_INLINING = { single: 230, cumulative: 460 } as const;

/**
 * Sets the budget, the inlining limits and the old generation's start size for this process: V8's flags are per
 * process, so the worker threads started after this take them too. They stay set for the rest of the process
 * (`medbert demo` pretrains after preparing: its wasm threads' heaps start larger too, which holds little but their
 * messages, and its training step measured the same with either inlining).
 *
 * Call it first thing in the process, before any code runs hot (bin/medbert.js does for `prepare` and `demo`, the
 * bench for `prepare`), never later: V8's optimizing compiler reads the inlining limit on its own threads, once when
 * it picks a function to inline and again when it inlines it, and a limit lowered in between fails a check and
 * aborts the process ("Check failed: inlineability == SharedFunctionInfo::kHasOptimizationDisabled"). It did, in one
 * `medbert demo` of three, when these were set as the demo reached its prepare step with compile jobs in flight.
 */
export function tuneV8ForPrepare(): void {
  setFlagsFromString(`--interrupt-budget=${PREPARE_INTERRUPT_BUDGET}`);
  setFlagsFromString(`--max-inlined-bytecode-size=${PREPARE_INLINING.single}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${PREPARE_INLINING.cumulative}`);
  setFlagsFromString(`--initial-old-space-size=${PREPARE_WORKER_OLD_SPACE_MB}`);
}
