import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deidentify, findPhi } from '../../src/deid/index.js';

/** Every phrase is read in a mixed-case note, where capitals tell a name. */
const NOTE = 'Patient seen today in clinic. ';

function spans(phrase: string): string[] {
  const text = NOTE + phrase;
  return findPhi(text).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
}

/** The text as tag mode writes it. */
function tagged(text: string): string {
  return deidentify(text, { mode: 'tag' }).text;
}

test('schools, churches, parks, malls and funeral homes by their name before the head, head and kind included', () => {
  const cases: [string, string[]][] = [
    ['She was a cook at Quenbury High School for 30 years.', ['LOCATION:Quenbury High School']],
    ['He coaches at Orvel East High School on weekends.', ['LOCATION:Orvel East High School']],
    ['Her son attends Brastow Elementary; she sees him daily.', ['LOCATION:Brastow Elementary']],
    ['She sings at Mount Tabernal Missionary Baptist Church.', ['LOCATION:Mount Tabernal Missionary Baptist Church']],
    ['Arrangements made with Velmora Funeral Home today.', ['LOCATION:Velmora Funeral Home']],
    ['He fell off his bike at Drennick Park.', ['LOCATION:Drennick Park']],
    ['She works at the Pellowby Mall food court.', ['LOCATION:Pellowby Mall']],
    ['Her mass is at Our Lady of Quenbury Parish.', ['LOCATION:Our Lady of Quenbury Parish']],
    // The town after the place's name, as after a hospital's.
    ['Enrolled at Tamsin Valley College in Orvelby.', ['LOCATION:Tamsin Valley College', 'LOCATION:Orvelby']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
});

test('a kind of school or church, a subject, a verb opening the sentence, a body or a street are no named places', () => {
  for (const phrase of ['She graduated High School last year.', 'He attended Medical School and Law School.', 'Goes to Church on Sundays.',
    'Attended Catholic School as a child.', 'Completed High School.', 'Father went to the Police Academy.', 'Member of the Royal College of Surgeons.',
    'Did well in school last year; school physical done.', 'Sunday School teacher.', 'Graduate School next year.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
  // A surname after a title or a given name is a person, not a park.
  assert.ok(!spans('Seen by Dr. Drennick Park.').some((s) => s.startsWith('LOCATION')));
  // A place's head word found once is not a place wherever it recurs.
  assert.deepEqual(spans('Attends Brastow High School. Did well in school.'), ['LOCATION:Brastow High School']);
});

test('a verb opening the sentence is not the first word of a facility\'s name', () => {
  assert.deepEqual(spans('Attends Quenby Sprouts Learning Center five days a week.'), ['HOSPITAL:Quenby Sprouts Learning']);
  assert.deepEqual(spans('Unremarkable general and neurologic exam.'), []);
});

test('the town a relative lives in, after the relation, the relative\'s name and the home', () => {
  const cases: [string, string[]][] = [
    ['She lives with her granddaughter Tamsin in Orvelby and was brought in by EMS.', ['NAME:Tamsin', 'LOCATION:Orvelby']],
    ['A cousin in Quenbury has lupus.', ['LOCATION:Quenbury']],
    ['Her granddaughter in Drennering called today.', ['LOCATION:Drennering']],
    ["Staying at my sister Mabel's place in Orvel Falls until Friday.", ['NAME:Mabel', 'LOCATION:Orvel Falls']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
  // Not a state, a country, a month, a unit, a state of care or a language.
  for (const phrase of ['Her son in Florida calls daily.', 'Her mother in Mexico is well.', 'Daughter in ICU with her.', 'Wife in Remission.',
    'His wife in Labor and Delivery.', 'Explained to the mother in Portuguese.', 'Brother in Rehab now.', 'Her sister in Law visited.']) {
    assert.ok(!spans(phrase).some((s) => s.startsWith('LOCATION')), phrase);
  }
});

test('a town before a state code that is also an abbreviation when the line ends or a ZIP code follows', () => {
  assert.deepEqual(spans('Quenbury Clinic - Orvelby, MT\nPatient: see above'), ['HOSPITAL:Quenbury', 'LOCATION:Orvelby']);
  assert.deepEqual(spans('Room 118, Drennick, GA\n'), ['LOCATION:Drennick']);
  assert.deepEqual(spans('Peak Quenby Therapy - Orvelby, CO 80302'), ['LOCATION:Orvelby, CO 80302']);
  // A credential after a name is not a state: only with a ZIP code.
  assert.deepEqual(spans('Signed: Orvel Quenby, PA\n'), ['NAME:Orvel Quenby']);
  // Mid-sentence the code may be a finding: "Anterior, MI was ruled out".
  assert.deepEqual(spans('Cardiology notes Inferior, MI ruled out.'), []);
});

test('a facility\'s kind of care, a university or a children\'s hospital stays out of its name; a name of kinds alone is none', () => {
  const cases: [string, string[]][] = [
    ['Follow-up at Quenby Diabetes Centre next week.', ['HOSPITAL:Quenby']],
    ['Transferred from Orvel Quenby University Hospital overnight.', ['HOSPITAL:Orvel Quenby']],
    ["Seen at Prairieton Children's Hospital last year.", ['HOSPITAL:Prairieton']],
    ['Managed by Bayvale Anticoagulation Clinic; INR weekly.', ['HOSPITAL:Bayvale']],
    ['Possible discharge to Oak Quenby Skilled Nursing tomorrow.', ['HOSPITAL:Oak Quenby']],
    ['Previously seen at Sound Orvel Counseling.', ['HOSPITAL:Sound Orvel']],
    ['Transport by Drennick County Ambulance this morning.', ['HOSPITAL:Drennick']],
    ['Slides to Northvale Pathology Associates for review.', ['HOSPITAL:Northvale']],
    ['Living at Magnolia Quenby Memory Care since spring.', ['HOSPITAL:Magnolia Quenby']],
    ['Patient went to Memorial Medical Center in June.', ['HOSPITAL:Memorial']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
  for (const phrase of ['Referred to the Comprehensive Cancer Center.', 'Seen in Heart Failure Clinic.', 'Seen in the Anticoagulation Clinic.',
    'Needs Air Ambulance.', 'Grief Counseling offered.', 'Pediatric Orthopedics consulted.', 'Sent to the University Hospital.',
    'Skilled Nursing facility.', 'Memory Care unit.', 'Seen in Lymphedema Management Clinic.', 'Occupational Health Clinic note.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('chain stores where a patient works or shops, with their head and number; not a surname after a title', () => {
  const cases: [string, string[]][] = [
    ['Refill picked up from Walgreens on Quenby Pike on Friday.', ['LOCATION:Walgreens', 'LOCATION:Quenby Pike']],
    ['Prescriptions to Publix Pharmacy at Orvel Mall.', ['LOCATION:Publix Pharmacy', 'LOCATION:Orvel Mall']],
    ['Works nights at the Walmart Supercenter; Kroger Pharmacy #512 has the list.', ['LOCATION:Walmart Supercenter', 'LOCATION:Kroger Pharmacy']],
    // A store's number is the identifier rules' when it has five digits.
    ['Rx sent to Walgreens #12345 today.', ['LOCATION:Walgreens', 'ID:12345']],
    ['He works at Menards loading trucks.', ['LOCATION:Menards']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
  assert.ok(!spans('Discussed with Dr. Meijer today.').some((s) => s.startsWith('LOCATION')));
  // A chain's word found once is not a place elsewhere in the note.
  assert.deepEqual(spans('Worked at Dollar Tree for years. Has 1 dollar left.'), ['LOCATION:Dollar Tree']);
});

test('streets named by an ordinal or a common word, after "on", and with a house number', () => {
  assert.deepEqual(spans('Shops at the pharmacy on 28th Street, not mail order.'), ['LOCATION:28th Street']);
  assert.deepEqual(spans('Works at a cafe on Pearl Street; off work now.'), ['LOCATION:Pearl Street']);
  assert.deepEqual(spans('Clinic office, 1100 Bank Street, Suite 310, Orvelby'), ['LOCATION:1100 Bank Street, Suite 310, Orvelby']);
  // Not the hospital's own places, and not a day after "on".
  for (const phrase of ['Seen on Ward Street rounds.', 'Pain on 5th day.', 'Continue on Room Air.', 'On the Same Road again.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('nursing-note cues of a town: a relative from it, living nearby in it, a rehab screened by', () => {
  assert.equal(tagged('SON FROM QUENBURY PHONED FOR UPDATE. WILL FLY FROM QUENBURY TOMORROW.'),
    'SON FROM [LOCATION] PHONED FOR UPDATE. WILL FLY FROM [LOCATION] TOMORROW.');
  assert.equal(tagged('her son drives up on Sunday from Orvelby.'), 'her son drives up on Sunday from [LOCATION].');
  assert.equal(tagged('pt calm. wife lives nearby in quenbury, visits daily.'), 'pt calm. wife lives nearby in [LOCATION], visits daily.');
  assert.equal(tagged('BELIEVE PT WAS SCREENED BY ORVEL QUENBY REHAB TODAY.'), 'BELIEVE PT WAS SCREENED BY [HOSPITAL] REHAB TODAY.');
  // A place found after a movement is found again where it is written alike.
  assert.equal(tagged('DAUGHTER WILL FLY FROM QUENBURY TODAY. SNOWSTORM HIT QUENBURY AGAIN.'), 'DAUGHTER WILL FLY FROM [LOCATION] TODAY. SNOWSTORM HIT [LOCATION] AGAIN.');
  // Not home, work, a state or its abbreviation, a country, a disease a relative died of.
  for (const text of ['WIFE FROM HOME. SON FROM WORK. DAUGHTER FROM FLORIDA. son from Calif. son from Peru.',
    'Her father passed away 25 years ago from Quenby\'s disease.', 'Daughter from out of state. Son from previous marriage.']) {
    assert.deepEqual(findPhi(text).filter((s) => s.category === 'LOCATION'), [], text);
  }
});

test('more cues of places: a clinician\'s town, driving someone home to a town, an employer after the job, a county\'s ambulance service', () => {
  const cases: [string, string[]][] = [
    ['She was seen by the ophthalmologist in Orvelby last month.', ['LOCATION:Orvelby']],
    ['Records sent by her dentist in Quenby City.', ['LOCATION:Quenby City']],
    ['Her son is driving him home to Drennick after the procedure.', ['LOCATION:Drennick']],
    ['Works as a deckhand for Orvel Marine Towing; off work now.', ['LOCATION:Orvel Marine Towing']],
    ['Arrival 21:38 via Quenby County EMS.', ['HOSPITAL:Quenby']],
  ];
  for (const [phrase, expected] of cases) assert.deepEqual(spans(phrase), expected, phrase);
  for (const phrase of ['Doctor in ICU aware.', 'Surgeon in Theatre now.', 'Driving him to dialysis.', 'Works as a team for the patient.',
    'Called EMS. Per EMS report. Arrived via Private EMS.', 'Transfer center line open. Called the RN at the receiving facility.',
    'Good rehab potential.', 'MOVEMENT DISORDERS CLINIC - FOLLOW-UP', 'BI-RADS 5 mass, left breast. Left breast biopsy.',
    'Discussed from that point on.']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('the town after a street address, and a place a patient was taken to "where" something happened', () => {
  assert.deepEqual(spans('Her flat is at 19 Quenby St. in Orvelby, second floor.'), ['LOCATION:19 Quenby St.', 'LOCATION:Orvelby']);
  assert.equal(tagged('AWOKE WITH CP, TAKEN TO QUENBY ORVEL WHERE CK\'S POS.'), 'AWOKE WITH CP, TAKEN TO [LOCATION] WHERE CK\'S POS.');
  assert.deepEqual(spans('She was brought to Orvelby where she was intubated.'), ['LOCATION:Orvelby']);
  for (const phrase of ['Taken to OR where she had surgery.', 'Went to the bathroom where she fell.', 'Sent to Radiology where CT done.',
    'Transferred to MICU where she was intubated.', 'Lives at 45 Quenby Avenue in March.']) {
    assert.ok(!spans(phrase).some((s) => s === 'LOCATION:March' || (s.startsWith('LOCATION') && !s.includes('Quenby'))), phrase);
  }
});

test('kinds of care joined by "&" or "and" before a facility\'s head stay out of its name; in lower case they name none', () => {
  assert.deepEqual(spans('Referrals pended to Quenby Gardens Nursing & Rehab today.'), ['HOSPITAL:Quenby Gardens']);
  assert.equal(tagged('PT FROM ORVEL HILL NURSING & REHAB, SENT BACK TO QUENBY GROVE NURSING AND REHAB.'),
    'PT FROM [HOSPITAL] NURSING & REHAB, SENT BACK TO [HOSPITAL] NURSING AND REHAB.');
  assert.deepEqual(spans('Needs cardiac and pulmonary rehab. Discussed nursing & rehab options.'), []);
});

test('a facility named in brackets after its kind; a sentence\'s verb is no facility\'s name', () => {
  assert.deepEqual(spans('Plan: discharge to SNF (Quenby Orvel) tomorrow.'), ['HOSPITAL:Quenby Orvel']);
  assert.equal(tagged('PT SLATED FOR REHAB(QUENBY ORVEL) TODAY.'), 'PT SLATED FOR REHAB([HOSPITAL]) TODAY.');
  for (const phrase of ['Discussed hospice (comfort care).', 'Offered Rehab today.', 'Rehab (PT/OT) daily.', 'Rehab (pending) placement (Monday).']) {
    assert.deepEqual(spans(phrase), [], phrase);
  }
});

test('a practice named for kinds of care joined by "&", its kinds out of the span; kinds alone or after a finding are none', () => {
  assert.deepEqual(spans('Referred to Quenby Skin & Dermatology Associates for Mohs.'), ['HOSPITAL:Quenby']);
  assert.deepEqual(spans('Signed by Dr. Tovald Orvelby, Quenby Allergy & Asthma, today.'), ['NAME:Tovald Orvelby', 'HOSPITAL:Quenby']);
  assert.deepEqual(spans('Seen at Orvelby Wound & Hyperbaric Center for ulcer.'), ['HOSPITAL:Orvelby']);
  assert.equal(tagged('CAD S/P DES AT QUENBY HEART & VASCULAR; ON PLAVIX.'), 'CAD S/P DES AT [HOSPITAL] HEART & VASCULAR; ON PLAVIX.');
  assert.equal(tagged('orvel valley arthritis & rheumatology\npt seen today.'), '[HOSPITAL] arthritis & rheumatology\npt seen today.');
  for (const text of ['SEPSIS WITH ENSUING SHOCK LIVER & KIDNEY.', 'Referred to Cardiac & Pulmonary Rehab.', 'PT SEEN BY CARDIAC & PULM TODAY.']) {
    assert.equal(tagged(text), text);
  }
});

test('a facility\'s letterhead in a note in capitals or lower case, its kinds out; a line of kinds alone is none', () => {
  assert.equal(tagged('QUENBY ORVEL CANCER CENTER - INFUSION SUITE\nNURSE NOTE'), '[HOSPITAL] CANCER CENTER - INFUSION SUITE\nNURSE NOTE');
  assert.equal(tagged('ORVELBY QUENWOOD SURGERY CENTER - PREADMISSION TEST\nPT NAME'), '[HOSPITAL] SURGERY CENTER - PREADMISSION TEST\nPT NAME');
  for (const text of ['CANCER CENTER\nPT SEEN.', 'HEART FAILURE CLINIC\nPT SEEN.', 'MEDICAL CENTER\nPT SEEN.', 'PT TO CARDIAC SURGERY CENTER,\nSTABLE.']) {
    assert.equal(tagged(text), text);
  }
});

test('home care, home health, home infusion and kidney care agencies by name; in a single-case note in a letterhead only', () => {
  assert.deepEqual(spans('Home health: Quenby Home Care, 2-3 visits/week.'), ['HOSPITAL:Quenby']);
  assert.deepEqual(spans('Dialysis unit: Orvelby Kidney Care - Northshore.'), ['HOSPITAL:Orvelby']);
  assert.equal(tagged('orvel quenwood home health\nskilled nursing visit'), '[HOSPITAL] home health\nskilled nursing visit');
  for (const text of ['home health\nskilled nursing visit', 'PT GOING HOME, NEEDS HOME HEALTH\nVNA TO FOLLOW', 'refer to visiting nurse home care\n']) {
    assert.equal(tagged(text), text);
  }
});

test('chains in notes in capitals or lower case, the longest name first; laboratories\' chains; not three-letter names there', () => {
  assert.equal(tagged('STOPPED AT DUNKIN DONUTS ON WAY. RX TO WALGREENS.'), 'STOPPED AT [LOCATION] ON WAY. RX TO [LOCATION].');
  assert.equal(tagged('glucagon refilled to walgreens today.'), 'glucagon refilled to [LOCATION] today.');
  assert.deepEqual(spans('Flu shot at CVS Pharmacy. Labs sent to LabCorp.'), ['LOCATION:CVS Pharmacy', 'LOCATION:LabCorp']);
  for (const text of ['PT ATE KFC.', 'CVS EXAM NORMAL.', 'cvs: rrr, no murmur.']) assert.equal(tagged(text), text);
});

test('an employer after its field, to the comma, the line\'s end or the next field; not a status', () => {
  assert.deepEqual(spans('Employer: Quenby Valley Logistics, 4500 Orvel Rd'), ['LOCATION:Quenby Valley Logistics', 'LOCATION:4500 Orvel Rd']);
  assert.equal(tagged('EMPLOYER: QUENBY FOODS   OCCUPATION: DRIVER'), 'EMPLOYER: [LOCATION]   OCCUPATION: DRIVER');
  for (const text of ['Employer: retired', 'Employer: Self', 'Her employer was supportive.']) assert.equal(tagged(text), text);
});

test('in a single-case note an agency after a facility\'s cue; kinds of care after a cue are none', () => {
  assert.equal(tagged('REFERRED TO ORVEL VALLEY HOME HEALTH FOR SN/PT.'), 'REFERRED TO [HOSPITAL] HOME HEALTH FOR SN/PT.');
  assert.equal(tagged('DIALYSIS AT QUENBY KIDNEY CARE MWF.'), 'DIALYSIS AT [HOSPITAL] KIDNEY CARE MWF.');
  for (const text of ['SEEN AT URGENT CARE.', 'TO PRIMARY CARE FOR F/U.', 'REFER TO BEHAVIORAL HEALTH.', 'BACK HOME WITH HOME HEALTH.',
    'RETURN TO FORMER HOME CARE.']) {
    assert.equal(tagged(text), text);
  }
});
