/**
 * The stop words that are function words: never a word of a place's own name. The other stop words are clinical and
 * common words that streets and towns are named after as well ("Bank Street", "Pearl Street").
 */
export const FUNCTION_WORDS: readonly string[] = `
a about above after again against ago all also am an and any are as at away back be because been before being
below between both but by can cannot could did do does doing done down during each else even ever every few
for from further had has have having he her here hers herself him himself his how i if in into is it its itself
just least less let like made make many me might more most much must my myself near need needs no nor not now
of off often on once only or other our ours out over own per same she should since so some still such than that
the their them then there these they this those through thus till to too under until up upon us very via was we
were what when where which while who whom whose why will with within without would yet you your
`.trim().split(/\s+/);

/**
 * Words that are never taken as a name after a context cue ("per protocol", "Dr. aware", "nephew in to see"):
 * function words, the verbs and nouns that follow cues in clinical notes, clinical abbreviations, units and
 * departments. Written for this project from general knowledge. Lower case.
 */
export const STOP_WORDS: readonly string[] = [...FUNCTION_WORDS, ...`
x w wo s/p
aware notified paged called informed updated contacted consulted made spoke speak speaking spoken talked talk
talking visited visit visiting visits came come coming went going gone arrived arrives left leave leaving
stated states said says reports reported ordered orders order wants wanted wishes asked asks given gave give
gives seen see sees saw evaluated evaluate eval assess assessed assessing examined placed place removed
started start stopped stop increased decreased weaned wean held hold continue continues continued noted
note notes feels felt knows aware. agreed agrees plans planned will would may might should shall can
in-house house bedside home here there today tonight tomorrow yesterday now later earlier am pm noc eve eves
morning evening night afternoon day days week weeks month months year years hour hours hr hrs min mins
patient patients pt pts pt's family families friend friends team teams service services staff nurse nurses
nursing md mds doctor doctors physician physicians resident residents intern interns fellow fellows attending
attendings surgeon surgeons rn rns np nps pa pas rrt rt rts sw cm case manager social worker chaplain priest
floor unit units icu ccu micu sicu csru cvicu nicu picu ticu pacu or er ed ew ems ob cath lab lab labs rehab
ward room bed beds clinic office hospital hosp center centre dept department
protocol protocols orders guidelines guideline policy report reports result results plan plans recommendation
recommendations request requests consult consults note standard routine sliding scale scale riss flowsheet
flow sheet careview carevue chart
cardiology cards neuro neurology neurosurgery nsurg ortho orthopedics pulm pulmonary renal gi gu id heme onc
oncology surgery surg surgical medicine medical micro psych psychiatry derm ent ophtho urology uro vascular
thoracic cardiac anesthesia anesthesiology radiology rad ir ep eps pt/ot ot nutrition dietary speech
swallow pharmacy respiratory resp ct mri cxr ekg ecg echo tee us u/s abg abgs vs vss abd cx cxs cough verbal balloon
and/or etc pls please thanks thank ok okay yes no none nothing all any
mg mcg ml cc kg gm g l units iv po pr im sq sc sl ngt ogt peg gt g-tube j-tube picc tlc cvl aline a-line
foley swan ganz swan-ganz hickman doppler dopplerable levine miller mac groshong port-a-cath quinton
cordis
left right l r bilat bilateral upper lower mid
mom dad mother father wife husband son sons daughter daughters dtr dtrs sister sisters brother brothers
aunt uncle nephew niece cousin grandson granddaughter grandchildren children child kids family spouse
partner proxy hcp spokesperson
he she they his her him them who which
dr drs doctor mr mrs ms miss mister rabbi rev prof
mae perrl perrla pearl pearla le ue ble bue lle rle lue rue occ freq q qd qh bid tid qid prn hs ac pc npo nkda
ekg neb nebs sx suct ett trach vent o2 nc fm nrb bs bm bms uo u/o ivf tf tfs gtt gtts cvp pap pcwp co ci svr
nsr sr st sb afib vt vf pvc pvcs pac pacs hr bp rr sat sats temp tmax wbc hct hgb plt inr ptt pt/inr k mg ca
lytes abx ns lr d5w kcl mso4 ntg nitro heparin lasix propofol fentanyl versed ativan haldol tylenol
mild moderate severe trace minimal oob baseline health license licence electronically dictated signed transcribed clergy nsg stroke bank code rapid response ambulance transport escort security
blood pressure lung lungs chest abdomen head neck skin bone brain kidney liver
however therefore also then thus otherwise additionally furthermore meanwhile finally initially subsequently
currently presently overall again next unfortunately fortunately otherwise instead although though because
johnny gown commode walker cane chair bed rail rails
line lines wire wires wave waves tube tubes drain drains catheter cath phone phones pager number numbers
ostomy wound charge primary float resource admitting covering on-call oncall night interventional
consulting consultant covering overnight assistant care skin team
tetanus tdap dtap td immunization immunizations immunisation immunisations pneumovax prevnar shingrix record records consent consents
chart charts school schools college academy elementary breast breasts imaging cell cellphone
`.trim().split(/\s+/)];

