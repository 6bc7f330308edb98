/**
 * Place lists written for this project from general knowledge: US cities and towns (the largest cities, and
 * towns of Maryland and Massachusetts, where US clinical note corpora commonly come from), large world cities,
 * and the words that make a name a hospital or a care facility. Lower case; multi-word names with spaces.
 * States and countries are not PHI under Safe Harbor (only units smaller than a state), so they serve only as
 * context ("Towson, MD").
 */
export const CITIES: readonly string[] = `
new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|
jacksonville|fort worth|columbus|charlotte|san francisco|indianapolis|seattle|denver|washington|nashville|
oklahoma city|el paso|las vegas|portland|memphis|detroit|louisville|milwaukee|albuquerque|tucson|fresno|
sacramento|kansas city|mesa|atlanta|omaha|colorado springs|raleigh|miami|long beach|virginia beach|oakland|
minneapolis|tulsa|tampa|arlington|new orleans|wichita|cleveland|bakersfield|aurora|anaheim|honolulu|
santa ana|riverside|corpus christi|lexington|henderson|stockton|saint paul|st paul|st louis|saint louis|
cincinnati|pittsburgh|greensboro|anchorage|plano|lincoln|orlando|irvine|newark|durham|chula vista|toledo|
fort wayne|st petersburg|laredo|jersey city|chandler|madison|lubbock|scottsdale|reno|buffalo|gilbert|
glendale|north las vegas|winston-salem|chesapeake|norfolk|fremont|garland|irving|hialeah|richmond|boise|
spokane|baton rouge|tacoma|san bernardino|modesto|fontana|des moines|moreno valley|santa clarita|
fayetteville|birmingham|oxnard|rochester|port st lucie|grand rapids|huntsville|salt lake city|
tallahassee|huntington beach|grand prairie|montgomery|knoxville|worcester|providence|hartford|new haven|
bridgeport|stamford|albany|syracuse|yonkers|trenton|camden|paterson|atlantic city|wilmington|dover|
harrisburg|scranton|allentown|erie|charleston|savannah|columbia|greenville|burlington|concord|manchester|
nashua|portsmouth|bangor|augusta|montpelier|
baltimore|towson|annapolis|rockville|bethesda|silver spring|columbia|frederick|hagerstown|salisbury|
laurel|bowie|glen burnie|dundalk|essex|catonsville|ellicott city|owings mills|pikesville|randallstown|
reisterstown|lutherville|timonium|cockeysville|parkville|perry hall|bel air|aberdeen|havre de grace|
westminster|eldersburg|severna park|pasadena|odenton|crofton|gaithersburg|germantown|wheaton|takoma park|
college park|greenbelt|hyattsville|landover|largo|upper marlboro|waldorf|la plata|easton|cambridge|
ocean city|cumberland|middle river|edgemere|lansdowne|arbutus|halethorpe|linthicum|severn|elkridge|
woodlawn|milford mill|lochearn|rosedale|overlea|white marsh|kingsville|fallston|joppa|edgewood|
havre de grace|elkton|north east|chestertown|st michaels|denton|centreville|princess anne|pocomoke city|
crisfield|cambridge|thurmont|emmitsburg|mount airy|sykesville|hampstead|manchester|taneytown|
new windsor|brunswick|middletown|myersville|boonsboro|williamsport|hancock|frostburg|oakland|
lanham|beltsville|adelphi|langley park|riverdale|bladensburg|cheverly|capitol heights|district heights|
suitland|temple hills|oxon hill|fort washington|clinton|brandywine|accokeek|indian head|prince frederick|
solomons|lexington park|leonardtown|california|chesapeake beach|north beach|huntingtown|owings|
potomac|chevy chase|kensington|olney|damascus|clarksburg|poolesville|burtonsville|calverton|
jessup|savage|hanover|pasadena|millersville|arnold|davidsonville|edgewater|mayo|deale|shady side|
brooklyn park|curtis bay|sparrows point|turners station|essex|baltimore highlands|rosedale|nottingham|
carney|towson|ruxton|riderwood|hunt valley|sparks|glen arm|phoenix|monkton|hereford|parkton|
upperco|hampstead|glyndon|finksburg|woodstock|randallstown|windsor mill|gwynn oak|
boston|cambridge|somerville|quincy|brookline|newton|waltham|watertown|medford|malden|everett|chelsea|
revere|lynn|salem|peabody|beverly|gloucester|marblehead|swampscott|saugus|melrose|wakefield|reading|
woburn|burlington|lexington|arlington|belmont|winchester|stoneham|framingham|natick|wellesley|needham|
dedham|norwood|braintree|weymouth|milton|dorchester|roxbury|jamaica plain|brighton|allston|charlestown|
mattapan|hyde park|roslindale|west roxbury|worcester|springfield|lowell|lawrence|brockton|new bedford|
fall river|plymouth|taunton|haverhill|methuen|andover|north andover|chelmsford|billerica|tewksbury|
dracut|leominster|fitchburg|pittsfield|northampton|amherst|holyoke|chicopee|westfield|barnstable|
hyannis|falmouth|nantucket|provincetown|marlborough|hudson|acton|concord|sudbury|wayland|weston|
lincoln|bedford|canton|sharon|stoughton|randolph|hingham|cohasset|scituate|marshfield|duxbury|kingston|
hampton|rockport|newburyport|ipswich|danvers|
london|paris|rome|milan|naples|madrid|barcelona|lisbon|berlin|munich|vienna|zurich|geneva|amsterdam|
brussels|dublin|cork|edinburgh|glasgow|athens|istanbul|moscow|warsaw|krakow|prague|budapest|bucharest|
stockholm|oslo|copenhagen|helsinki|toronto|montreal|vancouver|ottawa|quebec|mexico city|havana|
san juan|bogota|lima|santiago|buenos aires|sao paulo|rio de janeiro|cairo|lagos|nairobi|johannesburg|
cape town|tel aviv|jerusalem|beirut|baghdad|tehran|karachi|mumbai|bombay|delhi|new delhi|calcutta|
kolkata|bangalore|chennai|madras|beijing|shanghai|hong kong|taipei|seoul|tokyo|osaka|manila|bangkok|
hanoi|saigon|singapore|jakarta|sydney|melbourne|auckland
`.replace(/\s*\n\s*/g, '').split('|').map((s) => s.trim()).filter((s) => s !== '');

