/**
 * The cue words of the name rules (names.ts): titles, credentials, roles and relations that announce a name,
 * and the words and word shapes that follow people in notes without being names.
 */
import { lexicon } from '../lexicon/index.js';

export const TITLES = new Set(['dr', 'drs', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mister', 'rabbi', 'rev', 'reverend', 'prof', 'professor',
  // Police: "Trooper Dale Quenby", "Officer Orvel" (see POLICE_TITLES).
  'trooper', 'officer', 'deputy', 'sergeant', 'sgt', 'detective', 'constable']);
/** Police ranks, which are words of a sentence as often ("Officer present"): a name after them only when capitalised or listed. */
export const POLICE_TITLES = new Set(['trooper', 'officer', 'deputy', 'sergeant', 'sgt', 'detective', 'constable']);
/** What follows a police rank and is no name: another rank or office ("Deputy Sheriff", "Sgt. Major", "Officer Present"). */
export const NOT_AFTER_RANK = new Set(['sheriff', 'coroner', 'present', 'major', 'chief', 'marshal', 'officer', 'constable', 'general', 'captain',
  'lieutenant', 'commander', 'inspector', 'superintendent', 'director', 'nurse', 'nursing', 'on', 'in', 'at']);
/** Titles of doctors: two name words after them even before "and", "to", "will" ("dr. X Y and family"). */
export const DOCTOR_TITLES = new Set(['dr', 'drs', 'doctor', 'prof', 'professor']);
/** Titles that are also clinical abbreviations ("MS" mental status, "MR" mitral regurgitation): need more evidence. */
export const WEAK_TITLES = new Set(['ms', 'mr']);
/** Words after a capitalised word that make it a service, not a person: "per Interventional Fellow". */
export const SERVICE_TAIL = new Set(['staff', 'fellow', 'team', 'service', 'services', 'resident', 'attending', 'surgery', 'nurse', 'rn', 'consult',
  'department', 'dept', 'unit', 'therapy', 'medicine', 'clinic', 'squad']);
export const CREDENTIALS = new Set(['rn', 'rrt', 'md', 'np', 'pa', 'pa-c', 'bsn', 'msn', 'msw', 'licsw', 'lcsw', 'licws', 'crnp', 'phd', 'lpn', 'cna', 'rd', 'ldn', 'ccrn', 'aprn', 'pharmd', 'rph', 'cns', 'snp', 'sn', 'rnc',
  // Paramedics, midwives, dentists, therapists, and British and Commonwealth degrees after a name.
  'emt', 'crna', 'dds', 'dmd', 'dpm', 'slp', 'lmft', 'lcpc', 'psyd', 'mbbs', 'mbchb', 'frcp', 'mrcp', 'frcs', 'facp', 'fracp', 'frcpc',
  // Laboratory scientists and cardiac and vascular technologists.
  'mls', 'ccds', 'rdcs', 'rdms', 'rvt',
  // Midwives, therapists' doctorates, diabetes educators, case managers, counsellors.
  // Not DPT (a vaccine), OTR ("over the road"), CDE or CCM (after "Diabetes Education", "Case Management").
  'cnm', 'cdces', 'lpc', 'fnp', 'agnp', 'acnp', 'pnp', 'dnp',
  // Vocational nurses, medical and dental assistants and hygienists ("X, LVN", "Y, RDA", "Z, DA II").
  'lvn', 'cma', 'rma', 'rda', 'cda', 'rdh']);
/** Credentials that end a signature line (not MD or PA: "per MD", "PA line"). */
export const SIGNATURE_CREDENTIALS = new Set(['rn', 'rrt', 'bsn', 'msn', 'msw', 'licsw', 'lcsw', 'ccrn', 'lpn', 'cna', 'crnp', 'np', 'aprn', 'snp']);
/** Roles written before a name: "NP Oriel", "nurse wenna", "per Thackray" (weaker: list or case needed). */
export const ROLES = new Set(['np', 'pa', 'rn', 'nurse', 'resident', 'intern', 'fellow', 'attending', 'caseworker', 'chaplain', 'sw', 'per', 'ho', 'md', 'rrt', 'pcp', 'named', 'rabbi',
  // A case manager ("case mgr Quenby"; not "CM", which is centimetres as often) and a sitter ("1:1 sitter Orvel at bedside").
  'mgr', 'sitter']);
