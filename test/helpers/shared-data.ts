import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file runs compiled, from dist/test/helpers/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** ../shared/data beside the checkout, where the real datasets live (never copied into the repo). */
export const sharedData = resolve(repoRoot, '..', 'shared', 'data');

/**
 * The path of a file under ../shared/data, or a skip reason naming the path when it is absent, for
 * `test(name, { skip: ... })` or `t.skip(...)`.
 */
export function sharedFile(...parts: string[]): { path: string; skip: false } | { path: string; skip: string } {
  const path = resolve(sharedData, ...parts);
  return existsSync(path) ? { path, skip: false } : { path, skip: `needs ${path} (../shared/data beside the checkout)` };
}