/** Cities that are also common words or names: recognised only with place context ("lives in", "from", ", MD"). */
export const AMBIGUOUS_CITIES: readonly string[] = `
phoenix|mesa|aurora|lincoln|madison|gilbert|glendale|irving|garland|fremont|richmond|rochester|
concord|manchester|augusta|columbia|laurel|bowie|essex|salisbury|easton|cambridge|frederick|
westminster|hampton|aberdeen|pasadena|severn|arnold|mayo|deale|savage|hanover|jessup|sparks|
clinton|potomac|california|olney|damascus|solomons|owings|carney|ruxton|monkton|hereford|
lynn|salem|beverly|reading|everett|chelsea|milton|lexington|arlington|belmont|winchester|canton|
sharon|randolph|kingston|bedford|hudson|acton|lawrence|lowell|needham|newton|brighton|
denton|brunswick|middletown|hancock|clinton|oakland|arbutus|largo|dover|erie|charleston|greenville|
burlington|henderson|buffalo|norfolk|montgomery|providence|chandler|plymouth|woodlawn|union|
rome|cork|lima|santiago|victoria|paris|london|berlin|georgia|virginia|washington|jackson|austin|
dallas|houston|denver|phoenix|orlando|jacksonville|independence|liberty|troy|homer|
north east|indian head|hyde park|white marsh|middle river|norwood|
`.replace(/\s*\n\s*/g, '').split('|').map((s) => s.trim()).filter((s) => s !== '');

