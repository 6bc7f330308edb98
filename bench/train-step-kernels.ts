// `npm run bench -- train-step-kernels [--steps N] [--threads T] [--json]`: where the CPU time of one BERT-tiny
// training step (the train-step benchmark's step) goes on the wasm backend: process CPU time around every kernel
// dispatch, summed per kernel and per GEMM shape (packing and compute apart, with GFLOP per CPU-second), and the
// rest of the step (JavaScript: autograd, tidy, allocation). Medians over N measured steps after 2 warm-up steps.
// With more than one thread a kernel's CPU time includes the workers' share and their waiting.
import { parseArgs } from 'node:util';
import { presetConfig } from '../src/model/index.js';
import { createWasmBackend, WasmBackend } from '../src/tensor/backends/wasm/index.js';
import { Engine } from '../src/tensor/index.js';
import { syntheticStep } from './synthetic-step.js';

/** The backend's private dispatch, which every kernel call goes through (kernel name, argument slots, parallel). */
type Dispatch = (this: WasmBackend, kernel: string, values: readonly number[], parallel: boolean) => void;

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    steps: { type: 'string', default: '3' }, threads: { type: 'string', default: '1' }, json: { type: 'boolean', default: false },
  } });
  const steps = Number(values.steps), threads = Number(values.threads);
  const proto = WasmBackend.prototype as unknown as { run: Dispatch };
  const dispatch = proto.run;
  let current: Map<string, number> | null = null;
  proto.run = function (kernel, args, parallel) {
    if (current === null) return dispatch.call(this, kernel, args, parallel);
    const t0 = cpuMs();
    dispatch.call(this, kernel, args, parallel);
    const dt = cpuMs() - t0;
    current.set(kernel, (current.get(kernel) ?? 0) + dt);
    if (kernel === 'gemmPack' || kernel === 'gemmCompute') {
      // slots: 0 batch, 1 m, 2 n, 3 k, 5 transA, 7 transB
      const shape = `${args[0]}×${args[1]}×${args[2]}×${args[3]}${args[5] ? ' Aᵀ' : ''}${args[7] ? ' Bᵀ' : ''}`;
      const key = `${kernel === 'gemmPack' ? 'pack' : 'compute'} ${shape}`;
      current.set(key, (current.get(key) ?? 0) + dt);
      if (kernel === 'gemmCompute') current.set(`flop ${shape}`, (current.get(`flop ${shape}`) ?? 0) + 2 * args[0]! * args[1]! * args[2]! * args[3]!);
    }
  };
  const backend = await createWasmBackend({ threads });
  const engine = new Engine(backend);
  const step = syntheticStep(engine, presetConfig('tiny', { vocab_size: 8000 }), 16, 128);
  const perStep: Map<string, number>[] = [];
  const totals: number[] = [];
  try {
    for (let s = 0; s < 2 + steps; s++) {
      const batch = step.nextBatch();
      const measured = s >= 2;
      current = measured ? new Map() : null;
      const t0 = cpuMs();
      await step.run(batch);
      const total = cpuMs() - t0;
      if (measured) {
        perStep.push(current!);
        totals.push(total);
      }
      current = null;
    }
  } finally {
    proto.run = dispatch;
    step.dispose();
    backend.dispose();
  }
  const names = [...new Set(perStep.flatMap((m) => [...m.keys()]))];
  const med = (name: string): number => median(perStep.map((m) => m.get(name) ?? 0));
  const kernels = names.filter((n) => !n.includes(' ')).map((n) => ({ kernel: n, cpu_ms: round(med(n)) }))
    .sort((a, b) => b.cpu_ms - a.cpu_ms);
  const shapes = names.filter((n) => n.startsWith('compute ')).map((n) => {
    const shape = n.slice('compute '.length), compute = med(n);
    return { shape, pack_ms: Math.round(med(`pack ${shape}`) * 100) / 100, compute_ms: round(compute),
      gflop_per_cpu_s: round(med(`flop ${shape}`) / 1e6 / compute) };
  }).sort((a, b) => b.compute_ms - a.compute_ms);
  const stepMs = median(totals), kernelMs = kernels.reduce((s, k) => s + k.cpu_ms, 0);
  const result = { threads, step_cpu_ms: round(stepMs), kernels_cpu_ms: round(kernelMs), javascript_cpu_ms: round(stepMs - kernelMs), kernels, gemm_shapes: shapes };
  if (values.json === true) {
    process.stdout.write(JSON.stringify({ 'train-step-kernels': result }) + '\n');
    return;
  }
  process.stdout.write(`CPU ms per step (median of ${steps}, ${threads} thread${threads > 1 ? 's' : ''}): ${result.step_cpu_ms} in all, kernels ${result.kernels_cpu_ms}, JavaScript ${result.javascript_cpu_ms}\n`);
  for (const k of kernels) process.stdout.write(`  ${k.kernel.padEnd(28)} ${k.cpu_ms.toFixed(1).padStart(7)}\n`);
  process.stdout.write('GEMM shapes (batch×m×n×k): pack ms, compute ms, GFLOP per CPU-second\n');
  for (const s of shapes) {
    process.stdout.write(`  ${s.shape.padEnd(24)} ${s.pack_ms.toFixed(2).padStart(6)} ${s.compute_ms.toFixed(1).padStart(7)} ${s.gflop_per_cpu_s.toFixed(1).padStart(6)}\n`);
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
