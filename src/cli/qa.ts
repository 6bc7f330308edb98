import { join } from 'node:path';
import { writeFileAtomic } from '../directories.js';
import { MedbertError } from '../errors.js';
import { QaModel, finetuneQa, readMedqa, type Question } from '../tasks/qa/index.js';
import type { Engine } from '../tensor/index.js';
import { checkpointTokenizer, loadCheckpoint, saveCheckpoint, type LoadedCheckpoint } from '../train/checkpoint.js';
import { intFlag, parseFlags, printJson, required, type FlagSpec, type FlagValues } from './args.js';
import { epochName, finetuneOptions, intoCheckpointFolder, stoppedAfter } from './ner.js';
import { Progress } from './progress.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';
import { stopOnInterrupt } from './runtime.js';
import { snakeCaseKeys } from '../json-keys.js';
import { readTextFile } from './text-file.js';

/** Reads MedQA JSONL (a bad record is an error naming file and line). */
export async function readQuestions(path: string, command: string): Promise<Question[]> {
  return readMedqa(await readTextFile(path, command), path).questions;
}

/** The QA model on a checkpoint: a pretrained one to fine-tune (`fresh` classifier) or a fine-tuned one (`load`). */
function qaFrom(ckpt: LoadedCheckpoint, dir: string, engine: Engine, seed: number, maxLength: number, classifier: 'fresh' | 'load'): QaModel {
  return QaModel.create(engine, ckpt.config, ckpt.weights, checkpointTokenizer(ckpt, dir), seed, { classifier, maxLength, source: join(dir, 'model.safetensors') });
}

/** The flags of finetune qa. */
const QA_FINETUNE_FLAGS = {
  checkpoint: { type: 'string', valueName: 'DIR', description: 'pretrained checkpoint (with tokenizer.model)' },
  train: { type: 'string', valueName: 'FILE', description: 'MedQA JSONL training questions' },
  dev: { type: 'string', valueName: 'FILE', description: 'MedQA JSONL development questions (picks the best epoch)' },
  test: { type: 'string', valueName: 'FILE', description: 'MedQA JSONL test questions' },
  out: { type: 'string', valueName: 'DIR', description: 'where the fine-tuned checkpoint goes' },
  'max-length': { type: 'string', valueName: 'N', default: '256', description: 'tokens per question+option sequence' },
  epochs: { type: 'string', valueName: 'N', default: '3', description: 'passes over the training set' },
  lr: { type: 'string', valueName: 'LR', default: '5e-5', description: 'peak learning rate' },
  batch: { type: 'string', valueName: 'B', default: '8', description: 'questions per step' },
  seed: { type: 'string', valueName: 'S', default: '42', description: 'seed' },
  json: { type: 'boolean', description: 'print the scores as one JSON object' },
  ...engineFlags,
} satisfies Record<string, FlagSpec>;

type QaFinetuneValues = FlagValues<typeof QA_FINETUNE_FLAGS>;

