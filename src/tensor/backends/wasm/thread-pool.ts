import type { KernelFn } from './kernel-table.js';

/**
 * Dispatch of one kernel over the main thread and the workers through a shared control block.
 *
 * A kernel with `nt` shares (share i computes a fixed part of the output, so results never depend on who
 * runs it) is published with nt - 1 join tickets. Workers (spinning briefly on the generation counter, then
 * sleeping in Atomics.wait) take a ticket, run that share and count themselves done. The main thread runs
 * share 0, then closes the dispatch (no more tickets), runs every share nobody took, and waits only for the
 * workers that joined. A worker the OS has not scheduled yet therefore never holds up the main thread; on a
 * machine shared with other jobs this is the difference between using 1.x cores and stalling on every kernel.
 */
export const CONTROL = {
  /** Generation counter workers wait on (bumped per dispatch). */
  generation: 0,
  /** (generation << 6) | tickets left: joined with compare-and-swap, so a late worker cannot join a later dispatch by mistake. */
  state: 1,
  /** Workers that finished their share of the current dispatch. */
  done: 2,
  kernel: 3,
  threads: 4,
  args: 5,
  error: 6,
  stop: 7,
  /** Int32 slots in the block. */
  size: 16,
} as const;

/** At most 64 threads in all (tickets live in 6 bits). */
export const MAX_THREADS = 64;

/** Spin iterations before sleeping: long enough to catch back-to-back kernels, short enough not to burn a core. */
export const SPIN_ITERATIONS = 20000;

const GEN_MASK = 0xffffff;

/** What a platform adapter gives each worker. */
export interface WorkerInit {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  readonly tid: number;
}

export interface WorkerHandle {
  terminate(): void;
}

/** Starts a worker that instantiates `init.module` and runs `workerLoop`; resolves once it is ready. */
export type SpawnWorker = (init: WorkerInit) => Promise<WorkerHandle>;

export class ThreadPool {
  private readonly ctrl: Int32Array;
  private gen = 0;

  private constructor(readonly control: SharedArrayBuffer, private readonly workers: WorkerHandle[],
    private readonly kernels: KernelFn[], private readonly argsAddress: number) {
    this.ctrl = new Int32Array(control);
  }

  static async start(threads: number, module: WebAssembly.Module, memory: WebAssembly.Memory, kernels: KernelFn[],
    argsAddress: number, spawn: SpawnWorker): Promise<ThreadPool> {
    if (threads > MAX_THREADS) throw new RangeError(`wasm backend: at most ${MAX_THREADS} threads, got ${threads}`);
    const control = new SharedArrayBuffer(CONTROL.size * 4);
    new Int32Array(control)[CONTROL.args] = argsAddress;
    const workers = await Promise.all(Array.from({ length: threads - 1 }, (_, i) =>
      spawn({ module, memory, control, tid: i + 1 })));
    return new ThreadPool(control, workers, kernels, argsAddress);
  }

  /** Threads taking part in a parallel kernel, the main thread included. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Runs kernel `index` as `threads` shares (or as one share on the main thread when !parallel). */
  run(index: number, parallel: boolean): void {
    const fn = this.kernels[index]!;
    const helpers = this.workers.length;
    if (!parallel || helpers === 0) {
      fn(0, 1, this.argsAddress);
      return;
    }
    const c = this.ctrl, nt = helpers + 1;
    this.gen = (this.gen + 1) & GEN_MASK;
    const gen = this.gen;
    Atomics.store(c, CONTROL.kernel, index);
    Atomics.store(c, CONTROL.threads, nt);
    Atomics.store(c, CONTROL.done, 0);
    Atomics.store(c, CONTROL.state, (gen << 6) | helpers);
    Atomics.store(c, CONTROL.generation, gen);
    Atomics.notify(c, CONTROL.generation);
    let failure: unknown = null;
    try {
      fn(0, nt, this.argsAddress);
    } catch (e) {
      failure = e;
    }
    // close: take the remaining tickets; shares 1..joined went to workers, the rest are ours
    let left = 0;
    for (;;) {
      const s = Atomics.load(c, CONTROL.state);
      if (Atomics.compareExchange(c, CONTROL.state, s, gen << 6) === s) {
        left = s & 63;
        break;
      }
    }
    const joined = helpers - left;
    for (let share = joined + 1; share < nt && failure === null; share++) {
      try {
        fn(share, nt, this.argsAddress);
      } catch (e) {
        failure = e;
      }
    }
    let spins = 0;
    for (;;) {
      const done = Atomics.load(c, CONTROL.done);
      if (done === joined) break;
      if (++spins > SPIN_ITERATIONS) Atomics.wait(c, CONTROL.done, done, 1000);
    }
    if (failure !== null) throw failure;
    if (c[CONTROL.error] !== 0) {
      c[CONTROL.error] = 0;
      throw new Error(`wasm backend: a worker failed in kernel #${index}`);
    }
  }

  dispose(): void {
    Atomics.store(this.ctrl, CONTROL.stop, 1);
    Atomics.add(this.ctrl, CONTROL.generation, 1);
    Atomics.notify(this.ctrl, CONTROL.generation);
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}

/**
 * The worker side: waits for each generation, tries to join it, runs the share its ticket names, counts
 * itself done. Returns when told to stop. `ready` is called once the starting generation is read.
 */
export function workerLoop(control: SharedArrayBuffer, kernels: KernelFn[], ready: () => void): void {
  const c = new Int32Array(control);
  let seen = Atomics.load(c, CONTROL.generation);
  ready();
  for (;;) {
    let spins = 0;
    let gen = Atomics.load(c, CONTROL.generation);
    while (gen === seen) {
      if (++spins > SPIN_ITERATIONS) {
        Atomics.wait(c, CONTROL.generation, seen);
        spins = 0;
      }
      gen = Atomics.load(c, CONTROL.generation);
    }
    seen = gen;
    if (Atomics.load(c, CONTROL.stop) !== 0) return;
    let share = 0;
    for (let s = Atomics.load(c, CONTROL.state); (s >>> 6) === gen && (s & 63) > 0;) {
      const was = Atomics.compareExchange(c, CONTROL.state, s, s - 1);
      if (was === s) {
        const nt = Atomics.load(c, CONTROL.threads);
        share = nt - (s & 63);
        break;
      }
      s = was;
    }
    if (share === 0) continue;
    try {
      kernels[Atomics.load(c, CONTROL.kernel)]!(share, Atomics.load(c, CONTROL.threads), c[CONTROL.args]!);
    } catch {
      Atomics.store(c, CONTROL.error, 1);
    }
    Atomics.add(c, CONTROL.done, 1);
    Atomics.notify(c, CONTROL.done);
  }
}
