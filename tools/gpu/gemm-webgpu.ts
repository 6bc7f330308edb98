// GEMM throughput of the WebGPU backend, for a GPU machine (tools/gpu/device-check.sh runs it):
//   node dist/tools/gpu/gemm-webgpu.js [--shapes 4096x4096x4096,...] [--min-ms 50] [--f16]
// fp32 C = A·B per shape and tile (64, 128, and the backend's own pick), timed as a run of GEMMs between two
// syncs lasting at least --min-ms (at least 3 GEMMs; so submit latency is spread), median of 3 runs after a warm-up. Each product is spot-checked
// against float64 sums on the host at 16 entries, so a fast but wrong kernel cannot report a figure.
// Prints one line per shape and, last, one JSON object.
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../src/random.js';
import { createWebGpuBackend, type WebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';

const DEFAULT_SHAPES = '4096x4096x4096,2048x256x256,2048x1024x256,2048x256x1024,512x512x512,4096x768x768,4096x3072x768,4096x768x3072';

interface Row { shape: string; tile: string; gflops: number; ms: number; maxRelError: number }

async function measure(be: WebGpuBackend, m: number, n: number, k: number, tile: 64 | 128 | null, minMs: number): Promise<Row> {
  const random = mulberry32(m * 31 + n * 7 + k);
  const A = Float32Array.from({ length: m * k }, () => random() * 2 - 1);
  const B = Float32Array.from({ length: k * n }, () => random() * 2 - 1);
  const a = be.alloc(m * k), b = be.alloc(k * n), c = be.alloc(m * n);
  be.write(a, A);
  be.write(b, B);
  be.gemmTileOverride = tile;
  const args = { batch: 1, m, n, k, a, b, c, transA: false, transB: false, strideA: 0, strideB: 0, bias: null, alpha: 1, accumulate: false };
  be.gemm(args);
  await be.sync();
  const w0 = performance.now();
  be.gemm(args);
  await be.sync();
  const reps = Math.min(1000, Math.max(3, Math.ceil(minMs / Math.max(1e-3, performance.now() - w0))));
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) be.gemm(args);
    await be.sync();
    times.push((performance.now() - t0) / reps);
  }
  times.sort((x, y) => x - y);
  const C = await be.read(c);
  let maxRelError = 0;
  for (let s = 0; s < 16; s++) {
    const i = Math.floor(random() * m), j = Math.floor(random() * n);
    let want = 0, scale = 0;
    for (let t = 0; t < k; t++) {
      want += A[i * k + t]! * B[t * n + j]!;
      scale += Math.abs(A[i * k + t]! * B[t * n + j]!);
    }
    maxRelError = Math.max(maxRelError, Math.abs(C[i * n + j]! - want) / Math.max(scale, 1e-30));
  }
  for (const x of [a, b, c]) be.free(x);
  be.gemmTileOverride = null;
  const ms = times[1]!;
  return { shape: `${m}x${n}x${k}`, tile: tile === null ? 'auto' : String(tile), gflops: Math.round((2 * m * n * k) / ms / 1e5) / 10,
    ms: Math.round(ms * 1000) / 1000, maxRelError };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shapes: { type: 'string', default: DEFAULT_SHAPES }, 'min-ms': { type: 'string', default: '50' },
    f16: { type: 'boolean', default: false } } });
  const be = await createWebGpuBackend({ f16: values.f16 === true });
  const rows: Row[] = [];
  try {
    for (const shape of values.shapes!.split(',')) {
      const [m, n, k] = shape.split('x').map(Number) as [number, number, number];
      for (const tile of [64, 128, null] as const) {
        const row = await measure(be, m, n, k, tile, Number(values['min-ms']));
        rows.push(row);
        // f16 operands round to 2^-11; fp32 sums stay near 1e-6 of the sum of magnitudes
        const ok = row.maxRelError < (values.f16 === true ? 2e-3 : 1e-4);
        console.log(`${row.shape} tile ${row.tile}: ${row.gflops} GFLOP/s (${row.ms} ms), spot-check relative error ${row.maxRelError.toExponential(2)}${ok ? '' : ' WRONG'}`);
      }
    }
  } finally {
    const adapter = be.info.adapter;
    be.dispose();
    console.log(JSON.stringify({ 'gemm-webgpu': { adapter, f16: values.f16 === true, rows } }));
  }
}

try {
  await main();
} catch (e) {
  console.error(`gemm-webgpu: ${(e as Error).message}`);
  process.exitCode = 1;
}
