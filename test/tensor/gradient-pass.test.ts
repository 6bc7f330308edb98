// gradientPass (src/tensor/autograd.ts), the hook ZeRO-2 bucketing uses: tested here beside its one user.
import test from 'node:test';
import assert from 'node:assert/strict';
import { gradientPass } from '../../src/tensor/autograd.js';
import { Engine, ReferenceBackend, Rng, add, backward, matmul, mul, sum, type Tensor } from '../../src/tensor/index.js';

/** loss = sum((x·A)·B) + sum(A ⊙ C): A is used twice (as a tied weight is), D only by nothing, x needs no gradient. */
type Params = Record<'A' | 'B' | 'C' | 'D', Tensor>;
function graph(engine: Engine, reuse?: Params): { loss: Tensor; params: Params } {
  const rng = new Rng(5);
  const values = (n: number): number[] => Array.from({ length: n }, () => rng.normal());
  const x = engine.fromArray(values(6), [2, 3]);
  const params = reuse ?? {
    A: engine.fromArray(values(12), [3, 4], true), B: engine.fromArray(values(20), [4, 5], true),
    C: engine.fromArray(values(12), [3, 4], true), D: engine.fromArray(values(4), [4], true),
  };
  const { A, B, C } = params;
  const loss = add(sum(matmul(matmul(x, A), B)), sum(mul(A, C)));
  return { loss, params };
}

test('gradientPass yields each reached leaf once, with its final gradient, in the order of `leaves`', async () => {
  const plain = graph(new Engine(new ReferenceBackend()));
  backward(plain.loss);
  const expected = new Map<string, Float32Array>();
  for (const [name, p] of Object.entries(plain.params)) if (p.grad !== null) expected.set(name, await p.grad.data());
  assert.deepEqual([...expected.keys()].sort(), ['A', 'B', 'C'], 'D is not in the graph');

  const { loss, params } = graph(new Engine(new ReferenceBackend()));
  const nameOf = new Map([...Object.entries(params)].map(([n, p]) => [p, n]));
  const pass = gradientPass(loss);
  assert.deepEqual(pass.leaves.map((t) => nameOf.get(t)).sort(), ['A', 'B', 'C']);
  const yielded: Tensor[] = [];
  const atYield = new Map<string, Float32Array>();
  for (const leaf of pass.run()) {
    yielded.push(leaf);
    // Final at once: equal to what plain backward leaves there at the end.
    atYield.set(nameOf.get(leaf)!, await leaf.grad!.data());
    await new Promise((resolve) => setImmediate(resolve)); // a caller may await between leaves
  }
  assert.deepEqual(yielded, pass.leaves, 'yielded in the announced order, each once');
  // A (used by both terms) is finished only after B: its second use is differentiated first.
  assert.ok(yielded.indexOf(params.A) > yielded.indexOf(params.B));
  for (const [name, g] of expected) {
    assert.deepEqual(atYield.get(name), g, `${name}: final gradient at its yield`);
    assert.deepEqual(await params[name as 'A'].grad!.data(), g, `${name}: unchanged after the pass`);
  }
  assert.equal(params.D.grad, null);
});

test('gradientPass: a caller may take each gradient as it is yielded; later leaves are unaffected; gradients accumulate into existing ones', async () => {
  const plain = graph(new Engine(new ReferenceBackend()));
  backward(plain.loss);
  const b = await plain.params.B.grad!.data();

  const { loss, params } = graph(new Engine(new ReferenceBackend()));
  const taken = new Map<Tensor, Float32Array>();
  for (const leaf of gradientPass(loss).run()) {
    taken.set(leaf, await leaf.grad!.data());
    leaf.grad!.dispose();
    leaf.grad = null;
  }
  assert.deepEqual(taken.get(params.B), b);
  for (const p of [params.A, params.B, params.C]) assert.equal(p.grad, null);

  // Accumulation: a pass adds into the gradients a first backward() left, as a second backward() does.
  const viaBackward = graph(new Engine(new ReferenceBackend()));
  backward(viaBackward.loss);
  backward(graph(viaBackward.loss.engine, viaBackward.params).loss);
  const viaPass = graph(new Engine(new ReferenceBackend()));
  backward(viaPass.loss);
  for (const leaf of gradientPass(graph(viaPass.loss.engine, viaPass.params).loss).run()) void leaf;
  for (const name of ['A', 'B', 'C'] as const) {
    const g = await viaPass.params[name].grad!.data();
    assert.deepEqual(g, await viaBackward.params[name].grad!.data(), name);
    assert.notDeepEqual(g, name === 'B' ? b : g.map(() => 0), `${name}: two passes' worth`);
  }
});

test('gradientPass checks its root like backward()', () => {
  const engine = new Engine(new ReferenceBackend());
  assert.throws(() => gradientPass(engine.zeros([1])), /does not require gradients/);
  assert.throws(() => gradientPass(engine.zeros([2], true)), /not a scalar/);
});
