import test from 'node:test';
import assert from 'node:assert/strict';
import { builtinMatcher, EntityMatcher, linkWithAbbreviations, type LinkedSpan } from '../../src/ontology/index.js';
import { americanSpelling } from '../../src/ontology/normalize.js';
import { hashAsciiLower } from '../../src/ontology/token-table.js';
import { keyHash } from '../../src/ontology/text-token-cache.js';
import { TextBytes } from '../../src/ontology/text-bytes.js';
import { childTokenBit } from '../../src/ontology/edge-table.js';
import { loadMatcher } from '../../src/ontology/node-io.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import type { CorpusDocument } from '../../src/corpus/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const brief = (spans: LinkedSpan[]): string[][] => spans.map((s) => [s.text, s.id]);

/** Two different 6-letter lower-case words with the same `hash` (pseudo-random words until two collide). */
function collidingWords(hash: (word: string) => number): [string, string] {
  const seen = new Map<number, string>();
  for (let n = 0; ; n++) {
    let w = '';
    for (let x = n * 2654435761 >>> 0, i = 0; i < 6; i++, x = Math.imul(x ^ (x >>> 13), 0x5bd1e995) >>> 0) w += String.fromCharCode(97 + (x % 26));
    const other = seen.get(hash(w));
    if (other !== undefined && other !== w) return [other, w];
    seen.set(hash(w), w);
  }
}

test('built-in lexicon: variants of case, hyphen, Greek, plural and possessive link to one concept', async () => {
  const matcher = await builtinMatcher();
  assert.ok(matcher.concepts.length >= 150);
  const text = "TNF-α and TNF alpha rose in Alzheimer's disease and breast cancers; Type 2 diabetes, paracetamol.";
  assert.deepEqual(brief(matcher.match(text)), [
    ['TNF-α', 'HGNC:11892'], ['TNF alpha', 'HGNC:11892'], ["Alzheimer's disease", 'MESH:D000544'],
    ['breast cancers', 'MESH:D001943'], ['Type 2 diabetes', 'MESH:D003924'], ['paracetamol', 'MESH:D000082'],
  ]);
});

test('offsets index the original text, also after multi-byte and Greek characters', async () => {
  const matcher = await builtinMatcher();
  const text = 'Naïve µ-patients: IFN-γ → cisplatin-induced nephrotoxicity; cisplatin.';
  const spans = matcher.match(text);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  assert.deepEqual(brief(spans), [['IFN-γ', 'HGNC:5438'], ['cisplatin', 'MESH:D002945'], ['cisplatin', 'MESH:D002945']]);
});

test('longest match wins and matches stop at word boundaries', async () => {
  const matcher = await builtinMatcher();
  assert.deepEqual(brief(matcher.match('lung cancer, cancer')), [['lung cancer', 'MESH:D008175'], ['cancer', 'MESH:D009369']]);
  assert.deepEqual(brief(matcher.match('IL6R and IL-6R are other genes; IL6 is not')), [['IL6', 'HGNC:6018']]);
  assert.deepEqual(brief(matcher.match('insulinoma, aspirinated')), []);
});

test('case-sensitive names (symbols) need their case; common words and tiny names are not names', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'HGNC:1516', type: 'gene', preferredName: 'CAT', synonyms: ['catalase', 'MRI'] });
  matcher.add({ id: 'HGNC:11892', type: 'gene', preferredName: 'TNF', synonyms: ['tumor necrosis factor'] });
  matcher.add({ id: 'HGNC:6018', type: 'gene', preferredName: 'IL6', synonyms: ['a4'] });
  matcher.add({ id: 'MESH:D007854', type: 'chemical', preferredName: 'Lead', synonyms: [] });
  matcher.add({ id: 'HGNC:1', type: 'gene', preferredName: 'AT', synonyms: [] });
  // CAT and Lead are common words (stop names); `catalase`, a gene's one-word name, is a symbol: exact case;
  // MRI is a three-capital alias; AT and a4 are too short; IL6 needs its letters and digit together or hyphenated.
  const text = 'The cat had CAT, catalase, Catalase; lead may lead; AT at 5; MRI; TNF, tnf, Tumor Necrosis Factor; IL6, IL-6, IL 6; a4';
  assert.deepEqual(brief(matcher.match(text)), [
    ['catalase', 'HGNC:1516'], ['TNF', 'HGNC:11892'], ['Tumor Necrosis Factor', 'HGNC:11892'], ['IL6', 'HGNC:6018'], ['IL-6', 'HGNC:6018']]);
});

