import test from 'node:test';
import assert from 'node:assert/strict';
import { findPhi, type PhiCategory } from '../../src/deid/index.js';
import { WARM_UP_NOTE } from '../../src/deid/find.js';

/** The PHI found in `text`, as "CATEGORY:text" strings in order. */
function found(text: string): string[] {
  return findPhi(text).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
}

function expectFound(text: string, expected: string[]): void {
  assert.deepEqual(found(text), expected, text);
}

function categories(text: string): PhiCategory[] {
  return findPhi(text).map((s) => s.category);
}

test('dates: numeric, month words, ordinals, two-digit years; not vent settings, scores or fractions', () => {
  expectFound('admitted on 5/16/2031, echo 10/13 and 3-27-31 recheck', ['DATE:5/16/2031', 'DATE:10/13', 'DATE:3-27-31']);
  expectFound('CVA 74\'. cabg \'84. HX: HTN W MI 6/83-CXR', ["DATE:74", 'DATE:84', 'DATE:6/83']);
  expectFound('says it is 14th Oct, 1983. Noted march 17, 1896.', ['DATE:14th Oct, 1983', 'DATE:march 17, 1896']);
  expectFound("it's the 12th. on lasix since early sept. 2031", ['DATE:12th', 'DATE:sept. 2031']);
  expectFound('PSV 12/6 peep 6, pain 7/10, strength 4/5, 1/2 NS @ 80, 2+/4 pulses, 550/14/35%', []);
  expectFound('LUNG CA 1977, since 1993 in remission; OOB at 1900', ['DATE:1977', 'DATE:1993']);
  expectFound('2017-08-16 and Christmas', ['DATE:2017-08-16', 'DATE:Christmas']);
  // A month-day with a dash after an event; not a count after the same words.
  expectFound('Admitted 3-15 w/ CP. Family meeting 3-16 at 2pm. Extubated 3-17.', ['DATE:3-15', 'DATE:3-16', 'DATE:3-17']);
  expectFound('Seen 2-3 times; admitted 3-4 days ago; RR 12-20.', []);
  // A range of two month/day dates: each is a date (and shifted on its own); not a range of readings, grades or scores.
  expectFound('on abx 3/15-3/18 then; pain 5/10-7/10; BP 120/80-130/90', ['DATE:3/15', 'DATE:3/18']);
  expectFound('RLE 4/5-5/5; MoCA 8/30-10/30; Apgars 8/9-9/9; murmur 2/6-3/6; GCS 3/15-4/15', []);
  expectFound('inpatient 3/28-4/2; from 3/15/2021-3/18/2021', ['DATE:3/28', 'DATE:4/2', 'DATE:3/15/2021', 'DATE:3/18/2021']);
  // Day first where the day cannot be a month; not values after their labels, nor four grades in a run.
  expectFound('DOB: 15/3/2010; 31.12.1930; 15/03/21', ['DATE:15/3/2010', 'DATE:31.12.1930', 'DATE:15/03/21']);
  expectFound('Platelets: 102000; WBC 112233; Total 102030 cells. Strength 4/5/4/5; MMT: 5/5/5/5', []);
  // Holidays name a day, but not in the names of a disease, a factor or a charity, nor as a day of labour.
  expectFound('PMH: Christmas disease; Christmas factor 3%. Referred to Easter Seals. Labor day 2: cervix 6 cm.', []);
  // A weekday vouches for a month/day that reads as a grade, a day-first date and a bare ordinal; a zero-padded
  // month/day opens a flowsheet's line; a day-first date without a year after a word of appointments.
  expectFound('Sent: Tues 3/3 4:12 PM; clinic Thurs 16/3; back Fri., 12th; Friday, 2/2; Friday 17-3; Friday 3-4 pm; Weight Monday 16.3 kg',
    ['DATE:Tues 3/3', 'DATE:Thurs 16/3', 'DATE:Fri., 12th', 'DATE:Friday, 2/2', 'DATE:Friday 17-3']);
  // Visual acuity is no date: "VA RE 6/9, LE 6/12".
  expectFound('VA RE 6/9, LE 6/12, pinhole 6/6', []);
  expectFound('03/03: extubated.\n04/04: diuresed 1.5 L', ['DATE:03/03', 'DATE:04/04']);
  expectFound('Next meeting 29/2. Seen 16/3; review due 21/4; NEXT MEETING ON 28/2; SEEN FOR 17/3', ['DATE:29/2', 'DATE:16/3', 'DATE:21/4', 'DATE:28/2', 'DATE:17/3']);
  // British shorthand for a duration in days or months after "since" and "for"; "sat" is sitting, not Saturday.
  expectFound('since 14/7; planned for 14/7; off work for 18/12; Pt sat 1/2 hr in chair', []);
  expectFound('placed on 15/5, weaned from 18/5; strength 5/5, reflexes 2/2; the 12th rib; Friday clinic 3 patients', []);
  // Day-first with dashes and a four-digit year; a weekday before "the" and an ordinal or before a day and "May";
  // "scheduled 2/2"; an ordinal closing its clause after "on" (not "on 2nd line").
  expectFound('DOA: 14-06-2024; on thurs the 15th; Thursday 16 May; scheduled 2/2; present on 21st. On 2nd line chemo',
    ['DATE:14-06-2024', 'DATE:thurs the 15th', 'DATE:Thursday 16 May', 'DATE:2/2', 'DATE:21st']);
});

