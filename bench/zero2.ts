// `npm run bench -- zero2 [--json] [--rounds R] [--iterations K] [--steps S] [--worlds 2,4] [--only memory,buckets,collectives,slots,throughput,bucket-throughput]`:
// ZeRO-2 accounting, collective time per transport, and throughput.
//
// memory: for N = 1, 2, 4 ranks (in this process, a TCP ring on loopback, the tiny preset, reference backend),
//   the model-state bytes each rank holds after a step against ZeRO-2's fp32 accounting 4Ψ + 4Ψ/N + 8Ψ/N (+ our
//   fp32 master shard 4Ψ/N), and the bytes each rank sent per step against the ring optimum 2(N−1)/N × 4Ψ.
// buckets: the same with and without gradient buckets (N = 2, 4; no buckets, the default, 4 MiB and 1 MiB): the
//   engine's peak allocated bytes over a step (tracked at every allocation) and the host gradient peak.
// collectives: one step's collectives (reduce-scatter + all-gather of the tiny preset's Ψ fp32 gradients) with
//   ranks as worker threads of this process, over the shared-memory ring and over the TCP ring (loopback), for
//   N = 2 and 4, and for N = 4 over the mixed ring of 2 nodes × 2 ranks (two groups of threads, each with its
//   own shared-memory buffer, TCP on loopback between them: MixedRing). Each timed call starts after a barrier;
//   its time is the slowest rank's; CPU is the whole process's (every rank thread). The transports are
//   interleaved (round 1: shm, tcp, mixed; round 2: ...) so that a change in the machine's load hits all.
// bucket-throughput: tokens/s of 2 ranks as threads over shm without buckets and with 4 MiB and 1 MiB buckets,
//   against 1 rank (in this process, the wasm backend, the settings of `throughput`).
// throughput: tokens/s of `medbert pretrain --workers 1` and `--workers 2` over shm and tcp (the CLI, so the
//   same launchers users get), interleaved in rounds; the median of steps 2..S of each run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { SyntheticSource } from '../src/data/synthetic.js';
import { allGather, allReduceSmall, reduceScatter, type RingLink } from '../src/dist/collectives.js';
import { ringDistributed } from '../src/dist/distributed.js';
import type { Zero2AdamW } from '../src/dist/zero2.js';
import { DEFAULT_BUCKET_BYTES } from '../src/dist/zero2-buckets.js';
import { freePort } from '../src/dist/free-port.js';
import { MixedRing } from '../src/dist/mixed-ring.js';
import { DEFAULT_SLOT_BYTES, ShmRing } from '../src/dist/shm-ring.js';
import { TcpRing } from '../src/dist/tcp-link.js';
import { countParameters, presetConfig } from '../src/model/index.js';
import { createBackend } from '../src/tensor/backends/index.js';
import { ReferenceBackend } from '../src/tensor/backends/reference/index.js';
import { Engine } from '../src/tensor/index.js';
import { PAPER_RECIPE, pretrain, type Distributed } from '../src/train/pretrain.js';

/** mixed: 2 nodes × N/2 ranks, shared memory inside a node and TCP between (MixedRing). */
type Transport = 'shm' | 'tcp' | 'mixed';

/** What a collective-timing rank thread gets (this file is also its entry). */
interface TimingRank {
  readonly zero2TimingRank: true;
  readonly transport: Transport;
  readonly rank: number;
  readonly world: number;
  readonly values: number;
  readonly iterations: number;
  readonly ring?: SharedArrayBuffer;
  readonly slotBytes?: number;
  readonly masterPort?: number;
}

interface TimingResult {
  /** Seconds of each timed reduce-scatter + all-gather on this rank. */
  readonly seconds: number[];
  readonly bytesSent: number;
  /** Of bytesSent (one call), the bytes that went over TCP. */
  readonly tcpBytesSent: number;
  /** CPU seconds of the whole process (every rank thread) over the timed calls, user + system. */
  readonly cpuSeconds: number;
}

