import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specialIds } from '../../src/data/special-tokens.js';
import { batchQuestions, encodeQuestion, readMedqa } from '../../src/tasks/qa/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
const sp = SentencePieceModel.fromBytes(readFileSync(tokenizerPath), tokenizerPath);
const special = specialIds(sp, tokenizerPath);

test('MedQA reader: options in letter order; a bad record is an error naming file and line', () => {
  const good = (question: string, answer = 'A'): string => JSON.stringify({ question, options: { A: 'a', B: 'b', C: 'c', D: 'd' }, answer_idx: answer });
  const { questions } = readMedqa([JSON.stringify({ question: 'Q1?', options: { B: 'b', A: 'a', C: 'c', D: 'd' }, answer_idx: 'C', answer: 'c' }), good('Q2?')].join('\n'), 'q.jsonl');
  assert.deepEqual(questions.map((q) => [q.question, q.options.join(''), q.answer]), [['Q1?', 'abcd', 2], ['Q2?', 'abcd', 0]]);
  const bad: [string, RegExp][] = [
    [good('Q?', 'E'), /^q\.jsonl:2: answer_idx "E" is not among the options ABCD$/],
    [JSON.stringify({ question: 'Q?', options: { A: 'a', C: 'c' }, answer_idx: 'A' }), /^q\.jsonl:2: options must be A, B, \.\.\. with non-empty texts \(got AC\)$/],
    ['{not json', /^q\.jsonl:2: not valid JSON$/],
    ['null', /^q\.jsonl:2: not a JSON object$/],
    [JSON.stringify({ question: 'Q?', options: { A: 'a', B: 'b' }, answer_idx: 'B', answer: 'a' }), /^q\.jsonl:2: answer "a" is not option B \("b"\)$/],
  ];
  for (const [line, message] of bad) assert.throws(() => readMedqa(`${good('Q1?')}\n${line}\n`, 'q.jsonl'), (e: Error) => message.test(e.message), line);
});

test('question+option encoding: [CLS] q [SEP] o [SEP], question cut from the left, option as segment 1', () => {
  const q = { id: '1', question: 'word '.repeat(200) + 'Which drug is most likely?', options: ['Aspirin', 'Metformin'], answer: 1 };
  const e = encodeQuestion(q, sp, special, 64);
  for (const [i, s] of e.sequences.entries()) {
    assert.equal(s.length, 64);
    assert.equal(s[0], special.cls);
    assert.equal(s[s.length - 1], special.sep);
    assert.equal(s[e.optionStarts[i]! - 1], special.sep);
    assert.match(sp.decode([...s.slice(1, e.optionStarts[i]! - 1)]), /Which drug is most likely( ⁇ )?$/);
  }
  const { input, options, answers } = batchQuestions([e, e], special.pad);
  assert.equal(options, 2);
  assert.equal(input.batch, 4);
  assert.deepEqual([...answers], [1, 1]);
  assert.equal(input.tokenTypeIds![e.optionStarts[0]!], 1);
  assert.equal(input.tokenTypeIds![e.optionStarts[0]! - 1], 0);
});

const medqa = sharedFile('medqa', 'us_4options', 'test.jsonl');
test('the real MedQA 4-option test set reads whole', { skip: medqa.skip }, () => {
  const { questions } = readMedqa(readFileSync(medqa.path, 'utf8'), medqa.path);
  assert.equal(questions.length, 1273);
  const counts = [0, 0, 0, 0];
  for (const q of questions) counts[q.answer]!++;
  assert.deepEqual(counts, [353, 309, 346, 265]);
});