/**
 * US states, their postal codes and common abbreviations (context, not PHI: "son from Calif."); the states of two words
 * by their codes alone, but for the codes that are also abbreviations of care (SC subcutaneous, PR per rectum, SD, NM,
 * NC nasal cannula, ND not done).
 */
export const STATES: readonly string[] = `
alabama al alaska ak arizona az arkansas ar california ca colorado co connecticut ct delaware de florida fl
georgia ga hawaii hi idaho id illinois il indiana in iowa ia kansas ks kentucky ky louisiana la maine me
maryland md massachusetts ma michigan mi minnesota mn mississippi ms missouri mo montana mt nebraska ne nevada
nv ohio oh oklahoma ok oregon or pennsylvania pa tennessee tn texas tx utah ut vermont vt virginia va
washington wa wisconsin wi wyoming wy dc
nh nj ny ri wv
calif fla penn conn mich minn wisc ariz colo tenn okla
`.trim().split(/\s+/);

/** The states of two words, by their second word: the first words it may follow. */
export const TWO_WORD_STATES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['hampshire', new Set(['new'])], ['jersey', new Set(['new'])], ['mexico', new Set(['new'])], ['york', new Set(['new'])],
  ['carolina', new Set(['north', 'south'])], ['dakota', new Set(['north', 'south'])], ['island', new Set(['rhode'])], ['virginia', new Set(['west'])],
]);

/** Head words that make the words before them a facility name: "Sacred Heart Hospital", "Laurel Regional". */
export const FACILITY_HEADS: readonly string[] = `
hospital hosp hospitals medical center centre med clinic clinics infirmary sanatorium sanitarium hospice
rehab rehabilitation memorial regional general adventist baptist methodist presbyterian lutheran
community university univ institute nursing home house manor healthcare health campus
`.trim().split(/\s+/);

/** Well-known hospital abbreviations used alone in notes ("transferred to GH", "MGH"); not "OSH" (outside hospital). */
export const HOSPITAL_ABBREVIATIONS: readonly string[] = `
gh mgh bwh bidmc bih bi nemc tufts umms umm jhh jhu jh hopkins upmc chop cchmc nyu nyph mskcc ucsf ucla
mayo gbmc ummc bwmc jhbmc hcgh sgah sjmc
dfci nebh bch lgh nwh dhmc mdacc uab ohsu vumc nmh bjh sfgh csmc ucsd uwmc hmc osumc cumc wcmc
`.trim().split(/\s+/);

/** Street-type words after a house number: "19 Clover St.", "4 Elm Road". */
export const STREET_TYPES: readonly string[] = `
street st avenue ave av road rd boulevard blvd lane ln drive dr court ct place pl way terrace ter circle cir
parkway pkwy highway hwy route rte square sq trail path pike turnpike alley row
`.trim().split(/\s+/);

/**
 * Words that make a street name in other languages, written as the end of the name ("Birkholmvej", "Lindenstrasse",
 * "Koivukatu") or as a word of their own before or after it ("Via Rosmini", "Solvangs gate", "ul. Sosnowa").
 * Danish, Norwegian, Swedish, Icelandic, Finnish, Estonian, Lithuanian, German, Dutch, Frisian, Polish, Czech,
 * Slovene, Hungarian, Turkish, Russian, Italian, Spanish, Portuguese and French. A name with one of them before a
 * house number is a street: "Lindauer Strasse 7".
 */
export const STREET_SUFFIXES: readonly string[] = `
strasse straße str gasse weg allee platz damm ufer chaussee graben vej vejen gade stræde straede veien vegen gata gatan gate
vägen stigen stien gränd torget stræti straeti braut vegur katu kuja polku tie kaari straat laan gracht plein steeg
dreef singel kade wei baan ulica ulice utca kapu tänav põik puiestee maantee gatve gatvė cesta sokak sokağı caddesi
bulevar bulvar prospekt ulitsa mnt
`.trim().split(/\s+/);

