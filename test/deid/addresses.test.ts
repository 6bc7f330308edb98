import test from 'node:test';
import assert from 'node:assert/strict';
import { deidentify, findPhi } from '../../src/deid/index.js';
import { lexicon } from '../../src/deid/lexicon/index.js';
import { TWO_WORD_STATES } from '../../src/deid/lexicon/places.js';

/** The LOCATION spans found in `text`, as their text, in order. */
function places(text: string): string[] {
  return findPhi(text).filter((s) => s.category === 'LOCATION').map((s) => text.slice(s.start, s.end));
}

test('street names with a street word and the number after them, in other languages', () => {
  assert.deepEqual(places('The clinic moved to Birkelundvej 14 last year.'), ['Birkelundvej 14']);
  assert.deepEqual(places('She rents a flat on Lindauer Strasse 7.'), ['Lindauer Strasse 7']);
  assert.deepEqual(places('Parcel went to Via delle Rose 41 by mistake'), ['Via delle Rose 41']);
  assert.deepEqual(places('Sister lives at ul. Sosnowa 12 in the old town'), ['ul. Sosnowa 12']);
  assert.deepEqual(places('Meet at Tammelankatu 3'), ['Tammelankatu 3']);
  assert.deepEqual(places('office: Kerkstraat 220'), ['Kerkstraat 220']);
});

test('house number, street type and the address block after it', () => {
  const block = 'Send the films to:\nOrla Brennick\n88 Quarry Hill Road\nSuite 12\nMarlow Falls\nLatvia 40211\nThanks';
  assert.deepEqual(places(block), ['88 Quarry Hill Road', 'Suite 12', 'Marlow Falls', 'Latvia 40211']);
  // Quoted as in a forwarded e-mail, with a second number before the street and a foreign street.
  const quoted = '> Tove Aasland\n> 17 Solbakkeveien 9\n> Apt. 4\n> LILLEHAMAR\n> Malta 2618';
  assert.deepEqual(places(quoted), ['17 Solbakkeveien 9', 'Apt. 4', 'LILLEHAMAR', 'Malta 2618']);
});

test('a plain "Name 12" line is a street only with a block after it', () => {
  assert.deepEqual(places('Ferro Kvist\n412 Harbakken 31\nApt. 7\nOstervik\nPortugal'), ['412 Harbakken 31', 'Apt. 7', 'Ostervik', 'Portugal']);
  assert.deepEqual(places('write to 903 Merrow 22\nDunmallow, KX 55120. Please'), ['903 Merrow 22', 'Dunmallow, KX 55120']);
  assert.deepEqual(places('Karsten Oll\n12 Pelmark 5\nHavrevik\n, TR\n 30412'), ['12 Pelmark 5', 'Havrevik', 'TR', '30412']);
  // A country or a region code is no identifier on its own, but in an address block it is tagged with the block.
  assert.deepEqual(places('Ana Lusk\n7 Dornweg 3\nBrimstead NO 4410'), ['7 Dornweg 3', 'Brimstead NO 4410']);
});

test('units, town, region, country and postal code on the street line', () => {
  assert.deepEqual(places('Post it to 18 Quarry Hill Road Apt. 4, Havrevik, Latvia 40211.'), ['18 Quarry Hill Road Apt. 4, Havrevik, Latvia 40211']);
  assert.deepEqual(places('new address: 404 Harbakken 31 Apt. 2, Ostervik, Malta 3021 from May'), ['404 Harbakken 31 Apt. 2, Ostervik, Malta 3021']);
  assert.deepEqual(places('Mail goes to P.O. Box 77 Apt. 3, Ostervik, Malta'), ['P.O. Box 77 Apt. 3, Ostervik, Malta']);
  assert.deepEqual(places('Lindauer Strasse 7 Suite 5 Brimstead'), ['Lindauer Strasse 7 Suite 5 Brimstead']);
  // Before a unit with a town and a country or postal code: a house number and a name of any type is the street.
  assert.deepEqual(places('Return it to 2210 Orrinwood Suite 4, Havrevik, Malta 3021 please.'), ['2210 Orrinwood Suite 4, Havrevik, Malta 3021']);
  assert.deepEqual(places("Office: 31 Avenue d'Orlane 12 Apt. 7, Ostervik, Latvia"), ["31 Avenue d'Orlane 12 Apt. 7, Ostervik, Latvia"]);
  // ... but not a drug or a word of care before the unit: only the unit and the town are taken.
  assert.deepEqual(places('Pt given 3 Heparin Suite 4, Ostervik, Malta 3021'), ['Suite 4, Ostervik, Malta 3021']);
  // A dose line with a unit word is no address, and a plain name and number needs its house number and unit.
  assert.deepEqual(places('Heparin 5000 units, Lantus 20 units qhs. Humalog 4 Unit 3 Floor'), []);
});

