import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { MedbertError } from '../errors.js';
import { deidentify, type DeidMode } from '../deid/deidentify.js';
import { findPhi } from '../deid/find.js';
import type { GoldDocument } from '../deid/gold/types.js';
import { OutputSink, readPhysionetDir, readPresidioFile } from '../deid/node-io.js';
import { Scorer, type LevelReport, type ScoreReport, type Scores } from '../deid/score.js';
import { SCORE_GROUPS } from '../deid/types.js';
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
  format: { type: 'string', description: 'text (one document), jsonl (one JSON object per line) or csv', default: 'text', valueName: 'text|jsonl|csv' },
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
  json: { type: 'boolean', description: 'print the figures as JSON on the last line' },
} as const satisfies Record<string, FlagSpec>;

export const deidCommand: Command = {
  name: 'deid',
  summary: 'de-identify clinical notes (tag or surrogate) and score against gold standards',
  async run(argv: string[]): Promise<number> {
    if (argv[0] === 'eval') return runEval(argv.slice(1));
    return runDeid(argv);
  },
};

async function runDeid(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, runSpec, {
    usage: 'medbert deid [--mode tag|surrogate] [--input FILE --format text|jsonl|csv] [--output FILE] [--seed S]\n       medbert deid eval (--physionet DIR | --presidio FILE) [--json]',
    description: 'Finds the 18 HIPAA Safe Harbor identifiers in clinical notes and replaces them by tags or surrogates\n'
      + '(the same original gets the same surrogate within a document; dates move by one offset per patient/document).\n'
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
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'jsonl' && format !== 'csv') throw new MedbertError(`--format=${format} is not valid: expected text, jsonl or csv`);
  if (v.input !== undefined && !existsSync(v.input)) throw new MedbertError(`--input ${v.input}: no such file`);
  const options = { mode: mode as DeidMode, seed: v.seed ?? 'medbert' };
  const source = v.input ?? 'stdin';
  // A reader that closes early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const sink = new OutputSink(v.output);
  const warnings = new Warnings(source);
  try {
    if (format === 'text') {
      const text = await readAllText(v.input);
      warnings.replacement(text, 0);
      await sink.write(deidentify(text, options).text);
    } else if (format === 'jsonl') {
      await deidJsonl(v.input, sink, v['text-field'] ?? 'text', v['key-field'], options, warnings);
    } else {
      await deidCsv(v.input, sink, v['text-column'] ?? 'text', v['key-field'], options, warnings);
    }
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  warnings.report();
  return 0;
}

/** Counts skipped records and replaced bytes; prints the first few and a total on stderr. */
class Warnings {
  skipped = 0;
  private replaced = 0;
  constructor(private readonly source: string) {}

  skip(line: number, why: string): void {
    this.skipped++;
    if (this.skipped <= 10) process.stderr.write(`medbert deid: warning: ${this.source}:${line}: ${why}; skipped\n`);
  }

  replacement(text: string, line: number): void {
    let n = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
    if (n > 0 && this.replaced === 0) process.stderr.write(`medbert deid: warning: ${this.source}${line > 0 ? `:${line}` : ''}: invalid UTF-8 replaced by U+FFFD\n`);
    this.replaced += n;
  }

  report(): void {
    if (this.skipped > 0) process.stderr.write(`medbert deid: ${this.skipped} record(s) skipped in ${this.source}\n`);
    if (this.replaced > 0) process.stderr.write(`medbert deid: ${this.replaced} invalid UTF-8 sequence(s) replaced in ${this.source}\n`);
  }
}

async function readAllText(path: string | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = path === undefined ? process.stdin : createReadStream(path);
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

function lineStream(path: string | undefined): AsyncIterable<string> {
  // A utf8 stream decodes invalid bytes to U+FFFD instead of failing.
  const input = path === undefined ? process.stdin.setEncoding('utf8') : createReadStream(path, { encoding: 'utf8' });
  return createInterface({ input, crlfDelay: Infinity });
}

async function deidJsonl(
  path: string | undefined, sink: OutputSink, field: string, keyField: string | undefined,
  options: { mode: DeidMode; seed: string }, warnings: Warnings,
): Promise<void> {
  let line = 0;
  for await (const raw of lineStream(path)) {
    line++;
    if (raw.trim() === '') continue;
    warnings.replacement(raw, line);
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      warnings.skip(line, 'not valid JSON');
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) { warnings.skip(line, 'not a JSON object'); continue; }
    const object = record as Record<string, unknown>;
    const text = object[field];
    if (typeof text !== 'string') { warnings.skip(line, `no string field "${field}"`); continue; }
    const key = keyField !== undefined && object[keyField] !== undefined ? String(object[keyField]) : undefined;
    object[field] = deidentify(text, { ...options, ...(key !== undefined ? { key } : {}) }).text;
    await sink.write(JSON.stringify(object) + '\n');
  }
}

async function deidCsv(
  path: string | undefined, sink: OutputSink, column: string, keyColumn: string | undefined,
  options: { mode: DeidMode; seed: string }, warnings: Warnings,
): Promise<void> {
  const input = path === undefined ? process.stdin.setEncoding('utf8') : createReadStream(path, { encoding: 'utf8' });
  const parser = input.pipe(parseCsv({
    relax_quotes: true,
    skip_records_with_error: true,
    bom: true,
    on_skip: (error) => {
      const where = (error as { lines?: number } | undefined)?.lines ?? 0;
      warnings.skip(where, `bad CSV row (${error?.message.split('\n')[0] ?? 'unreadable'})`);
      return undefined;
    },
  }));
  let header: string[] | null = null;
  let textIndex = -1;
  let keyIndex = -1;
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    if (header === null) {
      header = record;
      textIndex = header.indexOf(column);
      if (textIndex < 0) throw new MedbertError(`${path ?? 'stdin'}: no column "${column}" in the header (${header.join(', ')}); set --text-column`);
      if (keyColumn !== undefined) {
        keyIndex = header.indexOf(keyColumn);
        if (keyIndex < 0) throw new MedbertError(`${path ?? 'stdin'}: no column "${keyColumn}" for --key-field`);
      }
      await sink.write(csvLine(header));
      continue;
    }
    if (record.length !== header.length) {
      warnings.skip((parser as unknown as { info: { lines: number } }).info.lines, `row ${row} has ${record.length} fields, the header ${header.length}`);
      continue;
    }
    const text = record[textIndex] ?? '';
    warnings.replacement(text, row);
    const key = keyIndex >= 0 ? record[keyIndex] : undefined;
    const out = [...record];
    out[textIndex] = deidentify(text, { ...options, ...(key !== undefined ? { key } : {}) }).text;
    await sink.write(csvLine(out));
  }
}

