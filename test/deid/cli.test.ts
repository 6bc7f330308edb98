import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';
import { tempFolder } from '../helpers/files.js';

const bin = join(repoRoot, 'bin', 'medbert.js');
const physionet = sharedFile('deid', 'physionet-deid', 'id.text');
const presidio = sharedFile('deid', 'presidio-synth', 'synth_dataset_v2.half.json');

function medbert(args: string[], input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('deid text from stdin to stdout, tag mode by default; invalid UTF-8 replaced with a warning', () => {
  const r = medbert(['deid'], Buffer.concat([Buffer.from('Dr. Vellacott saw pt \xff on 5/16/2031.', 'latin1')]));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'Dr. [NAME] saw pt \uFFFD on [DATE].');
  assert.match(r.stderr, /invalid UTF-8 replaced/);
});

test('deid jsonl: the text field is replaced, other fields kept, a bad line skipped and named, output atomic', (t) => {
  const dir = tempFolder(t, 'deid-');
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, '{"id":1,"note":"son bill called"}\n{oops\n{"id":2,"note":"Dr. Quennell aware","pid":9}\n');
  const out = join(dir, 'out.jsonl');
  const r = medbert(['deid', '--format', 'jsonl', '--text-field', 'note', '--input', input, '--output', out, '--mode', 'tag']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(out, 'utf8'), '{"id":1,"note":"son [NAME] called"}\n{"id":2,"note":"Dr. [NAME] aware","pid":9}\n');
  assert.match(r.stderr, /in\.jsonl:2: not valid JSON: .+; skipped/);
  assert.deepEqual(readdirSync(dir).sort(), ['in.jsonl', 'out.jsonl']);
});

test('deid jsonl rewrites the text field alone: other fields keep every byte (ids past 2^53), a numeric key its digits', () => {
  const records = [
    '{ "id": 12345678901234567890, "score": 1.0, "note": "Seen on 3/4/2019.", "tags": ["a", {"b": "\\u00e9"}] }',
    '{"id":12345678901234567891,"score":2.50e1,"note":"Seen on 3/4/2019."}',
  ];
  const r = medbert(['deid', '--format', 'jsonl', '--text-field', 'note', '--key-field', 'id', '--mode', 'surrogate', '--seed', '7'], records.join('\n') + '\n');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const notes = lines.map((line) => (JSON.parse(line) as { note: string }).note);
  assert.deepEqual(lines, records.map((record, i) => record.replace('"Seen on 3/4/2019."', JSON.stringify(notes[i]))));
  for (const note of notes) assert.match(note, /^Seen on \d{1,2}\/\d{1,2}\/20(?:18|19|20)\.$/);
  // Two patients whose ids differ past 2^53: as numbers they were one key, one date shift.
  assert.notEqual(notes[0], notes[1]);
  // A text field given twice (the second spelled with an escape): JSON.parse keeps the last, and the first must not
  // go out as it came. One given as something else than text: the record is skipped.
  const twice = medbert(['deid', '--format', 'jsonl', '--text-field', 'note'],
    '{"note":"Seen by Dr. Quennell on 3/4/2019.","id":1,"no\\u0074e":"ok"}\n{"note":{"x":"Dr. Quennell"},"note":"ok"}\n');
  assert.equal(twice.code, 0, twice.stderr);
  assert.equal(twice.stdout, '{"note":"Seen by Dr. [NAME] on [DATE].","id":1,"no\\u0074e":"ok"}\n');
  assert.match(twice.stderr, /stdin:2: the field "note" is given 2 times, not all as text; skipped/);
});