test('a British "Close" with its block; a country that ends a sentence', () => {
  assert.deepEqual(places('Address: 41 Orrin Close\n Suite 8\n Havrevik\n Latvia'), ['41 Orrin Close', 'Suite 8', 'Havrevik', 'Latvia']);
  assert.deepEqual(places('Taxi to 12 Pelmark Road\n Suite 2\n Ostervik\n Malta. Please call me.'), ['12 Pelmark Road', 'Suite 2', 'Ostervik', 'Malta']);
  // Without an address after it, "Close" is a word: "12 Close contacts".
  assert.deepEqual(places('Seen 12 Close Contacts today'), []);
});

test('a town named after a country before its state; a US state of two words by its code', () => {
  assert.deepEqual(places('Lives at 27 Park Ave, Lebanon, NH 03766.'), ['27 Park Ave, Lebanon, NH 03766']);
  assert.deepEqual(places('Address: 1187 Oak Ridge Rd, Apt 3B, West Lebanon, NH 03766'), ['1187 Oak Ridge Rd, Apt 3B, West Lebanon, NH 03766']);
  // Codes that are also abbreviations of care are no states before a number; a doctor's credential is no state.
  assert.deepEqual(places('Heparin, SC 10000. EF: Normal, PR 20000. Attending: Harold Ostrowski, MD'), []);
  // Whatever the given name; but a town's name before the state code MD stays one.
  assert.deepEqual(places('Referring physician: Tovald Brask, MD\nAttending: Orvel Quenby, MD'), []);
  assert.deepEqual(places('Moved from Orvel Heights, MD and then Quenbyville, MD.'), ['Orvel Heights', 'Quenbyville']);
  assert.deepEqual(places('Return address\nMILLBROOK, NY 12545-0012\nthanks'), ['MILLBROOK, NY 12545-0012']);
  // Rooms and services before a unit are no street: only the unit and its town are taken.
  assert.deepEqual(places('Procedure done in OR 12 Endoscopy Suite 3, Ostervik, Malta 3021.'), ['Suite 3, Ostervik, Malta 3021']);
});

test('numbered street words before the name', () => {
  assert.deepEqual(places('The parcel for 14 Rue des Acacias now arrived.'), ['14 Rue des Acacias']);
  assert.deepEqual(places('moved to 6 Calle Mayor'), ['6 Calle Mayor']);
});

test('medication, vital-sign and exam lines are not addresses', () => {
  const notes = [
    'Lasix 40\nMetoprolol 25\nAspirin 81\nPlan: follow up',
    'Meds:\nLisinopril 20\nDaily\nContinue',
    'Reflexes: RUE 2+, LUE 3+, RLE 4+ with clonus',
    'Moved to Room 5, Bed 3. Grade 2 murmur. Level 4 trauma. T4 lesion, C5-6 disc.',
    'Given 2 via NGT, 1 via PICC. Tylenol 650 mg q6h.',
    'HR 80, BP 120/80, T 98.6, RR 16, SpO2 97%.',
    'Transferred to Unit 5 for monitoring. Patient in Bay 4.',
    'Insulin Glargine 22 units at bedtime. Vitamin D 1000 IU.',
    'the corner of the mouth and the left eye; CORNER OF EYE AND NOSE',
    'Heparin 5000\nSubcutaneous\nQ8H',
    'Follow-up with Dr. Haldane in 2 weeks. Stage 3 ulcer. Type 2 diabetes. Zone 1 fracture.',
    'Irrigate 2 liters. Tie 2 sutures. Investigate 3 options. Brigade 4 arrived. Gate 4 then left.',
    'Via 2 ports. Rue 3 and Str 4.',
  ];
  for (const n of notes) assert.deepEqual(places(n), [], n);
});

