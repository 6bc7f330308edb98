// Node-only: output paths. Folders made as `mkdir -p` does, the checks an output makes before it replaces what is
// at its path, a lock held while a run writes one, and outputs written atomically beside their path (`tempBeside`),
// which the CLI's messages name as the output (cli/main.ts); and the digest of a build's code that an output made
// by one build records, so that another does not take it for its own.
import {
  closeSync, createWriteStream, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync,
  renameSync, rmdirSync, rmSync, statSync, writeFileSync, type WriteStream,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFileError, MedbertError } from './errors.js';

/**
 * `mkdir -p`: makes `path` and the folders above it that are missing, one at a time from the highest. Node 20's own
 * `mkdirSync(path, { recursive: true })` never returns for a path under /proc (mkdir there fails with ENOENT, and it
 * keeps retrying), which hung `--out /proc/x`; here that fails at once with the system's error.
 */
export function makeDirectories(path: string): void {
  const missing: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break; // a root that does not exist
  }
  if (missing.length === 0 && !statSync(path).isDirectory()) throw new MedbertError(`${path} is a file, not a folder`);
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]);
    } catch (error) {
      // Made meanwhile by another process or thread (ranks of one training job share their --out): as good.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(missing[i]).isDirectory()) throw error;
    }
  }
}

/** How long a temporary twin whose process is not running here stays untouched: it may be another machine's (a shared folder). */
const STALE_TWIN_MS = 60_000;

/**
 * The temporary twin of an output written atomically: `.NAME.tmp-PID` beside it. What runs that were killed (`kill
 * -9`: no chance to tidy up) left of the same output is tidied here, once their process is gone and it has not changed
 * for a minute: their twins are removed, and an earlier output they had set aside to replace (`.NAME.old-PID`, see
 * replaceFolder) is removed when the output is in place, or put back when the run died between the two renames. A
 * run still writing is left to it, on this machine or another sharing the folder (whose process ids mean nothing here).
 */
export function tempBeside(path: string): string {
  tidyLeftovers(path);
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
}

/**
 * Tidies what killed runs left beside `path` (see tempBeside): their twins go, and an earlier output one set aside is
 * put back when `path` is missing. Before reading an output that a killed run may have been replacing.
 */
