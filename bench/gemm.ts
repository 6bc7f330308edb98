// `npm run bench -- gemm [--json] [--threads 1,2] [--reps N] [--build relaxed-simd|simd]`: fp32 GEMM GFLOP/s of the
// wasm backend at the shapes, median of N timed runs after warm-up.
import { performance } from 'node:perf_hooks';
import { createWasmBackend } from '../src/tensor/backends/wasm/index.js';

const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [2048, 256, 256], [2048, 1024, 256], [2048, 256, 1024], [512, 512, 512], [4096, 768, 768],
];

interface Row {
  m: number;
  n: number;
  k: number;
  threads: number;
  gflops: number;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function run(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const threadCounts = (option(argv, '--threads') ?? '1,2').split(',').map(Number);
  const reps = Number(option(argv, '--reps') ?? '7');
  const buildOpt = option(argv, '--build');
  const build = buildOpt === 'simd' || buildOpt === 'relaxed-simd' ? buildOpt : undefined;
  const rows: Row[] = [];
  for (const threads of threadCounts) {
    const be = await createWasmBackend(build === undefined ? { threads } : { threads, build });
    for (const [m, n, k] of SHAPES) {
      const a = be.alloc(m * k), b = be.alloc(k * n), c = be.alloc(m * n);
      const av = new Float32Array(m * k), bv = new Float32Array(k * n);
      for (let i = 0; i < av.length; i++) av[i] = Math.sin(i) * 0.5;
      for (let i = 0; i < bv.length; i++) bv[i] = Math.cos(i) * 0.5;
      be.write(a, av);
      be.write(b, bv);
      const call = (): void => be.gemm({ batch: 1, m, n, k, a, transA: false, b, transB: false, strideA: 0, strideB: 0,
        c, bias: null, alpha: 1, accumulate: false });
      const flops = 2 * m * n * k;
      // warm up for ~0.2 s, then time `reps` runs of at least 50 ms each
      const inner = Math.max(1, Math.ceil(0.05 / (flops / 30e9)));
      for (let t0 = performance.now(); performance.now() - t0 < 200;) call();
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        for (let i = 0; i < inner; i++) call();
        times.push((performance.now() - t0) / 1000 / inner);
      }
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6 / (reps * inner);
      times.sort((x, y) => x - y);
      const gflops = flops / times[Math.floor(times.length / 2)]! / 1e9;
      rows.push({ m, n, k, threads, gflops: Math.round(gflops * 10) / 10 });
      // per CPU-second: how well the threads use the cores they get, which stays meaningful on a loaded machine
      if (!json) {
        process.stdout.write(`${be.name} threads=${threads} ${m}x${n}x${k}: ${gflops.toFixed(1)} GFLOP/s` +
          ` (${(flops / cpuSeconds / 1e9).toFixed(1)} per CPU-second)\n`);
      }
      be.free(a);
      be.free(b);
      be.free(c);
    }
    be.dispose();
  }
  if (json) process.stdout.write(`${JSON.stringify({ gemm: rows })}\n`);
}
