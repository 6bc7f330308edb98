// Loads the committed SentencePiece fixtures (tools/spm/fixtures, made by tools/spm/make_fixtures.sh with
// Google's spm_train/spm_encode/spm_decode 0.1.97).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../helpers/shared-data.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';

export const fixtureDir = resolve(repoRoot, 'tools', 'spm', 'fixtures');

/** The model settings with fixtures: default nmt_nfkc, identity, byte fallback, user-defined symbols, ... */
export const MODEL_NAMES = ['nmt', 'identity', 'bytefb', 'uds', 'nodummy', 'digits'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export function modelBytes(name: ModelName): Uint8Array {
  return new Uint8Array(gunzipSync(readFileSync(resolve(fixtureDir, `${name}.model.gz`))));
}

export function loadModel(name: ModelName): SentencePieceModel {
  return SentencePieceModel.fromBytes(modelBytes(name), `${name}.model`);
}

/** Lines of a gzipped expectation file (one per hard line). */
export function expected(name: ModelName, kind: 'ids' | 'pieces' | 'decoded' | 'pdecoded' | 'offsets'): string[] {
  const text = gunzipSync(readFileSync(resolve(fixtureDir, `${name}.${kind}.gz`))).toString('utf8');
  return text.split('\n').slice(0, -1);
}

/** Splits bytes on \n only, as spm_encode does (a last line without newline still counts). */
export function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) { out.push(bytes.subarray(start, i)); start = i + 1; }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

/** Our hard-Unicode lines (raw bytes, some deliberately malformed UTF-8). */
export function hardLines(): Uint8Array[] {
  return splitLines(new Uint8Array(readFileSync(resolve(fixtureDir, 'hard.txt'))));
}

/** Why a test needing Google's command-line tools must skip, or false when `tool` runs. */
export function missingTool(tool: string): string | false {
  try {
    execFileSync(tool, ['--help'], { stdio: 'ignore' });
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return `needs ${tool} on PATH (Debian: apt-get install sentencepiece)`;
    return false; // spm tools exit non-zero after printing --help; they are there.
  }
}
