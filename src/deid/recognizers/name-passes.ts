import { isKnownName, isUnambiguousName, lexicon } from '../lexicon/index.js';
import { surnameByEnding } from '../lexicon/surname-shapes.js';
import { TRIGGER_IS_WAS, TRIGGER_PERSON_VERB } from '../trigger-bits.js';
import { cleanGap, firstWordFrom, type Word } from '../words.js';
import {
  AFTER_NAME, AGE_AFTER_IS, CREDENTIALS, FAMILY_ROLES, HEADER_FIELDS, PERSON_ROLES, PERSON_VERBS, PROSE_PERSON_VERBS, RELATIONS, ROLE_FILLERS, ROLES,
  SURNAME_PARTICLES, TITLES, VERB_LIKE,
} from './name-cues.js';
import { namesAnInstrument } from './eponym-heads.js';
import { adverbOrRole, clauseStart, eponymUse, inSentence, medicalWord, nameLike, NameScan, surnameLike } from './name-scan.js';

/**
 * Name rules that run once over the whole note after the cue rules (names.ts): names before a person's verb, before a
 * listed surname, introduced by "is", signing the last line, a found name again wherever it recurs.
 */

/** Generational suffixes after a name: "Orvel Dankworth Jr.", "Orvel Dankworth, Sr.", "Orvel Dankworth III". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** What follows a suffix that closes the name: punctuation or a line's end, or a sentence's end. */
const AFTER_SUFFIX = /^(?:\.?[ \t]*(?:$|[\n,;)])|\.[ \t]+\p{Lu})/u;

export function nameSuffixes(s: NameScan): void {
  for (let p = s.marked.indexOf(1); p >= 0 && p + 1 < s.words.length; p = s.marked.indexOf(1, p + 1)) {
    const w = s.words[p + 1] as Word;
    if (s.marked[p + 1] !== 0 || !NAME_SUFFIXES.has(w.key)) continue;
    const surface = s.text.slice(w.start, w.end);
    // "Jr"/"Sr" may follow a comma. A numeral follows a given name and a surname, with no comma: "Dr. Chen, II.
    // Resident" opens a list, "Hess III" and "Kellgren-Lawrence IV" are grades.
    const abbreviation = /^[JS]r$/.test(surface);
    const numeral = /^[IV]+$/.test(surface) && p > 0 && s.marked[p - 1] === 1 && cleanGap((s.words[p] as Word).gapBefore);
    if (!(abbreviation ? /^,?[ \t]+$/.test(w.gapBefore) : numeral && /^[ \t]+$/.test(w.gapBefore))) continue;
    // The suffix closes the name: "Dr. Patel IV fluids", "Dr. Ferris Sr. resident" are a route and a rank.
    if (AFTER_SUFFIX.test(s.text.slice(w.end, w.end + 4))) s.marked[p + 1] = 1;
  }
}

export function andNames(s: NameScan): void {
  const words = s.words;
  // "Dr. Pellmore and Quadling aware", "dr. okoro and dr. lindqvist": a name, "and", a word, then a cue.
  // Words after a marked one only, found by indexOf (few words are marked; a mark set here, at i + 1, lies ahead).
  for (let p = s.marked.indexOf(1); p >= 0 && p + 3 < words.length; p = s.marked.indexOf(1, p + 1)) {
    const i = p + 1;
    const and = words[i] as Word;
    const c = words[i + 1] as Word;
    const a = words[i + 2] as Word;
    // In a mixed-case note the word is capitalised: "Ivanov and moved here" joins a verb, not a name.
    if ((and.key === 'and' || and.key === '&') && nameLike(c) && cleanGap(c.gapBefore) && (!s.mixed || c.capitalized)
      && /^[ \t]*$/.test(a.gapBefore) && AFTER_NAME.has(a.key) && !/^(?:to|and|is|was|has|will|in|at|with|from|of)$/.test(a.key)) {
      s.marked[i + 1] = 1;
    }
  }
}