/**
 * School, ambulance and clinic staff before a name in a mixed-case note ("coach X", "paramedic J. X", "diabetes
 * educator X Y"); in a single-case note they come before nouns as often ("PARAMEDIC HANDOVER", "COUNSELOR REFERRAL").
 */
export const STAFF_ROLES = new Set(['coach', 'teacher', 'counselor', 'counsellor', 'paramedic', 'educator', 'chaperone']);
/** Words that follow a name in notes: "Vellacott aware", "Q. TRAVERNE IN TO", "CORDWELL PLACING LINE". */
export const AFTER_NAME = new Set(['aware', 'notified', 'paged', 'called', 'informed', 'updated', 'made', 'in', 'into', 'at', 'here', 'placing',
  'placed', 'ordered', 'consulted', 'spoke', 'talked', 'evaluated', 'examined', 'saw', 'seen', 'came', 'stated', 'states', 'said',
  'wants', 'agrees', 'agreed', 'contacted', 'visited', 'pronounced', 'performed', 'explained', 'discussed', 'reviewed', 'wrote',
  'decided', 'feels', 'aware.', 'rrt', 'rn', 'md', 'np', 'pa', 'to', 'will', 'has', 'is', 'was', 'and', 'who', 'with', 'from', 'of', 'pager', 'pgr', 'beeper']);
/** Words before an initial and surname: "per V. OSTRANDE", "BY L. HOLMSBY", "LASIX-V. OSTRANDE". */
export const BEFORE_INITIAL = new Set(['per', 'by', 'dr', 'called', 'paged', 'notified', 'informed']);
/** Verbs after a patient's name: "mr quell had", "MR BELLWEATHER WORSENED". */
/**
 * Verbs of people in prose, which things take too ("Baby began", "Technique explained"): before them only a listed
 * given name, or two capitalised words in a mixed-case note ("Ottilie Vasbender began writing"), are taken.
 */
export const PROSE_PERSON_VERBS = new Set(['lives', 'lived', 'shouted', 'began', 'listed', 'wrote', 'married', 'moved']);
/** Verbs after a person's name that few other capitalised words take: "Teodric wishes", "ned called". */
export const PERSON_VERBS = new Set(['wishes', 'wished', 'verbalizes', 'verbalized', 'called', 'phoned', 'visited', 'understands', 'agrees', 'agreed',
  'states', 'stated', 'says', 'said', 'reports', 'reported', 'requests', 'requested', 'declined', 'refused', 'expressed', 'expresses',
  'voiced', 'decided', 'feels', 'believes', 'thinks', 'knows', 'wants', 'wanted', 'spoke', 'talked', 'consented', 'signed', 'arrived',
  'updated', 'notified', 'contacted', 'informed', 'woke', 'slept', 'rested', 'denies', 'complains', ...PROSE_PERSON_VERBS]);
export const PATIENT_VERBS = new Set(['had', 'has', 'is', 'was', 'remains', 'remained', 'continues', 'continued', 'worsened', 'improved', 'denies',
  'states', 'stated', 'tolerated', 'tolerating', 'arrived', 'returned', 'slept', 'rested', 'appears', 'appeared', 'c/o', 'complains']);
