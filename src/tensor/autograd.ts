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
  for (const _ of gradientPass(root, gradient).run()) {
    // each leaf's gradient is final here; backward() only needs them all
  }
}

/** backward() one leaf at a time, for callers that use gradients while the rest is differentiated. */
export interface GradientPass {
  /** The leaves (requiresGrad, no recorded op) that the pass reaches, in the order run() finishes them. */
  readonly leaves: readonly Tensor[];
  /**
   * Differentiates, yielding each leaf of `leaves` as soon as its `.grad` holds everything this pass adds to it:
   * the caller may read it, or take it (dispose it and set `.grad` to null), and may await before resuming.
   */
  run(): Generator<Tensor, void, undefined>;
}

/** Prepares backward() from `root` as a pass that reports each leaf's gradient once it is final. */
export function gradientPass(root: Tensor, gradient?: Tensor): GradientPass {
  const engine = root.engine;
  if (!root.requiresGrad) throw new Error(`backward: tensor ${formatShape(root.shape)} does not require gradients`);
  if (gradient === undefined && root.size !== 1) {
    throw new Error(`backward: tensor ${formatShape(root.shape)} is not a scalar; pass its gradient`);
  }
  if (gradient !== undefined && !sameShape(gradient.shape, root.shape)) {
    throw new Error(`backward: gradient ${formatShape(gradient.shape)} does not match tensor ${formatShape(root.shape)}`);
  }
  const order = topologicalOrder(root);
  // A leaf's gradient is final once every op that uses it has been differentiated: count those uses.
  const uses = new Map<Tensor, number>();
  for (const t of order) for (const input of t.node?.inputs ?? []) if (isLeaf(input)) uses.set(input, (uses.get(input) ?? 0) + 1);
  const leaves: Tensor[] = [];
  walk(order, root, uses, (leaf) => leaves.push(leaf));
  function* run(): Generator<Tensor, void, undefined> {
    const grads = new Map<Tensor, Tensor>();
    grads.set(root, gradient ?? engine.noGrad(() => engine.full(root.shape, 1)));
    const left = new Map(uses);
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i]!;
      const inputs = usedBy(t, root);
      if (t.node !== null) engine.noGrad(() => passOn(t, grads, root, gradient));
      for (const leaf of finished(inputs, left)) {
        const g = grads.get(leaf);
        grads.delete(leaf);
        if (g !== undefined) engine.noGrad(() => accumulateLeafGrad(leaf, g));
        yield leaf;
      }
    }
  }
  return { leaves, run };
}

function isLeaf(t: Tensor): boolean {
  return t.requiresGrad && t.node === null;
}

/** The order in which run() finishes the leaves, without differentiating anything. */
function walk(order: readonly Tensor[], root: Tensor, uses: ReadonlyMap<Tensor, number>, onLeaf: (leaf: Tensor) => void): void {
  const left = new Map(uses);
  for (let i = order.length - 1; i >= 0; i--) for (const leaf of finished(usedBy(order[i]!, root), left)) onLeaf(leaf);
}

/** The tensors whose uses differentiating `t` completes: its op's inputs; a leaf root is its own (only) use. */
function usedBy(t: Tensor, root: Tensor): readonly Tensor[] {
  return t.node !== null ? t.node.inputs : t === root ? [t] : [];
}

/** Counts down the uses of the leaves among `inputs` (one op differentiated); returns those with none left. */
function finished(inputs: readonly Tensor[], left: Map<Tensor, number>): Tensor[] {
  const done: Tensor[] = [];
  for (const input of inputs) {
    if (!isLeaf(input)) continue;
    const n = (left.get(input) ?? 1) - 1;
    left.set(input, n);
    if (n === 0) done.push(input);
  }
  return done;
}

/** Turns the gradient of the op that made `t` into its inputs' gradients, then releases `t` and its node. */
function passOn(t: Tensor, grads: Map<Tensor, Tensor>, root: Tensor, gradient: Tensor | undefined): void {
  const node = t.node!;
  const g = grads.get(t);
  grads.delete(t);
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
