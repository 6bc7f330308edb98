// A model loaded with the piece trie built by an earlier load (in this thread or, via workerData, another one)
// is the same model: same trie units, same encodings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeModelProto, SentencePieceModel } from '../../src/tokenizer/index.js';
import { PieceModel } from '../../src/tokenizer/piece-model.js';
import { readModelFile, readSharedModel } from '../../src/tokenizer/node-io.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';
import { abstractSentences } from './corpus-lines.js';
import { MODEL_NAMES, modelBytes } from './fixtures.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const bertPath = resolve(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');

test('a model given another load\'s piece trie has the same trie and encodes the same', { skip: abstracts.skip }, () => {
  const lines = abstractSentences(abstracts.path, 400);
  for (const name of MODEL_NAMES) {
    const bytes = modelBytes(name);
    const fresh = SentencePieceModel.fromBytes(bytes, name);
    const given = SentencePieceModel.fromBytes(bytes, name, { pieceTrie: structuredClone(fresh.pieceTrieUnits) });
    assert.deepEqual(given.pieceTrieUnits, fresh.pieceTrieUnits, name);
    for (const line of lines) assert.deepEqual(given.encode(line), fresh.encode(line), `${name}: ${line}`);
  }
});

test('readSharedModel: the decoded model and built piece trie it shares load, in another thread, the model of the file', () => {
  const { model, shared } = readSharedModel(bertPath);
  assert.deepEqual(shared.proto, decodeModelProto(readFileSync(bertPath)));
  assert.deepEqual(shared.pieceTrie, SentencePieceModel.fromBytes(readFileSync(bertPath)).pieceTrieUnits);
  // What a worker gets in a message: structured clones, loaded without the file format (no protobufjs).
  const worker = PieceModel.fromProto(structuredClone(shared.proto), 'worker', { pieceTrie: structuredClone(shared.pieceTrie) });
  const text = 'Metformin 500 mg twice daily reduced HbA1c in type 2 diabetes.';
  const reference = readModelFile(bertPath).encode(text);
  assert.deepEqual(model.encode(text), reference);
  assert.deepEqual(worker.encode(text), reference);
});