export function beforePersonVerbs(s: NameScan): void {
  const words = s.words;
  // "After rounds, Teodric wishes ...", "social: ned called": a capitalised word mid-sentence (mixed-case notes) or a
  // listed given name, followed by a verb that people do in notes.
  for (let i = 0; i + 1 < words.length; i++) {
    // The cheap tests first, before any word is read: most words are followed by no person's verb.
    if (s.bits !== undefined ? ((s.bits[i + 1] as number) & TRIGGER_PERSON_VERB) === 0 : !PERSON_VERBS.has((words[i + 1] as Word).key)) continue;
    if (s.marked[i] === 1) {
      // "Orla Brennan lives at": a listed surname found already, its given name before it (not an adverb or an
      // occupation: "Previously Alvarez lived", "Pharmacist Nakamura listed").
      const p = s.at(i - 1);
      if (s.mixed && PROSE_PERSON_VERBS.has((words[i + 1] as Word).key) && p !== undefined && (isKnownName(p.key) || !adverbOrRole(p.key))) {
        twoWordNameBefore(s, i, words[i] as Word);
      }
      continue;
    }
    const w = words[i] as Word;
    const v = words[i + 1] as Word;
    const length = w.key.length;
    if (!/^[ \t]*$/.test(v.gapBefore) || w.single || length < 3) continue;
    // Tests that the chains below need only in their rarely reached last operands are made here, before them: the
    // code optimized on the first notes had no feedback for those operands and was thrown away at the first note
    // that reached one (4 times a run). Same results: the tests have no side effects.
    const known = isKnownName(w.key);
    const longKey = length >= 4;
    const given = lexicon.firstNames.has(w.key) && (nameLike(w) || lexicon.ambiguousNames.has(w.key)) && !/^(?:will|may|can|mark|sue)$/.test(w.key);
    // Verbs of prose ("lives", "began", "wrote") vouch for a listed given name or a two-word name alone: "Baby began",
    // "Technique explained", "Face moved" are no people.
    const proseVerb = PROSE_PERSON_VERBS.has(v.key);
    // Not a state or a country before "visited" ("Daughter from Florida visited").
    // A listed surname that is also a word counts as an unlisted word ("Tovald Young states").
    const capital = w.capitalized && nameLike(w) && inSentence(s, i) && (!known || lexicon.ambiguousNames.has(w.key)) && !proseVerb && !lexicon.states.has(w.key)
      && !lexicon.countries.has(w.key);
    const clauseVerb = /^(?:called|visited|phoned|arrived)$/.test(v.key);
    const single = (clauseVerb || (w.capitalized && !known && !VERB_LIKE.test(w.key))) && clauseStart(words, i) && surnameLike(s, w) && longKey && !proseVerb;
    const resident = s.mixed && (v.key === 'lives' || v.key === 'lived') && residentBefore(s, i);
    // Stored whatever the outcome (the mark is 0 here): a store made only for a name lacked feedback the same way.
    s.marked[i] = given || capital || single || resident ? 1 : 0;
    if (clauseVerb || (proseVerb && s.mixed)) twoWordNameBefore(s, i, w);
  }
}

/**
 * "Quillane lives on Strada Quenby 3", "Orvel lived at 255 Harbakken": in a mixed-case note, a capitalised word opening
 * its clause before "lives"/"lived" (word `i` + 1), then "on" or "at" and an address's first character (a number
 * or a capital). Not a relation, role or adverb ("Mother lives at", "Currently lives on Elm Street").
 */
function residentBefore(s: NameScan, i: number): boolean {
  const w = s.words[i] as Word;
  const prep = s.at(i + 2);
  return prep !== undefined && (prep.key === 'on' || prep.key === 'at') && prep.gapBefore === ' ' && /^ [\p{Lu}\d]/u.test(s.text.slice(prep.end, prep.end + 2))
    && w.capitalized && nameLike(w) && clauseStart(s.words, i) && !RELATIONS.has(w.key) && !FAMILY_ROLES.has(w.key) && !adverbOrRole(w.key)
    && !/^(?:every|some|any|no)(?:one|body)$/.test(w.key) && !PEOPLE_NOUNS.has(w.key);
}

/** Nouns for people and pets that open a sentence as a name does: "Veteran lives at 44 Elm Rd.", "Sitter lives on". */
const PEOPLE_NOUNS = new Set(['veteran', 'member', 'consumer', 'client', 'resident', 'youth', 'teen', 'teenager', 'baby', 'infant', 'toddler',
  'child', 'kid', 'minor', 'individual', 'donor', 'recipient', 'subject', 'woman', 'man', 'gentleman', 'lady', 'female', 'male', 'boy', 'girl',
  'twin', 'couple', 'household', 'boarder', 'sitter', 'hha', 'pca', 'aide', 'dog', 'cat', 'pet', 'alone', 'caller', 'tenant', 'owner',
  'student', 'worker', 'retiree', 'widow', 'widower', 'spouse', 'parent', 'parents', 'caregiver', 'grandmother', 'grandfather', 'grandma',
  'grandpa', 'stepmother', 'stepfather', 'roommate', 'housemate', 'landlord', 'employer', 'group', 'nobody']);