export function tidyLeftovers(path: string): void {
  const twinPrefix = `.${basename(path)}.tmp-`;
  const asidePrefix = `.${basename(path)}.old-`;
  let names: string[] = [];
  try {
    names = readdirSync(dirname(path));
  } catch {
    // no folder yet (made by the caller), or not readable: nothing to tidy
  }
  for (const name of names) {
    const prefix = name.startsWith(twinPrefix) ? twinPrefix : name.startsWith(asidePrefix) ? asidePrefix : null;
    if (prefix === null) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    const left = join(dirname(path), name);
    try {
      // A folder's time changes when a file is made in it, not while one is written: its files' times count too.
      const stat = lstatSync(left);
      const times = stat.isDirectory() ? readdirSync(left).map((entry) => lstatSync(join(left, entry)).mtimeMs) : [];
      if (Date.now() - Math.max(stat.mtimeMs, ...times) <= STALE_TWIN_MS) continue;
      if (prefix === asidePrefix && !existsSync(path)) renameSync(left, path);
      else rmSync(left, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove: left as it is
    }
  }
}

/**
 * Puts the complete folder `temp` in place of the folder `path`: the earlier one is set aside (`.NAME.old-PID`), the
 * new one renamed in, then the earlier one removed. A run killed in between leaves the set-aside folder, which the
 * next write of `path` tidies (tempBeside).
 */
export function replaceFolder(temp: string, path: string): void {
  tidyLeftovers(path);
  const aside = join(dirname(path), `.${basename(path)}.old-${process.pid}`);
  if (existsSync(path)) renameSync(path, aside);
  renameSync(temp, path);
  rmSync(aside, { recursive: true, force: true });
}

/**
 * The temporary twins being written now (files or folders), so that a run stopped at once (a second Ctrl-C, SIGHUP)
 * removes them on its way out (removePendingOutputs) rather than leave them beside the outputs.
 */
const pending = new Set<string>();

/**
 * Where a long output is built up beside its path, `.NAME.partial`: kept by a stopped run to resume from (a lock,
 * OutputLock, keeps two runs from writing it at once, so it needs no process id in its name).
 */
export function partialBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial`);
}

/** Marks a temporary twin as being written (true) or done with (false: renamed into place or removed). */
export function trackPending(temp: string, writing: boolean): void {
  if (writing) pending.add(temp);
  else pending.delete(temp);
}

/** Removes every temporary twin still being written (see trackPending); for a process about to exit. */
export function removePendingOutputs(): void {
  for (const temp of pending) {
    try {
      rmSync(temp, { recursive: true, force: true });
    } catch {
      // nothing more to do on the way out
    }
  }
  pending.clear();
}

/**
 * Where an atomic write of `path` renames its twin to: `path` itself; the file a symbolic link points to (the link
 * stays a link); or null for a device, a named pipe or a socket ("--output /dev/null", "/dev/stdout", a FIFO), which
 * is written straight into: a rename would replace it with a file.
 */
export function atomicTarget(path: string): string | null {
  let target;
  try {
    target = statSync(path);
  } catch {
    return linkedPath(path); // nothing there yet, or a dangling link: the file it names is made
  }
  if (target.isDirectory()) return path;
  return target.isFile() ? linkedPath(path) : null;
}

/**
 * The path a symbolic link at `path` points to (followed to the end, or to the first missing name of a dangling
 * link), else `path`: an output replaced by a rename goes there, and the link stays ("--out shards" linking elsewhere).
 */
export function linkedPath(path: string): string {
  let link = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(link).isSymbolicLink()) return link;
    } catch {
      return link; // nothing there (or not readable: writing says why)
    }
    link = resolve(dirname(link), readlinkSync(link));
  }
  return realpathSync(path); // a loop of links: the system names it
}

/**
 * Writes a whole file atomically (its temporary twin, then a rename): a failed write leaves the earlier file, or none.
 * `durable`: the twin is synced before the rename and the folder after it, so that after a power cut too the file
 * is the old one or the new one, never empty.
 */
export function writeFileAtomic(outputPath: string, data: string | Uint8Array, durable = false): void {
  const path = atomicTarget(outputPath);
  if (path === null) {
    writeFileSync(outputPath, data);
    return;
  }
  const temp = tempBeside(path);
  trackPending(temp, true);
  try {
    writeFileSync(temp, data);
    if (durable) syncPath(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    trackPending(temp, false);
  }
  if (durable) syncPath(dirname(path));
}

/** Flushes a file's (or a folder's) contents to the disk. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `path` with an output's temporary twin (see tempBeside), partial folder (partialBeside) or lock (OutputLock) in it
 * named as the output, for messages.
 */
export function outputPathOf(path: string): string {
  return path.replace(/(^|\/)\.([^/]+)\.(?:tmp-\d+|old-\d+|partial|lock)(?=\/|$)/, '$1$2');
}

/**
 * Throws unless an output folder may be written at `path`, replacing what is there: nothing, an empty folder, or a
 * folder holding `marker` (or one of them), an earlier output of the same kind (`manifest.json` for shards). A file, or a folder of
 * other things, is the user's own, and a run must not delete it. `what` names the output in the message.
 */
export function checkOutputFolder(path: string, marker: string | readonly string[], what: string): void {
  const markers = typeof marker === 'string' ? [marker] : marker;
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return; // nothing there (or nothing readable: making it will say why)
  }
  if (!stats.isDirectory()) throw new MedbertError(`${path} is a file, not a ${what}: not replacing it`);
  const entries = readdirSync(path);
  if (entries.length > 0 && !markers.some((m) => entries.includes(m))) {
    throw new MedbertError(`${path} holds other files and no ${markers.join(' or ')}, so it is not a ${what}: not replacing it (choose another folder)`);
  }
}

/**
 * Checks that a folder can be made beside `path` (where an atomic writer makes its temporary twin), by making and
 * removing one: a command that trains for hours learns that its --out cannot be written before, not after. Makes
 * the folders above `path`; throws the system's error otherwise.
 */
export function checkCanWriteBeside(path: string): void {
  makeDirectories(dirname(path));
  const probe = join(dirname(path), `.${basename(path)}.probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(probe);
  rmdirSync(probe);
}

