/**
 * The cue words of the place rules (places.ts): facility heads, the words around wards and movements, and the
 * words that are not places after them.
 */
export const GENERIC_HEADS = new Set(['hospital', 'hosp', 'hospitals', 'center', 'centre', 'ctr', 'clinic', 'clinics', 'infirmary', 'rehab',
  'rehabilitation', 'campus', 'house', 'manor', 'hospice', 'institute', 'sanatorium', 'nh', 'facility']);
/**
 * Heads of practices and other organisations, which are common words too ("band practice", "pertinent laboratories"):
 * a name only written as one, capitalised in a mixed-case note, head and all ("Lakeside Family Practice").
 */
export const ORGANISATION_HEADS = new Set(['practice', 'associates', 'partners', 'laboratories', 'laboratory', 'daycare',
  // Practices named by their specialty ("Westmoor Pediatrics", "Sunridge Dental"), nurseries and schools. Not "surgery",
  // "imaging" or "pharmacy": headings and procedures name them as often ("Previous Surgery:", "Cataract Surgery", "Main
  // Pharmacy").
  'pediatrics', 'paediatrics', 'dental', 'dentistry', 'orthodontics', 'nursery', 'montessori', 'preschool', 'kindergarten',
  // Practices of a specialty, counsellors, laboratories, and ambulance services ("Quenby Orthopedics", "Orvel County Ambulance").
  'orthopedics', 'orthopaedics', 'counseling', 'counselling', 'diagnostics', 'ambulance', 'paramedics', 'paramedic', 'ems']);
/** Words that make such a head a kind, not a name: "General Practice", "Good Clinical Practice", "Reference Laboratories". */
export const ORGANISATION_KINDS = new Set(['general', 'clinical', 'advanced', 'good', 'best', 'evidence', 'based', 'nursing', 'adult', 'reference',
  'pathology', 'usual', 'authority', 'local', 'diagnostics', 'diagnostic', 'private', 'group', 'medical', 'dental', 'family', 'primary', 'specialty',
  'research', 'hospital', 'public', 'national', 'state', 'county', 'community', 'child', 'day', 'care', 'registered', 'nurse', 'council',
  // Departments and what they treat: "Newborn Nursery", "Catheterization Laboratory", "Ear, Nose, and Throat Surgery".
  'newborn', 'well', 'baby', 'catheterization', 'throat', 'nose', 'function', 'motility', 'echo', 'electrophysiology', 'stress', 'blood',
  'gait', 'voice', 'speech', 'hearing', 'microbiology', 'virology', 'genetics', 'nuclear', 'foot', 'hand', 'spine', 'breast', 'heart', 'lung',
  'liver', 'brain', 'bone', 'skin', 'mouth', 'weight', 'same', 'minor', 'major', 'intensive', 'mobile', 'ambulatory',
  // When and which, in headings: "Previous Pediatrics", "Routine Dental".
  'previous', 'prior', 'past', 'recent', 'routine', 'main', 'discharge', 'annual', 'regular', 'emergency', 'inpatient', 'outpatient',
  // Services and what a plan does with them: "Youth Mental Health", "Resume Home Health", "Virtual Urgent Care".
  'youth', 'perinatal', 'infant', 'virtual', 'junior', 'senior', 'resume', 'restart', 'start', 'continue', 'refer', 'arrange', 'contact', 'advised',
  'consider', 'complex', 'respite', 'specialist', 'continuing', 'intermediate', 'supportive', 'chronic',
  // Kinds of these: "Pediatric Orthopedics", "Grief Counseling", "Air Ambulance".
  'consult', 'pediatric', 'paediatric', 'sports', 'joint', 'trauma', 'molecular', 'genetic', 'marriage', 'grief', 'crisis',
  'substance', 'addiction', 'mental', 'behavioral', 'behavioural', 'couples', 'career', 'financial', 'lactation', 'air', 'ground', 'road',
  'wheelchair', 'transport', 'volunteer', 'call', 'called', 'needs', 'needed', 'request', 'anger', 'loss', 'bereavement',
  'hiv', 'smoking', 'cessation', 'lifestyle', 'christian', 'spiritual', 'pastoral', 'bls', 'als', 'ankle', 'flight', 'fire',
  'rescue', 'drug', 'alcohol', 'diet', 'sexual', 'individual', 'peer', 'vocational', 'pain', 'sleep', 'nutrition']);
