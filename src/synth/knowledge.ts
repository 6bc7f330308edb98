import type { SynthConcept, SynthLexicon } from './lexicon.js';

// Hand-written facts between built-in lexicon concepts (by preferred name), so generated abstracts pair drugs,
// diseases and genes the way real literature does and a small model has real associations to learn
// ("metformin ... type 2 diabetes"). General medical knowledge, written for this project.

/** Drug: diseases it treats. */
const TREATS = `
Metformin: Diabetes Mellitus, Type 2 | Obesity
Insulin: Diabetes Mellitus, Type 1 | Diabetes Mellitus, Type 2 | Hyperglycemia
Atorvastatin: Hypercholesterolemia | Coronary Artery Disease
Simvastatin: Hypercholesterolemia | Coronary Artery Disease
Clopidogrel: Myocardial Infarction | Stroke | Coronary Artery Disease
Aspirin: Myocardial Infarction | Coronary Artery Disease | Pain | Fever
Acetaminophen: Pain | Fever | Headache
Ibuprofen: Pain | Osteoarthritis | Fever
Indomethacin: Arthritis, Rheumatoid | Pain
Amoxicillin: Pneumonia
Penicillins: Pneumonia | Sepsis
Ciprofloxacin: Sepsis | Pneumonia | Diarrhea
Vancomycin: Sepsis | Pneumonia
Gentamicins: Sepsis
Atenolol: Hypertension | Tachycardia
Captopril: Hypertension | Heart Failure
Lisinopril: Hypertension | Heart Failure | Renal Insufficiency, Chronic
Amlodipine: Hypertension | Coronary Artery Disease
Nifedipine: Hypertension
Propranolol: Hypertension | Migraine Disorders | Tachycardia | Anxiety Disorders
Verapamil: Arrhythmias, Cardiac | Atrial Fibrillation | Hypertension
Digoxin: Heart Failure | Atrial Fibrillation
Furosemide: Edema | Heart Failure
Warfarin: Atrial Fibrillation | Venous Thrombosis | Pulmonary Embolism
Heparin: Venous Thrombosis | Pulmonary Embolism | Thrombosis
Carbamazepine: Epilepsy | Seizures | Bipolar Disorder
Phenytoin: Epilepsy | Seizures
Valproic Acid: Epilepsy | Bipolar Disorder | Migraine Disorders
Lithium: Bipolar Disorder | Depressive Disorder
Haloperidol: Schizophrenia | Delirium
Lorazepam: Anxiety Disorders | Seizures
Diazepam: Anxiety Disorders | Seizures
Levodopa: Parkinson Disease
Methotrexate: Arthritis, Rheumatoid | Psoriasis
Prednisone: Asthma | Arthritis, Rheumatoid | Lupus Erythematosus, Systemic
Dexamethasone: COVID-19 | Inflammation
Hydrocortisone: Asthma | Inflammation
Tamoxifen: Breast Neoplasms
Cisplatin: Lung Neoplasms | Neoplasms
Paclitaxel: Breast Neoplasms | Lung Neoplasms
Doxorubicin: Breast Neoplasms | Lymphoma | Leukemia
Cyclophosphamide: Lymphoma | Lupus Erythematosus, Systemic
Omeprazole: Ulcer
Famotidine: Ulcer
Morphine: Pain
Fentanyl: Pain
Ketamine: Depressive Disorder | Pain
Lidocaine: Arrhythmias, Cardiac | Pain
Bupivacaine: Pain
Norepinephrine: Hypotension | Sepsis
Dopamine: Hypotension | Bradycardia
Epinephrine: Hypotension | Asthma
Glucose: Hypoglycemia
Oxygen: Pulmonary Disease, Chronic Obstructive | COVID-19
Sodium Chloride: Hypotension
Cyclosporine: Psoriasis | Colitis, Ulcerative
Tacrolimus: Colitis, Ulcerative
`;