async function timingRank(d: TimingRank): Promise<TimingResult> {
  const link: RingLink & { close(): void } = d.transport === 'shm' ? new ShmRing(d.ring!, d.rank, 60_000)
    : d.transport === 'mixed' ? await MixedRing.join({ rank: d.rank, world: d.world, masterAddr: '127.0.0.1', masterPort: d.masterPort!, timeoutMs: 60_000, shared: d.ring! })
      : await TcpRing.join({ rank: d.rank, world: d.world, masterAddr: '127.0.0.1', masterPort: d.masterPort!, timeoutMs: 60_000 });
  const tcpBytes = (): number => link instanceof MixedRing ? link.tcpBytesSent : link instanceof TcpRing ? link.bytesSent : 0;
  let tcpBytesSent = 0;
  const gradients = Float32Array.from({ length: d.values }, (_, i) => ((i * 7919 + d.rank) % 1000) / 1000);
  const seconds: number[] = [];
  let bytesSent = 0;
  let cpu = process.cpuUsage();
  try {
    for (let i = 0; i <= d.iterations; i++) {
      const data = gradients.slice();
      await allReduceSmall(link, Float64Array.of(0)); // barrier: every rank starts together
      if (i === 1) cpu = process.cpuUsage();
      const t0 = performance.now();
      const tcpBefore = tcpBytes();
      const sent = (await reduceScatter(link, data)) + (await allGather(link, data));
      if (i > 0) seconds.push((performance.now() - t0) / 1000); // the first call warms up
      bytesSent = sent;
      tcpBytesSent = tcpBytes() - tcpBefore;
    }
    await allReduceSmall(link, Float64Array.of(0));
    cpu = process.cpuUsage(cpu);
  } finally {
    link.close();
  }
  return { seconds, bytesSent, tcpBytesSent, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (!isMainThread && (workerData as Partial<TimingRank> | null)?.zero2TimingRank === true) {
  parentPort!.postMessage(await timingRank(workerData as TimingRank));
}

/** What a training rank thread of the buckets throughput run gets. */
interface TrainRank {
  readonly zero2TrainRank: true;
  readonly rank: number;
  readonly world: number;
  readonly ring: SharedArrayBuffer | null;
  readonly threads: number;
  readonly accumulation: number;
  readonly bucketBytes: number;
  readonly steps: number;
}

/** Trains like `medbert pretrain --data synthetic --micro-batch 16` (wasm backend); returns rank 0's tokens/s per step. */
async function trainRank(d: TrainRank): Promise<number[]> {
  const config = presetConfig('tiny', { num_entity_concepts: 16 });
  const engine = new Engine(await createBackend('wasm', { threads: d.threads }));
  const link = d.ring === null ? null : new ShmRing(d.ring, d.rank, 600_000);
  const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-train-'));
  const rates: number[] = [];
  try {
    await pretrain({
      engine, config, outDir: dir, resume: false,
      source: new SyntheticSource({ vocabSize: config.vocab_size, firstRegularId: 5, clsId: config.cls_token_id, sepId: config.sep_token_id, seqLen: 128, concepts: 16, seed: 42 }),
      options: { ...PAPER_RECIPE, steps: d.steps, microBatch: 16, accumulation: d.accumulation, checkpointEvery: 0 },
      ...(link === null ? {} : { distributed: ringDistributed(link, { bucketBytes: d.bucketBytes }) }),
      onStep: (m) => rates.push(m.tokens_per_s),
    });
  } finally {
    link?.close();
    engine.backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return rates;
}

if (!isMainThread && (workerData as Partial<TrainRank> | null)?.zero2TrainRank === true) {
  parentPort!.postMessage(await trainRank(workerData as TrainRank));
}

/** One run of `iterations` timed collectives: per call the slowest rank's seconds, and the bytes a rank sent. */
async function timeCollectives(transport: Transport, world: number, values: number, iterations: number, slotBytes = DEFAULT_SLOT_BYTES):
  Promise<{ seconds: number[]; bytesSent: number; tcpBytesSent: number[]; cpuSeconds: number }> {
  // mixed: two nodes, each with its own buffer for its world/2 ranks
  const perNode = transport === 'mixed' ? world / 2 : world;
  const rings = transport === 'tcp' ? [] : Array.from({ length: world / perNode }, (_, k) => ShmRing.create(perNode, slotBytes, k * perNode));
  const masterPort = transport !== 'shm' ? await freePort() : undefined;
  const results = await Promise.all(Array.from({ length: world }, (_, rank) => new Promise<TimingResult>((resolve, reject) => {
    const ring = rings[Math.floor(rank / perNode)];
    const data: TimingRank = { zero2TimingRank: true, transport, rank, world, values, iterations,
      ...(ring === undefined ? {} : { ring }), ...(masterPort === undefined ? {} : { masterPort }) };
    const w = new Worker(new URL(import.meta.url), { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const seconds = results[0]!.seconds.map((_, i) => Math.max(...results.map((r) => r.seconds[i]!)));
  // Rank 0's reading covers the whole process: every rank's work between the same two barriers.
  return { seconds, bytesSent: Math.max(...results.map((r) => r.bytesSent)), tcpBytesSent: results.map((r) => r.tcpBytesSent), cpuSeconds: results[0]!.cpuSeconds };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function memoryTable(): Promise<Record<string, number>[]> {
  const config = presetConfig('tiny', { num_entity_concepts: 16 });
  const psi = countParameters(config).total;
  const memory: Record<string, number>[] = [];
  for (const world of [1, 2, 4]) {
    const port = await freePort();
    const links = await Promise.all(Array.from({ length: world }, (_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort: port, timeoutMs: 600_000 })));
    const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-'));
    const held: number[] = new Array<number>(world).fill(0), sent: number[] = new Array<number>(world).fill(0);
    const beforeUpdate: number[] = new Array<number>(world).fill(0);
    await Promise.all(links.map(async (link, rank) => {
      const backend = new ReferenceBackend();
      const ring = ringDistributed(link, { bucketBytes: 0 }); // the whole-gradient path (buckets: bucketsTable)
      // What a rank holds when backward is over and the update begins (activations freed, full gradients not).
      const probed: Distributed = { ...ring, rank: ring.rank, world: ring.world, allReduce: ring.allReduce, updater: (engine, params, wd) => {
        const updater = ring.updater(engine, params, wd);
        const update = updater.update;
        updater.update = (lr, clip) => { beforeUpdate[rank] = backend.allocatedBytes(); return update(lr, clip); };
        return updater;
      } };
      await pretrain({
        engine: new Engine(backend), config, outDir: join(dir, String(rank)), resume: false,
        source: new SyntheticSource({ vocabSize: config.vocab_size, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 32, concepts: 16, seed: 1 }),
        options: { ...PAPER_RECIPE, steps: 2, microBatch: 1, accumulation: 1, lr: 1e-4, warmup: 1, checkpointEvery: 0 },
        ...(world === 1 ? {} : { distributed: probed }),
        // After the update the gradients are freed; what stays is parameters + the optimizer state.
        onStep: (m) => { held[rank] = backend.allocatedBytes(); sent[rank] = m.bytes_sent ?? 0; },
      });
    }));
    for (const l of links) l.close();
    rmSync(dir, { recursive: true, force: true });
    memory.push({
      ranks: world, parameters: psi, bytes_held_per_rank: Math.max(...held),
      // N = 1 trains without ZeRO (plain AdamW): no probe there.
      held_when_update_begins: world === 1 ? NaN : Math.max(...beforeUpdate),
      transient_host_vector: world === 1 ? 0 : 4 * psi,
      zero2_fp32_accounting: Math.round(4 * psi + 4 * psi / world + 8 * psi / world),
      params_plus_optimizer_shard: Math.round(4 * psi + 16 * psi / world),
      bytes_sent_per_rank_per_step: Math.max(...sent), ring_optimum: Math.round((2 * (world - 1) / world) * 4 * psi),
    });
  }
  return memory;
}

/**
 * What a rank holds with and without gradient buckets: ranks in this process on a TCP ring, reference backend,
 * accumulation 1 (and 2 for one row), the engine's allocated bytes tracked at every allocation (its peak over
 * step 2) and the optimizer's host gradient peak.
 */
async function bucketsTable(): Promise<Record<string, number | string>[]> {
  const config = presetConfig('tiny', { num_entity_concepts: 16 });
  const psi = countParameters(config).total;
  const rows: Record<string, number | string>[] = [];
  const cases: { world: number; bucketBytes: number; accumulation: number }[] = [];
  for (const world of [2, 4]) {
    for (const bucketBytes of [0, DEFAULT_BUCKET_BYTES, 4 << 20, 1 << 20]) cases.push({ world, bucketBytes, accumulation: 1 });
  }
  cases.push({ world: 2, bucketBytes: 0, accumulation: 2 }, { world: 2, bucketBytes: 1 << 20, accumulation: 2 });
  for (const { world, bucketBytes, accumulation } of cases) {
    const port = await freePort();
    const links = await Promise.all(Array.from({ length: world }, (_, rank) => TcpRing.join({ rank, world, masterAddr: '127.0.0.1', masterPort: port, timeoutMs: 600_000 })));
    const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-buckets-'));
    const peaks: number[] = [], held: number[] = [], host: number[] = [];
    let count = 0;
    await Promise.all(links.map(async (link, rank) => {
      const backend = new ReferenceBackend();
      let peak = 0;
      const alloc = backend.alloc.bind(backend);
      backend.alloc = (n) => {
        const b = alloc(n);
        peak = Math.max(peak, backend.allocatedBytes());
        return b;
      };
      let optimizer: Zero2AdamW | null = null;
      await pretrain({
        engine: new Engine(backend), config, outDir: join(dir, String(rank)), resume: false,
        source: new SyntheticSource({ vocabSize: config.vocab_size, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 32, concepts: 16, seed: 1 }),
        options: { ...PAPER_RECIPE, steps: 2, microBatch: 1, accumulation, lr: 1e-4, warmup: 1, checkpointEvery: 0 },
        distributed: ringDistributed(link, { bucketBytes, observe: (z) => { optimizer = z; } }),
        onStep: (m) => {
          held[rank] = backend.allocatedBytes();
          if (m.step === 1) peak = held[rank]!; // step 2's peak from here
          else peaks[rank] = peak;
        },
      });
      const z = optimizer as Zero2AdamW | null;
      host[rank] = z?.hostGradientPeakBytes ?? NaN;
      count = z?.bucketCount ?? NaN;
    }));
    for (const l of links) l.close();
    rmSync(dir, { recursive: true, force: true });
    rows.push({
      ranks: world, accumulation, bucket_bytes: bucketBytes === 0 ? 'none' : bucketBytes, buckets: count,
      held_after_step: Math.max(...held), peak_engine_bytes_step2: Math.max(...peaks),
      peak_minus_held: Math.max(...peaks) - Math.max(...held), host_gradient_peak_bytes: Math.max(...host), gradient_bytes: 4 * psi,
    });
  }
  return rows;
}

async function collectivesTable(rounds: number, iterations: number, worlds: number[]): Promise<Record<string, number | string>[]> {
  const psi = countParameters(presetConfig('tiny', { num_entity_concepts: 16 })).total;
  const rows: Record<string, number | string>[] = [];
  for (const world of worlds) {
    const transports: Transport[] = world >= 4 && world % 2 === 0 ? ['shm', 'tcp', 'mixed'] : ['shm', 'tcp'];
    const per = new Map(transports.map((t) => [t, { seconds: [] as number[], bytesSent: 0, tcpBytesSent: [] as number[], cpu: 0 }]));
    for (let round = 0; round < rounds; round++) {
      for (const transport of transports) {
        const r = await timeCollectives(transport, world, psi, iterations);
        const p = per.get(transport)!;
        p.seconds.push(...r.seconds);
        p.bytesSent = r.bytesSent;
        p.tcpBytesSent = r.tcpBytesSent;
        p.cpu += r.cpuSeconds;
      }
    }
    for (const transport of transports) {
      const p = per.get(transport)!, s = p.seconds;
      rows.push({
        transport: transport === 'mixed' ? `mixed (2 nodes × ${world / 2})` : transport, ranks: world, gradient_bytes: 4 * psi, calls: s.length,
        median_ms: +(1000 * median(s)).toFixed(1), min_ms: +(1000 * Math.min(...s)).toFixed(1), max_ms: +(1000 * Math.max(...s)).toFixed(1),
        bytes_sent_per_rank: p.bytesSent, ring_optimum: Math.round((2 * (world - 1) / world) * 4 * psi),
        // per call, all ranks together, and the most one rank sent over TCP
        tcp_bytes_all_ranks: p.tcpBytesSent.reduce((a, b) => a + b, 0), tcp_bytes_max_rank: Math.max(...p.tcpBytesSent),
        gb_per_s_per_rank: +(p.bytesSent / median(s) / 1e9).toFixed(2),
        cpu_ms_per_call_all_ranks: +(1000 * p.cpu / s.length).toFixed(1),
      });
    }
  }
  return rows;
}

/** The shared-memory ring's slot size against collective time (interleaved rounds), N = 2. */
async function slotsTable(rounds: number, iterations: number, sizes: number[]): Promise<Record<string, number>[]> {
  const psi = countParameters(presetConfig('tiny', { num_entity_concepts: 16 })).total;
  const samples = sizes.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, size] of sizes.entries()) samples[i]!.push(...(await timeCollectives('shm', 2, psi, iterations, size)).seconds);
  }
  return sizes.map((size, i) => ({ slot_bytes: size, ranks: 2, calls: samples[i]!.length, median_ms: +(1000 * median(samples[i]!)).toFixed(1),
    min_ms: +(1000 * Math.min(...samples[i]!)).toFixed(1) }));
}

async function throughputTable(rounds: number, steps: number): Promise<Record<string, number | string>[]> {
  const configs = [
    { label: '1 worker (accumulation 2, 2 threads)', args: ['--workers', '1', '--accumulation', '2'] },
    { label: '2 workers, shm (accumulation 1, 1 thread each)', args: ['--workers', '2', '--accumulation', '1', '--transport', 'shm'] },
    { label: '2 workers, tcp (accumulation 1, 1 thread each)', args: ['--workers', '2', '--accumulation', '1', '--transport', 'tcp'] },
  ];
  const samples: number[][] = configs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of configs.entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'medbert-zero2-run-'));
      const r = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', dir,
        '--steps', String(steps), '--micro-batch', '16', '--threads', '2', '--checkpoint-every', '0', '--json', ...c.args],
      { encoding: 'utf8', env: { ...process.env, MEDBERT_THREADS: '2' } });
      if (r.status !== 0) throw new Error(`${c.label}: ${r.stderr.trim().split('\n').pop()}`);
      const lines = readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { tokens_per_s: number });
      rmSync(dir, { recursive: true, force: true });
      samples[i]!.push(median(lines.slice(1).map((l) => l.tokens_per_s)));
    }
  }
  return configs.map((c, i) => ({
    workers: c.label, global_batch: 32, seq_len: 128, runs: rounds,
    median_tokens_per_s: Math.round(median(samples[i]!)), runs_tokens_per_s: samples[i]!.map((x) => Math.round(x)).join(' '),
  }));
}