/**
 * A text file written atomically: into its temporary twin (tempBeside), renamed over `path` by `close`, removed by
 * `abort`, so a failed run leaves neither an empty nor a partial file. The twin is opened at once: a place that
 * cannot be written fails here, with the system's error, not as a stream's 'error' event later.
 */
export class AtomicFile {
  /** The twin written, or null when writing straight into a device or a pipe (atomicTarget). */
  private readonly temp: string | null;
  /** Where the twin is renamed to: the path, or the file its link points to. */
  private readonly target: string;
  private readonly stream: WriteStream;
  /** A write that failed after the file was opened (a full disk): thrown by the next write or close. */
  private failure: Error | null = null;

  constructor(private readonly path: string) {
    if (existsSync(path) && statSync(path).isDirectory()) throw new MedbertError(`${path} is a folder, not a file`);
    const target = atomicTarget(path);
    this.target = target ?? path;
    this.temp = target === null ? null : tempBeside(target);
    if (this.temp === null) {
      // A pipe's open waits for its reader: opened by the stream, off the main thread.
      this.stream = createWriteStream(path, { encoding: 'utf8' });
    } else {
      const fd = openSync(this.temp, 'w');
      trackPending(this.temp, true);
      this.stream = createWriteStream('', { fd, encoding: 'utf8' });
    }
    this.stream.on('error', (error) => { this.failure ??= error; });
  }

  /** The stream to write to (check `failed` before relying on what was written). */
  get writable(): WriteStream {
    return this.stream;
  }

  /** Writes, waiting while the stream's buffer is full. */
  async write(chunk: string | Uint8Array): Promise<void> {
    this.check();
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.check();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    this.check();
    if (this.temp === null) return;
    renameSync(this.temp, this.target);
    trackPending(this.temp, false);
  }

  abort(): void {
    this.stream.destroy();
    if (this.temp === null) return;
    rmSync(this.temp, { force: true });
    trackPending(this.temp, false);
  }

  private check(): void {
    if (this.failure !== null) throw new MedbertError(`cannot write ${this.path}: ${this.failure.message}`);
  }
}

/**
 * A claim on an output path while a run writes it: the file `.NAME.lock` beside it, holding the owner's process id
 * and host, made only if absent (so of two runs started on the same --out, the second fails at once instead of both
 * working and the last one's rename replacing the first's output). It is written whole beside its place and linked
 * there (a link fails where a file is), so no run ever meets it empty. A lock left by a process of this host that is
 * gone (killed with SIGKILL) is taken over; one from another host is never guessed about.
 */
export class OutputLock {
  private released = false;

  private constructor(private readonly lockPath: string, private readonly owner: string) {}

