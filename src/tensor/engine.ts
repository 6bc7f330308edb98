import type { Backend } from './backend.js';
import { Storage, Tensor } from './tensor.js';
import { formatShape, sizeOf } from './shape.js';

/**
 * Owns a backend and the bookkeeping that goes with it: tidy scopes and whether gradients are recorded.
 * Nothing here is global: two engines (two models) in one process share no state.
 */
export class Engine {
  private readonly scopes: Tensor[][] = [];
  private gradDepth = 0;

  constructor(readonly backend: Backend) {}

  /** True unless inside noGrad(). */
  get gradEnabled(): boolean {
    return this.gradDepth === 0;
  }

  /** Called by every new tensor: the innermost tidy scope will dispose it unless kept or returned. */
  track(t: Tensor): void {
    this.scopes[this.scopes.length - 1]?.push(t);
  }

  /** Runs fn, then disposes the tensors it created, except kept ones and those in its result. */
  tidy<T>(fn: () => T): T {
    this.scopes.push([]);
    let result: T | undefined;
    let ok = false;
    try {
      result = fn();
      ok = true;
    } finally {
      this.closeScope(ok ? result : undefined);
    }
    return this.adopt(result as T);
  }

  /** tidy() for async work; scopes must not interleave (one async tidy at a time per engine). */
  async tidyAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.scopes.push([]);
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      this.closeScope(undefined);
      throw error;
    }
    this.closeScope(result);
    return this.adopt(result);
  }

  /** Runs fn without recording gradients (inference, optimizer updates, backward itself). */
  noGrad<T>(fn: () => T): T {
    this.gradDepth++;
    try {
      return fn();
    } finally {
      this.gradDepth--;
    }
  }

  /** A tensor of the given shape, zero-filled. */
  zeros(shape: readonly number[], requiresGrad = false): Tensor {
    const buf = this.backend.alloc(sizeOf(shape));
    return new Tensor(this, new Storage(this, buf), [...shape], requiresGrad);
  }

  /** A tensor holding `values` (copied), row-major. */
  fromArray(values: ArrayLike<number>, shape: readonly number[], requiresGrad = false): Tensor {
    const size = sizeOf(shape);
    if (values.length !== size) {
      throw new Error(`fromArray: ${values.length} values do not fill shape ${formatShape(shape)} (${size} elements)`);
    }
    const t = this.zeros(shape, requiresGrad);
    this.backend.write(t.buffer(), values);
    return t;
  }

  full(shape: readonly number[], value: number): Tensor {
    const t = this.zeros(shape);
    if (value !== 0) this.backend.fill(t.buffer(), value, t.size);
    return t;
  }

  scalar(value: number): Tensor {
    return this.full([], value);
  }

  /** A view with another shape over the same storage (no copy, no gradient: see ops `reshape`). */
  view(t: Tensor, shape: readonly number[]): Tensor {
    if (sizeOf(shape) !== t.size) {
      throw new Error(`view: cannot view ${formatShape(t.shape)} (${t.size} elements) as ${formatShape(shape)}`);
    }
    return new Tensor(this, t.retainStorage('view'), [...shape]);
  }

  private closeScope(result: unknown): void {
    const scope = this.scopes.pop() ?? [];
    const keep = new Set<Tensor>();
    collectTensors(result, keep);
    for (const t of scope) if (!t.kept && !keep.has(t)) t.dispose();
  }

  private adopt<T>(result: T): T {
    const keep = new Set<Tensor>();
    collectTensors(result, keep);
    for (const t of keep) this.track(t);
    return result;
  }
}

function collectTensors(value: unknown, into: Set<Tensor>): void {
  if (value instanceof Tensor) into.add(value);
  else if (Array.isArray(value)) for (const v of value) collectTensors(v, into);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectTensors(v, into);
  }
}
