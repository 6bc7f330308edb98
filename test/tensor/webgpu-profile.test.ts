// The kernel profile's bookkeeping (timestamp pairs → GPU time per kernel label), on a stand-in device that
// hands back chosen timestamps: real timestamp queries need a GPU adapter offering 'timestamp-query'
// (llvmpipe does not; tools/gpu/profile-step.ts runs it on a real GPU).
import assert from 'node:assert/strict';
import test from 'node:test';
import type { GpuBuffer, GpuCommandEncoder, GpuDevice } from '../../src/tensor/backends/webgpu/gpu-types.js';
import { KernelProfile } from '../../src/tensor/backends/webgpu/kernel-profile.js';

/** A device whose read-back buffers hold `timestamps[batch]` (ns) and that records what the encoder was asked. */
function standIn(timestamps: bigint[][]): { device: GpuDevice; encoder: GpuCommandEncoder; resolves: number[][] } {
  let batch = 0;
  const resolves: number[][] = [];
  const buffer = (size: number): GpuBuffer => {
    const data = BigUint64Array.from(timestamps[batch] ?? []);
    return { size, mapAsync: async () => {}, getMappedRange: () => data.buffer, unmap: () => {}, destroy: () => {} };
  };
  const device = { createQuerySet: () => ({ destroy: () => {} }), createBuffer: (d: { size: number }) => buffer(d.size) } as unknown as GpuDevice;
  const encoder = {
    resolveQuerySet: (_q: unknown, first: number, count: number) => { resolves.push([first, count]); },
    copyBufferToBuffer: () => { batch++; },
  } as unknown as GpuCommandEncoder;
  return { device, encoder, resolves };
}

test('kernel profile: each dispatch gets its own timestamp pair; times add up per label across batches', async () => {
  const { device, encoder, resolves } = standIn([[100n, 250n, 300n, 1300n, 1300n, 1350n], [0n, 2000n]]);
  const profile = new KernelProfile(device, 4);
  const first = profile.pass('gemm').timestampWrites!, second = profile.pass('softmax').timestampWrites!;
  assert.deepEqual([first.beginningOfPassWriteIndex, first.endOfPassWriteIndex, second.beginningOfPassWriteIndex], [0, 1, 2]);
  const third = profile.pass('gemm').timestampWrites!;
  assert.deepEqual([third.beginningOfPassWriteIndex, third.endOfPassWriteIndex], [4, 5]);
  profile.afterSubmit(profile.resolve(encoder));
  profile.pass('softmax');
  profile.afterSubmit(profile.resolve(encoder));
  assert.equal(profile.resolve(encoder), null, 'nothing to resolve for an empty batch');
  assert.deepEqual(resolves, [[0, 6], [0, 2]]);
  assert.deepEqual(await profile.report(), [
    { label: 'softmax', dispatches: 2, ms: (1000 + 2000) / 1e6 },
    { label: 'gemm', dispatches: 2, ms: (150 + 50) / 1e6 },
  ]);
  assert.throws(() => { for (let i = 0; i < 5; i++) profile.pass('x'); }, /more than 4 dispatches/);
});
