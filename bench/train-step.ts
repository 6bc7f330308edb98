// `npm run bench -- train-step [--preset tiny] [--steps N] [--threads T] [--backend wasm|reference] [--dropout P]
// [--json]`: tokens/s of one full pretraining step (forward, backward, clipping, AdamW) at the issue's BERT-tiny
// setting (vocab 8000, 4 layers, hidden 256, 4 heads, FFN 1024, sequence 128, batch 16, MLM on 15% of positions,
// the preset's dropout 0.1 unless --dropout says otherwise),
// median over the measured steps after warm-up, and the process's peak RSS.
import { parseArgs } from 'node:util';
import { isPresetName, presetConfig } from '../src/model/index.js';
import { createBackend, isBackendName } from '../src/tensor/backends/index.js';
import { Engine } from '../src/tensor/index.js';
import { syntheticStep } from './synthetic-step.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    preset: { type: 'string', default: 'tiny' }, steps: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' },
    batch: { type: 'string', default: '16' }, seq: { type: 'string', default: '128' }, threads: { type: 'string' },
    backend: { type: 'string', default: 'wasm' }, dropout: { type: 'string' }, json: { type: 'boolean', default: false },
  } });
  const preset = values.preset!;
  const backendName = values.backend!;
  if (!isPresetName(preset)) throw new Error(`unknown preset ${preset}`);
  if (!isBackendName(backendName)) throw new Error(`unknown backend ${backendName}`);
  const batch = Number(values.batch), seq = Number(values.seq), steps = Number(values.steps), warmup = Number(values.warmup);
  // --dropout P sets the hidden and attention dropout (default: the preset's, 0.1)
  const rate = values.dropout === undefined ? undefined : Number(values.dropout);
  if (rate !== undefined && !(rate >= 0 && rate < 1)) throw new Error(`train-step: --dropout must be in [0, 1), got '${values.dropout}'`);
  const dropout = rate === undefined ? {} : { hidden_dropout_prob: rate, attention_probs_dropout_prob: rate };
  const config = presetConfig(preset, { ...(preset === 'tiny' ? { vocab_size: 8000 } : {}), ...dropout });
  const backend = await createBackend(backendName, values.threads === undefined ? {} : { threads: Number(values.threads) });
  const engine = new Engine(backend);
  const step = syntheticStep(engine, config, batch, seq);
  const times: number[] = [];
  // process CPU time per step (all threads): on a machine shared with other jobs it moves much less than wall time
  const cpuTimes: number[] = [];
  for (let s = 0; s < warmup + steps; s++) {
    const b = step.nextBatch();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await step.run(b);
    if (s >= warmup) {
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const cpuMedian = cpuTimes[Math.floor(cpuTimes.length / 2)]!;
  const result = {
    preset, backend: backend.name, batch, seq, tokens_per_step: batch * seq, dropout: config.hidden_dropout_prob,
    step_ms: Math.round(median * 10) / 10, step_cpu_ms: Math.round(cpuMedian * 10) / 10,
    tokens_per_cpu_s: Math.round((batch * seq) / (cpuMedian / 1000)), tokens_per_s: Math.round((batch * seq) / (median / 1000)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), parameters: step.model.parameterCount(),
  };
  step.dispose();
  backend.dispose();
  if (values.json === true) process.stdout.write(JSON.stringify({ 'train-step': result }) + '\n');
  else process.stdout.write(`train-step ${preset} on ${result.backend}: ${result.tokens_per_s} tokens/s (${result.step_ms} ms per step of ${batch}×${seq}, ${result.step_cpu_ms} ms CPU), peak RSS ${result.peak_rss_mb} MB\n`);
}
