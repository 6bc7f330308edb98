import type { Engine, Tensor } from '../tensor/index.js';

export interface AdamWOptions {
  readonly lr: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  readonly weightDecay?: number;
  /** Parameters by name whose weight decay is off (BERT: biases and LayerNorm weights). */
  readonly noDecay?: (name: string) => boolean;
}

interface Slot {
  readonly name: string;
  readonly param: Tensor;
  readonly m: Tensor;
  readonly v: Tensor;
  readonly decay: boolean;
}

/** BERT's rule: no weight decay on biases and LayerNorm parameters. */
export const bertNoDecay = (name: string): boolean => name.endsWith('.bias') || /LayerNorm|layer_norm|norm\./i.test(name);

/**
 * AdamW (decoupled weight decay, Loshchilov & Hutter), PyTorch's update rule: p ← p − lr·(m̂/(√v̂ + ε) + wd·p).
 * The moments live on the parameters' backend; the update runs as one fused kernel per parameter.
 */
export class AdamW {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  step = 0;
  private readonly slots: Slot[];

  constructor(private readonly engine: Engine, params: readonly [string, Tensor][], options: AdamWOptions) {
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0.01;
    const noDecay = options.noDecay ?? bertNoDecay;
    this.slots = params.map(([name, param]) => ({
      name, param, decay: !noDecay(name),
      m: engine.zeros(param.shape).keep(), v: engine.zeros(param.shape).keep(),
    }));
  }

  /** One update with learning rate lr; gradients are multiplied by gradScale first (clipping). */
  update(lr: number, gradScale = 1): void {
    this.step++;
    for (const s of this.slots) {
      if (s.param.grad === null) continue;
      this.engine.backend.adamw({
        n: s.param.size, param: s.param.buffer('AdamW'), grad: s.param.grad.buffer('AdamW'),
        m: s.m.buffer(), v: s.v.buffer(), lr, beta1: this.beta1, beta2: this.beta2, eps: this.eps,
        weightDecay: s.decay ? this.weightDecay : 0, step: this.step, gradScale,
      });
    }
  }

  /** The moments by parameter name (for optimizer checkpoints). */
  moments(): { name: string; m: Tensor; v: Tensor }[] {
    return this.slots.map(({ name, m, v }) => ({ name, m, v }));
  }

  dispose(): void {
    for (const s of this.slots) {
      s.m.dispose();
      s.v.dispose();
    }
  }
}

/** The global L2 norm of the parameters' gradients (read back to the host). */
export async function gradNorm(engine: Engine, params: readonly Tensor[]): Promise<number> {
  const acc = engine.zeros([1]);
  let first = true;
  for (const p of params) {
    if (p.grad === null) continue;
    engine.backend.sumSquares(p.grad.buffer('gradNorm'), acc.buffer(), p.size, !first);
    first = false;
  }
  const value = Math.sqrt(await acc.item());
  acc.dispose();
  return value;
}
