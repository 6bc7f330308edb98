import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPhi } from '../../src/deid/index.js';
import { quoteAfterColon } from '../../src/deid/recognizers/name-prose.js';
import { splitWords } from '../../src/deid/words.js';

/** The text of every NAME span findPhi finds. All notes below are made up (the names are invented). */
function names(text: string): string[] {
  return findPhi(text).filter((s) => s.category === 'NAME').map((s) => text.slice(s.start, s.end));
}

test('title case is read in any script words.ts reads: a capital first, not a capital second', () => {
  const text = 'Žarnovský ØRNHOLT éclair Ílvane Ørnholt O’Dwyer É';
  assert.deepEqual(splitWords(text).map((w) => w.capitalized), [true, false, false, true, true, true, false]);
});

test('a capitalised word, a capital initial and a capitalised word are a name in mixed-case prose', () => {
  assert.deepEqual(names('The Report Was Reviewed By Staff. It was signed yesterday by Ottilie R Vasbenderová after the Visit on Monday.'),
    ['Ottilie R Vasbenderová']);
  assert.deepEqual(names('Torvald K. Øyangen called the Clinic on Monday. The Nurse told him to come in. Follow Up Tuesday.'), ['Torvald K. Øyangen']);
  // Letters after the heads of medical terms, and "A." closing a sentence, are not initials.
  assert.deepEqual(names('Labs: Factor V Leiden negative. Hepatitis B Surface Antigen negative. Vitamin D Level low. Type A Personality. '
    + 'Polysomnogram with the Compumedics E Series Recorder. Area of Ligature A. Lack of bleeding Noted In Chart.'), []);
});

test('two capitalised words side by side, one written with accents, are a name in mixed-case prose', () => {
  assert.deepEqual(names('We met Dénes Kovalcsik at the Clinic on Monday. He Was Well.'), ['Dénes Kovalcsik']);
  // Accented eponyms before a common noun, and a street before its number, are not.
  assert.deepEqual(names('History of Sjögren Syndrome and Ménière Disease. Seen in Clinic. Plan Per Team.'), []);
  assert.deepEqual(names('She lives at Zelená Úvozová 1412 now. Seen In Clinic Today.'), []);
  // Single-case notes are left to the other rules: capitals there say nothing.
  assert.deepEqual(names('WE MET DÉNES KOVALCSIK AT THE CLINIC ON MONDAY. HE WAS WELL.'), []);
});

test('a person after "said", "named" or a verb of making and "by"; not a thing or service after "by"', () => {
  assert.deepEqual(names('The Book Was Written In Spring. It was written by Radomił Wąsowiczek in Lublin, said Quillane.'),
    ['Radomił Wąsowiczek', 'Quillane']);
  assert.deepEqual(names('The Family Came. She named him Oskarr, After His Grandfather.'), ['Oskarr']);
  assert.deepEqual(names('Family History. Her grandfather was called Orvel Quenby, and farmed. The rhythm was called Atrial Flutter.'), ['Orvel Quenby']);
  assert.deepEqual(names('Yesterday I met Orvel Quenby at the market. Hello Mabel, please contact Tovald Brask for details.'),
    ['Orvel Quenby', 'Mabel', 'Tovald Brask']);
  // Not a service to contact, not criteria met.
  assert.deepEqual(names('Please contact Pharmacy. He met Duke criteria. Contact Physical Therapy to follow.'), []);
  assert.deepEqual(names('The Wound Was Dressed. Closure was followed by Mastisol and Steri-Strips. She was seen by Physical Therapy Today.'), []);
  assert.deepEqual(names('The Wound Was Dressed. It was performed by General Surgery Staff on Monday.'), []);
  assert.deepEqual(names('Report Final. Electronically signed by Tovald Brask on Monday. He was referred by Orvel Quenby for evaluation.'),
    ['Tovald Brask', 'Orvel Quenby']);
  assert.deepEqual(names('Report Final. Reviewed by Infectious Disease. Interpreted by Radiology Associates today.'), []);
});

