import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/** The files below `dir` (subfolders included) whose names end with `suffix`, as full paths in name order. */
export function filesUnder(dir: string, suffix: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));
}

/** A new folder under the system's temporary one, removed when test `t` ends, passed or failed. */
export function tempFolder(t: TestContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
