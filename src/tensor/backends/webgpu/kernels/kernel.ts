// A compute kernel as data: its uniform parameters, its storage bindings and its WGSL body. The header
// (parameter struct, binding declarations) is generated from the lists, so the TypeScript side that fills the
// uniforms and binds the buffers cannot drift from the shader.

export type ParamType = 'u32' | 'i32' | 'f32';
/** 'read' for inputs; 'read_write' for outputs (a buffer bound as both in one dispatch is copied first). */
export type Access = 'read' | 'read_write';

export interface KernelSource {
  /** Unique per WGSL text: pipelines are cached by it. */
  readonly label: string;
  /** Uniform fields, in order; the struct is `P`. */
  readonly params: readonly (readonly [string, ParamType])[];
  /** Storage buffers bound at 1, 2, ...; element type f32 unless 'i32' (host integer inputs). */
  readonly bindings: readonly (readonly [string, Access, ('f32' | 'i32')?])[];
  /** Helpers and the `@compute` entry point `main`. */
  readonly body: string;
  /** WGSL extensions the body needs (e.g. 'f16'), enabled at the top of the module. */
  readonly enable?: readonly string[];
}

/** Threads per workgroup of the one-dimensional kernels (every WebGPU core adapter allows 256). */
export const WG = 256;

/** The f32 bindings: each is indexed through a window (windows.ts), with its shift in the uniform `<name>Shift`. */
export function windowedBindings(k: KernelSource): string[] {
  return k.bindings.filter(([, , type]) => (type ?? 'f32') === 'f32').map(([name]) => name);
}

/** `subgroups`: reductions through the adapter's subgroup operations (see subgroupReducers). */
export function kernelCode(k: KernelSource, subgroups = false): string {
  const windowed = windowedBindings(k);
  const sub = subgroups && usesReducers(k);
  const params = [...k.params, ...windowed.map((name) => [`${name}Shift`, 'u32'] as const)];
  const fields = params.length === 0 ? '  unused: u32,' : params.map(([n, t]) => `  ${n}: ${t},`).join('\n');
  const bindings = k.bindings.map(([name, access, type], i) =>
    `@group(0) @binding(${i + 1}) var<storage, ${access}> ${name}: array<${type ?? 'f32'}>;`).join('\n');
  const enables = [...(k.enable ?? []), ...(sub ? ['subgroups'] : [])].map((e) => `enable ${e};\n`).join('');
  const body = sub ? withSubgroups(k.body) : k.body;
  return `${enables}struct Params {\n${fields}\n}\n@group(0) @binding(0) var<uniform> P: Params;\n${bindings}\n${shiftAccesses(body, windowed)}`;
}

/**
 * Rewrites every access `name[e]` to a windowed binding as `name[(e) - P.nameShift]` (nested accesses too),
 * so kernel bodies are written with the tensor's own indices.
 */
export function shiftAccesses(body: string, names: readonly string[]): string {
  if (names.length === 0) return body;
  const access = new RegExp(`(?<![\\w.])(${names.join('|')})\\s*\\[`, 'g');
  let out = '';
  let at = 0;
  for (;;) {
    access.lastIndex = at;
    const m = access.exec(body);
    if (m === null) return out + body.slice(at);
    const open = m.index + m[0].length;
    let depth = 1, close = open;
    for (; depth > 0; close++) {
      if (close >= body.length) throw new Error(`webgpu kernel: unbalanced [ after ${m[1]}`);
      if (body[close] === '[') depth++;
      else if (body[close] === ']') depth--;
    }
    // close is one past the matching ']'
    const inner = shiftAccesses(body.slice(open, close - 1), names);
    out += `${body.slice(at, m.index)}${m[1]}[(${inner}) - P.${m[1]}Shift]`;
    at = close;
  }
}

/**
 * The flat index of a one-dimensional kernel's workgroup when the grid is folded into x and y (a dimension
 * holds at most 65535 workgroups).
 */
export const GROUP_INDEX = /* wgsl */ `
fn groupIndex(wid: vec3u, nwg: vec3u) -> u32 { return wid.y * nwg.x + wid.x; }
`;

/** The entry-point signature of kernels that use groupIndex. */
export const ENTRY_ARGS = '@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, '
  + '@builtin(local_invocation_index) li: u32';

/** The dropout hash of backend.ts (lowbias32 of seed and index) in u32 arithmetic, which wraps as Math.imul does. */
export const DROPOUT_HASH = /* wgsl */ `
fn dropHash(seed: u32, index: u32) -> u32 {
  var x = (index ^ seed) * 0x9e3779b1u + seed;
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  x ^= x >> 16u;
  return x;
}
`;

/** -FLT_MAX, the score Hugging Face adds for padded keys (bit pattern, so no literal rounding is involved). */
export const MASKED_SCORE_WGSL = 'bitcast<f32>(0xff7fffffu)';

