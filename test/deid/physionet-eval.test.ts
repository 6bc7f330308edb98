import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { findPhi, physionetGold, scoreDocuments, withInventedWords } from '../../src/deid/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const physionetText = sharedFile('deid', 'physionet-deid', 'id.text');
const physionetPhrase = sharedFile('deid', 'physionet-deid', 'id-phi.phrase');
const mtsamples = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

// Floors a little under what the recognizers reach on the shared half (token level: recall 0.995,
// precision 0.982 at the time of writing; see BENCHMARKS.md): a change that loses PHI fails here.
test('PhysioNet shared half: token recall and precision stay above their floors, per group too', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  const { report } = scoreDocuments(docs, findPhi);
  assert.ok(report.token.overall.recall >= 0.99, `token recall ${report.token.overall.recall}`);
  assert.ok(report.token.overall.precision >= 0.97, `token precision ${report.token.overall.precision}`);
  assert.ok(report.token.byGroup.DATE.recall >= 0.99, `DATE recall ${report.token.byGroup.DATE.recall}`);
  assert.ok(report.token.byGroup.NAME.recall >= 0.98, `NAME recall ${report.token.byGroup.NAME.recall}`);
  assert.ok(report.span.overall.recall >= 0.985, `span recall ${report.span.overall.recall}`);
});

test('PhysioNet by patient: the odd positions in patients.txt (first written without them, since tuned on them too) keep recall >= 0.99', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  const patients = readFileSync(physionetText.path.replace(/id\.text$/, 'patients.txt'), 'utf8').trim().split(/\s+/);
  const heldOut = new Set(patients.filter((_, i) => i % 2 === 1));
  const { report } = scoreDocuments(docs.filter((d) => heldOut.has(d.group)), findPhi);
  assert.ok(report.token.overall.recall >= 0.99 && report.token.overall.precision >= 0.96,
    `held-out recall ${report.token.overall.recall} precision ${report.token.overall.precision}`);
});

test('PhysioNet with every gold name replaced by an invented word: context rules alone keep NAME recall >= 0.95', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  const invented = withInventedWords(docs, 'NAME');
  assert.equal(invented.reduce((n, d) => n + d.spans.length, 0), 860);
  // Offsets still point at the (new) span texts, and no original name word is left inside a name span.
  const d = invented.find((x) => x.id === 'patient 8 note 1');
  const s = d?.spans.find((x) => x.label === 'HCPName');
  assert.ok(d !== undefined && s !== undefined && !/john|bowman/i.test(d.text.slice(s.start, s.end)));
  const { report } = scoreDocuments(invented, findPhi);
  assert.ok(report.token.byGroup.NAME.recall >= 0.95, `NAME recall with invented names ${report.token.byGroup.NAME.recall}`);
  assert.ok(report.token.overall.precision >= 0.95, `precision ${report.token.overall.precision}`);
});

test('PhysioNet with every gold place replaced by an invented word: context rules alone keep LOCATION recall >= 0.75', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  const { report } = scoreDocuments(withInventedWords(docs, 'LOCATION'), findPhi);
  // 0.60 before the places after going, returning and flying in capitals, before an emergency room or a cath lab,
  // after a facility and "in", and after a home, a job or knowing where one is and "in" (0.77 after).
  assert.ok(report.token.byGroup.LOCATION.recall >= 0.75, `LOCATION recall with invented places ${report.token.byGroup.LOCATION.recall}`);
  assert.ok(report.token.overall.precision >= 0.95, `precision ${report.token.overall.precision}`);
});

test('PhysioNet written all in lower case, then all in capitals (same offsets): recall >= 0.983 / 0.988, precision >= 0.975 / 0.97', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  // Before the fourteenth session: recall 0.9733 / 0.9831, precision 0.969 / 0.965; after: 0.9858 / 0.9911, 0.981 / 0.977.
  const variants = [[(t: string) => t.toLowerCase(), 0.983, 0.975], [(t: string) => t.toUpperCase(), 0.988, 0.97]] as const;
  for (const [recase, recall, precision] of variants) {
    const { report } = scoreDocuments(docs.map((d) => ({ ...d, text: recase(d.text) })), findPhi);
    assert.ok(report.token.overall.recall >= recall && report.token.overall.precision >= precision,
      `recall ${report.token.overall.recall} precision ${report.token.overall.precision}`);
  }
});

test('PhysioNet with invented names, upper-cased: the context rules of single-case notes keep NAME recall >= 0.95', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), readFileSync(physionetPhrase.path, 'latin1'));
  const upper = withInventedWords(docs, 'NAME').map((d) => ({ ...d, text: d.text.toUpperCase() }));
  const { report } = scoreDocuments(upper, findPhi);
  // 0.929 (precision 0.947) before the fourteenth session, 0.964 (0.981) after.
  assert.ok(report.token.byGroup.NAME.recall >= 0.95 && report.token.byGroup.NAME.precision >= 0.97,
    `NAME recall ${report.token.byGroup.NAME.recall} precision ${report.token.byGroup.NAME.precision}`);
});

test('MTSamples (placeholders, no real PHI): few words flagged', { skip: mtsamples.skip }, () => {
  const rows = parse(gunzipSync(readFileSync(mtsamples.path)).toString('utf8'), { columns: true, relax_quotes: true }) as Record<string, string>[];
  const notes = rows.slice(0, 400).map((r) => r.transcription ?? '').filter((t) => t !== 'NA');
  let words = 0;
  let flaggedNames = 0;
  for (const note of notes) {
    words += note.split(/\s+/).length;
    for (const s of findPhi(note)) if (s.category === 'NAME') flaggedNames += note.slice(s.start, s.end).split(/\s+/).length;
  }
  // The notes hold placeholder doctors ("Dr. XYZ") and a few real-looking names; well under 1 word in 500.
  assert.ok(flaggedNames / words < 0.002, `${flaggedNames} name words of ${words}`);
});