test('phones, pagers, e-mail, URL, IP, SSN and labelled record numbers', () => {
  expectFound('wife (617/555/0134), tel 617-555-0177, or (202) 223-4567 x45', ['PHONE:617/555/0134', 'PHONE:617-555-0177', 'PHONE:(202) 223-4567 x45']);
  expectFound('Pager: #50173. Beeper number 50142', ['PHONE:50173', 'PHONE:50142']);
  expectFound('mail jo.doe@example.com or see https://example.org/a?b=1 from 10.1.2.3', ['EMAIL:jo.doe@example.com', 'URL:https://example.org/a?b=1', 'IP:10.1.2.3']);
  expectFound('SSN 123-45-6789. MRN: 0045678. Medicare # 1EG4TE5MK73. acct no. 55-9988', ['SSN:123-45-6789', 'MRN:0045678', 'HEALTH_PLAN:1EG4TE5MK73', 'ACCOUNT:55-9988']);
  expectFound('licence # MA-559812, serial number 123456, VIN 1HGCM82633A004352', ['LICENSE:MA-559812', 'DEVICE:123456', 'VEHICLE:1HGCM82633A004352']);
  expectFound('ABG 7.41-36-152, SVR 882-1326, K 4.0', []);
  // Extensions alone and bleeps; an international number's extension.
  expectFound('reach Dr. Zhang at x5523 or call ext 4471; Bleep 4417; page me at 4-2290', ['NAME:Zhang', 'PHONE:x5523', 'PHONE:ext 4471', 'PHONE:4417', 'PHONE:4-2290']);
  expectFound('Tel: +44 1423 555 019 ext. 4471', ['PHONE:+44 1423 555 019 ext. 4471']);
  expectFound('viewed at x1000 magnification; ext 12; Knee ext 1200; will page her at 0800 with results', []);
  expectFound('call ext: 4471; at extension 4472', ['PHONE:ext: 4471', 'PHONE:extension 4472']);
  // More labels, a bracketed qualifier after one, number words that make a claim's or a report's number, serials
  // of capitals and digits.
  expectFound('MRN (sending): FS-0041187. Aadhaar (patient) 4418 7720 9915. CLIA 38D0987712. NMC PIN 09A1234E',
    ['MRN:FS-0041187', 'ID:4418 7720 9915', 'ID:38D0987712', 'ID:09A1234E']);
  expectFound('Claim #: CLM-2024-7781902; report # 23-0826-4471; IP No: IP/23/11872; NHIS no. NHIS-LAG-8812047',
    ['ID:CLM-2024-7781902', 'ID:23-0826-4471', 'ID:IP/23/11872', 'ID:NHIS-LAG-8812047']);
  expectFound('CGM (transmitter 8NQ4KX); Seriennr. 9488-2231-07; rotor wing (tail N417LS); rod serial SN 4471-88320-A',
    ['ID:8NQ4KX', 'DEVICE:9488-2231-07', 'VEHICLE:N417LS', 'DEVICE:4471-88320-A']);
  expectFound('the report 2019 said; 1 unit PRBC; unit 12B; to unit 11WEST; pin site clean; specimen A2 sent; transmitter G7; pancreatic tail 12-15mm', []);
  expectFound('Platelets 250 (reference (adult) 150-400); ref 2-10', []);
  // An SSN's last four said so, registration numbers of professional bodies, a member ID with a letter prefix, plates
  // with a state's code or in the British form, "#" and five digits or a letter and a dash; not a product's "#".
  expectFound('SSN (last 4 only): 6612; CPSO 98124; GMC 7012345; Member ID: BHZ 9920 4471 03; UBRN 0004 5521 8870',
    ['SSN:6612', 'LICENSE:98124', 'LICENSE:7012345', 'HEALTH_PLAN:BHZ 9920 4471 03', 'ID:0004 5521 8870']);
  expectFound('PLATE CT 7KX-Q31. Corsa reg KX19 TRY. RL6 #884213, bag #B-3318; problem #3; model #12345; catalog # 44172',
    ['VEHICLE:CT 7KX-Q31', 'VEHICLE:KX19 TRY', 'ID:884213', 'ID:B-3318']);
  // Codes of capitals and digits standing alone, in tables and rows; not readings, rates, quantities, obstetric
  // histories, stages, trial numbers, nor anything in a note written all in capitals.
  expectFound('| 02:14 | QUENBY, A / TC0049221 | K 6.1 |\n1,"Quenby, Ann",CCI-220917,F\nPolicy PL/22/0048812/KA; PPSN 8826451TA; ticket INC0778124',
    ['ID:TC0049221', 'NAME:Quenby', 'NAME:Ann', 'ID:CCI-220917', 'ID:PL/22/0048812/KA', 'ID:8826451TA', 'ID:INC0778124']);
  expectFound('Labs RBC18550, given 1U PRBC/1500 and LR/1000; heparin 1000U/HR; vit D 2000IU daily; G3P2012; on trial CTSU/C40502', []);
  expectFound('prothrombin G20210A; HLA-B5701; heparin 25000U/250ML; >100000CFU/ML; 5040CGY; NCT04280705; 27447-RT; D3-2000', []);
  expectFound('PT SEEN. BP118/66 HR83. RATE 80-110CC/HR. CODE TC0049221 ON FILE. GIVEN 2300-APPROX', []);
});