test('a list of single capitalised words with two or more names in it is a list of names', () => {
  assert.deepEqual(names('The Family Visited. Their children: Brisco, Mary, Yolanthe and Peter.'), ['Brisco', 'Mary', 'Yolanthe', 'Peter']);
  assert.deepEqual(names('Medications: Lasix, Coumadin, Digoxin and Norvasc. Follow Up In Clinic.'), []);
  // One name is not a list of names.
  assert.deepEqual(names('The Family Visited. Brought: Lasix, Coumadin, Mary and Digoxin.').includes('Lasix'), false);
  // In a single-case note, a list of which most are names found already; not roles, nor lower-case words beside
  // capitalised names in a mixed-case note.
  assert.deepEqual(names('The Family Visited. Present: Mary, John, hospice and pastor. Given: Mary, John, oxycodone and senna.'),
    ['Mary', 'John', 'Mary', 'John']);
  assert.deepEqual(names('mary, john, harold and hospice at bedside.'), ['mary', 'john', 'harold']);
  assert.deepEqual(names('they had five: orvel, harold, mabel, walter and edith.'), ['orvel', 'harold', 'mabel', 'walter', 'edith']);
  assert.deepEqual(names('THEY HAD FIVE: ORVEL, HAROLD, MABEL, WALTER AND EDITH.').length, 5);
  assert.deepEqual(names('meds: lasix, coumadin, mary, john and digoxin.'), ['mary', 'john']);
  assert.deepEqual(names('they had four: orvel, quenby, mabel and walter.'), ['mabel', 'walter']);
});

test('a lower-case signature line in a mixed-case note is read as one in a single-case note', () => {
  assert.deepEqual(names('Pt Seen In The Morning. Plan Was Discussed With Team.\n\nkestrel vantrobe rn\n'), ['kestrel vantrobe']);
});

test('name words opening a clause before "from" or "of" and a service of the hospital', () => {
  assert.deepEqual(names('pt alert and calm. vathlinger quormish from speech therapy visited today.'), ['vathlinger quormish']);
  assert.deepEqual(names('FAMILY MEETING HELD. TRELLISON BRAXMORE OF SOCIAL WORK PRESENT.'), ['TRELLISON BRAXMORE']);
  // Not one unlisted word, not things sent from a service, not from the patient.
  assert.deepEqual(names('pt stable. labs from pharmacy reviewed. blood from pt sent. meds from pharmacy given.'), []);
});

test('after a doctor\'s title, two name words even before "and" or "to"', () => {
  assert.deepEqual(names('family meeting held with dr. quorvane tesselby and the team today.'), ['quorvane tesselby']);
  // A verb-shaped second word is not taken.
  assert.deepEqual(names('family meeting held with dr. quorvane called and updated.'), ['quorvane']);
});

test('a list of names followed by a capitalised word is a firm\'s name, left to the other rules', () => {
  const found = names('Papers Were Sent. The Brisco, Mary, Yolanthe and Peter Partnership wrote back.');
  assert.ok(!found.includes('Brisco') && !found.includes('Yolanthe'), found.join('|'));
});

test('two capitalised words before a verb of prose, and a person after an occupation, in mixed-case prose', () => {
  assert.deepEqual(names('The Letters Were Found In May. Ottilie Vasbender began writing in spring.'), ['Ottilie Vasbender']);
  assert.deepEqual(names('The Award Went To Her. Producer Quillan Derrowby explained the choice to the tennis player Maro Vessik.'),
    ['Quillan Derrowby', 'Maro Vessik']);
  // One capitalised word before such a verb is not enough: things take them too.
  assert.deepEqual(names('Nursery Course Was Smooth. Baby began to feed well. Technique explained and demonstrated. Face moved symmetrically.'), []);
});

test('a short text with a capitalised word among small ones is mixed case: its capitals mark names', () => {
  assert.deepEqual(names('She named him Oskarr'), ['Oskarr']);
  assert.deepEqual(names('I want to leave my kid Tovald out of this.'), ['Tovald']);
  // All capitals or all small letters: capitals say nothing.
  assert.deepEqual(names('SHE NAMED HIM OSKARR'), []);
  assert.deepEqual(names('Tell me your name? Varnik Ostrel'), ['Varnik Ostrel']);
});

