import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShardSource } from '../../src/data/shard-source.js';
import { SyntheticSource } from '../../src/data/synthetic.js';
import { presetConfig } from '../../src/model/index.js';
import { Engine, ReferenceBackend, type Backend } from '../../src/tensor/index.js';
import { PAPER_RECIPE, pretrain, type PretrainOptions, type StepMetrics } from '../../src/train/pretrain.js';
import { learningRate } from '../../src/train/schedule.js';
import { repoRoot } from '../helpers/shared-data.js';

const config = (dropout: number, hidden = 16) => presetConfig('tiny', {
  vocab_size: 40, hidden_size: hidden, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 2 * hidden,
  max_position_embeddings: 16, num_entity_concepts: 6, hidden_dropout_prob: dropout, attention_probs_dropout_prob: dropout,
});
const source = () => new SyntheticSource({ vocabSize: 40, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 16, concepts: 6, seed: 9 });
const options = (o: Partial<PretrainOptions>): PretrainOptions => ({
  ...PAPER_RECIPE, maskRate: 0.3, steps: 6, microBatch: 2, accumulation: 2, lr: 3e-3, warmup: 2, checkpointEvery: 0, ...o,
});

async function run(dir: string, o: PretrainOptions, dropout: number, resume = false, stopAt = Infinity,
  backend: Backend = new ReferenceBackend(), hidden = 16): Promise<StepMetrics[]> {
  const steps: StepMetrics[] = [];
  await pretrain({
    engine: new Engine(backend), config: config(dropout, hidden), source: source(), options: o, outDir: dir, resume,
    onStep: (m) => steps.push(m), shouldStop: () => steps.length > 0 && steps[steps.length - 1]!.step >= stopAt,
  });
  return steps;
}

test('warmup then cosine decay', () => {
  const s = { peak: 1e-3, warmup: 10, total: 110 };
  assert.equal(learningRate(1, s), 1e-4);
  assert.equal(learningRate(10, s), 1e-3);
  assert.ok(Math.abs(learningRate(60, s) - 5e-4) < 1e-12);
  assert.equal(learningRate(110, s), 0);
  assert.ok(learningRate(30, s) > learningRate(31, s));
});

