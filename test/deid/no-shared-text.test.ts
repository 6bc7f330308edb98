import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SAMPLE } from '../../src/deid/warm-up.js';
import { sharedFile } from '../helpers/shared-data.js';

/**
 * Data under ../shared/data is never copied into the repo: text written for the de-identifier (the warm-up note)
 * must not quote the evaluation notes. A quote of four words or more is found as a shared 4-word shingle.
 */
const physionet = sharedFile('deid', 'physionet-deid');
const presidio = sharedFile('deid', 'presidio-synth');

/** Lower-cased words split on whitespace; JSON's escaped line breaks and tabs split words too. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/\\[nrt]/g, ' ').split(/\s+/).filter((w) => w.length > 0);
}

function shingles(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
  return out;
}

/** Every 4-word shingle of every file of the two evaluation sets. */
function sharedShingles(): Set<string> {
  const all = new Set<string>();
  for (const dir of [physionet.path, presidio.path]) {
    for (const name of readdirSync(dir)) for (const s of shingles(readFileSync(join(dir, name), 'utf8'))) all.add(s);
  }
  return all;
}

const skip = physionet.skip || presidio.skip;

test('the shingle test finds a quote of an evaluation note', { skip }, () => {
  // The check itself: four words of a real note are found (so a pass below means something).
  const note = readFileSync(join(physionet.path, 'id.text'), 'utf8').split('\n').find((l) => words(l).length >= 8) as string;
  const quote = words(note).slice(2, 6).join(' ');
  assert.ok(sharedShingles().has(quote), quote);
});

test('the warm-up sample quotes no four words of the evaluation notes', { skip }, () => {
  const shared = sharedShingles();
  const sample = shingles(SAMPLE);
  assert.ok(sample.length > 150);
  assert.deepEqual(sample.filter((s) => shared.has(s)), []);
});
