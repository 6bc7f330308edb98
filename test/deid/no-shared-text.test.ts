import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { filesUnder } from '../helpers/files.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

/**
 * Data under ../shared/data is never copied into the repo: text written for the de-identifier (the examples in
 * comments, the notes the tests make up) must not quote the evaluation notes. A quote of four words or more is
 * found as a shared 4-word shingle.
 */
const physionet = sharedFile('deid', 'physionet-deid');
const presidio = sharedFile('deid', 'presidio-synth');

/**
 * Lower-cased words, split on anything that is not a letter or a digit (punctuation must not hide a quote); JSON's
 * escaped line breaks and tabs split words too.
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\\[nrt]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function shingles(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
  return out;
}

/**
 * The texts of the evaluation notes: id.text's records (each on its own, without the record markers, so that the
 * file's layout is no quote) and the Presidio sentences (without the JSON around them). notes_with_phi.jsonl holds
 * the same notes as id.text, and id-phi.phrase's phrases are words of those notes.
 */
function noteTexts(): string[] {
  const idText = readFileSync(join(physionet.path, 'id.text'), 'utf8');
  const notes = idText.split(/START_OF_RECORD=\d+\|\|\|\|\d+\|\|\|\||\|\|\|\|END_OF_RECORD/);
  const records = JSON.parse(readFileSync(join(presidio.path, 'synth_dataset_v2.half.json'), 'utf8')) as {
    full_text: string;
  }[];
  return [...notes, ...records.map((r) => r.full_text)];
}

/** Every 4-word shingle of every note of the two evaluation sets. */
function sharedShingles(): Set<string> {
  const all = new Set<string>();
  for (const note of noteTexts()) for (const s of shingles(note)) all.add(s);
  return all;
}

const skip = physionet.skip || presidio.skip;

/** Shingles of plain English that are no quote of a note. */
const NOT_QUOTES = new Set([
  'the end of the', // "up to the end of the clause"
]);

/** The source files of the de-identifier and of its tests. */
function sourceFiles(): string[] {
  return [...filesUnder(join(repoRoot, 'src', 'deid'), '.ts'), ...filesUnder(join(repoRoot, 'test', 'deid'), '.ts')];
}

/** The string literals (template parts included) and the comments of a parsed TypeScript file. */
function literalsAndComments(file: ts.SourceFile): string[] {
  const text = file.text;
  const out: string[] = [];
  const seen = new Set<number>();
  const comment = (pos: number, end: number): void => {
    if (!seen.has(pos)) out.push(text.slice(pos, end));
    seen.add(pos);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    ts.forEachLeadingCommentRange(text, node.getFullStart(), comment);
    ts.forEachTrailingCommentRange(text, node.getEnd(), comment);
    node.forEachChild(visit);
  };
  visit(file);
  return out;
}

function parse(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(name, text, ts.ScriptTarget.Latest, false);
}

/** The shared 4-word shingles of a file's literals and comments (the quotes), and how many shingles it has. */
function quotesIn(file: ts.SourceFile, shared: Set<string>): { quotes: string[]; count: number } {
  const all = literalsAndComments(file).flatMap(shingles);
  return { quotes: all.filter((s) => shared.has(s) && !NOT_QUOTES.has(s)), count: all.length };
}

/** A real 4-word quote of id.text, read at run time (never written into the repo). */
function realQuote(): string[] {
  const lines = readFileSync(join(physionet.path, 'id.text'), 'utf8').split('\n');
  const note = lines.find((l) => !l.includes('RECORD') && words(l).length >= 8) as string;
  return words(note).slice(2, 6);
}

test('the shingle test finds a quote of an evaluation note in a comment and, punctuated, in a string literal', { skip }, () => {
  const shared = sharedShingles();
  const [a, b, c, d] = realQuote();
  const inComment = parse('c.ts', `// ${a} ${b} ${c} ${d}\nexport const x = 1;\n`);
  const inLiteral = parse('l.ts', `export const y = '(${a.toUpperCase()}, ${b}: ${c}-${d}.)';\n`);
  assert.ok(quotesIn(inComment, shared).quotes.includes(`${a} ${b} ${c} ${d}`));
  assert.ok(quotesIn(inLiteral, shared).quotes.includes(`${a} ${b} ${c} ${d}`));
});

