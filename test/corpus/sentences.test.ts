import test from 'node:test';
import assert from 'node:assert/strict';
import { sentenceSpans, splitSentences, type CorpusDocument } from '../../src/corpus/index.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';
import { referenceSentenceSpans } from './sentence-spans-reference.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const mtsamples = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

async function abstractsByPmid(pmids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const doc of readCorpusFile(abstracts.path, { textFields: ['abstract'] }) as AsyncIterable<CorpusDocument>) {
    if (pmids.includes(doc.id)) found.set(doc.id, doc.paragraphs[0]);
  }
  return found;
}

test('real abstracts: abbreviations, decimals and citations stay inside sentences', { skip: abstracts.skip }, async () => {
  const text = await abstractsByPmid(['26702418', '26702416', '28127977', '435349', '8231633', '6466532']);
  const split = (pmid: string): string[] => splitSentences(text.get(pmid) ?? '');
  // Counted by hand from the abstracts.
  assert.deepEqual(split('26702418').map((s) => s.slice(0, 24)), ['The data show the freque', 'Plakortin is an antimala', 'Plakortin did not elicit']);
  assert.ok(split('26702418')[1].endsWith('described in Skorokhod et al. (2015) [1].'));
  assert.equal(split('26702416').length, 5);
  assert.equal(split('26702416')[0], 'This data article restrains data associated to the Choudhary et al. [1].');
  const leptin = split('28127977');
  assert.equal(leptin.length, 10);
  assert.equal(leptin[3], 'Results: The serum leptin levels at diagnosis were significantly lower in lung cancer patients than those in control subjects (4.75±4.91 ng/ml, 9.67±8.02 ng/ml; p<0.001).');
  assert.equal(leptin[9], 'Therefore, leptin is not a useful clinical marker in lung cancer (Tab. 2, Fig. 2, Ref. 22).');
  const sux = split('435349');
  assert.equal(sux.length, 7);
  assert.equal(sux[0], 'Suxamethonium chloride (Sch) was administered i.v. to 36 adult males at six rates: 0.25 mg s-1 to 20 mg s-1.');
  assert.equal(sux[2], 'Six additional patients received a 30-mg i.v. bolus dose.');
  const bupi = split('8231633');
  assert.equal(bupi.length, 5);
  assert.match(bupi[1], /^For each of the three tested calcium channel blockers .* i\.e\. 2 and 10 mg\/kg\/i\.p\., or .* 50 mg\/kg\/i\.p\. dose of bupivacaine\.$/);
  assert.equal(split('6466532').length, 5);
});

test('abbreviation rules on constructed cases', () => {
  assert.deepEqual(splitSentences('See Fig. 2 and Dr. Smith (vs. controls). Rats got 2.5 mg i.v. The next day they improved.'), [
    'See Fig. 2 and Dr. Smith (vs. controls).', 'Rats got 2.5 mg i.v.', 'The next day they improved.']);
  assert.deepEqual(splitSentences('Samples, e.g. serum, were taken. J. Smith grew E. coli. Was it toxic? No. 5 was not.'), [
    'Samples, e.g. serum, were taken.', 'J. Smith grew E. coli.', 'Was it toxic?', 'No. 5 was not.']);
  assert.deepEqual(splitSentences('It lasted 10 min. Then it stopped. "Quoted." (Bracketed.) End'), [
    'It lasted 10 min.', 'Then it stopped.', '"Quoted."', '(Bracketed.)', 'End']);
});

test('spans are offsets into the original paragraph, surrounding space excluded', () => {
  const text = '  First one.   Second one!  ';
  const spans = sentenceSpans(text);
  assert.deepEqual(spans, [{ start: 2, end: 12 }, { start: 15, end: 26 }]);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['First one.', 'Second one!']);
  assert.deepEqual(sentenceSpans(''), []);
});

test('sentenceSpans gives the reference splitter\'s spans on every paragraph of the abstracts and notes, and on odd text', { skip: abstracts.skip || mtsamples.skip }, async () => {
  const odd = ['', ' ', '.', '..', ' . ', 'a.', 'A. b', 'x.\u00a0Y', 'x.\u2029Y', 'It ended.\u201d \u201cThen', 'Why?\u2019 (Next)', 'e.g.\tThe',
    'No. 5', 'No. Five', 'vs. A', 'i.v. The', 'i.v. the', 'a.b.c. D', 'Fig.\n2', 'Done!\r\nNext', 'Wait\u2026 What', 'Wait\u2026 what',
    'End. \u00e9tude', 'End. \u00c9tude', 'End. \u03b1-helix', 'End. 5 mg', 'Ref. [3] says', '((a.)) B', 'x.) Y', '"Yes." "No."', 'A.\ud800 B',
    // Words before a dot around the longest listed abbreviation's length (6: approx), behind openers, with dots inside.
    'see approx. 5', 'see (approx. The', 'see ("approx. The', 'see (("[approx. The', 'see approxi. The', 'see ((approxi. The',
    'see "\u201capprox. 5', 'give b.i.d. The', 'give b.i.d.x. The', 'U.S.A.B.C. Then', 'aaaaaaa.b. C', 'abcdefg. Next', 'ABCDEFG. Next',
    '\u212aelvin. Next', '\u0130stanbul. Next', 'x \u0130\u0130\u0130\u0130\u0130\u0130\u0130. Next', 'a?b. C', 'Really?! Yes', 'Hm\u2026. Ok', 'A! b. C? d\u2026 E.'];
  let paragraphs = 0, sentences = 0;
  const check = (text: string): void => {
    const got = sentenceSpans(text);
    assert.deepEqual(got, referenceSentenceSpans(text), JSON.stringify(text.slice(0, 100)));
    paragraphs++;
    sentences += got.length;
  };
  for (const t of odd) check(t);
  for await (const doc of readCorpusFile(abstracts.path, { textFields: ['title', 'abstract'] }) as AsyncIterable<CorpusDocument>) {
    for (const p of doc.paragraphs) check(p);
  }
  for await (const doc of readCorpusFile(mtsamples.path, { textColumn: 'transcription' }) as AsyncIterable<CorpusDocument>) {
    for (const p of doc.paragraphs) check(p);
  }
  assert.ok(paragraphs > 8000 && sentences > 150000, `${paragraphs} paragraphs, ${sentences} sentences`);
});
