import type { Buffer } from './backend.js';
import type { Engine } from './engine.js';
import { Storage, Tensor } from './tensor.js';
import { formatShape, sameShape } from './shape.js';

/** A tensor an op keeps for its backward: its buffer stays alive until the node is released. */
export interface Saved {
  readonly buf: Buffer;
  readonly shape: readonly number[];
}

/** One recorded op: how to turn the output's gradient into its inputs' gradients. */
export interface GradNode {
  readonly op: string;
  /** The op's tensor inputs; gradients are produced for those with requiresGrad. */
  readonly inputs: readonly Tensor[];
  /** One gradient per input (null where the input needs none). Runs without gradient recording. */
  backward(gradOutput: Tensor): (Tensor | null)[];
  /** Drops the saved tensors. */
  release(): void;
}

/** Records an op when gradients are on and an input needs one; `saved` are retained until backward ran. */
export function record(
  engine: Engine,
  op: string,
  output: Tensor,
  inputs: readonly Tensor[],
  saved: readonly Tensor[],
  backward: (gradOutput: Tensor, saved: readonly Saved[]) => (Tensor | null)[],
): void {
  if (!engine.gradEnabled || !inputs.some((t) => t.requiresGrad)) return;
  const storages: Storage[] = saved.map((t) => t.retainStorage(op));
  const savedViews: Saved[] = saved.map((t) => ({ buf: t.buffer(op), shape: t.shape }));
  output.requiresGrad = true;
  output.node = {
    op,
    inputs,
    backward: (g) => backward(g, savedViews),
    release: () => {
      for (const s of storages.splice(0)) s.release();
    },
  };
}

/**
 * Reverse-mode differentiation from `root` (a one-element tensor unless `gradient` is given). Gradients of
 * leaves with requiresGrad accumulate into `.grad`. Intermediate tensors of the graph, their saved tensors
 * and their gradients are released as soon as their gradient has been passed on, unless marked keep().
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  const engine = root.engine;
  if (!root.requiresGrad) throw new Error(`backward: tensor ${formatShape(root.shape)} does not require gradients`);
  if (gradient === undefined && root.size !== 1) {
    throw new Error(`backward: tensor ${formatShape(root.shape)} is not a scalar; pass its gradient`);
  }
  if (gradient !== undefined && !sameShape(gradient.shape, root.shape)) {
    throw new Error(`backward: gradient ${formatShape(gradient.shape)} does not match tensor ${formatShape(root.shape)}`);
  }
  const order = topologicalOrder(root);
  engine.noGrad(() => {
    const grads = new Map<Tensor, Tensor>();
    grads.set(root, gradient ?? engine.full(root.shape, 1));
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i]!;
      const g = grads.get(t);
      grads.delete(t);
      const node = t.node;
      if (node === null) {
        if (g !== undefined) accumulateLeafGrad(t, g);
        continue;
      }
      if (g !== undefined) {
        const inputGrads = node.backward(g);
        node.inputs.forEach((input, k) => {
          const ig = inputGrads[k];
          if (ig === null || ig === undefined || !input.requiresGrad) {
            ig?.dispose();
            return;
          }
          const prev = grads.get(input);
          grads.set(input, prev === undefined ? ig : addInto(prev, ig));
        });
        if (g !== gradient) g.dispose();
      }
      node.release();
      t.node = null;
      if (t !== root && !t.kept) t.dispose();
    }
  });
}

function accumulateLeafGrad(leaf: Tensor, g: Tensor): void {
  if (leaf.grad === null) {
    leaf.grad = g.keep();
    return;
  }
  const e = leaf.engine;
  e.backend.axpy(1, g.buffer('backward'), leaf.grad.buffer('backward'), g.size);
  g.dispose();
}

/** prev += g, reusing prev's buffer; g is disposed. */
function addInto(prev: Tensor, g: Tensor): Tensor {
  prev.engine.backend.axpy(1, g.buffer('backward'), prev.buffer('backward'), g.size);
  g.dispose();
  return prev;
}

/** Tensors reachable from root through recorded ops, inputs before outputs (iterative DFS). */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [t, expanded] = stack.pop()!;
    if (expanded) {
      order.push(t);
      continue;
    }
    if (visited.has(t)) continue;
    visited.add(t);
    stack.push([t, true]);
    for (const input of t.node?.inputs ?? []) if (input.requiresGrad && !visited.has(input)) stack.push([input, false]);
  }
  return order;
}
