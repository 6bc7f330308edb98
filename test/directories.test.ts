import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import {
  AtomicFile, atomicTarget, breakStaleLock, checkOutputFolder, linkedPath, makeDirectories, OutputLock, outputPathOf, replaceFolder, setAsideIfStale,
  tempBeside, writeFileAtomic,
} from '../src/directories.js';
import { tempFolder } from './helpers/files.js';

test('makeDirectories makes the missing folders of a path, and is content with ones that exist', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-dirs-'));
  try {
    makeDirectories(join(root, 'a', 'b', 'c'));
    assert.ok(statSync(join(root, 'a', 'b', 'c')).isDirectory());
    makeDirectories(join(root, 'a', 'b')); // exists: nothing to do
    writeFileSync(join(root, 'file'), 'x');
    assert.throws(() => makeDirectories(join(root, 'file', 'sub')), { code: 'ENOTDIR' });
    assert.throws(() => makeDirectories(join(root, 'file')), /file is a file, not a folder/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('makeDirectories fails at once under /proc, where Node 20\'s recursive mkdir never returns', { skip: existsSync('/proc/self') ? false : 'needs Linux /proc' }, () => {
  assert.throws(() => makeDirectories('/proc/medbert-test/x'), { code: 'ENOENT' });
});

test('checkOutputFolder allows nothing, an empty folder or an earlier output, and refuses a file or another folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-out-'));
  try {
    checkOutputFolder(join(root, 'new'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'empty'));
    checkOutputFolder(join(root, 'empty'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'earlier'));
    writeFileSync(join(root, 'earlier', 'manifest.json'), '{}');
    writeFileSync(join(root, 'earlier', 'shard-00000.bin'), '');
    checkOutputFolder(join(root, 'earlier'), 'manifest.json', 'shard folder');
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine', 'notes.txt'), 'x');
    assert.throws(() => checkOutputFolder(join(root, 'mine'), 'manifest.json', 'shard folder'),
      /mine holds other files and no manifest\.json, so it is not a shard folder: not replacing it/);
    writeFileSync(join(root, 'a-file'), 'x');
    assert.throws(() => checkOutputFolder(join(root, 'a-file'), 'config.json', 'checkpoint folder'), /a-file is a file, not a checkpoint folder/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('AtomicFile: the file appears whole on close, and nothing of it stays after abort', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-atomic-'));
  try {
    const path = join(root, 'out.txt');
    const file = new AtomicFile(path);
    await file.write('one\n');
    assert.ok(!existsSync(path), 'not there before close');
    await file.write('two\n');
    await file.close();
    assert.equal(readFileSync(path, 'utf8'), 'one\ntwo\n');
    const failed = new AtomicFile(path);
    await failed.write('partial');
    failed.abort();
    assert.equal(readFileSync(path, 'utf8'), 'one\ntwo\n', 'the earlier file is kept');
    assert.deepEqual(readdirSync(root), ['out.txt'], 'no temporary file left');
    assert.throws(() => new AtomicFile(root), /is a folder, not a file/);
    assert.throws(() => new AtomicFile(join(root, 'none', 'x.txt')), { code: 'ENOENT' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an atomic write through a symbolic link replaces the file it points to and keeps the link; a device is written straight into', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-links-'));
  try {
    writeFileSync(join(root, 'real.txt'), 'old');
    symlinkSync('real.txt', join(root, 'link.txt'));
    writeFileAtomic(join(root, 'link.txt'), 'new');
    assert.ok(lstatSync(join(root, 'link.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(root, 'real.txt'), 'utf8'), 'new');
    const file = new AtomicFile(join(root, 'link.txt'));
    await file.write('newer');
    await file.close();
    assert.ok(lstatSync(join(root, 'link.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(root, 'real.txt'), 'utf8'), 'newer');
    // A dangling link: the file it names is made. A link to a folder leads there.
    symlinkSync('later.txt', join(root, 'dangling.txt'));
    writeFileAtomic(join(root, 'dangling.txt'), 'made');
    assert.equal(readFileSync(join(root, 'later.txt'), 'utf8'), 'made');
    mkdirSync(join(root, 'shards'));
    symlinkSync('shards', join(root, 'out'));
    assert.equal(linkedPath(join(root, 'out')), join(root, 'shards'));
    assert.equal(linkedPath(join(root, 'none')), join(root, 'none'));
    // "--output /dev/null" is no file to replace with a rename (it replaced the device, run as root).
    if (existsSync('/dev/null')) assert.equal(atomicTarget('/dev/null'), null);
    assert.equal(atomicTarget(join(root, 'real.txt')), join(root, 'real.txt'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('outputPathOf names an output\'s temporary twin or lock as the output, and leaves other paths alone', () => {
  assert.equal(outputPathOf(tempBeside('/data/runs/shards')), '/data/runs/shards');
  assert.equal(outputPathOf(`${tempBeside('/data/out')}/shard-00000.bin`), '/data/out/shard-00000.bin');
  assert.equal(outputPathOf(tempBeside('notes.deid.csv')), 'notes.deid.csv');
  assert.equal(outputPathOf('/data/.hidden/file.tmp-3'), '/data/.hidden/file.tmp-3');
  assert.equal(outputPathOf('/data/runs/.shards.lock'), '/data/runs/shards');
  assert.equal(outputPathOf('/data/runs/.checkpoint.old-42/model.safetensors'), '/data/runs/checkpoint/model.safetensors');
  assert.equal(outputPathOf('/data/runs/.shards.lock.txt'), '/data/runs/.shards.lock.txt');
});

test('OutputLock: a second claim on the same output fails naming the holder; released, the path can be claimed again', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-lock-'));
  try {
    const out = join(root, 'shards');
    const lock = OutputLock.acquire(out);
    const lockFile = join(root, '.shards.lock');
    assert.deepEqual(JSON.parse(readFileSync(lockFile, 'utf8')), { pid: process.pid, host: hostname() });
    assert.throws(() => OutputLock.acquire(out), new RegExp(`shards is being written by process ${process.pid} on `));
    assert.deepEqual(readdirSync(root), ['.shards.lock'], 'the lock alone: no file it was written in is left');
    OutputLock.acquire(join(root, 'other')).release(); // another output: its own lock
    lock.release();
    lock.release(); // twice: nothing more
    assert.equal(existsSync(lockFile), false);
    // A lock taken over meanwhile (its owner was thought dead) is the other run's: releasing leaves it.
    const taken = OutputLock.acquire(out);
    writeFileSync(lockFile, JSON.stringify({ pid: 1, host: 'another-host.example' }));
    taken.release();
    assert.ok(existsSync(lockFile), 'another run\'s lock stays');
    rmSync(lockFile);
    OutputLock.acquire(out).release();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('OutputLock takes over a lock whose process is gone, and never one of a running process or of another host', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-lock-'));
  try {
    const out = join(root, 'shards');
    const lockFile = join(root, '.shards.lock');
    const ended = spawnSync(process.execPath, ['-e', '']).pid; // a process of this host that has exited
    assert.ok(ended !== undefined);
    writeFileSync(lockFile, JSON.stringify({ pid: ended, host: hostname() }));
    OutputLock.acquire(out).release();
    writeFileSync(lockFile, JSON.stringify({ pid: ended, host: 'another-host.example' }));
    assert.throws(() => OutputLock.acquire(out), new RegExp(`process ${ended} on another-host\\.example`));
    // Two runs found the same stale lock, and the other took it over first: the fresh lock moved aside is put back.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname() }));
    setAsideIfStale(lockFile, { pid: ended, host: hostname() });
    assert.deepEqual(JSON.parse(readFileSync(lockFile, 'utf8')), { pid: process.pid, host: hostname() });
    writeFileSync(lockFile, JSON.stringify({ pid: ended, host: hostname() }));
    setAsideIfStale(lockFile, { pid: ended, host: hostname() }); // the stale one itself: gone
    assert.equal(existsSync(lockFile), false);
    assert.deepEqual(readdirSync(root), [], 'nothing set aside is left');
    writeFileSync(lockFile, 'not a lock of ours');
    assert.throws(() => OutputLock.acquire(out), /shards is being written by another run \(.*\.shards\.lock\): wait for it to finish, or remove the lock/);
    assert.equal(readFileSync(lockFile, 'utf8'), 'not a lock of ours'); // left as it was
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** This build's directories.js (beside this test under dist/), for the racing processes below. */
const directoriesModule = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'directories.js');

test('OutputLock: of many processes that find the same stale lock at once, exactly one takes it over', { skip: process.platform === 'win32' }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-lock-'));
  try {
    const out = join(root, 'shards');
    const lockFile = join(root, '.shards.lock');
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    // Each racer waits for the same instant, claims the output, says whether it got it, and holds it a while.
    const racer = `const { OutputLock } = await import(${JSON.stringify(directoriesModule)});
      const start = Number(process.argv[1]); while (Date.now() < start) {}
      let lock = null; try { lock = OutputLock.acquire(${JSON.stringify(out)}); } catch {}
      process.stdout.write(lock === null ? 'lost' : 'won');
      if (lock !== null) { await new Promise((r) => setTimeout(r, 1000)); lock.release(); }`;
    for (let round = 0; round < 2; round++) {
      writeFileSync(lockFile, JSON.stringify({ pid: ended, host: hostname() }));
      const start = Date.now() + 700;
      const results = await Promise.all(Array.from({ length: 6 }, () => new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', racer, String(start)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let said = '';
        child.stdout.on('data', (d: Buffer) => { said += d.toString(); });
        child.on('exit', () => resolve(said));
      })));
      assert.equal(results.filter((r) => r === 'won').length, 1, `round ${round}: ${results.join(' ')}`);
      assert.equal(results.filter((r) => r === 'lost').length, 5);
      assert.deepEqual(readdirSync(root), [], `round ${round}: released, and nothing set aside or left from the takeover`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('breakStaleLock removes only the stale lock it was asked to, and only while it holds the break', () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-lock-'));
  try {
    const lockFile = join(root, '.shards.lock');
    const breakFile = `${lockFile}.break`;
    const mine = join(root, 'mine');
    writeFileSync(mine, JSON.stringify({ pid: process.pid, host: hostname() }));
    const ended = spawnSync(process.execPath, ['-e', '']).pid as number;
    const stale = { pid: ended, host: hostname() };
    // Another run took the stale lock over first: its fresh lock is left alone.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname() }));
    breakStaleLock(lockFile, stale, mine);
    assert.deepEqual(JSON.parse(readFileSync(lockFile, 'utf8')), { pid: process.pid, host: hostname() });
    // A live run holds the break: nothing is touched.
    writeFileSync(lockFile, JSON.stringify(stale));
    writeFileSync(breakFile, JSON.stringify({ pid: process.pid, host: hostname() }));
    breakStaleLock(lockFile, stale, mine);
    assert.ok(existsSync(lockFile) && existsSync(breakFile));
    // A run died holding the break: its break goes first, then the stale lock.
    writeFileSync(breakFile, JSON.stringify(stale));
    breakStaleLock(lockFile, stale, mine);
    assert.ok(existsSync(lockFile) && !existsSync(breakFile));
    breakStaleLock(lockFile, stale, mine);
    assert.deepEqual(readdirSync(root), ['mine']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('tempBeside removes the twins of the same output left by killed runs, and no other', (t) => {
  const dir = tempFolder(t, 'medbert-twins-');
  const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
  const left = join(dir, `.out.csv.tmp-${dead}`);
  mkdirSync(left);
  writeFileSync(join(left, 'part'), 'x');
  writeFileSync(join(dir, `.out.csv.tmp-${process.ppid}`), 'a run still writing'); // its process is alive
  writeFileSync(join(dir, `.notes.csv.tmp-${dead}`), 'another output\'s');
  writeFileSync(join(dir, '.out.csv.tmp-x'), 'no process id');
  const fresh = join(dir, `.out.csv.tmp-${dead + 1000000}`); // no process here, but just written: maybe another machine's
  writeFileSync(fresh, 'being written');
  const aMinuteAgo = new Date(Date.now() - 61_000);
  for (const twin of [join(left, 'part'), left, join(dir, `.out.csv.tmp-${process.ppid}`), join(dir, `.notes.csv.tmp-${dead}`)]) utimesSync(twin, aMinuteAgo, aMinuteAgo);
  // A folder whose file is still being written (the folder's own time is old) is another run's: left to it.
  const writing = join(dir, `.out.csv.tmp-${dead + 2000000}`);
  mkdirSync(writing);
  writeFileSync(join(writing, 'model.safetensors'), 'growing');
  utimesSync(writing, aMinuteAgo, aMinuteAgo);
  assert.equal(tempBeside(join(dir, 'out.csv')), join(dir, `.out.csv.tmp-${process.pid}`));
  assert.deepEqual(readdirSync(dir).sort(), [`.notes.csv.tmp-${dead}`, `.out.csv.tmp-${process.ppid}`, '.out.csv.tmp-x', basename(fresh), basename(writing)].sort());
});

test('replaceFolder puts a new folder in place; what a run killed between its renames set aside is put back or removed', (t) => {
  const dir = tempFolder(t, 'medbert-replace-');
  const out = join(dir, 'checkpoint');
  const folderWith = (path: string, text: string): string => {
    mkdirSync(path);
    writeFileSync(join(path, 'config.json'), text);
    return path;
  };
  replaceFolder(folderWith(join(dir, 'new1'), 'first'), out);
  replaceFolder(folderWith(join(dir, 'new2'), 'second'), out);
  assert.equal(readFileSync(join(out, 'config.json'), 'utf8'), 'second');
  assert.deepEqual(readdirSync(dir), ['checkpoint']);

  // A run killed after setting the output aside and before renaming its own in: the output is missing.
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const aMinuteAgo = new Date(Date.now() - 61_000);
  const aside = join(dir, `.checkpoint.old-${dead}`);
  const age = (path: string): void => {
    utimesSync(join(path, 'config.json'), aMinuteAgo, aMinuteAgo);
    utimesSync(path, aMinuteAgo, aMinuteAgo);
  };
  rmSync(out, { recursive: true });
  age(folderWith(aside, 'second'));
  const fresh = folderWith(join(dir, `.checkpoint.old-${dead + 1000000}`), 'maybe another machine\'s, just set aside');
  tempBeside(out); // the next write of the output tidies first: the earlier output is back
  assert.equal(readFileSync(join(out, 'config.json'), 'utf8'), 'second');
  assert.deepEqual(readdirSync(dir).sort(), [basename(fresh), 'checkpoint'].sort());

  // Killed after its own was renamed in, before the set-aside one was removed: that one goes.
  age(folderWith(aside, 'first'));
  replaceFolder(folderWith(join(dir, 'new3'), 'third'), out);
  assert.equal(readFileSync(join(out, 'config.json'), 'utf8'), 'third');
  assert.deepEqual(readdirSync(dir).sort(), [basename(fresh), 'checkpoint'].sort());
});
