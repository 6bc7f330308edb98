import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { deidentify, findPhi, parsePhysionetText } from '../../src/deid/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const physionetText = sharedFile('deid', 'physionet-deid', 'id.text');
const mtsamples = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

/**
 * Pins the exact output of the recognisers on real notes, so that work meant only to make de-identification
 * faster cannot change what it finds. A digest, not the spans themselves: the notes' text stays out of the
 * repository. When a rule is changed on purpose, check the change with `medbert deid eval` and put the new
 * digest (printed on failure) here.
 */
function digest(notes: readonly string[]): { spans: number; sha256: string } {
  const hash = createHash('sha256');
  let spans = 0;
  for (const note of notes) {
    for (const s of findPhi(note)) {
      hash.update(`${s.start}:${s.end}:${s.category};`);
      spans++;
    }
    hash.update('\n');
  }
  return { spans, sha256: hash.digest('hex').slice(0, 16) };
}

test('PhysioNet notes: findPhi output pinned (every span of the 1,217 shared notes)', { skip: physionetText.skip }, () => {
  const notes = parsePhysionetText(readFileSync(physionetText.path, 'latin1')).map((n) => n.text);
  // A heart center's kind ("Heart") stays out of the facility's span since 2026-11-27 (the same count); a facility's
  // name found as a town and as a facility is a facility (the same count); a given name's past tense without "-ed"
  // ("X woke up") is no surname (the same count, one span shorter).
  assert.deepEqual(digest(notes), { spans: 721, sha256: '4ebe886a9e510510' });
});

test('MTSamples notes: findPhi output pinned (first 1,500 transcriptions), and tag mode replaces exactly those spans', { skip: mtsamples.skip }, () => {
  const rows = parse(gunzipSync(readFileSync(mtsamples.path)).toString('utf8'), { columns: true, relax_quotes: true }) as Record<string, string>[];
  const notes = rows.slice(0, 1500).map((r) => r.transcription ?? '').filter((t) => t !== '' && t !== 'NA');
  // 1,131 spans before named instruments were told apart: "Glasgow Coma Scale", "Philadelphia collar", "Nottingham grade II",
  // "Gilbert's syndrome" are no place or person (1,125); then practices and laboratories named ("ABC Practice": 1,127);
  // then a count before "cores" no date ("8/12 cores positive": 1,123); then a claim's number found and a lens's
  // model ("Alcon AcrySof, SN60AT") no name (1,122); then a code standing alone (an endoscope's "EC3870LK", an identifier
  // as the rule cannot tell a model from a serial) and a town after "lives here in" (1,123); then practices named by
  // their specialty ("ABC Radiology", "UIHC Vascular Surgery") and a police department's town with its name (1,125); then
  // a device's model number after "#" no identifier ("model # N119": 1,122); then "Surgery" and "Radiology" no practice's
  // heads (headings name them as often) and no name after a credential's comma ("X Y, MD,Prior to ...": 1,120).
  // Then overlapping places are one span and a name found as a town and a facility is a facility (1,120); then a
  // suite on an address's line ("Suite 123, ABC Avenue": 1,121); then a code needs five digits (the endoscope's model
  // is none: 1,120). Then specialties and clinicians' roles no names ("per Nephrology", "MD, Pathologist"), "School" and
  // "College" alone no name or facility, and a name before a nurse practitioner's "FNP" found (1,112); then a
  // facility's kind of care left out of its name ("ABC Surgery Center") and orthopaedic practices named (1,115); then
  // the stores of chains where patients work or shop (four "Wal-Mart", a "Taco Bell": 1,120); then the town of a
  // clinician seen elsewhere ("her dentist in X", "physician in X City": 1,123); then "Practitioner" no name word (the
  // placeholder "A. General Practitioner MD" keeps its first two: 1,123); then a weekday before a date is the date's
  // ("on Monday, 09/03/2007": 1,123); then devices and tubes named after people no names where a name found recurs
  // (catheters, tubes, rings and splints), a city before a heart association's class no place (1,115); then a dialysis
  // clinics' chain (1,116); then strength grades after "flexion" and "Apgars 9/9" no dates (1,114).
  assert.deepEqual(digest(notes), { spans: 1114, sha256: '9aaf692a2135b7ed' });
  const note = notes.find((t) => findPhi(t).length >= 3) ?? '';
  const { text, spans } = deidentify(note);
  let expected = note;
  for (const s of [...spans].reverse()) expected = expected.slice(0, s.start) + `[${s.category}]` + expected.slice(s.end);
  assert.equal(text, expected);
});
