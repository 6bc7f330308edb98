// Elementwise kernels: each thread takes a contiguous share (in whole vectors), vector body then a tail
// through the same vector code on a splatted value, so an element's bits never depend on where it falls.
import { argF, argI, argP, madd, shareStart } from './common';
import { INV_SQRT_2PI, gauss4, normalCdf4, normalCdfFromGauss4 } from './simd-math';

@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

// add / mul: 0 a, 1 b, 2 out, 3 n
export function addKernel(tid: i32, nt: i32, args: usize): void {
  const a = argP(args, 0), b = argP(args, 1), o = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  let i = s;
  for (; i + 4 <= e; i += 4) v128.store(at(o, i), f32x4.add(v128.load(at(a, i)), v128.load(at(b, i))));
  for (; i < e; i++) store<f32>(at(o, i), load<f32>(at(a, i)) + load<f32>(at(b, i)));
}

export function mulKernel(tid: i32, nt: i32, args: usize): void {
  const a = argP(args, 0), b = argP(args, 1), o = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  let i = s;
  for (; i + 4 <= e; i += 4) v128.store(at(o, i), f32x4.mul(v128.load(at(a, i)), v128.load(at(b, i))));
  for (; i < e; i++) store<f32>(at(o, i), load<f32>(at(a, i)) * load<f32>(at(b, i)));
}

// scale: 0 a, 1 s, 2 out, 3 n
export function scaleKernel(tid: i32, nt: i32, args: usize): void {
  const a = argP(args, 0), sc = <f32>argF(args, 1), o = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  const sv = f32x4.splat(sc);
  let i = s;
  for (; i + 4 <= e; i += 4) v128.store(at(o, i), f32x4.mul(sv, v128.load(at(a, i))));
  for (; i < e; i++) store<f32>(at(o, i), sc * load<f32>(at(a, i)));
}

// axpy: 0 alpha, 1 x, 2 y, 3 n   (y += alpha·x)
export function axpyKernel(tid: i32, nt: i32, args: usize): void {
  const al = <f32>argF(args, 0), x = argP(args, 1), y = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  const av = f32x4.splat(al);
  let i = s;
  for (; i + 4 <= e; i += 4) v128.store(at(y, i), f32x4.add(v128.load(at(y, i)), f32x4.mul(av, v128.load(at(x, i)))));
  for (; i < e; i++) store<f32>(at(y, i), load<f32>(at(y, i)) + al * load<f32>(at(x, i)));
}

// fill: 0 out, 1 value, 2 n
export function fillKernel(tid: i32, nt: i32, args: usize): void {
  const o = argP(args, 0), val = <f32>argF(args, 1), n = argI(args, 2);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  const v = f32x4.splat(val);
  let i = s;
  for (; i + 4 <= e; i += 4) v128.store(at(o, i), v);
  for (; i < e; i++) store<f32>(at(o, i), val);
}

// copy: 0 src, 1 dst, 2 n (addresses already offset; regions do not overlap)
export function copyKernel(tid: i32, nt: i32, args: usize): void {
  const src = argP(args, 0), dst = argP(args, 1), n = argI(args, 2);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  memory.copy(at(dst, s), at(src, s), <usize>(e - s) << 2);
}

// gelu forward: 0 x, 1 y, 2 n.  y = x·Φ(x)
export function geluForwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), y = argP(args, 1), n = argI(args, 2);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  let i = s;
  // two independent vectors per iteration (four spill vector registers)
  for (; i + 8 <= e; i += 8) {
    const v = v128.load(at(x, i)), w = v128.load(at(x, i), 16);
    const cv = normalCdf4(v), cw = normalCdf4(w);
    v128.store(at(y, i), f32x4.mul(v, cv));
    v128.store(at(y, i), f32x4.mul(w, cw), 16);
  }
  for (; i + 4 <= e; i += 4) {
    const v = v128.load(at(x, i));
    v128.store(at(y, i), f32x4.mul(v, normalCdf4(v)));
  }
  for (; i < e; i++) {
    const v = f32x4.splat(load<f32>(at(x, i)));
    store<f32>(at(y, i), f32x4.extract_lane(f32x4.mul(v, normalCdf4(v)), 0));
  }
}