test('deid csv with --text-column, surrogate mode; a missing column is one clear error and no output file', (t) => {
  const dir = tempFolder(t, 'deid-');
  const input = join(dir, 'in.csv');
  writeFileSync(input, 'id,transcription\n1,"Seen by Dr. Vellacott, ""stable"", on 3/4/2019"\n');
  const r = medbert(['deid', '--format', 'csv', '--text-column', 'transcription', '--input', input, '--mode', 'surrogate', '--seed', '7']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id,transcription');
  assert.match(lines[1] ?? '', /^1,"Seen by Dr\. [A-Z][a-z]+, ""stable"", on \d{1,2}\/\d{1,2}\/20(?:18|19|20)"$/);
  assert.ok(!(lines[1] ?? '').includes('Vellacott'));
  const out = join(dir, 'x.csv');
  const bad = medbert(['deid', '--format', 'csv', '--text-column', 'nope', '--input', input, '--output', out]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^medbert: .*no column "nope"/);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), ['in.csv']);
});

test('deid csv: a quote inside an unquoted field is a character; a row whose quoted field is never closed is skipped and named, the rows after it kept', () => {
  const input = 'id,transcription\n1,Pt is 5\'10" tall; Dr. Vellacott aware\n2,"unclosed note by Dr. Vellacott\n3,"fine"\n4,"also, Dr. Quenby"\n';
  const r = medbert(['deid', '--format', 'csv', '--text-column', 'transcription'], input);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'id,transcription\n1,"Pt is 5\'10"" tall; Dr. [NAME] aware"\n3,fine\n4,"also, Dr. [NAME]"\n');
  assert.match(r.stderr, /stdin:3: bad CSV row \(.*\); skipped/);
  assert.match(r.stderr, /1 record\(s\) skipped/);
});

test('deid csv keeps the input\'s CRLF line ends (RFC 4180), and LF ones', () => {
  const crlf = medbert(['deid', '--format', 'csv', '--text-column', 'transcription'], 'id,transcription\r\n1,"Dr. Vellacott saw her, 3/4/2019"\r\n2,ok\r\n');
  assert.equal(crlf.stdout, 'id,transcription\r\n1,"Dr. [NAME] saw her, [DATE]"\r\n2,ok\r\n');
  assert.equal(medbert(['deid', '--format', 'csv', '--text-column', 'transcription'], 'id,transcription\n2,ok\n').stdout, 'id,transcription\n2,ok\n');
});

test('bad flags are one clear line', (t) => {
  const r = medbert(['deid', '--mode', 'redact']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'medbert: --mode=redact is not valid: expected tag or surrogate\n');
  assert.match(medbert(['deid', 'eval']).stderr, /give exactly one of --physionet DIR or --presidio FILE/);
  assert.match(medbert(['deid', 'eval', '--help']).stdout, /token recall = gold PHI tokens predicted as PHI/);
  const dir = tempFolder(t, 'medbert-deid-eval-');
  writeFileSync(join(dir, 'none.json'), '[]');
  const empty = medbert(['deid', 'eval', '--presidio', join(dir, 'none.json'), '--json']);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /none\.json: no documents to score\n$/);
  mkdirSync(join(dir, 'pn', 'id.text'), { recursive: true });
  writeFileSync(join(dir, 'pn', 'id-phi.phrase'), '');
  assert.match(medbert(['deid', 'eval', '--physionet', join(dir, 'pn')]).stderr, /id\.text is a folder, not a file\n$/);
});

test('deid: --output the input file is refused; a JSONL record without its --key-field is named and counted', (t) => {
  const dir = tempFolder(t, 'medbert-deid-same-');
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'Seen by Dr. Quenby on 3/4/2020.');
  writeFileSync(join(dir, 'empty.txt'), '');
  assert.match(medbert(['deid', '--input', join(dir, 'empty.txt')]).stderr, /empty\.txt: the input is empty/);
  assert.match(medbert(['deid', '--format', 'jsonl'], '').stderr, /stdin: no records in the input/);
  const same = medbert(['deid', '--input', notes, '--output', notes]);
  assert.equal(same.code, 1);
  assert.match(same.stderr, /--output .+notes\.txt is the input file/);
  assert.equal(readFileSync(notes, 'utf8'), 'Seen by Dr. Quenby on 3/4/2020.');
  const keyless = medbert(['deid', '--format', 'jsonl', '--key-field', 'patient', '--mode', 'surrogate'],
    '{"text":"Seen 3/4/2020","patient":"7"}\n{"text":"Seen 3/5/2020"}\n{"text":"Seen 3/6/2020"}\n');
  assert.equal(keyless.code, 0, keyless.stderr);
  assert.match(keyless.stderr, /stdin:2: no field "patient" \(--key-field\)/);
  assert.match(keyless.stderr, /2 record\(s\) without the field "patient" in stdin/);
});

