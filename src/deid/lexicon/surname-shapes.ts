/**
 * Surnames known by their ending, not by a list: the lists cannot hold every Polish, Russian, Finnish or Georgian
 * surname, but these languages mark their surnames with endings that English words (and medical ones) hardly
 * have: "-ski", "-ova", "-ović", "-enko", "-nen", "-sson", "-escu", "-shvili", "-opoulos". Endings that English
 * words share are left out ("-ian": Caucasian, Median; "-ak"; "-ic": pelvic; "-sen": worsen; "-idis": meningitidis),
 * and so are the eponyms and places that carry one of these endings ("Babinski", "Markov chain", "Alaska").
 */
const SURNAME_ENDING = new RegExp(
  '(?:'
  // Polish, Czech, Slovak, Russian, Ukrainian: -ski, -sky, -ska, -cki, -wicz, -czyk, -ová, -enko, -chuk.
  + 'sk[iyaá]|ck[iyaá]|dzk[ia]|wicz|cz[aeyu]k|ová|ovna|evna|enko|chuk|czuk'
  // Russian, Bulgarian, Chechen: -ov, -ova, -ev, -eva after a consonant, -iev, -yev.
  + '|[^aeiou][oe]va?|[iy]eva?'
  // South Slavic: -ović, -ević, -vich.
  + '|[oe]vi[cćč]h?'
  // Finnish: -nen after a vowel (Virtanen), -mäki, -lehto, -saari, -niemi, -järvi, -koski.
  + '|[aeiouyäö]nen|m[aä]ki|lehto|saari|niemi|j[aä]rvi|koski'
  // Swedish and Icelandic: -sson after a consonant (Karlsson; not Poisson), -dóttir.
  + '|[^aeiouys]sson|d[oó]ttir'
  // Romanian, Turkish, Georgian, Greek.
  + '|escu|o[gğ]lu|shvili|[^a]dze|opoulos|akis|oglou'
  + ')$', 'u');

/** Letters of SURNAME_ENDING's longest match ("opoulos"). */
const LONGEST_ENDING = 7;

/** Words, eponyms and places with a surname's ending, lower case: no person when written alone. */
const NOT_SURNAMES: ReadonlySet<string> = new Set([
  // Eponyms written alone in notes and papers ("negative Babinski", "a Markov model", "Karnofsky 80").
  'babinski', 'brudzinski', 'satinsky', 'ponsky', 'karnofsky', 'nikolsky', 'romanowsky', 'tarlov', 'markov', 'kolmogorov',
  'smirnov', 'ilizarov', 'adamkiewicz', 'korsakov', 'korsakova', 'pavlov', 'sokolov', 'chebyshev', 'lyapunov', 'mendeleev', 'lebedev',
  'paprosky', 'bielschowsky', 'krimsky', 'brodsky', 'lansky', 'jansky', 'rokitansky', 'pirogov', 'kozhevnikov', 'itsenko', 'bekhterev',
  'tikhonov', 'sobolev', 'kantorovich', 'minkowski', 'uukuniemi',
  // Places and institutions, their languages' names, brands and words.
  'alaska', 'nebraska', 'athabaska', 'geneva', 'casanova', 'villanova', 'whisky', 'husky', 'risky', 'frisky', 'pesky',
  'kiev', 'rostov', 'kharkov', 'chernobyl', 'sarajevo', 'pristina', 'padova', 'genova', 'mantova', 'cordova', 'polska', 'hrvatska',
  'svenska', 'slovenska', 'slaska', 'karolinska', 'sahlgrenska', 'akademiska', 'polski', 'srpski', 'kalashnikov', 'molotov', 'sikorsky',
  'tchaikovsky', 'supernova', 'lyumjev',
]);

/** A lower-case word of six letters or more whose ending marks it as a surname (see above). */
export function surnameByEnding(key: string): boolean {
  // The regex is anchored at the end only, and irregexp tries it from every position: its longest ending has 7
  // letters, so it is run on the last 7.
  return key.length >= 6 && SURNAME_ENDING.test(key.length > LONGEST_ENDING ? key.slice(-LONGEST_ENDING) : key) && !NOT_SURNAMES.has(key);
}
