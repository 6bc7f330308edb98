import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatFromFileName, parseCorpusFormat, readJats } from '../../src/corpus/index.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';
import { collect } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'medbert-corpus-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('formats follow file names; unknown format names are a clear error', () => {
  assert.equal(formatFromFileName('a.xml.gz'), 'pubmed');
  assert.equal(formatFromFileName('a.nxml'), 'jats');
  assert.equal(formatFromFileName('a.jsonl.gz'), 'jsonl');
  assert.equal(formatFromFileName('notes.CSV'), 'csv');
  assert.equal(formatFromFileName('book.txt'), 'text');
  assert.throws(() => parseCorpusFormat('docx'), /unknown corpus format 'docx': expected one of pubmed, jats, jsonl, csv, text/);
});

test('a truncated gzip file is one clear error naming the file', async () => {
  const path = join(dir, 'cut.jsonl.gz');
  const whole = gzipSync(Buffer.from('{"title":"a"}\n'.repeat(10_000)));
  writeFileSync(path, whole.subarray(0, whole.length >> 1));
  await assert.rejects(collect(() => readCorpusFile(path)), /^MedbertError: cannot read .*cut\.jsonl\.gz: corrupt or truncated gzip data$/);
  await assert.rejects(collect(() => readCorpusFile(join(dir, 'missing.txt'))), /input file not found: .*missing\.txt/);
});

test('text files: plain and gzip read alike', async () => {
  const text = 'One paragraph\nover two lines.\n\nAnother.\n';
  writeFileSync(join(dir, 'book.txt'), text);
  writeFileSync(join(dir, 'book.txt.gz'), gzipSync(Buffer.from(text)));
  const plain = await collect(() => readCorpusFile(join(dir, 'book.txt')));
  const zipped = await collect(() => readCorpusFile(join(dir, 'book.txt.gz')));
  assert.deepEqual(plain.docs[0].paragraphs, ['One paragraph over two lines.', 'Another.']);
  assert.deepEqual(zipped.docs[0].paragraphs, plain.docs[0].paragraphs);
});

const cc11003 = sharedFile('corpus', 'pmc_oa_jats', 'cc11003.nxml');
test('JATS: a malformed article among good ones is skipped with a warning naming its line', { skip: cc11003.skip }, async () => {
  const article = readFileSync(cc11003.path, 'utf8').replace(/^<!DOCTYPE[^>]*>/, '');
  const broken = article.replace('</article-title>', '</article-titel>');
  const set = `<pmc-articleset>\n${article}\n${broken}\n${article}\n</pmc-articleset>`;
  const { docs, warnings } = await collect((onWarning) => readJats(set, { fileName: 'set.xml', onWarning }));
  assert.equal(docs.length, 2);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, 'set.xml');
  assert.equal(warnings[0].line, set.slice(0, set.indexOf('</article-titel>')).split('\n').length);
});
