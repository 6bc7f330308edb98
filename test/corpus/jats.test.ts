import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJats } from '../../src/corpus/index.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';
import { collect } from './helpers.js';

const folder = sharedFile('corpus', 'pmc_oa_jats');

test('all 7 PMC OA articles (NLM 2.3 and JATS 1.0) read with their PMCIDs and no warnings', { skip: folder.skip }, async () => {
  const files = readdirSync(folder.path).filter((f) => f.endsWith('.nxml')).sort();
  assert.equal(files.length, 7);
  const ids: string[] = [];
  for (const file of files) {
    const { docs, warnings } = await collect((onWarning) => readCorpusFile(join(folder.path, file), { onWarning }));
    assert.equal(warnings.length, 0, file);
    assert.equal(docs.length, 1, file);
    ids.push(docs[0].id);
  }
  // SOURCE.md's table, in file-name order.
  assert.deepEqual(ids, ['PMC3166277', 'PMC2329613', 'PMC3363814', 'PMC2599765', 'PMC3585041', 'PMC1790863', 'PMC3460867']);
});

test('title, then abstract sections, then body sections in order (meeting abstract cc11003)', { skip: folder.skip }, async () => {
  const { docs } = await collect(() => readCorpusFile(join(folder.path, 'cc11003.nxml')));
  const [doc] = docs;
  assert.equal(doc.paragraphs[0], 'Acute respiratory distress syndrome: analysis of incidence and mortality in a university hospital critical care unit');
  assert.deepEqual([doc.paragraphs[1], doc.paragraphs[3], doc.paragraphs[5], doc.paragraphs[7]], ['Introduction', 'Methods', 'Results', 'Conclusion']);
  assert.match(doc.paragraphs[2], /^The aim was to determine the incidence of acute respiratory distress syndrome \(ARDS\)/);
  assert.equal(doc.meta['doi'], '10.1186/cc11003');
  assert.equal(doc.meta['year'], 2012);
});

test('references, tables and figures are off by default and each option adds its own part', { skip: folder.skip }, async () => {
  const path = join(folder.path, 'pone.0046493.nxml');
  const read = async (options: object): Promise<string[]> => (await collect(() => readCorpusFile(path, options))).docs[0].paragraphs;
  const plain = await read({});
  const withRefs = await read({ includeReferences: true });
  const withTables = await read({ includeTables: true });
  const withFigures = await read({ includeFigures: true });
  const reference = /^Tiss A, Lengsfeld H, Carriere F, Verger R \( ?2009\) Inhibition of human pancreatic lipase/;
  assert.ok(!plain.some((p) => reference.test(p)));
  assert.ok(withRefs.some((p) => reference.test(p)));
  assert.ok(!plain.some((p) => p.includes(' | ')));
  assert.ok(withTables.some((p) => p === 'Protein | Best | Up to | Best | Up to | Best | Up to'));
  assert.ok(withFigures.length > plain.length);
  assert.ok(!withFigures.some((p) => p.includes(' | ')));
  // The plain reading is the body of each richer one: nothing is lost or reordered.
  assert.deepEqual(withRefs.slice(0, plain.length), plain);
  assert.equal(plain[0], withTables[0]);
});

test('inline markup stays inside words; formulas and labels are left out', async () => {
  const xml = `<article><front><article-meta><article-id pub-id-type="pmc">123</article-id>
    <title-group><article-title>CO<sub>2</sub> and H<sub>2</sub>O</article-title></title-group></article-meta></front>
    <body><sec><label>1.</label><title>Intro</title><p>We saw <italic>E. coli</italic> grow <disp-formula><mml:math>x</mml:math></disp-formula>fast.</p>
    <list><list-item><p>first</p></list-item></list></sec></body></article>`;
  const { docs } = await collect(() => readJats(xml));
  assert.deepEqual(docs[0].paragraphs, ['CO2 and H2O', 'Intro', 'We saw E. coli grow fast.', 'first']);
  assert.equal(docs[0].id, 'PMC123');
});

test('an article without its close tag is skipped, and the next one read', async () => {
  const article = (title: string): string => `<article><front><article-meta><title-group><article-title>${title}</article-title></title-group></article-meta></front><body><p>${title} body.</p></body>`;
  const { docs, warnings } = await collect((onWarning) => readJats(`${article('One')}\n${article('Two')}</article>\n`, { fileName: 'x.nxml', onWarning }));
  assert.deepEqual(docs.map((d) => d.paragraphs), [['Two', 'Two body.']]);
  assert.deepEqual(warnings.map((w) => [w.line, w.message]), [[1, 'skipped a malformed XML record: it has no close tag before the next record opens on line 2']]);
});

test('a definition list item is one paragraph, "term: definition"; a pmcid article-id is the id too', async () => {
  const xml = `<article><front><article-meta><article-id pub-id-type="pmcid">PMC77</article-id>
    <title-group><article-title>Abbreviations</article-title></title-group></article-meta></front>
    <body><sec><title>Abbreviations</title><def-list><def-item><term>BMI</term><def><p>body mass index</p></def></def-item>
    <def-item><term><italic>i.v.</italic></term><def><p>intravenous</p><p>(into a vein)</p></def></def-item>
    <def-item><term>CO<sub>2</sub></term><def><p>carbon di<italic>ox</italic>ide</p></def></def-item></def-list>
    <p>After the list.</p></sec></body></article>`;
  const { docs } = await collect(() => readJats(xml));
  assert.deepEqual(docs[0].paragraphs, ['Abbreviations', 'Abbreviations', 'BMI: body mass index', 'i.v.: intravenous (into a vein)', 'CO2: carbon dioxide', 'After the list.']);
  assert.equal(docs[0].id, 'PMC77');
});
