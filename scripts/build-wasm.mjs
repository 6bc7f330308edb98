// Compiles the AssemblyScript kernels twice: once with relaxed SIMD (f32x4.relaxed_madd → FMA) and once with
// plain SIMD. The runtime picks one by feature detection. Output sits beside the compiled backend module.
import { main } from 'assemblyscript/asc';
import { mkdirSync } from 'node:fs';

const entry = 'src/tensor/backends/wasm/assembly/index.ts';
const outDir = 'dist/src/tensor/backends/wasm';
mkdirSync(outDir, { recursive: true });

const common = [
  entry, '-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--sharedMemory',
  '--initialMemory', '1', '--maximumMemory', '65536', '--enable', 'simd', '--enable', 'threads',
];
const builds = [
  { file: 'kernels-relaxed.wasm', extra: ['--enable', 'relaxed-simd'] },
  { file: 'kernels-simd.wasm', extra: [] },
];
for (const { file, extra } of builds) {
  const { error, stderr } = await main([...common, ...extra, '-o', `${outDir}/${file}`]);
  if (error) {
    process.stderr.write(stderr.toString());
    process.stderr.write(`build-wasm: compiling ${file} failed: ${error.message}\n`);
    process.exit(1);
  }
}
