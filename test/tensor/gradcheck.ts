import { Engine, ReferenceBackend, backward, mul, reshape, sum, type Tensor } from '../../src/tensor/index.js';
import { Rng } from '../../src/tensor/rng.js';

/** A double-precision reference engine: finite differences are meaningful there. */
export function f64Engine(): { engine: Engine; backend: ReferenceBackend } {
  const backend = new ReferenceBackend({ precision: 'f64' });
  return { engine: new Engine(backend), backend };
}

export function randomTensor(engine: Engine, shape: number[], rng: Rng, scale = 1, requiresGrad = true): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, () => rng.normal() * scale);
  return engine.fromArray(values, shape, requiresGrad);
}

/**
 * Checks backward against central finite differences in float64: the op's output is reduced with a fixed
 * random weighting (so every output element matters), and up to `samples` elements of each input are
 * perturbed. Returns the worst relative error.
 */
export async function gradcheck(
  engine: Engine, backend: ReferenceBackend, inputs: Tensor[], f: (xs: Tensor[]) => Tensor,
  { samples = 12, h = 1e-5, seed = 7 } = {},
): Promise<number> {
  const rng = new Rng(seed);
  const out0 = f(inputs);
  const weights = randomTensor(engine, [...out0.shape], rng, 1, false);
  const objective = (xs: Tensor[]): Tensor => {
    const y = f(xs);
    return sum(mul(reshape(y, [y.size]), reshape(weights, [weights.size])));
  };
  out0.dispose();
  for (const x of inputs) {
    x.grad?.dispose();
    x.grad = null;
  }
  const loss = objective(inputs);
  backward(loss);
  let worst = 0;
  for (const x of inputs) {
    if (!x.requiresGrad) continue;
    const analytic = backend.values(x.grad!.buffer());
    const values = backend.values(x.buffer());
    const picks = x.size <= samples ? [...Array(x.size).keys()] : Array.from({ length: samples }, () => rng.int(x.size));
    for (const i of picks) {
      const orig = values[i]!;
      values[i] = orig + h;
      const fp = engine.noGrad(() => backend.values(objective(inputs).buffer())[0]!);
      values[i] = orig - h;
      const fm = engine.noGrad(() => backend.values(objective(inputs).buffer())[0]!);
      values[i] = orig;
      const numeric = (fp - fm) / (2 * h);
      const err = Math.abs(numeric - analytic[i]!) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]!));
      worst = Math.max(worst, err);
    }
  }
  return worst;
}
