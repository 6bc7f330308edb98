import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { assertSameShape } from '../shape.js';

/** a + b, same shapes (nothing is broadcast: BERT never needs it). */
export function add(a: Tensor, b: Tensor): Tensor {
  assertSameShape('add', a.shape, b.shape);
  const e = a.engine;
  const out = e.zeros(a.shape);
  e.backend.add(a.buffer('add'), b.buffer('add'), out.buffer(), out.size);
  record(e, 'add', out, [a, b], [], (g) => [a.requiresGrad ? copyOf(g) : null, b.requiresGrad ? copyOf(g) : null]);
  return out;
}

/** a ⊙ b, same shapes. */
export function mul(a: Tensor, b: Tensor): Tensor {
  assertSameShape('mul', a.shape, b.shape);
  const e = a.engine;
  const out = e.zeros(a.shape);
  e.backend.mul(a.buffer('mul'), b.buffer('mul'), out.buffer(), out.size);
  record(e, 'mul', out, [a, b], [a, b], (g, [sa, sb]) => {
    const grad = (other: typeof sa): Tensor => {
      const d = e.zeros(a.shape);
      e.backend.mul(g.buffer(), other!.buf, d.buffer(), d.size);
      return d;
    };
    return [a.requiresGrad ? grad(sb) : null, b.requiresGrad ? grad(sa) : null];
  });
  return out;
}

/** s·a for a number s. */
export function scale(a: Tensor, s: number): Tensor {
  const e = a.engine;
  const out = e.zeros(a.shape);
  e.backend.scale(a.buffer('scale'), s, out.buffer(), out.size);
  record(e, 'scale', out, [a], [], (g) => {
    const d = e.zeros(a.shape);
    e.backend.scale(g.buffer(), s, d.buffer(), d.size);
    return [d];
  });
  return out;
}

/** A fresh copy (gradients handed to two inputs must not share a buffer: they are accumulated in place). */
export function copyOf(t: Tensor): Tensor {
  const e = t.engine;
  const out = e.zeros(t.shape);
  e.backend.copy(t.buffer('copy'), 0, out.buffer(), 0, t.size);
  return out;
}