/** Words skipped between a name and its head, outside the span: "Alaska Medical Center", "Keswick Nursing Home". */
export const HEAD_FILLERS = new Set(['medical', 'med', 'nursing', 'rehabilitation', 'rehab', 'care', 'health', 'assisted', 'senior', 'family',
  'community', 'cancer', 'heart', 'eye', 'surgical', 'specialty', 'speciality', 'children\'s', 'childrens', 'women\'s', 'womens',
  // Possessives are read without their "'s" ("Prairie Children's Hospital"); a university's hospital is named first.
  'children', 'women', 'university']);
/** Heads of two words, by their last word: "Golden Age Nursing Home", "Sunrise Assisted Living", "Brookside Family Medicine". */
export const COMPOUND_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['home', new Set(['nursing', 'care'])], ['living', new Set(['assisted', 'senior'])], ['medicine', new Set(['family'])],
  ['care', new Set(['primary', 'urgent', 'memory', 'home', 'kidney', 'dialysis', 'hospice', 'wound'])],
  ['health', new Set(['family', 'home', 'behavioral', 'behavioural', 'mental', 'community'])],
  ['learning', new Set(['early'])], ['supply', new Set(['medical'])], ['department', new Set(['police', 'fire'])],
  ['nursing', new Set(['skilled'])], ['infusion', new Set(['home'])],
]);
export const NAMING_HEADS = new Set(['memorial', 'regional', 'general', 'adventist', 'baptist', 'methodist', 'presbyterian', 'lutheran', 'deaconess']);
/** Words before a facility name in single-case notes, where capitals cannot tell a name: "to Fenwick Hospital". */
export const FACILITY_CUES = new Set(['to', 'at', 'from', 'in', 'of', 'for', 'the', 'into', 'by', 'w', 'via', 'toward', 'towards', 'visit', 'with', 'and', 'on']);
/** Cues strong enough for a weak head with an unknown name: "LIVES AT BRAMWICK HOUSE", "to tollander rehab facility". */
export const STRONG_CUES = new Set(['to', 'at', 'from', 'the', 'on', 'by']);
export const WEAK_HEADS = new Set(['rehab', 'rehabilitation', 'house', 'center', 'centre', 'ctr', 'campus', 'health', 'healthcare', 'facility', 'nh', 'manor', 'institute', 'clinic', 'clinics']);
export const WARD_VERBS = new Set(['transfer', 'transferred', 'transfered', 'tranfered', 'tranferred', 'transferring', 'transfering', 'tranfer',
  'tx', 'txd', 'o', 'admitted', 'readmitted', 'intubated', 'go', 'back', 'out', 'again']);