/**
 * Names that are also ordinary words, eponyms or abbreviations in notes ("bill", "grace", "rose", "mark",
 * "Foley catheter", "Murphy's sign", "Levine tube"): found only with context, never from the lists alone.
 */
export const AMBIGUOUS_NAMES: readonly string[] = `
will bill grace rose mark hope faith joy may june april august art pat don sue rob dawn summer autumn
winter spring sunny ray rich frank earl lee dean gene guy jack jean jo kay lou max major sandy chase
hunter carter mason cook baker brown white black green gray grey young long short small little hill
wood woods hall bell king knight bishop cross stone park parks rice day week price page rose field fields
marsh lane lamb wolf fox hart hood moss snow frost wall walls west north english french
bond bush bass cash case chance chambers christian church clay cole coles cotton craft dale drake duke
dyer early ford gates glass gold golden good hale hand hardy hart heart holt house hunt lord love
mann marks mercy miles moody moon noble norman page paul pearl power powers pratt ray reed rich ring
roman rush ryan sharp shepherd short sims son spencer star steel stern still strong swift tate temple
todd tracy tucker walker wall ward warren waters webb wells will winters wise worth wright york
foley swan ganz hickman doppler levine miller murphy mallory weiss bennett puritan parkinson alzheimer cushing addison crohn hodgkin
graves wilson homan homans babinski trendelenburg fowler fowlers sims allen
norma lois iris ivy holly lily daisy violet hazel olive ruby amber jade crystal pearl penny candy
opal ginger rosemary heather flora fauna
april may june august
al ed ben tom tim jim sam dan ken ron hal al ali jan kim lynn dee val
lance wade van ted ada rod drew burns ball gross hand miles porter pierce turner leach roach stokes brady
bridges banks mills summers foster golden rich savage hope cobb crane fisher fletcher freeman fuller glover
goodman hicks holt hunter lynch mercer nurse pope potter sexton simon tanner walters baker bailey barber
carpenter chance cummings early joseph lane law love moody newman noble page payne price reed rhodes
sharp sparks stark steele strong swift underwood weaver wolfe watts young
alta carmine hawkins gleason judkins weber hartmann whipple nissen paget osler ewing holter hoffmann berg robinson rao ana nick hank rex austin glenn owen berry sample norwood blake jackson pratt bard parker mayo kelly allis babcock kocher
richardson deaver weitlaner gelpi penrose frazier yankauer poole adson debakey kerrison cobb metzenbaum kessler
buck cooper morton marshall marchetti barrett doyle hoffman bovie fogarty greenfield broviac mahurkar tenckhoff
crowe davis steri hasson veress bennett gardner wells hunt lane heaney masson
wagner richter lambert fontaine graf vogt werner becker roth koch lange dubois guerin fischer braun
seidel osborn duran mullins pruitt lund kidd ellison vinson mcbride whitehead cantrell sampson mcintosh middleton friedrich
esperanza remedios paloma sala nair
`.trim().split(/\s+/);
