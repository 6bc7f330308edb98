// `medbert link`: dictionary entity linking of text, and `medbert link eval`: coverage on BC5CDR (PubTator).
import { readPubtator } from '../corpus/pubtator.js';
import { fileText } from '../corpus/node-io.js';
import { textChunks } from '../corpus/text-stream.js';
import { MedbertError } from '../errors.js';
import { evaluateCoverage, type CoverageReport } from '../ontology/coverage.js';
import { linkWithAbbreviations } from '../ontology/abbreviations.js';
import { PARAGRAPH_BREAK } from '../ontology/link-text.js';
import type { EntityMatcher } from '../ontology/matcher.js';
import { loadMatcher } from '../ontology/node-io.js';
import type { LinkedSpan } from '../ontology/types.js';
import { boolFlag, parseFlags, printJson, required, type FlagSpec } from './args.js';
import type { Command } from './command.js';
import { lexiconCacheDir, lexiconCacheFlag } from './lexicon-cache.js';

export const linkCommand: Command = {
  name: 'link',
  async run(argv: string[]): Promise<number> {
    if (argv[0] === 'eval') return evalCommand(argv.slice(1));
    return linkText(argv);
  },
};

const ontologyFlag = {
  type: 'string', valueName: 'FILE',
  description: 'lexicon TSV (.tsv or .tsv.gz: id, type, preferred_name, synonyms), or `builtin` for the small shipped one',
} as const;
const abbreviationsFlag = {
  type: 'string', valueName: 'true|false', default: 'true',
  description: 'also link abbreviations each paragraph defines as `long form (SF)`',
} as const;

const linkFlags = {
  ontology: { ...ontologyFlag, default: 'builtin' },
  input: { type: 'string', description: 'text file, plain or .gz (default: stdin)', valueName: 'FILE' },
  abbreviations: abbreviationsFlag,
  'lexicon-cache': lexiconCacheFlag,
  json: { type: 'boolean', description: 'print one JSON object {spans, counts, ...} instead of TSV lines' },
} satisfies Record<string, FlagSpec>;

async function linkText(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, linkFlags, {
    usage: 'medbert link [--ontology FILE] [--input FILE] [--json]',
    description: 'Finds entity mentions in text (a file or stdin) and prints one per line: start, end (UTF-16 offsets '
      + 'into the input), text, type, concept id, preferred name — tab-separated. Paragraphs (blank-line separated) are '
      + 'linked one at a time, so input of any size streams.',
    examples: [
      "echo 'Cisplatin-induced nephrotoxicity in TNF-α knockout mice.' | medbert link",
      'medbert link --ontology ../shared/data/ontology/lexicon.tsv.gz --input abstract.txt --json',
    ],
  });
  if (parsed === null) return 0;
  const { values } = parsed;
  const abbreviations = boolFlag(values.abbreviations, 'abbreviations', true);
  const { matcher, seconds } = await timedLoad(values.ontology ?? 'builtin', lexiconCacheDir(values['lexicon-cache']));
  const source = values.input !== undefined ? fileText(values.input) : stdinText();
  const spans: LinkedSpan[] = [];
  const counts: Record<string, number> = { disease: 0, chemical: 0, gene: 0 };
  let chars = 0;
  let replaced = 0;
  for await (const paragraph of paragraphs(source)) {
    chars = paragraph.start + paragraph.text.length;
    for (let at = paragraph.text.indexOf('\uFFFD'); at >= 0; at = paragraph.text.indexOf('\uFFFD', at + 1)) replaced++;
    const found = abbreviations ? linkWithAbbreviations(matcher, paragraph.text) : matcher.match(paragraph.text);
    for (const s of found) {
      const span = { ...s, start: s.start + paragraph.start, end: s.end + paragraph.start };
      counts[span.type] += 1;
      if (values.json === true) spans.push(span);
      else process.stdout.write(`${span.start}\t${span.end}\t${oneLine(span.text)}\t${span.type}\t${span.id}\t${span.preferredName}\n`);
    }
  }
  const inputName = values.input ?? 'stdin';
  if (chars === 0) process.stderr.write(`medbert link: warning: ${inputName}: the input is empty\n`);
  if (replaced > 0) process.stderr.write(`medbert link: warning: ${inputName}: ${replaced} invalid UTF-8 sequence(s) replaced by U+FFFD\n`);
  const total = counts.disease + counts.chemical + counts.gene;
  process.stderr.write(`link: ${total} mentions (disease ${counts.disease}, chemical ${counts.chemical}, gene ${counts.gene}) `
    + `in ${chars} characters; lexicon ${matcher.concepts.length} concepts loaded in ${seconds.toFixed(2)} s\n`);
  if (values.json === true) {
    printJson({ spans, counts, characters: chars, lexicon: { concepts: matcher.concepts.length, loadSeconds: round(seconds) } });
  }
  return 0;
}