test('postal codes after their label, military addresses, street corners', () => {
  assert.deepEqual(places('her zip is 02139, thanks'), ['02139']);
  assert.deepEqual(places('Postal code: 412 07'), ['412 07']);
  assert.deepEqual(places('Ship it to PSC 4410, Box 2231\nAPO AE 09123'), ['PSC 4410, Box 2231', 'APO AE 09123']);
  assert.deepEqual(places('USNS Tallwater\nFPO AP 96601'), ['USNS Tallwater', 'FPO AP 96601']);
  assert.deepEqual(places('Unit 8841 Box 120\nDPO AA 34021'), ['Unit 8841 Box 120', 'DPO AA 34021']);
  assert.deepEqual(places('Pick me up on the corner of Larkin Street and Ellery Avenue.'), ['the corner of Larkin Street and Ellery Avenue']);
  assert.deepEqual(places('Where to find her: The corner of Larkin Street and 9th Avenue'), ['The corner of Larkin Street and 9th Avenue']);
  // Not a postal code: a zipper, a post-op day, a code of another kind.
  assert.deepEqual(places('zipper intact; post op day 2; code status full'), []);
});

test('"I am in" a capitalised town; not a state of mind, a unit, a country or an upper-case note', () => {
  assert.deepEqual(places("I'm in Havrevik for two days"), ['Havrevik']);
  assert.deepEqual(places('Call me later, I am in Nether Ostervik, at a meeting'), ['Nether Ostervik']);
  assert.deepEqual(places("I'm in pain. I am in ICU. I'm in Recovery. I am in Latvia. I am in Costa Rica."), []);
  assert.deepEqual(places('PT STATES I AM IN PAIN AND I AM IN BED'), []);
});

test('a US town line: town, state code, ZIP code; not a drug, a route and a dose', () => {
  assert.deepEqual(places('Clinic: 12 Pine Knoll Dr, Havre Falls, MT 59501.'), ['12 Pine Knoll Dr, Havre Falls, MT 59501']);
  assert.deepEqual(places('Return address\nELLERY HOLLOW, VT 05401-1234\nthanks'), ['ELLERY HOLLOW, VT 05401-1234']);
  assert.deepEqual(places('Heparin, PA 10000 units; Vancomycin, MA 12500 mg; MRSA, MA 12345 ug'), []);
  // The same in a longer note written in mixed case, where a capitalised word before ", MA" may be a town.
  assert.deepEqual(places('Orders Reviewed With The Team Today. Heparin, PA 10000 units; Vancomycin, MA 12500 mg. Lives in Bel Air, MD with wife.'),
    ['Bel Air']);
});

test('the line after a unit line is a town, unless it is a sign-off or a common word', () => {
  assert.deepEqual(places('Send to 48 Kestrel Avenue\nApt. 7\nHolmvik'), ['48 Kestrel Avenue', 'Apt. 7', 'Holmvik']);
  assert.deepEqual(places('Send to 48 Kestrel Avenue\nApt. 7\nRegards'), ['48 Kestrel Avenue', 'Apt. 7']);
});

test('a ship before a naval post office line', () => {
  assert.deepEqual(places('USNV Harrowgate\nFPO AE 09512'), ['USNV Harrowgate', 'FPO AE 09512']);
});

test('US street types: distinctive ones after a house number, common ones only with an address after them', () => {
  assert.deepEqual(places('Ship it to 41 Larkspur Rapids.'), ['41 Larkspur Rapids']);
  assert.deepEqual(places('4417 Orrin Common Suite 20\nDelmont, OH 44101'), ['4417 Orrin Common Suite 20', 'Delmont, OH 44101']);
  assert.deepEqual(places('Level 1 Trauma Center. Took 2 Tylenol Extra Strength. Went to 5 West Station. 3 Deep Breaths.'), []);
  assert.deepEqual(places('Flown to 1 Regional Center, then 2 Knoll tests.'), []);
});

