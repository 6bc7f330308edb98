import test from 'node:test';
import { createWasmBackend } from '../../src/tensor/backends/wasm/index.js';
import { checkAgainstPytorch } from './pytorch-check.js';

test('BERT logits, losses, gradients and AdamW steps match PyTorch (wasm backend, 2 threads)', async () => {
  const backend = await createWasmBackend({ threads: 2 });
  try {
    await checkAgainstPytorch(backend);
  } finally {
    backend.dispose();
  }
});
