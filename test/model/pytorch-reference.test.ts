import test from 'node:test';
import { ReferenceBackend } from '../../src/tensor/index.js';
import { checkAgainstPytorch } from './pytorch-check.js';

test('BERT logits, losses, gradients and AdamW steps match PyTorch (reference backend)', async () => {
  await checkAgainstPytorch(new ReferenceBackend());
});
