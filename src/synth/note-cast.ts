import type { Rng } from '../tensor/rng.js';
import type { Knowledge } from './knowledge.js';
import type { SynthConcept, SynthLexicon } from './lexicon.js';
import {
  CITIES, EITHER_NAMES, EMAIL_DOMAINS, FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES, HOSPITAL_HEADS, HOSPITAL_KINDS, RELATIONS, SAINTS, STATES, STREET_NAMES, STREET_TYPES,
  SURNAMES,
} from './people-places.js';
import {
  accountNumber, addDays, deviceSerial, encounterId, healthPlanNumber, ipAddress, licenseNumber, mrn, phoneNumber, ssn,
  vehiclePlate, zipCode, type Day,
} from './phi-values.js';
import { between, chance, digits, pick, sample } from './random.js';

export interface Person {
  readonly given: string;
  readonly family: string;
}

/** Everyone and everything one note talks about, drawn once so a note is consistent with itself. */
export interface NoteCast {
  readonly patient: Person;
  readonly female: boolean;
  readonly age: number;
  readonly dob: Day;
  readonly admit: Day;
  readonly discharge: Day;
  readonly followup: Day;
  readonly doctors: readonly Person[];
  readonly relative: Person;
  readonly relation: string;
  readonly hospital: string;
  readonly hospital2: string;
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly ids: {
    readonly mrn: string; readonly account: string; readonly ssn: string; readonly plan: string; readonly license: string;
    readonly plate: string; readonly device: string; readonly encounter: string; readonly ip: string;
    readonly phone: string; readonly phone2: string; readonly fax: string; readonly email: string; readonly url: string;
  };
  /** Past history, the presenting problem, a problem found during the stay; the drugs given for them (see drawCast). */
  readonly history: readonly SynthConcept[];
  readonly complaint: SynthConcept;
  readonly complaint2: SynthConcept;
  readonly newProblem: SynthConcept;
  readonly drugs: readonly SynthConcept[];
}

/** Presenting problems: lexicon diseases that are symptoms or acute events, by preferred name. */
const COMPLAINTS = [
  'Pain', 'Fever', 'Nausea', 'Vomiting', 'Headache', 'Diarrhea', 'Edema', 'Tachycardia', 'Hypotension', 'Seizures',
  'Delirium', 'Hemorrhage', 'Bradycardia', 'Hypoglycemia', 'Pneumonia', 'Myocardial Infarction', 'Stroke', 'Sepsis',
  'Pulmonary Embolism', 'Atrial Fibrillation', 'Acute Kidney Injury', 'Hyperglycemia', 'Heart Failure',
];
/** Chronic conditions for the past history. */
const CHRONIC = [
  'Hypertension', 'Diabetes Mellitus, Type 2', 'Hypercholesterolemia', 'Coronary Artery Disease', 'Heart Failure',
  'Atrial Fibrillation', 'Asthma', 'Pulmonary Disease, Chronic Obstructive', 'Renal Insufficiency, Chronic', 'Obesity',
  'Osteoarthritis', 'Osteoporosis', 'Depressive Disorder', 'Anxiety Disorders', 'Dementia', 'Alzheimer Disease',
  'Parkinson Disease', 'Epilepsy', 'Hepatitis C', 'Liver Cirrhosis', 'Arthritis, Rheumatoid',
  'Diabetes Mellitus, Type 1', 'Bipolar Disorder', 'Schizophrenia', 'HIV Infections', 'Breast Neoplasms',
  'Prostatic Neoplasms', 'Glaucoma', 'Cataract', 'Psoriasis', 'Migraine Disorders', 'Anemia',
];

