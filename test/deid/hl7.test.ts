import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deidentify, findPhi } from '../../src/deid/index.js';
import { findHl7Phi } from '../../src/deid/recognizers/hl7.js';

// An invented ADT message (names, places and numbers made up), its segments ended by CR as the standard writes them.
const MESSAGE = [
  'MSH|^~\\&|EPIC|QNBHOSP|RHAPSODY|LAB|20240412083301||ADT^A08|MSG00441872|P|2.5.1',
  'EVN|A08|20240412083259',
  'PID|1||Q44018822^^^QNB^MR~521-48-9931^^^SSA^SS||VELLACOTT^ORVELINA^T||19870219|F|||77 FERRANT AVE APT 4C^^BRENCHESTER^NJ^07306||(201)555-0196^PRN^PH|||S||110042281455',
  'NK1|1|VELLACOTT^TOVALD|BRO|302 QUARREN AVE^^ORVELTON^NJ^07087|(551)555-0122',
  'PV1|1|I|5E^512^B|||||1447209933^DANKQUIST^OSWIN^^^^MD|||MED||||||||V00918277',
].join('\r');

function found(text: string): string[] {
  return findHl7Phi(text).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
}

test('HL7 v2: the person, visit and message fields by position, each component that is PHI; codes and states stay', () => {
  assert.deepEqual(found(MESSAGE), [
    'HOSPITAL:QNBHOSP', 'DATE:20240412083301', 'ID:MSG00441872', 'DATE:20240412083259',
    'MRN:Q44018822', 'MRN:521-48-9931', 'NAME:VELLACOTT', 'NAME:ORVELINA', 'NAME:T', 'DATE:19870219',
    'LOCATION:77 FERRANT AVE APT 4C', 'LOCATION:BRENCHESTER', 'LOCATION:07306', 'PHONE:(201)555-0196', 'ACCOUNT:110042281455',
    'NAME:VELLACOTT', 'NAME:TOVALD', 'LOCATION:302 QUARREN AVE', 'LOCATION:ORVELTON', 'LOCATION:07087', 'PHONE:(551)555-0122',
    'ID:1447209933', 'NAME:DANKQUIST', 'NAME:OSWIN', 'ACCOUNT:V00918277',
  ]);
  // Tag mode leaves the structure, the event and message types, the sex, the state and the units' codes.
  const tagged = deidentify(MESSAGE).text;
  for (const kept of ['ADT^A08', '|F|', '^NJ^', '5E^512^B', '|MED|', '2.5.1', '^PRN^PH']) assert.ok(tagged.includes(kept), kept);
  for (const gone of ['VELLACOTT', 'ORVELINA', 'FERRANT', 'BRENCHESTER', '19870219', 'Q44018822', '555-0196', 'DANKQUIST']) assert.ok(!tagged.includes(gone), gone);
});

test('HL7 v2: the encoding characters MSH-2 names, LF line ends, segments pasted with an indent', () => {
  const message = 'MSH|#*\\@|APP|QNBHOSP|||20240412\n  PID|1||X1234567#####MR||ORVEL#DANKQUIST||19501231';
  assert.deepEqual(found(message), ['HOSPITAL:QNBHOSP', 'DATE:20240412', 'MRN:X1234567', 'NAME:ORVEL', 'NAME:DANKQUIST', 'DATE:19501231']);
});

test('HL7 v2: no message, no spans; a segment name inside prose or a year alone is none', () => {
  assert.deepEqual(found('Sent the PID|1 fix to the team. Plan | review | discharge'), []);
  assert.deepEqual(found('PID|1||||||1987'), []);
  assert.deepEqual(findPhi('Stable overnight | PID|2 noted'), []);
});

test('HL7 v2: segments joined by an escaped CR or LF, as a message logged in JSON holds them; a pipe table of problems is no message', () => {
  const logged = '{"raw":"MSH|^~\\\\&|APP|QNBHOSP|||20240412||ADT^A08|X1|P|2.5\\rPID|1||Q44018822^^^QNB^MR||VELLACOTT^ORVELINA^T||19870219|F"}';
  assert.deepEqual(found(logged).filter((s) => s.startsWith('NAME') || s.startsWith('MRN')), ['MRN:Q44018822', 'NAME:VELLACOTT', 'NAME:ORVELINA', 'NAME:T']);
  assert.deepEqual(found('Problem|Onset|Status|Treatment\nPID|2019|Resolved|Doxycycline|clinic'), []);
});

test('HL7 v2: segments quoted in a reply or numbered in a ticket', () => {
  const quoted = '> MSH|^~\\&|APP|QNBHOSP|||20240412\n> PID|1||Q44018822^^^QNB^MR||VELLACOTT^ORVELINA\n2. PID|1||Q55||DANKQUIST^OSWIN';
  assert.deepEqual(found(quoted).filter((s) => s.startsWith('NAME') || s.startsWith('MRN')),
    ['MRN:Q44018822', 'NAME:VELLACOTT', 'NAME:ORVELINA', 'MRN:Q55', 'NAME:DANKQUIST', 'NAME:OSWIN']);
});
