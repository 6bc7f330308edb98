import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILTIN_LEXICON_TSV } from '../../src/ontology/index.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';
import { tempFolder } from '../helpers/files.js';

const bin = resolve(repoRoot, 'bin', 'medbert.js');
const medbert = (args: string[], input?: string, env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('medbert link: stdin text → TSV spans with offsets into the whole input (built-in lexicon)', () => {
  const text = 'Cisplatin-induced nephrotoxicity.\n\nPatients with atrial fibrillation (AF) got warfarin. AF recurred.\n';
  const { code, stdout, stderr } = medbert(['link'], text);
  assert.equal(code, 0, stderr);
  const rows = stdout.trim().split('\n').map((l) => l.split('\t'));
  for (const [start, end, surface] of rows) assert.equal(text.slice(Number(start), Number(end)), surface);
  assert.deepEqual(rows.map((r) => [r[2], r[3], r[4]]), [
    ['Cisplatin', 'chemical', 'MESH:D002945'], ['atrial fibrillation', 'disease', 'MESH:D001281'], ['AF', 'disease', 'MESH:D001281'],
    ['warfarin', 'chemical', 'MESH:D014859'], ['AF', 'disease', 'MESH:D001281']]);
  assert.match(stderr, /5 mentions \(disease 3, chemical 2, gene 0\)/);
});

test('medbert link --json --input FILE: the last line is one JSON object', (t) => {
  const file = join(tempFolder(t, 'medbert-link-'), 'in.txt');
  writeFileSync(file, 'TNF-α and IL-6 in breast cancer.');
  const { code, stdout } = medbert(['link', '--ontology', 'builtin', '--input', file, '--json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { spans: { id: string }[]; counts: Record<string, number> };
  assert.deepEqual(report.spans.map((s) => s.id), ['HGNC:11892', 'HGNC:6018', 'MESH:D001943']);
  assert.deepEqual(report.counts, { disease: 1, chemical: 0, gene: 2 });
});

test('medbert link and link eval keep the built lexicon in the user\'s cache (or --lexicon-cache DIR, or none)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-link-cache-'));
  try {
    const lexicon = join(dir, 'lexicon.tsv');
    writeFileSync(lexicon, BUILTIN_LEXICON_TSV);
    const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'xdg') };
    const text = 'Cisplatin-induced nephrotoxicity in BRCA1 carriers.';
    const built = medbert(['link', '--ontology', lexicon, '--lexicon-cache', 'none'], text, env);
    assert.equal(built.code, 0, built.stderr);
    assert.ok(!existsSync(join(dir, 'xdg')), '"none" writes no cache');
    assert.match(built.stdout, /\tMESH:D002945\t/);
    const first = medbert(['link', '--ontology', lexicon], text, env);
    assert.equal(first.stdout, built.stdout);
    const defaultCache = join(dir, 'xdg', 'medbert', 'lexicon');
    assert.equal(readdirSync(defaultCache).filter((f) => f.endsWith('.v8')).length, 1);
    assert.equal(medbert(['link', '--ontology', lexicon], text, env).stdout, built.stdout, 'read back from the cache');
    const pubtator = join(dir, 'gold.txt');
    writeFileSync(pubtator, `1|t|${text}\n1|a|\n1\t0\t9\tCisplatin\tChemical\tD002945\n\n`);
    const own = join(dir, 'own');
    const scored = medbert(['link', 'eval', '--pubtator', pubtator, '--ontology', lexicon, '--lexicon-cache', own, '--json'], undefined, env);
    assert.equal(scored.code, 0, scored.stderr);
    assert.equal((JSON.parse(scored.stdout.trim().split('\n').pop() ?? '') as { overall: { exact_rate: number } }).overall.exact_rate, 1);
    assert.equal(readdirSync(own).length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('medbert link: bad inputs are one clear line', () => {
  const missing = medbert(['link', '--ontology', '/nonexistent/lexicon.tsv'], 'x');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^medbert: cannot open the lexicon \/nonexistent\/lexicon\.tsv: no such file or folder\n$/);
  const folder = medbert(['link', '--ontology', tmpdir()], 'x');
  assert.match(folder.stderr, /^medbert: cannot open the lexicon .+: it is a folder, not a file\n$/);
  const noPubtator = medbert(['link', 'eval', '--ontology', 'builtin']);
  assert.match(noPubtator.stderr, /missing required flag --pubtator/);
  // A lexicon of a header alone, a PubTator file of no documents: errors, not nothing linked and a perfect score.
  const dir = mkdtempSync(join(tmpdir(), 'medbert-link-'));
  try {
    writeFileSync(join(dir, 'header.tsv'), 'id\ttype\tpreferred_name\tsynonyms\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    const headerOnly = medbert(['link', '--ontology', join(dir, 'header.tsv')], 'aspirin');
    assert.equal(headerOnly.code, 1);
    assert.match(headerOnly.stderr, /header\.tsv: no concepts in the lexicon/);
    const emptyInput = medbert(['link', '--input', join(dir, 'empty.txt')]);
    assert.equal(emptyInput.code, 0);
    assert.match(emptyInput.stderr, /empty\.txt: the input is empty/);
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x61, 0x73, 0x70, 0x69, 0x72, 0x69, 0x6e, 0x20, 0xff, 0x0a]));
    assert.match(medbert(['link', '--input', join(dir, 'bad.txt')]).stderr, /bad\.txt: 1 invalid UTF-8 sequence\(s\) replaced/);
    const noDocs = medbert(['link', 'eval', '--pubtator', join(dir, 'empty.txt'), '--ontology', 'builtin', '--json']);
    assert.equal(noDocs.code, 1);
    assert.match(noDocs.stderr, /empty\.txt: no documents to score/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const bc5cdrTest = sharedFile('bc5cdr', 'pubtator', 'CDR_TestSet.PubTator.txt');
test('medbert link eval --json on BC5CDR test with the built-in lexicon', { skip: bc5cdrTest.skip }, () => {
  const { code, stdout } = medbert(['link', 'eval', '--pubtator', bc5cdrTest.path, '--ontology', 'builtin', '--json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { documents: number; overall: { mentions: number; exact_rate: number } };
  assert.equal(report.documents, 500);
  assert.equal(report.overall.mentions, 5385 + 4424 - 91);
  assert.ok(report.overall.exact_rate > 0.05 && report.overall.exact_rate < 0.5); // a small lexicon finds some
});

const ncbiTest = sharedFile('ner-extra', 'ncbi-disease', 'original', 'NCBItestset_corpus.txt');
test('medbert link eval on NCBI-disease: its four mention classes are diseases, so precision is measured', { skip: ncbiTest.skip }, () => {
  const { code, stdout, stderr } = medbert(['link', 'eval', '--pubtator', ncbiTest.path, '--ontology', 'builtin']);
  assert.equal(code, 0, stderr);
  const header = stdout.split('\n')[0];
  const composite = stdout.split('\n').find((l) => l.startsWith('CompositeMention '));
  assert.ok(composite !== undefined, stdout);
  assert.equal(composite.indexOf(' 20 '), header.indexOf('mentions') + 'mentions'.length - 3, 'columns aligned under the header');
  const precision = /precision of linked spans of the gold's types [\d.]+% \((\d+)\/(\d+)\)/.exec(stdout);
  assert.ok(precision !== null, stdout);
  assert.ok(Number(precision[1]) > 0 && Number(precision[2]) >= Number(precision[1]));
});

test('medbert link eval: gold types the linker has none of give no precision, said so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-link-eval-'));
  try {
    const file = join(dir, 'species.txt');
    writeFileSync(file, '1|t|Mice and rats.\n1|a|Asthma too.\n1\t0\t4\tMice\tSpecies\tNCBITaxon:10090\n\n');
    const { code, stdout, stderr } = medbert(['link', 'eval', '--pubtator', file, '--ontology', 'builtin']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /no linked spans of the types the gold annotates, so no precision/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