test('ages over 89 only', () => {
  expectFound('92 yo woman; 89 y/o man; age 101; 45 year old', ['AGE:92', 'AGE:101']);
  expectFound('She turned 92 last week and turns 93 in May. Head turned 90 degrees; hip turned 95°.', ['AGE:92', 'AGE:93']);
  expectFound('Next appt 1/3 at 2pm. Give 1/2 tab; 1/3 of the dose.', ['DATE:1/3']);
  // An age and a sex in capitals opening a line, and ages in words.
  expectFound('93M with CHF.\nHPI: 91F s/p fall. A ninety-two year old woman; 45M with cough.', ['AGE:93', 'AGE:91', 'AGE:ninety-two year old']);
  // Not a temperature or a rate: "T 99F with chills", "HR 95M".
  expectFound('T 99F with chills. Tmax 101F, HR 95. Temp 99 F with rigors.', []);
  expectFound('Max temp: 102F with chills. Pt spiked a 101F, given tylenol. Temp\n99F, afebrile. Glucose: 95M with insulin.', []);
  expectFound('PT: 92F with gait training. A hundred-year-old oak. Aged 92 years of age.', ['AGE:92']);
  // In words: after "aged", in "her nineties", a nonagenarian; not a count ("one of the hundred patients").
  expectFound('She is aged ninety-three; in his nineties; one hundred and one years old; a nonagenarian. One of the hundred patients.',
    ['AGE:ninety-three', 'AGE:nineties', 'AGE:one hundred and one years old', 'AGE:nonagenarian']);
});

