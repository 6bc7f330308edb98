// Helpers shared by every kernel: argument reading, work partitioning, fused multiply-add.
//
// Every exported kernel has the signature (tid, nt, args): thread `tid` of `nt` does its share of the work,
// reading its arguments from the f64 slots at `args` (written by the host before dispatch). Partitions are
// chosen so that each output element is computed by the same operations whatever `nt` is.

/** Argument slot `i` as a float. */
@inline export function argF(args: usize, i: i32): f64 {
  return load<f64>(args + (<usize>i << 3));
}

/** Argument slot `i` as an integer (counts, sizes, flags). */
@inline export function argI(args: usize, i: i32): i32 {
  return <i32>load<f64>(args + (<usize>i << 3));
}

/** Argument slot `i` as a byte address in the shared memory. */
@inline export function argP(args: usize, i: i32): usize {
  return <usize>load<f64>(args + (<usize>i << 3));
}

/** Start of thread `tid`'s contiguous share of `total` items, in whole units of `align` items. */
@inline export function shareStart(total: i32, tid: i32, nt: i32, align: i32): i32 {
  const units = (total + align - 1) / align;
  const s = <i32>((<i64>units * <i64>tid) / <i64>nt) * align;
  return s < total ? s : total;
}

/** a·b + c: one fused instruction in the relaxed-SIMD build, a multiply then an add in the plain one. */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  else return f32x4.add(f32x4.mul(a, b), c);
}

/** Horizontal sum of the four lanes, always in the same order. */
@inline export function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** Horizontal maximum of the four lanes. */
@inline export function hmax(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}
