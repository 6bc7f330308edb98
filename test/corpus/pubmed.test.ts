import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeUtf8, readJats, readPubmedXml } from '../../src/corpus/index.js';
import { fileText, readCorpusFile } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';
import { collect, inChunks } from './helpers.js';
import { tempFolder } from '../helpers/files.js';

const medline2016 = sharedFile('corpus', 'pubmed_xml_samples', 'medline16n0902.xml.gz');
const pubmed2024 = sharedFile('corpus', 'pubmed_xml_samples', 'test_current_medline.xml.gz');
const efetch = sharedFile('corpus', 'pubmed_xml_samples', 'pubmed-29768149.xml');

test('MedlineCitationSet (2016 baseline sample): 604 citations, 526 with an abstract, 1,396 sections', { skip: medline2016.skip }, async () => {
  const { docs, warnings } = await collect((onWarning) => readCorpusFile(medline2016.path, { onWarning }));
  assert.equal(warnings.length, 0);
  assert.equal(docs.length, 604); // SOURCE.md: 604 citations (526 with an abstract; 1,417 <AbstractText>)
  const withAbstract = docs.filter((d) => d.paragraphs.length > 1);
  assert.equal(withAbstract.length, 526);
  // 1,417 <AbstractText> in all, 21 of them in <OtherAbstract> (other-language abstracts), which is left out.
  assert.equal(withAbstract.reduce((n, d) => n + d.paragraphs.length - 1, 0), 1396);
  const first = docs[0];
  assert.equal(first.id, '17942999');
  assert.equal(first.meta['year'], 2007);
  assert.equal(first.paragraphs[0], 'Neuroplasticity in the processing of pitch dimensions: a multidimensional scaling analysis of the mismatch negativity.');
  assert.match(first.paragraphs[1], /^PURPOSE: An auditory electrophysiological study/);
  assert.match(first.paragraphs[4], /^CONCLUSIONS: The MMN can serve/);
  assert.ok((first.meta['mesh'] as string[]).length > 0);
});

test('PubmedArticleSet (2024 format): one-line articles, MeSH, entities and inline markup', { skip: pubmed2024.skip }, async () => {
  const { docs, warnings } = await collect((onWarning) => readCorpusFile(pubmed2024.path, { onWarning }));
  assert.equal(warnings.length, 0);
  assert.equal(docs.length, 4);
  const [back] = docs;
  assert.equal(back.id, '36400559');
  assert.equal(back.meta['year'], 2023);
  assert.equal(back.paragraphs[0], 'Back Pain: Differential Diagnosis and Management.');
  assert.match(back.paragraphs[1], /greater than 6 weeks, imaging/); // &#xa0; decoded, then spaces normalised
  assert.deepEqual((back.meta['mesh'] as string[]).slice(0, 3), ['Humans', 'Low Back Pain', 'Diagnosis, Differential']);
  assert.deepEqual((back.meta['meshIds'] as string[]).slice(0, 3), ['D006801', 'D017116', 'D003937']);
  // No reference-list PMIDs leak into ids; every article has its own PMID.
  assert.equal(new Set(docs.map((d) => d.id)).size, 4);
  for (const d of docs) assert.match(d.id, /^\d+$/);
});

test('efetch output (pretty-printed, tabs): structured abstract keeps its labels', { skip: efetch.skip }, async () => {
  const { docs } = await collect((onWarning) => readCorpusFile(efetch.path, { onWarning }));
  assert.equal(docs.length, 1);
  assert.equal(docs[0].id, '29768149');
  assert.equal(docs[0].paragraphs[0], 'Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.');
  assert.deepEqual(docs[0].paragraphs.slice(1).map((p) => p.split(':')[0]), ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
});

test('the result does not depend on where chunks are cut (7-byte chunks through tags and UTF-8)', { skip: medline2016.skip }, async () => {
  const bytes = gunzipSync(readFileSync(medline2016.path));
  const whole = await collect(() => readPubmedXml(new TextDecoder().decode(bytes)));
  const chunked = await collect((onWarning) => readPubmedXml(decodeUtf8(inChunks(bytes.subarray(0, 600_000), 7)), { onWarning }));
  assert.ok(chunked.docs.length >= 40);
  assert.equal(chunked.warnings.length, 1); // the cut-off last record
  assert.deepEqual(chunked.docs, whole.docs.slice(0, chunked.docs.length));
});

test('a malformed article is skipped with a warning naming file and line; the others are kept', { skip: pubmed2024.skip }, async () => {
  const text = gunzipSync(readFileSync(pubmed2024.path)).toString('utf8');
  const secondArticle = text.indexOf('<PubmedArticle>', text.indexOf('<PubmedArticle>') + 1);
  const at = text.indexOf('</ArticleTitle>', secondArticle);
  const broken = text.slice(0, at) + '</ArticleTitel>' + text.slice(at + '</ArticleTitle>'.length);
  const line = text.slice(0, at).split('\n').length;
  const { docs, warnings } = await collect((onWarning) => readPubmedXml(broken, { fileName: 'broken.xml', onWarning }));
  assert.equal(docs.length, 3);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, 'broken.xml');
  assert.equal(warnings[0].line, line);
  assert.match(warnings[0].message, /malformed XML record/);
});

