/**
 * erf(x) to about 1e-13, for the reference kernels (JavaScript's Math has no erf): the Maclaurin series
 * below |x| = 3, where it converges with modest cancellation, and a continued fraction for erfc beyond,
 * where the series would cancel badly.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  if (a < 3) {
    // erf(x) = 2/√π · Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = a, sum = a;
    const x2 = a * a;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(a) = exp(-a²)/√π · 1/(a + 1/2/(a + 1/(a + 3/2/(a + 2/(a + ...))))), evaluated bottom-up.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = (n / 2) / (a + f);
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f);
  return Math.sign(x) * (1 - erfc);
}
