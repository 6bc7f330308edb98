// Node-only: making output folders.
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MedbertError } from './errors.js';

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
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]);
    } catch (error) {
      // Made meanwhile by another process or thread (ranks of one training job share their --out): as good.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(missing[i]).isDirectory()) throw error;
    }
  }
}

/**
 * Throws unless an output folder may be written at `path`, replacing what is there: nothing, an empty folder, or a
 * folder holding `marker`, an earlier output of the same kind (`manifest.json` for shards). A file, or a folder of
 * other things, is the user's own, and a run must not delete it. `what` names the output in the message.
 */
export function checkOutputFolder(path: string, marker: string, what: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return; // nothing there (or nothing readable: making it will say why)
  }
  if (!stats.isDirectory()) throw new MedbertError(`${path} is a file, not a ${what}: not replacing it`);
  const entries = readdirSync(path);
  if (entries.length > 0 && !entries.includes(marker)) {
    throw new MedbertError(`${path} holds other files and no ${marker}, so it is not a ${what}: not replacing it (choose another folder)`);
  }
}

/**
 * Checks, by making and removing it, that the temporary folder an atomic writer makes beside `path` (`.NAME.tmp-PID`)
 * can be made: a command that trains for hours learns that its --out cannot be written before, not after. Makes the
 * folders above `path`; throws the system's error otherwise.
 */
export function checkCanWriteBeside(path: string): void {
  makeDirectories(dirname(path));
  const probe = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  mkdirSync(probe);
  rmdirSync(probe);
}