/** dy·(Φ(x) + x·φ(x)): Φ and φ share one exponential, e^(-x²/2). */
@inline function geluGrad(v: v128, d: v128): v128 {
  const g = gauss4(v);
  return f32x4.mul(d, madd(v, f32x4.mul(g, f32x4.splat(INV_SQRT_2PI)), normalCdfFromGauss4(v, g)));
}

// gelu backward: 0 x, 1 dy, 2 dx, 3 n.  dx = dy·(Φ(x) + x·φ(x))
export function geluBackwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), dy = argP(args, 1), dx = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  let i = s;
  // two vectors per iteration (four run out of vector registers here: measured slower)
  for (; i + 8 <= e; i += 8) {
    const g0 = geluGrad(v128.load(at(x, i)), v128.load(at(dy, i)));
    const g1 = geluGrad(v128.load(at(x, i), 16), v128.load(at(dy, i), 16));
    v128.store(at(dx, i), g0);
    v128.store(at(dx, i), g1, 16);
  }
  for (; i + 4 <= e; i += 4) v128.store(at(dx, i), geluGrad(v128.load(at(x, i)), v128.load(at(dy, i))));
  for (; i < e; i++) {
    const g = geluGrad(f32x4.splat(load<f32>(at(x, i))), f32x4.splat(load<f32>(at(dy, i))));
    store<f32>(at(dx, i), f32x4.extract_lane(g, 0));
  }
}

// tanh forward: 0 x, 1 y, 2 n (scalar, in f64: used only by the pooler)
export function tanhForwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), y = argP(args, 1), n = argI(args, 2);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  for (let i = s; i < e; i++) store<f32>(at(y, i), <f32>Math.tanh(<f64>load<f32>(at(x, i))));
}

// tanh backward: 0 y, 1 dy, 2 dx, 3 n.  dx = dy·(1 - y²)
export function tanhBackwardKernel(tid: i32, nt: i32, args: usize): void {
  const y = argP(args, 0), dy = argP(args, 1), dx = argP(args, 2), n = argI(args, 3);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  const one = f32x4.splat(1);
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const v = v128.load(at(y, i));
    v128.store(at(dx, i), f32x4.mul(v128.load(at(dy, i)), f32x4.sub(one, f32x4.mul(v, v))));
  }
  for (; i < e; i++) {
    const v = load<f32>(at(y, i));
    store<f32>(at(dx, i), load<f32>(at(dy, i)) * (1 - v * v));
  }
}

/** The dropout hash of backend.ts (lowbias32 of seed and index) on four indices. */
@inline export function dropHash4(index: v128, seed: v128): v128 {
  let x = i32x4.add(i32x4.mul(v128.xor(index, seed), i32x4.splat(0x9e3779b1)), seed);
  x = v128.xor(x, i32x4.shr_u(x, 16));
  x = i32x4.mul(x, i32x4.splat(0x7feb352d));
  x = v128.xor(x, i32x4.shr_u(x, 15));
  x = i32x4.mul(x, i32x4.splat(<i32>0x846ca68b));
  return v128.xor(x, i32x4.shr_u(x, 16));
}

@inline export function dropHash(index: u32, seed: u32): u32 {
  let x = (index ^ seed) * 0x9e3779b1 + seed;
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= 0x846ca68b;
  return x ^ (x >>> 16);
}

// dropout (forward and backward alike): 0 x, 1 y, 2 n, 3 seed (u32), 4 threshold (u32), 5 keepScale
export function dropoutKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), y = argP(args, 1), n = argI(args, 2);
  const seed = <u32>argF(args, 3), threshold = <u32>argF(args, 4), keep = <f32>argF(args, 5);
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  const seedV = i32x4.splat(seed), thrV = i32x4.splat(threshold), keepV = f32x4.splat(keep);
  let idx = i32x4(s, s + 1, s + 2, s + 3);
  const four = i32x4.splat(4);
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const dropped = i32x4.lt_u(dropHash4(idx, seedV), thrV);
    v128.store(at(y, i), v128.andnot(f32x4.mul(v128.load(at(x, i)), keepV), dropped));
    idx = i32x4.add(idx, four);
  }
  for (; i < e; i++) store<f32>(at(y, i), dropHash(<u32>i, seed) < threshold ? 0 : load<f32>(at(x, i)) * keep);
}