test('the name line above a street line (a letter\'s addressee), and its other copies; not a heading or a company', () => {
  assert.deepEqual(names('Orla Vennick\nQuarry Lane Mills Ltd\n12 Harbour Road\nPortmere\nThank you for the order.'), ['Orla Vennick']);
  assert.deepEqual(names('> Anders K. Holm\n> Brightwater Analytics\n> Anders K. Holm\n> 48 Kestrel Avenue\n> Apt. 7\nRegards'),
    ['Anders K. Holm', 'Anders K. Holm']);
  assert.deepEqual(names('Please send it to:\n\nIsolde Varnay\n\n7 Wrenfield Road\nLowmoor\nMany thanks.'), ['Isolde Varnay']);
  assert.deepEqual(names('Discharge Instructions\nFollow Up Clinic\n12 Harbour Road\nCall with questions.'), []);
});

test('the speaker opening a line of dialogue before a colon and a quote; not a heading', () => {
  assert.deepEqual(names('Teodric: "Who is there?"\nMarguerite: "It is me."'), ['Teodric', 'Marguerite']);
  assert.deepEqual(names('Plan: "continue meds" per team.\nPatient: "I feel better."\nAssessment: stable.'), []);
  assert.deepEqual(names('Teodric:\t \u201cWho is there?\u201d'), ['Teodric']);
});

