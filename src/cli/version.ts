import { readFileSync } from 'node:fs';

/** medbert's version, from its package.json (beside dist/ in a checkout and in an installed package). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}