test('a one-word disease or chemical name in capitals is a word in any case; a shorter one, a participle or a gene\'s stays exact', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D001008', type: 'disease', preferredName: 'Anxiety Disorders', synonyms: ['ANXIETY', 'INCLUDED'] });
  matcher.add({ id: 'MESH:C1', type: 'chemical', preferredName: 'HEPES', synonyms: [] });
  matcher.add({ id: 'HGNC:2', type: 'gene', preferredName: 'NOTCHY', synonyms: [] });
  const text = 'Anxiety and anxiety, ANXIETY; hepes, HEPES; notchy, NOTCHY; were included.';
  assert.deepEqual(brief(matcher.match(text)), [
    ['Anxiety', 'MESH:D001008'], ['anxiety', 'MESH:D001008'], ['ANXIETY', 'MESH:D001008'], ['HEPES', 'MESH:C1'], ['NOTCHY', 'HGNC:2']]);
});

test('ambiguity: MeSH descriptor > supplementary > other > HGNC, then preferred name, then id; losers listed', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'HGNC:6081', type: 'gene', preferredName: 'INS', synonyms: ['insulin'] });
  matcher.add({ id: 'MESH:D007328', type: 'chemical', preferredName: 'Insulin', synonyms: [] });
  matcher.add({ id: 'MESH:C000002', type: 'chemical', preferredName: 'Foo B', synonyms: ['foolin'] });
  matcher.add({ id: 'MESH:C000001', type: 'chemical', preferredName: 'Foo A', synonyms: ['foolin'] });
  matcher.add({ id: 'MESH:C000003', type: 'chemical', preferredName: 'Foolin', synonyms: [] });
  const [insulin, foolin] = matcher.match('insulin and foolin');
  assert.equal(insulin.id, 'MESH:D007328');
  assert.deepEqual(insulin.alternatives, ['HGNC:6081']);
  assert.equal(foolin.id, 'MESH:C000003'); // its preferred name
  assert.deepEqual(foolin.alternatives, ['MESH:C000001', 'MESH:C000002']);
});

test("MeSH's inverted names are also matched in natural order", () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D003924', type: 'disease', preferredName: 'Diabetes Mellitus, Type 2', synonyms: [] });
  assert.deepEqual(brief(matcher.match('type 2 diabetes mellitus; Diabetes Mellitus, Type 2')), [
    ['type 2 diabetes mellitus', 'MESH:D003924'], ['Diabetes Mellitus, Type 2', 'MESH:D003924']]);
});

test('inverted and hyphen-less variants follow their rules: one ", ", no digit before it, hyphens joined left to right', () => {
  const matcher = new EntityMatcher();
  // Natural order, and in both orders the letter-letter hyphens joined as a regex replace joins them: a join takes
  // both letters, so in `Factor A-B-C` only the first hyphen goes (`Factor Ab-C`; no `Factor Abc`).
  matcher.add({ id: 'MESH:D000001', type: 'chemical', preferredName: 'Blockers, Anti-Beta-Adrenergic', synonyms: ['Factor A-B-C'] });
  // A digit before the comma, or two commas: not inverted.
  matcher.add({ id: 'MESH:D000002', type: 'gene', preferredName: 'Interleukin 2, Human', synonyms: ['Kinase, Tyrosine, Src'] });
  const text = 'antibetaadrenergic blockers; blockers, antibetaadrenergic; factor ab c; factor abc; human interleukin 2; '
    + 'Interleukin 2, Human; src tyrosine kinase; Kinase, Tyrosine, Src';
  assert.deepEqual(brief(matcher.match(text)), [
    ['antibetaadrenergic blockers', 'MESH:D000001'], ['blockers, antibetaadrenergic', 'MESH:D000001'],
    ['factor ab c', 'MESH:D000001'], ['Interleukin 2, Human', 'MESH:D000002'], ['Kinase, Tyrosine, Src', 'MESH:D000002']]);
});

