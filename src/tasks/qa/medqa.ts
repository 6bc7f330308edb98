import { MedbertError } from '../../errors.js';

/** One multiple-choice question. */
export interface Question {
  readonly id: string;
  readonly question: string;
  /** Option texts in letter order (A, B, ...). */
  readonly options: readonly string[];
  /** Index of the correct option. */
  readonly answer: number;
}

export interface ReadReport {
  readonly questions: Question[];
}

const LETTERS = 'ABCDEFGHIJ';

/**
 * MedQA JSONL (`question`, `options` {A: .., B: ..}, `answer_idx`, and `answer` the right option's text when given).
 * Strict, as the NER readers are: a record that is not JSON, lacks its question or options, or whose answer is not
 * among them is a MedbertError naming file and line (skipped, it would change what an accuracy is over). Every
 * question of a file must have the same number of options (a batch scores them together).
 */
export function readMedqa(content: string, fileName: string): ReadReport {
  const questions: Question[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const fail = (why: string): never => {
      throw new MedbertError(`${fileName}:${index + 1}: ${why}`);
    };
    let record: { question?: unknown; options?: unknown; answer_idx?: unknown; answer?: unknown; realidx?: unknown; id?: unknown } = {};
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      fail('not valid JSON');
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) fail('not a JSON object');
    const options = record.options;
    if (typeof record.question !== 'string' || record.question.trim() === '') fail('no question text');
    if (options === null || typeof options !== 'object' || Array.isArray(options)) fail('no options object');
    const entries = Object.entries(options as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    const letters = entries.map(([k]) => k).join('');
    if (entries.length < 2 || letters !== LETTERS.slice(0, entries.length) || !entries.every(([, v]) => typeof v === 'string' && v.trim() !== '')) {
      fail(`options must be A, B, ... with non-empty texts (got ${letters || 'none'})`);
    }
    const answer = typeof record.answer_idx === 'string' ? letters.indexOf(record.answer_idx) : -1;
    if (answer < 0) fail(`answer_idx ${JSON.stringify(record.answer_idx)} is not among the options ${letters}`);
    const right = entries[answer]![1] as string;
    if (typeof record.answer === 'string' && record.answer.trim() !== right.trim()) {
      fail(`answer ${JSON.stringify(record.answer)} is not option ${record.answer_idx as string} (${JSON.stringify(right)})`);
    }
    const id = record.realidx ?? record.id ?? String(index + 1);
    questions.push({ id: String(id), question: record.question as string, options: entries.map(([, v]) => v as string), answer });
  });
  const counts = new Set(questions.map((q) => q.options.length));
  if (counts.size > 1) {
    throw new MedbertError(`${fileName}: questions have different numbers of options (${[...counts].join(', ')}); use one file per option count`);
  }
  if (questions.length === 0) throw new MedbertError(`${fileName}: no question`);
  return { questions };
}