test('the literals and comments of src/deid and test/deid quote no four words of the evaluation notes', { skip }, () => {
  const shared = sharedShingles();
  const files = sourceFiles();
  assert.ok(files.length > 30);
  const quotes: string[] = [];
  let count = 0;
  for (const path of files) {
    const found = quotesIn(parse(path, readFileSync(path, 'utf8')), shared);
    count += found.count;
    for (const s of found.quotes) quotes.push(`${relative(repoRoot, path)}: ${s}`);
  }
  assert.ok(count > 5000, `${count} shingles`);
  assert.deepEqual(quotes, []);
});

/** The gold PHI phrases of id-phi.phrase (`<patient> <note> <start> <end> <type> <text>`) whose type is a name, a place or a phone. */
function goldPhrases(): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(physionet.path, 'id-phi.phrase'), 'utf8').split('\n')) {
    const [, , , , type, ...rest] = line.split(' ');
    if (type === undefined || !(type.includes('Name') || type === 'Location' || type === 'Phone')) continue;
    out.push(rest.join(' ').trim());
  }
  return out;
}

/** The PHI span values of the Presidio half. */
function presidioValues(): string[] {
  const records = JSON.parse(readFileSync(join(presidio.path, 'synth_dataset_v2.half.json'), 'utf8')) as {
    spans: { entity_value: string }[];
  }[];
  return records.flatMap((r) => r.spans.map((s) => s.entity_value.trim()));
}

/**
 * PHI values of 5+ characters that are common words, free to appear in code and comments. The gold tags each word
 * of a place's name ("<x> Memorial Hospital" gives "memorial" and "hospital"), so the words that make facility
 * names are PHI phrases too; the recognisers must name them.
 */
const COMMON_WORDS = new Set<string>([
  // Facility heads and words of facility names: the place rules' keywords and the category names (HOSPITAL).
  'hospital', 'memorial', 'health', 'regional', 'general', 'university', 'heart', 'cross', 'sacred', 'adventist',
  // Ordinary words: colours and positions (word lists, "middle initial"), a language (a Presidio NRP value).
  'white', 'black', 'middle', 'english',
  // Devices named after people, which the tests check are no names: the Foley catheter, a walker (walking frame).
  'foley', 'walker',
]);

/** The PHI values of the evaluation sets that no literal or comment may hold: 5+ characters, lower-cased. */
function phiValues(): string[] {
  const all = [...goldPhrases(), ...presidioValues()].map((v) => v.toLowerCase());
  return [...new Set(all)].filter((v) => v.length >= 5 && !COMMON_WORDS.has(v));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The PHI values that occur as whole words (case-insensitive) in a file's literals and comments. */
function phiIn(file: ts.SourceFile, values: string[]): string[] {
  const text = literalsAndComments(file).join('\n').toLowerCase();
  return values.filter((v) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

test('the PHI check finds a gold place phrase in a comment', { skip }, () => {
  const values = phiValues();
  const place = goldPhrases().find((p) => p.length >= 5 && values.includes(p.toLowerCase())) as string;
  const file = parse('p.ts', `/** ${place.toUpperCase()}, again */\nexport const z = 2;\n`);
  assert.deepEqual(phiIn(file, values), [place.toLowerCase()]);
});

/*
 * The name and place word lists of src/deid/lexicon are left out: they are general-knowledge lists of given names,
 * surnames and common words (thousands of them, some of which the notes' people happen to bear), and the rule is
 * about text taken from the notes, not about common names; their 4-word shingles are still checked above.
 */
test('the literals and comments of src/deid and test/deid (but the lexicon) hold no name, place or phone of the evaluation sets', { skip }, () => {
  const values = phiValues();
  assert.ok(values.length > 500, `${values.length} values`);
  const found: string[] = [];
  for (const path of sourceFiles().filter((p) => !p.includes(`${sep}lexicon${sep}`))) {
    for (const v of phiIn(parse(path, readFileSync(path, 'utf8')), values)) found.push(`${relative(repoRoot, path)}: ${v}`);
  }
  assert.deepEqual(found, []);
});