/** Cue words after a name too common to vouch for it alone ("A. READY TO WEAN"). */
export const WEAK_AFTER = new Set(['to', 'and', 'is', 'was', 'has', 'will', 'in', 'at', 'with', 'from', 'of', 'who']);
export const RELATIONS = new Set([
  'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'dtr', 'dtrs', 'dau', 'sister', 'sisters', 'brother', 'brothers', 'mother', 'father',
  'mom', 'dad', 'nephew', 'niece', 'aunt', 'uncle', 'grandson', 'granddaughter', 'grandaughter', 'grandchild', 'grandfather', 'grandmother', 'grandma', 'grandpa', 'cousin', 'friend', 'fiance',
  'fiancee', 'girlfriend', 'boyfriend', 'partner', 'proxy', 'hcp', 'spokesperson', 'daughter-in-law', 'son-in-law', 'dtr-in-law',
  'sister-in-law', 'brother-in-law', 'stepdaughter', 'stepson', 'neighbor', 'neighbour', 'companion', 'guardian', 'other', 'contact', 'law',
  // British, Australian and family words: "Mum Ilvane", "mate Quorvin", "older sib Tamsel", "nana Huarei".
  'mum', 'mam', 'mate', 'sib', 'sibs', 'sibling', 'siblings', 'nana', 'nanna', 'granny', 'grandad', 'granddad', 'auntie', 'aunty',
  'stepmother', 'stepfather', 'stepmom', 'stepdad', 'spouse', 'carer', 'flatmate', 'housemate', 'roommate',
]);
/** Relations after which an unknown word is taken as a name in single-case notes. */
export const CLOSE_RELATIONS = new Set(['wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'dtr', 'dtrs', 'sister', 'sisters', 'brother',
  'brothers', 'nephew', 'niece', 'aunt', 'uncle', 'grandson', 'granddaughter', 'grandaughter', 'cousin', 'fiance', 'fiancee', 'girlfriend',
  'boyfriend', 'law', 'mum', 'sib']);
/** Roles that name a person next ("CASEWORKER MIRELLE OSTBERG", "nurse wenna", "RABBI TESMAN"). */
export const PERSON_ROLES = new Set(['caseworker', 'chaplain', 'nurse', 'rabbi', 'attending', 'resident', 'intern', 'fellow', 'np', 'sw']);
/** Endings of verbs, adverbs and plurals ("called", "visiting", "very", "calls"); names ending so are listed. */
export const VERB_LIKE = /(?:ed|ing|ly|[lntrdkpygmw]s|es|ful|ous|ive|ble|ent|ant|ate|ize|ise|tion|sion|ment|ness|ity|ure|ism|ist|ogy|ics|age|ance|ence)$/;
/** Words that follow a relation in notes without being a name. */
/**
 * Past tenses and participles without "-ed" (VERB_LIKE takes the others), which follow a name or a relation as its verb:
 * "kaitlyn brought her in", "ana went home", "wife shown turns", "son told of plan".
 */
export const IRREGULAR_PAST = new Set(['brought', 'went', 'came', 'took', 'gave', 'left', 'felt', 'got', 'ran', 'saw', 'told', 'sent', 'kept',
  'made', 'found', 'thought', 'knew', 'drove', 'flew', 'fell', 'ate', 'drank', 'slept', 'woke', 'wrote', 'spoke', 'met', 'paid', 'sat', 'stood',
  'held', 'shown', 'taught', 'given', 'seen']);