const evalFlags = {
  pubtator: { type: 'string', description: 'PubTator file (e.g. BC5CDR CDR_TestSet.PubTator.txt)', valueName: 'FILE' },
  ontology: ontologyFlag,
  abbreviations: abbreviationsFlag,
  'lexicon-cache': lexiconCacheFlag,
  json: { type: 'boolean', description: 'print the report as one JSON object on the last line' },
} satisfies Record<string, FlagSpec>;

async function evalCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, evalFlags, {
    usage: 'medbert link eval --pubtator FILE --ontology FILE [--json]',
    description: 'Coverage of gold mentions: the share found with a right concept id, by type — exactly (same offsets) '
      + 'and overlapping. Gold ids are bare MeSH UIs; lexicon ids may carry a MESH: prefix. Mentions without an id (-1) '
      + 'are left out. Precision: the share of linked spans of the types the gold annotates (disease, chemical, gene) that are '
      + 'exactly a gold mention with its id.',
    examples: ['medbert link eval --pubtator ../shared/data/bc5cdr/pubtator/CDR_TestSet.PubTator.txt --ontology ../shared/data/ontology/lexicon.tsv.gz'],
  });
  if (parsed === null) return 0;
  const { values } = parsed;
  const pubtator = required(values.pubtator, 'pubtator');
  const { matcher, seconds } = await timedLoad(required(values.ontology, 'ontology'), lexiconCacheDir(values['lexicon-cache']));
  const started = performance.now();
  const report = await evaluateCoverage(readPubtator(fileText(pubtator), pubtator), matcher, {
    abbreviations: boolFlag(values.abbreviations, 'abbreviations', true),
  });
  const evalSeconds = (performance.now() - started) / 1000;
  if (report.documents === 0) throw new MedbertError(`--pubtator ${pubtator}: no documents to score`);
  if (values.json === true) {
    printJson({ ...report, lexiconLoadSeconds: round(seconds), linkSeconds: round(evalSeconds) });
  } else {
    process.stdout.write(formatReport(report) + `\nlexicon loaded in ${seconds.toFixed(2)} s; linked ${report.documents} documents in ${evalSeconds.toFixed(2)} s\n`);
  }
  return 0;
}

function formatReport(report: CoverageReport): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
  const width = Math.max(9, ...Object.keys(report.byType).map((type) => type.length)); // NCBI-disease: "CompositeMention"
  const rows = [['type', 'mentions', 'exact', 'overlap'].map((h, i) => (i === 0 ? h.padEnd(width) : h.padStart(8))).join(' ')];
  const row = (name: string, c: CoverageReport['overall']): string =>
    `${name.padEnd(width)} ${String(c.mentions).padStart(8)} ${pct(c.exactRate)}  ${pct(c.overlapRate)}`;
  for (const [type, c] of Object.entries(report.byType).sort()) rows.push(row(type, c));
  rows.push(row('all', report.overall));
  const precision = report.predicted === 0
    ? 'no linked spans of the types the gold annotates, so no precision'
    : `precision of linked spans of the gold's types ${(100 * report.precision).toFixed(1)}% (${report.predictedCorrect}/${report.predicted})`;
  rows.push(`${report.documents} documents; ${report.unlinkedGold} gold mentions without an id left out; ${precision}`);
  return rows.join('\n');
}

async function timedLoad(path: string, cacheDir: string | null): Promise<{ matcher: EntityMatcher; seconds: number }> {
  const started = performance.now();
  const matcher = await loadMatcher(path, { cacheDir });
  return { matcher, seconds: (performance.now() - started) / 1000 };
}

async function* stdinText(): AsyncIterable<string> {
  if (process.stdin.isTTY) throw new MedbertError('no input: give --input FILE or pipe text into stdin');
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) yield chunk as string;
}

/**
 * Paragraphs (separated by blank lines) with their offset in the whole input, kept byte-for-byte, so span
 * offsets computed inside a paragraph translate back to the input exactly.
 */
async function* paragraphs(source: AsyncIterable<string>): AsyncIterable<{ text: string; start: number }> {
  let buffer = '';
  let bufferStart = 0;
  for await (const chunk of textChunks(source)) {
    buffer += chunk;
    for (let m = new RegExp(PARAGRAPH_BREAK).exec(buffer); m !== null; m = new RegExp(PARAGRAPH_BREAK).exec(buffer)) {
      const end = m.index + m[0].length;
      yield { text: buffer.slice(0, m.index), start: bufferStart };
      buffer = buffer.slice(end);
      bufferStart += end;
    }
  }
  if (buffer.length > 0) yield { text: buffer, start: bufferStart };
}

function oneLine(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