/** Street words that come before the name: "Via dei Pini 17", "14 Rue des Acacias", "ul. Sosnowa 12". */
export const STREET_PREFIXES: readonly string[] = `
via viale vicolo piazza corso rua rue avenida avenue calle carrer paseo camino strada ul al aleja ulica rambla
travessa largo chemin quai
`.trim().split(/\s+/);

/**
 * Countries (and their common short forms), lower case. Not PHI under Safe Harbor: alone ("from Malta") they are
 * left untagged; in an address block they are tagged with the block, which is replaced whole.
 */
/** Words of direction and kind before a region's name: "South Korea", "Northern Italy", "Rural Georgia". */
export const REGION_WORDS: readonly string[] = ['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'middle', 'upstate', 'downstate', 'rural', 'northeast', 'northwest', 'southeast', 'southwest'];

/** Regions larger than a state, lower case: no identifiers under Safe Harbor. */
export const CONTINENTS: readonly string[] = ['africa', 'asia', 'europe', 'america', 'north america', 'south america', 'latin america',
  'central america', 'australia', 'antarctica', 'oceania', 'scandinavia', 'caribbean', 'middle east', 'east asia', 'southeast asia',
  'west africa', 'east africa', 'north africa', 'eastern europe', 'western europe', 'new england', 'midwest', 'soviet union', 'ussr',
  'yugoslavia', 'czechoslovakia'];

export const COUNTRIES: readonly string[] = `
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|
bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia and herzegovina|botswana|brazil|brunei|
bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chad|chile|china|colombia|comoros|congo|
costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|
egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|
greece|greenland|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|
ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|
lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|
martinique|mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|
nepal|netherlands|the netherlands|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|
pakistan|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|puerto rico|qatar|romania|russia|
rwanda|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|
south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|
tanzania|thailand|togo|trinidad and tobago|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|
united kingdom|uk|great britain|england|scotland|wales|northern ireland|united states|united states of america|
usa|us|uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|faroe islands|isle of man|jersey|guernsey
`.replace(/\s*\n\s*/g, '').split('|').map((s) => s.trim()).filter((s) => s !== '');

/**
 * More street types of US addresses (the postal service's suffix names), beyond STREET_TYPES: "12 Larkspur
 * Rapids", "7 Orrin Crossing". Distinctive ones make a street after a house number by themselves; the others are
 * also common words ("Center", "Park", "Hill", "Station") and make a street only with an address after them (a
 * unit, a town with a state, country or postal code, an address block): "1 Trauma Center" is a kind of hospital.
 */
export const STREET_TYPES_DISTINCT: readonly string[] = `
alley bypass causeway crescent crossing crossroad estates expressway extensions flats freeway gateway glen glens
grove groves heights hollow junction junctions knoll knolls landing meadows mews orchard overpass parkways pines
plains plaza prairie rapids ridge ridges shoals shores skyway spurs squares stravenue summit throughway trafficway
turnpike underpass viaduct vista loop coves cove radial walkway
`.trim().split(/\s+/);
export const STREET_TYPES_COMMON: readonly string[] = `
branch bridge brook brooks burg burgs camp canyon cape center centers cliff cliffs club common commons corner corners
course courts creek crest curve dale dam divide estate extension falls ferry field fields flat ford fords forest
forge forges fork forks fort garden gardens green greens harbor harbors haven hill hills inlet island islands isle
key keys lake lakes land light lights loaf lock locks lodge mall manor manors meadow mill mills mission motorway
mount mountain mountains neck oval park parks pass passage pine point points port ports ramp ranch rapid rest river
roads run shoal shore spring springs spur station stream streets track trailer tunnel union unions valley valleys
view views village villages ville walk walks wall ways well wells close rise parade chase wynd quay
`.trim().split(/\s+/);
