import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deidentify, findPhi } from '../../src/deid/index.js';

/** Clinical phrases shaped like the names, addresses and phone numbers of prose; each is read in a mixed-case note. */
const NOTE = 'Patient Was Seen Today In Clinic. ';

function spans(phrase: string): string[] {
  const text = NOTE + phrase;
  return findPhi(text).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
}

/** The text as tag mode writes it. */
function tagged(text: string): string {
  return deidentify(text, { mode: 'tag' }).text;
}

test('eponyms, grades and levels with a letter or an accent are no names', () => {
  for (const phrase of ['Chiari I Malformation noted.', 'History of Billroth I Gastrectomy.', 'Troponin I Level elevated.', 'Mobitz I Block on ECG.',
    'Cyclosporine A Level pending.', 'Lipoprotein A Level high.', 'Le Fort I Osteotomy planned.', 'Waldenström Macroglobulinemia.',
    'Müllerian Duct anomaly.', 'Henoch Schönlein Purpura.', 'Behçet Ulcers seen.', 'Sjögren Keratitis.', 'Ménétrier Hypertrophic gastropathy.',
    'Guillain Barré Weakness.', 'Café Au lait spots.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('a drug after "said" or "told", a service after "arranged by", notes after "from" are no names', () => {
  for (const phrase of ['Patient said Eliquis causes bruising.', 'She was told Xarelto would be started.', 'Husband said Keppra makes her sleepy.',
    'Transport arranged by Hospice Liaison today.', 'pt stable. new recs from nutrition, will follow.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('routes, ties, vaccines, extremities, echo views and states of care are no addresses', () => {
  for (const phrase of ['Heparin via 2 peripheral IVs.', 'Fluids via 2 large bore IVs.', 'Chest Tube Tie 2 sutures placed.', 'PIV x2 RUE Forearm.',
    'Pneumococcal Conjugate 20 vaccine given.', 'Apical 4 Chamber View Normal LV size.', "I'm in DKA again, she said.", "I'm in Remission now."]) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('dates and readings before a label word are no phone numbers', () => {
  assert.deepEqual(spans('Discharged on 2020-12-15 home.'), ['DATE:2020-12-15']);
  assert.deepEqual(spans('Last Fax 12/15/2020 was sent.'), ['DATE:12/15/2020']);
  assert.deepEqual(spans('Glucose readings 145 162 188 201 home.'), []);
});

test('specialties, clinicians\' roles and label words beside a name are no names; a verb after a credential\'s label neither', () => {
  const cases: [string, string[]][] = [
    ['Read by: Orvel Quenby, MD, Neuroradiology', ['NAME:Orvel Quenby']],
    ['Electronically signed: Tamsin Brastow, MD, Pathologist', ['NAME:Tamsin Brastow']],
    ['Requested by: Velma Drennick, MD (Hospitalist)', ['NAME:Velma Drennick']],
    ['Referring MD: Orla Pellowby, MD    Podiatry: Dr. Ned Quenby', ['NAME:Orla Pellowby', 'NAME:Ned Quenby']],
    ['Triage RN Mabel Orvel, RN: Advised that pt be seen today.', ['NAME:Mabel Orvel']],
    ['Delivering provider: Ada Brastow, CNM    Attending: Nell Quenby', ['NAME:Ada Brastow', 'NAME:Nell Quenby']],
    ['Consult (Dr. Ivo Pellowby). Tetanus updated.', ['NAME:Ivo Pellowby']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
  // A name after the label stays a name, a verb-shaped surname included when the line goes on in capitals.
  assert.deepEqual(spans('Name: Harding Quenby'), ['NAME:Harding Quenby']);
});

test('two capitalised words before a comma and a signature\'s credential are a name, a common-word surname too; a participle is not', () => {
  assert.deepEqual(spans('From: Mabel Cole, RN, CDCES'), ['NAME:Mabel Cole']);
  assert.deepEqual(spans('Counts correct per circulator Tamsin Price, RN.'), ['NAME:Tamsin Price']);
  assert.deepEqual(spans('Breath Sounds Diminished, RN aware.'), []);
});

test('scores after their name and the ordinals of body parts are no dates; a day after "on the" and a date after "left" stay', () => {
  for (const phrase of ['ER positive, strong (Allred 8/8).', 'Nottingham grade 2 (total 6/9).', 'Paralysed (TOF 2/4).', 'R hemiparesis (RUE 2/5, RLE 3/5).',
    'Synovitis of the 2nd and 3rd MCPs.', 'Amputation of the 4th digit.', 'Continued on the 2nd day of treatment.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
  assert.deepEqual(spans('Admitted on the 2nd. Pt left 3/12 against advice.'), ['DATE:2nd', 'DATE:3/12']);
});

test('an internal extension, a Medicare beneficiary identifier, a badge, a plate and a council\'s registration after their labels', () => {
  assert.deepEqual(spans('Paged Dr. Quenby (ortho) at 4-7721; no new orders.'), ['NAME:Quenby', 'PHONE:4-7721']);
  assert.deepEqual(spans('Velma Drennick, RN, CCM    ext 4-6612'), ['NAME:Velma Drennick', 'PHONE:4-6612']);
  assert.deepEqual(spans('Medicare MBI: 4TR7-WE2-MK91 on file.'), ['HEALTH_PLAN:4TR7-WE2-MK91']);
  assert.deepEqual(spans('Officer present, badge 4471.'), ['ID:4471']);
  assert.deepEqual(spans('Truck with plate RKT 482 towed.'), ['VEHICLE:RKT 482']);
  assert.deepEqual(spans('Signed, IMC No. 412876'), ['LICENSE:412876']);
  assert.deepEqual(spans('State License PTL.0017742'), ['LICENSE:PTL.0017742']);
  // Not a time range after "at", mild cognitive impairment's year, or a badge's days.
  assert.deepEqual(spans('Called pharmacy at 3-4 pm. MCI since spring. Wears a badge 2 days.'), []);
});

test('named days, a Canadian postal code, a police rank before a name; not an index, a specialty or a rank in a sentence', () => {
  assert.deepEqual(spans('Unwell after an Australia Day barbecue; better by Boxing Day.'), ['DATE:Australia Day', 'DATE:Boxing Day']);
  assert.deepEqual(spans('Clinic, 1100 Quenby Street, Orvelby, ON K1S 3X4'), ['LOCATION:1100 Quenby Street, Orvelby, ON K1S 3X4']);
  assert.deepEqual(spans('Trooper Dale Quenbrook at bedside.'), ['NAME:Dale Quenbrook']);
  assert.deepEqual(spans('Antibiotics started 3/3 for pneumonia.'), ['DATE:3/3']);
  for (const phrase of ['Quenby-Orvel Index today 9.', 'Tamsin Orvel-Quenby, MD, Pediatric Emergency Medicine', 'Officer present at bedside.',
    'Strength 3/3 in both legs.']) {
    assert.ok(!spans(phrase).some((s) => !s.startsWith('NAME:Tamsin')), phrase);
  }
});

test('the second review\'s look-alikes of the new place and name rules stay unflagged', () => {
  for (const phrase of ['Mother reports rash from Amoxicillin.', 'Wife reports nausea from Metformin.', 'Physician from Hospitalist service.',
    'Retired from construction.', 'Requested records from Epic.', 'Admit to Hospitalist Service.', 'Drives to appointments.',
    'Imaging: Ultrasound, CT\n', 'POC Glucose, HI\n', 'Enlarged Left Atrium, LA\n', 'Immunizations: MMR, Polio, DPT.', 'Truck Driver, OTR.',
    'Diabetes Education, CDE.', 'Religion: Roman Catholic Church.', 'Hindu Temple.', 'RV Park.', 'Anger Management Counseling.',
    'Weight Loss Counseling.', 'BLS Ambulance.', 'Regional Burn Center.', 'Son in Marines.', 'Nephew in Coast Guard.', 'Therapist in Training.',
    'Brought in by Deputy Sheriff.', 'Police Officer Present.', 'LCP plate DCP 100 applied.', 'Eats Whole Foods.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
  assert.equal(tagged('Allergies:\n- Penicillin\n'), 'Allergies:\n- Penicillin\n');
  assert.equal(tagged('Doing well today.\nThanks,\nEndo\n'), 'Doing well today.\nThanks,\nEndo\n');
  // What the rules are for still holds.
  assert.deepEqual(spans('Member of Quenby Baptist Church.'), ['LOCATION:Quenby Baptist Church']);
  // A nickname that is a listed given name ("Ned") still leads to the surname.
  assert.deepEqual(spans('Patient: Edmund "Ned" Quenbrook'), ['NAME:Edmund', 'NAME:Ned', 'NAME:Quenbrook']);
  assert.deepEqual(spans('Pharmacy: WALGREENS on file.'), ['LOCATION:WALGREENS']);
  assert.deepEqual(spans('Better by BOXING DAY, worse on Mother\'s day, fine by Juneteenth.'), ['DATE:BOXING DAY', 'DATE:Mother\'s day', 'DATE:Juneteenth']);
});

test('the third review\'s look-alikes in notes written in capitals stay unflagged', () => {
  for (const text of ['SON FROM UPSTAIRS VISITING. WIFE FROM DOWNSTAIRS CAFETERIA.', 'SON CALLED FROM AIRPORT, FLIGHT DELAYED. HUSBAND FROM OVERSEAS.',
    'PT TAKEN TO FLUORO WHERE PICC PLACED. PT TAKEN TO CYSTO WHERE STENT PLACED.', 'MOTHER DAY 2 POST C/S, VISITED INFANT. FATHERS DAY OFF.',
    'CALLED HO RE: HEPARIN, GTT AT 1-1000 UNITS/HR. PAGED HO, WILL REASSESS AT 2-2300.', 'DIGOXIN GIVEN. STARTED 2/2 PRBC. STARTED 2/2 FFP.']) {
    assert.equal(tagged(text), text);
  }
  assert.equal(tagged('PT LIVES AT 44 OAK AVE. IN FOSTER CARE.'), 'PT LIVES AT [LOCATION]. IN FOSTER CARE.');
  // What the rules are for, in capitals.
  assert.equal(tagged('SON FROM QUENBURY PHONED. PAGED DR QUENBROOK AT 4-7721.'), 'SON FROM [LOCATION] PHONED. PAGED DR [NAME] AT [PHONE].');
});

test('nursing notes: a relative\'s phone word is no name, extensions after "x" and pagers after "p", a relative\'s town in capitals', () => {
  assert.equal(tagged('mom cell 207-555-0131. dtr is hcp, cell 781 555 0172.'), 'mom cell [PHONE]. dtr is hcp, cell [PHONE].');
  assert.equal(tagged('Interpreter from interp svcs x6-4410 today.'), 'Interpreter from interp svcs x[PHONE] today.');
  assert.equal(tagged('Neuro resident Quenby p 2-6630'), 'Neuro resident [NAME] p [PHONE]');
  assert.equal(tagged('PT LIVES W/ HUSBAND STANLEY IN QUENBURY.'), 'PT LIVES W/ HUSBAND [NAME] IN [LOCATION].');
  assert.equal(tagged('Pt lives w/ wife Orla (89) in Quenbury.'), 'Pt lives w/ wife [NAME] (89) in [LOCATION].');
  assert.equal(tagged('22 yo f adm 1/8 in dka.'), '22 yo f adm [DATE] in dka.');
  for (const text of ['Given 2 x1-2000 doses.', 'SON IN TEARS. DTR IN CHARGE OF MEDS. HUSBAND IN WAITING ROOM. MOTHER IN DENIAL.',
    'TUBE TAPED AT 24 CM MARK.', 'Took 1/8 of the dose.']) {
    assert.equal(tagged(text), text);
  }
});

test('a pager or an extension right after a name; hospitals known by their abbreviation after "at"', () => {
  assert.equal(tagged('family meeting planned. fellow quenbrook 3-5529'), 'family meeting planned. fellow [NAME] [PHONE]');
  assert.equal(tagged('Hospice RN liaison Mabel Quenby x5517'), 'Hospice RN liaison [NAME] x[PHONE]');
  assert.equal(tagged('hla typing sent at dfci.'), 'hla typing sent at [HOSPITAL].');
  // Not a volume after a name.
  assert.equal(tagged('Seen by Dr. Quenby, x1500 mL out.'), 'Seen by Dr. [NAME], x1500 mL out.');
});

test('a city that names a classification, a grade, a protocol or a definition is no place; a postcode\'s district stays', () => {
  for (const phrase of ["Crohn's disease, Montreal A2 L3 B1, on adalimumab.", 'UC, Montreal E3 S2.', "Barrett's, Prague C2M5.",
    'Gastritis, Sydney grade C.', 'Seattle protocol biopsies taken.', 'ARDS by Berlin definition.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
  assert.deepEqual(spans('He grew up in London E1 6AN before moving.'), ['LOCATION:London E1 6AN']);
  assert.deepEqual(spans('Moved to Montreal in the spring.'), ['LOCATION:Montreal']);
});

test('metric Snellen scores on an acuity\'s line are no dates; a date after the sentence ends stays', () => {
  for (const phrase of ['Visual acuity 6/12 left, 6/6 right.', 'VA: R 6/6, L 6/12.', 'VA 6/7.5 R, 6/6 L.', 'BCVA 6/9 OD, 6/12 OS.', 'VAsc 6/12 R, VAcc 6/6 R.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
  // A month and year after an eye's code stays a date.
  assert.deepEqual(spans('Amaurosis fugax, OD, 8/95.'), ['DATE:8/95']);
  assert.deepEqual(spans('Visual acuity 6/9 left, 6/6 right. Next review 6/6.'), ['DATE:6/6']);
});

test('a day or a month after a place reached by a movement stays out of its span', () => {
  assert.deepEqual(spans('Discharged back to Quenwood Fri 6/27.'), ['LOCATION:Quenwood', 'DATE:Fri 6/27']);
  assert.deepEqual(spans('Transferred to Orvelby Sat 7/2.'), ['LOCATION:Orvelby', 'DATE:Sat 7/2']);
});

test('in a note in capitals a town before ", MA" after "from"; a medical assistant after a complaint stays unflagged', () => {
  const caps = (t: string): string[] => findPhi(t).map((s) => `${s.category}:${t.slice(s.start, s.end)}`);
  assert.deepEqual(caps('PT FROM QUENBYVILLE, MA. ADMITTED FOR CHF.'), ['LOCATION:QUENBYVILLE']);
  assert.deepEqual(caps('pt from quenbyville, ma. admitted for chf.'), ['LOCATION:quenbyville']);
  for (const t of ['PAIN IN BACK, MA AWARE.', 'PT FROM REHAB, MA AWARE.', 'no new rash, md aware.']) assert.deepEqual(caps(t), [], t);
});

test('a house officer named before a pager in a note in capitals; "HO" for a history and staff before nouns stay unflagged', () => {
  assert.equal(tagged('HO QUENBY PAGER 4-5521 AWARE.'), 'HO [NAME] PAGER [PHONE] AWARE.');
  for (const text of ['HO ASTHMA, HTN.', 'HO CANCER.', 'SITTER AT BEDSIDE.', 'SITTER ORDERED.', 'SITTER RELIEF AT 1500.', 'PT RECEIVED FROM PARAMEDIC CREW.',
    'COUNSELOR REFERRAL PLACED.', 'diabetes educator handout given.']) {
    assert.equal(tagged(text), text);
  }
});

test('joint counts, subscores and symptom scores are no dates; a type or a class after an eponym, a measure\'s abbreviation, a specialty in brackets, a participle after a relation are no names', () => {
  for (const phrase of ['Joints: tender 6/28, swollen 4/28.', 'SIRS 2/4 on arrival.', 'ACE-III (Attention 10/18, Memory 11/26, Fluency 5/14, Language 21/26).',
    'Fatigue 2/10 today.', 'STOP-BANG 6/8.', 'EXAM: Quenby type II skin.', 'Orvel class I on arrival.', 'Moderate AS (AVA 1.1 cm2).',
    'Surgeon: Dr. Tovald Quenby (Orthopaedics).', 'Teaching: wife shown turns.']) {
    assert.deepEqual(spans(phrase).filter((s) => !s.includes('Tovald Quenby')), [], phrase);
  }
  // A device named after a person is no name where a name found recurs: "Dr. Quenby ... a Quenby catheter".
  assert.deepEqual(spans('Dr. Orvelton placed the line. The Orvelton catheter was advanced.'), ['NAME:Orvelton']);
  assert.deepEqual(spans('Seen on 6/28 in clinic.'), ['DATE:6/28']);
});

test('a skilled nursing visit frequency is no serial number; a time after "by phone" is no phone number', () => {
  assert.equal(tagged('plan: sn 3w4. SN 4471-88320-A.'), 'plan: sn 3w4. SN [DEVICE].');
  assert.equal(tagged('SPOKE WITH TEAM BY PHONE 0925. PHONE 4410.'), 'SPOKE WITH TEAM BY PHONE 0925. PHONE [PHONE].');
});

test('a grade after another out of the same is no date; a repeated day before a date with "and" is one', () => {
  assert.deepEqual(spans('Strength 5/5 and 4/5.'), []);
  assert.deepEqual(spans('Missed 2 doses (2/2 and 2/16).'), ['DATE:2/2', 'DATE:2/16']);
  assert.deepEqual(spans('Reflexes 2/2 and 2/2 bilaterally.'), []);
});

test('the second review of the session\'s rules: dates between weekdays, surnames that are words, ranges, letterheads, agencies, employers', () => {
  // Each date keeps its own weekday or none; no date is lost to an overlap.
  assert.equal(tagged('PT visits: 3/11 Mon, 3/13 Wed, 3/15 Fri. HD: Mon 3/11 Tue 3/12 Wed 3/13'), 'PT visits: [DATE] Mon, [DATE] Wed, [DATE]. HD: [DATE] Tue [DATE] Wed [DATE]');
  // "Prior" and a surname before a word of a facility's kind stay names; a name found recurs before "chart".
  assert.equal(tagged('Seen by Dr. Prior today. Margaret Quenby family at bedside. Quenby chart reviewed.'), 'Seen by Dr. [NAME] today. [NAME] family at bedside. [NAME] chart reviewed.');
  // A count's range after a label is no identifier; an Australian code before a year is no postcode; a room's "#:" no number.
  for (const text of ['Per ID 10-14 days of ceftriaxone.', 'In which case 10-14 days.', 'Referred ACT 2021.', 'Room #: B12. Bed #: A4.',
    'POST OP CLINIC\nSEEN TODAY.', 'REFERRED TO MEDICARE HOME HEALTH.', 'Employer: Declined', 'Called his employer Friday.', 'fmla forms for employer completed.']) {
    assert.equal(tagged(text), text);
  }
  assert.equal(tagged('Moved from Santa Cruz last year.'), 'Moved from [LOCATION] last year.');
});