export const RELATION_FOLLOWERS = new Set([...IRREGULAR_PAST, 'upset', 'present', 'here', 'there', 'very', 'also', 'still', 'now', 'just', 'again', 'both', 'who',
  'that', 'was', 'were', 'has', 'had', 'have', 'is', 'are', 'will', 'would', 'can', 'could', 'did', 'does', 'not', 'never', 'tearful',
  'anxious', 'worried', 'concerned', 'involved', 'supportive', 'aware', 'informed', 'updated', 'notified', 'called', 'visited', 'came',
  'went', 'left', 'spoke', 'stayed', 'wants', 'want', 'wishes', 'feels', 'felt', 'asked', 'asks', 'states', 'said', 'says', 'agrees',
  'agreed', 'understands', 'verbalized', 'remains', 'lives', 'living', 'died', 'deceased', 'passed', 'arrived', 'arriving', 'coming',
  'phoned', 'phone', 'telephone', 'number', 'cell', 'cellphone', 'mobile', 'pager', 'beeper', 'work', 'tel', 'today', 'tonight', 'tomorrow', 'yesterday', 'this', 'last', 'first', 'second', 'oldest',
  'youngest', 'older', 'younger', 'only', 'other', 'another', 'health', 'care', 'proxy', 'hcp', 'rn', 'md', 'nurse', 'doctor', 'from',
  'into', 'with', 'about', 'regarding', 're', 'for', 'of', 'to', 'at', 'in', 'on', 'by', 'and', 'or', 'but', 'if', 'as', 'so', 'then',
  'brought', 'bring', 'took', 'take', 'gave', 'give', 'met', 'meet', 'stay', 'sit', 'sat', 'sitting', 'slept', 'sleep', 'well', 'ok',
  'okay', 'fine', 'good', 'sick', 'ill', 'unable', 'able', 'available', 'unavailable', 'home', 'out', 'away', 'back', 'over', 'up',
  'down', 'later', 'soon', 'yet', 'already', 'all', 'day', 'night', 'afternoon', 'evening', 'morning', 'noc', 'am', 'pm', 'inlaw', 'law',
  'step', 'grand', 'great', 'half', 'mother', 'father', 'husband', 'wife', 'son', 'daughter', 'sister', 'brother', 'children', 'kids',
  'family', 'friend', 'friends', 'members', 'member', 'visit', 'visits', 'call', 'calls', 'contact', 'signed', 'sign', 'consent',
  'consented', 'decision', 'decisions', 'requests', 'request', 'questions', 'question', 'hopes', 'hope', 'plans', 'plan', 'thinks', 'knows',
  'believes', 'reports', 'report', 'noted', 'notes', 'expressed', 'expresses', 'voiced', 'voices', 'requested', 'declined', 'refused',
  'elected', 'chose', 'chooses', 'decided', 'decides', 'appears', 'appeared', 'seems', 'seemed', 'speaks', 'spoken', 'speaking', 'talk',
  'talked', 'talking', 'discussed', 'explained', 'told', 'tell', 'tells', 'answered', 'returned', 'returning', 'stays', 'staying',
  'sleeping', 'waiting', 'waited', 'wait', 'flying', 'driving', 'drove', 'flew', 'travelling', 'traveling', 'en', 'route', 'enroute',
  'prior', 'before', 'after', 'during', 'since', 'until', 'when', 'while', 'where', 'how', 'why', 'what', 'which', 'whom', 'whose',
  'his', 'her', 'hers', 'their', 'our', 'my', 'your', 'its', 'pt', "pt's", 'patient', 'pts', 'x', 'w', 'wo', 're:', 'per', 'reached',
  'reach', 'aware.', 'spokesperson', 'spokesman', 'primary', 'main', 'legal', 'power', 'attorney', 'guardian', 'dnr', 'code', 'status',
  'full', 'comfort', 'cmo', 'dni', 'none', 'no', 'any', 'some', 'many', 'several', 'each', 'every', 'most', 'more', 'less', 'much',
  'mrs', 'mr', 'ms', 'dr', 'miss', 'sr', 'jr', 'appear', 'wish', 'notify', 'slow', 'interpreter', 'therapist', 'technician', 'tech', 'has', 'cell', 'pager', 'beeper', 'needs', 'need', 'would', 'should', 'must', 'may', 'might',
  // How a mother or a carer is: "Mum Happy with plan", "Mum Settled overnight", "Carer Strain Index".
  'happy', 'independent', 'settled', 'comfortable', 'breastfeeding', 'coping', 'managing', 'keen', 'reassured', 'agreeable', 'unwell',
  'tired', 'exhausted', 'emotional', 'strain', 'stress', 'confident', 'competent', 'engaged', 'attending',
]);
/** Relations too loose to vouch for a capitalised word; a listed given name must follow ("significant other Fitz"). */
export const LOOSE_RELATIONS = new Set(['other', 'contact', 'friend', 'partner']);
/** Species and shorthand after an initial: "S. aureus", "E. coli", "C. diff". */
export const NOT_AFTER_INITIAL = new Set([
  'aureus', 'coli', 'diff', 'difficile', 'dificile', 'pylori', 'aeruginosa', 'pneumoniae', 'pneumonia', 'faecalis', 'faecium', 'epidermidis',
  'albicans', 'glabrata', 'fib', 'flutter', 'line', 'lines', 'cath', 'epi', 'nitro', 'fem', 'femoral', 'radial', 'rad', 'art', 'ca', 'care', 'jejuni',
  'marcescens', 'cloacae', 'influenzae', 'meningitidis', 'fumigatus', 'carinii', 'jiroveci', 'jirovecii', 'maltophilia', 'baumannii', 'oxytoca',
  'mirabilis', 'vulgaris', 'agalactiae', 'pyogenes', 'mutans', 'viridans', 'lugdunensis', 'saprophyticus', 'coag', 'vre', 'mrsa',
]);
/**
 * Words that a letter or a capitalised term follows in medicine, not a given name: "Hepatitis B", "Factor V Leiden",
 * "Vitamin D", "Type A", "Group B", "Influenza A", "Stage C", "Apolipoprotein E".
 */
