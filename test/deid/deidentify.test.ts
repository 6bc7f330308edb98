import test from 'node:test';
import assert from 'node:assert/strict';
import { dateShiftFor, deidentify, shiftDate } from '../../src/deid/index.js';
import { FIRST_NAMES } from '../../src/deid/lexicon/first-names.js';
import { MEN_GIVEN_NAMES, WOMEN_GIVEN_NAMES } from '../../src/deid/lexicon/given-name-genders.js';
import { SURNAMES } from '../../src/deid/lexicon/surnames.js';

const NOTE = 'Pt seen by Dr. Vellacott on 5/16/2031; Vellacott aware. Wife Alana Bramwell (413-555-0162) visited 5/17. '
  + 'Transfer to Sacred Vale Memorial planned for Oct 20th. 92 yo.';

test('tag mode replaces each span by its category', () => {
  assert.equal(deidentify(NOTE).text,
    'Pt seen by Dr. [NAME] on [DATE]; [NAME] aware. Wife [NAME] ([PHONE]) visited [DATE]. Transfer to [HOSPITAL] planned for [DATE]. [AGE] yo.');
});

test('surrogate mode: same original → same surrogate, dates moved by one offset in their format, reproducible by seed', () => {
  const a = deidentify(NOTE, { mode: 'surrogate', seed: 's1', dateShiftDays: 10 }).text;
  const names = /Dr\. (\w+) on (\d+\/\d+\/\d+); (\w+) aware\. Wife (\w+) (\w+) \((\d{3}-\d{3}-\d{4})\) visited (\d+\/\d+)\./.exec(a);
  assert.ok(names !== null, a);
  assert.equal(names[1], names[3], 'Vellacott maps to one surrogate');
  assert.notEqual(names[1], 'Vellacott');
  assert.notEqual(names[4], 'Alana');
  assert.equal(names[2], '5/26/2031');
  assert.equal(names[7], '5/27');
  assert.notEqual(names[6], '413-555-0162');
  assert.match(a, /for Oct 30th\. 90\+ yo\.$/);
  assert.ok(!a.includes('Sacred Vale'), a);
  assert.equal(deidentify(NOTE, { mode: 'surrogate', seed: 's1', dateShiftDays: 10 }).text, a);
  assert.notEqual(deidentify(NOTE, { mode: 'surrogate', seed: 's2', dateShiftDays: 10 }).text, a);
});

