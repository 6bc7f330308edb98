import test from 'node:test';
import assert from 'node:assert/strict';
import {
  add, attention, dropout, gatherRows, gelu, layerNorm, matmul, mean, mul, reshape, scale, softmax,
  softmaxCrossEntropy, sum, tanh, transpose, type Tensor,
} from '../../src/tensor/index.js';
import { Rng } from '../../src/tensor/rng.js';
import { f64Engine, gradcheck, randomTensor } from './gradcheck.js';

const TOLERANCE = 1e-6;

async function check(name: string, shapes: number[][], f: (xs: Tensor[]) => Tensor, seed = 1): Promise<void> {
  const { engine, backend } = f64Engine();
  const rng = new Rng(seed);
  const inputs = shapes.map((s) => randomTensor(engine, s, rng));
  const worst = await gradcheck(engine, backend, inputs, f);
  assert.ok(worst < TOLERANCE, `${name}: worst relative gradient error ${worst}`);
}

test('matmul backward matches finite differences for every transpose combination', async () => {
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      const a = transA ? [5, 3] : [3, 5];
      const b = transB ? [4, 5] : [5, 4];
      await check(`matmul ${transA} ${transB}`, [a, b], ([x, y]) => matmul(x!, y!, { transA, transB }));
      await check(`batched matmul ${transA} ${transB}`, [[2, ...a], [2, ...b]], ([x, y]) => matmul(x!, y!, { transA, transB }));
    }
  }
});

test('matmul folds leading dimensions against a 2-D weight, with bias', async () => {
  await check('linear', [[2, 3, 7], [4, 7], [4]], ([x, w, b]) => matmul(x!, w!, { transB: true, bias: b! }));
  await check('linear k=1', [[3, 1], [1, 2], [2]], ([x, w, b]) => matmul(x!, w!, { bias: b! }));
});

test('elementwise ops, reductions and views', async () => {
  await check('add', [[3, 4], [3, 4]], ([a, b]) => add(a!, b!));
  await check('add same input twice', [[5]], ([a]) => add(a!, a!));
  await check('mul', [[3, 4], [3, 4]], ([a, b]) => mul(a!, b!));
  await check('mul square', [[6]], ([a]) => mul(a!, a!));
  await check('scale', [[7]], ([a]) => scale(a!, -2.5));
  await check('sum', [[2, 3]], ([a]) => sum(a!));
  await check('mean', [[2, 3]], ([a]) => mean(a!));
  await check('reshape', [[2, 6]], ([a]) => reshape(a!, [3, 4]));
  await check('transpose', [[2, 3, 5]], ([a]) => transpose(a!));
});

test('activations, softmax, layerNorm', async () => {
  await check('gelu', [[4, 9]], ([a]) => gelu(a!));
  await check('tanh', [[13]], ([a]) => tanh(a!));
  await check('softmax', [[3, 7]], ([a]) => softmax(a!));
  await check('layerNorm', [[4, 6], [6], [6]], ([x, g, b]) => layerNorm(x!, g!, b!));
  await check('layerNorm one column', [[3, 1], [1], [1]], ([x, g, b]) => layerNorm(x!, g!, b!, 1e-5));
});

test('dropout backward uses the same mask as forward', async () => {
  await check('dropout', [[50]], ([a]) => dropout(a!, 0.3, 1234));
});

test('fused attention backward, with padding mask and dropout', async () => {
  const mask = Int32Array.from([1, 1, 1, 0, 1, 1, 0, 0]);
  await check('attention', [[2, 4, 6], [2, 4, 6], [2, 4, 6]], ([q, k, v]) => attention(q!, k!, v!, { heads: 2 }));
  await check('attention masked', [[2, 4, 6], [2, 4, 6], [2, 4, 6]], ([q, k, v]) => attention(q!, k!, v!, { heads: 3, mask }));
  await check('attention dropout', [[2, 4, 6], [2, 4, 6], [2, 4, 6]],
    ([q, k, v]) => attention(q!, k!, v!, { heads: 2, mask, dropout: 0.25, seed: 99 }));
  await check('attention, fewer queries than keys', [[2, 3, 6], [2, 4, 6], [2, 4, 6]],
    ([q, k, v]) => attention(q!, k!, v!, { heads: 2, mask, dropout: 0.25, seed: 7 }));
});

test('gatherRows scatters gradients back, summing duplicate indices', async () => {
  await check('gatherRows', [[5, 3]], ([t]) => gatherRows(t!, Int32Array.from([4, 0, 4, 2, 4])));
});

test('softmaxCrossEntropy backward, with ignored rows', async () => {
  await check('cross-entropy', [[5, 7]], ([x]) => softmaxCrossEntropy(x!, Int32Array.from([3, -100, 0, 6, -100])));
});
