// `medbert prepare` loads the lexicon with parseLexicon (one string, no await per line); it must read exactly what
// the streaming readLexicon reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseLexicon, readLexicon, type LexiconEntry } from '../../src/ontology/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const lexicon = sharedFile('ontology', 'lexicon.tsv.gz');

async function streamed(text: string, chunk: number): Promise<LexiconEntry[]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
  const out: LexiconEntry[] = [];
  for await (const e of readLexicon(chunks, 'x.tsv')) out.push(e);
  return out;
}

test('parseLexicon reads CRLF, comments, blank lines and a last line without newline as readLexicon does', async () => {
  const text = 'id\ttype\tpreferred_name\tsynonyms\r\n# comment\r\n\r\nMESH:D1\tDisease\tAsthma\tasthmas|bronchial asthma\r\n' +
    'MESH:D2\tChemical\tAspirin\t\nHGNC:1\tGene\tTNF\tTNF-alpha';
  const parsed = [...parseLexicon(text, 'x.tsv')];
  assert.equal(parsed.length, 3);
  assert.deepEqual(parsed[0], { id: 'MESH:D1', type: 'disease', preferredName: 'Asthma', synonyms: ['asthmas', 'bronchial asthma'] });
  assert.deepEqual(parsed, await streamed(text, 7));
  assert.deepEqual([...parseLexicon('\ufeff' + text, 'x.tsv')], parsed);
});

test('parseLexicon names the same file and line in its errors', async () => {
  const bad = 'id\ttype\tpreferred_name\tsynonyms\n\nX:1\tplanet\tMars\t\n';
  assert.throws(() => [...parseLexicon(bad, 'x.tsv')], /x\.tsv:3: unknown entity type 'planet'/);
  await assert.rejects(streamed(bad, 5), /x\.tsv:3: unknown entity type 'planet'/);
  assert.throws(() => [...parseLexicon('# only a comment\n', 'x.tsv')], /x\.tsv: empty lexicon/);
});

test('parseLexicon and readLexicon agree on the full shared lexicon', { skip: lexicon.skip }, async () => {
  const text = new TextDecoder().decode(gunzipSync(readFileSync(lexicon.path)));
  const parsed = [...parseLexicon(text, 'lexicon.tsv')];
  assert.ok(parsed.length > 60_000, `${parsed.length} entries`);
  assert.deepEqual(parsed, await streamed(text, 1 << 16));
});