test('surrogate addresses keep their shape; ZIP codes stay five digits', () => {
  const out = deidentify('lives at 27 Linnet St. in Mount Airy, zip MD 21771', { mode: 'surrogate', seed: 'a' }).text;
  assert.match(out, /^lives at \d{2} [A-Z][a-z']+ St\. in [A-Z][a-z]+(?: [A-Z][a-z]+)*, zip MD \d{5}$/);
  assert.ok(!out.includes('Linnet') && !out.includes('Airy') && !out.includes('21771'), out);
});

test('surrogate address blocks: no town, street name or postal code survives; types, units and countries stay', () => {
  const text = 'Post it to 18 Quarry Hill Road Apt. 4, Havrevik, Latvia 40211 or meet by corner of Larkin Street and Ellery Avenue.';
  const out = deidentify(text, { mode: 'surrogate', seed: 'b' }).text;
  for (const leak of ['18', 'Quarry', 'Havrevik', '40211', 'Larkin', 'Ellery']) assert.ok(!out.includes(leak), `${leak} in: ${out}`);
  assert.match(out, /^Post it to \d{2} [A-Z][a-z']+ [A-Z][a-z']+ Road Apt\. \d, [A-Z][a-z']+, Latvia \d{5} or meet by corner of [A-Z][a-z']+ Street and [A-Z][a-z']+ Avenue\.$/);
});

test('surrogate addresses keep no word of a street or town, whatever the words are', () => {
  const cases = [
    ['Lives in Spring Lake with daughter.', ['Spring', 'Lake']],
    ['Address: 12 ELM ST, FOXBERRY, IL 60020', ['ELM', 'FOXBERRY', '60020']],
    ['Address: 14 Forge Street, Cedar Falls, IA 50613', ['Forge', 'Cedar', '50613']],
    ['She lives on the corner of Lake Street and Forge Avenue.', ['Lake', 'Forge']],
    ['Lives at 27 Park Ave, Lebanon, NH 03766.', ['Park', 'Lebanon', '03766']],
    ['Address: 1187 Oak Ridge Rd, Apt 3B, West Lebanon, NH 03766', ['Oak', 'Ridge', 'Lebanon', '03766']],
  ] as const;
  for (const [text, leaks] of cases) {
    const out = deidentify(text, { mode: 'surrogate', seed: 'd' }).text;
    for (const leak of leaks) assert.ok(!new RegExp(String.raw`\b${leak}\b`).test(out), `${leak} in: ${out}`);
  }
  // The street's type and the state's code stay: "Forge Street" becomes "<surname> Street", "IA" stays.
  assert.match(deidentify('Address: 14 Forge Street, Cedar Falls, IA 50613', { mode: 'surrogate', seed: 'd' }).text, /^Address: \d\d [A-Z][a-z']+ Street, [A-Z][a-z']+ \w+, IA \d{5}$/);
});

test('surrogate names in any script are replaced whole: no accented letter of them is left', () => {
  const out = deidentify('Seen by Dr. Žorvan Dvořák today; Ottilie R Vasbenderová signed.', { mode: 'surrogate', seed: 'c' }).text;
  assert.match(out, /^Seen by Dr\. [A-Z][a-z']+ [A-Z][a-z']+ today; [A-Z][a-z']+ [A-Z] [A-Z][a-z']+ signed\.$/, out);
  // Letters of other blocks (Vietnamese "ễ", U+1EC5) and combining marks (a decomposed "ễ") stay inside their word.
  assert.match(deidentify('Seen by Dr. Orvel Quenby Jr. today.', { mode: 'surrogate', seed: 'c' }).text, /^Seen by Dr\. [A-Z][a-z']+ [A-Z][a-z']+ Jr\. today\.$/);
  for (const name of ['Nguyễn Thị Khoa', 'Nguye\u0302\u0303n Thi\u0323 Khoa']) {
    const text = `Seen by Dr. ${name} today.`;
    assert.match(deidentify(text, { mode: 'surrogate', seed: 'c' }).text, /^Seen by Dr\. [A-Z][a-z']+ [A-Z][a-z']+ [A-Z][a-z']+ today\.$/, name);
  }
});

test('notes sharing a key share one date offset; the offset is 30 to 365 days, never 0', () => {
  const one = deidentify('admitted 3/1/2020', { mode: 'surrogate', key: 'patient 7' }).text;
  const two = deidentify('extubated 3/1/2020', { mode: 'surrogate', key: 'patient 7' }).text;
  assert.equal(one.replace('admitted', ''), two.replace('extubated', ''));
  for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) {
    const d = Math.abs(dateShiftFor('medbert', k));
    assert.ok(d >= 30 && d <= 365, String(d));
  }
});

test('date shifting keeps each format', () => {
  const cases: [string, string][] = [
    ['5/16/2031', '8/24/2031'], ['3-27-31', '7-5-31'], ['10/22/03', '1/30/04'], ['08/05', '11/13'], ['12/93', '3/94'],
    ['Oct 20th, 1989', 'Jan 28th, 1990'], ['jan. 2029', 'apr. 2029'], ['march 21', 'june 29'], ['July 29th', 'November 6th'],
    ['OCTOBER', 'JANUARY'], ['2031-05-16', '2031-08-24'], ['11th', '27th'], ['2/31', '6/8'],
    // Holidays move from their usual day: no holiday's name is left for a surrogate to give the date away.
    // Formats the surrogate used to leave as written: an ordinal before "of" and the month, dotted and day-first
    // dates, six digits (MMDDYY), two month/day dates in one run.
    ['10th of June 2006', '18th of September 2006'], ['20th Oct, 1989', '28th Jan, 1990'], ['3.15.2010', '6.23.2010'],
    ['15/3/2010', '23/6/2010'], ['15.03.2010', '23.06.2010'], ['052647', '090347'], ['3/14/3/15', '6/22/6/23'],
    ['Labor Day', 'December 13'], ['christmas eve', 'april 3'], ["NEW YEAR'S DAY", 'APRIL 10'], ['Thanksgiving Day', 'March 5'],
  ];
  for (const [from, to] of cases) assert.equal(shiftDate(from, 100), to, from);
});

test('date shifting keeps zero padding, two-digit years after an apostrophe, and the note\'s day-month order', () => {
  const cases: [string, string][] = [
    ['2020-11-02', '2021-02-10'], ['02/11/1931', '05/22/1931'], ['03-Mar-2021', '11-Jun-2021'], ['11/30/2020', '3/10/2021'],
    ["Dec 20, '21", "Mar 30, '22"], ["Mar. 3, '21", "Jun. 11, '21"],
    // Dots are read day first unless the second number cannot be a month.
    ['28.02.2021', '08.06.2021'], ['03.03.2021', '11.06.2021'], ['3.15.2010', '6.23.2010'],
  ];
  for (const [from, to] of cases) assert.equal(shiftDate(from, 100), to, from);
  assert.equal(shiftDate('03/04/2021', 100, 'day-first'), '12/07/2021');
  assert.equal(shiftDate('03/04/2021', 100, 'month-first'), '06/12/2021');
  // In a note that writes "28/02/2021", "03/03/2021" is the 3rd of March: a 4-day stay stays 4 days.
  const note = 'Admitted 28/02/2021, discharged 03/03/2021 (4 days).';
  assert.equal(deidentify(note, { mode: 'surrogate', dateShiftDays: 10 }).text, 'Admitted 10/03/2021, discharged 13/03/2021 (4 days).');
});

test('a dotted date closing a sentence, an IPv6 address with its zeros left out, a header field\'s label after a name', () => {
  assert.equal(deidentify('Patient DOB 12.04.1950. Seen on 05.03.2021. Build 1.2.2019.3 kept.').text, 'Patient DOB [DATE]. Seen on [DATE]. Build 1.2.2019.3 kept.');
  assert.equal(deidentify('Logged in from 2001:db8:85a3::8a2e:370:7334 and fe80::1ff:fe23:4567:890a; std::vector; 10:30:45.').text,
    'Logged in from [IP] and [IP]; std::vector; 10:30:45.');
  assert.equal(deidentify('PATIENT: QUENBY, ORVEL  DOB: 01/01/1950  SEX: M').text, 'PATIENT: [NAME], [NAME]  DOB: [DATE]  SEX: M');
  assert.equal(deidentify('PATIENT: QUENBY  DOB: 01/01/1950').text, 'PATIENT: [NAME]  DOB: [DATE]');
});

test('surrogate names: a given name from any list gets a given name, a surname a surname', () => {
  for (const seed of ['g1', 'g2', 'g3', 'g4', 'g5']) {
    const out = deidentify('Met in the lounge with Søren Wiśniewski today.', { mode: 'surrogate', seed }).text;
    const m = /with (\S+) (\S+) today/.exec(out);
    assert.ok(m !== null, out);
    assert.ok(FIRST_NAMES.includes((m[1] as string).toLowerCase()), `${out}: a given name first`);
    assert.ok(SURNAMES.includes((m[2] as string).toLowerCase()), `${out}: a surname last`);
  }
});

test('surrogate names keep a given name\'s gender: Mr. John is no Sophia, and the note\'s "he" stays right', () => {
  const cases: [string, readonly string[]][] = [['John', MEN_GIVEN_NAMES], ['Walter', MEN_GIVEN_NAMES], ['Mary', WOMEN_GIVEN_NAMES], ['Margaret', WOMEN_GIVEN_NAMES]];
  for (const [given, list] of cases) {
    for (const seed of ['g1', 'g2', 'g3', 'g4', 'g5', 'g6']) {
      const out = deidentify(`Seen with ${given} Wiśniewski today.`, { mode: 'surrogate', seed }).text;
      const m = /with (\S+) \S+ today/.exec(out);
      assert.ok(m !== null && list.includes((m[1] as string).toLowerCase()), `${given} (seed ${seed}): ${out}`);
    }
  }
});

test('surrogate addresses keep the country line that closes a block', () => {
  const out = deidentify('48 Quarry Hill Road\nMarlow Falls, MA 01105\nUSA\n', { mode: 'surrogate', seed: 'c1' }).text;
  assert.match(out, /\nUSA\n$/);
  assert.doesNotMatch(out, /Quarry|Marlow|01105/);
});

test('years standing alone are kept in both modes (Safe Harbor allows them) and still reported as DATE spans', () => {
  const text = "PSA in 2004 was 5.5. In the 1980s and in '84 he had biopsies; seen on 3/4/2004.";
  const tagged = deidentify(text, { mode: 'tag' });
  assert.equal(tagged.text, "PSA in 2004 was 5.5. In the 1980s and in '84 he had biopsies; seen on [DATE].");
  assert.deepEqual(tagged.spans.filter((s) => s.category === 'DATE').map((s) => text.slice(s.start, s.end)), ['2004', '1980s', '84', '3/4/2004']);
  const surrogate = deidentify(text, { mode: 'surrogate', dateShiftDays: 10 }).text;
  assert.equal(surrogate, "PSA in 2004 was 5.5. In the 1980s and in '84 he had biopsies; seen on 3/14/2004.");
});

test('deidentify refuses options it cannot follow (callers without types)', () => {
  assert.throws(() => deidentify('Seen on 3/14/2021.', { mode: 'surrogates' as 'surrogate' }), /mode must be "tag" or "surrogate", not "surrogates"/);
  assert.throws(() => deidentify('Seen on 3/14/2021.', { mode: 'surrogate', dateShiftDays: Number.NaN }), /dateShiftDays must be a whole number of days, not NaN/);
  assert.equal(deidentify('Seen on 3/14/2021.', { mode: 'surrogate', dateShiftDays: 1 }).text, 'Seen on 3/15/2021.');
});

test('a phone surrogate keeps the extension\'s mark', () => {
  const out = deidentify('Call 617-555-0123 x218.', { mode: 'surrogate', seed: 'x' }).text;
  assert.match(out, /^Call \d{3}-\d{3}-\d{4} x\d{3}\.$/);
  assert.ok(!out.includes('617-555-0123'));
});

test('a surname\'s particles are part of the name; surrogates keep them and give the surname one stand-in', () => {
  const note = 'Dr. Orvel van der Quenby saw Ms. Ysolde de la Ferrant. Ms. de la Ferrant agreed. Dr. Quenby de Quervain tenosynovitis. Dr. Quenby de novo.';
  assert.equal(deidentify(note).text, 'Dr. [NAME] saw Ms. [NAME]. Ms. [NAME] agreed. Dr. [NAME] de Quervain tenosynovitis. Dr. [NAME] de novo.');
  const out = deidentify(note, { mode: 'surrogate', seed: 'p' }).text;
  const m = /^Dr\. [A-Z][a-z]+ van der ([A-Z][a-z]+) saw Ms\. [A-Z][a-z]+ de la ([A-Z][a-z]+)\. Ms\. de la ([A-Z][a-z]+) agreed\. Dr\. ([A-Z][a-z]+) de Quervain tenosynovitis\./.exec(out);
  assert.ok(m !== null, out);
  assert.equal(m[2], m[3], 'one stand-in for Ferrant');
  assert.equal(m[1], m[4], 'one stand-in for Quenby');
  for (const original of ['Orvel', 'Quenby', 'Ysolde', 'Ferrant']) assert.ok(!out.includes(original), original);
  // A particle alone is the name itself: replaced.
  assert.doesNotMatch(deidentify('seen by dr. le today.', { mode: 'surrogate' }).text, /dr\. le /);
  // In a single-case note, words after a particle join only when they are a listed name.
  assert.equal(deidentify('PATIENT SEEN BY DR QUENBY TEN MINUTES AGO. FOLLOWUP WITH DR QUENBY DA VINCI ROBOT').text,
    'PATIENT SEEN BY DR [NAME] TEN MINUTES AGO. FOLLOWUP WITH DR [NAME] DA VINCI ROBOT');
});

test('a town or surname naming a scale, a test with its result, a collar or rules is no PHI; the same word as a place still is', () => {
  const note = 'Glasgow Coma Scale 15. A Philadelphia collar was applied. Nottingham grade II. Gilbert\'s syndrome. She moved to Philadelphia in May.';
  assert.equal(deidentify(note).text, 'Glasgow Coma Scale 15. A Philadelphia collar was applied. Nottingham grade II. Gilbert\'s syndrome. She moved to [LOCATION] in May.');
  // A verb or a function word between the name and the head: the name is a person's, the place a place.
  assert.equal(deidentify('Mr. Quenby was seen today. Quenby has a fracture of the wrist. Dr. Ferrant to score the test.').text,
    'Mr. [NAME] was seen today. [NAME] has a fracture of the wrist. Dr. [NAME] to score the test.');
});

test('identifiers told in a sentence or after a short label: "policy number is", "serial is", "Acc#:", a licence\'s state code', () => {
  const note = 'Acc#: RAD-2021-0045512. Driver\'s license: IL D512-4478-9921. The policy number is TRV-99812-IS. Pump serial is MMT-1780-SN-4432981.';
  assert.equal(deidentify(note).text, 'Acc#: [ACCOUNT]. Driver\'s license: [LICENSE]. The policy number is [HEALTH_PLAN]. Pump serial is [DEVICE].');
  assert.equal(deidentify('Licensed in 2019. The group is 300 strong. Acc 2 kids.').text, 'Licensed in 2019. The group is 300 strong. Acc 2 kids.');
  // After "is" or "was", an amount is no identifier.
  assert.equal(deidentify('Her insurance is 100% covered; insurance was 2024 renewal; the lot is 1234 sq ft.').text,
    'Her insurance is 100% covered; insurance was 2024 renewal; the lot is 1234 sq ft.');
});

test('a town with a British postcode or an Irish Eircode is a location, on a block\'s line too; a vertebra or a lab is not', () => {
  assert.equal(deidentify('Address: 14 Park Row\nBristol BS1 4DJ\nEngland').text, 'Address: [LOCATION]\n[LOCATION]\nEngland');
  assert.equal(deidentify('Seen in Leeds LS1 3EX today. Cork T12 X70A.').text, 'Seen in [LOCATION] today. [LOCATION].');
  assert.equal(deidentify('Lives at Bristol BS14DJ with her son. Work in Manchester M11AE.').text, 'Lives at [LOCATION] with her son. Work in [LOCATION].',
    'written without the space');
  assert.equal(deidentify('Her CD4 count 250. At T12 L1 level. Disc T11 T12 ok.').text, 'Her CD4 count 250. At T12 L1 level. Disc T11 T12 ok.');
});

test('"Jan" before a name is a given name, not January; a listed given name before a surname found joins it', () => {
  assert.equal(deidentify('Jan Quenbyczak called. Seen Jan 5. Since Jan, worse. Seen in Jan Dr. Ferrant reviewed.').text,
    '[NAME] called. Seen [DATE]. Since [DATE], worse. Seen in [DATE] Dr. [NAME] reviewed.');
  assert.deepEqual(deidentify('Patient Jan van Quenby was seen.').spans.filter((s) => s.category === 'DATE'), [], 'no month to shift');
});

test('a phone number after its label ends at its line', () => {
  assert.equal(deidentify('Text me: cell 207.555.0153\n3/14 19:07 ok').text, 'Text me: cell [PHONE]\n[DATE] 19:07 ok');
});

test('a practice, laboratories or a daycare named in capitals is a facility; the common words are not', () => {
  assert.equal(deidentify('Referred by Orvelside Family Practice; seen at Quenbury Laboratories; from Ferrant Daycare.').text,
    'Referred by [HOSPITAL] Family Practice; seen at [HOSPITAL] Laboratories; from [HOSPITAL] Daycare.');
  assert.equal(deidentify('A General Practice. Good Clinical Practice. Clinical Laboratories. Adult Daycare.').text,
    'A General Practice. Good Clinical Practice. Clinical Laboratories. Adult Daycare.');
  // Practices named by their specialty or as British GP surgeries, with the specialty between name and head; compound
  // heads ("Care Home", "Primary Care", "Home Health", "Police Department"); a name after a word in lower case.
  const prose = 'Follow up was arranged for next week with the team there and the family agreed to this plan.\n';
  assert.equal(deidentify(`${prose}Seen at Quenbury Pulmonary Associates; Orvelside Pediatrics; Ferrant Dental; attends Brenmoor Nursery.`).text,
    `${prose}Seen at [HOSPITAL] Pulmonary Associates; [HOSPITAL] Pediatrics; [HOSPITAL] Dental; attends [HOSPITAL] Nursery.`);
  assert.equal(deidentify(`${prose}From Quenbury Care Home; PCP at Orvelside Primary Care; Ferrant Home Health; Brenmoor Police Department.`).text,
    `${prose}From [HOSPITAL] Care Home; PCP at [HOSPITAL] Primary Care; [HOSPITAL] Home Health; [HOSPITAL] Department.`);
  // A community's, a cancer or an eye institute's name: the kind stays out of the span.
  assert.equal(deidentify(`${prose}Seen at Quenbury Community Clinic and Orvelside Cancer Institute; Ferrant Eye Institute. The community clinic.`).text,
    `${prose}Seen at [HOSPITAL] Community Clinic and [HOSPITAL] Cancer Institute; [HOSPITAL] Eye Institute. The community clinic.`);
  // A British GP's surgery after the GP or a registration; "Surgery" elsewhere heads headings and procedures.
  assert.equal(deidentify(`${prose}GP: Ferrant Lane Surgery, Orvelton.\nRegistered at Quenbury Surgery. Previous Surgery: none. Had Cataract Surgery.\nGP: Dr Quenby, Brenmoor Surgery`).text,
    `${prose}GP: [HOSPITAL] Surgery, [LOCATION].\nRegistered at [HOSPITAL] Surgery. Previous Surgery: none. Had Cataract Surgery.\nGP: Dr [NAME], [HOSPITAL] Surgery`);
  // The town after a facility's comma, closed by punctuation or a state's code; not a department or a day.
  assert.equal(deidentify(`${prose}Lives at Rosewood Care Home, Orvelton. At Ferrant Hospital, Brenchester, NY. At Ferrant Hospital, Department of Medicine. At Ferrant Hospital, Monday.`).text,
    `${prose}Lives at [HOSPITAL] Care Home, [LOCATION]. At [HOSPITAL] Hospital, [LOCATION], NY. At [HOSPITAL] Hospital, Department of Medicine. At [HOSPITAL] Hospital, Monday.`);
  // Departments and kinds of them are no names.
  const departments = `${prose}Seen in Vascular Surgery and General Surgery. Baby went to Newborn Nursery. Left the Cardiac Catheterization Laboratory. Go to Urgent Care. See Pediatric Dentistry team.
Previous Surgery: appendectomy. Prior Imaging: CT clear. Had Cataract Surgery. Collect from Main Pharmacy. Routine Dental review.`;
  assert.equal(deidentify(departments).text, departments);
  assert.equal(deidentify('Seen in Family Practice. At band practice. In clinical practice, initial imaging.').text,
    'Seen in Family Practice. At band practice. In clinical practice, initial imaging.');
});

test('numbers under other systems\' labels, and a plan\'s number in groups; not a count or a service', () => {
  assert.equal(deidentify('Accession: MR23-118842. UHID: LH2300718842. Hosp. No: LUTH/MOP/22/0941. NHI ZKT4418. Staff badge 30118. Medicare: 2951 44718 3.').text,
    'Accession: [ID]. UHID: [ID]. Hosp. No: [ID]. NHI [ID]. Staff badge [ID]. Medicare: [HEALTH_PLAN].');
  assert.equal(deidentify('Call NHS 111. Specimen 2 sent. Transmitter battery low. Medicare 2 days ago. Per NHS 2019/20 tariff. Urine specimen 100000 CFU/mL.').text,
    'Call NHS 111. Specimen 2 sent. Transmitter battery low. Medicare 2 days ago. Per NHS 2019/20 tariff. Urine specimen 100000 CFU/mL.');
  assert.equal(deidentify('OHIP 1234-567-890-AB.').text, 'OHIP [ID].', 'the version code with the number');
});

test('counts, a dose\'s three values and a heading in capitals are no dates; a date after the same words still is', () => {
  assert.equal(deidentify('Cancer in 3/12 cores. Insulin 10/10/10. OCT: normal. Harvey-Bradshaw index 7.').text,
    'Cancer in 3/12 cores. Insulin 10/10/10. OCT: normal. Harvey-Bradshaw index 7.');
  assert.equal(deidentify('Seen 10/10/10 by Dr. Quenby. Follow up in OCT 2021.').text, 'Seen [DATE] by Dr. [NAME]. Follow up in [DATE].');
  assert.equal(deidentify('Presented to ER 10/12/22 with pain. He went to ER 3/14 and left. Insulin: 05/12/23 started.').text,
    'Presented to ER [DATE] with pain. He went to ER [DATE] and left. Insulin: [DATE] started.');
});

test('a message log\'s speaker after a time, and a nickname in brackets after a name, are names; a role or a language is not', () => {
  assert.equal(deidentify('Messages:\n19:04 Horace: on my way\n19:06 Nurse: ok\n[08:15] Horace Ferrant: call me\n12:30 Note: fasting\n09:15 Morphine: 2 mg').text,
    'Messages:\n19:04 [NAME]: on my way\n19:06 Nurse: ok\n[08:15] [NAME]: call me\n12:30 Note: fasting\n09:15 Morphine: 2 mg');
  assert.equal(deidentify('Seen with Clementine Quenby (Clem) and her son. Mr. Quenby (Interpreter) present. Mr. Quenby (Deceased).').text,
    'Seen with [NAME] ([NAME]) and her son. Mr. [NAME] (Interpreter) present. Mr. [NAME] (Deceased).');
});

test('a surname in capitals, a comma and a given name or an initial opening a list\'s line is a name; a heading is not', () => {
  const note = 'Patients:\n2. KOWALCZYK, Sione\n3. VAN FERRANT, Horace\nCritical value - OSTRANDER, A.\n4. VELLACOTT, HORACE L\nHISTORY, See above.\n5. XYZ, D.C.\n6. PLAN, Continue.';
  assert.equal(deidentify(note).text,
    'Patients:\n2. [NAME], [NAME]\n3. [NAME], [NAME]\nCritical value - [NAME], [NAME].\n4. [NAME], [NAME]\nHISTORY, See above.\n5. XYZ, D.C.\n6. PLAN, Continue.');
  // A list of problems, allergies or findings is no list of names.
  const problems = '3. DIET, Regular\n1. HTN, Controlled\n2. DM, A1c 7.2\n- PENICILLIN, Rash\nASSESSMENT, A 67 year old man\nDispo - SNF, Will arrange';
  assert.equal(deidentify(problems).text, problems);
  // Unlisted given names in a table's cell or a CSV row, where a record number, an identifier's label, an age and sex
  // or the quoted field's end closes them; a medication list's commas are no row of names.
  const table = 'Critical values were phoned through and read back by the nurse on duty overnight.\n| 02:14 | OKONTA, Chidera / TC0049221 |\n'
    + '2. TAUFA, Losana  NHS 485 777 3456\n1043,"Quarrendon, Emiko",F,1957\n| CHF, Diabetes | stable |\n- COPD, Asthma and reflux\nMEDS: ,SLNTC, Coumadin 4mg qd';
  assert.equal(deidentify(table).text, 'Critical values were phoned through and read back by the nurse on duty overnight.\n| 02:14 | [NAME], [NAME] / [ID] |\n'
    + '2. [NAME], [NAME]  NHS [PHONE]\n1043,"[NAME], [NAME]",F,1957\n| CHF, Diabetes | stable |\n- COPD, Asthma and reflux\nMEDS: ,SLNTC, Coumadin 4mg qd');
  // The name alone in its cell, the record number in the next; a table written in capitals.
  assert.equal(deidentify('Critical values were phoned through and read back by the nurse on duty overnight.\n| 02:14 | OKONTA, Chidera | TC0049221 |\n').text,
    'Critical values were phoned through and read back by the nurse on duty overnight.\n| 02:14 | [NAME], [NAME] | [ID] |\n');
  const caps = 'CRITICAL VALUES PHONED OVERNIGHT AND READ BACK BY THE NURSE ON DUTY.\n| TAUFA, LOSANA | TC0049222 | 71F |\n| CHF, DIABETES | STABLE |\n';
  assert.equal(deidentify(caps).text, 'CRITICAL VALUES PHONED OVERNIGHT AND READ BACK BY THE NURSE ON DUTY.\n| [NAME], [NAME] | TC0049222 | 71F |\n| CHF, DIABETES | STABLE |\n');
});

test('a dotted date with a two-digit year, and a month before an apostrophe\'s year, are dates; a section or a version is not', () => {
  assert.equal(deidentify('Seen 3.3.21 and 12.4.23 and 03.03.21. Version 2.1.10. Section 4.2.13. v1.2.24. pH 7.35.').text,
    'Seen [DATE] and [DATE] and [DATE]. Version 2.1.10. Section 4.2.13. v1.2.24. pH 7.35.');
  assert.equal(deidentify('Seen Dec \'23 and Mar \'22. Dose dec 5 mg.').text, 'Seen [DATE] and [DATE]. Dose dec 5 mg.');
});

test('a street address with a direction before its name is one location: its number does not stay', () => {
  assert.equal(deidentify('Office: 2200 W. Harrison St. Then 10 NE Oak Ave, Portland. He took 2 W. tablets daily.').text,
    'Office: [LOCATION] Then [LOCATION]. He took 2 W. tablets daily.');
});

test('a street named without a number after "on", "near", "down" is a location; a weekday or a drug is not', () => {
  assert.equal(deidentify('She lives on Quenby Blvd near Ferrant Avenue. Walked down Vellacott Street. Go on Warfarin daily. On Monday Avenue? Seen on Ward Street rounds.').text,
    'She lives on [LOCATION] near [LOCATION]. Walked down [LOCATION]. Go on Warfarin daily. On Monday Avenue? Seen on Ward Street rounds.');
  // A direction before the name, a numbered road, a note in capitals (without "ST", an ECG's segment there).
  assert.equal(deidentify('A flat on E Quenby St with friends; works on Route 9; crashed near Highway 101 off I-95. Vent on 5 L.').text,
    'A flat on [LOCATION] with friends; works on [LOCATION]; crashed near [LOCATION] off [LOCATION]. Vent on 5 L.');
  assert.equal(deidentify('FOUND OUTSIDE HOME ON VELLACOTT RIDGE RD. ON EKG ST DEPRESSION. ON ROUTE TO ED.').text,
    'FOUND OUTSIDE HOME ON [LOCATION]. ON EKG ST DEPRESSION. ON ROUTE TO ED.');
});

test('a town after "lives alone in" and after a movement with "here", "down" or "back"; not after "go back to"', () => {
  const prose = ' The plan was gone over with her and all questions were answered by the team today.';
  assert.equal(deidentify(`She lives alone in Quenbury and moved here from Orvelton; family drove down from Vellacott Bay.${prose}`).text,
    `She lives alone in [LOCATION] and moved here from [LOCATION]; family drove down from [LOCATION].${prose}`);
  assert.equal(deidentify(`He will go back to Temodar and go back to School; came in at Midnight; travel to Brenchester next week.${prose}`).text,
    `He will go back to Temodar and go back to School; came in at Midnight; travel to [LOCATION] next week.${prose}`);
});

test('the second review\'s look-alikes stay: lab and implant rows, vitals, services, moods, durations, magnifications, codes, measures, drives, rooms', () => {
  const prose = 'Plan went over with everyone in the quiet room, questions answered.\n';
  const clinical = `${prose}"Cortisol, Random",410,nmol/L
0200 128 110 96%
Refer to Youth Mental Health. Plan: Resume Home Health on discharge. Advised Paediatric Urgent Care. Virtual Urgent Care.
Mum Happy with plan. Mum Independent with cares. Mum Settled overnight. Mum Breastfeeding well. Carer Strain Index 9/13.
Seen 18/12 ago. Reviewed 14/7 ago by GP. Abx planned 14/7 total. Vision reviewed 20/10.
Gram stain viewed at x1000: GPC. Film reviewed at x1000 under oil immersion.
Enrolled on COG AALL0932. Previously RTOG-0617 arm B. Leads Tendril 2088TC/52. Audit 2024Q1. Practice code Y02345.
Insulin reg SS 150-200: 2 units. SKIN TAG LT 1X1CM.
Photos saved on Shared Drive; copies on Google Drive. WAS ON LONG ROAD TRIP. MVC ON DIVIDED HIGHWAY. LIVES ALONE IN COUNCIL FLAT. Came back from Theatre at 1400.
Specimen to Histopathology Laboratory. Started Junior Kindergarten. PMH: MCI 2019. We saw Physio today.
Lives alone in bedsit. Lives alone in privately rented flat. Lives alone in town centre. I saw Mum and Dad today.
| No growth | MC0042 | | FBC | HA0012 | Batch: NL2210A. Complex Care Pediatrics. Respite Care Home.
`;
  assert.equal(deidentify(clinical).text, clinical);
});

test('the second review\'s leaks are found: towns after a facility with a state or county, bracketed area codes and extensions, labels, streets, second given names, ages in brackets', () => {
  const prose = 'Plan went over with everyone in the quiet room, questions answered.\n';
  assert.equal(deidentify(`${prose}Ferrant Care Home, Orvelton NSW 2150. Quenby Care Home, Brenbury, Co. Cork.\nDaughter (0161) 555 7720; reached on ext. 4471; Ward 7 (ext 4472).\nExtension: 4473\n`).text,
    // An Australian postcode is a town's too (tagged since 2026-11-28; the state's code stays, as a US state's does).
    `${prose}[HOSPITAL] Care Home, [LOCATION] NSW [LOCATION]. [HOSPITAL] Care Home, [LOCATION], Co. Cork.\nDaughter [PHONE]; reached on [PHONE]; Ward 7 ([PHONE]).\n[PHONE]\n`);
  assert.equal(deidentify(`${prose}OP No: 2023/45678. MLC No. 4471/23. PPS No: 1234567T. Lives on Vellacott Way. Moved to Quenby Close.\n`).text,
    `${prose}OP No: [ID]. MLC No. [ID]. PPS No: [ID]. Lives on [LOCATION]. Moved to [LOCATION].\n`);
  assert.equal(deidentify(`${prose}1. TAUFA, Losana Akesa  NHS 485 777 3456\nPt: Winter Quarrendon (29F) has a rash. Pt Tovalda Brenshaw 29F presented. Patient Orvel Dankquist, aged 81, admitted.\n`).text,
    `${prose}1. [NAME], [NAME]  NHS [PHONE]\nPt: [NAME] (29F) has a rash. Pt [NAME] 29F presented. Patient [NAME], aged 81, admitted.\n`);
  assert.equal(deidentify(`${prose}Patient Kwaku Quenby-Tutu, 91 F, admitted. keyworker Orlanth will attend. Case No 2024/118822.\n`).text,
    `${prose}Patient [NAME], [AGE] F, admitted. keyworker [NAME] will attend. Case No [ID].\n`);
});

test('a weekday before a date is part of it: tagged with it, and shifted with it to the shifted date\'s weekday', () => {
  assert.equal(deidentify('Seen Tue 3/12/24 and on Wednesday, February 14, 2024; next THURSDAY 03/21.', { mode: 'tag' }).text,
    'Seen [DATE] and on [DATE]; next [DATE].');
  // 100 days after Tuesday 12 March 2024 is Thursday 20 June; the word keeps its form (short, full, capitals).
  const cases: [string, string][] = [['Tue 3/12/24', 'Thu 6/20/24'], ['Wednesday, February 14, 2024', 'Friday, May 24, 2024'],
    ['THURSDAY 03/21', 'SATURDAY 06/29'], ['tues 3/12', 'thu 6/20']];
  for (const [from, to] of cases) assert.equal(shiftDate(from, 100), to, from);
  for (const [from] of cases.slice(0, 2)) {
    const shifted = shiftDate(from, -37);
    const weekday = new Date(`${shifted.replace(/^\w+\.?,? /, '')}`).toLocaleDateString('en-US', { weekday: 'long' });
    assert.ok(weekday.toLowerCase().startsWith(shifted.slice(0, 3).toLowerCase()), `${from} -> ${shifted} (${weekday})`);
  }
  // "Tuesday the 12th of March": the weekday before "the" and an ordinal too.
  assert.equal(deidentify('Seen Tuesday the 12th of March 2024.', { mode: 'surrogate', dateShiftDays: 100 }).text, 'Seen Thursday the 20th of June 2024.');
  // A weekday after a date, bare or in brackets, is the date's too.
  assert.equal(deidentify('Seen 3/12/24 (Tue) and 3/12/2024 Tuesday.', { mode: 'surrogate', dateShiftDays: 100 }).text, 'Seen 6/20/24 (Thu) and 6/20/2024 Thursday.');
  // A weekday before a year alone is no date's; "sun" and "sat" in lower case are words ("avoid sun, 6/12", "O2 sat").
  assert.equal(deidentify('Monday 2024 plans.', { mode: 'tag' }).text, 'Monday 2024 plans.');
  assert.equal(deidentify('Avoid sun, 3/12/24 recheck. O2 sat 3/12/24 94%. Seen Monday. 3/12/24 labs.', { mode: 'tag' }).text,
    'Avoid sun, [DATE] recheck. O2 sat [DATE] 94%. Seen Monday. [DATE] labs.');
});
