#!/usr/bin/env python3
"""Fits the rational function R(t) = P(t)/Q(t) ~ Phi(-t)·exp(t²/2) used by simd-math.ts (gaussTailRatio4).

Phi(-t)·exp(t²/2) is Mills' ratio over sqrt(2 pi): smooth, 0.5 at t = 0, decaying like 1/(t·sqrt(2 pi)), so a
rational with deg Q = deg P + 1 fits it with a small relative error. Fitting: linearised least squares
(P - f·Q = 0 with q0 = 1) on Chebyshev-spaced points of [0, T], re-weighted by 1/Q of the last pass and by the
error of the last pass (Lawson's iteration towards the minimax fit); the best pass is kept.

Usage: python3 gauss-tail-fit.py [T=13] [coefficients of P=5] [coefficients of Q=6]   (numpy, mpmath)
"""
import sys

import mpmath as mp
import numpy as np

mp.mp.dps = 30
T = float(sys.argv[1]) if len(sys.argv) > 1 else 13.0
NP = int(sys.argv[2]) if len(sys.argv) > 2 else 5
NQ = int(sys.argv[3]) if len(sys.argv) > 3 else 6
N = 3000
t = np.array([T * (0.5 - 0.5 * np.cos(np.pi * (i + 0.5) / N)) for i in range(N)])
f = np.array([float(mp.ncdf(-ti) / mp.exp(-ti * ti / 2)) for ti in t])
s = t / T  # fit in [0, 1] for conditioning, unscale at the end
w = np.ones(N)
q_prev = np.ones(N)
best = None
for _ in range(200):
    a = np.hstack([np.vander(s, NP, increasing=True), -(f[:, None]) * np.vander(s, NQ, increasing=True)[:, 1:]])
    sw = np.sqrt(w) / (q_prev * f)  # relative error of P/Q
    c, *_ = np.linalg.lstsq(a * sw[:, None], f * sw, rcond=None)
    p, q = c[:NP], np.concatenate([[1.0], c[NP:]])
    q_prev = np.polyval(q[::-1], s)
    err = (np.polyval(p[::-1], s) / q_prev - f) / f
    worst = np.max(np.abs(err))
    if best is None or worst < best[0]:
        best = (worst, p.copy(), q.copy())
    w = w * np.abs(err)
    w /= w.sum()
worst, p, q = best
print('max relative error (exact arithmetic): %.3g' % worst)
print('P (t^0 first):', ', '.join('%.10e' % v for v in p / T ** np.arange(NP)))
print('Q (t^0 first):', ', '.join('%.10e' % v for v in q / T ** np.arange(NQ)))