test('names by context: titles, credentials, initials, relations', () => {
  expectFound('Dr. Vellacott aware. NG advanced per Dr. Brumwell.', ['NAME:Vellacott', 'NAME:Brumwell']);
  expectFound('DR QUADLING AWARE. MG LEVEL 2.1.', ['NAME:QUADLING']);
  expectFound('renal doctors, dr. tom pellworth and all plans', ['NAME:tom pellworth']);
  expectFound('After rounds, Teodric wishes to stay full code. Teodric Ambrell contacted again.', ['NAME:Teodric', 'NAME:Teodric Ambrell']);
  // A name found by context is found again where it recurs, also when it is longer than the 31 characters a word's
  // shape records (its length bit then stands for every length from 31 on).
  const long = `Q${'uorlanthavex'.repeat(3)}`; // 37 letters
  expectFound(`Dr. ${long} aware. Plan: ${long} to follow up.`, [`NAME:${long}`, `NAME:${long}`]);
  expectFound('Wilma Treadway, RN', ['NAME:Wilma Treadway']);
  expectFound('RN: T. QUENBY\nMD: Orvel Quenby\nPt: A. Fib on monitor.', ['NAME:T. QUENBY', 'NAME:Orvel Quenby']);
  // A listed surname that is also a word, after a given name, capitalised in a mixed-case note.
  expectFound('Please call re: Wilma White today. Then Wilma Rose came.', ['NAME:Wilma White', 'NAME:Wilma Rose']);
  expectFound('Discussed with Mabel (RN) at 3pm. Tovald Quenby (NP) aware.', ['NAME:Mabel', 'NAME:Tovald Quenby']);
  // A shift or a pool signing at a line's end, with a comma or without, in either case.
  expectFound('Pt resting comfortably.\nFloat Pool, RN\nNight Shift, RN\nFLOAT POOL RN', []);
  expectFound('Report to Oncology (RN). Per Float Pool (RN). Seen by Social Work (LCSW). Private Duty (RN) hired.', []);
  expectFound('Plan per Renal (MD) note. Lasix (PO) given. Reviewed by Neuro (MD) today.', []);
  expectFound('Background: Nasal Polyposis (NP) is common. Seen by a Nurse Practitioner (NP) and the Nurse Manager today.', []);
  expectFound('OSWALD T. BRAKENRIDGE, RRT', ['NAME:OSWALD T. BRAKENRIDGE']);
  expectFound('INR 4.2. L. HOLMSBY AWARE.', ['NAME:L. HOLMSBY']);
  expectFound('social: son ned called again; daughter Greta called', ['NAME:ned', 'NAME:Greta']);
  expectFound("his wife, Alana Bramwell, is here", ['NAME:Alana Bramwell']);
  expectFound('Mr. Fairweather is awake. Spoke with Alec Ballard.', ['NAME:Fairweather', 'NAME:Alec Ballard']);
});

test('no names from eponyms, species, devices or clinical abbreviations', () => {
  expectFound('Foley draining pale amber urine. Swan-Ganz pulled back. S. aureus and E. coli in sputum.', []);
  expectFound('A. UNABLE TO EXTUBATE\nP. WILL KEEP OBSERVING. MAE. PERRLA. MS intact. MR 2+.', []);
  expectFound('Kernig\'s sign negative; Jackson-Pratt drain with 20 cc; walker at bedside.', []);
});

