import type { Engine, Tensor } from '../tensor/index.js';

/**
 * A building block with named parameters and children, as in PyTorch: names join with dots
 * (`encoder.layer.0.attention.self.query.weight`), which is what state dicts and safetensors files use.
 */
export abstract class Module {
  training = true;
  private readonly params = new Map<string, Tensor>();
  private readonly children = new Map<string, Module>();

  constructor(readonly engine: Engine) {}

  /** Registers a parameter: kept (never freed by tidy/backward) and gradient-tracked. */
  protected param(name: string, t: Tensor): Tensor {
    t.requiresGrad = true;
    t.keep();
    this.params.set(name, t);
    return t;
  }

  protected child<M extends Module>(name: string, m: M): M {
    this.children.set(name, m);
    return m;
  }

  /** Every parameter with its dotted name, depth first in registration order. */
  namedParameters(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [n, p] of this.params) out.push([prefix + n, p]);
    for (const [n, c] of this.children) out.push(...c.namedParameters(`${prefix}${n}.`));
    return out;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  parameterCount(): number {
    return this.parameters().reduce((s, p) => s + p.size, 0);
  }

  /** Switches dropout on (train) or off (eval) in this module and every child. */
  train(on = true): this {
    this.training = on;
    for (const c of this.children.values()) c.train(on);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Drops every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.parameters()) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  /** Frees every parameter (and gradient). */
  dispose(): void {
    this.zeroGrad();
    for (const p of this.parameters()) p.dispose();
  }
}
