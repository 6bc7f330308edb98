import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

/**
 * Data under ../shared/data is never copied into the repo: text written for the de-identifier (the examples in
 * comments, the notes the tests make up) must not quote the evaluation notes. A quote of four words or more is
 * found as a shared 4-word shingle.
 */
const physionet = sharedFile('deid', 'physionet-deid');
const presidio = sharedFile('deid', 'presidio-synth');

/** Lower-cased words split on whitespace; JSON's escaped line breaks and tabs split words too. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/\\[nrt]/g, ' ').split(/\s+/).filter((w) => w.length > 0);
}

function shingles(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
  return out;
}

/** Every 4-word shingle of every file of the two evaluation sets. */
function sharedShingles(): Set<string> {
  const all = new Set<string>();
  for (const dir of [physionet.path, presidio.path]) {
    for (const name of readdirSync(dir)) for (const s of shingles(readFileSync(join(dir, name), 'utf8'))) all.add(s);
  }
  return all;
}

const skip = physionet.skip || presidio.skip;

test('the shingle test finds a quote of an evaluation note', { skip }, () => {
  // The check itself: four words of a real note are found (so a pass below means something).
  const note = readFileSync(join(physionet.path, 'id.text'), 'utf8').split('\n').find((l) => words(l).length >= 8) as string;
  const quote = words(note).slice(2, 6).join(' ');
  assert.ok(sharedShingles().has(quote), quote);
});

/** Shingles of plain English or of the data sets' format descriptions that are no quote of a note. */
const NOT_QUOTES = new Set([
  'starts right after the', // id.text's record layout (gold/physionet.ts)
  '<note> <start> <end> <type>', // id-phi.phrase's line layout
  '`<patient> <note> <start> <end>',
  '<start> <end> <type> <text>`',
  'patient 8 note 1', // a note's id
  'the end of the', // "up to the end of the clause"
  'notes, 81 patients, 860', // the PhysioNet half's counts in a test's name
]);

/** The source files of the de-identifier and of its tests. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) out.push(path);
    }
  };
  walk(join(repoRoot, 'src', 'deid'));
  walk(join(repoRoot, 'test', 'deid'));
  return out;
}

/** The string literals (template parts included) and the comments of a TypeScript file. */
function literalsAndComments(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const seen = new Set<number>();
  const comment = (pos: number, end: number): void => {
    if (!seen.has(pos)) out.push(text.slice(pos, end));
    seen.add(pos);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    ts.forEachLeadingCommentRange(text, node.getFullStart(), comment);
    ts.forEachTrailingCommentRange(text, node.getEnd(), comment);
    node.forEachChild(visit);
  };
  visit(file);
  return out;
}

test('the literals and comments of src/deid and test/deid quote no four words of the evaluation notes', { skip }, () => {
  const shared = sharedShingles();
  const files = sourceFiles();
  assert.ok(files.length > 30);
  const quotes: string[] = [];
  let count = 0;
  for (const path of files) {
    for (const s of literalsAndComments(path).flatMap(shingles)) {
      count++;
      if (shared.has(s) && !NOT_QUOTES.has(s)) quotes.push(`${relative(repoRoot, path)}: ${s}`);
    }
  }
  assert.ok(count > 5000, `${count} shingles`);
  assert.deepEqual(quotes, []);
});
