// The BERT model on the WebGPU backend: logits, losses, every gradient and five AdamW steps against the
// committed PyTorch fixtures (the same check the reference backend passes), and createBackend('webgpu').
// Skips when Dawn finds no adapter.
import assert from 'node:assert/strict';
import test from 'node:test';
import { createBackend } from '../../src/tensor/backends/index.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';
import { checkAgainstPytorch } from '../model/pytorch-check.js';

const created = await tryCreateWebGpuBackend();
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

test('BERT logits, losses, gradients and AdamW steps match PyTorch (webgpu backend)', { skip }, async () => {
  await checkAgainstPytorch(gpu!);
  await gpu!.sync();
});

test("createBackend('webgpu') gives the webgpu backend", { skip }, async () => {
  const be = await createBackend('webgpu');
  try {
    assert.equal(be.name, 'webgpu');
    const a = be.alloc(2);
    be.write(a, [1.5, -2]);
    assert.deepEqual(Array.from(await be.read(a)), [1.5, -2]);
  } finally {
    be.dispose();
  }
});
