// `npm run bench -- train-step [--preset tiny] [--steps N] [--threads T] [--backend wasm|reference] [--json]`:
// tokens/s of one full pretraining step (forward, backward, AdamW) at the BERT-tiny setting
// (vocab 8000, 4 layers, hidden 256, 4 heads, FFN 1024, sequence 128, batch 16, MLM on 15% of positions),
// median over the measured steps after warm-up, and the process's peak RSS.
import { parseArgs } from 'node:util';
import { collate } from '../src/data/collate.js';
import { maskSequence } from '../src/data/masking.js';
import { BertForPretraining, isPresetName, presetConfig } from '../src/model/index.js';
import { createBackend, isBackendName } from '../src/tensor/backends/index.js';
import { Engine, Rng, backward } from '../src/tensor/index.js';
import { AdamW } from '../src/train/adamw.js';
import { optimizerStep } from '../src/train/step.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    preset: { type: 'string', default: 'tiny' }, steps: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' },
    batch: { type: 'string', default: '16' }, seq: { type: 'string', default: '128' }, threads: { type: 'string' },
    backend: { type: 'string', default: 'wasm' }, json: { type: 'boolean', default: false },
  } });
  const preset = values.preset!;
  const backendName = values.backend!;
  if (!isPresetName(preset)) throw new Error(`unknown preset ${preset}`);
  if (!isBackendName(backendName)) throw new Error(`unknown backend ${backendName}`);
  const batch = Number(values.batch), seq = Number(values.seq), steps = Number(values.steps), warmup = Number(values.warmup);
  const config = presetConfig(preset, preset === 'tiny' ? { vocab_size: 8000 } : {});
  const backend = await createBackend(backendName, values.threads === undefined ? {} : { threads: Number(values.threads) });
  const engine = new Engine(backend);
  const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
  const optimizer = new AdamW(engine, model.namedParameters(), { lr: 1e-4 });
  const rng = new Rng(3);
  const masking = { rate: 0.15, entityShare: 0, maskId: config.mask_token_id, vocabSize: config.vocab_size, specialIds: new Set([0, 1, 2, 3, 4]) };
  const times: number[] = [];
  // process CPU time per step (all threads): on a machine shared with other jobs it moves much less than wall time
  const cpuTimes: number[] = [];
  for (let s = 0; s < warmup + steps; s++) {
    const items = Array.from({ length: batch }, () => {
      const ids = Int32Array.from({ length: seq }, (_, i) => (i === 0 ? config.cls_token_id : i === seq - 1 ? config.sep_token_id : 5 + rng.int(config.vocab_size - 5)));
      return maskSequence({ ids, entities: [] }, masking, rng);
    });
    const b = collate(items, config.pad_token_id);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await engine.tidyAsync(async () => {
      const out = model.forward(b);
      backward(out.loss);
      return out.loss.item();
    });
    await optimizerStep(engine, model, optimizer, { lr: 1e-4, clip: 1 });
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
    preset, backend: backend.name, batch, seq, tokens_per_step: batch * seq,
    step_ms: Math.round(median * 10) / 10, step_cpu_ms: Math.round(cpuMedian * 10) / 10,
    tokens_per_cpu_s: Math.round((batch * seq) / (cpuMedian / 1000)), tokens_per_s: Math.round((batch * seq) / (median / 1000)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), parameters: model.parameterCount(),
  };
  model.dispose();
  optimizer.dispose();
  backend.dispose();
  if (values.json === true) process.stdout.write(JSON.stringify({ 'train-step': result }) + '\n');
  else process.stdout.write(`train-step ${preset} on ${result.backend}: ${result.tokens_per_s} tokens/s (${result.step_ms} ms per step of ${batch}×${seq}, ${result.step_cpu_ms} ms CPU), peak RSS ${result.peak_rss_mb} MB\n`);
}
