import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files below `dir` (subfolders included) whose names end with `suffix`, as full paths in name order. */
export function filesUnder(dir: string, suffix: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));
}