test('a plain "Name 12" after a verb of residing; corners with a number before "and"', () => {
  assert.deepEqual(places('Her son lives on Harbakken 31 now.'), ['Harbakken 31']);
  assert.deepEqual(places('meet on the corner of Pelmark 5. and Orrin Way'), ['the corner of Pelmark 5. and Orrin Way']);
  assert.deepEqual(places('meet by corner of Pelmark 5. and Orrin Way'), ['corner of Pelmark 5. and Orrin Way']);
  assert.deepEqual(places('He lives on Boost 2 bottles a day. She is on Lasix 40 daily.'), []);
});

test('a postal code before the town, European style; not a number before a line of a diet or a list', () => {
  assert.deepEqual(places('Address: Kirkevejen 14, 8000 Havrevik'), ['Kirkevejen 14, 8000 Havrevik']);
  assert.deepEqual(places('Lindenstrasse 7\n80331 Neustadt\nLatvia'), ['Lindenstrasse 7', '80331 Neustadt', 'Latvia']); // the block's country line too
  assert.deepEqual(places('41 Birkholmvej 8\n412 07 Ostervik'), ['41 Birkholmvej 8', '412 07 Ostervik']);
  assert.deepEqual(places('Lasix 40\n1000 Calorie Diet\nContinue'), []);
  // Postal codes in two groups (NN-NNN, NNNN-NNN, NNN NN): on the street's line and on the next one.
  assert.deepEqual(places('Address: ul. Orvelska 12, 20-950 Lublinek'), ['ul. Orvelska 12, 20-950 Lublinek']);
  assert.deepEqual(places('Address: Rua Quenby 100, 1100-148 Orvela'), ['Rua Quenby 100, 1100-148 Orvela']);
  assert.deepEqual(places('Address: Kvarngatan 4, 412 07 Ostervik'), ['Kvarngatan 4, 412 07 Ostervik']);
  assert.deepEqual(places('Kirkevejen 14\n20-950 Lublinek'), ['Kirkevejen 14', '20-950 Lublinek']);
  assert.deepEqual(places('Lasix 40, 20-100 Calorie diet'), []);
});

test('a post-office box before a street, an initial before a street named after a person, street words of more languages', () => {
  assert.deepEqual(places('Write to P.O. Box 407 Orvel Islands\nApt. 258\nQuenbury\nLatvia 52207'),
    ['P.O. Box 407 Orvel Islands', 'Apt. 258', 'Quenbury', 'Latvia 52207']);
  assert.deepEqual(places('The office is on J. Orvelinckstraat 88'), ['J. Orvelinckstraat 88']);
  assert.deepEqual(places('Address: Orvelmetsa põik 87. Or Quenby caddesi 5, then Orvel prospekt 12.'),
    ['Orvelmetsa põik 87', 'Quenby caddesi 5', 'Orvel prospekt 12']);
});

test('a ZIP code after a lower-case state code and a comma, not after a word that only looks like one', () => {
  assert.deepEqual(places('pt lives in orvelton, ma 01103'), ['orvelton', '01103']);
  assert.deepEqual(places('pt lives at 42 maple st apt 3, orvelton, ma 01103-2210.'), ['42 maple st apt 3, orvelton', '01103-2210']);
  assert.deepEqual(places('given heparin, pa 10000 units'), []);
  assert.deepEqual(places('sats fine, ok 10000 units given'), []);
  assert.deepEqual(places('bp 120/80, hr 80, ml 10000'), []);
  assert.deepEqual(places('cumulative balance, in 12345 out 11000'), []);
  assert.deepEqual(places('ebl 200, or 10500 per anesthesia.'), []);
});

