import test from 'node:test';
import assert from 'node:assert/strict';
import { readPubtator } from '../../src/corpus/index.js';
import { fileText } from '../../src/corpus/node-io.js';
import { BUILTIN_LEXICON_TSV, evaluateCoverage, linkWithAbbreviations, parseEntityType, readLexicon, type LexiconEntry } from '../../src/ontology/index.js';
import { loadMatcher } from '../../src/ontology/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';

const lexicon = sharedFile('ontology', 'lexicon.tsv.gz');
const bc5cdrTest = sharedFile('bc5cdr', 'pubtator', 'CDR_TestSet.PubTator.txt');

async function entries(tsv: string, name = 'lex.tsv'): Promise<LexiconEntry[]> {
  const out: LexiconEntry[] = [];
  for await (const e of readLexicon(tsv, name)) out.push(e);
  return out;
}

test('lexicon TSV: columns found by header name, synonyms split, bad rows named by file and line', async () => {
  const tsv = 'type\tid\tsynonyms\tpreferred_name\nDisease\tMESH:D1\ta|b\tAlpha\nChemical\tMESH:D2\t\tBeta\n';
  assert.deepEqual(await entries(tsv), [
    { id: 'MESH:D1', type: 'disease', preferredName: 'Alpha', synonyms: ['a', 'b'] },
    { id: 'MESH:D2', type: 'chemical', preferredName: 'Beta', synonyms: [] },
  ]);
  await assert.rejects(entries('id\ttype\tpreferred_name\nX\tGene\tY\n'), /lex\.tsv:1: lexicon header lacks a 'synonyms' column/);
  // A binary file's "header" is shown short and printable: the error stays one line.
  const binary = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256).filter((c) => c !== 10 && c !== 9));
  await assert.rejects(entries(`${binary}\nX\n`), (error: Error) => {
    assert.match(error.message, /lex\.tsv:1: lexicon header lacks a 'id' column \(found: [\x20-\x7e]{80}\.\.\.\)$/);
    return true;
  });
  await assert.rejects(entries('id\ttype\tpreferred_name\tsynonyms\nX\tOrgan\tY\t\n'), /lex\.tsv:2: unknown entity type 'Organ'/);
  await assert.rejects(entries('id\ttype\tpreferred_name\tsynonyms\n\nX\tGene\n'), /lex\.tsv:3: expected 4 tab-separated fields, found 2/);
  assert.ok((await entries(BUILTIN_LEXICON_TSV)).length >= 150);
});

test('parseEntityType: every spelling of the three types, any case and spacing; anything else (an Object key too) is null', () => {
  const expected: [string, string | null][] = [
    ['Disease', 'disease'], ['disease', 'disease'], [' DISEASE ', 'disease'], ['Chemical', 'chemical'], ['Drug', 'chemical'],
    ['Chemical/Drug', 'chemical'], ['Gene', 'gene'], ['protein', 'gene'], ['Gene/Protein', 'gene'],
    ['Organ', null], ['', null], ['constructor', null], ['__proto__', null], ['toString', null], ['gene protein', null],
  ];
  for (const [name, type] of expected) assert.equal(parseEntityType(name), type, name);
});

test('the shared lexicon: 68,968 concepts by type as SOURCE.md counts them', { skip: lexicon.skip }, async () => {
  const counts: Record<string, number> = {};
  for await (const e of readLexicon(fileText(lexicon.path), 'lexicon.tsv.gz')) counts[e.type] = (counts[e.type] ?? 0) + 1;
  assert.deepEqual(counts, { gene: 40988, chemical: 15748, disease: 12232 });
});

test('BC5CDR test set with the shared lexicon: known mentions linked, coverage reported', { skip: lexicon.skip || bc5cdrTest.skip }, async () => {
  const matcher = await loadMatcher(lexicon.path);
  assert.equal(matcher.concepts.length, 68968);
  let first = true;
  for await (const doc of readPubtator(fileText(bc5cdrTest.path))) {
    if (!first) break;
    first = false;
    const spans = linkWithAbbreviations(matcher, doc.text);
    // Every gold mention of the first abstract (famotidine, delirium, ulcers) is found with its id.
    for (const gold of doc.mentions) {
      assert.ok(spans.some((s) => s.start === gold.start && s.end === gold.end && s.id === `MESH:${gold.ids[0]}`), gold.text);
    }
  }
  const report = await evaluateCoverage(readPubtator(fileText(bc5cdrTest.path)), matcher);
  assert.equal(report.documents, 500);
  assert.equal(report.unlinkedGold, 91);
  assert.equal(report.byType['Chemical'].mentions + report.byType['Disease'].mentions, 5385 + 4424 - 91);
  // A floor under the figure in BENCHMARKS.md (0.71 when measured), so a regression in the matcher shows.
  assert.ok(report.overall.exactRate > 0.68, `exact coverage ${report.overall.exactRate}`);
  assert.ok(report.byType['Chemical'].exactRate > report.byType['Disease'].exactRate);
  const plain = await evaluateCoverage(readPubtator(fileText(bc5cdrTest.path)), matcher, { abbreviations: false });
  assert.ok(plain.overall.exact < report.overall.exact);
});