test('places: facilities, hospital abbreviations, towns, wards, addresses', () => {
  expectFound('transferred from Larchmont Adventist for PCI, then to GH', ['HOSPITAL:Larchmont Adventist', 'HOSPITAL:GH']);
  expectFound('Seen at GBMC last week; cabg at UMMC.', ['HOSPITAL:GBMC', 'HOSPITAL:UMMC']);
  expectFound('FMH: father with MI at 50. According to the AAMC, applications rose.', []);
  expectFound('d/c to Sacred Vale Memorial by 3pm', ['HOSPITAL:Sacred Vale Memorial']);
  expectFound('TAKEN TO BROOKVALE HOSPITAL, THEN TO AURORA REGIONAL', ['HOSPITAL:BROOKVALE', 'HOSPITAL:AURORA REGIONAL']);
  expectFound('Niece lives in Aurora; cousin of Lincoln came; from Marrow Creek, MD', ['LOCATION:Aurora', 'LOCATION:Lincoln', 'LOCATION:Marrow Creek']);
  expectFound('Transfer to Halvorsen 4 tomorrow.', ['LOCATION:Halvorsen']);
  expectFound('lives at 27 Linnet St. in Mount Airy.', ['LOCATION:27 Linnet St.', 'LOCATION:Mount Airy']);
  expectFound('transfer to floor; to cardiac rehab; returned to baseline; under general anesthesia', []);
  assert.deepEqual(categories('Boston, MA 02115'), ['LOCATION']);
  // Heads of two words, written with capitals; a hospital named with "Deaconess".
  expectFound('Resides at Orvelby Nursing Home. Discharged to Quenby Assisted Living. Transferred from Orla Deaconess.',
    ['HOSPITAL:Orvelby', 'HOSPITAL:Quenby', 'HOSPITAL:Orla Deaconess']);
  expectFound('Plan: possible nursing home placement; assisted living later. Seen by Family Medicine.', []);
  expectFound('Prior Nursing Home: none. Extended Care Nursing Home; back to Previous Assisted Living. Trained at Lutheran Deaconess School.', []);
  // Not in capitals, where any adjective may come before the head; "PT FROM" is a transfer of physical therapy.
  expectFound('D/C TO USUAL NURSING HOME. RETURN TO FORMER NURSING HOME. PT FROM SUPINE TO SIT. Pt from Supine to sit.', []);
  // A town follows a word of place; a town of two words is taken whole. A word before ", <state>" with no such word
  // is a service, a drug or a surname before a given name: "Army, Georgia", "signed by Bartlett, Georgia".
  expectFound('Pt from Orvel Falls, Texas.', ['LOCATION:Orvel Falls']);
  // (A named protocol is no person: "Georgia protocol".)
  expectFound('Military: Army, Georgia. Meds: Lasix, Lisinopril, Georgia protocol. Consent signed by Quenby, Georgia (wife).',
    ['NAME:Georgia', 'NAME:Georgia']);
  // A ZIP after a state's second word needs its first: not "Dr. York 12345 paged", "from Mexico 12345".
  expectFound('Orvelton paged Dr. York 12345. Returned from Mexico 12345 units.', ['NAME:York']);
  // A surname and a given name that is also a state's name, after a person's label, are a name.
  expectFound('Patient: Quenby, Georgia', ['NAME:Quenby', 'NAME:Georgia']);
  // A ZIP code after a state's name of two words.
  expectFound('Pt from Orvelton, New Hampshire 03060', ['LOCATION:Orvelton', 'LOCATION:03060']);
  // "Virginia" is a state's name alone too (and the second word of "West Virginia"): its ZIP needs no first word.
  expectFound('Orvelton, Virginia 23220', ['NAME:Virginia', 'LOCATION:23220']);
  // A town before ", <state's name>": the state's name starts the rule (it was no trigger word before).
  expectFound('Pt went to a clinic in Orvelton, Texas, where. Test battery: Tower, Wisconsin Card Sorting Test.', ['LOCATION:Orvelton']);
});

test('a name found by context is found again elsewhere in the note', () => {
  expectFound('Dr. Pellmore aware of lytes. Pellmore to see pt.', ['NAME:Pellmore', 'NAME:Pellmore']);
});

test('recall rules from error analysis, each with its look-alikes that must stay unflagged', () => {
  // Two-digit years opening a history item before an intervention; not counts or times.
  expectFound('PMH: HTN. 07 CABG. 11 stent to RCA.', ['DATE:07', 'DATE:11']);
  expectFound('placed 2 stents; at 10:30 MI ruled out; Hct 30. 2 stents; 1.12 MI', []);
  // A specimen "from M-D"; not a range of values.
  expectFound('Urine cx from 4-12 neg. Sputum from 10-2 grew GNR.', ['DATE:4-12', 'DATE:10-2']);
  expectFound('RR ranged from 14-24; urine from 6-30 cc/hr; blood from 2-3 sites', []);
  // Six digits that read as MMDDYY standing alone; not ratios, counts or times.
  expectFound('seen in clinic 031488 for f/u', ['DATE:031488']);
  expectFound('epi 1:100000, plt 245000, 123456 units', []);
  // A bracketed phone number with a digit too many in its last group.
  expectFound('call son (410 555 12345) tonight', ['PHONE:410 555 12345']);
  // An initial without its period after "per", then a surname.
  expectFound('bp goal 100-120 per j walsh.', ['NAME:j walsh']);
  expectFound('dose per d/c summary; per a nurse', []);
  // An employer after "works for"; a ward after a room number.
  expectFound('he works for zentara health. married.', ['LOCATION:zentara health']);
  expectFound('pt transferred to 312 blakemoor.', ['LOCATION:blakemoor']);
  expectFound('transferred to 312 bed; works for himself', []);
});