/**
 * "LINGLEKER VINTOSHAN CALLED TO BEDSIDE", "Toshleker Zorduskan arrived": a two-word name opening the clause, before
 * the word `i` (w), which a verb such as "called" follows. A function of its own: its tests run only there.
 */
function twoWordNameBefore(s: NameScan, i: number, w: Word): void {
  const p = s.at(i - 1);
  if (p !== undefined && s.marked[i - 1] === 0 && cleanGap(w.gapBefore) && clauseStart(s.words, i - 1) && surnameLike(s, p) && surnameLike(s, w)
    && p.key.length >= 4 && w.key.length >= 4) {
    s.marked[i - 1] = 1;
    s.marked[i] = 1;
  }
}

export function beforeListedSurname(s: NameScan): void {
  const words = s.words;
  // "fenna rourke is a 58 yr old": the word before a listed surname, at the start of a line or after "(".
  // Marked words only (a mark set here lies behind, where the loop has been). A line starts at the note's start or
  // after a line break: a gap of spaces alone is a line's start only before the first word ("at this time Quenby" is
  // no name).
  for (let i = s.marked.indexOf(1, 1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    if (s.marked[i - 1] !== 0) continue;
    const w = words[i] as Word;
    const p = words[i - 1] as Word;
    if (isUnambiguousName(w.key) && lexicon.surnames.has(w.key) && cleanGap(w.gapBefore)
      && nameLike(p) && !p.single && p.key.length >= 3 && !VERB_LIKE.test(p.key) && ((i === 1 && /^[ \t]*$/.test(p.gapBefore)) || /[\n(][ \t]*$/.test(p.gapBefore))) {
      s.marked[i - 1] = 1;
    }
  }
}

/**
 * Relations, person roles and family roles in one set, less the plurals (those ending in "s": "sons" are not one
 * person): one look-up for the word after "is", not three and a test for the plural only where one was found (that
 * test first ran long after the rule had been optimized, and threw its code away).
 */
const ROLES_AFTER_IS: ReadonlySet<string> = new Set([...RELATIONS, ...PERSON_ROLES, ...FAMILY_ROLES].filter((role) => !/s$/.test(role)));

export function introducedByIs(s: NameScan): void {
  const words = s.words;
  // "Bo Tarrant is a 47 y/o retired joiner", "Orlaith acts as proxy": one to three name-like words opening a line or
  // sentence, then "is" and an age or a person's role in the patient's life.
  for (let i = 1; i + 1 < words.length; i++) {
    if (s.bits !== undefined && ((s.bits[i] as number) & TRIGGER_IS_WAS) === 0) continue;
    const is = words[i] as Word;
    if ((is.key !== 'is' && is.key !== 'was') || !cleanGap(is.gapBefore)) continue;
    let k = i + 1;
    const introducesAge = (s.at(k)?.key === 'a' || s.at(k)?.key === 'an') && AGE_AFTER_IS.test(s.text.slice((s.at(k) as Word).end, (s.at(k) as Word).end + 16));
    while (k < words.length && k < i + 4 && ROLE_FILLERS.has((s.at(k) as Word).key) && cleanGap((s.at(k) as Word).gapBefore)) k++;
    const role = s.at(k);
    const introducesRole = role !== undefined && cleanGap(role.gapBefore) && ROLES_AFTER_IS.has(role.key);
    if (!introducesAge && !introducesRole) continue;
    let first = i;
    while (first > 0 && first > i - 3) {
      const c = s.at(first - 1) as Word;
      const after = s.at(first) as Word;
      if (first < i && !cleanGap(after.gapBefore)) break;
      // The cue words first: they are tested at every "is a 45-year-old", surnameLike's words are not (an operand
      // first reached long after the rule was optimized throws its code away). Same result: no test has side effects.
      if (c.single || ROLES.has(c.key) || RELATIONS.has(c.key) || HEADER_FIELDS.has(c.key) || !(isKnownName(c.key) || surnameLike(s, c))) break;
      first--;
    }
    const opener = s.at(first);
    if (first < i && opener !== undefined && (first === 0 || /(?:^|\n|[.!?;:(]|[ \t]-)[ \t]*$/.test(opener.gapBefore))) {
      for (let j = first; j < i; j++) s.marked[j] = 1;
    }
  }
}

export function lastLineSignature(s: NameScan): void {
  const words = s.words;
  // A signature without a credential: the note's last line is two or three capitalised name-like words ("Wilma
  // Treadway"), in a mixed-case note, where capitals mean something; not an order such as "Cont Abx".
  if (s.mixed && words.length > 3) {
    let first = words.length - 1;
    while (first > words.length - 3 && cleanGap((words[first] as Word).gapBefore)) first--;
    const last = words[words.length - 1] as Word;
    const line = words.slice(first, words.length);
    const onOwnLine = /\n[ \t]*$/.test((words[first] as Word).gapBefore) && /^[ \t\r\n]*$/.test(s.text.slice(last.end));
    if (line.length >= 2 && onOwnLine && line.every((w) => w.capitalized && nameLike(w) && !w.single && !lexicon.ambiguousNames.has(w.key))
      && (line.some((w) => isKnownName(w.key)) || line.every((w) => w.key.length >= 4 && !VERB_LIKE.test(w.key)))) {
      for (let j = first; j < words.length; j++) s.marked[j] = 1;
    }
  }
}

export function givenBeforeSurname(s: NameScan): void {
  const words = s.words;
  // "(Imelda Bartlett)": in mixed-case notes, a capitalised word right before a listed surname is its given name.
  if (s.mixed) {
    for (let i = s.marked.indexOf(1, 1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
      if (s.marked[i - 1] !== 0) continue;
      const w = words[i] as Word;
      const p = words[i - 1] as Word;
      // Or a listed given name before a surname found ("Jan Kowalczyk called": the surname by its ending), at a
      // sentence's start too.
      if (p.capitalized && nameLike(p) && cleanGap(w.gapBefore) && !TITLES.has(p.key)
        && ((lexicon.surnames.has(w.key) && inSentence(s, i - 1)) || (lexicon.firstNames.has(p.key) && !lexicon.firstNames.has(w.key)))) {
        s.marked[i - 1] = 1;
      }
    }
  }
}

/** Words after a hyphen that make a compound of the word before, not a surname's second part ("X-like", "X-type"). */
const HYPHEN_SUFFIXES = new Set(['like', 'type', 'related', 'associated', 'induced', 'based', 'year', 'years', 'old', 'ray', 'positive',
  'negative', 'mediated', 'dependent', 'sensitive', 'resistant', 'free', 'specific', 'shaped', 'style', 'era', 'side', 'day', 'week', 'month']);
/** What closes a name's field after a middle name or an initial: two spaces, a line's end, a comma or a bar. */
const FIELD_END = /^\.?(?:[ \t]{2,}|[ \t]*(?:\r?\n|$|[,;|]))/;

/**
 * The parts a name found may still lack: a double-barrelled surname's second part in a single-case note
 * ("orvelby-quenby", "QUENBY-ORVELBY"; secondBarrel takes capitalised ones), a listed given name right before it in a
 * single-case note ("bill lindqvist"), an initial right before it ("B. Quenby"), and a middle name or initial closing a
 * "Surname, Given" field ("QUENBY, TOVALD L", "Orvelby, Ilsa W.").
 */
export function extendNames(s: NameScan): void {
  const words = s.words;
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = words[i] as Word;
    const next = words[i + 1];
    if (next !== undefined && s.marked[i + 1] === 0) {
      // A listed name or one shaped like a surname: not "QUENBY-VM", "quenby-tele", "X-NEIGHBOR".
      const barrel = next.gapBefore === '-' && !next.single && nameLike(next) && !HYPHEN_SUFFIXES.has(next.key) && !s.mixed
        && (isKnownName(next.key) || surnameByEnding(next.key));
      // Not the sex's letter after the name ("Orvelby, Ilsa F").
      const middle = i > 0 && s.marked[i - 1] === 1 && /^,[ \t]*$/.test(w.gapBefore) && cleanGap(next.gapBefore)
        && (next.single ? next.key !== 'f' && next.key !== 'm' : nameLike(next) && (!s.mixed || next.capitalized))
        && FIELD_END.test(s.text.slice(next.end, next.end + 4));
      if (barrel || middle) s.marked[i + 1] = 1;
    }
    const prev = words[i - 1];
    if (!s.mixed && prev !== undefined && s.marked[i - 1] === 0 && cleanGap(w.gapBefore) && lexicon.firstNames.has(prev.key)
      && !lexicon.stop.has(prev.key) && !TITLES.has(prev.key) && !RELATIONS.has(prev.key) && !ROLES.has(prev.key)) {
      s.marked[i - 1] = 1;
    }
    // "B. Quenby", "l. orvelby", "Dr A Quenby": an initial right before a name found, with its period, or after a title.
    if (prev !== undefined && s.marked[i - 1] === 0 && prev.single && (/^\.[ \t]+$/.test(w.gapBefore) || (cleanGap(w.gapBefore)
      && TITLES.has(words[i - 2]?.key ?? '') && /^\.?[ \t]+$/.test(prev.gapBefore))) && (!s.mixed || /[A-Z]/.test(s.text.charAt(prev.start)))) {
      s.marked[i - 1] = 1;
    }
  }
}

/**
 * "Rosemary (daughter)", "Faith (wife, HCP)": in a mixed-case note, a listed name right before a bracket that opens
 * with a relation is a person, one that is also a word too; a capitalised given name before it as well ("Ilsa Young
 * (sister)"). Found from the note's brackets.
 */
export function namedBeforeRelation(s: NameScan): void {
  if (!s.mixed) return;
  const words = s.words;
  for (let at = s.text.indexOf('('); at >= 0; at = s.text.indexOf('(', at + 1)) {
    const k = firstWordFrom(words, at + 1);
    const relation = words[k];
    const name = words[k - 1];
    if (relation === undefined || name === undefined || !/^[ \t]*\($/.test(relation.gapBefore) || !RELATIONS.has(relation.key)
      || relation.key === 'other' || relation.key === 'contact' || relation.key === 'law') continue;
    // A listed given name only: a family history lists conditions so ("Diabetes (mother)"), eponyms' too ("Graves
    // (sister)"); a surname with its given name before it.
    if (!name.capitalized || name.single || !nameLike(name) || medicalWord(name)
      || !(lexicon.firstNames.has(name.key) || (lexicon.surnames.has(name.key) && givenBefore(s, k - 1)))) continue;
    s.marked[k - 1] = 1;
    if (givenBefore(s, k - 1)) s.marked[k - 2] = 1;
  }
}

/** A capitalised given name right before word `i`: "Ilsa Young". */
function givenBefore(s: NameScan, i: number): boolean {
  const given = s.words[i - 1];
  return given !== undefined && cleanGap((s.words[i] as Word).gapBefore) && given.capitalized && lexicon.firstNames.has(given.key) && !lexicon.stop.has(given.key);
}

/** A number's field label after a word: "SID #: 0887", "Ref No: 12" (a name before a pager has no colon: "Quenby #4410"). */
const NUMBER_LABEL_AFTER = /^[ \t]*(?:#[ \t]*:|(?:No|NO|no)\.?[ \t]*:)/;

/** A word marked that names a number's field ("SID #: 08871442": a state's identifier, not Sid) is no name. */
export function numberLabels(s: NameScan): void {
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = s.words[i] as Word;
    if (NUMBER_LABEL_AFTER.test(s.text.slice(w.end, w.end + 8))) s.marked[i] = 0;
  }
}

export function propagateNames(s: NameScan): void {
  const words = s.words;
  // A word found as a name by context is a name wherever else it appears in the note ("Teodric ... Teodric wishes").
  const found = new Set<string>();
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = words[i] as Word;
    if (!w.single && w.key.length >= 3 && nameLike(w) && !lexicon.ambiguousNames.has(w.key) && !VERB_LIKE.test(w.key)) found.add(w.key);
  }
  if (found.size > 0) {
    // The lengths of the found names, one bit each (from the shape: up to 31): most words differ and need no hashed
    // look-up, nor a read of their key.
    let lengths = 0;
    for (const k of found) lengths |= 1 << Math.min(k.length, 31);
    for (let i = 0; i < words.length; i++) {
      if (s.marked[i] !== 0) continue;
      const w = words[i] as Word;
      if ((lengths & (1 << (w.shape >>> 15))) !== 0 && found.has(w.key) && (!s.mixed || w.capitalized || !/[A-Z]/.test(s.text.slice(w.start, w.end)))
        && !namesAnInstrument(words, s.text, i) && !devicePart(s, i)) s.marked[i] = 1; // "Dr. Morse ... Morse fall scale 45": the scale
    }
  }
}

/** Devices, instruments and parts of the body named after people ("a Quenby catheter", "IAN block"). */
const DEVICE_PARTS = new Set(['catheter', 'tube', 'splint', 'ring', 'band', 'valve', 'stent', 'forceps', 'retractor', 'clamp', 'needle', 'drain',
  'sheath', 'shunt', 'arm', 'block', 'nerve', 'canal', 'dynamometer', 'suture', 'sponge', 'laryngoscope', 'probe', 'scissors', 'elevator', 'dissector']);

/**
 * Word `i` names a device, an instrument or a part of the body ("Orvel-Quenby splint", "a Quenby catheter"), an
 * eponym's use (eponymUse) followed by one within two words; not "Quenby chart reviewed" or "ORVEL CELL 508-555-0143".
 */
function devicePart(s: NameScan, i: number): boolean {
  return eponymUse(s, i) && (DEVICE_PARTS.has(s.at(i + 1)?.key ?? '') || DEVICE_PARTS.has(s.at(i + 2)?.key ?? ''));
}

export function particleSurnames(s: NameScan): void {
  // "Dr. Hendrik van der Berg", "Marisol de la Cruz": after a name found, one to three particles (lower case in a
  // mixed-case note) and a capitalised word complete the name.
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    let j = i + 1;
    while (j - i <= 3) {
      const p = s.at(j);
      if (p === undefined || !SURNAME_PARTICLES.has(p.key) || !cleanGap(p.gapBefore) || (s.mixed && p.capitalized)) break;
      j++;
    }
    const surname = s.at(j);
    if (j === i + 1 || surname === undefined || !cleanGap(surname.gapBefore) || !nameLike(surname) || surname.single) continue;
    // In a single-case note a listed name only: "DR QUENBY TEN MINUTES AGO", "DR PATEL DA VINCI ROBOT".
    if ((s.mixed ? !surname.capitalized : !isKnownName(surname.key)) || medicalWord(surname) || eponymUse(s, j)) continue;
    for (let k = i + 1; k <= j; k++) s.marked[k] = 1;
    i = j;
  }
}

export function nicknames(s: NameScan): void {
  // "Clementine Quenby (Clem)": a capitalised word alone in brackets right after a name found is what the person is
  // called. Words after a marked one only (a mark set here lies ahead, past the bracket).
  // In quotes too, the surname after them ('Virginia "Ginny" Tolliver', 'Quenby, Beauregard ("Beau")').
  for (let i = s.marked.indexOf(1); i >= 0; i = s.marked.indexOf(1, i + 1)) {
    const w = s.at(i + 1);
    const after = s.at(i + 2);
    // A nickname found already as a listed name still leads to the surname after its quote.
    if (w === undefined || !/^[ \t]*(?:\(|\(?["“])$/.test(w.gapBefore) || !w.capitalized || !nameLike(w) || medicalWord(w)) continue;
    const quoted = !w.gapBefore.includes('(');
    const close = after === undefined ? s.text.slice(w.end, w.end + 2) : after.gapBefore;
    if (!(quoted ? /^["”]/ : /^(?:["”])?\)/).test(close)) continue;
    // A nickname goes on to the surname or ends the name, not a sentence in lower case ('Quenby "Stat" consult').
    if (quoted && after !== undefined && /^["”][ \t]+$/.test(after.gapBefore) && !after.capitalized) continue;
    // A listed given name, or the start of the name's own words ("Clementine ... (Clem)"): not "(Interpreter)", "(Deceased)".
    // A quoted word right after a name is what the person is called.
    let shortened = false;
    for (let k = i; k >= 0 && k > i - 3 && s.marked[k] === 1; k--) if ((s.words[k] as Word).key.startsWith(w.key) && w.key.length >= 4) shortened = true;
    if (!shortened && !lexicon.firstNames.has(w.key) && !/["“]/.test(w.gapBefore)) continue;
    s.marked[i + 1] = 1;
    if (quoted && after !== undefined && /^["”][ \t]+$/.test(after.gapBefore) && after.capitalized && nameLike(after) && !medicalWord(after)) s.marked[i + 2] = 1;
  }
}

/** What may open a list's line before a name: the line's start, a number ("2."), a bullet, or a dash after a label. */
const LIST_LINE_START = /(?:^|\n)[ \t]*(?:(?:\d{1,3}[.)]|[-•*])[ \t]*)?$|[ \t]-[ \t]+$/;

export function surnameCommaGiven(s: NameScan): void {
  // "2. TUPOU, Sione", "VAN ASPEREN, Hendrika", "Critical value - QUENBY, A": a surname in capitals opening a list's
  // line, a comma, and a given name (listed) or an initial; a middle name or initial after it too ("DEWITT, HORACE L").
  // The words before a comma only, found by indexOf (a test at every word cost 4% of a pass, a search for " - " 2%).
  const words = s.words;
  const text = s.text;
  // Quoted fields only where the note has a double quote (most have none: quotedSurname is not tried at their commas).
  const quotes = text.includes('"');
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    // The word before the comma, if it ends in a capital (most words before a comma do not), or opens a quoted CSV
    // field before a capitalised word ('"Quarrendon, Emiko"').
    const c = text.charCodeAt(comma - 1);
    if (!((c >= 65 && c <= 90) || c >= 128) && !(quotes && quotedSurname(text, comma))) continue;
    let lo = 0, hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((words[mid] as Word).start < comma) lo = mid;
      else hi = mid - 1;
    }
    listedSurnameAt(s, lo);
  }
}

/** '"Quenby, Ann"': a capitalised word opening a quoted field, a comma, a space and a capital (text[comma] is the comma). */
function quotedSurname(text: string, comma: number): boolean {
  const next = text.charCodeAt(comma + 2);
  if (text.charCodeAt(comma + 1) !== 32 || !(next >= 65 && next <= 90)) return false;
  // Back over the word's letters to its first: a quote must stand before it.
  let k = comma - 1;
  while (k > 0 && comma - k < 24 && text.charCodeAt(k - 1) !== 34 && /[\p{L}'’-]/u.test(text.charAt(k - 1))) k--;
  return text.charCodeAt(k - 1) === 34 && /\p{Lu}/u.test(text.charAt(k));
}

/** What may open a table's cell or a CSV field before a name: "| ", ",", '"'. */
const CELL_START = /(?:\|[ \t]*|(?:^|[\n,;])"?)$/;
/**
 * What follows a patient's name in a list, table or CSV row and no problem's, drug's or heading's words ("DIET, Regular",
 * "PENICILLIN, Rash", "| ATORVASTATIN, Lipitor / 40 mg |", '"Insulin, Glargine",10 units'): the record number after a
 * slash or in the next cell, an identifier's label, an age and sex ("67M"), an identifier, or the next field's record number, sex or date
 * (after a quoted field's end too).
 */
const AFTER_LISTED_NAME = /^[ \t]*(?:[\/|][ \t]*[A-Z]{0,4}-?\d{5,}|(?:NHS|NHI|MRN|UR|DOB|ID|URN|CHI)\b|\d{1,3}[ \t]?[MF]\b|[A-Z]{0,4}\d{5,}|"?[,;][ \t]*"?(?:[A-Z]{0,4}-?\d{4,}|[MF]\b|\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}))/;
/** What else may follow a listed given name there: the line's, a cell's or a field's end, a dash, a bracket. */
const AFTER_KNOWN_NAME = /^[ \t]*(?:$|\n|\||,|-[ \t]|\()/;

/** surnameCommaGiven at word i, the word before a comma. */
function listedSurnameAt(s: NameScan, i: number): void {
  const words = s.words;
  const given = words[i + 1];
  if (given === undefined || given.gapBefore.charCodeAt(0) !== 44 || !/^,[ \t]+$/.test(given.gapBefore)) return;
  const w = words[i] as Word;
  const surface = s.text.slice(w.start, w.keyEnd);
  // A quoted CSV field may hold the surname in title case; elsewhere it is in capitals.
  const quoted = s.text.charCodeAt(w.start - 1) === 34 && /^\p{Lu}\p{Ll}/u.test(surface) && s.mixed;
  // Four letters at least ("HTN", "DM", "UTI" are a list's problems, not surnames).
  if (w.key.length < (quoted ? 2 : 4) || !(quoted || /^(?:Ma?c)?\p{Lu}[\p{Lu}'’-]+$/u.test(surface)) || lexicon.stop.has(w.key) || medicalWord(w)) return;
  let first = i;
  const particle = s.at(i - 1);
  if (particle !== undefined && SURNAME_PARTICLES.has(particle.key) && cleanGap(w.gapBefore)) first = i - 1;
  const opener = s.text.slice(Math.max(0, (words[first] as Word).start - 12), (words[first] as Word).start);
  const inCell = CELL_START.test(opener);
  if (!LIST_LINE_START.test(opener) && !inCell) return;
  const middle = s.at(i + 2);
  // An initial: a capital alone, then its period, the line's end or a name's capital; not a credential's letters
  // ("XYZ, D.C."), an article ("A 67 year old") or a word's first letter ("A1c").
  const initial = (m: Word | undefined): boolean => m !== undefined && m.single && /^\p{Lu}(?:\.(?!\p{L}\.)|[ \t]*(?:\n|$)|[ \t]+\p{Lu})/u.test(s.text.slice(m.start, m.start + 4));
  const hasMiddle = middle !== undefined && cleanGap(middle.gapBefore) && (initial(middle) || isUnambiguousName(middle.key));
  // An unlisted given name when the surname is a listed one and the line ends with the name ("2. QUENBY, Sione").
  const lineEnds = /^[ \t.]*(?:\n|$)/.test(s.text.slice((hasMiddle ? middle : given).keyEnd, (hasMiddle ? middle : given).keyEnd + 4));
  const listedSurname = lexicon.surnames.has(w.key) && given.capitalized && !lexicon.stop.has(given.key) && !medicalWord(given);
  // An unlisted given name in title case, closed as a list's, a table's or a row's name is ("| OKONTA, Chidera / TC...",
  // "2. TAUFA, Losana  NHS ...", '"Quarrendon, Emiko",'); not a problem list's words ("COPD, Asthma and ...").
  const end = (hasMiddle ? middle : given).keyEnd;
  // In a table's cell or a CSV field of a note in capitals the given name is in capitals too ("| QUENBY, ORVELINA | TC0049222 | 71F |").
  const givenSurface = s.text.slice(given.start, given.keyEnd);
  const titled = (s.mixed ? /^\p{Lu}\p{Ll}/u.test(givenSurface) : inCell && /^\p{Lu}+$/u.test(givenSurface)) && given.key.length >= 3 && !lexicon.stop.has(given.key)
    && !CREDENTIALS.has(given.key)
    && !medicalWord(given) && (isKnownName(given.key) || !VERB_LIKE.test(given.key))
    && (AFTER_LISTED_NAME.test(s.text.slice(end, end + 16)) || (isKnownName(given.key) && AFTER_KNOWN_NAME.test(s.text.slice(end, end + 4))))
    // A quoted field ('"Cortisol, Random",2024-05-02') needs a listed name in it or the next field a sex.
    && (!quoted || ((s.text.indexOf('"', end) === end || /^[ \t]+\p{Lu}\p{Ll}*"/u.test(s.text.slice(end, end + 24)))
      && (isKnownName(given.key) || isKnownName(w.key) || surnameByEnding(w.key) || /^"?[ \t]*[,;][ \t]*"?[MF]\b/.test(s.text.slice(end, end + 6)))));
  // A second given name in title case, closed the same way ("TAUFA, Losana Akesa  NHS ...").
  const secondGiven = !hasMiddle && !titled && middle !== undefined && cleanGap(middle.gapBefore) && s.mixed && given.capitalized
    && /^\p{Lu}\p{Ll}/u.test(s.text.slice(middle.start, middle.keyEnd)) && !lexicon.stop.has(middle.key) && !medicalWord(middle)
    && AFTER_LISTED_NAME.test(s.text.slice(middle.keyEnd, middle.keyEnd + 16));
  if (!(initial(given) || isUnambiguousName(given.key) || (listedSurname && lineEnds) || titled || secondGiven)) return;
  for (let k = first; k <= i + 1; k++) s.marked[k] = 1;
  if (hasMiddle || secondGiven) s.marked[i + 2] = 1;
}
