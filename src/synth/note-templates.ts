// Clinical note templates. PHI slots: {pt} {pt_lf} {pt_title} {pt_given} {dr1..3} (Dr. Family) {dr1_full..}
// {dr1_init..} {rel} {admit} {discharge} {dob} {followup} (full dates) {admit_short} {day2} (in the stay)
// {prior} (before it; no year) {age}
// {hospital} {hospital2} {street} {city} {zip} {mrn} {account} {ssn} {plan} {license} {plate} {device}
// {encounter} {ip} {phone} {phone2} {fax} {email} {url}. Clinical slots: {hist1..3} {cc} {cc2} {newdx}
// {drug1..3}. Plain slots: {a} (a/an before the age) {sex} {sexletter} {pron} {Pron} {poss} {poss_cap} {relation}
// {state} {insurer} {employer}
// and numbers {dose} {freq} {bp} {hr} {temp} {spo2} {cr} {wbc} {days}.
// A line starting with '?' is kept with probability one half.

export const DISCHARGE_HEADER = [
  'DISCHARGE SUMMARY',
  '{hospital}',
  'Patient: {pt_lf}        MRN: {mrn}',
  '?Account #: {account}',
  'DOB: {dob}    Age: {age}    Sex: {sexletter}',
  'Admission Date: {admit}    Discharge Date: {discharge}',
  'Attending: {dr1_full}, MD',
  '?Primary care physician: {dr2}, {hospital2}',
];

export const HPI = [
  '{pt_title} is {a} {age}-year-old {sex} with a history of {hist1}, {hist2} and {hist3} who presented to the emergency department on {admit} with {cc}.',
  '{pt_title} is {a} {age} yo {sex} with {hist1} and {hist2}, admitted on {admit_short} for {cc}.',
  'This {age}-year-old {sex} with known {hist1} was brought in by {poss} {relation}, {rel}, after two days of {cc} and {cc2}.',
  '{Pron} was in {poss} usual state of health until {admit_short}, when {pron} noted {cc2}.',
  '{Pron} takes {drug1} for {hist1} and reports good adherence.',
  'Of note, {pron} was seen at {hospital2} on {prior} for similar complaints and discharged on {drug2}.',
  '{Pron} denies recent travel. {Pron} lives at {street}, {city}, {state} {zip} with {poss} {relation}.',
  'Outside records from {hospital2} (fax {fax}) were reviewed.',
];

export const HOSPITAL_COURSE = [
  'On admission, blood pressure was {bp}, heart rate {hr}, temperature {temp} C, and SpO2 {spo2}% on room air.',
  'Labs were notable for creatinine {cr} and white count {wbc}.',
  '{Pron} was started on {drug3} for {cc}, with improvement over {days} days.',
  'The course was complicated by {newdx} on {day2}, which was managed with {drug2}.',
  '{drug1} was held because of {newdx} and resumed on {day2}.',
  'Cardiology ({dr3}) was consulted on {day2} and recommended continuing {drug1}.',
  'A dual-chamber pacemaker (serial no. {device}) was interrogated and functioning normally.',
  'Telemetry showed no further {cc}.',
  '{Pron} was seen by physical therapy and cleared for discharge home on {discharge}.',
  'Goals of care were discussed with {poss} {relation} {rel}, who can be reached at {phone2}.',
];

export const SOCIAL = [
  'SOCIAL HISTORY: Retired; formerly worked for {employer}. Lives with {poss} {relation} in {city}.',
  'SOCIAL HISTORY: Drives a pickup (plate {plate}). Never smoker.',
  'SOCIAL HISTORY: Lives alone at {street}, {city}. {poss_cap} {relation} {rel} visits daily.',
];

export const FOLLOW_UP = [
  'Follow up with {dr2} at {hospital2} on {followup}.',
  'Appointment with {dr1_init} on {followup}; call {phone} to reschedule.',
  'Please fax the discharge paperwork to {fax}.',
  'Patient portal: {url}. Questions may be sent to {email}.',
  'Insurance: {insurer}, member ID {plan}.',
  'SSN on file: {ssn}.',
  'Encounter ID: {encounter}.',
];

export const SIGNATURE = [
  'Electronically signed by {dr1_full}, MD (lic. {license}) on {discharge} from workstation {ip}.',
  'Dictated by: {dr1_init}, MD    License #: {license}',
  '{dr1_full}, MD | {hospital} | pager {phone}',
];

export const PROGRESS_HEADER = [
  'PROGRESS NOTE',
  'Date of service: {day2}    Hospital day {days}',
  'Patient: {pt} (MRN {mrn})    Age: {age}',
  '?Location: {hospital}, {city}',
];

export const SUBJECTIVE = [
  'S: {pt_given} reports less {cc} overnight. No {cc2}. Tolerating diet.',
  'S: Patient states that the {cc} is "about the same". {poss_cap} {relation} {rel} is at the bedside.',
  'S: Overnight events: episode of {newdx} at 0300, resolved with {drug3}.',
];

export const OBJECTIVE_LINES = [
  'O: BP {bp}, HR {hr}, T {temp}, SpO2 {spo2}% on 2 L nasal cannula.',
  'O: Alert and oriented. Lungs with bibasilar crackles. Trace leg swelling.',
  'Labs: Cr {cr}, WBC {wbc}.',
];

export const ASSESSMENT = [
  'A/P: {age}-year-old {sex} with {hist1} admitted for {cc}.',
  '1. {cc}: continue {drug3} {dose} mg {freq}; reassess tomorrow.',
  '2. {hist1}: continue home {drug1}.',
  '3. {hist2}: {drug2} {dose} mg {freq}.',
  '4. {newdx}: monitor; discussed with {dr3}.',
  'Dispo: anticipate discharge to {street}, {city} on {discharge} if stable.',
  '?Contact {relation} {rel} at {phone2} with updates.',
];

export const CONSULT_HEADER = [
  'CONSULTATION NOTE',
  '{hospital}    {admit}',
  'Patient: {pt_lf}    DOB: {dob}    MRN: {mrn}',
  'Requesting physician: {dr2}',
  'Consultant: {dr1_full}, MD',
  'Reason for consultation: {cc} in a patient with {hist1}.',
];

export const RECOMMENDATIONS = [
  'RECOMMENDATIONS:',
  '1. Start {drug3} {dose} mg {freq} for {cc}.',
  '2. Hold {drug2} given risk of {newdx}.',
  '3. Repeat labs on {day2}.',
  '4. We will follow; page {phone} with questions. Patient email on file: {email}.',
  'Thank you, {dr2}, for this consultation.',
];