function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + '\n';
}

async function runEval(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, evalSpec, {
    usage: 'medbert deid eval (--physionet DIR | --presidio FILE) [--patients LIST] [--errors N] [--json]',
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
  let docs: GoldDocument[] = v.physionet !== undefined ? readPhysionetDir(v.physionet) : readPresidioFile(v.presidio as string);
  if (v.patients !== undefined) {
    const list = existsSync(v.patients) ? readFileSync(v.patients, 'utf8') : v.patients;
    const wanted = new Set(list.split(/[\s,]+/).filter((s) => s !== ''));
    docs = docs.filter((d) => wanted.has(d.group));
    if (docs.length === 0) throw new MedbertError(`--patients ${v.patients}: no documents of these patients`);
  }
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
  if (errorLimit > 0) printErrors(scorer, docs, errorLimit);
  const name = v.physionet !== undefined ? `PhysioNet deid (${v.physionet})` : `presidio synthetic (${v.presidio})`;
  process.stdout.write(`${name}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.spans.length, 0)} gold spans, ${(chars / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s\n\n`);
  process.stdout.write(formatTable(report) + '\n');
  if (v.json === true) printJson(jsonReport(report));
  return 0;
}

function printErrors(scorer: Scorer, docs: readonly GoldDocument[], limit: number): void {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  for (const kind of ['miss', 'false-positive'] as const) {
    const list = scorer.errors.filter((e) => e.kind === kind);
    process.stdout.write(`${kind === 'miss' ? 'Misses' : 'False positives'} (${list.length} tokens, first ${Math.min(limit, list.length)}):\n`);
    for (const e of list.slice(0, limit)) {
      const t = texts.get(e.doc) ?? '';
      const context = `${t.slice(Math.max(0, e.start - 30), e.start)}[[${t.slice(e.start, e.end)}]]${t.slice(e.end, e.end + 20)}`.replace(/\s+/g, ' ');
      process.stdout.write(`  ${e.group.padEnd(8)} ${e.label.padEnd(18)} ${e.doc.padEnd(22)} ${context}\n`);
    }
  }
  process.stdout.write('\n');
}

function formatTable(report: ScoreReport): string {
  const header = ['level', 'group', 'gold', 'found', 'recall', 'predicted', 'right', 'precision', 'f1'];
  const rows: string[][] = [header];
  const add = (level: string, group: string, s: Scores): void => {
    rows.push([level, group, String(s.gold), String(s.goldFound), s.recall.toFixed(4), String(s.predicted), String(s.predictedRight), s.precision.toFixed(4), s.f1.toFixed(4)]);
  };
  const level = (name: string, r: LevelReport): void => {
    for (const g of SCORE_GROUPS) if (r.byGroup[g].gold + r.byGroup[g].predicted > 0) add(name, g, r.byGroup[g]);
    add(name, 'overall', r.overall);
  };
  level('token', report.token);
  level('span', report.span);
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

function jsonReport(report: ScoreReport): Record<string, unknown> {
  const brief = (s: Scores): Record<string, number> => ({
    recall: round(s.recall), precision: round(s.precision), f1: round(s.f1), gold: s.gold, found: s.goldFound, predicted: s.predicted, right: s.predictedRight,
  });
  const groups = (r: LevelReport): Record<string, Record<string, number>> =>
    Object.fromEntries(SCORE_GROUPS.filter((g) => r.byGroup[g].gold + r.byGroup[g].predicted > 0).map((g) => [g, brief(r.byGroup[g])]));
  return {
    recall: round(report.token.overall.recall),
    precision: round(report.token.overall.precision),
    f1: round(report.token.overall.f1),
    by_category: groups(report.token),
    level: 'token',
    documents: report.documents,
    token: brief(report.token.overall),
    span: { ...brief(report.span.overall), by_category: groups(report.span) },
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