test("a concept's names and variants are indexed once each, however often they repeat", () => {
  const matcher = new EntityMatcher();
  // 'Heart Attack' (three times, once untrimmed), 'Heart-Attack' and its hyphen-less 'Heartattack': three names.
  matcher.add({ id: 'MESH:D009203', type: 'disease', preferredName: 'Heart Attack', synonyms: ['Heart Attack', ' Heart Attack ', 'Heart-Attack'] });
  assert.equal(matcher.size.names, 3);
});

test('abbreviations defined in the text take their long form concept', async () => {
  const matcher = await builtinMatcher();
  const text = 'Patients with atrial fibrillation (AF) and streptozotocin (STZ)-treated rats. AF recurred; STZ, STZs, AFX.';
  const spans = linkWithAbbreviations(matcher, text);
  assert.deepEqual(brief(spans), [
    ['atrial fibrillation', 'MESH:D001281'], ['AF', 'MESH:D001281'], ['streptozotocin', 'MESH:D013311'], ['STZ', 'MESH:D013311'],
    ['AF', 'MESH:D001281'], ['STZ', 'MESH:D013311'],
  ]);
  // Without the document's definitions `AF` is not linked (two capitals are not indexed); STZ is a listed synonym.
  assert.deepEqual(brief(matcher.match(text)).map(([t]) => t), ['atrial fibrillation', 'streptozotocin', 'STZ', 'STZ']);
});

test('adjectives of one-word disease names and hyphen-less spellings also match', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D006973', type: 'disease', preferredName: 'Hypertension', synonyms: [] });
  matcher.add({ id: 'MESH:D004827', type: 'disease', preferredName: 'Epilepsy', synonyms: [] });
  matcher.add({ id: 'MESH:D013927', type: 'disease', preferredName: 'Thrombosis', synonyms: [] });
  matcher.add({ id: 'MESH:D000893', type: 'chemical', preferredName: 'Anti-Inflammatory Agents', synonyms: [] });
  matcher.add({ id: 'MESH:D999999', type: 'chemical', preferredName: 'Emulsion', synonyms: [] }); // not a disease: no adjective
  assert.deepEqual(brief(matcher.match('hypertensive and epileptic rats, thrombotic events, antiinflammatory agents, emulsive')), [
    ['hypertensive', 'MESH:D006973'], ['epileptic', 'MESH:D004827'], ['thrombotic', 'MESH:D013927'],
    ['antiinflammatory agents', 'MESH:D000893']]);
});

test('plural rules in running text agree with singular() for every suffix rule', () => {
  const matcher = new EntityMatcher();
  const names = ['Seizure', 'Artery', 'Abscess', 'Reflex', 'Branch', 'Rash', 'Psoriasis', 'Virus', 'Herpes'];
  names.forEach((name, i) => matcher.add({ id: `MESH:D${i}`, type: 'disease', preferredName: name, synonyms: [] }));
  const text = 'SEIZURES arteries Abscesses reflexes branches rashes psoriasis viruses herpes Virus';
  assert.deepEqual(matcher.match(text).map((s) => s.text), [
    'SEIZURES', 'arteries', 'Abscesses', 'reflexes', 'branches', 'rashes', 'psoriasis', 'herpes', 'Virus']);
});

test('abbreviations defined the other way round, `SF (long form)`', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D015215', type: 'chemical', preferredName: 'Zidovudine', synonyms: [] });
  const spans = linkWithAbbreviations(matcher, 'AZT (zidovudine) was given; AZT-treated cells; xAZT.');
  assert.deepEqual(brief(spans), [['AZT', 'MESH:D015215'], ['zidovudine', 'MESH:D015215'], ['AZT', 'MESH:D015215']]);
});

// `match` keeps what it looked up of recent tokens (text-token-cache.ts): these check that a kept token never
// stands for another, and that nothing kept outlives the names it was looked up in.
test('names added after a match are found by the next match (nothing looked up before stays)', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Seizure', synonyms: [] });
  const text = 'seizures with migraine and migraines';
  assert.deepEqual(brief(matcher.match(text)), [['seizures', 'MESH:D1']]);
  matcher.add({ id: 'MESH:D2', type: 'disease', preferredName: 'Migraine', synonyms: [] });
  assert.deepEqual(brief(matcher.match(text)), [['seizures', 'MESH:D1'], ['migraine', 'MESH:D2'], ['migraines', 'MESH:D2']]);
});