  /** Claims `path` for this process (making the folders above it), or throws (MedbertError) naming the run that holds it. */
  static acquire(path: string): OutputLock {
    makeDirectories(dirname(path)); // where the lock goes
    const lockPath = join(dirname(path), `.${basename(path)}.lock`);
    const mine = `${lockPath}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    const owner = JSON.stringify({ pid: process.pid, host: hostname() }) + '\n';
    try {
      writeFileSync(mine, owner);
    } catch (error) {
      rmSync(mine, { force: true }); // begun, perhaps, on a full disk
      throw new MedbertError(`cannot write ${path}: ${describeFileError(error)}`); // the output's place, not the lock's
    }
    try {
      for (let attempt = 0; ; attempt++) {
        if (tryLink(mine, lockPath)) {
          trackPending(lockPath, true);
          return new OutputLock(lockPath, owner);
        }
        const holder = lockHolder(lockPath);
        if (attempt < 200 && holder !== null && holder.host === hostname() && !processAlive(holder.pid)) {
          breakStaleLock(lockPath, holder, mine); // its owner died without removing it
          continue;
        }
        const who = holder === null ? 'another run' : `process ${holder.pid} on ${holder.host}`;
        throw new MedbertError(`${path} is being written by ${who} (${lockPath}): wait for it to finish, or remove the lock if that run is gone`);
      }
    } finally {
      rmSync(mine, { force: true });
    }
  }

  /** Gives the claim up (once; later calls do nothing), removing the lock if it is still this one. */
  release(): void {
    if (this.released) return;
    this.released = true;
    trackPending(this.lockPath, false);
    try {
      if (readFileSync(this.lockPath, 'utf8') === this.owner) rmSync(this.lockPath, { force: true });
    } catch {
      // gone already
    }
  }
}

/**
 * Links `from` as `to` unless something is at `to` (false then). Where that fails otherwise (a file system without
 * hard links: FAT, some network shares), `to` is made with its contents, only if absent, all the same.
 */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Any other failure: taken for a file system without links (EPERM, ENOTSUP, EISDIR on FAT under Windows...).
  }
  try {
    writeFileSync(to, readFileSync(from), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes the stale lock of `holder`, holding `.NAME.lock.break` (linked from `mine`, this run's own lock file)
 * meanwhile: of any number of runs that found the same stale lock, one at a time looks again and removes it only if
 * it is still that one, and no lock can appear there meanwhile (a lock is only ever linked where none is). A run
 * that finds the break taken waits a moment; it then looks at the lock again, as the caller's loop does.
 */
export function breakStaleLock(lockPath: string, holder: { pid: number; host: string }, mine: string): void {
  const breakPath = `${lockPath}.break`;
  if (!tryLink(mine, breakPath)) {
    const breaker = lockHolder(breakPath);
    // A run killed while it held the break (two failures in a row): its break is moved aside as a stale lock is.
    if (breaker !== null && breaker.host === hostname() && !processAlive(breaker.pid)) setAsideIfStale(breakPath, breaker);
    else sleepMs(5);
    return;
  }
  try {
    const now = lockHolder(lockPath);
    if (now !== null && now.pid === holder.pid && now.host === holder.host) rmSync(lockPath, { force: true });
  } finally {
    rmSync(breakPath, { force: true });
  }
}

/** Blocks this thread for `ms` milliseconds (lock retries are synchronous, and rare). */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Moves the stale lock of `holder` out of the way. Two runs may find the same stale lock: the lock moved aside is
 * checked to be that one, and if another run's fresh lock was moved instead (it took over first), it is put back.
 * (Used for a stale break lock, see breakStaleLock; three runs racing for one could still lose one of theirs.)
 */
export function setAsideIfStale(lockPath: string, holder: { pid: number; host: string }): void {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another run moved it: look again
    throw error;
  }
  const moved = lockHolder(aside);
  if (moved === null || moved.pid !== holder.pid || moved.host !== holder.host) tryLink(aside, lockPath);
  rmSync(aside, { force: true });
}

/** The owner written in a lock file, or null when it cannot be read (being written, or not a lock of ours). */
function lockHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host } = parsed as { pid?: unknown; host?: unknown };
    return Number.isSafeInteger(pid) && typeof host === 'string' ? { pid: pid as number, host } : null;
  } catch {
    return null;
  }
}

/** Is a process with this id running on this host? (Signal 0 checks without sending; EPERM: it runs as another user.) */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A sha256 of the compiled code in these folders (their .js files, subfolders included, in name order): what tells
 * one build of medbert from another where an output made by one must not meet another's (the lexicon cache, a
 * stopped prepare's shards). Read once per process and folder list.
 */
export function codeDigest(folders: readonly URL[]): string {
  const key = folders.map((f) => f.href).join('\n');
  const known = codeDigests.get(key);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const add = (folder: string, name: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) add(path, `${name}/${entry.name}`);
      else if (entry.name.endsWith('.js')) hash.update(`${name}/${entry.name}`).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const folder of folders) add(fileURLToPath(folder), basename(fileURLToPath(folder)));
  const digest = hash.digest('hex');
  codeDigests.set(key, digest);
  return digest;
}

const codeDigests = new Map<string, string>();
