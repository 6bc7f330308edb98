import type { KernelFn } from './kernel-table.js';

/**
 * Dispatch of one kernel over the main thread and the workers through a shared control block: the main
 * thread writes the kernel's index, bumps a generation counter and runs share 0 itself; workers (spinning
 * briefly on the counter, then sleeping in Atomics.wait) run their shares and count down `pending`.
 */
export const CONTROL = {
  generation: 0,
  pending: 1,
  kernel: 2,
  threads: 3,
  args: 4,
  error: 5,
  stop: 6,
  /** Int32 slots in the block. */
  size: 16,
} as const;

/** Spin iterations before sleeping: long enough to catch back-to-back kernels, short enough not to burn a core. */
export const SPIN_ITERATIONS = 20000;

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

  private constructor(readonly control: SharedArrayBuffer, private readonly workers: WorkerHandle[],
    private readonly kernels: KernelFn[], private readonly argsAddress: number) {
    this.ctrl = new Int32Array(control);
  }

  static async start(threads: number, module: WebAssembly.Module, memory: WebAssembly.Memory, kernels: KernelFn[],
    argsAddress: number, spawn: SpawnWorker): Promise<ThreadPool> {
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

  /** Runs kernel `index` on every thread (or on the main thread alone when !parallel) and waits for it. */
  run(index: number, parallel: boolean): void {
    const fn = this.kernels[index]!;
    if (!parallel || this.workers.length === 0) {
      fn(0, 1, this.argsAddress);
      return;
    }
    const c = this.ctrl;
    c[CONTROL.kernel] = index;
    c[CONTROL.threads] = this.threads;
    Atomics.store(c, CONTROL.pending, this.workers.length);
    Atomics.add(c, CONTROL.generation, 1);
    Atomics.notify(c, CONTROL.generation);
    let failure: unknown = null;
    try {
      fn(0, this.threads, this.argsAddress);
    } catch (e) {
      failure = e;
    }
    let spins = 0;
    for (;;) {
      const left = Atomics.load(c, CONTROL.pending);
      if (left === 0) break;
      if (++spins > SPIN_ITERATIONS) Atomics.wait(c, CONTROL.pending, left, 1000);
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
 * The worker side: waits for each generation, runs its share, counts down. Returns when told to stop.
 * `ready` is called once the starting generation is read: the first dispatch can then not be missed.
 */
export function workerLoop(control: SharedArrayBuffer, tid: number, kernels: KernelFn[], ready: () => void): void {
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
    const nt = c[CONTROL.threads]!;
    if (tid < nt) {
      try {
        kernels[c[CONTROL.kernel]!]!(tid, nt, c[CONTROL.args]!);
      } catch {
        Atomics.store(c, CONTROL.error, 1);
      }
    }
    if (Atomics.sub(c, CONTROL.pending, 1) === 1) Atomics.notify(c, CONTROL.pending);
  }
}