test('many distinct tokens, long ones and plurals give the same spans on every pass and in any order', () => {
  const matcher = new EntityMatcher();
  // One-word names for every third n (letters only: a digit would start a token of its own; consonants, so that no
  // two are one word spelt the British and the American way, see americanSpelling), a long one (longer than the
  // cache keeps), a two-word name.
  const consonants = 'bcdfghjklmnpqrstvwxyz';
  const word = (n: number): string => `word${n.toString(21).split('').map((d) => consonants[parseInt(d, 21)]).join('')}a`;
  for (let n = 0; n < 30000; n += 3) matcher.add({ id: `MESH:C${n}`, type: 'chemical', preferredName: word(n), synonyms: [] });
  const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
  matcher.add({ id: 'MESH:D9', type: 'disease', preferredName: long, synonyms: ['alphaword betaword'] });
  const words: string[] = [];
  const concept = new Map<string, string>();
  for (let n = 0; n < 30000; n++) {
    const w = n % 2 === 0 ? word(n) : `${word(n).toUpperCase()}S`; // every other one a plural in capitals
    words.push(w);
    if (n % 3 === 0) concept.set(w, `MESH:C${n}`);
  }
  words.push(long.toUpperCase(), 'alphaword', 'betawords', 'alphawords', 'betaword');
  const expected = (ws: string[]): string[][] => {
    const out: string[][] = [];
    for (let k = 0; k < ws.length; k++) {
      if (concept.has(ws[k])) out.push([ws[k], concept.get(ws[k])!]);
      else if (ws[k] === long.toUpperCase()) out.push([ws[k], 'MESH:D9']);
      else if (ws[k] === 'alphaword' && ws[k + 1] === 'betawords') out.push(['alphaword betawords', 'MESH:D9']);
    }
    return out;
  };
  const text = words.join(' ');
  const first = brief(matcher.match(text));
  assert.equal(first.length, 10000 + 2);
  assert.deepEqual(first, expected(words));
  assert.deepEqual(brief(matcher.match(text)), first);
  const reversed = [...words].reverse();
  assert.deepEqual(brief(matcher.match(reversed.join(' '))), expected(reversed));
  // One token per text, so each match starts from what the last one kept.
  for (let k = 0; k < words.length; k += 7) assert.deepEqual(brief(matcher.match(words[k])), expected([words[k]]));
});

test('two tokens with the same 32-bit hash and length are told apart (the token table compares the key)', () => {
  // The hash the token table files a token under: search 6-letter words for a collision.
  const fnv = (w: string): number => hashAsciiLower(w, 0, w.length);
  const [a, b] = collidingWords(fnv);
  assert.equal(fnv(a), fnv(b));
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: `${a}itis`, synonyms: [a] });
  // Each look-up of one fills the cache entry the other then meets: only the key tells them apart.
  assert.deepEqual(brief(matcher.match(`${a} ${b} ${a} ${b}`)), [[a, 'MESH:D1'], [a, 'MESH:D1']]);
  assert.deepEqual(brief(matcher.match(`${b} ${b} ${a}`)), [[a, 'MESH:D1']]);
  assert.deepEqual(brief(matcher.match(b.toUpperCase())), []);
});

test('a name goes on through the next token or its singular; tokens of 24 and 25 letters (cached or not) match', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Foo Bar', synonyms: ['Qux Bar Baz'] });
  const cached = 'abcdefghijklmnopqrstuvwx'; // 24 letters: the longest token the text-token cache keeps
  const uncached = `${cached}y`;
  matcher.add({ id: 'MESH:C2', type: 'chemical', preferredName: cached, synonyms: [uncached, `${uncached} acid`] });
  const text = `foo bars, foo baz, qux bar bazs, qux bars baz, ${cached.toUpperCase()} ${uncached} ${uncached}s acid, ${cached} acid`;
  assert.deepEqual(brief(matcher.match(text)), [
    ['foo bars', 'MESH:D1'], ['qux bar bazs', 'MESH:D1'], [cached.toUpperCase(), 'MESH:C2'], [uncached, 'MESH:C2'],
    [`${uncached}s`, 'MESH:C2'], [cached, 'MESH:C2'], // a plural only ends a name
  ]);
});

