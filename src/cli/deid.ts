import { existsSync, realpathSync } from 'node:fs';
import { MedbertError } from '../errors.js';
import { formatFromFileName } from '../corpus/format-names.js';
import { deidentify, type DeidMode } from '../deid/deidentify.js';
import { findPhi } from '../deid/find.js';
import { withInventedWords } from '../deid/gold/invent.js';
import type { GoldDocument } from '../deid/gold/types.js';
import { deidCsv, deidJsonl, readAllText, Warnings } from '../deid/node-formats.js';
import { OutputSink, readPatientList, readPhysionetDir, readPresidioFile } from '../deid/node-io.js';
import { formatErrors, formatScoreTable, scoreJson } from '../deid/report.js';
import { Scorer } from '../deid/score.js';
import { parseFlags, printJson, intFlag, type FlagSpec } from './args.js';
import type { Command } from './command.js';

const SCORING_DEFINITIONS = [
  'Scoring: tokens are runs of letters/digits; a token belongs to a span when they share a character.',
  '  token recall = gold PHI tokens predicted as PHI / gold PHI tokens; token precision = predicted PHI tokens',
  '  that are gold PHI / predicted PHI tokens (overall: any category; per group: the same group).',
  '  span recall = gold spans with every token predicted / gold spans; span precision = predicted spans with at',
  '  least one gold PHI token / predicted spans. Groups: NAME, LOCATION (incl. hospitals), DATE, AGE (>89),',
  '  CONTACT (phone, fax, e-mail, URL, IP), ID (SSN, MRN, plan, account, licence, vehicle, device, other).',
  '  Gold labels that are not PHI (presidio TITLE, NRP, ORGANIZATION, AGE <= 89) are left out of scoring.',
  '  --json: the last line is {"recall","precision","f1"} at token level overall, "by_category" (token level',
  '  per group), "span" (span level) and counts.',
].join('\n');

const runSpec = {
  mode: { type: 'string', description: 'tag ([NAME], [DATE], ...) or surrogate (realistic replacements)', default: 'tag', valueName: 'tag|surrogate' },
  input: { type: 'string', description: 'input file (default: stdin)', valueName: 'FILE' },
  format: { type: 'string', description: 'text (one document), jsonl (one JSON object per line) or csv (default: from the --input name, .jsonl/.ndjson or .csv, .gz or not; else text)', valueName: 'text|jsonl|csv' },
  'text-field': { type: 'string', description: 'jsonl: the field holding the note', default: 'text', valueName: 'F' },
  'text-column': { type: 'string', description: 'csv: the column holding the note', default: 'text', valueName: 'C' },
  'key-field': { type: 'string', description: 'jsonl field / csv column naming the patient: its notes share one date offset', valueName: 'F' },
  output: { type: 'string', description: 'output file, written atomically (default: stdout)', valueName: 'FILE' },
  seed: { type: 'string', description: 'seed for surrogates (same seed, same output)', default: 'medbert', valueName: 'S' },
} as const satisfies Record<string, FlagSpec>;

const evalSpec = {
  physionet: { type: 'string', description: 'PhysioNet deid folder (id.text + id-phi.phrase)', valueName: 'DIR' },
  presidio: { type: 'string', description: "presidio-research synthetic JSON file", valueName: 'FILE' },
  patients: { type: 'string', description: 'PhysioNet: score only these patient ids (comma-separated, or a file with one per line)', valueName: 'LIST' },
  errors: { type: 'string', description: 'print up to N misses and N false positives with context', default: '0', valueName: 'N' },
  'invented-names': { type: 'boolean', description: 'replace every gold name word by an invented word first: recall without the name lists' },
  'invented-places': { type: 'boolean', description: 'replace every gold place word by an invented word first: recall without the place lists' },
  json: { type: 'boolean', description: 'print the figures as one JSON line on stdout (the tables go to stderr)' },
} as const satisfies Record<string, FlagSpec>;

export const deidCommand: Command = {
  name: 'deid',
  async run(argv: string[]): Promise<number> {
    if (argv[0] === 'eval') return runEval(argv.slice(1));
    return runDeid(argv);
  },
};

/** deid's format for an input file without --format: jsonl or csv by its name, as prepare guesses; text otherwise. */
function formatOfInput(input: string | undefined): 'text' | 'jsonl' | 'csv' {
  const guessed = input === undefined ? 'text' : formatFromFileName(input);
  return guessed === 'jsonl' || guessed === 'csv' ? guessed : 'text';
}