/**
 * Tokens/s with gradient buckets: ranks as worker threads of this process over shared memory (what --workers 2
 * runs), the machine's 2 threads split between them, against one rank of 2 threads; interleaved rounds, per run
 * the median of steps 2..S.
 */
async function bucketThroughputTable(rounds: number, steps: number): Promise<Record<string, number | string>[]> {
  const configs = [
    { label: '1 worker (accumulation 2, 2 threads)', world: 1, accumulation: 2, threads: 2, bucketBytes: 0 },
    { label: '2 workers, shm, no buckets', world: 2, accumulation: 1, threads: 1, bucketBytes: 0 },
    { label: '2 workers, shm, 4 MiB buckets', world: 2, accumulation: 1, threads: 1, bucketBytes: 4 << 20 },
    { label: '2 workers, shm, 1 MiB buckets', world: 2, accumulation: 1, threads: 1, bucketBytes: 1 << 20 },
  ];
  const samples: number[][] = configs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of configs.entries()) {
      const ring = c.world > 1 ? ShmRing.create(c.world) : null;
      const rates = await Promise.all(Array.from({ length: c.world }, (_, rank) => new Promise<number[]>((resolve, reject) => {
        const data: TrainRank = { zero2TrainRank: true, rank, world: c.world, ring, threads: c.threads, accumulation: c.accumulation,
          bucketBytes: c.bucketBytes, steps };
        const w = new Worker(new URL(import.meta.url), { workerData: data });
        w.once('message', resolve);
        w.once('error', reject);
      })));
      // tokens_per_s is the global rate (the trainer all-reduces the token count): rank 0's is the run's.
      samples[i]!.push(median(rates[0]!.slice(1)));
    }
  }
  return configs.map((c, i) => ({
    workers: c.label, global_batch: 32, seq_len: 128, runs: rounds,
    median_tokens_per_s: Math.round(median(samples[i]!)), runs_tokens_per_s: samples[i]!.map((x) => Math.round(x)).join(' '),
  }));
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    json: { type: 'boolean', default: false }, steps: { type: 'string', default: '6' }, rounds: { type: 'string', default: '3' },
    iterations: { type: 'string', default: '5' }, worlds: { type: 'string', default: '2,4' }, slots: { type: 'string', default: '262144,1048576,4194304,16777216' }, only: { type: 'string', default: 'memory,collectives,throughput' },
  } });
  const only = new Set(values.only!.split(','));
  const rounds = Number(values.rounds), iterations = Number(values.iterations), steps = Number(values.steps);
  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
  const out: Record<string, unknown> = { load_average_before: load() };
  const print = (name: string, rows: Record<string, unknown>[]): void => {
    out[name] = rows;
    if (values.json !== true) for (const row of rows) process.stdout.write(`${name}: ${JSON.stringify(row)}\n`);
  };
  if (only.has('memory')) print('memory', await memoryTable());
  if (only.has('buckets')) print('buckets', await bucketsTable());
  if (only.has('collectives')) print('collectives', await collectivesTable(rounds, iterations, values.worlds!.split(',').map(Number)));
  if (only.has('slots')) print('slots', await slotsTable(rounds, iterations, values.slots!.split(',').map(Number)));
  if (only.has('throughput')) print('throughput', await throughputTable(rounds, steps));
  if (only.has('bucket-throughput')) print('bucket_throughput', await bucketThroughputTable(rounds, steps));
  out['load_average_after'] = load();
  if (values.json === true) process.stdout.write(JSON.stringify({ zero2: out }) + '\n');
  else process.stdout.write(`load average (1, 5, 15 min): before ${String(out['load_average_before'])}, after ${String(out['load_average_after'])}\n`);
}