/** A one- or two-digit ward number right after the ward's name, not a dose or a time. */
export const WARD_NUMBER = /[ \t]?[1-9]\d?(?![\d\/%:-]|\.\d)(?![ \t]*(?:mg|mcg|cc|ml|l|units?|u|hrs?|hours?|min|mins|minutes|days?|x|times|%|mm|cm|meq|gm?|kg|lpm|liters?|bpm|sec|degrees?|pm|am|o'clock)\b)/iy;
/** Verbs of moving a patient or a person, followed by a place: "transferred from X", "works at X". */
export const MOVE_VERBS = new Set(['transferred', 'transfered', 'tranfered', 'tranferred', 'transfer', 'admitted', 'readmitted', 'came', 'flown',
  'flighted', 'brought', 'discharged', 'accepted', 'excepted', 'flying', 'fly', 'flew', 'drove', 'moved', 'works', 'worked', 'arrived',
  'arriving', 'visiting', 'travelling', 'traveling', 'vacationing', 'bed', 'employed', 'medflight', 'medflighted', 'airlifted', 'lifeflighted',
  'helicoptered', 'travel', 'travelled', 'traveled', 'relocated', 'relocating', 'commutes', 'commuting', 'emigrated', 'immigrated',
  // "retired from X" (an employer), "old records from X", "adm to X".
  'driving', 'driven']);
/** Words between a verb of movement and its preposition: "moved here from X", "drove down from X", "moved back to X". */
export const MOVE_ADVERBS = new Set(['here', 'down', 'up', 'over', 'back', 'home', 'there', 'away', 'out', 'across']);
export const MOVE_PREPOSITIONS = new Set(['to', 'from', 'into', 'at']);
/**
 * Verbs of going somewhere that are followed by departments and states as often as by places ("go to Radiology",
 * "return to baseline"): a place after them only in a mixed-case note, capitalised ("will go to Quenby Manor").
 */
export const MIXED_CASE_MOVE_VERBS = new Set(['go', 'going', 'went', 'return', 'returned', 'returning', 'sent', 'taken', "c'd", "dc'd", 'headed',
  'heading', 'transported']);
/** Nouns and verbs of where one lives or works, before "in" and a town: "home in Quenbury", "grew up in Orvelton". */
export const LIVING_NOUNS = new Set(['home', 'house', 'family', 'job', 'business', 'bakery', 'restaurant', 'store', 'shop', 'apartment', 'condo',
  'farm', 'born', 'raised', 'grew', 'relatives', 'works', 'worked', 'working', 'employed', 'stationed']);
/**
 * What follows "in" and is no town, shaped like one in capitals or at a sentence's start: a patient's condition
 * ("Orvelton Hospital in Critical Condition", "in Police Custody"), a season or time of life, a seat ("UP IN
 * RECLINER"), a state of the family ("FAMILY IN DENIAL"), a device ("home in Hoyer lift"), a danger ("aware she is at
 * Risk"). A region's first word ("born in South Korea") is lexicon.regionWords.
 */
export const NOT_TOWNS_AFTER_IN = new Set(['critical', 'fair', 'good', 'stable', 'serious', 'poor', 'guarded', 'satisfactory', 'cardiogenic',
  'septic', 'status', 'police', 'preterm', 'followup', 'summer', 'winter', 'spring', 'fall', 'autumn', 'childhood', 'infancy', 'transit', 'route',
  'total', 'usual', 'wheelchair', 'handcuffs', 'cervical', 'asystole', 'ventricular', 'extremis', 'shock', 'pulseless', 'nineteen', 'twenty',
  'acute', 'severe', 'mild', 'moderate', 'respiratory', 'hemorrhagic', 'labor', 'active', 'early', 'late', 'full', 'partial', 'no', 'new', 'his',
  'her', 'contact', 'support', 'hallway', 'lounge', 'chapel', 'denial', 'disbelief', 'accord', 'company', 'carseat', 'ambulette', 'plaster',
  'poverty', 'military', 'foster', 'recliner', 'gerichair', 'chair', 'stretcher', 'doorway', 'bed', 'bedside', 'hoyer', 'bledsoe', 'pavlik',
  'aspen', 'jewett', 'sarmiento', 'risk', 'danger', 'trouble', 'pain', 'kitchen', 'army', 'navy', 'heaven', 'church', 'town', 'several', 'touch',
  'tandem', 'retail', 'healthcare', 'sales', 'former', 'midwest', 'agreement', 'attendance', 'waiting', 'hospice', 'law', 'delivery',
  // Where a relative or a clinician is that is no town: "Son in Marines", "Nephew in Coast Guard", "Therapist in Training".
  'marines', 'marine', 'graduate', 'boot', 'coast', 'training', 'network', 'jail', 'prison', 'treatment', 'recovery', 'residency', 'fellowship',
  'service', 'services', 'charge', 'surgery', 'clinic', 'practice', 'private', 'city']);
/** The second word of a patient's condition after "in": "in Stable Condition", "in No Distress". */
export const STATES_OF_A_PATIENT = new Set(['condition', 'distress', 'shock', 'labor', 'health', 'custody', 'arrest', 'state', 'status',
  'epilepticus', 'failure', 'spirits', 'position', 'restraints']);
/** Devices named after a maker or an eponym, whose name a home is "in": "home in Quenby lift". */
export const DEVICE_NOUNS = new Set(['lift', 'brace', 'collar', 'harness', 'boot', 'splint', 'cast', 'chair', 'bed', 'walker']);
/** Verbs of knowing where one is, before "he/she is" or "was", "in" or "at", and a town. */
export const KNOWING_VERBS = new Set(['knows', 'knew', 'aware', 'thinks', 'thought', 'believes', 'believed']);
/** Departments named by their science or procedure: "sent to Histology", "taken to Fluoroscopy", "to Cytogenetics". */
export const DEPARTMENT_ENDING = /(?:ology|oscopy|ography|graphy|istry|etry|ics|ysis|therapy|tripsy)$/;
/** Verbs after which "for" names an employer: "works for orlen health". */
export const EMPLOYMENT_VERBS = new Set(['works', 'worked', 'employed']);
/** Words that end an organisation's name and belong to it after an employer cue ("orlen health", "acme corp"). */
export const ORGANISATION_WORDS = new Set(['health', 'healthcare', 'inc', 'corp', 'corporation', 'company', 'co', 'group', 'systems', 'system',
  'bank', 'industries', 'associates', 'partners', 'services', 'llc', 'ltd']);
/** Words after "to/from/at" that are not places. */
export const NOT_PLACES = new Set(['home', 'work', 'bed', 'chair', 'bedside', 'room', 'bathroom', 'commode', 'stretcher', 'hospital', 'hosp',
  'rehab', 'hospice', 'nursing', 'facility', 'unit', 'floor', 'icu', 'ccu', 'micu', 'sicu', 'ew', 'er', 'ed', 'or', 'pacu', 'cath', 'lab',
  'surgery', 'dialysis', 'radiology', 'ct', 'mri', 'us', 'ir', 'ep', 'tele', 'step', 'stepdown', 'unit', 'today', 'tonight', 'tomorrow',
  'yesterday', 'noc', 'am', 'pm', 'this', 'that', 'his', 'her', 'their', 'our', 'my', 'the', 'a', 'an', 'visit', 'see', 'speak', 'talk',
  'be', 'have', 'get', 'go', 'make', 'take', 'help', 'assist', 'evaluate', 'eval', 'r/o', 'rule', 'bedside', 'outside', 'another',
  'another', 'local', 'ohio', 'baseline', 'normal', 'sinus', 'nsr', 'afib', 'sr', 'st', 'full', 'partial', 'dnr', 'cmo', 'comfort',
  'nc', 'face', 'mask', 'vent', 'cpap', 'bipap', 'ac', 'simv', 'ps', 'psv', 'trach', 'room', 'air', 'ra', 'shelter', 'osh', 'va',
  'office', 'clinic', 'doctor', 'doctors', 'md', 'pcp', 'cardiologist', 'family', 'church', 'school', 'court', 'jail', 'prison',
  'vacation', 'holiday', 'funeral', 'wedding', 'party', 'meeting', 'service', 'services', 'team', 'medicine', 'medical', 'surgical',
  'hematology', 'oncology', 'neurology', 'cardiology', 'pulmonary', 'renal', 'gi', 'ortho', 'psych', 'psychiatry', 'neurosurgery',
  'thoracic', 'vascular', 'cardiac', 'transplant', 'trauma', 'burn', 'nicu', 'picu', 'csru', 'cvicu', 'tsicu', 'pcu', 'imcu',
  'telemetry', 'intermediate', 'general', 'regular', 'private', 'semi', 'single', 'double', 'isolation', 'negative', 'positive',
  'radiation', 'therapy', 'previous', 'prior', 'triple', 'double', 'lumen', 'norm', 'limits', 'breath', 'commonde', 'ambulance', 'bus',
  'pressure', 'heart', 'lung', 'start', 'continue', 'begin', 'follow', 'monitor', 'check', 'sit', 'stand', 'walk', 'ambulate', 'pathology',
  'pharmacy', 'nuclear', 'blood', 'bank', 'micro', 'microbiology', 'cytology', 'stress', 'testing', 'physical', 'occupational', 'speech',
  'nutrition', 'sleep', 'pre-op', 'preop', 'holding', 'admitting', 'registration', 'x-ray', 'xray', 'ultrasound', 'sono', 'vascular', 'ekg',
  'ecg', 'eeg', 'emg', 'pft', 'pfts', 'bronch', 'bronchoscopy', 'endo', 'gyn', 'ob', 'l&d', 'recovery', 'baseline', 'sleep', 'bed', 'dinner',
  'lunch', 'breakfast', 'church', 'mass', 'temple', 'synagogue', 'mosque', 'store', 'mall', 'bank', 'gym', 'beach', 'camp', 'college',
  'university', 'normal', 'previous', 'emergency', 'newborn', 'nursery', 'med', 'alcoholics', 'narcotics', 'anonymous', 'scene', 'field',
  'site', 'crash', 'accident', 'mvc', 'mva', 'rollover', 'motorcycle', 'helipad', 'trailhead', 'farm', 'hemodialysis', 'chemo',
  'observation', 'obs', 'resus', 'resuscitation', 'crisis', 'intake', 'admissions', 'billing', 'lobby', 'cafeteria', 'chapel', 'morgue',
  'shower', 'waiting', 'lounge', 'fast', 'track', 'minor', 'express', 'core', 'reference', 'frozen', 'section', 'quest', 'labcorp',
  'sendouts', 'send', 'send-out', 'transfusion', 'special', 'employee', 'hybrid', 'activity', 'activities', 'sports', 'driving', 'duty', 'play',
  'supine', 'prone', 'sitting', 'standing', 'custody', 'protective', 'juvenile', 'detention', 'require', 'pre', 'post', 'pre-op', 'post-op',
  'short', 'stay', 'histology', 'chemistry', 'midnight', 'noon', 'bedtime', 'discharge', 'emergent', 'diagnostic', 'stat', 'structural',
  'intensive', 'critical', 'coronary',
  // Areas of the hospital a patient is taken to: "TAKEN TO FLUORO WHERE ...".
  'fluoro', 'cysto', 'scan', 'cathlab', 'hyperbaric', 'neurosurg', 'surg', 'angio', 'eplab', 'petscan', 'nucmed', 'interventional', 'endoscopy',
  'fluoroscopy', 'procedure', 'procedures', 'imaging', 'infusion', 'labs']);
/** Verb-like endings that a place name after a movement rarely has ("transferred to recieve", "sent to evaluate"). */
export const MOVED_VERB_LIKE = /(?:ed|ing|ly|ize|ise|ate)$/;
export const SAFE_STATE_CODES = new Set(['az', 'ca', 'fl', 'ky', 'ma', 'md', 'mn', 'nc', 'nh', 'nj', 'nm', 'nv', 'ny', 'oh', 'ri', 'sc', 'tn', 'tx',
  'ut', 'va', 'vt', 'wa', 'wi', 'wv', 'dc']);
/** Words that make "X rehab" or "X center" a kind of care, not a name. */
export const CARE_WORDS = new Set(['cardiac', 'pulmonary', 'pulm', 'acute', 'subacute', 'inpatient', 'outpatient', 'physical', 'dialysis', 'cancer',
  'trauma', 'nursing', 'group', 'medical', 'surgical', 'psych', 'psychiatric', 'mental', 'health', 'urgent', 'care', 'day', 'primary',
  'rehab', 'rehabilitation', 'home', 'own', 'long', 'term', 'short', 'skilled', 'assisted', 'living', 'residential', 'hospice', 'burn',
  'stroke', 'eye', 'kidney', 'transplant', 'infusion', 'wound', 'pain', 'sleep', 'vascular', 'cath', 'lab', 'dental', 'local',
  'community', 'outside', 'other', 'another', 'first', 'second', 'this', 'that', 'same', 'private', 'state', 'county', 'city', 'va',
  'veterans', 'children', 'childrens', "children's", 'womens', "women's", 'mens', 'teaching', 'level', 'major', 'area', 'tertiary', 'osh',
  'ew', 'er', 'ed', 'icu', 'ccu', 'micu', 'sicu', 'floor', 'unit', 'officer', 'officers', 'staff', 'physician', 'call', 'in', 'full',
  'spine', 'podiatry', 'management', 'bariatric', 'device', 'postoperative', 'preoperative', 'maintenance', 'rheumatology', 'endocrine',
  'endocrinology', 'pediatric', 'pediatrics', 'glaucoma', 'atrial', 'fibrillation', 'diabetes', 'diabetic', 'arthritis', 'asthma',
  'allergy', 'dermatology', 'oncology', 'cardiology', 'neurology', 'urology', 'orthopedic', 'orthopaedic', 'orthopedics', 'surgery',
  'behavior', 'behavioral', 'counseling', 'imaging', 'radiology', 'lipid', 'hypertension', 'memory', 'epilepsy', 'headache',
  'anticoagulation', 'coumadin', 'infectious', 'disease', 'diseases', 'hematology', 'gastroenterology', 'pulmonology', 'nephrology',
  'transplant', 'vascular', 'vein', 'breast', 'women', 'family', 'internal', 'geriatric', 'geriatrics', 'fertility', 'weight', 'nutrition',
  'detox', 'drug', 'alcohol', 'methadone', 'shelter', 'homeless', 'halfway', 'family', 'foster', 'boarding', 'retirement', 'senior',
  'elderly', 'resident', 'residents', 'general', 'medicine', 'surgery', 'anesthesia', 'regional', 'university', 'new', 'old', 'big',
  'small', 'large', 'nearby', 'closest', 'nearest', 'rehabilitative', 'ltc', 'snf', 'lt', 'st', 'vna', 'pt', 'ot', 'speech',
  // Which facility in a transfer: "Transfer center", "receiving facility".
  'transfer', 'receiving', 'sending', 'accepting', 'referring']);
export const SAINT_BEFORE = new Set(['to', 'at', 'from', 'in', 'of', 'by']);
export const PLACE_BEFORE = new Set(['in', 'from', 'of', 'to', 'at', 'near', 'lives', 'live', 'living', 'resides', 'reside', 'visiting', 'returned', 'return', 'moved', 'toward', 'towards']);
/** Units and places inside a hospital that follow "transferred to" without being PHI. */
export const UNIT_WORDS = new Set(['nsicu', 'cticu', 'neuroicu', 'ltach', 'ltac', 'resus', 'shock', 'labor', 'delivery', 'nursery', 'postpartum', 'antepartum', 'triage', 'recovery', 'postanesthesia', 'preoperative', 'preop', 'postop', 'operating', 'endoscopy', 'procedure', 'dialysis', 'floor', 'unit', 'ccu', 'micu', 'sicu', 'csru', 'cvicu', 'icu', 'nicu', 'picu', 'tsicu', 'vicu', 'or', 'er', 'ed',
  'ew', 'pacu', 'cath', 'lab', 'rehab', 'radiology', 'ct', 'mri', 'ir', 'ep', 'tele', 'telemetry', 'step', 'stepdown', 'step-down', 'home',
  'hospice', 'nursing', 'snf', 'ltc', 'the', 'a', 'an', 'another', 'his', 'her', 'their', 'osh', 'bed', 'room', 'rm', 'medicine', 'surgery',
  'surgical', 'medical', 'cardiology', 'neurology', 'neuro', 'oncology', 'service', 'team', 'care', 'and', 'via', 'for', 'with', 'on', 'in',
  'at', 'to', 'from', 'by', 'us', 'gi', 'hd', 'dialysis', 'echo', 'holding', 'vascular', 'angio', 'interventional', 'chair', 'commode',
  'stretcher', 'general', 'outside', 'other', 'regular', 'private', 'pt', 'pts', 'floors', 'units', 'ward', 'wards', 'main', 'this',
  'that', 'same', 'new', 'a-fib', 'nsr', 'sinus', 'afib', 'sr', 'st', 'cmo', 'dnr', 'morning', 'am', 'pm', 'tomorrow', 'today',
  'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'ventilator', 'vent', 'cpap', 'bipap', 'nc',
  'nasal', 'face', 'mask', 'trach', 'collar', 'ps', 'cmv', 'ac', 'simv', 'prvc', 'oral', 'po', 'iv', 'lasix', 'left', 'right', 'l', 'r']);
/** Verbs that open a sentence before a place's name: "Attends Quenby Learning Center", "Visited Orvel Park". */
export const OPENING_VERBS = new Set(['attends', 'attended', 'visits', 'visited', 'called', 'calls', 'contacted', 'discharged', 'transferred',
  'admitted', 'referred', 'seen', 'saw', 'sees', 'goes', 'went', 'lives', 'lived', 'works', 'worked', 'arrived', 'returned', 'returns', 'left',
  'started', 'starts', 'spoke', 'phoned', 'enrolled', 'completed', 'finished', 'graduated', 'unremarkable', 'discussed', 'recommended',
  'offered', 'considering', 'consider', 'declined', 'refused', 'requested', 'prefers', 'wants', 'needs', 'awaiting', 'pending', 'explained']);
