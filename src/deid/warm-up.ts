/**
 * A note that takes most branches of the recognisers, de-identified once (as written, upper- and lower-cased)
 * before the first real note. The optimizing compiler builds each hot function from what the function has done
 * so far; a branch first taken after that throws the optimized code away ("insufficient type feedback") and it
 * is compiled again: on the MTSamples notes, 6-7 times for some rules, and compiling was half of the CPU time of
 * a first pass. With the branches already taken, the first build keeps. Findings on it are discarded: no state
 * of the recognisers depends on the notes they saw.
 *
 * Written from scratch, nothing taken from the evaluation notes (shared data is never copied into the repo): the
 * names, towns, wards, streets and dates are invented, or general names from the lexicon that no evaluation note
 * holds (the lexicon branches need listed names); phone numbers are in the fictional 555-01xx range. A test
 * (test/deid/no-shared-text.test.ts) checks that no four words in a row of it occur in those notes. It takes every
 * block of the recognisers that the first sample (quoting the notes) took, measured with V8's block coverage.
 */
/** Exported for the test that checks it quotes no evaluation note. */
export const SAMPLE = [
  'admitted on 2/19/2031; echo 11/04 and 5-27-31 recheck. TIA 58\'. ptca \'91. hx: CHF S/P MI 3/86-CATH.',
  'says it is 22nd Nov, 1976. Born june 3, 1898. it\'s the 19th. had a drain for days in feb. 2029.',
  'CPAP 14/8 peep 5, pain 6/10, grip 3/5, 1/2 NS at 60, 1+/4 edema, 550/14/35%. COLON CA 1971, since 1998.',
  '2031-02-19 and Thanksgiving. brother (617/555/0147), tel 413-555-0162, or (508) 555-0119 x12. Pager: #60717.',
  'write kb.marsh@example.net or open https://example.com/x?y=2 via 10.20.30.40. SSN 900-12-3456. MRN: 0071234.',
  'Medicaid # 7QX2PL9RB41. account no. 44-1177. license # NY-440217, serial number 908172, VIN 2T1BU4EE9DC123456.',
  '94 yo man; 91 y/o woman; age 103; 52 year old. Dr. Quennell notified. NG advanced per Dr. Brumwell.',
  'the renal service, dr. pim olander and her sons. After rounds, Yveta wishes to stay full code. update Yveta today.',
  'Alana Barker, RN. OSWIN P. TREADGOLD, RRT. K 3.9. R. HOLLENBECK NOTIFIED. A. BARTON TOLD. social: daughter wren rang twice.',
  'his wife, Petra Almquist, drove up. Mrs. Fairweather is resting. Spoke with Ifor Kanavel and Alec Ballard. Mr. Tobiah Renwick phoned.',
  'came over from Larchmont Baptist for PCI, then to BWH. discharged to Saint Odile Memorial by 3pm.',
  'Niece lives in Arlington; cousin of Ashgrove came; from Marrow Creek, VT. transfer to Halvorsen 4 tomorrow.',
  'resides at 88 Quillon Rd. in Mount Airy. Albany, NY 12208. hx: DM. 05 PTCA. 12 stent to LAD.',
  'Sputum cx from 6-21 pending. checked in clinic 041529 for rash. phone brother (617 555 01477) soon. per k orsolo, per d baxter.',
  'he works at velmora care. moved to 418 pellinore. tamsin edevane is a 47 y/o baker.',
  'Orlaith acts as proxy/translator. OK TO GIVE PER BRANWELL OSKARSEN NP. SON-PELLAMY---413 555-0184.',
  'Patient: KESTREL, MILO. Name: Opal J. Ballard. My name is Aune. sons adrian and alfred stopped by. Aaron, Alvin and Andy came.',
  'Dr. Wexcombe and Harrowgate aware. see renal note.    selby marlowe rn  ',
  'ADMITTED TO HALVORSEN 6. TRANSFER HALVORSEN 4, halvorsen4. University of Alaska Medical Center.',
  'U of VT. airlifted to Fernwick. flying in from Austin. works at Velmora Care. accepted at Brookvale Hospital.',
  'from Good Harbor, to Sacred Vale, Holy Wellspring. to St. Albina, @ St A., St Alban\'s. to BWH; to bwh.',
  'Owings Mills, MD. in Fresno, California. FROM RALEIGH, NC. resides in Owings Mills. to 316 halvorsen.',
  'Mrs. Vörösmarty and Þórhallsdóttir, O\'Callaghan\'s niece; it’s Ξανθή and Людмила — (Oswy Bartlett) aware. Alana J Barnes came.',
  'I\'m Bo. I am Wilhelmina. QUARRELL DEVANTIER RANG THE DESK. Pembury Lisovski arrived.',
  'alana pemberley, 66, retired. Mr. Avery is awake. Bo Tarrant was the niece.  \t gap -- with; spaces\r\nand "quotes".',
  'Abdomen soft. Plan: diurese.\nAfebrile, vitals within limits.\nSolveig Harrowby\n',
].join('\n');

let warm = false;

/** Runs `find` over the sample once per process (the first call only). */
export function warmUp(find: (text: string) => unknown): void {
  if (warm) return;
  warm = true;
  for (const text of [SAMPLE, SAMPLE.toUpperCase(), SAMPLE.toLowerCase()]) find(text);
}
