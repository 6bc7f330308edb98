// `npm run bench -- train-step-compare [--mode cpu|wall] [--rounds N] [--steps N] [--dropout P] [--json]`: the
// BERT-tiny train step of medbert and of PyTorch (tools/reference/bench_train_step.py), run alternately in child
// processes so that both see the same machine, and the ratio of their throughputs. Both sides compute the same
// loss and update: dropout P on the hidden states and attention probabilities (default 0.1, BERT's), the global
// gradient norm clipped at 1.0, AdamW. (medbert's last layer computes only the masked rows, whose outputs are
// all any loss reads; PyTorch's, as Hugging Face's, computes every row.)
//
// --mode cpu (default): both on one thread (medbert --threads 1; PyTorch --threads 1 with OPENBLAS_NUM_THREADS=1),
//   compared by process CPU time per step. On a machine shared with other jobs this moves far less than wall
//   time. PyTorch's script times steps with time.perf_counter; here it runs with perf_counter replaced by
//   time.process_time, so its step_ms is CPU time.
// --mode wall: the setting on a quiet machine: medbert on every core, PyTorch with one torch thread and
//   OpenBLAS's own threads, compared by wall-clock tokens/s.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Round {
  readonly medbertMs: number;
  readonly pytorchMs: number;
}

const PYTHON = '/usr/bin/python3';

function lastJson(stdout: string, who: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
  } catch {
    throw new Error(`train-step-compare: ${who} printed no JSON result; its output ended with: ${lines.slice(-3).join(' | ')}`);
  }
}

function runChild(command: string, args: string[], env: NodeJS.ProcessEnv, who: string): Record<string, unknown> {
  const r = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`train-step-compare: ${who} failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  return lastJson(r.stdout, who);
}

function medbertStep(cpu: boolean, steps: number, dropout: number): number {
  const index = fileURLToPath(new URL('./index.js', import.meta.url));
  const args = [index, 'train-step', '--steps', String(steps), '--dropout', String(dropout), '--json', ...(cpu ? ['--threads', '1'] : [])];
  const out = runChild(process.execPath, args, process.env, 'medbert')['train-step'] as Record<string, number>;
  return cpu ? out['step_cpu_ms']! : out['step_ms']!;
}

function pytorchStep(cpu: boolean, steps: number, dropout: number): number {
  const script = fileURLToPath(new URL('../../tools/reference/bench_train_step.py', import.meta.url));
  const argv = JSON.stringify(['bench_train_step.py', '--threads', '1', '--steps', String(steps), '--dropout', String(dropout), '--clip', '1']);
  const code = [
    'import sys, time, runpy',
    ...(cpu ? ['time.perf_counter = time.process_time'] : []),
    `sys.argv = ${argv}`,
    `runpy.run_path(${JSON.stringify(script)}, run_name="__main__")`,
  ].join('\n');
  const env = cpu ? { ...process.env, OPENBLAS_NUM_THREADS: '1' } : process.env;
  return runChild(PYTHON, ['-c', code], env, 'PyTorch')['step_ms'] as number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    mode: { type: 'string', default: 'cpu' }, rounds: { type: 'string', default: '3' }, steps: { type: 'string', default: '10' },
    dropout: { type: 'string', default: '0.1' }, json: { type: 'boolean', default: false },
  } });
  const mode = values.mode!;
  if (mode !== 'cpu' && mode !== 'wall') throw new Error(`train-step-compare: --mode must be cpu or wall, got '${mode}'`);
  const rounds = Number(values.rounds), steps = Number(values.steps), dropout = Number(values.dropout);
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`train-step-compare: --dropout must be in [0, 1), got '${values.dropout}'`);
  if (!(Number.isInteger(rounds) && rounds >= 1 && Number.isInteger(steps) && steps >= 1)) {
    throw new Error('train-step-compare: --rounds and --steps must be positive integers');
  }
  const cpu = mode === 'cpu';
  const results: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    const pytorchMs = pytorchStep(cpu, steps, dropout);
    const medbertMs = medbertStep(cpu, steps, dropout);
    results.push({ medbertMs, pytorchMs });
    if (!values.json) {
      process.stdout.write(`round ${r + 1}: medbert ${medbertMs} ms, PyTorch ${pytorchMs} ms per step (${cpu ? 'CPU' : 'wall'}),` +
        ` ratio ${(pytorchMs / medbertMs).toFixed(3)}\n`);
    }
  }
  const ratios = results.map((x) => x.pytorchMs / x.medbertMs);
  const summary = {
    mode, rounds, steps, dropout, tokens_per_step: 2048,
    medbert_step_ms: median(results.map((x) => x.medbertMs)), pytorch_step_ms: median(results.map((x) => x.pytorchMs)),
    ratio_median: Math.round(median(ratios) * 1000) / 1000,
    ratio_min: Math.round(Math.min(...ratios) * 1000) / 1000, ratio_max: Math.round(Math.max(...ratios) * 1000) / 1000,
  };
  if (values.json) process.stdout.write(JSON.stringify({ 'train-step-compare': summary }) + '\n');
  else {
    process.stdout.write(`medbert reaches ${summary.ratio_median}x PyTorch's tokens/s ${cpu ? 'per CPU-second, one thread each' : 'wall-clock'}` +
      ` (rounds: ${summary.ratio_min}-${summary.ratio_max})\n`);
  }
}