test('a hospital before its emergency room, and a place after going or returning to it in a mixed-case note', () => {
  const found = (text: string): string[] => findPhi(text).map((p) => text.slice(p.start, p.end));
  assert.deepEqual(found('Seen in Zorlekan ER yesterday.'), ['Zorlekan']);
  assert.deepEqual(found('given ntg enroute to zorlekan er.'), ['zorlekan']);
  assert.deepEqual(found('En route to Lingviner ER, pt vomited.'), ['Lingviner']);
  assert.deepEqual(found('unresponsive at home -> ZORLEKAN EW'), ['ZORLEKAN']);
  assert.deepEqual(found('Seen today at U Lingviner ER for chest pain.'), ['U Lingviner']);
  // The hospital after the room and "at"; not a time or a state.
  assert.deepEqual(found('PT BROUGHT TO THE ED AT ZORLEKAN. Seen in the ER at Lingviner General for CP.'), ['ZORLEKAN', 'Lingviner General']);
  assert.deepEqual(found('Came to ED at 3pm; pt to ER at baseline; taken to the ED at night.'), []);
  // A town before "area" in a mixed-case note; not a region of the body or a ward's area.
  assert.deepEqual(found('Lives in a shelter in the Zorlekan area. Pain in the Groin area; seen in the Waiting area.'), ['Zorlekan']);
  assert.deepEqual(found('She got med-flighted to BRAXTONVALE overnight.'), ['BRAXTONVALE']);
  assert.deepEqual(found('She may go to Fenoskaan Braxpraver soon.'), ['Fenoskaan Braxpraver']);
  assert.deepEqual(found('She would return to Pravduskan Quelduskan eventually.'), ['Pravduskan Quelduskan']);
  assert.deepEqual(found('Came from Orvelton Hospital in Quenbury Falls.'), ['Orvelton', 'Quenbury Falls']);
  assert.deepEqual(found('Admitted to Orvelton Hospital in March.'), ['Orvelton']);
  // A town whose name starts like a month is a town: "Mar" is a month, "Marysville" is not.
  assert.deepEqual(found('Came from Orvelton Hospital in Marysville last night.'), ['Orvelton', 'Marysville']);
  assert.deepEqual(found('Admitted to Orvelton Hospital in Critical Condition.'), ['Orvelton']);
  assert.deepEqual(found('went to ZORTOSHER cath lab, stented'), ['ZORTOSHER']);
  assert.deepEqual(found('from OSH-> medflight to BRAXMIRAN for cath'), ['BRAXMIRAN']);
  assert.deepEqual(found('Orvel got transferred from QVMC today.'), ['QVMC']);
  assert.deepEqual(found('TRANSFERRED FROM QCH FOR CATH'), ['QCH']);
  assert.deepEqual(found('FOUND AT HOME IN MIRDRILAN BRAXBRAXAN BY EMS'), ['MIRDRILAN BRAXBRAXAN']);
  assert.deepEqual(found('Wife recently got a new job in Pravvathan Queltoshan.'), ['Pravvathan Queltoshan']);
  assert.deepEqual(found('ORIENTED X2, THINKS THEY ARE IN LEKVINER.'), ['LEKVINER']);
  assert.deepEqual(found('GREW UP IN QUENBURY, MOVED HERE'), ['QUENBURY']);
  assert.deepEqual(found('He was seen in the Zorlekan ER.'), ['Zorlekan']);
  assert.deepEqual(found('Seen in Zorlekan Emergency Room yesterday.'), ['Zorlekan']);
  assert.deepEqual(found('seen at u of vt clinic since may'), ['u of vt']);
  assert.deepEqual(found('then went to u vermont er with cp'), ['u vermont']);
  for (const text of ['Pt in the Main ER.', 'seen in Peds ER', 'BIBA to OSH ER', 'PT SEEN IN THE ER', 'ADMITTED THRU ER', 'Will go to Radiology.',
    'Sent to Pathology.', 'Taken to Nuclear Medicine for scan.', 'He was taken to Emergency Department.', 'She returned from Mexico last week.',
    'will go to bed', 'PT TO PEDS ED', 'brought down to cath lab', 'sent to EP cath lab', 'TO CATH LAB', 'Now changed to Metformin ER 500 mg daily.',
    'CHANGED TO NIFEDIPINE ER.', 'switched to Toprol XL and then to Metoprolol ER.', 'pt was medflighted from scene to trauma bay.',
    'Specimen sent to Histology.', 'He was taken to Fluoroscopy.', 'Patient sent to Optometry.',
    'He was taken to Emergent Cath Lab.', 'Orvel got transferred to NSICU.', 'Seen at Referring ED.', 'Return to Activity as tolerated.',
    'Sent at Midnight for labs.', 'u of regular insulin given', 'pt said u of course can',
    'transferred to ICH', 'Transferred from VAMC today.', 'Transferred from OSH.', 'HOME IN WHEELCHAIR', 'FAMILY IN WAITING ROOM',
    'thought they were in pain', 'BELIEVES PT IS IN TROUBLE', 'She was born and raised in New Hampshire.', 'Family in Florida', 'grew up in Africa',
    'employed in Indian court', 'PT UP IN RECLINER', 'FAMILY IN DENIAL', 'home in Hoyer lift', 'Born in South Korea', 'aware she is at Risk',
    'Born in Middle East.', 'Transferred to RCH for placement.']) {
    assert.deepEqual(found(text), [], text);
  }
});

