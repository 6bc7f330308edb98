// The WGSL the backend generates, checked as text (no GPU needed): with subgroups, kernels that reduce get the
// subgroup reducers and the builtins their entry point needs; the others compile exactly as without.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ATTENTION_FORWARD } from '../../src/tensor/backends/webgpu/kernels/attention.js';
import { GATHER_ROWS } from '../../src/tensor/backends/webgpu/kernels/gather.js';
import { kernelCode, usesReducers } from '../../src/tensor/backends/webgpu/kernels/kernel.js';
import { CROSS_ENTROPY_FINAL, LAYER_NORM_FORWARD } from '../../src/tensor/backends/webgpu/kernels/rows.js';

test('subgroup reductions replace the workgroup tree only in kernels that reduce', () => {
  for (const k of [LAYER_NORM_FORWARD, CROSS_ENTROPY_FINAL, ATTENTION_FORWARD]) {
    assert.ok(usesReducers(k), k.label);
    const plain = kernelCode(k), sub = kernelCode(k, true);
    assert.ok(/red\[li \+ \d+u\]/.test(plain) && !plain.includes('enable subgroups') && !plain.includes('@builtin(subgroup'), `${k.label}: tree reduction without subgroups`);
    assert.ok(sub.startsWith('enable subgroups;\n'), k.label);
    assert.ok(!/red\[li \+ \d+u\]/.test(sub), `${k.label}: no tree left`);
    assert.equal(sub.match(/@builtin\(subgroup_id\)/g)?.length, 1, `${k.label}: the builtins once, on main`);
    assert.match(sub, /fn main\(@builtin\(subgroup_id\) sgIdIn: u32, [^{]*\{\n {2}sgId = sgIdIn;/);
    for (const fn of k === CROSS_ENTROPY_FINAL ? ['reduceSum'] : ['reduceSum', 'reduceMax']) {
      assert.match(sub, new RegExp(`fn ${fn}\\(li: u32\\) -> f32 \\{\\n  workgroupBarrier\\(\\);\\n  let part = subgroup${fn === 'reduceSum' ? 'Add' : 'Max'}`));
    }
  }
  assert.ok(!usesReducers(GATHER_ROWS));
  assert.equal(kernelCode(GATHER_ROWS, true), kernelCode(GATHER_ROWS));
});
