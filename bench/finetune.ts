// `npm run bench -- finetune [--data DIR] [--tokenizer M.model] [--ner-docs N] [--qa-questions N] [--threads T] [--backend wasm|reference] [--json]`:
// fine-tuning throughput and memory of the `tiny` architecture (fresh weights: throughput does not depend on
// them) on real task data from ../shared/data: BC5CDR NER (PubTator training abstracts; batch 32, as the
// pretraining study fine-tunes) and MedQA 4-option questions (batch 8, 128 tokens per question+option).
// Training examples per second over one epoch (evaluation excluded), and the process's peak RSS.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { presetConfig } from '../src/model/index.js';
import { FINETUNE_DEFAULTS } from '../src/tasks/finetune.js';
import { NerTagger, finetuneNer, readPubtatorNer } from '../src/tasks/ner/index.js';
import { QaModel, finetuneQa, readMedqa } from '../src/tasks/qa/index.js';
import { createBackend, isBackendName } from '../src/tensor/backends/index.js';
import { Engine } from '../src/tensor/index.js';
import { SentencePieceModel } from '../src/tokenizer/index.js';
import { specialIds } from '../src/data/special-tokens.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    data: { type: 'string', default: '../shared/data' }, tokenizer: { type: 'string' },
    'ner-docs': { type: 'string', default: '128' }, 'qa-questions': { type: 'string', default: '96' }, threads: { type: 'string' },
    backend: { type: 'string', default: 'wasm' }, json: { type: 'boolean', default: false },
  } });
  const backendName = values.backend!;
  if (!isBackendName(backendName)) throw new Error(`unknown backend ${backendName}`);
  const bc5cdr = join(values.data!, 'bc5cdr', 'pubtator', 'CDR_TrainingSet.PubTator.txt');
  const medqa = join(values.data!, 'medqa', 'us_4options', 'train_subset_1030.jsonl');
  for (const path of [bc5cdr, medqa]) if (!existsSync(path)) throw new Error(`finetune bench: ${path} not found (--data names the shared data folder)`);
  const modelPath = values.tokenizer ?? join(process.cwd(), 'test', 'fixtures', 'spm-bert-2k.model');
  const sp = SentencePieceModel.fromBytes(readFileSync(modelPath), modelPath);
  const ids = specialIds(sp, modelPath);
  const config = presetConfig('tiny', { vocab_size: sp.vocabSize, pad_token_id: ids.pad, unk_token_id: ids.unk,
    cls_token_id: ids.cls, sep_token_id: ids.sep, mask_token_id: ids.mask });
  const backend = await createBackend(backendName, values.threads === undefined ? {} : { threads: Number(values.threads) });
  const engine = new Engine(backend);

  const docs = (await readPubtatorNer(readFileSync(bc5cdr, 'utf8'), bc5cdr)).slice(0, Number(values['ner-docs']) + 8);
  const tagger = NerTagger.create(engine, config, null, sp, ['Chemical', 'Disease'], 42, { classifier: 'fresh' });
  const nerExamples = tagger.examples(docs.slice(8)).length;
  const ner = await finetuneNer(tagger, docs.slice(8), docs.slice(0, 8), null, { ...FINETUNE_DEFAULTS, epochs: 1, batch: 32, lr: 1e-3 });
  tagger.model.dispose();

  const { questions } = readMedqa(readFileSync(medqa, 'utf8'), medqa);
  const qa = QaModel.create(engine, config, null, sp, 42, { classifier: 'fresh', maxLength: 128 });
  const train = questions.slice(8, 8 + Number(values['qa-questions']));
  const qaResult = await finetuneQa(qa, train, questions.slice(0, 8), null, { ...FINETUNE_DEFAULTS, epochs: 1, batch: 8, lr: 1e-4 });
  qa.model.dispose();
  backend.dispose();

  const result = {
    backend: backend.name, preset: 'tiny',
    ner: { documents: docs.length - 8, examples: nerExamples, batch: 32, examples_per_s: round(ner.epochs[0]!.examplesPerSecond) },
    qa: { questions: train.length, options: train[0]?.options.length ?? 0, batch: 8, max_length: 128, questions_per_s: round(qaResult.epochs[0]!.examplesPerSecond) },
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (values.json === true) process.stdout.write(JSON.stringify({ finetune: result }) + '\n');
  else process.stdout.write(`finetune tiny on ${result.backend}: NER ${result.ner.examples_per_s} examples/s (${result.ner.examples} examples from ${result.ner.documents} abstracts), ` +
    `QA ${result.qa.questions_per_s} questions/s (${result.qa.options} options each), peak RSS ${result.peak_rss_mb} MB\n`);
}

const round = (x: number): number => Math.round(x * 10) / 10;