async function runDeid(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, runSpec, {
    usage: 'medbert deid [--mode tag|surrogate] [--input FILE --format text|jsonl|csv] [--output FILE] [--seed S]\n       medbert deid eval (--physionet DIR | --presidio FILE) [--json]',
    description: 'Finds the 18 HIPAA Safe Harbor identifiers in clinical notes and replaces them by tags or surrogates\n'
      + '(the same original gets the same surrogate within a document; dates move by one offset per patient/document).\n'
      + 'What Safe Harbor allows is kept: years standing alone, and a state or a country outside an address (an address\n'
      + 'is replaced whole, its state and country with it).\n'
      + 'Reads stdin and writes stdout by default; invalid UTF-8 is replaced (U+FFFD), not fatal. In jsonl and csv, the\n'
      + 'note field is replaced and the other fields are kept; a line or row that cannot be read is skipped with a\n'
      + "warning naming it. Run 'medbert deid eval --help' for scoring.",
    examples: [
      'medbert deid --input note.txt',
      'medbert deid --mode surrogate --format jsonl --text-field text --key-field patient_id --input notes.jsonl --output out.jsonl',
      'medbert deid --format csv --text-column transcription --input mtsamples.csv --output deid.csv',
    ],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const mode = v.mode ?? 'tag';
  if (mode !== 'tag' && mode !== 'surrogate') throw new MedbertError(`--mode=${mode} is not valid: expected tag or surrogate`);
  const format = v.format ?? formatOfInput(v.input);
  if (format !== 'text' && format !== 'jsonl' && format !== 'csv') throw new MedbertError(`--format=${format} is not valid: expected text, jsonl or csv`);
  if (v.input !== undefined && !existsSync(v.input)) throw new MedbertError(`--input ${v.input}: no such file`);
  // The output replaces its path at the end: over the input, the notes themselves would be lost.
  if (v.input !== undefined && v.output !== undefined && existsSync(v.output) && realpathSync(v.output) === realpathSync(v.input)) {
    throw new MedbertError(`--output ${v.output} is the input file: give another path (the original notes would be replaced)`);
  }
  const options = { mode: mode as DeidMode, seed: v.seed ?? 'medbert' };
  const source = v.input ?? 'stdin';
  const sink = new OutputSink(v.output);
  const warnings = new Warnings(source);
  try {
    if (format === 'text') {
      const text = await readAllText(v.input);
      warnings.replacement(text, 0);
      if (text.length === 0) process.stderr.write(`medbert deid: warning: ${source}: the input is empty\n`);
      await sink.write(deidentify(text, options).text);
    } else if (format === 'jsonl') {
      await deidJsonl(v.input, sink, v['text-field'] ?? 'text', v['key-field'], options, warnings);
    } else {
      await deidCsv(v.input, sink, v['text-column'] ?? 'text', v['key-field'], options, warnings);
    }
    // Every record skipped (random bytes, the wrong --format, gzip on stdin): a failure, not an empty output.
    if (warnings.kept === 0 && warnings.skipped > 0) {
      throw new MedbertError(`${source}: all ${warnings.skipped} records skipped (see the warnings above); nothing was written`);
    }
    if (format !== 'text' && warnings.kept === 0) process.stderr.write(`medbert deid: warning: ${source}: no records in the input\n`);
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  warnings.report();
  return 0;
}

async function runEval(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, evalSpec, {
    usage: 'medbert deid eval (--physionet DIR | --presidio FILE) [--patients LIST] [--invented-names] [--invented-places] [--errors N] [--json]',
    description: 'Runs the de-identifier on a gold standard and prints recall, precision and F1 per category and overall,\n'
      + 'at token and span level.\n\n' + SCORING_DEFINITIONS,
    examples: [
      'medbert deid eval --physionet ../shared/data/deid/physionet-deid --json',
      'medbert deid eval --presidio ../shared/data/deid/presidio-synth/synth_dataset_v2.half.json',
    ],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  if ((v.physionet === undefined) === (v.presidio === undefined)) throw new MedbertError('give exactly one of --physionet DIR or --presidio FILE');
  let docs: GoldDocument[] = v.physionet !== undefined ? readPhysionetDir(v.physionet) : await readPresidioFile(v.presidio as string);
  // Nothing to score is an error, not a perfect score.
  if (docs.length === 0) throw new MedbertError(`${v.physionet ?? v.presidio}: no documents to score`);
  if (v.patients !== undefined) {
    const wanted = new Set(readPatientList(v.patients));
    docs = docs.filter((d) => wanted.has(d.group));
    if (docs.length === 0) throw new MedbertError(`--patients ${v.patients}: no documents of these patients`);
  }
  if (v['invented-names'] === true) docs = withInventedWords(docs, 'NAME');
  if (v['invented-places'] === true) docs = withInventedWords(docs, 'LOCATION');
  const errorLimit = intFlag(v.errors, 'errors', 0, 0);
  const scorer = new Scorer(errorLimit > 0);
  const started = performance.now();
  let chars = 0;
  for (const d of docs) {
    scorer.add(d, findPhi(d.text));
    chars += d.text.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const report = scorer.report();
  // With --json the JSON line is all of stdout, as every command's; the tables go to stderr.
  const out = v.json === true ? process.stderr : process.stdout;
  if (errorLimit > 0) out.write(formatErrors(scorer.errors, docs, errorLimit) + '\n');
  const name = v.physionet !== undefined ? `PhysioNet deid (${v.physionet})` : `presidio synthetic (${v.presidio})`;
  out.write(`${name}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.spans.length, 0)} gold spans, ${(chars / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s\n\n`);
  out.write(formatScoreTable(report) + '\n');
  if (v.json === true) printJson(scoreJson(report));
  return 0;
}