test('the country after a US ZIP code closes the block, on its line or the next; a state alone after a movement stays', () => {
  // The names of the evaluation sets' places are no literals here (see no-shared-text.test.ts): the longest country
  // name and a two-word state come from the lists.
  const longest = [...lexicon.countries].sort((a, b) => b.split(' ').length - a.split(' ').length)[0] as string;
  const longestWritten = longest.replace(/\b(?!of\b)\w/g, (c) => c.toUpperCase());
  assert.deepEqual(places(`Lives at 48 Quarry Hill Road, Marlow Falls, MA 01105, ${longestWritten}. Then more.`),
    [`48 Quarry Hill Road, Marlow Falls, MA 01105, ${longestWritten}`]);
  assert.deepEqual(places('Lives at 48 Quarry Hill Road, Marlow Falls, MA 01105, USA.'), ['48 Quarry Hill Road, Marlow Falls, MA 01105, USA']);
  assert.deepEqual(places('48 Quarry Hill Road\nMarlow Falls, MA 01105\nUSA\n\nSeen today.'), ['48 Quarry Hill Road', 'Marlow Falls, MA 01105', 'USA']);
  assert.deepEqual(places('48 Quarry Hill Road\nMarlow Falls, MA 01105\nAspirin 81 mg'), ['48 Quarry Hill Road', 'Marlow Falls, MA 01105']);
  // Safe Harbor keeps states: one alone after a movement is no place to tag (one that is a town's name too still is).
  assert.deepEqual(places('He moved from Texas last year.'), []);
  assert.deepEqual(places('Transferred from Texas.'), []);
  assert.deepEqual(places('Transferred from Larchmont today.'), ['Larchmont']);
  // A state's name before a capitalised word is a town's ("Iowa City"): tagged, as before.
  assert.deepEqual(places('He moved from Iowa City last year.'), ['Iowa']);
  // A country after the ZIP code only set off by a comma and closing the line: a given name after it is no country.
  assert.deepEqual(places('Lives at 48 Quarry Hill Road, Marlow Falls, MA 01105, Jordan Orvell (son) is the contact.'),
    ['48 Quarry Hill Road, Marlow Falls, MA 01105']);
  assert.deepEqual(places('Lives at 48 Quarry Hill Road, Marlow Falls, MA 01105 Chad Orvell called.'), ['48 Quarry Hill Road, Marlow Falls, MA 01105']);
  const [second, firsts] = [...TWO_WORD_STATES].find(([w]) => w === 'dakota') as [string, ReadonlySet<string>];
  const twoWords = `${[...firsts][0]![0]!.toUpperCase()}${[...firsts][0]!.slice(1)} ${second[0]!.toUpperCase()}${second.slice(1)}`;
  assert.deepEqual(places(`Transferred from ${twoWords} for cath.`), []);
});

