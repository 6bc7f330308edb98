// Vector transcendental functions in f32 (four lanes). Scalar callers splat a value and take lane 0, so that
// an element gives the same bits whether it falls in a vector body or in a tail. Polynomials go through madd:
// one fused instruction in the relaxed-SIMD build (fewer instructions, same or better accuracy).
import { madd } from './common';

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;

/**
 * e^x to about 2 ulp (Cephes expf): x = n·ln2 + r, |r| <= ln2/2, e^r by a degree-6 polynomial, 2^n through
 * the exponent bits. Below -87.33 the result is 0; above 88 it is +Infinity (the kernels only take e^x of
 * x <= 0). n comes from adding 1.5·2^23, which rounds to the nearest integer and leaves it in the low bits.
 */
@inline export function exp4(x: v128): v128 {
  const lo = f32x4.splat(-87.33654);
  const hi = f32x4.splat(88.0);
  const under = f32x4.lt(x, lo);
  const over = f32x4.gt(x, hi);
  // pmax/pmin are single instructions (maxps/minps); NaN inputs come out as NaN either way
  const xc = f32x4.pmin(f32x4.pmax(x, lo), hi);
  const magic = f32x4.splat(12582912.0);
  const t = madd(xc, f32x4.splat(LOG2E), magic);
  const n = f32x4.sub(t, magic);
  let r = madd(n, f32x4.splat(-LN2_HI), xc);
  r = madd(n, f32x4.splat(-LN2_LO), r);
  // e^r = 1 + r + r²·P(r), P of degree 5 by Estrin's scheme (short dependency chains: this code is latency-bound)
  const r2 = f32x4.mul(r, r);
  const r4 = f32x4.mul(r2, r2);
  const p01 = madd(f32x4.splat(1.6666665459e-1), r, f32x4.splat(5.0000001201e-1));
  const p23 = madd(f32x4.splat(8.3334519073e-3), r, f32x4.splat(4.1665795894e-2));
  const p45 = madd(f32x4.splat(1.9875691500e-4), r, f32x4.splat(1.3981999507e-3));
  let p = madd(p45, r4, madd(p23, r2, p01));
  p = f32x4.add(madd(p, r2, r), f32x4.splat(1));
  // n in [-126, 127]: 2^n has exponent bits n + 127; t's bits are magic's bits + n
  const scale = i32x4.shl(i32x4.add(i32x4.sub(t, magic), i32x4.splat(127)), 23);
  const y = v128.andnot(f32x4.mul(p, scale), under);
  return v128.bitselect(f32x4.splat(Infinity), y, over);
}

@inline export function expScalar(x: f32): f32 {
  return f32x4.extract_lane(exp4(f32x4.splat(x)), 0);
}

/**
 * erfc(|x|) for the four lanes, fractional error < 1.2e-7 (the Chebyshev fit of Numerical Recipes' erfcc):
 * t = 1/(1 + |x|/2), erfc = t·exp(-x² - 1.26551223 + t·P(t)).
 */
@inline export function erfcAbs4(x: v128): v128 {
  const z = f32x4.abs(x);
  const t = f32x4.div(f32x4.splat(1), madd(f32x4.splat(0.5), z, f32x4.splat(1)));
  // P(t) of degree 9 by Estrin's scheme
  const t2 = f32x4.mul(t, t);
  const t4 = f32x4.mul(t2, t2);
  const t8 = f32x4.mul(t4, t4);
  const q01 = madd(f32x4.splat(1.00002368), t, f32x4.splat(-1.26551223));
  const q23 = madd(f32x4.splat(0.09678418), t, f32x4.splat(0.37409196));
  const q45 = madd(f32x4.splat(0.27886807), t, f32x4.splat(-0.18628806));
  const q67 = madd(f32x4.splat(1.48851587), t, f32x4.splat(-1.13520398));
  const q89 = madd(f32x4.splat(0.17087277), t, f32x4.splat(-0.82215223));
  const r03 = madd(q23, t2, q01);
  const r47 = madd(q67, t2, q45);
  const p = madd(q89, t8, madd(r47, t4, r03));
  const e = exp4(madd(f32x4.neg(z), z, p));
  return f32x4.mul(t, e);
}

/** Φ(x) = ½(1 + erf(x/√2)), the standard normal CDF, computed from erfc so that the far tail stays accurate. */
@inline export function normalCdf4(x: v128): v128 {
  const e = erfcAbs4(f32x4.mul(x, f32x4.splat(0.70710678118654752)));
  const half = f32x4.mul(f32x4.splat(0.5), e);
  // x >= 0: 1 - ½erfc(x/√2); x < 0: ½erfc(-x/√2)
  return v128.bitselect(half, f32x4.sub(f32x4.splat(1), half), f32x4.lt(x, f32x4.splat(0)));
}

/** φ(x) = e^(-x²/2)/√(2π), the standard normal density. */
@inline export function normalPdf4(x: v128): v128 {
  return f32x4.mul(f32x4.splat(0.3989422804014327), exp4(f32x4.mul(f32x4.splat(-0.5), f32x4.mul(x, x))));
}
