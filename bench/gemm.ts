// `npm run bench -- gemm [--json] [--threads 1,2] [--reps N] [--build relaxed-simd|simd] [--kernels]`: fp32 GEMM
// GFLOP/s of the wasm backend at the shapes, median of N timed runs after warm-up. `--kernels` times the
// other kernels at BERT-base sizes instead (wall and CPU milliseconds per call).
import { performance } from 'node:perf_hooks';
import type { Backend, Buffer } from '../src/tensor/backend.js';
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
  if (argv.includes('--kernels')) return runKernels(argv);
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

/** Milliseconds per call (median wall, mean CPU) of `fn` over ~0.3 s after two warm-up calls. */
function timeCall(fn: () => void): { wall: number; cpu: number } {
  fn();
  fn();
  const walls: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < 300 || walls.length < 3) {
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  walls.sort((x, y) => x - y);
  return { wall: walls[Math.floor(walls.length / 2)]!, cpu: (cpu.user + cpu.system) / 1000 / walls.length };
}

async function runKernels(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const threads = Number(option(argv, '--threads') ?? '1');
  const be: Backend = await createWasmBackend({ threads });
  const tokens = 4096, hidden = 768, ffn = 3072, seq = 128, batch = 32, heads = 12, d = 64;
  const buf = (n: number): Buffer => {
    const b = be.alloc(n);
    be.write(b, Float32Array.from({ length: Math.min(n, 1 << 20) }, (_, i) => Math.sin(i) * 2));
    return b;
  };
  const x = buf(tokens * hidden), g = buf(hidden), bt = buf(hidden), y = buf(tokens * hidden), mean = buf(tokens);
  const rstd = buf(tokens), dx = buf(tokens * hidden), dg = buf(hidden), db = buf(hidden);
  const u = buf(tokens * ffn), v = buf(tokens * ffn), w = buf(tokens * ffn);
  const qkv = buf(tokens * 3 * hidden), probs = buf(batch * heads * seq * seq), out = buf(tokens * hidden);
  const dq = buf(tokens * hidden), dk = buf(tokens * hidden), dv = buf(tokens * hidden);
  const rows = 600, vocab = 65536, logits = buf(rows * vocab), lse = buf(rows), loss = buf(1), dl = buf(1);
  const dLogits = buf(rows * vocab);
  be.fill(dl, 1, 1);
  const labels = Int32Array.from({ length: rows }, (_, i) => (i * 97) % vocab);
  const params = 110_000_000, p = be.alloc(params), pg = be.alloc(params), pm = be.alloc(params), pv = be.alloc(params);
  for (const [b, value] of [[p, 0.5], [pg, 0.01], [pm, 0.001], [pv, 0.0001]] as const) be.fill(b, value, params);
  const attention = { batch, seq, querySeq: seq, heads, headDim: d, q: { buf: qkv, offset: 0, ld: 3 * hidden },
    k: { buf: qkv, offset: hidden, ld: 3 * hidden }, v: { buf: qkv, offset: 2 * hidden, ld: 3 * hidden },
    mask: new Int32Array(tokens).fill(1), dropout: 0.1, seed: 3 };
  const cases: [string, () => void][] = [
    ['layerNorm forward 4096×768', () => be.layerNormForward(x, g, bt, y, mean, rstd, tokens, hidden, 1e-12)],
    ['layerNorm backward 4096×768', () => be.layerNormBackward(y, x, mean, rstd, g, dx, dg, db, tokens, hidden)],
    ['gelu forward 4096×3072', () => be.geluForward(u, v, tokens * ffn)],
    ['gelu backward 4096×3072', () => be.geluBackward(u, v, w, tokens * ffn)],
    ['dropout 4096×768', () => be.dropoutForward(x, y, tokens * hidden, 0.1, 5)],
    ['add 4096×3072', () => be.add(u, v, w, tokens * ffn)],
    ['attention forward (batch 32, seq 128, 12 heads of 64, mask, dropout 0.1)', () => be.attentionForward({ ...attention, probs, out })],
    ['attention backward (same)', () => be.attentionBackward({ ...attention, probs, dOut: out, dq, dk, dv })],
    ['cross-entropy forward 600×65536', () => be.crossEntropyForward(logits, labels, -100, loss, lse, rows, vocab)],
    ['cross-entropy backward 600×65536', () => be.crossEntropyBackward(logits, labels, -100, lse, dl, dLogits, rows, vocab)],
    ['AdamW 110M parameters', () => be.adamw({ n: params, param: p, grad: pg, m: pm, v: pv, lr: 1e-4, beta1: 0.9,
      beta2: 0.999, eps: 1e-6, weightDecay: 0.01, step: 3, gradScale: 1 })],
    ['sumSquares 110M', () => be.sumSquares(pg, loss, params, false)],
    ['sumRows 4096×3072', () => be.sumRows(u, w, tokens, ffn, false)],
  ];
  const results: { kernel: string; threads: number; wallMs: number; cpuMs: number }[] = [];
  for (const [name, fn] of cases) {
    const t = timeCall(fn);
    results.push({ kernel: name, threads, wallMs: Math.round(t.wall * 100) / 100, cpuMs: Math.round(t.cpu * 100) / 100 });
    if (!json) process.stdout.write(`${be.name} threads=${threads} ${name}: ${t.wall.toFixed(2)} ms wall, ${t.cpu.toFixed(2)} ms CPU\n`);
  }
  be.dispose();
  if (json) process.stdout.write(`${JSON.stringify({ kernels: results })}\n`);
}