/** Drug: diseases it may cause (adverse effects, BC5CDR's chemical-induced disease relation). */
const CAUSES = `
Cisplatin: Acute Kidney Injury | Nausea | Vomiting
Doxorubicin: Cardiotoxicity | Heart Failure
Acetaminophen: Chemical and Drug Induced Liver Injury
Gentamicins: Acute Kidney Injury
Vancomycin: Acute Kidney Injury
Valproic Acid: Chemical and Drug Induced Liver Injury
Carbamazepine: Chemical and Drug Induced Liver Injury
Methotrexate: Chemical and Drug Induced Liver Injury
Heparin: Hemorrhage
Warfarin: Hemorrhage
Clopidogrel: Hemorrhage
Aspirin: Ulcer | Hemorrhage
Lithium: Renal Insufficiency, Chronic
Cyclosporine: Renal Insufficiency, Chronic | Hypertension
Tacrolimus: Renal Insufficiency, Chronic
Cocaine: Myocardial Infarction | Arrhythmias, Cardiac | Stroke
Ethanol: Liver Cirrhosis
Nicotine: Tachycardia
Streptozocin: Hyperglycemia | Diabetes Mellitus
Prednisone: Hyperglycemia | Osteoporosis
Dexamethasone: Hyperglycemia
Insulin: Hypoglycemia
Propofol: Hypotension | Bradycardia
Fentanyl: Nausea | Vomiting
Morphine: Nausea | Vomiting
Cyclophosphamide: Nausea | Vomiting
Amoxicillin: Diarrhea
Ciprofloxacin: Diarrhea
Nifedipine: Edema | Headache
Amlodipine: Edema
Captopril: Hypotension
Lisinopril: Hypotension
Digoxin: Arrhythmias, Cardiac | Nausea
Levodopa: Nausea
Caffeine: Tachycardia | Headache
Bupivacaine: Cardiotoxicity | Seizures
Lidocaine: Seizures
Ibuprofen: Ulcer | Acute Kidney Injury
Indomethacin: Ulcer | Acute Kidney Injury
Famotidine: Delirium
Haloperidol: Arrhythmias, Cardiac
Tamoxifen: Thrombosis
`;

/** Gene: diseases its variants or expression are associated with. */
const ASSOCIATED = `
BRCA1: Breast Neoplasms
BRCA2: Breast Neoplasms | Prostatic Neoplasms
SNCA: Parkinson Disease
LRRK2: Parkinson Disease
APOE: Alzheimer Disease | Coronary Artery Disease
APP: Alzheimer Disease
PSEN1: Alzheimer Disease
CFTR: Cystic Fibrosis
HTT: Dementia
HBB: Anemia
TP53: Neoplasms | Lung Neoplasms | Breast Neoplasms
KRAS: Colorectal Neoplasms | Lung Neoplasms
BRAF: Melanoma | Colorectal Neoplasms
EGFR: Lung Neoplasms | Glioblastoma
ERBB2: Breast Neoplasms
ESR1: Breast Neoplasms | Osteoporosis
AR: Prostatic Neoplasms
PTEN: Glioblastoma | Prostatic Neoplasms
CDKN2A: Melanoma
MDM2: Neoplasms
MYC: Lymphoma | Leukemia
VEGFA: Carcinoma, Hepatocellular | Neoplasms
TNF: Arthritis, Rheumatoid | Crohn Disease | Inflammation
IL6: Inflammation | COVID-19 | Sepsis
IL1B: Inflammation
IL10: Colitis, Ulcerative | Crohn Disease
IFNG: Tuberculosis
CD4: HIV Infections | Acquired Immunodeficiency Syndrome
CRP: Inflammation | Coronary Artery Disease
ACE: Hypertension
NOS3: Hypertension
MTHFR: Venous Thrombosis | Thrombosis
LEP: Obesity
PPARG: Diabetes Mellitus, Type 2 | Obesity
INS: Diabetes Mellitus, Type 1
TGFB1: Liver Cirrhosis
ALB: Liver Cirrhosis
`;

/** Gene: drugs it metabolises or that act on it. */
const ACTS_ON = `
CYP2D6: Tamoxifen | Haloperidol
CYP3A4: Tacrolimus | Atorvastatin | Cyclosporine | Simvastatin
EGFR: Cisplatin
ERBB2: Paclitaxel
ESR1: Tamoxifen
ACE: Captopril | Lisinopril
`;

export interface Relation {
  readonly from: SynthConcept;
  readonly to: SynthConcept;
}

export interface Knowledge {
  readonly treats: readonly Relation[];
  readonly causes: readonly Relation[];
  readonly associated: readonly Relation[];
  readonly actsOn: readonly Relation[];
  /** Names in the tables that the lexicon lacks (a custom lexicon): their facts are left out. */
  readonly unresolved: readonly string[];
}

/** The fact tables resolved against a lexicon. */
export function knowledgeFor(lexicon: SynthLexicon): Knowledge {
  const byName = new Map<string, SynthConcept>();
  for (const c of [...lexicon.diseases, ...lexicon.chemicals, ...lexicon.genes]) byName.set(c.preferredName, c);
  const unresolved = new Set<string>();
  const resolve = (name: string): SynthConcept | undefined => {
    const concept = byName.get(name);
    if (concept === undefined) unresolved.add(name);
    return concept;
  };
  const parse = (table: string): Relation[] => {
    const relations: Relation[] = [];
    for (const line of table.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const from = resolve(line.slice(0, colon).trim());
      for (const name of line.slice(colon + 1).split('|')) {
        const to = resolve(name.trim());
        if (from !== undefined && to !== undefined) relations.push({ from, to });
      }
    }
    return relations;
  };
  const treats = parse(TREATS);
  const causes = parse(CAUSES);
  const associated = parse(ASSOCIATED);
  const actsOn = parse(ACTS_ON);
  return { treats, causes, associated, actsOn, unresolved: [...unresolved] };
}
