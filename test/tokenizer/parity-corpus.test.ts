// Thousands of real lines through Google's spm_encode/spm_decode and through medbert, on every fixture model.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedFile } from '../helpers/shared-data.js';
import { MODEL_NAMES, loadModel, missingTool, modelBytes, splitLines } from './fixtures.js';
import { abstractSentences } from './corpus-lines.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const skip = abstracts.skip || missingTool('spm_encode');

test('ids, pieces and decoded text equal spm_encode/spm_decode on 4,000 abstract lines for 6 model settings', { skip }, () => {
  // Lines from the start of the file with odd whitespace mixed in, so the whitespace rules get exercised.
  const lines = abstractSentences(abstracts.path, 4000).map((s, i) => (i % 5 === 0 ? `  ${s.replace(/ /g, '\t ')}\u00a0 ` : s));
  const dir = mkdtempSync(join(tmpdir(), 'medbert-spm-'));
  try {
    const input = join(dir, 'lines.txt');
    writeFileSync(input, lines.join('\n') + '\n');
    for (const name of MODEL_NAMES) {
      const modelPath = join(dir, `${name}.model`);
      writeFileSync(modelPath, modelBytes(name));
      const run = (tool: string, args: string[], stdin?: string): string[] =>
        execFileSync(tool, [`--model=${modelPath}`, ...args], { input: stdin, maxBuffer: 1 << 28 }).toString('utf8').split('\n');
      const ids = run('spm_encode', ['--output_format=id', input]);
      const pieces = run('spm_encode', ['--output_format=piece', input]);
      const decoded = run('spm_decode', ['--input_format=id'], ids.slice(0, lines.length).join('\n') + '\n');
      const model = loadModel(name);
      for (let i = 0; i < lines.length; i++) {
        const where = `${name} line ${i + 1}`;
        const got = model.encode(lines[i]);
        assert.equal(got.join(' '), ids[i], `${where} ids`);
        assert.equal(model.encodeAsPieces(lines[i]).join(' '), pieces[i], `${where} pieces`);
        assert.equal(model.decode(got), decoded[i], `${where} decode`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('random bytes (malformed UTF-8, control characters, NULs) and a 1 MB line encode as spm_encode does', { skip: missingTool('spm_encode') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-spm-'));
  try {
    // Seeded bytes, biased towards UTF-8 lead and continuation bytes so that near-valid sequences are common.
    let state = 12345;
    const next = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state >>> 16; };
    const random = new Uint8Array(300000);
    for (let i = 0; i < random.length; i++) {
      const r = next() % 10;
      random[i] = r < 4 ? 0x20 + (next() % 95) : r < 7 ? 0x80 + (next() % 0x80) : next() % 256;
    }
    const words = 'the patient was given 5 mg of drug daily '.repeat(26000);
    const longLine = new TextEncoder().encode(words.slice(0, 1 << 20) + '\n');
    for (const [label, bytes] of [['random', random], ['long line', longLine]] as const) {
      const input = join(dir, 'input.bin');
      writeFileSync(input, bytes);
      for (const name of ['nmt', 'bytefb'] as const) {
        const modelPath = join(dir, `${name}.model`);
        writeFileSync(modelPath, modelBytes(name));
        const expected = execFileSync('spm_encode', [`--model=${modelPath}`, '--output_format=id', input], { maxBuffer: 1 << 28 }).toString('utf8').split('\n');
        const model = loadModel(name);
        const lines = splitLines(bytes);
        for (let i = 0; i < lines.length; i++) assert.equal(model.encodeBytes(lines[i]).join(' '), expected[i], `${label}, ${name}, line ${i + 1}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
