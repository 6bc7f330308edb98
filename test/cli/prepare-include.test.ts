import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const bin = resolve(repoRoot, 'bin', 'medbert.js');
const tokenizer = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
const article = sharedFile('corpus', 'pmc_oa_jats', 'pone.0046493.nxml');

/** `medbert prepare --json` on the article with `flags`: the megabytes of text it read (or the failure). */
function prepared(flags: string[]): { code: number | null; megabytes: number; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-include-'));
  try {
    const r = spawnSync(process.execPath, [bin, 'prepare', '--input', article.path, '--tokenizer', tokenizer, '--out', join(dir, 'out'), '--json', ...flags], { encoding: 'utf8' });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    return { code: r.status, megabytes: r.status === 0 ? (JSON.parse(last) as { megabytes: number }).megabytes : 0, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('prepare --include adds the JATS parts left out by default: references, tables, figures', { skip: article.skip }, () => {
  const none = prepared([]);
  assert.equal(none.code, 0, none.stderr);
  const sizes = Object.fromEntries(['references', 'tables', 'figures'].map((part) => [part, prepared(['--include', part]).megabytes]));
  for (const [part, megabytes] of Object.entries(sizes)) assert.ok(megabytes > none.megabytes, `${part}: ${megabytes} vs ${none.megabytes}`);
  const all = prepared(['--include', 'references,tables,figures']).megabytes;
  // Each part's text is its own: all three add up (to rounding of the figure to 6 decimals).
  assert.ok(Math.abs(all - none.megabytes - Object.values(sizes).reduce((s, m) => s + m - none.megabytes, 0)) < 1e-5);
  const wrong = prepared(['--include', 'refs']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^medbert: --include=refs is not a part of an article to include: expected some of references, tables, figures\n$/);
});