export const LETTER_HEADS = new Set(['vitamin', 'vitamins', 'hepatitis', 'factor', 'factors', 'type', 'types', 'group', 'groups', 'class', 'grade',
  'stage', 'phase', 'level', 'schedule', 'category', 'zone', 'lead', 'leads', 'influenza', 'coxsackie', 'streptococcus', 'strep', 'protein',
  'proteins', 'complex', 'cyclin', 'apolipoprotein', 'interleukin', 'immunoglobulin', 'ig', 'figure', 'fig', 'table', 'appendix', 'section',
  'part', 'option', 'plan', 'tier', 'ward', 'wing', 'building', 'floor', 'exhibit', 'serotype', 'strain', 'subtype', 'genotype', 'kinase',
  'receptor', 'channel', 'syndrome', 'disease', 'blood', 'antigen', 'panel', 'site', 'point', 'step', 'week', 'day', 'visit', 'cohort', 'arm',
  'study', 'trial', 'cluster', 'region', 'segment', 'lobe', 'area', 'sector', 'quadrant', 'compartment', 'chain', 'peptide', 'toxin', 'pattern']);
/**
 * Common nouns after an eponym: "Sjögren Syndrome", "Guillain-Barré Syndrome", "Colles fracture", "Child-Pugh class",
 * "Ludwig's angina", "Koch spatula", "Roth spots".
 */
export const EPONYM_NOUNS = new Set(['syndrome', 'syndromes', 'disease', 'diseases', 'sign', 'signs', 'test', 'tests', 'procedure', 'reflex',
  'phenomenon', 'triad', 'maneuver', 'manoeuvre', 'score', 'scale', 'classification', 'criteria', 'fracture', 'lesion', 'node', 'nodes',
  'cell', 'cells', 'body', 'bodies', 'tumor', 'tumour', 'ulcer', 'palsy', 'law', 'effect', 'technique', 'operation', 'repair', 'catheter',
  'needle', 'tube', 'solution', 'method', 'stain', 'staining', 'unit', 'units', 'system', 'series', 'model', 'version', 'kit', 'device',
  'machine', 'monitor', 'pump', 'valve', 'stent', 'graft', 'implant', 'prosthesis', 'level', 'levels', 'block', 'duct', 'ducts', 'purpura',
  'deficiency', 'variant', 'mutation', 'gene', 'antibody', 'antibodies', 'titer', 'titre', 'assay', 'regimen', 'protocol', 'dose', 'lait', 'au',
  'class', 'angina', 'spot', 'hump', 'pupil', 'estimate', 'curve', 'dystrophy', 'cyst', 'hernia', 'pouch', 'incision', 'position', 'point',
  'nerve', 'canal', 'retractor', 'scissors', 'forceps', 'clamp', 'laryngoscope', 'probe', 'dissector', 'spatula', 'net', 'table', 'resectoscope', 'elevator',
  'speculum', 'sponge', 'dressing', 'splint', 'stitch', 'suture', 'drain', 'instrument', 'shunt', 'sheath', 'ring', 'band', 'wave', 'chart',
  'ataxia', 'artery', 'blade', 'deformity', 'antigen', 'circuit', 'bioprosthesis', 'ointment', 'cream', 'paste']);
/** Endings of the names of diseases, procedures and findings ("Cirrhosis", "Gastrectomy", "Keratitis", "Hypertrophic"). */
/**
 * Specialties and the clinicians named after them, which signatures and headers put beside a name ("Simone Quenby,
 * MD, Neuroradiology", "(Hospitalist)", "Referring MD:", "Triage RN"): never a name word.
 */