export async function finetuneQaCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, QA_FINETUNE_FLAGS, {
    usage: 'medbert finetune qa --checkpoint DIR --train FILE --dev FILE [--test FILE] --out DIR [--json]',
    description: 'Fine-tunes multiple choice: [CLS] question [SEP] option [SEP] per option (question truncated from the left),\n' +
      'pooled [CLS] → score, softmax over the options. Keeps the epoch with the best dev accuracy.',
    examples: ['medbert finetune qa --checkpoint runs/tiny/checkpoint --train ../shared/data/medqa/us_4options/train_subset_1030.jsonl ' +
      '--dev ../shared/data/medqa/us_5options/dev.jsonl --test ../shared/data/medqa/us_4options/test.jsonl --out runs/qa'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const dir = required(v.checkpoint, 'checkpoint');
  const out = required(v.out, 'out');
  return intoCheckpointFolder(out, dir, () => finetuneQaInto(v, dir, out));
}

/** finetune qa's work once its output folder is checked and locked. */
async function finetuneQaInto(v: QaFinetuneValues, dir: string, out: string): Promise<number> {
  const train = await readQuestions(required(v.train, 'train'), 'finetune qa');
  const dev = await readQuestions(required(v.dev, 'dev'), 'finetune qa');
  const test = v.test === undefined ? null : await readQuestions(v.test, 'finetune qa');
  const options = { ...finetuneOptions({ ...v, batch: v.batch ?? '8' }) };
  const maxLength = intFlag(v['max-length'], 'max-length', 256, 16, 512);
  const engine = await engineFromFlags(v);
  const progress = new Progress('finetune qa', 'steps');
  const interrupt = stopOnInterrupt('finetune');
  try {
    const ckpt = loadCheckpoint(dir);
    const qa = qaFrom(ckpt, dir, engine, options.seed, maxLength, 'fresh');
    progress.start(1);
    const result = await finetuneQa(qa, train, dev, test, options, {
      onStep: (p) => progress.update({ done: p.step, total: p.steps, fields: { loss: p.loss, 'q/s': p.examplesPerSecond } }),
      onEpoch: (r) => process.stderr.write(`\n${epochName(r)}: loss ${r.loss.toFixed(4)}, dev accuracy ${(100 * r.dev).toFixed(2)}%\n`),
      shouldStop: interrupt.requested,
    });
    progress.stop();
    saveCheckpoint(out, { config: ckpt.config, weights: result.best, tokenizer: ckpt.tokenizer, extraConfig: { architectures: ['BertForMultipleChoice'], max_length: maxLength } });
    // A Ctrl-C ends training early: the checkpoint holds the best epoch so far, and the summary says so.
    const stopped = interrupt.requested();
    if (stopped) process.stderr.write(`finetune qa: stopped by the user ${stoppedAfter(result.epochs)}; ${out} holds the best so far\n`);
    const summary = { dev: result.dev, test: result.test, epochs: result.epochs, checkpoint: out, stopped };
    writeFileAtomic(join(out, 'scores.json'), JSON.stringify(snakeCaseKeys(summary), null, 2) + '\n');
    if (v.json === true) printJson(summary);
    else {
      process.stdout.write(`dev accuracy ${(100 * result.dev.accuracy).toFixed(2)}% (n=${result.dev.n})\n`);
      if (result.test !== null) process.stdout.write(`test accuracy ${(100 * result.test.accuracy).toFixed(2)}% (n=${result.test.n})\n`);
    }
    qa.model.dispose();
    return stopped ? interrupt.exitCode() : 0; // 130 after a Ctrl-C: a script's next step does not run on it
  } finally {
    progress.stop();
    interrupt.dispose();
    engine.backend.dispose();
  }
}

export async function evalQaCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    checkpoint: { type: 'string', valueName: 'DIR', description: 'fine-tuned QA checkpoint' },
    test: { type: 'string', valueName: 'FILE', description: 'MedQA JSONL questions' },
    json: { type: 'boolean', description: 'print {"accuracy":...,"n":...}' },
    ...engineFlags,
  }, {
    usage: 'medbert eval qa --checkpoint DIR --test FILE [--json]',
    description: 'Accuracy of a fine-tuned multiple-choice checkpoint.',
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const dir = required(v.checkpoint, 'checkpoint');
  const test = await readQuestions(required(v.test, 'test'), 'eval qa');
  const engine = await engineFromFlags(v);
  try {
    const ckpt = loadCheckpoint(dir);
    const architectures = ckpt.rawConfig['architectures'];
    if (!ckpt.weights.has('classifier.weight') || !Array.isArray(architectures) || !architectures.includes('BertForMultipleChoice')) {
      const what = Array.isArray(architectures) ? ` (its config.json says ${architectures.join(', ')})` : '';
      throw new MedbertError(`${dir} is not a fine-tuned QA checkpoint${what}: run medbert finetune qa first`);
    }
    const maxLength = ckpt.rawConfig['max_length'];
    const qa = qaFrom(ckpt, dir, engine, 0, typeof maxLength === 'number' ? maxLength : 256, 'load');
    const scores = await qa.evaluate(qa.examples(test));
    if (v.json === true) printJson(scores);
    else process.stdout.write(`accuracy ${(100 * scores.accuracy).toFixed(2)}% (n=${scores.n})\n`);
    return 0;
  } finally {
    engine.backend.dispose();
  }
}
