// The wasm backends every wasm kernel test runs on: both builds (when the runtime has relaxed SIMD) and
// 1, 2 and 3 threads for the first build (uneven partitions must give the same bits), 1 and 2 for the other.
import test from 'node:test';
import { createWasmBackend, relaxedSimdSupported, type WasmBackend } from '../../src/tensor/backends/wasm/index.js';

/** Filled before the file's tests run, disposed after them. */
export function wasmBackendsUnderTest(): WasmBackend[] {
  const backends: WasmBackend[] = [];
  const builds: ('relaxed-simd' | 'simd')[] = relaxedSimdSupported() ? ['relaxed-simd', 'simd'] : ['simd'];
  test.before(async () => {
    for (const build of builds) {
      for (const threads of build === builds[0] ? [1, 2, 3] : [1, 2]) backends.push(await createWasmBackend({ build, threads }));
    }
  });
  test.after(() => {
    for (const be of backends) be.dispose();
  });
  return backends;
}