export function specialtyWord(key: string): boolean {
  // By the last letter first: nameLike asks for every candidate word, and a regex's test cost more than the rule.
  const n = key.length;
  if (n < 6) return false;
  switch (key.charCodeAt(n - 1)) {
    case 121: return key.endsWith('ology') || key.endsWith('iatry'); // y
    case 116: return key.endsWith('ologist') || key.endsWith('iatrist'); // t
    case 110: return key.endsWith('ician'); // n
    case 115: return key.endsWith('ologists') || key.endsWith('iatrists') || key.endsWith('icians') // s
      || key.endsWith('pedics') || key.endsWith('paedics') || key.endsWith('iatrics') || key.endsWith('etrics'); // orthopaedics, paediatrics, obstetrics
    default: return false;
  }
}
export const CLINICAL_ROLES = new Set(['hospitalist', 'hospitalists', 'intensivist', 'internist', 'therapist', 'dentist', 'pharmacist',
  'anesthetist', 'sonographer', 'radiographer', 'triage', 'referring', 'ordering', 'consulting', 'admitting', 'dictating', 'supervising',
  'reading', 'interpreting', 'performing', 'treating', 'covering', 'pediatric', 'paediatric', 'emergency', 'internal', 'critical', 'geriatric',
  'neonatal', 'palliative', 'hospice', 'practitioner', 'practitioners',
  // Staff of schools, ambulances and clinics ("Principal notified", "Infusion RN:"); not "coach" nor "prior", surnames too.
  'principal', 'teacher', 'counselor', 'counsellor', 'paramedic', 'educator', 'chaperone', 'infusion']);
export const MEDICAL_SUFFIX = /(?:osis|itis|ectomy|otomy|ostomy|plasty|pexy|emia|aemia|oma|omas|pathy|algia|uria|iasis|graphy|scopy|gram|trophic|plasia|plegia|rrhea|rrhoea|cele|lysis)$/;
/**
 * Medical eponyms and loan words written with accents, which the accented-pair rule would take for a name:
 * "Sjögren", "Ménière", "Guillain-Barré", "Henoch-Schönlein", "café au lait".
 */
export const ACCENTED_TERMS = new Set(['sjögren', 'ménière', 'ménétrier', 'barré', 'schönlein', 'behçet', 'waldenström', 'müller', 'müllerian',
  'hürthle', 'bárány', 'böhler', 'löfgren', 'grönblad', 'strümpell', 'fröhlich', 'türk', 'köhler', 'gräfenberg', 'krönlein', 'löwenstein',
  'café', 'déjà', 'naïve', 'née', 'fiancé', 'fiancée', 'protégé', 'résumé', 'entrée', 'cliché', 'coup', 'tête', 'à', 'vis', 'débridement',
  'purée', 'crème', 'rosé', 'soufflé', 'pâté', 'señor', 'señora']);

/** Words after which a capitalised word in prose is a person: "directed by X", "said X", "named him X", "told X". */
export const PERSON_CUES = new Set(['by', 'said', 'told', 'named', 'called', 'married', 'starring', 'featuring', 'dear',
  'met', 'contact', 'contacted', 'thank', 'thanks', 'hi', 'hello', 'hey', 'attn',
  // Occupations and other roles of people written before their name in prose: "producer X Y", "tennis player X Y".
  'producer', 'player', 'commenter', 'writer', 'actor', 'actress', 'author', 'artist', 'engineer', 'teacher', 'lawyer', 'reporter',
  'journalist', 'editor', 'colleague', 'coworker', 'landlord', 'landlady', 'boss', 'supervisor', 'employee', 'customer', 'founder', 'coach',
  'pastor', 'priest', 'kid', 'kids', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'roommate', 'classmate', 'tenant',
  // Staff named by their job in notes: "tech Orlanth", "pharmacist Vestry"; "for referring Aurelind".
  'tech', 'technician', 'pharmacist', 'physio', 'physiotherapist', 'paramedic', 'doula', 'dietitian', 'dietician', 'psychologist',
  'counsellor', 'counselor', 'therapist', 'referring', 'driver', 'keyworker', 'worker', 'supervisor', 'sonographer', 'scribe', 'saw', 'seeing']);
