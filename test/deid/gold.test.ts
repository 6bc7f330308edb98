import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MedbertError } from '../../src/errors.js';
import { parsePhysionetPhrases, parsePhysionetText, physionetGold, presidioGold } from '../../src/deid/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const physionetText = sharedFile('deid', 'physionet-deid', 'id.text');
const physionetPhrase = sharedFile('deid', 'physionet-deid', 'id-phi.phrase');
const presidio = sharedFile('deid', 'presidio-synth', 'synth_dataset_v2.half.json');

test('PhysioNet id.text records: text starts after the header line and stops before ||||END_OF_RECORD', () => {
  const raw = 'START_OF_RECORD=5||||1||||\nPt seen by Dr. Foley.\n||||END_OF_RECORD\n\nSTART_OF_RECORD=5||||2||||\nNone\n||||END_OF_RECORD\n';
  const notes = parsePhysionetText(raw);
  assert.deepEqual(notes, [
    { patient: '5', note: '1', text: 'Pt seen by Dr. Foley.\n' },
    { patient: '5', note: '2', text: 'None\n' },
  ]);
  assert.throws(() => parsePhysionetText('START_OF_RECORD=1||||1||||\ntext without end'), /record 1\/1 has no \|\|\|\|END_OF_RECORD/);
  assert.throws(() => parsePhysionetText('no records'), MedbertError);
});

test('PhysioNet id-phi.phrase: spaces inside the phrase are kept; a bad line is named', () => {
  assert.deepEqual(parsePhysionetPhrases('3 4 52 57 Date 11/04\n9 2 610 615 Date feb. \n'), [
    { patient: '3', note: '4', start: 52, end: 57, label: 'Date', text: '11/04' },
    { patient: '9', note: '2', start: 610, end: 615, label: 'Date', text: 'feb. ' },
  ]);
  assert.throws(() => parsePhysionetPhrases('3 4 52 57 Date x\n3 two 1 2 Date y\n'), /id-phi\.phrase:2: expected/);
  const raw = 'START_OF_RECORD=5||||1||||\nshort\n||||END_OF_RECORD\n';
  assert.throws(() => physionetGold(raw, '5 1 2 40 Date x\n'), /past the note's end/);
  assert.throws(() => physionetGold(raw, '6 1 0 2 Date sh\n'), /patient 6 note 1 is not in id\.text/);
});

test('the shared PhysioNet half: 1,217 notes, 81 patients, 860 spans whose offsets give their phrases', { skip: physionetText.skip || physionetPhrase.skip }, () => {
  const phraseRaw = readFileSync(physionetPhrase.path, 'latin1');
  const docs = physionetGold(readFileSync(physionetText.path, 'latin1'), phraseRaw);
  assert.equal(docs.length, 1217);
  assert.equal(new Set(docs.map((d) => d.group)).size, 81);
  assert.equal(docs.reduce((n, d) => n + d.spans.length, 0), 860);
  const phrases = parsePhysionetPhrases(phraseRaw);
  const byId = new Map(docs.map((d) => [d.id, d.text]));
  for (const p of phrases) assert.equal(byId.get(`patient ${p.patient} note ${p.note}`)?.slice(p.start, p.end), p.text);
  const labels = new Set(docs.flatMap((d) => d.spans.map((s) => `${s.label}:${s.category}`)));
  assert.ok(labels.has('HCPName:NAME') && labels.has('Location:LOCATION') && labels.has('DateYear:DATE') && labels.has('Phone:PHONE'));
});

test('presidio JSON: non-PHI labels are kept but not scored; ages count only over 89; bad records are named', () => {
  const raw = JSON.stringify([
    { full_text: 'Anna Lee, 93, CEO of Acme', spans: [
      { entity_type: 'PERSON', entity_value: 'Anna Lee', start_position: 0, end_position: 8 },
      { entity_type: 'AGE', entity_value: '93', start_position: 10, end_position: 12 },
      { entity_type: 'TITLE', entity_value: 'CEO', start_position: 14, end_position: 17 },
      { entity_type: 'ORGANIZATION', entity_value: 'Acme', start_position: 21, end_position: 25 },
    ] },
    { full_text: 'aged 45', spans: [{ entity_type: 'AGE', entity_value: '45', start_position: 5, end_position: 7 }] },
  ]);
  const docs = presidioGold(raw);
  assert.deepEqual(docs[0]?.spans.map((s) => s.category), ['NAME', 'AGE', null, null]);
  assert.deepEqual(docs[1]?.spans.map((s) => s.category), [null]);
  assert.throws(() => presidioGold('{"a":1}', 'x.json'), /x\.json: expected a JSON array/);
  assert.throws(() => presidioGold('[{"full_text":"ab","spans":[{"entity_type":"PERSON","start_position":0,"end_position":9}]}]', 'x.json'),
    /x\.json: record 0 span 0 \(0-9\) is outside its text/);
  assert.throws(() => presidioGold('[1,', 'x.json'), /x\.json: not valid JSON/);
});

test('the shared presidio half: 750 records, 1,329 spans whose offsets give their values', { skip: presidio.skip }, () => {
  const raw = readFileSync(presidio.path, 'utf8');
  const docs = presidioGold(raw);
  assert.equal(docs.length, 750);
  assert.equal(docs.reduce((n, d) => n + d.spans.length, 0), 1329);
  const records = JSON.parse(raw) as { full_text: string; spans: { entity_value: string; start_position: number; end_position: number }[] }[];
  for (const r of records) for (const s of r.spans) assert.equal(r.full_text.slice(s.start_position, s.end_position), s.entity_value);
});
