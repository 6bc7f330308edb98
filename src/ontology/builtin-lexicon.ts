import { buildMatcher, readLexicon } from './lexicon.js';
import type { EntityMatcher } from './matcher.js';
import type { LexiconEntry } from './types.js';

/**
 * A small hand-picked lexicon for demos and tests that need no shared data: common diseases, drugs and
 * genes. Ids are MeSH descriptor UIs (checked against MeSH 2024) and HGNC ids; the synonyms were written by
 * hand (gene rows start with the HGNC approved name). Same columns as the full lexicon TSV.
 */
export const BUILTIN_LEXICON_TSV = `id\ttype\tpreferred_name\tsynonyms
MESH:D000086382\tDisease\tCOVID-19\tcoronavirus disease 2019|SARS-CoV-2 infection
MESH:D000163\tDisease\tAcquired Immunodeficiency Syndrome\tAIDS
MESH:D000544\tDisease\tAlzheimer Disease\tAlzheimer's disease
MESH:D000740\tDisease\tAnemia\tanaemia
MESH:D001008\tDisease\tAnxiety Disorders\t
MESH:D001145\tDisease\tArrhythmias, Cardiac\tcardiac arrhythmia|arrhythmia
MESH:D001172\tDisease\tArthritis, Rheumatoid\trheumatoid arthritis
MESH:D001249\tDisease\tAsthma\t
MESH:D001281\tDisease\tAtrial Fibrillation\t
MESH:D001321\tDisease\tAutistic Disorder\tautism
MESH:D001714\tDisease\tBipolar Disorder\t
MESH:D001919\tDisease\tBradycardia\t
MESH:D001943\tDisease\tBreast Neoplasms\tbreast cancer|breast tumor|breast carcinoma
MESH:D002386\tDisease\tCataract\t
MESH:D003093\tDisease\tColitis, Ulcerative\tulcerative colitis
MESH:D003324\tDisease\tCoronary Artery Disease\tCAD
MESH:D003424\tDisease\tCrohn Disease\t
MESH:D003550\tDisease\tCystic Fibrosis\t
MESH:D003693\tDisease\tDelirium\t
MESH:D003704\tDisease\tDementia\t
MESH:D003866\tDisease\tDepressive Disorder\tdepression
MESH:D003920\tDisease\tDiabetes Mellitus\tdiabetes
MESH:D003922\tDisease\tDiabetes Mellitus, Type 1\ttype 1 diabetes|T1DM|insulin-dependent diabetes mellitus|IDDM
MESH:D003924\tDisease\tDiabetes Mellitus, Type 2\ttype 2 diabetes|T2DM|non-insulin-dependent diabetes mellitus|NIDDM
MESH:D003967\tDisease\tDiarrhea\tdiarrhoea
MESH:D004487\tDisease\tEdema\toedema
MESH:D004827\tDisease\tEpilepsy\t
MESH:D005334\tDisease\tFever\t
MESH:D005901\tDisease\tGlaucoma\t
MESH:D005909\tDisease\tGlioblastoma\tglioblastoma multiforme|GBM
MESH:D006261\tDisease\tHeadache\t
MESH:D006333\tDisease\tHeart Failure\tcardiac failure|congestive heart failure
MESH:D006470\tDisease\tHemorrhage\tbleeding|haemorrhage
MESH:D006505\tDisease\tHepatitis\t
MESH:D006509\tDisease\tHepatitis B\t
MESH:D006526\tDisease\tHepatitis C\t
MESH:D006528\tDisease\tCarcinoma, Hepatocellular\thepatocellular carcinoma|HCC|liver cancer
MESH:D006937\tDisease\tHypercholesterolemia\t
MESH:D006943\tDisease\tHyperglycemia\t
MESH:D006973\tDisease\tHypertension\thigh blood pressure
MESH:D007003\tDisease\tHypoglycemia\t
MESH:D007022\tDisease\tHypotension\t
MESH:D007249\tDisease\tInflammation\t
MESH:D007251\tDisease\tInfluenza, Human\tinfluenza|flu
MESH:D007938\tDisease\tLeukemia\t
MESH:D008103\tDisease\tLiver Cirrhosis\tcirrhosis
MESH:D008175\tDisease\tLung Neoplasms\tlung cancer|lung tumor
MESH:D008180\tDisease\tLupus Erythematosus, Systemic\tsystemic lupus erythematosus|SLE|lupus
MESH:D008223\tDisease\tLymphoma\t
MESH:D008288\tDisease\tMalaria\t
MESH:D008545\tDisease\tMelanoma\t
MESH:D008881\tDisease\tMigraine Disorders\tmigraine
MESH:D009103\tDisease\tMultiple Sclerosis\t
MESH:D009203\tDisease\tMyocardial Infarction\theart attack
MESH:D009325\tDisease\tNausea\t
MESH:D009369\tDisease\tNeoplasms\tcancer|tumor|tumour|neoplasm
MESH:D009765\tDisease\tObesity\t
MESH:D010003\tDisease\tOsteoarthritis\t
MESH:D010024\tDisease\tOsteoporosis\t
MESH:D010146\tDisease\tPain\t
MESH:D010300\tDisease\tParkinson Disease\tParkinson's disease
MESH:D011014\tDisease\tPneumonia\t
MESH:D011471\tDisease\tProstatic Neoplasms\tprostate cancer
MESH:D011507\tDisease\tProteinuria\t
MESH:D011565\tDisease\tPsoriasis\t
MESH:D011655\tDisease\tPulmonary Embolism\t
MESH:D012559\tDisease\tSchizophrenia\t
MESH:D012640\tDisease\tSeizures\tseizure|convulsions
MESH:D013610\tDisease\tTachycardia\t
MESH:D013927\tDisease\tThrombosis\tthrombus
MESH:D014376\tDisease\tTuberculosis\t
MESH:D014456\tDisease\tUlcer\t
MESH:D014839\tDisease\tVomiting\t
MESH:D015179\tDisease\tColorectal Neoplasms\tcolorectal cancer
MESH:D015658\tDisease\tHIV Infections\tHIV infection
MESH:D018805\tDisease\tSepsis\tsepticemia
MESH:D020246\tDisease\tVenous Thrombosis\tdeep vein thrombosis|DVT
MESH:D020521\tDisease\tStroke\tcerebrovascular accident|brain infarction
MESH:D029424\tDisease\tPulmonary Disease, Chronic Obstructive\tCOPD|chronic obstructive pulmonary disease
MESH:D051436\tDisease\tRenal Insufficiency, Chronic\tchronic kidney disease|CKD|chronic renal failure
MESH:D056486\tDisease\tChemical and Drug Induced Liver Injury\tdrug-induced liver injury|hepatotoxicity
MESH:D058186\tDisease\tAcute Kidney Injury\tacute renal failure|AKI
MESH:D066126\tDisease\tCardiotoxicity\tcardiac toxicity
MESH:D000069059\tChemical\tAtorvastatin\t
MESH:D000077144\tChemical\tClopidogrel\t
MESH:D000082\tChemical\tAcetaminophen\tparacetamol
MESH:D000109\tChemical\tAcetylcholine\t
MESH:D000431\tChemical\tEthanol\talcohol|ethyl alcohol
MESH:D000658\tChemical\tAmoxicillin\t
MESH:D001241\tChemical\tAspirin\tacetylsalicylic acid
MESH:D001262\tChemical\tAtenolol\t
MESH:D002045\tChemical\tBupivacaine\t
MESH:D002110\tChemical\tCaffeine\t
MESH:D002118\tChemical\tCalcium\t
MESH:D002216\tChemical\tCaptopril\t
MESH:D002220\tChemical\tCarbamazepine\t
MESH:D002784\tChemical\tCholesterol\t
MESH:D002939\tChemical\tCiprofloxacin\t
MESH:D002945\tChemical\tCisplatin\t
MESH:D003042\tChemical\tCocaine\t
MESH:D003520\tChemical\tCyclophosphamide\t
MESH:D003907\tChemical\tDexamethasone\t
MESH:D003975\tChemical\tDiazepam\t
MESH:D004077\tChemical\tDigoxin\t
MESH:D004298\tChemical\tDopamine\t
MESH:D004317\tChemical\tDoxorubicin\t
MESH:D004837\tChemical\tEpinephrine\tadrenaline
MESH:D005283\tChemical\tFentanyl\t
MESH:D005665\tChemical\tFurosemide\t
MESH:D005839\tChemical\tGentamicins\tgentamicin
MESH:D005947\tChemical\tGlucose\tdextrose
MESH:D006220\tChemical\tHaloperidol\t
MESH:D006493\tChemical\tHeparin\t
MESH:D006854\tChemical\tHydrocortisone\tcortisol
MESH:D007052\tChemical\tIbuprofen\t
MESH:D007213\tChemical\tIndomethacin\t
MESH:D007328\tChemical\tInsulin\t
MESH:D007649\tChemical\tKetamine\t
MESH:D007980\tChemical\tLevodopa\tL-dopa|L-DOPA
MESH:D008012\tChemical\tLidocaine\t
MESH:D008094\tChemical\tLithium\t
MESH:D008140\tChemical\tLorazepam\t
MESH:D008687\tChemical\tMetformin\t
MESH:D008727\tChemical\tMethotrexate\t
MESH:D009020\tChemical\tMorphine\t
MESH:D009538\tChemical\tNicotine\t
MESH:D009543\tChemical\tNifedipine\t
MESH:D009569\tChemical\tNitric Oxide\t
MESH:D009638\tChemical\tNorepinephrine\tnoradrenaline
MESH:D009853\tChemical\tOmeprazole\t
MESH:D010100\tChemical\tOxygen\t
MESH:D010406\tChemical\tPenicillins\tpenicillin
MESH:D010672\tChemical\tPhenytoin\t
MESH:D011188\tChemical\tPotassium\t
MESH:D011241\tChemical\tPrednisone\t
MESH:D011433\tChemical\tPropranolol\t
MESH:D012701\tChemical\tSerotonin\t5-hydroxytryptamine|5-HT
MESH:D012965\tChemical\tSodium Chloride\tNaCl
MESH:D013311\tChemical\tStreptozocin\tstreptozotocin|STZ
MESH:D013629\tChemical\tTamoxifen\t
MESH:D014635\tChemical\tValproic Acid\tvalproate
MESH:D014640\tChemical\tVancomycin\t
MESH:D014700\tChemical\tVerapamil\t
MESH:D014859\tChemical\tWarfarin\t
MESH:D015738\tChemical\tFamotidine\t
MESH:D015742\tChemical\tPropofol\t
MESH:D016559\tChemical\tTacrolimus\t
MESH:D016572\tChemical\tCyclosporine\tcyclosporin A|ciclosporin
MESH:D017239\tChemical\tPaclitaxel\t
MESH:D017311\tChemical\tAmlodipine\t
MESH:D017706\tChemical\tLisinopril\t
MESH:D018698\tChemical\tGlutamic Acid\tglutamate
MESH:D019821\tChemical\tSimvastatin\t
HGNC:1097\tGene\tBRAF\tB-Raf proto-oncogene, serine/threonine kinase
HGNC:1100\tGene\tBRCA1\tBRCA1, DNA repair associated
HGNC:1101\tGene\tBRCA2\tBRCA2, DNA repair associated
HGNC:11138\tGene\tSNCA\tsynuclein alpha|alpha-synuclein
HGNC:11766\tGene\tTGFB1\ttransforming growth factor beta 1|TGF-beta1
HGNC:11892\tGene\tTNF\ttumor necrosis factor|tumor necrosis factor|TNF-alpha|TNFA
HGNC:11998\tGene\tTP53\ttumor protein p53|p53
HGNC:12680\tGene\tVEGFA\tvascular endothelial growth factor A|VEGF
HGNC:1678\tGene\tCD4\tCD4 molecule
HGNC:1787\tGene\tCDKN2A\tcyclin dependent kinase inhibitor 2A|p16
HGNC:18618\tGene\tLRRK2\tleucine rich repeat kinase 2
HGNC:1884\tGene\tCFTR\tcystic fibrosis transmembrane conductance regulator
HGNC:2367\tGene\tCRP\tC-reactive protein
HGNC:2625\tGene\tCYP2D6\tcytochrome P450 family 2 subfamily D member 6
HGNC:2637\tGene\tCYP3A4\tcytochrome P450 family 3 subfamily A member 4
HGNC:2707\tGene\tACE\tangiotensin I converting enzyme
HGNC:3236\tGene\tEGFR\tepidermal growth factor receptor
HGNC:3430\tGene\tERBB2\terb-b2 receptor tyrosine kinase 2|HER2
HGNC:3467\tGene\tESR1\testrogen receptor 1|estrogen receptor alpha|ER-alpha
HGNC:399\tGene\tALB\talbumin
HGNC:4141\tGene\tGAPDH\tglyceraldehyde-3-phosphate dehydrogenase
HGNC:4827\tGene\tHBB\themoglobin subunit beta
HGNC:4851\tGene\tHTT\thuntingtin|huntingtin
HGNC:5438\tGene\tIFNG\tinterferon gamma|interferon gamma|IFN-gamma
HGNC:5962\tGene\tIL10\tinterleukin 10|IL-10|interleukin-10
HGNC:5992\tGene\tIL1B\tinterleukin 1 beta|IL-1beta|interleukin-1 beta
HGNC:6018\tGene\tIL6\tinterleukin 6|IL-6|interleukin-6
HGNC:6081\tGene\tINS\tinsulin
HGNC:613\tGene\tAPOE\tapolipoprotein E
HGNC:620\tGene\tAPP\tamyloid beta precursor protein
HGNC:6407\tGene\tKRAS\tKRAS proto-oncogene, GTPase
HGNC:644\tGene\tAR\tandrogen receptor
HGNC:6553\tGene\tLEP\tleptin
HGNC:6973\tGene\tMDM2\tMDM2 proto-oncogene
HGNC:7436\tGene\tMTHFR\tmethylenetetrahydrofolate reductase
HGNC:7553\tGene\tMYC\tMYC proto-oncogene, bHLH transcription factor
HGNC:7876\tGene\tNOS3\tnitric oxide synthase 3|eNOS
HGNC:9236\tGene\tPPARG\tperoxisome proliferator activated receptor gamma|PPAR-gamma
HGNC:9508\tGene\tPSEN1\tpresenilin 1
HGNC:9588\tGene\tPTEN\tphosphatase and tensin homolog
`;

/** The built-in lexicon's entries. */
export async function builtinEntries(): Promise<LexiconEntry[]> {
  const entries: LexiconEntry[] = [];
  for await (const entry of readLexicon(BUILTIN_LEXICON_TSV, 'builtin-lexicon')) entries.push(entry);
  return entries;
}

/** A matcher over the built-in lexicon (about 190 concepts; builds in milliseconds). */
export async function builtinMatcher(): Promise<EntityMatcher> {
  return buildMatcher(await builtinEntries());
}
