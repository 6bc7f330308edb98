import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { findPhi } from '../../src/deid/find.js';
import { deidentify } from '../../src/deid/index.js';

/**
 * No state of the recognisers may carry from one note to the next (the trigger table, the shape scan and the
 * patterns' regexes are reused): a note de-identified as the very first call of a fresh thread must come out as
 * it does after other notes.
 */
const NOTES = [
  'Pt seen by Dr. Vellacott on 5/16/2031; Vellacott aware. Wife Alana Bramwell (413-555-0162) visited 5/17.',
  'TRANSFER TO HALVORSEN 4. SON-PELLAMY---413 555-0184. 94 YO. FROM CUMBERLAND, MD. MRN: 0071234.',
  'quellan dorsivet is a 58 yr old woman adm 9/7, lives at 27 Linnet St. in Mount Airy, zip MD 21771.',
  'Mrs. Várkonyiné and Þorvaldsdóttir aware; seen at Sacred Vale Memorial on Oct 20th, 2030. kb.marsh@example.net',
];

/**
 * What a fresh worker thread gives for one note as its very first call: `findPhi`'s spans, or `deidentify`'s
 * tagged text (each in its own thread, so neither runs after the other).
 */
function inFreshThread(note: string, call: 'findPhi' | 'deidentify'): Promise<string> {
  const find = new URL('../../src/deid/find.js', import.meta.url).href;
  const index = new URL('../../src/deid/index.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    Promise.all([import(${JSON.stringify(find)}), import(${JSON.stringify(index)})]).then(([f, d]) => {
      const result = workerData.call === 'findPhi' ? f.findPhi(workerData.note) : d.deidentify(workerData.note).text;
      parentPort.postMessage(JSON.stringify(result));
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { note, call } });
    worker.once('message', (m: string) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      reject(e);
      void worker.terminate();
    });
    // A thread that ends without a message (an import that never settles, process.exit) fails the test.
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before it answered`)));
  });
}

test('a note de-identified first in a fresh thread comes out as after other notes', async () => {
  const spans = await Promise.all(NOTES.map((note) => inFreshThread(note, 'findPhi')));
  const texts = await Promise.all(NOTES.map((note) => inFreshThread(note, 'deidentify')));
  const first = NOTES.map((_, i) => ({
    spans: JSON.parse(spans[i] as string) as unknown,
    text: JSON.parse(texts[i] as string) as unknown,
  }));
  // Here, after other notes: the notes in reverse order, as written and in both cases.
  for (const text of [...NOTES].reverse()) for (const t of [text, text.toUpperCase(), text.toLowerCase()]) findPhi(t);
  const later = NOTES.map((note) => ({ spans: JSON.parse(JSON.stringify(findPhi(note))) as unknown, text: deidentify(note).text }));
  assert.deepEqual(first, later);
  // The notes do hold PHI of several kinds (the comparison is not of empty results).
  const categories = new Set(NOTES.flatMap((n) => findPhi(n).map((s) => s.category)));
  assert.ok(categories.size >= 7, [...categories].join(' '));
});