/** Verbs before "by" and a person who made something: "written by X Y", "directed by X Y" (not "followed by"). */
export const MAKING_VERBS = new Set(['written', 'directed', 'sung', 'composed', 'produced', 'authored', 'painted', 'recorded', 'designed',
  'edited', 'translated', 'narrated', 'illustrated', 'signed', 'cosigned', 'dictated', 'transcribed', 'reviewed', 'approved', 'attested',
  'verified', 'interpreted', 'prepared', 'referred']);

/** Services a person comes from: "X Y from speech therapy", "X Y of social work" (not "pt": "blood from pt"). */
export const ORIGIN_SERVICES = new Set(['speech', 'social', 'case', 'pharmacy', 'nutrition', 'dietary', 'hospice', 'rehab', 'cardiology',
  'neurology', 'oncology', 'surgery', 'legal', 'ethics', 'chaplaincy', 'pastoral', 'admitting', 'radiology', 'renal', 'psychiatry', 'psych',
  'respiratory', 'transplant', 'palliative', 'infectious', 'physical', 'occupational', 'vna', 'elder', 'nursing', 'interpreter', 'interpreters',
  'security', 'billing', 'insurance', 'hospital', 'medicare', 'medicaid', 'guardianship', 'probate', 'court', 'police', 'dss', 'dcf', 'aps']);

/** Particles inside surnames: "Van Oosterveld", "de la Cruz", "O'". */
/**
 * Words that join a surname to the name before it, in lower case: "van der Berg", "de la Cruz", "bin Salman" (not
 * "ten": "Dr. Quenby ten minutes ago").
 */
export const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'des', 'de', 'del', 'della', 'di', 'da', 'la', 'le', 'du', 'dos', 'das',
  'ter', 'zu', 'zur', 'vom', 'bin', 'ibn']);
export const PARTICLES = new Set(['van', 'von', 'de', 'del', 'della', 'di', 'da', 'la', 'le', 'st', 'mc', 'mac', 'ter', 'ten', 'du', 'dos', 'das']);

/** Header fields followed by ": <name>" ("Patient: UNDERHILL, HAROLD", "Attending: Seo-yeon Merriweather, MD"). */
export const HEADER_FIELDS = new Set(['patient', 'pt', 'name', 'resident', 'attending', 'consultant', 'physician', 'surgeon', 'provider',
  'pcp', 'cardiologist', 'nurse', 'np', 'intern', 'fellow', 'guardian', 'proxy', 'hcp', 'contact', 'author', 'by', 'cc', 'referring', 'rn', 'md',
  'tech', 'technician', 'sonographer', 'driver', 'keyworker', 'supervisor', 'witness', 'chaperone', 'scribe']);
// Not "Client:", "Inmate:", "Member:", "Subscriber:": their fields hold "Self", "Refused", "Calm and cooperative" as often.

/** Whom a letter greets without a name: "Dear Colleague", "Dear Sir or Madam", "Dear Parents". */
export const GENERIC_ADDRESSEES = new Set(['colleague', 'colleagues', 'sir', 'sirs', 'madam', 'doctor', 'doctors', 'all', 'team', 'friend', 'friends',
  'parent', 'parents', 'patient', 'patients', 'family', 'families', 'provider', 'providers', 'physician', 'clinician', 'referrer', 'gp', 'nurse', 'whom',
  'member', 'members', 'customer', 'caregiver', 'carer', 'consultant', 'registrar', 'partner', 'partners', 'practitioner', 'everyone']);

/** Words that introduce one's name: "name is", "Name:", "I am", "I'm", "Dear", "named". */
export const INTRODUCTIONS = new Set(['is', 'name', 'am', 'm', 'dear', 'named', 'regards', 'sincerely']);

/** Verbs after which "with"/"by" introduces a person: "spoke with X", "accompanied by X". */
export const MEETING_VERBS = new Set(['spoke', 'speak', 'spoken', 'speaking', 'talked', 'talk', 'talking', 'met', 'meet', 'consult', 'consulted',
  'discussed', 'accompanied', 'seen', 'examined', 'evaluated', 'visited', 'appointment', 'appt', 'up', 'made', 'conferred']);