export function drawCast(rng: Rng, lexicon: SynthLexicon, knowledge: Knowledge): NoteCast {
  const person = (): Person => ({ given: pick(rng, GIVEN_NAMES), family: pick(rng, SURNAMES) });
  const female = chance(rng, 0.5);
  const patient: Person = { given: pick(rng, chance(rng, 0.9) ? (female ? FEMALE_NAMES : MALE_NAMES) : EITHER_NAMES), family: pick(rng, SURNAMES) };
  // Ages over 89 are PHI under Safe Harbor (younger ages are not): plant many of them.
  const age = chance(rng, 0.3) ? between(rng, 90, 104) : between(rng, 19, 89);
  const admit: Day = { year: between(rng, 2012, 2024), month: between(rng, 1, 12), day: between(rng, 1, 28) };
  const dob = addDays({ year: admit.year - age, month: 1, day: 1 }, -between(rng, 1, 364));
  const discharge = addDays(admit, between(rng, 1, 14));
  const followup = addDays(discharge, between(rng, 7, 45));
  const byName = (names: readonly string[]): SynthConcept[] => names
    .map((n) => lexicon.diseases.find((c) => c.preferredName === n))
    .filter((c): c is SynthConcept => c !== undefined);
  const complaints = byName(COMPLAINTS);
  const chronic = byName(CHRONIC);
  const pool = (list: SynthConcept[]): readonly SynthConcept[] => (list.length >= 3 ? list : lexicon.diseases);
  const treated = (d: SynthConcept): boolean => knowledge.treats.some((r) => r.to.id === d.id);
  // Treated problems first: drug1 and drug2 are given for the first two (glaucoma has no drug in the lexicon).
  const history = sample(rng, pool(chronic), between(rng, 2, 4)).sort((x, y) => Number(treated(y)) - Number(treated(x)));
  const fresh = pool(complaints).filter((c) => !history.includes(c));
  const [complaint, complaint2, newProblem] = sample(rng, fresh.length >= 3 ? fresh : lexicon.diseases, 3);
  // Drugs that treat something (not acetylcholine or ethanol) stand in where the tables know no treatment.
  const medicines = knowledge.treats.length > 0 ? knowledge.treats.map((r) => r.from) : lexicon.chemicals;
  const drugFor = (d: SynthConcept): SynthConcept => {
    const treating = knowledge.treats.filter((r) => r.to.id === d.id).map((r) => r.from);
    return pick(rng, treating.length > 0 ? treating : medicines);
  };
  // drug1 and drug2 for the first two past problems, drug3 for the presenting one (as the templates say).
  const drugs = [drugFor(history[0]!), drugFor(history[1] ?? history[0]!), drugFor(complaint!)];
  const hospitalName = (): string => {
    switch (rng.int(3)) {
      case 0: return `${pick(rng, CITIES)} ${pick(rng, HOSPITAL_KINDS)} ${pick(rng, HOSPITAL_HEADS)}`;
      case 1: return `St. ${pick(rng, SAINTS)}'s ${pick(rng, HOSPITAL_HEADS)}`;
      default: return `${pick(rng, SURNAMES)} Memorial ${pick(rng, HOSPITAL_HEADS)}`;
    }
  };
  const hospital = hospitalName();
  const domain = letters(hospital).slice(0, 14);
  return {
    patient, female, age, dob, admit, discharge, followup,
    doctors: [person(), person(), person()],
    relative: { given: pick(rng, GIVEN_NAMES), family: chance(rng, 0.7) ? patient.family : pick(rng, SURNAMES) },
    relation: pick(rng, RELATIONS),
    hospital,
    hospital2: hospitalName(),
    street: `${digits(rng, between(rng, 2, 5))} ${pick(rng, STREET_NAMES)} ${pick(rng, STREET_TYPES)}`,
    city: pick(rng, CITIES),
    state: pick(rng, STATES),
    zip: zipCode(rng),
    ids: {
      mrn: mrn(rng), account: accountNumber(rng), ssn: ssn(rng), plan: healthPlanNumber(rng), license: licenseNumber(rng),
      plate: vehiclePlate(rng), device: deviceSerial(rng), encounter: encounterId(rng), ip: ipAddress(rng),
      phone: phoneNumber(rng), phone2: phoneNumber(rng), fax: phoneNumber(rng),
      email: `${letters(patient.given)}.${letters(patient.family)}${chance(rng, 0.5) ? between(rng, 1, 99) : ''}@${pick(rng, EMAIL_DOMAINS)}`,
      url: chance(rng, 0.5) ? `https://portal.${domain}.org/visit/${digits(rng, 6)}` : `www.${domain}.org/patients/${letters(patient.family)}`,
    },
    history, complaint: complaint!, complaint2: complaint2!, newProblem: newProblem!, drugs,
  };
}

/** Lower-case ASCII letters only, for e-mail addresses and host names. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, '');
}
