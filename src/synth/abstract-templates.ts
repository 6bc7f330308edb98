// Sentence templates for abstract-like text. Slots: {drug} {drug2} {disease} {effect} {gene} {gene2} name
// concepts of the document's topic (topic.ts); the others are numbers drawn per use (see render.ts).
// Template words must never be lexicon names themselves (no "pain", "tumor", "bleeding", "glucose",
// "alcohol", "stroke", "diabetic"...): every disease or chemical in the text is a planted, annotated slot
// (test/synth checks this with the ontology's matcher).

export const TITLES = [
  'Pharmacokinetics of {drug} in patients with {disease} and impaired renal function',
  '{gene} knockout mice are protected from {drug}-induced {effect}',
  'Real-world adherence to {drug} among adults with {disease}',
  'Prevalence of {disease} and its association with {effect} in primary care',
  'Adding {drug2} to {drug} in refractory {disease}: an open-label study',
  '{drug} for the treatment of {disease}: a randomized controlled trial',
  '{drug}-associated {effect}. A series of {small} cases',
  'Role of {gene} in {disease}',
  '{gene} variants and the risk of {disease} in a {cohortKind} cohort',
  'Efficacy and safety of {drug} versus {drug2} in patients with {disease}',
  '{effect} induced by {drug} in rats',
  'Long-term outcomes of {drug} therapy in {disease}',
  'Expression of {gene} predicts response to {drug} in {disease}',
  'Incidence of {effect} among patients receiving {drug}',
  '{drug} attenuates {disease} through {gene} signaling',
  'A case of {effect} after {drug} administration',
  'Association between {gene} polymorphisms and {disease}: a meta-analysis',
  '{disease} and {effect}: a population-based study',
  'Comparison of {drug} and {drug2} in the management of {disease}',
];

export const BACKGROUND = [
  'The prevalence of {disease} has risen steadily over the past {years} years, particularly among older adults.',
  '{drug} inhibits {gene}, a key regulator in the pathogenesis of {disease}.',
  'Observational data suggest that {drug} may lower the risk of {disease}, whereas {drug2} does not.',
  '{gene} encodes a protein involved in cell proliferation and apoptosis.',
  'Current guidelines recommend {drug} as initial therapy for {disease}.',
  'Genome-wide association studies have identified {gene} as a susceptibility locus for {disease}.',
  'Concerns about {effect} have limited the use of {drug} in frail patients.',
  '{disease} is a major cause of morbidity and mortality worldwide.',
  '{drug} is widely used to treat {disease}.',
  '{drug} is a first-line agent for {disease}, but its use is limited by {effect}.',
  '{effect} is a recognized adverse effect of {drug}.',
  'Mutations in {gene} are associated with {disease}.',
  'Variants of {gene} have been linked to an increased risk of {disease}.',
  'The mechanisms underlying {drug}-induced {effect} remain poorly understood.',
  'Patients with {disease} frequently develop {effect} during follow-up.',
  '{gene} is overexpressed in {disease} and correlates with poor prognosis.',
  'The optimal treatment of {disease} in elderly patients is uncertain.',
  'Previous studies suggested that {gene} modulates the response to {drug}.',
  'Although {drug} and {drug2} are both recommended for {disease}, direct comparisons are scarce.',
  'Reports of {effect} in patients treated with {drug} have increased over the past {years} years.',
  'Loss of {gene} function accelerates the progression of {disease} in animal models.',
];

export const OBJECTIVE = [
  'We aimed to evaluate the efficacy and safety of {drug} in patients with {disease}.',
  'This study investigated whether {gene} expression predicts outcomes in {disease}.',
  'We examined the incidence and risk factors of {effect} associated with {drug}.',
  'The aim of this study was to compare {drug} with {drug2} in adults with {disease}.',
  'We sought to determine the role of {gene} in {drug}-induced {effect}.',
];

export const METHODS = [
  'Plasma concentrations of {drug} were measured by liquid chromatography-tandem mass spectrometry.',
  'Cells were transfected with small interfering RNA targeting {gene} and exposed to {drug} for {days} hours.',
  'We used nationwide claims data to identify new users of {drug} or {drug2} with a diagnosis of {disease}.',
  'Immunohistochemistry for {gene} and {gene2} was performed on biopsy specimens from {n2} patients.',
  'Participants were followed for a median of {years} years for incident {disease}.',
  'Propensity score matching was applied to balance baseline characteristics between groups.',
  'Western blotting showed the protein levels of {gene} after treatment with {drug}.',
  'In this randomized, double-blind trial, {n} patients with {disease} were assigned to {drug} or {drug2} for {weeks} weeks.',
  'We conducted a retrospective cohort study of {n} adults with {disease} treated at {centers} centers between {year1} and {year2}.',
  'Rats received {drug} ({dose} mg/kg) intraperitoneally for {days} days.',
  '{gene} expression was measured by quantitative PCR in {n2} samples and normalized to {gene2}.',
  'Genotyping of {gene} was performed in {n} cases of {disease} and {n} matched controls.',
  'Patients received {drug} at a dose of {dose} mg daily, and {effect} was assessed every {weeks} weeks.',
  'The primary end point was the rate of {effect} at {months} months.',
  'A total of {n} participants (mean age {age} years; {pct}% women) were enrolled.',
  'We searched MEDLINE and Embase for studies reporting {gene} variants in {disease}.',
  'Mice lacking {gene} were treated with {drug} or vehicle for {weeks} weeks.',
  'Clinical records of patients who developed {effect} while receiving {drug} were reviewed.',
  'Logistic regression was used to identify predictors of {effect} in patients with {disease}.',
];