// AdamW: 0 n, 1 param, 2 grad, 3 m, 4 v, 5 lr, 6 beta1, 7 beta2, 8 eps, 9 weightDecay, 10 1/c1, 11 1/√c2, 12 gradScale
// (c1, c2: the bias corrections; update = m/c1 / (√(v/c2) + eps) = m·(1/c1) / (√v·(1/√c2) + eps), one division)
export function adamwKernel(tid: i32, nt: i32, args: usize): void {
  const n = argI(args, 0), p = argP(args, 1), g = argP(args, 2), m = argP(args, 3), v = argP(args, 4);
  const lr = f32x4.splat(<f32>argF(args, 5)), b1 = f32x4.splat(<f32>argF(args, 6)), b2 = f32x4.splat(<f32>argF(args, 7));
  const eps = f32x4.splat(<f32>argF(args, 8)), wd = f32x4.splat(<f32>argF(args, 9));
  const c1 = f32x4.splat(<f32>argF(args, 10)), c2 = f32x4.splat(<f32>argF(args, 11));
  const gs = f32x4.splat(<f32>argF(args, 12));
  const ob1 = f32x4.splat(<f32>(1 - argF(args, 6))), ob2 = f32x4.splat(<f32>(1 - argF(args, 7)));
  const s = shareStart(n, tid, nt, 16), e = shareStart(n, tid + 1, nt, 16);
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const gi = f32x4.mul(v128.load(at(g, i)), gs);
    const mi = f32x4.add(f32x4.mul(b1, v128.load(at(m, i))), f32x4.mul(ob1, gi));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(at(v, i))), f32x4.mul(f32x4.mul(ob2, gi), gi));
    v128.store(at(m, i), mi);
    v128.store(at(v, i), vi);
    const upd = f32x4.div(f32x4.mul(mi, c1), f32x4.add(f32x4.mul(f32x4.sqrt(vi), c2), eps));
    const pi = v128.load(at(p, i));
    v128.store(at(p, i), f32x4.sub(pi, f32x4.mul(lr, f32x4.add(upd, f32x4.mul(wd, pi)))));
  }
  for (; i < e; i++) adamwOne(i, p, g, m, v, lr, b1, b2, ob1, ob2, eps, wd, c1, c2, gs);
}

@inline function adamwOne(i: i32, p: usize, g: usize, m: usize, v: usize, lr: v128, b1: v128, b2: v128,
  ob1: v128, ob2: v128, eps: v128, wd: v128, c1: v128, c2: v128, gs: v128): void {
  const gi = f32x4.mul(f32x4.splat(load<f32>(at(g, i))), gs);
  const mi = f32x4.add(f32x4.mul(b1, f32x4.splat(load<f32>(at(m, i)))), f32x4.mul(ob1, gi));
  const vi = f32x4.add(f32x4.mul(b2, f32x4.splat(load<f32>(at(v, i)))), f32x4.mul(f32x4.mul(ob2, gi), gi));
  store<f32>(at(m, i), f32x4.extract_lane(mi, 0));
  store<f32>(at(v, i), f32x4.extract_lane(vi, 0));
  const upd = f32x4.div(f32x4.mul(mi, c1), f32x4.add(f32x4.mul(f32x4.sqrt(vi), c2), eps));
  const pi = f32x4.splat(load<f32>(at(p, i)));
  store<f32>(at(p, i), f32x4.extract_lane(f32x4.sub(pi, f32x4.mul(lr, f32x4.add(upd, f32x4.mul(wd, pi)))), 0));
}
