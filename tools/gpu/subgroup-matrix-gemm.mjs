// Issue 8's tensor-core experiment, for a GPU machine: does Dawn's experimental subgroup-matrix feature
// (chromium-experimental-subgroup-matrix, offered on Vulkan only with the allow_unsafe_apis toggle) give a faster
// fp32 GEMM than the backend's 64×64 register-tiled kernel? Prints the adapter's subgroup-matrix configurations,
// then times C = A·B (row-major, M = N = K) with one subgroup of 32 threads per 32×32 block of C, each holding
// 4×4 result matrices of 8×8 and loading its operands straight from storage, for every configuration whose
// operand type is f32 (f16 needs shader-f16, which this adapter does not offer). Each product is spot-checked
// against float64 sums at 16 entries (a tensor-core path may round operands to tf32: the error is reported).
//   MEDBERT_WEBGPU_BACKEND=vulkan node tools/gpu/subgroup-matrix-gemm.mjs [SIZE ...]   (default 4096 2048)
// Run from the repository root (it loads node_modules/webgpu); last line: one JSON object.
const { create } = await import(process.cwd() + '/node_modules/webgpu/index.js');

const sizes = process.argv.slice(2).map(Number);
const gpu = create(['backend=vulkan', 'enable-dawn-features=allow_unsafe_apis']);
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (adapter === null) throw new Error('no adapter');
const configs = [...(adapter.info.subgroupMatrixConfigs ?? [])].map((c) => ({
  componentType: c.componentType, resultComponentType: c.resultComponentType, M: c.M, N: c.N, K: c.K,
}));
console.log(JSON.stringify({ subgroupMatrixConfigs: configs }));
const result = { configs, rows: [] };
const f32 = configs.find((c) => c.componentType === 'f32' && c.resultComponentType === 'f32' && c.M === c.N && c.N === c.K);
if (!adapter.features.has('chromium-experimental-subgroup-matrix') || f32 === undefined) {
  console.log(JSON.stringify({ 'subgroup-matrix-gemm': { ...result, skipped: 'no square f32 subgroup-matrix configuration' } }));
  process.exit(0);
}
const device = await adapter.requestDevice({ requiredFeatures: ['chromium-experimental-subgroup-matrix', 'subgroups'],
  requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize } });

/** One subgroup per (T·R)×(T·R) block of C: R×R result tiles of T×T, K in steps of T. */
function shader(T, R) {
  const lines = [];
  for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) lines.push(`var c${i}${j} = subgroup_matrix_result<f32, ${T}, ${T}>();`);
  const loads = [];
  for (let i = 0; i < R; i++) loads.push(`let a${i} = subgroupMatrixLoad<subgroup_matrix_left<f32, ${T}, ${T}>>(&A, (row0 + ${i * T}u) * P.n + k, false, P.n);`);
  for (let j = 0; j < R; j++) loads.push(`let b${j} = subgroupMatrixLoad<subgroup_matrix_right<f32, ${T}, ${T}>>(&B, k * P.n + col0 + ${j * T}u, false, P.n);`);
  const fmas = [], stores = [];
  for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) {
    fmas.push(`c${i}${j} = subgroupMatrixMultiplyAccumulate(a${i}, b${j}, c${i}${j});`);
    stores.push(`subgroupMatrixStore(&C, (row0 + ${i * T}u) * P.n + col0 + ${j * T}u, c${i}${j}, false, P.n);`);
  }
  return `enable chromium_experimental_subgroup_matrix;
struct Params { n: u32 }
@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;
@compute @workgroup_size(32)
fn main(@builtin(workgroup_id) wid: vec3u) {
  let row0 = wid.y * ${T * R}u;
  let col0 = wid.x * ${T * R}u;
  ${lines.join('\n  ')}
  for (var k = 0u; k < P.n; k += ${T}u) {
    ${loads.join('\n    ')}
    ${fmas.join('\n    ')}
  }
  ${stores.join('\n  ')}
}`;
}

function random(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

async function measure(n, T, R) {
  const code = shader(T, R);
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code });
  const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === 'error');
  if (errors.length > 0) return { n, error: errors.map((m) => m.message).join('; ').slice(0, 300) };
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const rnd = random(n);
  const A = Float32Array.from({ length: n * n }, () => rnd() * 2 - 1), B = Float32Array.from({ length: n * n }, () => rnd() * 2 - 1);
  const buf = (data, usage) => { const b = device.createBuffer({ size: data.byteLength, usage }); device.queue.writeBuffer(b, 0, data); return b; };
  const S = 0x80 | 0x8 | 0x4;
  const a = buf(A, S), b = buf(B, S), c = device.createBuffer({ size: n * n * 4, usage: S });
  const p = buf(new Uint32Array([n, 0, 0, 0]), 0x40 | 0x8);
  const bind = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [p, a, b, c].map((x, i) => ({ binding: i, resource: { buffer: x } })) });
  const run = async (reps) => {
    const enc = device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bind);
    for (let r = 0; r < reps; r++) pass.dispatchWorkgroups(n / (T * R), n / (T * R));
    pass.end();
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
  };
  await run(1);
  const scopeError = await device.popErrorScope();
  if (scopeError !== null) return { n, error: scopeError.message.slice(0, 300) };
  const t0 = performance.now();
  await run(3);
  const reps = Math.max(3, Math.ceil(150 / ((performance.now() - t0) / 3)));
  const times = [];
  for (let i = 0; i < 3; i++) { const s = performance.now(); await run(reps); times.push((performance.now() - s) / reps); }
  times.sort((x, y) => x - y);
  const read = device.createBuffer({ size: n * n * 4, usage: 0x1 | 0x8 });
  const enc = device.createCommandEncoder();
  enc.copyBufferToBuffer(c, 0, read, 0, n * n * 4);
  device.queue.submit([enc.finish()]);
  await read.mapAsync(0x1);
  const Cv = new Float32Array(read.getMappedRange().slice(0));
  let maxRelError = 0;
  for (let s = 0; s < 16; s++) {
    const i = Math.floor(rnd() * n), j = Math.floor(rnd() * n);
    let want = 0, scale = 0;
    for (let t = 0; t < n; t++) { want += A[i * n + t] * B[t * n + j]; scale += Math.abs(A[i * n + t] * B[t * n + j]); }
    maxRelError = Math.max(maxRelError, Math.abs(Cv[i * n + j] - want) / scale);
  }
  for (const x of [a, b, c, p, read]) x.destroy();
  const ms = times[1];
  return { n, block: T * R, ms: Math.round(ms * 1000) / 1000, gflops: Math.round(2 * n ** 3 / ms / 1e5) / 10, maxRelError };
}

for (const n of sizes.length > 0 ? sizes : [4096, 2048]) {
  for (const R of [4, 2]) {
    const row = await measure(n, f32.M, R);
    result.rows.push(row);
    console.log(JSON.stringify(row));
  }
}
console.log(JSON.stringify({ 'subgroup-matrix-gemm': result }));
process.exit(0);