test('resuming from step k gives bit-identical losses to an uninterrupted run (dropout on)', async () => {
  const a = mkdtempSync(join(tmpdir(), 'medbert-a-')), b = mkdtempSync(join(tmpdir(), 'medbert-b-'));
  try {
    const full = await run(a, options({}), 0.1);
    const first = await run(b, options({}), 0.1, false, 3);
    assert.equal(first.length, 3, 'stopped after step 3 with a checkpoint');
    const rest = await run(b, options({}), 0.1, true);
    assert.deepEqual([...first, ...rest].map((m) => m.loss), full.map((m) => m.loss));
    assert.deepEqual([...first, ...rest].map((m) => m.grad_norm), full.map((m) => m.grad_norm));
    const lines = readFileSync(join(b, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StepMetrics);
    assert.deepEqual(lines.map((m) => m.step), [1, 2, 3, 4, 5, 6]);
    assert.ok(full.every((m) => m.entity_loss !== null && m.entity_loss > 0));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('--resume with another learning rate, warmup, global batch or seed is refused, naming them; more steps are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-resume-'));
  try {
    await run(dir, options({}), 0, false, 2);
    await assert.rejects(run(dir, options({ lr: 1e-2, seed: 7 }), 0, true),
      /--resume: \S+checkpoint was trained with --lr 0\.003 \(not 0\.01\), --seed 42 \(not 7\): give the same settings to go on, or start a new run/);
    await assert.rejects(run(dir, options({ microBatch: 4 }), 0, true), /a global batch of 4 sequences \(--micro-batch × --accumulation × ranks; not 8\)/);
    await assert.rejects(run(dir, options({ steps: 8, warmup: 3 }), 0, true), /--warmup 2 \(not 3\)/);
    const longer = await run(dir, options({ steps: 8 }), 0, true);
    assert.deepEqual(longer.map((m) => m.step), [3, 4, 5, 6, 7, 8]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the loss falls on learnable synthetic data (MLM and entity)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-fall-'));
  try {
    const steps = await run(dir, options({ steps: 300, microBatch: 8, accumulation: 1, lr: 3e-3, warmup: 10 }), 0, false,
      Infinity, new ReferenceBackend(), 32);
    const head = steps.slice(0, 20), tail = steps.slice(-20);
    const avg = (xs: StepMetrics[], f: (m: StepMetrics) => number): number => xs.reduce((s, m) => s + f(m), 0) / xs.length;
    assert.ok(avg(tail, (m) => m.mlm_loss) < avg(head, (m) => m.mlm_loss) - 0.5, `MLM ${avg(head, (m) => m.mlm_loss)} → ${avg(tail, (m) => m.mlm_loss)}`);
    assert.ok(avg(tail, (m) => m.entity_loss!) < avg(head, (m) => m.entity_loss!) - 0.3, `entity ${avg(head, (m) => m.entity_loss!)} → ${avg(tail, (m) => m.entity_loss!)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('A micro-batches of B equal one batch of A·B, up to float summation', async () => {
  const a = mkdtempSync(join(tmpdir(), 'medbert-acc-'));
  try {
    const split = await run(join(a, '1'), options({ microBatch: 2, accumulation: 3, steps: 3 }), 0);
    const whole = await run(join(a, '2'), options({ microBatch: 6, accumulation: 1, steps: 3 }), 0);
    split.forEach((m, i) => {
      assert.ok(Math.abs(m.loss - whole[i]!.loss) < 1e-5 * whole[i]!.loss, `step ${i + 1}: ${m.loss} vs ${whole[i]!.loss}`);
      assert.ok(Math.abs(m.grad_norm - whole[i]!.grad_norm) < 1e-4 * whole[i]!.grad_norm, `norm ${m.grad_norm} vs ${whole[i]!.grad_norm}`);
    });
  } finally {
    rmSync(a, { recursive: true, force: true });
  }
});

for (const entityWeight of [1, 0]) {
  // λ = 0 still computes the entity loss for the record: its branch must not keep saved tensors alive.
  test(`memory does not grow across 100 training steps (entity weight ${entityWeight})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medbert-mem-'));
    const backend = new ReferenceBackend();
    const seen: number[] = [];
    const entityLosses: (number | null)[] = [];
    try {
      await pretrain({
        engine: new Engine(backend), config: config(0.1), source: source(), outDir: dir, resume: false,
        options: options({ steps: 100, microBatch: 1, accumulation: 1, entityWeight }),
        onStep: (m) => {
          entityLosses.push(m.entity_loss);
          if (m.step === 10 || m.step === 100) seen.push(backend.allocatedBytes());
        },
      });
      assert.equal(seen.length, 2);
      assert.equal(seen[1], seen[0], `allocated bytes at step 10 and 100: ${seen.join(', ')}`);
      assert.equal(backend.allocatedBytes(), 0, 'everything freed after the run');
      assert.ok(entityLosses.some((e) => e !== null && e > 0), 'the entity loss is reported either way');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a second run into the same --out fails at once while the first goes on; the lock goes when it ends', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-lock-'));
  const out = join(dir, 'run');
  try {
    const first = run(out, options({ steps: 2 }), 0); // takes the lock before its first await
    await assert.rejects(run(out, options({ steps: 2 }), 0), new RegExp(`run is being written by process ${process.pid} on `));
    assert.equal((await first).length, 2, 'the first run is not disturbed');
    assert.deepEqual(readdirSync(dir), ['run'], 'no lock left');
    assert.equal((await run(out, options({ steps: 2 }), 0)).length, 2, 'the folder can be used again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged or edited trainer_state.json is one clear error naming it, and metrics.jsonl is left as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-state-'));
  const run = (...extra: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', join(dir, 'run'),
    '--seq-len', '16', '--micro-batch', '2', '--threads', '1', ...extra], { encoding: 'utf8' });
  try {
    assert.equal(run('--steps', '2').status, 0);
    const statePath = join(dir, 'run', 'checkpoint', 'trainer_state.json');
    const saved = readFileSync(statePath, 'utf8');
    const metrics = readFileSync(join(dir, 'run', 'metrics.jsonl'), 'utf8');
    const edits: [(s: Record<string, unknown>) => void, RegExp][] = [
      [(s) => { s['step'] = 'abc'; }, /"step" is "abc", not a step number/],
      [(s) => { delete s['rng']; }, /"rng" does not hold the dropout and masking generators/],
      [(s) => { s['world'] = 0; }, /"world" is 0, not a number of ranks/],
      [(s) => { (s['data'] as { words: number[] }).words = [1]; }, /its data position does not fit the data given/],
    ];
    for (const [edit, message] of edits) {
      const state = JSON.parse(saved) as Record<string, unknown>;
      edit(state);
      writeFileSync(statePath, JSON.stringify(state));
      const r = run('--steps', '4', '--resume');
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^medbert: .*trainer_state\\.json: ${message.source}`, 'm'));
      assert.equal(r.stderr.trim().split('\n').filter((l) => l.startsWith('medbert: ')).length, 1, r.stderr);
      assert.equal(readFileSync(join(dir, 'run', 'metrics.jsonl'), 'utf8'), metrics);
    }
    // A checkpoint of an earlier build, whose trainer state has camelCase names, resumes as well.
    const snake = JSON.parse(saved) as { options: Record<string, unknown> };
    assert.ok('micro_batch' in snake.options, 'snake_case names in the file');
    writeFileSync(statePath, saved.replace(/"([a-z]+)_([a-z])([a-z]*)"/g, (_m, a: string, b: string, c: string) => `"${a}${b.toUpperCase()}${c}"`));
    const older = run('--steps', '3', '--resume');
    assert.equal(older.status, 0, older.stderr);
    // With ranks, the launcher checks first: one line, not one per rank (the global batch stays: 2 × 1 × 2 ranks).
    const moved = JSON.parse(saved) as { data: { words: number[] } };
    moved.data.words = [1];
    writeFileSync(statePath, JSON.stringify(moved));
    const ranks = run('--steps', '4', '--resume', '--workers', '2', '--micro-batch', '1');
    assert.equal(ranks.status, 1, ranks.stderr);
    const lines = ranks.stderr.trim().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('medbert: ')).length, 1, ranks.stderr);
    assert.ok(!lines.some((l) => /^rank \d|rerun with --resume/.test(l)), ranks.stderr);
    assert.match(ranks.stderr, /^medbert: .*trainer_state\.json: its data position does not fit the data given/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ShardSource.setState refuses a position these shards cannot have', () => {
  const source = new ShardSource([3, 2], () => [], 1);
  const state = source.getState();
  assert.throws(() => source.setState({ ...state, shardCursor: 5 }), /shard 6 of 2/);
  assert.throws(() => source.setState({ ...state, position: 9 }), /sequence 9 of a shard of \d/);
  assert.throws(() => source.setState({ ...state, epoch: -1 }), /lacks the epoch, shard or position/);
  source.setState({ ...state, position: 1 });
  assert.equal(source.getState().position, 1);
});