// A matcher restored from a snapshot makes its endings codes and child bits from the snapshot's arrays on its first
// match, not from what `add` built: it must link exactly as the matcher it was taken from.
test('a matcher restored from a snapshot links as the one built: case, gluing, ranked and one-concept names, long and non-ASCII tokens', () => {
  const build = (): EntityMatcher => {
    const m = new EntityMatcher();
    m.add({ id: 'HGNC:11892', type: 'gene', preferredName: 'TNF', synonyms: ['tumor necrosis factor'] });
    m.add({ id: 'HGNC:6018', type: 'gene', preferredName: 'IL6', synonyms: [] });
    m.add({ id: 'HGNC:6081', type: 'gene', preferredName: 'INS', synonyms: ['insulin'] });
    m.add({ id: 'MESH:D007328', type: 'chemical', preferredName: 'Insulin', synonyms: [] });
    m.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Seizure', synonyms: ['Seizures', 'seizure disorder'] });
    m.add({ id: 'MESH:D2', type: 'disease', preferredName: 'Foo Bar', synonyms: ['Qux Bar Baz'] });
    m.add({ id: 'MESH:C3', type: 'chemical', preferredName: 'abcdefghijklmnopqrstuvwx', synonyms: ['abcdefghijklmnopqrstuvwxy acid'] });
    m.add({ id: 'MESH:C4', type: 'chemical', preferredName: `${'pentaoxy'.repeat(5)}ol`, synonyms: [] });
    m.add({ id: 'MESH:C5', type: 'chemical', preferredName: 'naïve µ-toxin', synonyms: ['IFN-γ blocker'] });
    return m;
  };
  const built = build();
  const restored = new EntityMatcher(build().snapshot());
  const text = 'TNF, tnf, Tumor Necrosis Factor; IL6, IL-6, IL 6; insulin, INS; seizures, a Seizure disorder; foo bars, '
    + `qux bar bazs; ABCDEFGHIJKLMNOPQRSTUVWX, abcdefghijklmnopqrstuvwxy acid; ${'PentaOxy'.repeat(5)}ol; Naïve µ-toxin, IFN-γ blocker.`;
  const spans = built.match(text);
  assert.deepEqual(spans.map((s) => s.text), [
    'TNF', 'Tumor Necrosis Factor', 'IL6', 'IL-6', 'insulin', 'INS', 'seizures', 'Seizure disorder', 'foo bars', 'qux bar bazs',
    'ABCDEFGHIJKLMNOPQRSTUVWX', 'abcdefghijklmnopqrstuvwxy acid', `${'PentaOxy'.repeat(5)}ol`, 'Naïve µ-toxin', 'IFN-γ blocker',
  ]);
  assert.deepEqual(spans.find((s) => s.text === 'insulin')?.alternatives, ['HGNC:6081']);
  assert.deepEqual(restored.match(text), spans);
  // Token by token too (each text's first token starts from what the cache kept of the last).
  for (const piece of text.split(/[;,] /)) assert.deepEqual(restored.match(piece), built.match(piece), piece);
});

test('two tokens with the same text-token cache hash and length are told apart (the cache compares the key)', () => {
  // The cache files a token under keyHash of its bytes.
  const bytes = new TextBytes();
  const cacheHash = (w: string): number => {
    bytes.load(w);
    return keyHash(bytes.view, 0, w.length);
  };
  const [a, b] = collidingWords(cacheHash);
  assert.equal(cacheHash(a), cacheHash(b));
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: `${a}itis`, synonyms: [a] });
  assert.deepEqual(brief(matcher.match(`${a} ${b} ${a} ${b}`)), [[a, 'MESH:D1'], [a, 'MESH:D1']]);
  assert.deepEqual(brief(matcher.match(`${b} ${b} ${a}`)), [[a, 'MESH:D1']]);
  assert.deepEqual(brief(matcher.match(`${b.toUpperCase()} ${a.toUpperCase()}`)), [[a.toUpperCase(), 'MESH:D1']]);
});

const lexicon = sharedFile('ontology', 'lexicon.tsv.gz');
const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');

// An ASCII text is scanned from its bytes (scanAsciiTokens), any other with scanTokens; both resolve the tokens
// through the same cache. A dash after an ASCII paragraph sends it down the other path and adds no token.
test('real abstracts link alike as ASCII text and with a non-ASCII character after them', { skip: lexicon.skip || abstracts.skip }, async () => {
  const matcher = await loadMatcher(lexicon.path, { cacheDir: null });
  let texts = 0;
  let spans = 0;
  for await (const doc of readCorpusFile(abstracts.path, { format: 'jsonl', textFields: ['title', 'abstract'] }) as AsyncIterable<CorpusDocument>) {
    for (const text of doc.paragraphs) {
      const plain = matcher.match(text);
      assert.deepEqual(matcher.match(`${text} \u2014`), plain);
      spans += plain.length;
    }
    if (++texts === 1500) break;
  }
  assert.ok(spans > 10000, `${spans} spans`);
});