export const RESULTS = [
  'During follow-up, {small} patients discontinued {drug} because of {effect}.',
  'The mean elimination half-life of {drug} was {decimal} hours longer in patients with {disease}.',
  'Silencing {gene} abolished the protective effect of {drug} against {effect}.',
  'Compared with {drug2}, {drug} was associated with a lower rate of hospitalization for {disease} (hazard ratio {ratio}; 95% CI, {ci}).',
  'The {gene} genotype explained {pct}% of the variance in response to {drug}.',
  'Serious adverse events, most commonly {effect}, occurred in {pct}% of the {drug} group.',
  'In multivariable analysis, use of {drug} remained an independent predictor of {effect} (odds ratio {ratio}; {p}).',
  'Expression of {gene} correlated inversely with {gene2} in {disease} samples.',
  '{drug} reduced the relative risk of {disease} progression by {pct}% ({p}).',
  '{effect} occurred in {pct}% of patients receiving {drug} and {pct2}% of those receiving {drug2} ({p}).',
  'Patients receiving {drug} developed {effect} more often than controls (odds ratio {ratio}; 95% CI, {ci}).',
  '{gene} expression was {fold}-fold higher in {disease} than in normal tissue ({p}).',
  'Carriers of the {gene} risk allele had a higher incidence of {disease} (hazard ratio {ratio}; 95% CI, {ci}).',
  'Treatment with {drug} improved symptoms of {disease} in {pct}% of patients after {weeks} weeks.',
  'The incidence of {effect} was {pct}% at {months} months.',
  '{drug} markedly increased serum creatinine, indicating {effect} ({p}).',
  'Knockdown of {gene} reduced the effect of {drug} by {pct}%.',
  'No significant difference in mortality was observed between {drug} and {drug2} ({p}).',
  'Among {n2} patients with {disease}, {small} developed {effect} within {days} days of starting {drug}.',
  'Higher {gene} levels were associated with more severe {disease} (r = 0.{r2}; {p}).',
  '{effect} resolved in all cases after {drug} was withdrawn.',
  'The area under the curve for {gene} in distinguishing {disease} was 0.{auc}.',
  'Mean HbA1c decreased by {decimal}% with {drug}, with no excess of adverse events.',
  '{drug2} was less effective than {drug} in preventing relapse of {disease} ({p}).',
  'Median survival was {months} months in the {drug} group and {months2} months in the {drug2} group.',
  '{gene2} did not differ between groups.',
];

export const CONCLUSIONS = [
  'Routine monitoring for {effect} is warranted during the first months of {drug} therapy.',
  'Targeting {gene} may offer a new strategy for the treatment of {disease}.',
  '{drug2} is a reasonable alternative when {drug} is not tolerated.',
  'Prospective studies should examine whether {gene} status modifies the benefit of {drug}.',
  '{drug} is an effective and well-tolerated treatment for {disease}.',
  'Clinicians should monitor patients receiving {drug} for {effect}.',
  '{gene} may serve as a biomarker and therapeutic target in {disease}.',
  'These findings support a causal role of {gene} in {disease}.',
  '{drug}-induced {effect} is rare but potentially serious.',
  'Further trials are needed to confirm the benefit of {drug} over {drug2} in {disease}.',
  'Genetic testing for {gene} variants could guide the treatment of {disease}.',
  'The risk of {effect} should be weighed against the benefits of {drug} in {disease}.',
  'Our results suggest that {drug} protects against {disease} by inhibiting {gene}.',
];

export const CASE_TITLES = [
  'A case of {effect} after {drug} administration',
  '{drug}-associated {effect}. A series of {small} cases',
  '{effect} in a patient treated with {drug}',
];

/** A short clinical case, in the style of BC5CDR's case reports. */
export const CASE_REPORT = [
  'A {age}-year-old {sex} with {disease} was started on {drug}.',
  'After {days} days, the patient developed {effect}.',
  '{drug} was discontinued and {drug2} was given instead.',
  'The {effect} resolved within {small} weeks.',
  'Rechallenge with {drug} was not attempted.',
  'This case suggests that {drug} can cause {effect} even at standard doses.',
];