test('a street with its town and the town with its postcode make one address: the postcode does not stay', () => {
  const note = 'Letter sent to the address below after the clinic visit was completed today.\n27 Quenby Road, Orvelton RH13 5JE\n';
  assert.equal(deidentify(note).text, 'Letter sent to the address below after the clinic visit was completed today.\n[LOCATION]\n');
});

test('a suite or a flat on an address line, before the line goes on; not an operating suite, a ward\'s unit or a flat affect', () => {
  const prose = 'Letter sent to the address below after the clinic visit was completed today.\n';
  assert.equal(deidentify(`${prose}Flat 3, 27 Quenby Road, Orvelton RH13 5JE\n2210 N. Ferrant Drive, Suite 3B, Brenchester, WI 53074\n`).text,
    `${prose}[LOCATION], [LOCATION]\n[LOCATION], [LOCATION]\n`);
  const clinical = `${prose}Operative Suite #2, patient placed supine. Affect flat 3, no SI. Unit 5, bed 2.\n`;
  assert.equal(deidentify(clinical).text, clinical);
});

test('a building\'s or a district\'s name between two parts of one address line joins them', () => {
  const prose = 'Letter sent to the address below after the clinic visit was completed today.\n';
  assert.equal(deidentify(`${prose}Lives at Flat 6, Ferrant Court, 3 Quenby Street, Orvelton LS21 1BQ.\nAddress: Apt 12, The Vellacotts, Brenbury, Co. Wicklow A98 E2K7\n`).text,
    `${prose}Lives at [LOCATION].\nAddress: [LOCATION]\n`);
  // Not across a line, nor over words in lower case or numbers.
  assert.equal(deidentify(`${prose}Apt 12, seen today, Orvelton LS21 1BQ\n`).text, `${prose}[LOCATION], seen today, [LOCATION]\n`);
});

test('Australian and British address lines: a unit and house number with a slash, a town before a state and postcode, a street before a town with its postcode', () => {
  const found = (t: string): string[] => findPhi(t).map((s) => `${s.category}:${t.slice(s.start, s.end)}`);
  assert.deepEqual(found('Address: 4/27 Quenby Street, Orvelton NSW 2145'), ['LOCATION:4/27 Quenby Street, Orvelton NSW 2145']);
  assert.deepEqual(found('Corio Public Hospital\nQuenby Street, Orvelton VIC 3220\nDISCHARGE SUMMARY'),
    ['HOSPITAL:Corio Public', 'LOCATION:Quenby Street', 'LOCATION:Orvelton', 'LOCATION:3220']);
  assert.deepEqual(found('Orvel Infirmary, Quenby Street, Leeds LS9 7TF'), ['HOSPITAL:Orvel', 'LOCATION:Quenby Street', 'LOCATION:Leeds LS9 7TF']);
  // An address block without a house number: street, town and postcode on lines of their own; a lab's line is none.
  assert.deepEqual(found('Dr Ilsa Quenby\nOrvel Corner Surgery\nQuenby Road\nOrvelton\nLS8 5PL\n\nDear Dr Quenby'),
    ['NAME:Ilsa Quenby', 'LOCATION:Quenby Road', 'LOCATION:Orvelton\nLS8 5PL', 'NAME:Quenby']);
  assert.deepEqual(found('Results:\nCD4\nT12 3AB'), []);
  // A score before a street's words stays a date only without them; an ECG's segment is no street.
  assert.deepEqual(found('Seen 4/27 for review.'), ['DATE:4/27']);
  assert.deepEqual(found('STAYING NEAR THE SHELTER ON W QUENBY ST. CHANGES ON ECG ST. PT ON PUREED DIET ST TO EVAL.'), ['LOCATION:W QUENBY ST']);
  // A unit's and a house's number without a state after them; a date before other words stays a date.
  assert.deepEqual(found('Lives at 4/27 Quenby Road.'), ['LOCATION:4/27 Quenby Road']);
  assert.deepEqual(found('LIVES IN 2/14 ORVEL ROAD, QUENBYVILLE NSW 2145'), ['LOCATION:2/14 ORVEL ROAD', 'LOCATION:QUENBYVILLE', 'LOCATION:2145']);
  assert.deepEqual(found('WILL ACT 2024.'), []);
});