test('a record without its close tag is skipped, not merged with the records after it (both roots)', { skip: medline2016.skip || pubmed2024.skip }, async () => {
  for (const [file, close] of [[pubmed2024.path, '</PubmedArticle>'], [medline2016.path, '</MedlineCitation>']] as const) {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const whole = await collect(() => readPubmedXml(text, { fileName: 'b.xml' }));
    const at = text.indexOf(close);
    const broken = await collect((onWarning) => readPubmedXml(text.slice(0, at) + text.slice(at + close.length), { fileName: 'b.xml', onWarning }));
    assert.deepEqual(broken.docs, whole.docs.slice(1), close);
    const opens = [...text.matchAll(new RegExp(`<${close.slice(2, -1)}[ >]`, 'g'))].map((m) => text.slice(0, m.index).split('\n').length);
    const [firstLine, nextLine] = opens;
    assert.deepEqual(broken.warnings.map((w) => [w.file, w.line, w.message]),
      [['b.xml', firstLine, `skipped a malformed XML record: it has no close tag before the next record opens on line ${nextLine}`]]);
  }
});

test('a record without its close tag, in the middle or last, is skipped with a warning naming its line', async () => {
  const record = (id: number, close = true): string =>
    `<PubmedArticle><MedlineCitation><PMID>${id}</PMID><Article><ArticleTitle>Title ${id}.</ArticleTitle></Article></MedlineCitation>${close ? '</PubmedArticle>' : ''}\n`;
  const read = async (xml: string): Promise<[string[], string[]]> => {
    const { docs, warnings } = await collect((onWarning) => readPubmedXml(xml, { fileName: 'x.xml', onWarning }));
    return [docs.map((d) => d.id), warnings.map((w) => `${w.line}: ${w.message}`)];
  };
  assert.deepEqual(await read(`<PubmedArticleSet>\n${record(1, false)}${record(2)}${record(3)}</PubmedArticleSet>\n`),
    [['2', '3'], ['2: skipped a malformed XML record: it has no close tag before the next record opens on line 3']]);
  assert.deepEqual(await read(`<PubmedArticleSet>\n${record(1)}${record(2, false)}</PubmedArticleSet>\n`),
    [['1'], ['3: skipped a malformed XML record (2): it has no close tag (line 4 closed it)']]);
  assert.deepEqual(await read(`<PubmedArticleSet>\n${record(1)}${record(2)}</PubmedArticleSet>\n`), [['1', '2'], []]);
});

test('invalid UTF-8 is replaced with U+FFFD, not fatal', async () => {
  const head = new TextEncoder().encode('<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Caf');
  const tail = new TextEncoder().encode(' au lait spots.</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>');
  const bytes = new Uint8Array([...head, 0xc3, 0x28, 0xff, ...tail]);
  const { docs, warnings } = await collect(() => readPubmedXml(decodeUtf8(inChunks(bytes, 5))));
  assert.equal(warnings.length, 0);
  assert.equal(docs[0].paragraphs[0], 'Caf\ufffd(\ufffd au lait spots.');
});

test('gzip is recognised by its magic bytes when the name has no .gz', { skip: pubmed2024.skip }, async (t) => {
  const copy = join(tempFolder(t, 'medbert-'), 'articles.xml');
  copyFileSync(pubmed2024.path, copy);
  let chars = 0;
  for await (const chunk of fileText(copy)) chars += chunk.length;
  assert.ok(chars > 10_000);
  const { docs } = await collect(() => readCorpusFile(copy));
  assert.equal(docs.length, 4);
});

test('a file cut inside a record names the line the record starts on; a file of another format names its root element', async () => {
  const xml = '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>\n'
    + '<Article><ArticleTitle>One</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n<PubmedArticle>\n<MedlineCitation><PMID>2</PMID>\n<Article>';
  const cut = await collect((onWarning) => readPubmedXml(xml, { fileName: 'cut.xml', onWarning }));
  assert.deepEqual(cut.docs.map((d) => d.id), ['1']);
  assert.deepEqual(cut.warnings.map((w) => [w.line, w.message]), [[5, 'the file ends inside a record (truncated?); that record is skipped']]);
  const jats = await collect((onWarning) => readPubmedXml('<article><front><article-meta/></front></article>', { fileName: 'a.nxml', onWarning }));
  assert.deepEqual(jats.warnings.map((w) => w.message), ['no records in this file: its root element is <article> (a JATS article: --format jats)']);
  const pubmed = await collect((onWarning) => readJats(xml, { fileName: 'p.xml', onWarning }));
  assert.match(pubmed.warnings.at(-1)?.message ?? '', /its root element is <PubmedArticleSet> \(PubMed XML: --format pubmed\)/);
});