// resolveTokens skips the walk from a token whose root node's summary lacks the next token's bit: a bit missing (an
// edge made without setting it, or a summary lost in a snapshot) would lose every match through that edge.
test('the root children\'s child-token summaries hold a bit for every edge below them, built and restored', async () => {
  const built = await builtinMatcher();
  built.add({ id: 'MESH:D9', type: 'disease', preferredName: 'Zebra Stripe Syndrome', synonyms: ['zebra stripes', 'Zebra-Stripe'] });
  const snapshot = built.snapshot();
  // The reference: every edge of the table whose parent is one of the root's children, read from the cells.
  const parentToken = new Map<number, number>();
  snapshot.rootChildren.forEach((child, token) => { if (child > 0) parentToken.set(child - 1, token); });
  const expected = new Int32Array(snapshot.rootChildBits.length);
  let edges = 0;
  const cells = snapshot.edges.cells;
  for (let at = 0; at < cells.length; at += 3) {
    const token = cells[at] < 0 ? undefined : parentToken.get(cells[at]);
    if (token === undefined) continue;
    const bit = childTokenBit(cells[at + 1]);
    expected[2 * token + (bit >>> 5)] |= 1 << (bit & 31);
    edges += 1;
  }
  assert.ok(edges > 50, `edges below the root's children: ${edges}`);
  assert.deepEqual(snapshot.rootChildBits, expected);
  const restored = new EntityMatcher(structuredClone(snapshot));
  assert.deepEqual(brief(restored.match('a zebra-stripe syndrome, Zebra stripes')), brief(built.match('a zebra-stripe syndrome, Zebra stripes')));
  assert.equal(restored.match('a zebra-stripe syndrome, Zebra stripes').length, 2);
});

test('British spellings link to the names the lexicon writes American, and its own British names still match', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D009369', type: 'disease', preferredName: 'Neoplasms', synonyms: ['Tumor', 'Tumour'] });
  matcher.add({ id: 'MESH:D020300', type: 'disease', preferredName: 'Intracranial Hemorrhages', synonyms: [] });
  matcher.add({ id: 'MESH:D004487', type: 'disease', preferredName: 'Edema', synonyms: [] });
  matcher.add({ id: 'MESH:D003967', type: 'disease', preferredName: 'Diarrhea', synonyms: [] });
  matcher.add({ id: 'MESH:D013431', type: 'chemical', preferredName: 'Sulfates', synonyms: [] });
  matcher.add({ id: 'MESH:D000535', type: 'chemical', preferredName: 'Aluminum', synonyms: [] });
  // Its hyphen left out, the British name is "gastrooesophageal reflux": made American once, that is how the American
  // spelling is written, which then found that name and not the longer one (the rules run until nothing changes).
  matcher.add({ id: 'MESH:D005764', type: 'disease', preferredName: 'Gastroesophageal Reflux', synonyms: ['Gastro-oesophageal Reflux', 'Gastroesophageal Reflux Disease'] });
  matcher.add({ id: 'MESH:D006303', type: 'disease', preferredName: 'Heroes Syndrome', synonyms: [] }); // invented: -oes stays
  const text = 'Tumours, a tumor and a TUMOUR; intracranial haemorrhages; Oedema; diarrhoea; sulphates; aluminium; heros syndrome; heroes syndrome; '
    + 'gastroesophageal reflux disease.';
  assert.deepEqual(brief(matcher.match(text)), [
    ['Tumours', 'MESH:D009369'], ['tumor', 'MESH:D009369'], ['TUMOUR', 'MESH:D009369'],
    ['intracranial haemorrhages', 'MESH:D020300'], ['Oedema', 'MESH:D004487'], ['diarrhoea', 'MESH:D003967'],
    ['sulphates', 'MESH:D013431'], ['aluminium', 'MESH:D000535'], ['heroes syndrome', 'MESH:D006303'],
    ['gastroesophageal reflux disease', 'MESH:D005764'],
  ]);
  // The same through the matcher's other look-up, for tokens beyond ASCII or longer than its cache keeps.
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Familial Hyperbetalipoproteinemias', synonyms: [] });
  assert.equal('hyperbetalipoproteinaemias'.length > 24, true);
  assert.deepEqual(brief(matcher.match('familial hyperbetalipoproteinaemias; familial hyperbetalipoproteinaemia.')), [
    ['familial hyperbetalipoproteinaemias', 'MESH:D1'], ['familial hyperbetalipoproteinaemia', 'MESH:D1'],
  ]);
});