/**
 * Workgroup reductions in a fixed order (so results are the same on every run): `red` (size entries of
 * workgroup memory) and one function per [name, combine] pair, e.g. ['reduceSum', 'a + b']. Each thread
 * stores its value in red[li] and calls the function, which returns the result to every thread.
 *
 * The result is broadcast through a workgroup atomic, not by every thread reading red[0]: Mesa's llvmpipe
 * (22.3) lets that plain read float above the barrier for some invocations, which then see a partial sum.
 */
export function reducers(size: number, ops: readonly ReduceOp[]): string {
  const levels: string[] = [];
  for (let s = size / 2; s >= 1; s /= 2) {
    levels.push(`  if (li < ${s}u) { let a = red[li]; let b = red[li + ${s}u]; red[li] = OP; }\n  workgroupBarrier();`);
  }
  const fns = ops.map(([fn, op]) => /* wgsl */ `
fn ${fn}(li: u32) -> f32 {
  workgroupBarrier();
${levels.join('\n').replaceAll('OP', op)}
  if (li == 0u) { atomicStore(&redResult, bitcast<u32>(red[0])); }
  workgroupBarrier();
  let r = bitcast<f32>(atomicLoad(&redResult));
  workgroupBarrier();
  return r;
}
`);
  const code = `var<workgroup> red: array<f32, ${size}>;\nvar<workgroup> redResult: atomic<u32>;\n${fns.join('')}`;
  return `${REDUCERS_BEGIN}${JSON.stringify({ size, ops })}*/\n${code}${REDUCERS_END}\n`;
}

/** [function name, combine(a, b), the subgroup builtin that combines the same way] */
export type ReduceOp = readonly [string, string, 'subgroupAdd' | 'subgroupMax'];

const REDUCERS_BEGIN = '/*reducers ';
const REDUCERS_END = '/*end reducers*/';

/**
 * The same reductions with the adapter's subgroup operations: each subgroup combines its values in one
 * builtin, its first lane stores the result at the subgroup's index, and thread 0 combines the subgroups'
 * results in index order (4 barriers instead of log2(size) + 2). The order inside a subgroup is the hardware's,
 * the same on every run of one device, so results stay reproducible there; they differ from the tree's in the
 * last bits. Needs `enable subgroups;` and the subgroup_id language feature (kernelCode adds the builtins).
 */
function subgroupReducers(size: number, ops: readonly ReduceOp[]): string {
  const fns = ops.map(([fn, op, builtin]) => /* wgsl */ `
fn ${fn}(li: u32) -> f32 {
  workgroupBarrier();
  let part = ${builtin}(red[li]);
  workgroupBarrier();
  if (sgLane == 0u) { red[sgId] = part; }
  workgroupBarrier();
  if (li == 0u) {
    var a = red[0];
    for (var i = 1u; i < sgCount; i++) { let b = red[i]; a = ${op}; }
    atomicStore(&redResult, bitcast<u32>(a));
  }
  workgroupBarrier();
  let r = bitcast<f32>(atomicLoad(&redResult));
  workgroupBarrier();
  return r;
}
`);
  return `var<workgroup> red: array<f32, ${size}>;\nvar<workgroup> redResult: atomic<u32>;\n`
    + `var<private> sgId: u32;\nvar<private> sgLane: u32;\nvar<private> sgCount: u32;\n${fns.join('')}`;
}

/**
 * A body whose reductions use subgroup operations: the reducers block swapped for subgroupReducers, and the
 * entry point given the subgroup builtins, copied into the private variables the reducers read.
 */
function withSubgroups(body: string): string {
  const begin = body.indexOf(REDUCERS_BEGIN);
  if (begin < 0) return body;
  const headerEnd = body.indexOf('*/', begin);
  const end = body.indexOf(REDUCERS_END, headerEnd);
  const { size, ops } = JSON.parse(body.slice(begin + REDUCERS_BEGIN.length, headerEnd)) as { size: number; ops: ReduceOp[] };
  let out = body.slice(0, begin) + subgroupReducers(size, ops) + body.slice(end + REDUCERS_END.length);
  const main = out.indexOf('fn main(');
  const open = out.indexOf('{', main);
  if (main < 0 || open < 0) throw new Error('webgpu kernel: reducers without an entry point');
  out = out.slice(0, main) + 'fn main(@builtin(subgroup_id) sgIdIn: u32, @builtin(subgroup_invocation_id) sgLaneIn: u32, '
    + '@builtin(num_subgroups) sgCountIn: u32, ' + out.slice(main + 'fn main('.length, open + 1)
    + '\n  sgId = sgIdIn;\n  sgLane = sgLaneIn;\n  sgCount = sgCountIn;' + out.slice(open + 1);
  return out;
}

/** Whether a kernel's reductions change with subgroups (its WGSL differs; the others compile the same). */
export function usesReducers(k: KernelSource): boolean {
  return k.body.includes(REDUCERS_BEGIN);
}