test('names without the lists: introductions by age or role, cued credentials, signatures', () => {
  expectFound('quellan dorsivet is a 58 yr old woman adm 9/7', ['NAME:quellan dorsivet', 'DATE:9/7']);
  expectFound('Family at bedside. Quorvella is family spokesperson/caregiver.', ['NAME:Quorvella']);
  expectFound('Pt is a 58 yo. This is an 83 yr old man. She is the daughter.', []);
  expectFound('OK TO USE PER TRASKELL MOVIRAN NP PATENT', ['NAME:TRASKELL MOVIRAN']);
  expectFound('PATIENT WITH DYSARTHRIA, MD CALLED NEURO', []);
  expectFound('per oncology note.    dravin kelsom rn  ', ['NAME:dravin kelsom']);
  expectFound('Lungs clear. Will monitor.\nHemodynamically stable overnight.\nQuistel Farradan\n', ['NAME:Quistel Farradan']);
  expectFound('Lungs clear. Will monitor.\nHemodynamically stable overnight.\nCont Abx\n', []);
  expectFound('DAUGHTER-ZORBLAT---617 555-0142. RESIDENT AWARE', ['NAME:ZORBLAT', 'PHONE:617 555-0142']);
});

test('the warm-up note that find.ts runs as it loads meets the rarer rules it is there for', () => {
  const found = findPhi(WARM_UP_NOTE).map((s) => `${s.category}:${WARM_UP_NOTE.slice(s.start, s.end)}`);
  for (const expected of ['DATE:3/15', 'DATE:3/18', 'DATE:15.03.2021', 'LOCATION:12 Orchard Street, Springfield, MA 01105',
    'LOCATION:P.O. Box 12 Ostervik KX', 'LOCATION:Havre Falls, MT 59501', 'LOCATION:Lindevej 8, 2100 Kobenhavn', 'LOCATION:14 Rue des Acacias',
    'ACCOUNT:9988776655443322', 'NAME:Teodric', 'NAME:Quenbayev', 'NAME:Bo Tarrant', 'NAME:Ottilie R Vasbender']) {
    assert.ok(found.includes(expected), `${expected} not in ${JSON.stringify(found)}`);
  }
});

test('numbers under the labels of cases, references, laboratories, bookings and providers; an age after "Age/Sex"', () => {
  expectFound('OSHA 300 log case #: 24-0271. Our ref: QAS/JT/40917. CT head (ref QAD-SMD-2292811). DSS case # QDSS-2023-44718.',
    ['ID:24-0271', 'ID:QAS/JT/40917', 'ID:QAD-SMD-2292811', 'ID:QDSS-2023-44718']);
  expectFound('Sputum (lab no. 24-188-7402). BOOKING #: T924118806. Provider No: 2417739K', ['ID:24-188-7402', 'ID:T924118806', 'LICENSE:2417739K']);
  expectFound('Age/Sex: 91 F', ['AGE:91']);
  // A reference range stays one; a word before a number's field label is no name ("SID #:").
  expectFound('Platelets 210 (ref 150-400). Lab 2 drawn. SID #: 08871442', ['ID:08871442']);
  // Case numbers, prison numbers, and an age before a sex's letter.
  expectFound('Case #: 24-1187. Ref: 2023-4471. DOC#: 448812. Age / Sex: 90F. Sex/Age: F/91.',
    ['ID:24-1187', 'ID:2023-4471', 'ID:448812', 'AGE:90', 'AGE:91']);
  // Forms whose fields hold statuses: no names there.
  expectFound('Subscriber: Self  Insured: Self. Client: Denies SI/HI. INMATE: DENIES COMPLAINTS.', []);
});
