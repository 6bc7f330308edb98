import test from 'node:test';
import assert from 'node:assert/strict';
import { readPubtator, type PubtatorDocument } from '../../src/corpus/index.js';
import { fileText } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';

const testSet = sharedFile('bc5cdr', 'pubtator', 'CDR_TestSet.PubTator.txt');

async function all(source: string | AsyncIterable<string>, name = 'x.txt'): Promise<PubtatorDocument[]> {
  const docs: PubtatorDocument[] = [];
  for await (const d of readPubtator(source, name)) docs.push(d);
  return docs;
}

test('BC5CDR test set: 500 abstracts, 5,385 chemical + 4,424 disease mentions, 1,066 relations', { skip: testSet.skip }, async () => {
  const docs = await all(fileText(testSet.path), 'CDR_TestSet.PubTator.txt');
  assert.equal(docs.length, 500);
  const count = (type: string): number => docs.reduce((n, d) => n + d.mentions.filter((m) => m.type === type).length, 0);
  assert.equal(count('Chemical'), 5385);
  assert.equal(count('Disease'), 4424);
  assert.equal(docs.reduce((n, d) => n + d.relations.length, 0), 1066);
  const first = docs[0];
  assert.equal(first.pmid, '8701013');
  assert.equal(first.title, 'Famotidine-associated delirium. A series of six cases.');
  assert.deepEqual(first.mentions[1], { start: 22, end: 30, text: 'delirium', type: 'Disease', ids: ['D003693'] });
  assert.deepEqual(first.relations[0], { type: 'CID', arguments: ['D015738', 'D003693'] });
  // SOURCE.md: 91 mentions without an id (-1) and 75 with several ids in the test set; 57 of those carry
  // the individual mention texts (counted with awk on the file).
  assert.equal(docs.reduce((n, d) => n + d.mentions.filter((m) => m.ids.length === 0).length, 0), 91);
  assert.equal(docs.reduce((n, d) => n + d.mentions.filter((m) => m.ids.length > 1).length, 0), 75);
  const withParts = docs.flatMap((d) => d.mentions.filter((m) => m.parts !== undefined));
  assert.equal(withParts.length, 57);
  assert.deepEqual(withParts[0], {
    start: 297, end: 317, text: 'hemorrhagic cystitis', type: 'Disease', ids: ['D006470', 'D003556'], parts: ['hemorrhagic', 'cystitis'],
  });
});

const ncbiTrain = sharedFile('ner-extra', 'ncbi-disease', 'original', 'NCBItrainset_corpus.txt');
test('NCBI-disease training set: 593 abstracts, 5,145 mentions in four classes; ids joined with + are split', { skip: ncbiTrain.skip }, async () => {
  const docs = await all(fileText(ncbiTrain.path), 'NCBItrainset_corpus.txt');
  assert.equal(docs.length, 593); // SOURCE.md: PMID 8528200 appears twice
  const mentions = docs.flatMap((d) => d.mentions);
  assert.equal(mentions.length, 5145);
  assert.deepEqual([...new Set(mentions.map((m) => m.type))].sort(), ['CompositeMention', 'DiseaseClass', 'Modifier', 'SpecificDisease']);
  const joined = mentions.find((m) => m.text === 'X-linked recessive muscular dystrophy');
  assert.deepEqual(joined?.ids, ['D040181', 'D009136']); // written D040181+D009136
});

test('malformed lines are errors naming file and line', async () => {
  const good = '1|t|Aspirin helps.\n1|a|Headache gone.\n1\t0\t7\tAspirin\tChemical\tD001241\n\n';
  assert.equal((await all(good)).length, 1);
  await assert.rejects(all(good.replace('\t0\t7\t', '\t0\t6\t')), /^MedbertError: x\.txt:3: mention 'Aspirin' does not match the text at 0-6/);
  await assert.rejects(all(good.replace('\t0\t7\t', '\tzero\t7\t')), /x\.txt:3: malformed PubTator line/);
  await assert.rejects(all(good.replace('1\t0', '2\t0')), /x\.txt:3: line for PMID 2 inside the document of PMID 1/);
  await assert.rejects(all('1\t0\t7\tAspirin\tChemical\tD001241\n'), /x\.txt:1: expected a 'PMID\|t\|title' line/);
});