test('deid eval --patients: a folder or a missing file is one clear line', { skip: physionet.skip }, (t) => {
  const dir = tempFolder(t, 'medbert-deid-patients-');
  const physionetDir = join(physionet.path, '..');
  assert.match(medbert(['deid', 'eval', '--physionet', physionetDir, '--patients', dir]).stderr, /--patients .+ is a folder, not a file\n$/);
  assert.match(medbert(['deid', 'eval', '--physionet', physionetDir, '--patients', join(dir, 'ids.txt')]).stderr, /--patients .+ids\.txt: no such file\n$/);
});

test('deid eval --physionet --json: token-level overall figures, one JSON line on stdout; the table on stderr', { skip: physionet.skip }, () => {
  const dir = physionet.path.replace(/\/id\.text$/, '');
  const r = medbert(['deid', 'eval', '--physionet', dir, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'stdout is the JSON line alone');
  const last = JSON.parse(lines[lines.length - 1] ?? '{}') as { recall: number; precision: number; f1: number; by_category: Record<string, { recall: number }>; span: { recall: number } };
  assert.ok(last.recall > 0.95 && last.precision > 0.95 && last.f1 > 0.95);
  assert.ok(last.by_category.NAME !== undefined && last.by_category.DATE !== undefined && last.span.recall > 0.9);
  assert.match(r.stderr, /token\s+overall\s+1123\s/);
  assert.match(r.stderr, /span\s+overall\s+860\s/);
});

test('deid eval --presidio prints per-category rows', { skip: presidio.skip }, () => {
  const r = medbert(['deid', 'eval', '--presidio', presidio.path, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const last = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { by_category: Record<string, { recall: number }> };
  assert.ok((last.by_category.ID?.recall ?? 0) > 0.9 && (last.by_category.DATE?.recall ?? 0) > 0.8);
});

test('deid without --format reads a .jsonl or .csv input as such, as prepare does (it read them as one text)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deid-'));
  try {
    const jsonl = join(dir, 'notes.jsonl');
    writeFileSync(jsonl, '{"id":1,"text":"son bill called"}\n');
    const fromJsonl = medbert(['deid', '--input', jsonl]);
    assert.equal(fromJsonl.code, 0, fromJsonl.stderr);
    assert.equal(fromJsonl.stdout, '{"id":1,"text":"son [NAME] called"}\n');
    const csv = join(dir, 'notes.csv');
    writeFileSync(csv, 'sample_name,text\nx,"Dr. Quennell aware"\n');
    const fromCsv = medbert(['deid', '--input', csv]);
    assert.equal(fromCsv.code, 0, fromCsv.stderr);
    assert.equal(fromCsv.stdout, 'sample_name,text\nx,Dr. [NAME] aware\n');
    const asText = medbert(['deid', '--input', csv, '--format', 'text']);
    assert.match(asText.stdout, /Dr\. \[NAME\] aware/); // --format still decides
    assert.match(asText.stdout, /^sample_name,text/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('deid --format jsonl on a JSON document spread over lines says so (presidio\'s .json read as JSON Lines)', () => {
  const r = medbert(['deid', '--format', 'jsonl'], '[\n  {\n    "text": "Dr. Quennell aware"\n  }\n]\n');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^medbert deid: warning: stdin:1: not valid JSON: a JSON document over several lines, not JSON Lines \(one object per line\); skipped$/m);
  assert.match(r.stderr, /stdin: all 5 records skipped/);
});
