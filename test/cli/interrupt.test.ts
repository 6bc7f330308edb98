import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared-data.js';

const metricLines = (out: string): number => {
  const path = join(out, 'metrics.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter((l) => l !== '').length : 0;
};

/**
 * Starts pretraining, waits for two logged steps, sends SIGINT as a terminal's Ctrl-C does (to the whole process group:
 * the command runs in a group of its own here), and checks the run stopped cleanly with a checkpoint at the step reached.
 */
async function ctrlCDuringPretraining(extra: readonly string[], asTimeoutSends = false, signal: 'SIGINT' | 'SIGTERM' = 'SIGINT'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-int-'));
  const out = join(dir, 'run');
  try {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', out,
      '--steps', '100000', '--seq-len', '16', '--micro-batch', '2', '--checkpoint-every', '0', '--json', ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (metricLines(out) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(metricLines(out) >= 2, `training started: ${stderr.slice(-300)}`);
    // `timeout -s INT` sends the signal to the process, then to its group again (the process in it): one request.
    if (asTimeoutSends) process.kill(child.pid!, signal);
    process.kill(-child.pid!, signal);
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, signal === 'SIGINT' ? 130 : 143, `exit code after ${signal} (a shell stops its script): ${stderr.slice(-300)}`);
    assert.match(stderr, signal === 'SIGINT' ? /stopping after the current step \(Ctrl-C again to quit at once\)/ : /stopping after the current step \(SIGTERM again to quit at once\)/);
    const state = JSON.parse(readFileSync(join(out, 'checkpoint', 'trainer_state.json'), 'utf8')) as { step: number };
    assert.equal(state.step, metricLines(out), 'the checkpoint is at the last logged step');
    assert.ok(state.step < 100000);
    assert.deepEqual(readdirSync(dir), ['run'], 'no lock left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// With one wasm thread and no progress bar (--json) every await of a step resolves as a microtask: the loop
// must still let the signal in.
test('Ctrl-C during pretraining (one thread) saves a checkpoint at the step reached and exits 130, as a shell expects', { skip: process.platform === 'win32' },
  () => ctrlCDuringPretraining(['--threads', '1']));

test('a signal sent twice at once, as timeout -s INT does, is one Ctrl-C: a checkpoint, not an exit at once', { skip: process.platform === 'win32' },
  () => ctrlCDuringPretraining(['--threads', '1'], true));

test('SIGTERM during pretraining: a checkpoint, exit 143, and the message names SIGTERM', { skip: process.platform === 'win32' },
  () => ctrlCDuringPretraining(['--threads', '1'], false, 'SIGTERM'));

// Ranks as threads: the signal reaches the launching thread alone, which passes it on; ranks as processes: each rank
// would get the terminal's too, and two took for "Ctrl-C twice" (they run in a group of their own).
for (const transport of ['shm', 'tcp']) {
  test(`Ctrl-C during pretraining with 2 ranks (--transport ${transport}) stops them together with a checkpoint`, { skip: process.platform === 'win32' },
    () => ctrlCDuringPretraining(['--workers', '2', '--transport', transport]));
  // The launcher passes on the signal it got: SIGTERM (a service manager's stop) exits 143 and is named, as with one rank.
  test(`SIGTERM during pretraining with 2 ranks (--transport ${transport}): a checkpoint, exit 143, the message names SIGTERM`, { skip: process.platform === 'win32' },
    () => ctrlCDuringPretraining(['--workers', '2', '--transport', transport], false, 'SIGTERM'));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// A launcher killed with SIGKILL cannot pass anything on: its ranks, in process groups of their own, see the end of
// the stdin pipe it held and stop as on SIGTERM, with a checkpoint, instead of training on alone.
test('ranks as processes stop with a checkpoint when their launcher is killed with SIGKILL', { skip: process.platform !== 'linux' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-int-'));
  const out = join(dir, 'run');
  let ranks: number[] = [];
  try {
    const launcher = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'pretrain', '--data', 'synthetic', '--out', out,
      '--steps', '100000', '--seq-len', '16', '--micro-batch', '2', '--checkpoint-every', '0', '--json', '--workers', '2', '--transport', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore'], detached: true });
    const deadline = Date.now() + 60_000;
    while (metricLines(out) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(metricLines(out) >= 2, 'training started');
    ranks = execFileSync('ps', ['-o', 'pid=', '--ppid', String(launcher.pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((p) => p > 0);
    assert.equal(ranks.length, 2, 'two rank processes');
    process.kill(launcher.pid!, 'SIGKILL');
    const stopBy = Date.now() + 30_000;
    while (ranks.some(alive) && Date.now() < stopBy) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!ranks.some(alive), 'the ranks ended with their launcher');
    const state = JSON.parse(readFileSync(join(out, 'checkpoint', 'trainer_state.json'), 'utf8')) as { step: number };
    assert.ok(state.step >= 2 && state.step < 100000, `a checkpoint at the step reached (${state.step})`);
  } finally {
    for (const pid of ranks) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Ctrl-C while deid writes its output: one line, exit 130, and no half-written file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-int-'));
  try {
    const input = join(dir, 'notes.jsonl');
    writeFileSync(input, Array.from({ length: 400_000 }, (_, i) => JSON.stringify({ text: `Seen by Dr. John Smith on 03/04/2011, MRN ${1000 + i}.` })).join('\n'));
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'deid', '--format', 'jsonl', '--input', input,
      '--output', join(dir, 'out.jsonl')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const writing = (): boolean => readdirSync(dir).some((f) => f.includes('.tmp-'));
    const deadline = Date.now() + 60_000;
    while (!writing() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(writing(), `the output was being written: ${stderr.slice(-300)}`);
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 130, stderr);
    assert.match(stderr.trim(), /^medbert: stopped by SIGINT; outputs not finished were removed$/);
    assert.deepEqual(readdirSync(dir), ['notes.jsonl']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