test('americanSpelling: which keys change, and which stay', () => {
  const cases: [string, string | null][] = [
    ['tumour', 'tumor'], ['tumours', 'tumors'], ['behaviour', 'behavior'], ['haemorrhage', 'hemorrhage'], ['anaemia', 'anemia'],
    ['oesophagus', 'esophagus'], ['foetal', 'fetal'], ['coeliac', 'celiac'], ['sulphonamide', 'sulfonamide'], ['aluminium', 'aluminum'],
    ['heroes', null], ['tomatoes', null], ['four', null], ['hour', null], ['journal', null], ['odour', null], ['tumor', null],
    ['Tumour', null], ['il6aer', null], ['colour', 'color'], ['rigour', 'rigor'], ['fluorouracil', null], ['resource', null], ['contour', null], ['gastrooesophageal', 'gastresophageal'], ['gastroesophageal', 'gastresophageal'],
  ];
  for (const [key, american] of cases) assert.equal(americanSpelling(key), american, key);
});

test('a disease named after two people or more is also found by its eponyms alone, written as in the name', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D007926', type: 'disease', preferredName: 'Lesch-Nyhan Syndrome', synonyms: [] });
  matcher.add({ id: 'MESH:D006623', type: 'disease', preferredName: 'von Hippel-Lindau Disease', synonyms: [] });
  matcher.add({ id: 'MESH:D004314', type: 'disease', preferredName: 'Down Syndrome', synonyms: [] });
  matcher.add({ id: 'MESH:D1', type: 'disease', preferredName: 'Myalgia-Arthralgia Syndrome', synonyms: [] });
  matcher.add({ id: 'HGNC:1', type: 'gene', preferredName: 'Smith-Jones Syndrome', synonyms: [] }); // not a disease: no variant
  const text = 'Lesch-Nyhan patients, lesch-nyhan cells, von Hippel-Lindau tumours; Down went; myalgia/arthralgia; Smith-Jones.';
  assert.deepEqual(brief(matcher.match(text)), [['Lesch-Nyhan', 'MESH:D007926'], ['von Hippel-Lindau', 'MESH:D006623']]);
});

test('a short form used without a definition links when it is the initials of a disease or chemical the text names', () => {
  const matcher = new EntityMatcher();
  matcher.add({ id: 'MESH:D006345', type: 'disease', preferredName: 'Ventricular Septal Defect', synonyms: [] });
  matcher.add({ id: 'MESH:D006816', type: 'disease', preferredName: 'Huntington Disease', synonyms: [] });
  matcher.add({ id: 'HGNC:1', type: 'gene', preferredName: 'Tumor Necrosis Factor Alpha', synonyms: [] });
  const text = 'A ventricular septal defect was closed. The VSD was small; VSDs and VSD-like flow; IVSD.';
  assert.deepEqual(brief(linkWithAbbreviations(matcher, text)), [
    ['ventricular septal defect', 'MESH:D006345'], ['VSD', 'MESH:D006345'], ['VSD', 'MESH:D006345'],
  ]);
  // Not: two letters ("HD"), a gene's full name ("TNFA"), initials in a heading in capitals, nor without the full name.
  assert.deepEqual(brief(linkWithAbbreviations(matcher, 'Huntington disease: the HD gene. Tumor necrosis factor alpha, then TNFA.')), [
    ['Huntington disease', 'MESH:D006816'], ['Tumor necrosis factor alpha', 'HGNC:1'],
  ]);
  assert.deepEqual(brief(linkWithAbbreviations(matcher, 'A ventricular septal defect.\n\nPLAN FOR VSD CLOSURE:')), [
    ['ventricular septal defect', 'MESH:D006345'],
  ]);
  assert.deepEqual(brief(linkWithAbbreviations(matcher, 'The VSD was small.')), []);
});
