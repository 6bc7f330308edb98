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
  /** Records skipped, each with file:line and why. */
  readonly skipped: string[];
}

const LETTERS = 'ABCDEFGHIJ';

/**
 * MedQA JSONL (`question`, `options` {A: .., B: ..}, `answer_idx`). A record with missing options or an
 * answer that is not among them is skipped with a message naming file and line; the rest goes on. Every
 * question of a file must have the same number of options (a batch scores them together).
 */
export function readMedqa(content: string, fileName: string): ReadReport {
  const questions: Question[] = [];
  const skipped: string[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${fileName}:${index + 1}`;
    let record: { question?: unknown; options?: unknown; answer_idx?: unknown; realidx?: unknown; id?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      skipped.push(`${where}: not valid JSON`);
      return;
    }
    const options = record.options;
    if (typeof record.question !== 'string' || record.question.trim() === '') {
      skipped.push(`${where}: no question text`);
      return;
    }
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      skipped.push(`${where}: no options object`);
      return;
    }
    const entries = Object.entries(options as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    const letters = entries.map(([k]) => k).join('');
    if (entries.length < 2 || letters !== LETTERS.slice(0, entries.length) || !entries.every(([, v]) => typeof v === 'string' && v.trim() !== '')) {
      skipped.push(`${where}: options must be A, B, ... with non-empty texts (got ${letters || 'none'})`);
      return;
    }
    const answer = typeof record.answer_idx === 'string' ? letters.indexOf(record.answer_idx) : -1;
    if (answer < 0) {
      skipped.push(`${where}: answer_idx ${JSON.stringify(record.answer_idx)} is not among the options ${letters}`);
      return;
    }
    const id = record.realidx ?? record.id ?? String(index + 1);
    questions.push({ id: String(id), question: record.question, options: entries.map(([, v]) => v as string), answer });
  });
  const counts = new Set(questions.map((q) => q.options.length));
  if (counts.size > 1) {
    throw new MedbertError(`${fileName}: questions have different numbers of options (${[...counts].join(', ')}); use one file per option count`);
  }
  if (questions.length === 0) throw new MedbertError(`${fileName}: no usable question${skipped.length > 0 ? ` (${skipped[0]})` : ''}`);
  return { questions, skipped };
}