/** Words after a full name that end it: "son X Y regarding ...", "nurse X Y that she ...". */
export const NAME_CLOSERS = new Set(['regarding', 're', 'who', 'that', 'about', 'of', 'from', 'as', 'for']);

/** Words right before the name words before a credential: "PER LAST FIRST NP", "by jo smith md". */
export const CREDENTIAL_CUES = new Set(['per', 'by', 'dr', 'called', 'paged', 'notified', 'informed']);
/** What follows "X is a" when X is a patient introduced by name: an age ("is a 47 y/o", "is an 88 yr old"). */
export const AGE_AFTER_IS = /^[ \t]+\d{1,3}[ \t-]*(?:yr|year|y\/o|y\.o|yo\b|y\b|m\b|f\b)/i;
/** Words between "X is" and the role X plays: "is her legal guardian", "is their primary nurse". */
export const ROLE_FILLERS = new Set(['the', 'a', 'pt', "pt's", 'pts', "patient's", 'his', 'her', 'their', 'family', 'primary', 'main', 'legal']);
/** Roles in the patient's life that "X is ..." introduces besides relations: "Tamsin is family spokesperson/caregiver". */
export const FAMILY_ROLES = new Set(['interpreter', 'spokesperson', 'spokesman', 'hcp', 'proxy', 'guardian', 'contact', 'caregiver', 'caretaker',
  'surgeon', 'cardiologist', 'pcp', 'physician', 'doctor', 'oncologist', 'social', 'case']);

/** Words at which some name rule starts (with single letters): the others are skipped quickly. */
/** Words that open a message's sender line or its closing ("From:", "Thanks,", "Kind regards,"): name-messages.ts. */
export const MESSAGE_CUES = new Set(['from', 'thanks', 'thank', 'regards', 'kind', 'best', 'warm', 'cheers', 'sincerely', 'love', 'take', 'many']);
export const NAME_TRIGGERS = new Set<string>([...MESSAGE_CUES, ...TITLES, ...CREDENTIALS, ...ROLES, ...STAFF_ROLES, ...RELATIONS, ...lexicon.firstNames, ...lexicon.surnames, 'person', 'family', 'with', 'by', ...HEADER_FIELDS, ...INTRODUCTIONS, 'reach', 'reached', ...ORIGIN_SERVICES]);
/**
 * Words of services, alerts and organisations (besides SERVICE_TAIL's), which follow the words that introduce
 * people ("contact", "met", "per ... (RN)") as often as names do: "Contact Poison Control", "Met Sepsis Alert",
 * "Float Pool (RN)".
 */
export const NOT_PEOPLE = new Set(['hospice', 'aide', 'work', 'management', 'pool', 'duty', 'triage', 'infusion', 'tele', 'endo', 'nephro',
  'float', 'private', 'transplant', 'oncoming', 'receiving', 'sepsis', 'control', 'alert', 'cross', 'aid', 'crisis', 'assault', 'desk',
  'scientific', 'rx', 'permanente', 'precautions', 'lenses', 'center', 'office', 'line', 'case', 'social', 'poison', 'pastor', 'chaplain',
  'poa', 'hcp', 'family', 'trauma', 'stroke', 'code', 'rapid', 'response',
  // What a job's title heads in a heading ("Pharmacist Review", "Dietitian Assessment", "Physio Input").
  'review', 'reviews', 'assessment', 'note', 'notes', 'input', 'advice', 'consult', 'visit', 'referral', 'handover', 'summary', 'report',
  'recommendations', 'team', 'service', 'services', 'clinic', 'led', 'plan', 'support', 'check', 'round', 'rounds', 'update', 'entry', 'letter',
  // What a carer or a family is given: "Carer Allowance", "Family Support Payment".
  'allowance', 'benefit', 'benefits', 'payment', 'payments', 'agency', 'grant', 'leave', 'credit',
  // Shifts and rosters before a credential: "Night Shift, RN".
  'shift', 'shifts', 'roster', 'nights', 'days']);
