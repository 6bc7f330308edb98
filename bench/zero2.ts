// `npm run bench -- zero2 [--json]`: ZeRO-2 accounting and traffic. For N = 1, 2, 4 ranks (in this process,
// a TCP ring on loopback, the tiny preset), the model-state bytes each rank holds on its backend after a step
// (parameters, gradients, and its optimizer shard) against ZeRO-2's fp32 accounting 4Ψ + 4Ψ/N + 8Ψ/N (+ our
// fp32 master shard 4Ψ/N), and the bytes each rank sent per step against the ring optimum 2(N−1)/N × 4Ψ.
// Then tokens/s of `medbert pretrain --workers 1` and `--workers 2` (separate processes) on synthetic data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SyntheticSource } from '../src/data/synthetic.js';
import { ringDistributed } from '../src/dist/distributed.js';
import { freePort } from '../src/dist/free-port.js';
import { TcpRing } from '../src/dist/tcp-link.js';
import { countParameters, presetConfig } from '../src/model/index.js';
import { ReferenceBackend } from '../src/tensor/backends/reference/index.js';
import { Engine } from '../src/tensor/index.js';
import { PAPER_RECIPE, pretrain } from '../src/train/pretrain.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, steps: { type: 'string', default: '6' } } });
  const config = presetConfig('tiny', { num_entity_concepts: 16 });
  const psi = countParameters(config).total;
  const memory: Record<string, number>[] = [];
  for (const world of [1, 2, 4]) {
    const port = await freePort();
    const links = await Promise.all(Array.from({ length: world }, (_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort: port, timeoutMs: 600_000 })));
    const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-'));
    const held: number[] = new Array<number>(world).fill(0), sent: number[] = new Array<number>(world).fill(0);
    await Promise.all(links.map(async (link, rank) => {
      const backend = new ReferenceBackend();
      await pretrain({
        engine: new Engine(backend), config, outDir: join(dir, String(rank)), resume: false,
        source: new SyntheticSource({ vocabSize: config.vocab_size, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 32, concepts: 16, seed: 1 }),
        options: { ...PAPER_RECIPE, steps: 2, microBatch: 1, accumulation: 1, lr: 1e-4, warmup: 1, checkpointEvery: 0 },
        ...(world === 1 ? {} : { distributed: ringDistributed(link) }),
        // After the update the gradients are freed; what stays is parameters + the optimizer state.
        onStep: (m) => { held[rank] = backend.allocatedBytes(); sent[rank] = m.bytes_sent ?? 0; },
      });
    }));
    for (const l of links) l.close();
    rmSync(dir, { recursive: true, force: true });
    memory.push({
      ranks: world, parameters: psi, bytes_held_per_rank: Math.max(...held),
      zero2_fp32_accounting: Math.round(4 * psi + 4 * psi / world + 8 * psi / world),
      params_plus_optimizer_shard: Math.round(4 * psi + 16 * psi / world),
      bytes_sent_per_rank_per_step: Math.max(...sent), ring_optimum: Math.round((2 * (world - 1) / world) * 4 * psi),
    });
  }
  const throughput: Record<string, number>[] = [];
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-run-'));
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', dir,
      '--steps', values.steps!, '--micro-batch', '16', '--accumulation', String(2 / workers), '--workers', String(workers),
      '--checkpoint-every', '0', '--json'], { encoding: 'utf8', env: { ...process.env, MEDBERT_THREADS: String(2 / workers) } });
    rmSync(dir, { recursive: true, force: true });
    const last = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { tokens_per_s?: number };
    throughput.push({ workers, global_batch: 32, tokens_per_s: Math.round(last.tokens_per_s ?? NaN) });
  }
  if (values.json === true) process.stdout.write(JSON.stringify({ zero2: { memory, throughput } }) + '\n');
  else {
    for (const m of memory) process.stdout.write(`${JSON.stringify(m)}\n`);
    for (const t of throughput) process.stdout.write(`${JSON.stringify(t)}\n`);
  }
}
