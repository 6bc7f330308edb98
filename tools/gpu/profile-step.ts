// GPU time per kernel of a pretraining step on the WebGPU backend, for a GPU machine:
//   node dist/tools/gpu/profile-step.js [--preset base] [--batch 16] [--seq 128] [--steps 3] [--top 25]
// Times every dispatch with timestamp queries (the adapter must offer 'timestamp-query'), over the steps after
// one warm-up step, and prints the kernels by GPU time per step with their share; last line: one JSON object.
// Each dispatch gets its own compute pass while profiling, so the sum is a little above the unprofiled step.
import { parseArgs } from 'node:util';
import { syntheticStep } from '../../bench/synthetic-step.js';
import { isPresetName, presetConfig } from '../../src/model/index.js';
import { createWebGpuBackend, type KernelTime } from '../../src/tensor/backends/webgpu/index.js';
import { Engine } from '../../src/tensor/index.js';

const { values } = parseArgs({ options: {
  preset: { type: 'string', default: 'base' }, batch: { type: 'string', default: '16' }, seq: { type: 'string', default: '128' },
  steps: { type: 'string', default: '3' }, top: { type: 'string', default: '25' },
} });
const preset = values.preset!;
if (!isPresetName(preset)) throw new Error(`unknown preset ${preset}`);
const batch = Number(values.batch), seq = Number(values.seq), steps = Number(values.steps);
const config = presetConfig(preset, preset === 'tiny' ? { vocab_size: 8000 } : {});
const backend = await createWebGpuBackend({ profile: true });
const engine = new Engine(backend);
const synthetic = syntheticStep(engine, config, batch, seq);

async function step(): Promise<void> {
  await synthetic.run(synthetic.nextBatch());
  await backend.sync();
}

await step();
const before = new Map(((await backend.kernelProfile()) ?? []).map((k) => [k.label, k]));
const t0 = performance.now();
for (let s = 0; s < steps; s++) await step();
const wallMs = (performance.now() - t0) / steps;
const perStep: KernelTime[] = ((await backend.kernelProfile()) ?? []).map((k) => ({
  label: k.label, dispatches: (k.dispatches - (before.get(k.label)?.dispatches ?? 0)) / steps,
  ms: (k.ms - (before.get(k.label)?.ms ?? 0)) / steps,
})).filter((k) => k.dispatches > 0).sort((a, b) => b.ms - a.ms);
const gpuMs = perStep.reduce((s, k) => s + k.ms, 0);
console.log(`${preset}, batch ${batch} × ${seq} on ${backend.info.adapter}: ${wallMs.toFixed(1)} ms per step (profiled), `
  + `${gpuMs.toFixed(1)} ms of kernel time in ${perStep.reduce((s, k) => s + k.dispatches, 0)} dispatches`);
for (const k of perStep.slice(0, Number(values.top))) {
  console.log(`${k.label.padEnd(28)} ${k.ms.toFixed(2).padStart(9)} ms ${(100 * k.ms / gpuMs).toFixed(1).padStart(5)}%  ${k.dispatches} dispatches`);
}
console.log(JSON.stringify({ 'profile-step': { preset, batch, seq, adapter: backend.info.adapter, wall_ms: wallMs, kernel_ms: gpuMs,
  kernels: perStep.map((k) => ({ ...k, ms: Math.round(k.ms * 1000) / 1000 })) } }));
synthetic.dispose();
backend.dispose();
