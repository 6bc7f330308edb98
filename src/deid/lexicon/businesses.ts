/**
 * Chains of pharmacies, supermarkets, stores and restaurants in the US, Canada, the UK and Australia, written for this
 * project from general knowledge, lower case, words separated by spaces. Where a patient shops, fills prescriptions or
 * works ("works nights at Menards", "refill from Walgreens on ... Pike") places them as a street does. Names that are
 * common words, clinical abbreviations, surnames or diets ("Target", "Giant", "Boots", "CVS" alone for the cardiovascular
 * system, "Lowe's", "Smith's", "Whole Foods") are left out, and those that are makers or other languages' words too
 * ("Fresenius", a dialysis machine's; "Ingles", Spanish for English). Laboratories' and dialysis clinics' chains too.
 */
export const CHAIN_STORES: readonly string[] = `
walgreens|walgreen|rite aid|duane reade|walmart|wal-mart|kroger|publix|meijer|costco|safeway|wegmans|albertsons|shoprite|
winn-dixie|food lion|harris teeter|giant eagle|hy-vee|h-e-b|heb|menards|home depot|dollar general|family dollar|dollar tree|
starbucks|trader joe's|aldi|lidl|sam's club|piggly wiggly|food city|
stop & shop|vons|jewel-osco|king soopers|qfc|bi-lo|save mart|winco|tesco|asda|superdrug|
woolworths|shoppers drug mart|london drugs|jean coutu|pharmaprix|chemist warehouse|priceline pharmacy|dunkin|
burger king|taco bell|chick-fil-a|kfc|subway restaurant|waffle house|cracker barrel|ihop|applebee's|
cvs pharmacy|cvs/pharmacy|labcorp|quest diagnostics|davita|dunkin donuts|dunkin' donuts
`.trim().split(/\|\s*/).filter((s) => s !== '');

/** Words after a chain's name that belong to the place ("Kroger Pharmacy", "Walmart Supercenter"). */
export const BUSINESS_HEADS: readonly string[] = ['pharmacy', 'supercenter', 'store', 'market', 'supermarket', 'warehouse', 'superstore',
  'distribution', 'center', 'centre'];
