/**
 * A note that takes most branches of the recognisers, de-identified once (as written, upper- and lower-cased)
 * before the first real note. The optimizing compiler builds each hot function from what the function has done
 * so far; a branch first taken after that throws the optimized code away ("insufficient type feedback") and it
 * is compiled again: on the MTSamples notes, 6-7 times for some rules, and compiling was half of the CPU time of
 * a first pass. With the branches already taken, the first build keeps. Findings on it are discarded: no state
 * of the recognisers depends on the notes they saw. The sample is written for this (names and wards invented): no
 * line of the evaluation notes is in it.
 */
const SAMPLE = [
  'admitted on 8/16/2017, cath 10/13 and 3-24-17 f/u. CVA 74\'. cabg \'84. PMH: CAD S/P AMI 7/81-ECHO.',
  'knows it is 14th Nov, 1987. Stated april 9, 1897. it\'s the 11th. on foley for weeks in nov. 2016.',
  'PS 12/6 peep 8, pain 7/10, strength 4/5, 1/2 NS at 75, 2+/4 pulses, 600/12/40%. LUNG CA 1977, since 1993.',
  '2017-08-16 and Christmas. wife (201/324/1423), tel 201-561-8910, or (202) 223-4567 x45. Pager: #54321.',
  'mail jo.doe@example.com or see https://example.org/a?b=1 from 10.1.2.3. SSN 123-45-6789. MRN: 0045678.',
  'Medicare # 1EG4TE5MK73. acct no. 55-9988. licence # MA-559812, serial number 123456, VIN 1HGCM82633A004352.',
  '92 yo woman; 89 y/o man; age 101; 45 year old. Dr. Pellow aware. Tube pulled back per Dr. Orwick.',
  'the cardiology team, dr. tom brasset and most decisions. At this time, Ilvo wishes to make pt DNR.',
  'Nancy Jones, RN. MARTIN K. FALCONERI, RRT. INR 5.0. T. GARSTON AWARE. social: son ted phoned twice.',
  'her husband, Linda Porrow, came in. Mr. Hadley is awake. Talked with Joan Tressel. Ms. Abby Laidlaw called.',
  'transferred from Brindle Adventist for cath, then to GH. d/c to Saint Columba Memorial at 4pm.',
  'Sister lives in Hampton; nephew of Towson visited; from Elk Hollow, MD. Transfer to Westerfield 2 in am.',
  'lives at 42 Alder St. in Lansdowne. Boston, MA 02115. PMH: HTN. 07 CABG. 11 stent to RCA.',
  'Urine cx from 4-12 neg. seen in clinic 031488 for f/u. call son (410 555 12345) tonight. per j walsh.',
  'she works at zentara health. transferred to 312 blakemoor. brelvani tuskoran is a 64 yr old female.',
  'Quorvella is family contact/interpreter. FINE TO USE PER TRASKELL MOVIRAN NP. DAUGHTER-ZORBLAT---301 343-2822.',
  'Patient: FENWICK, ARTHUR. Name: Ruth M. Calloway. I am called Siiri. daughters anna and lou visited.',
  'Dr. Hollis and Brackwater aware. see oncology note.    dravin kelsom rn  ',
  'ADMITTED TO WESTERFIELD 3. TRANSFER WESTERFIELD 2, westerfield2. University of Maryland Medical Center.',
  'U of MD. med-flighted to Towson. flying in from Laurel. works at Zentara Health. accepted at Union Hospital.',
  'from Holy Cross, to Sacred Heart, Good Samaritan. to St. Agnes, @ St A., St Mary\'s. to MGH; to gh.',
  'Bel Air, MD. in Tyler, Texas. FROM ANNAPOLIS, MD. resides in Glen Burnie. to 209 westerfield.',
  'Mrs. Szöllösy and Guðmundsdóttir, O\'Driscoll\'s son; it’s Ελένη and Наталья — (Marcela Carlson) aware.',
  'I\'m Jo. I am Tamsin. LINGLEKER VINTOSHAN CALLED TO BEDSIDE. Toshleker Zorduskan arrived.',
  'dana whitcombe is a 66 yr old. Jo Vance was the daughter.  \t gap -- with; spaces\r\nand "quotes".',
  'Lungs clear. Will monitor.\nHemodynamically stable overnight.\nQuistel Farradan\n',
].join('\n');

let warm = false;

/** Runs `find` over the sample once per process (the first call only). */
export function warmUp(find: (text: string) => unknown): void {
  if (warm) return;
  warm = true;
  for (const text of [SAMPLE, SAMPLE.toUpperCase(), SAMPLE.toLowerCase()]) find(text);
}