test('quoteAfterColon is /:[ \\t]*["\u201c]/.test on any text', () => {
  const alphabet = [':', ' ', '\t', '"', '\u201c', 'a', '\n', "'"];
  let seed = 7;
  const next = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  let quoted = 0;
  for (let t = 0; t < 3000; t++) {
    let text = '';
    for (let k = next(12); k > 0; k--) text += alphabet[next(alphabet.length)];
    const expected = /:[ \t]*["\u201c]/.test(text);
    if (expected) quoted++;
    assert.equal(quoteAfterColon(text), expected, JSON.stringify(text));
  }
  assert.ok(quoted > 100, `only ${quoted} texts with a quote after a colon`);
});

test('a name after whose name it is, after "was called", after a lower-case "ms."; generational suffixes', () => {
  assert.deepEqual(names("It's booked under her husband's name Orvel Dankworth"), ['Orvel Dankworth']);
  assert.deepEqual(names('my name is quenby and i need a refill'), ['quenby']);
  assert.deepEqual(names('Her grandfather was called Jonas Dankworth III, a cooper.'), ['Jonas Dankworth III']);
  assert.deepEqual(names('Please add the card to the account with ms. Quenby'), ['Quenby']);
  // Not after "name" without a colon and two name words, nor after "name is" but "my name is"; not "was called" a
  // finding; not a valve, a drug or a verb after "ms."/"mr."; calls and units of time are not names either.
  assert.deepEqual(names('Patient unable to state her name Correctly. Mom\'s name Unknown.'), []);
  assert.deepEqual(names('pt says drug name is metoprolol. pt states my name is unknown to me, confused.'), []);
  assert.deepEqual(names('The rhythm was called Atrial Flutter by cardiology. A code was called Pre Arrest.'), []);
  assert.deepEqual(names('Echo: Hx of ms. Mitral valve area 1.2 cm2. PMH: HTN, ms. Baclofen for spasticity. Pt with mr. Diuresed.'), []);
  assert.deepEqual(names('Moderate ms. and mr. Follow up. Started with mr. Metoprolol started. Seen with mr. Transfer pending.'), []);
  // The next field's label after a header's name; a doctor's credential after a name is no state.
  assert.deepEqual(names('Patient: Orvel Quenby, MRN 4432123'), ['Orvel Quenby']);
  assert.deepEqual(names('Called Pharmacy about the dose. Pharmacy called back.'), []);
  assert.deepEqual(names('Sinus node recovery time was normal at 330 ms. Corrected sinus node recovery time normal.'), []);
  assert.deepEqual(names('Unchanged MS. Verbal support given. Drug name Lasix.'), []);
  // A suffix closes the name and follows two name words: a route, a rank and a grade are no suffix.
  assert.deepEqual(names('Discussed with Dr. Patel IV fluids started. Per Dr. Ferris Sr. resident note.'), ['Patel', 'Ferris']);
});

test('a given name before a found surname and a verb of prose; not an adverb or an occupation', () => {
  assert.deepEqual(names('Hedly Brennan lives at the farm now.'), ['Hedly Brennan']);
  assert.deepEqual(names('Mr. Alvarez was seen. Previously Alvarez lived in Ohio. Pharmacist Nakamura listed his meds.'), ['Alvarez', 'Alvarez', 'Nakamura']);
});

test('one capitalised word before "aware" is no name: services, drugs and roles open those clauses', () => {
  assert.deepEqual(names('Renal aware. Nephro aware. Levophed aware. Housestaff aware. Caregiver aware. Family aware.'), []);
});

test('a surname after a middle initial and its period, after a header or a person\'s "name"', () => {
  assert.deepEqual(names('name: orvel t. quenby address: unit 4'), ['orvel t. quenby']);
  assert.deepEqual(names('Booked in her partner\'s name Orvel A. Quenby last year.'), ['Orvel A. Quenby']);
  assert.deepEqual(names('NAME: DELLA M. FARQUHAR DOB: 1/2/1950'), ['DELLA M. FARQUHAR']);
  // Letters of an abbreviation are no initials: "p.r.n." ends no name; nor is the next field, a weekday or a month a surname.
  assert.deepEqual(names('he may see Dr. Quenby p.r.n. for his eye'), ['Quenby']);
  assert.deepEqual(names('Seen by Dr. Quenby s.l. today'), ['Quenby']);
  assert.deepEqual(names('Name: Orvel A. Sex: M'), ['Orvel A']);
  assert.deepEqual(names('Spoke with Orvel A. Tuesday re: plan.'), ['Orvel A']);
});

test('a capitalised word opening its clause before "lives on/at" and an address is a name; a relation, adverb or pronoun is not', () => {
  assert.deepEqual(names('Quillane lives on Strada Quenby 3.'), ['Quillane']);
  assert.deepEqual(names('Since May, Orvel lives at 255 Harbakken.'), ['Orvel']);
  for (const text of ['Mother lives at 12 Main St.', 'Currently lives on Elm Street.', 'Everyone lives at 12 Main St.', 'Caregiver lives at 12 Main St.',
    'Veteran lives at 44 Elm Rd.',
    'Pt lives at home.', 'Orvel lives on his own.']) {
    assert.deepEqual(names(text), [], text);
  }
});

test('single-case notes: a surname after a cue and a credential, a word opening its clause before a listed surname and "md"', () => {
  assert.deepEqual(names('pressures low, per md quenby. plan: diurese'), ['quenby']);
  assert.deepEqual(names('PER NP ORVELTON, WILL HOLD LASIX'), ['ORVELTON']);
  assert.deepEqual(names('social: orvel mcgrath md met with wife'), ['orvel mcgrath']);
  assert.deepEqual(names('SOCIAL: QUILLANE ORVELTON MD SPOKE WITH WIFE'), ['QUILLANE ORVELTON']);
  assert.deepEqual(names('TEAM HAS SPOKEN AT LENGTH, NOTABLY WITH QUILLANE ORVELTON (SON)'), []);
  assert.deepEqual(names('RN TALKED PRIVATELY WITH QUILLANE ORVELTON (SON)'), ['QUILLANE ORVELTON']);
  assert.deepEqual(names('RESP- QUILLANE ORVELTON,MD MADE VENT CHANGES'), ['QUILLANE ORVELTON']);
  assert.deepEqual(names('SON IS HCP, BROTHER IS PROXY - QUILLANE ORVELTON WHO LIVES NEARBY.'), ['QUILLANE ORVELTON']);
  for (const text of ['per md order', 'per md recommendation.', 'PER MD PLAN.', 'per md, will hold', 'by md team.', 'PLAN: FOLLOW UP MD CALLED',
    'NEURO: NO CHANGE MD AWARE', 'spoke briefly with family', 'PER RENAL,MD AWARE', 'PAIN CONTROLLED,MD NOTIFIED',
    'PROXY - AWARE OF PLAN', 'HEALTH CARE PROXY - SIGNED', 'HEALTH CARE PROXY FORM IN CHART']) assert.deepEqual(names(text), [], text);
});

test('a capitalised word with a surname\'s ending is a surname in mixed-case prose, with the capitalised word before it', () => {
  assert.deepEqual(names('Wojciech Brastowski came in with his son. He Was Well. Seen with Orvel Quenbowski today.'),
    ['Wojciech Brastowski', 'Orvel Quenbowski']);
  // An unlisted capitalised word opening the sentence is no given name ("Positive Bielschowsky" is an eponym too);
  // a shaped word before a capitalised word that is no name begins an institution's or a journal's name.
  assert.deepEqual(names('Orvel Brastowski came in. Preoperative Paprosky 2B defect. Results from Quenbova Diagnostics.'), ['Brastowski']);
  assert.deepEqual(names('The Team Met Today. Quenbayev and Tamarishvili were there; they will call Velmainen back.'),
    ['Quenbayev', 'Tamarishvili', 'Velmainen']);
  assert.deepEqual(names('Visit From Family. Her daughter Ilsa Dravenović and Lisbet Orvelsdottir came.'), ['Ilsa Dravenović', 'Lisbet Orvelsdottir']);
  // Eponyms with such an ending, before a medical noun or written alone, and places, are not.
  assert.deepEqual(names('Exam: Negative Babinski. Positive Nikolsky sign. Karnofsky 80. Tarlov cyst on MRI. A Markov model.'), []);
  assert.deepEqual(names('Moved From Alaska To Nebraska. Seen At Orvelova University Today.'), []);
  // Not the second half of a lower-case compound, and not in single-case notes.
  assert.deepEqual(names('Her neighbour, an ex-Marine Velmainen, drove her in.'), ['Velmainen']);
  assert.deepEqual(names('ORVEL BRASTOWSKI CAME IN WITH HIS SON.'), []);
  // The longest ending, whole, at the end of a long word.
  assert.deepEqual(names('The Team Met Today. Quenbantopoulos and Tamarishvili were there.'), ['Quenbantopoulos', 'Tamarishvili']);
});

test('a patient named after "Patient"/"Pt", closed by an age and sex or a patient\'s verb; not a phrase that "Patient" heads', () => {
  const prose = ' Seen with her mother in the clinic today for a review of her asthma plan.';
  assert.deepEqual(names(`Pt: Winter Quarrendon, 29F.${prose}`), ['Winter Quarrendon']);
  assert.deepEqual(names(`Pt is Orvel Dankquist, 38M, with pneumonia.${prose}`), ['Orvel Dankquist']);
  assert.deepEqual(names(`Patient Tovalda Brenshaw died peacefully at home.${prose}`), ['Tovalda Brenshaw']);
  assert.deepEqual(names(`Patient Controlled Analgesia was started. Patient Education Materials were given. Patient Portal Message was sent.${prose}`), []);
  assert.deepEqual(names(`Patient Experience Survey was completed. Pt Tolerated Diet well.${prose}`), []);
  // "is", "was", "has" follow things too: a listed name or a surname's ending must vouch for the pair then.
  assert.deepEqual(names(`Patient Fall Risk is high. Patient Call Bell is within reach. Patient Water Jug was refilled.${prose}`), []);
  assert.deepEqual(names(`Patient Ovrin Dankowski was seen at home.${prose}`), ['Ovrin Dankowski']);
});

test('relations and jobs before a name: British and family words, staff by their job, a family in brackets', () => {
  const prose = ' The plan was gone over with everyone and all questions were answered by the team.';
  assert.deepEqual(names(`Mate Quorvin to drive home. Older sib Tamsel (4) had a rash. Mum Ilvane present; lives with nana Huarei.${prose}`),
    ['Quorvin', 'Tamsel', 'Ilvane', 'Huarei']);
  assert.deepEqual(names(`Discussed with tech Orlanth and pharmacist Vestry Quillon today. Thank you for referring Aurelind, aged 7.${prose}`),
    ['Orlanth', 'Vestry Quillon', 'Aurelind']);
  assert.deepEqual(names(`Family (Quenbaro) updated. Ovrin Talsby (EMT) handed over; RN (Orlanth) aware.${prose}`),
    ['Quenbaro', 'Ovrin Talsby', 'Orlanth']);
  // A room's "Rm", a role after "referring", a benefit or a mood after a relation, a credential's bracket of a place.
  assert.deepEqual(names(`Spoken to in Quiet Rm. Copy to referring Provider. Carer Allowance sent. Mum Tearful. Seen by Ivo Quenby, MD (Brenmoor Breast Center, Orvelton).${prose}`),
    ['Ivo Quenby']);
  // A job's title heading a heading, a family's other uses, twins and a weekday after a job are no names.
  assert.deepEqual(names(`Pharmacist Review\nPhysio Input: mobilising.\nTwin A and Twin B delivered. Family Medicine clinic. Family (3) present. Seen by the counsellor Monday.${prose}`), []);
});

test('a chat speaker with a job in brackets, staff after their job or its label, a Mc surname in a list, a double-barrelled surname', () => {
  const prose = 'Chat export from the unit overnight, kept for the record of the handover discussion.\n';
  assert.deepEqual(names(`${prose}[06:58] Orlanth Vesqueri (pharm): trough due\n09:15 Morphine (IV): 2 mg\n3. McQUARREN, Isla  NHS 611 094 2287`),
    ['Orlanth Vesqueri', 'McQUARREN', 'Isla']);
  assert.deepEqual(names(`${prose}Tech: Bryonel Hallquist, CCDS\ndriver Tovald Brask; keyworker Quenna. Met social worker Ovrin Talsby-Quarren, today.`),
    ['Bryonel Hallquist', 'Tovald Brask', 'Quenna', 'Ovrin Talsby-Quarren']);
  assert.deepEqual(names(`${prose}Witness: none. Tech: n/a. Supervisor review: pending.`), []);
});

test('a letter\'s patient after "I saw" or "for seeing"; not a department, a day or another subject\'s verb', () => {
  assert.deepEqual(names('Dear Colleague,\nI saw Quenna today for newly diagnosed asthma. Thank you for seeing Orlanth again.'), ['Quenna', 'Orlanth']);
  assert.deepEqual(names('Dear Colleague,\nWe saw Cardiology today. I saw Wednesday that the rash was better. They saw Quenna.'), []);
});

test('a nickname in quotes after a name and the surname after it; not a quoted word before a sentence in lower case', () => {
  const found = (text: string): string[] => findPhi(text).map((s) => `${s.category}:${text.slice(s.start, s.end)}`);
  assert.deepEqual(found('Seen in clinic today.\nPatient: Velmora "Vel" Quenbrook    MRN: 88231'), ['NAME:Velmora', 'NAME:Vel', 'NAME:Quenbrook', 'MRN:88231']);
  assert.deepEqual(found('Seen in clinic today.\nPatient: Quenbrook, Orvelard ("Orv")'), ['NAME:Quenbrook', 'NAME:Orvelard', 'NAME:Orv']);
  assert.deepEqual(found('Seen in clinic today. Dr. Orvel Quenby "Stat" consult placed.'), ['NAME:Orvel Quenby']);
});

test('names in messages: the sender after "From:", the writer under a closing or after a dash on the last line', () => {
  const text = 'PORTAL MESSAGE\nFrom: Mark Quenbrook <mq77@example.com>\nSent: Sun 9/29/2024 8:14 PM\nSubject: pump\n\n'
    + 'Hi, my sensor keeps failing.\nThanks,\nMark\n\n---\nFrom: Tamsin Velloway, RN\nSent: 9/30/2024\nHi Mark, call us.\n- Tamsin\n';
  const names = findPhi(text).filter((s) => s.category === 'NAME').map((s) => text.slice(s.start, s.end));
  assert.deepEqual(names, ['Mark Quenbrook', 'Mark', 'Tamsin Velloway', 'Mark', 'Tamsin']);
  // A closing before a sentence, a team or a list item is no signature.
  const plain = 'Discussed plan with family. Will follow up.\nThanks,\nWill call if worse.\nBest,\nCardiology Team\n- Continue lasix\n';
  assert.deepEqual(findPhi(plain).filter((s) => s.category === 'NAME'), []);
});

test('a found name\'s second barrel and listed given name in a single-case note, and the middle name closing a "Surname, Given" field', () => {
  assert.deepEqual(names('pt: ilsa m. orvelby-lindqvist\ndob 3/4/1970'), ['ilsa m. orvelby-lindqvist']);
  assert.deepEqual(names('PATIENT: IMELDA QUENBY-LINDQVIST, 54F, HERE FOR FISTULOGRAM.'), ['IMELDA QUENBY-LINDQVIST']);
  // Not a word or an abbreviation after the hyphen ("QUENBY-VM", "x-tele"), nor the sex's letter after a given name.
  assert.deepEqual(names('CALLED IMELDA QUENBY-VM LEFT. imelda quenby-tele.'), ['IMELDA QUENBY', 'imelda quenby']);
  assert.deepEqual(names('Name: Orvelby, Ilsa F'), ['Orvelby', 'Ilsa']);
  assert.deepEqual(names('message to bill lindqvist (dad) at work.'), ['bill lindqvist']);
  assert.deepEqual(names('PATIENT: QUENBY, TOVALD L   MRN: 1234567'), ['QUENBY', 'TOVALD L']);
  assert.deepEqual(names('Patient: Orvelby, Ilsa W.   DOB: 01/02/1950'), ['Orvelby', 'Ilsa W']);
  // A compound after a hyphen is no barrel.
  assert.deepEqual(names('spoke with lindqvist-related staff today.'), ['lindqvist']);
});

test('credentials, school and ambulance staff and former jobs are no names', () => {
  assert.deepEqual(names('school nurse: Ilsa Orvelby, BSN, RN'), ['Ilsa Orvelby']);
  assert.deepEqual(names('Principal notified: Dr. Tovald Quenby.'), ['Tovald Quenby']);
  assert.deepEqual(names('Former CNA at a nursing home.'), []);
  assert.deepEqual(names('Infusion RN: Ilsa Quenby, RN'), ['Ilsa Quenby']);
});

test('school, ambulance and clinic staff name the person after them; a day after a role says when', () => {
  assert.deepEqual(names('report to paramedic J. Quenby. SpO2 96%.'), ['J. Quenby']);
  assert.deepEqual(names('referred to diabetes educator Ilsa Orvelby and to the program.'), ['Ilsa Orvelby']);
  assert.deepEqual(names('exam performed with chaperone Ilsa (MA) present.'), ['Ilsa']);
  assert.deepEqual(names('Plans to see the counselor Tuesday. Mood better.'), []);
});

test('an initial before a name found, a common surname after a given name, vocational and dental credentials', () => {
  assert.deepEqual(names('Dressing by B. Orvelby, RN. per l. quenby rn.'), ['B. Orvelby', 'l. quenby']);
  assert.deepEqual(names('Dr. Ilsa Young saw her.'), ['Ilsa Young']);
  assert.deepEqual(names('Screened by: Ilsa Quenby, LVN   Reviewed today.'), ['Ilsa Quenby']);
  // An initial that opens a finding, or a grade's letter, stays out.
  assert.deepEqual(names('Pt: A. Fib on monitor. Grade A. Quenby protocol.'), []);
});

test('a listed name before a bracket that opens with a relation is a person, one that is also a word too; a family history\'s conditions are not', () => {
  assert.deepEqual(names('Discussed with patient and Rosemary (daughter) at bedside. Spoke with Faith (wife, HCP) and Imelda Young (sister).'),
    ['Rosemary', 'Faith', 'Imelda Young']);
  assert.deepEqual(names('FH positive for Diabetes (mother), Stroke (father), Graves (sister), Bell (son).'), []);
});
