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
  const hi = f32x4.splat(88.0);
  const over = f32x4.gt(x, hi);
  // pmin is a single instruction (minps); NaN inputs come out as NaN either way
  return v128.bitselect(f32x4.splat(Infinity), expNonPositive4(f32x4.pmin(x, hi)), over);
}

/** exp4 for x <= 88 (same bits there): what Gaussian factors need, without the overflow lanes. */
@inline export function expNonPositive4(x: v128): v128 {
  const lo = f32x4.splat(-87.33654);
  const under = f32x4.lt(x, lo);
  const xc = f32x4.pmax(x, lo);
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
  return v128.andnot(f32x4.mul(p, scale), under);
}

@inline export function expScalar(x: f32): f32 {
  return f32x4.extract_lane(exp4(f32x4.splat(x)), 0);
}

/**
 * Φ(-t)·e^(t²/2) for t = |x|: the standard normal tail over its Gaussian factor (Mills' ratio over √(2π)), which
 * is smooth and decays like 1/(t√(2π)). A rational function of degree 4/5 fitted by iterated weighted least
 * squares to the relative error on t in [0, 13] (max relative error 4.8e-9 in exact arithmetic; past 13 the
 * Gaussian factor is below 1e-36, so t is clamped there). The coefficients come from gauss-tail-fit.py beside
 * this file. P(0)/Q(0) is 0.5 in f32, so Φ(0) is exactly ½.
 */
@inline function gaussTailRatio4(x: v128): v128 {
  const t = f32x4.pmin(f32x4.abs(x), f32x4.splat(13));
  let p = madd(f32x4.splat(3.9944192429e-3), t, f32x4.splat(3.9809216806e-2));
  p = madd(p, t, f32x4.splat(1.8078526860e-1));
  p = madd(p, t, f32x4.splat(4.3497787474e-1));
  p = madd(p, t, f32x4.splat(5.0000000237e-1));
  let q = madd(f32x4.splat(1.0012374046e-2), t, f32x4.splat(9.9794559659e-2));
  q = madd(q, t, f32x4.splat(4.6300412032e-1));
  q = madd(q, t, f32x4.splat(1.1923108726));
  q = madd(q, t, f32x4.splat(1.6678406529));
  q = madd(q, t, f32x4.splat(1));
  return f32x4.div(p, q);
}

/** e^(-x²/2), the Gaussian factor shared by Φ and φ (-x/2 is exact, so the exponent is rounded once). */
@inline export function gauss4(x: v128): v128 {
  return expNonPositive4(f32x4.mul(f32x4.mul(x, f32x4.splat(-0.5)), x));
}

/**
 * Φ(x), the standard normal CDF, from g = e^(-x²/2) (gauss4(x)): Φ(-|x|) = g·R(|x|) keeps its relative
 * accuracy far into the lower tail, Φ(|x|) = 1 - Φ(-|x|). One exponential and one division per four lanes.
 */
@inline export function normalCdfFromGauss4(x: v128, g: v128): v128 {
  const tail = f32x4.mul(g, gaussTailRatio4(x));
  return v128.bitselect(tail, f32x4.sub(f32x4.splat(1), tail), f32x4.lt(x, f32x4.splat(0)));
}

/** Φ(x) = ½(1 + erf(x/√2)). */
@inline export function normalCdf4(x: v128): v128 {
  return normalCdfFromGauss4(x, gauss4(x));
}

/** 1/√(2π): φ(x) = g/√(2π) with g = gauss4(x). */
export const INV_SQRT_2PI: f32 = 0.3989422804014327;
