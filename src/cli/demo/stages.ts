import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceSpans } from '../../corpus/index.js';
import { readCorpusFile } from '../../corpus/node-io.js';
import { openShardSource } from '../../data/shard-files.js';
import { specialIds } from '../../data/special-tokens.js';
import { deidentify, findPhi, scoreDocuments, type GoldDocument } from '../../deid/index.js';
import { readPhysionetDir } from '../../deid/node-io.js';
import { presetConfig, countParameters } from '../../model/index.js';
import { generateDemoCorpus } from '../../synth/index.js';
import { finetuneNer, NerTagger } from '../../tasks/ner/index.js';
import { QaModel, finetuneQa } from '../../tasks/qa/index.js';
import type { Engine } from '../../tensor/index.js';
import { encodeModelProto, SentencePieceModel, trainUnigram } from '../../tokenizer/index.js';
import { checkpointTokenizer, loadCheckpoint } from '../../train/checkpoint.js';
import { pretrain, PAPER_RECIPE, type StepMetrics } from '../../train/pretrain.js';
import { readNerFile } from '../ner.js';
import { prepareShards, type PrepareSummary } from '../prepare.js';
import { Progress } from '../progress.js';
import { readQuestions } from '../qa.js';
import type { DemoFiles, DemoPlan } from './plan.js';
import type { DemoReport } from './report-html.js';
import { makeDirectories } from '../../directories.js';

type Figures<K extends keyof DemoReport> = NonNullable<DemoReport[K]>;

/** Writes the generated corpus under OUT/data and says where each stage finds its input. */
export async function writeSyntheticCorpus(plan: DemoPlan): Promise<DemoFiles> {
  const dir = join(plan.out, 'data');
  makeDirectories(dir);
  const corpus = await generateDemoCorpus({ seed: plan.seed, ...plan.synthetic });
  for (const [name, text] of Object.entries(corpus.files)) writeFileSync(join(dir, name), text);
  return {
    pretrainInputs: [
      { path: join(dir, 'abstracts.jsonl'), format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'transcription', deid: null },
      { path: join(dir, 'notes.csv'), format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
    ],
    ontology: 'builtin',
    nerTrain: join(dir, 'ner-train.pubtator'), nerDev: join(dir, 'ner-dev.pubtator'), nerTest: join(dir, 'ner-test.pubtator'),
    deidGold: { kind: 'jsonl', path: join(dir, 'notes-phi.jsonl') },
    qa: null,
  };
}

/** Scores the de-identifier against the gold PHI (token level in the top fields, as `medbert deid eval`). */
export function evaluateDeid(files: DemoFiles): Figures<'deid'> {
  const gold: GoldDocument[] = files.deidGold.kind === 'physionet' ? readPhysionetDir(files.deidGold.dir)
    : readFileSync(files.deidGold.path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as GoldDocument);
  const { report } = scoreDocuments(gold, (text) => findPhi(text));
  const by_category: Figures<'deid'>['by_category'] = {};
  for (const [group, s] of Object.entries(report.token.byGroup)) {
    if (s.gold + s.predicted > 0) {
      by_category[group] = { recall: s.recall, precision: s.precision, f1: s.f1, gold: s.gold, missed: s.gold - s.goldFound,
        false_positives: s.predicted - s.predictedRight };
    }
  }
  const o = report.token.overall, sp = report.span.overall;
  return { documents: report.documents, recall: o.recall, precision: o.precision, f1: o.f1,
    span: { recall: sp.recall, precision: sp.precision, f1: sp.f1 }, by_category };
}

/** Trains the SentencePiece unigram tokenizer on the (de-identified) pretraining text, with BERT's pieces. */
export async function trainTokenizer(plan: DemoPlan, files: DemoFiles): Promise<{ path: string; figures: DemoReport['tokenizer'] }> {
  const started = performance.now();
  const lines: string[] = [];
  for (const input of files.pretrainInputs) {
    const docs = readCorpusFile(input.path, { ...(input.format === undefined ? {} : { format: input.format }),
      textFields: [...input.textFields], textColumn: input.textColumn });
    for await (const doc of docs) {
      for (const paragraph of doc.paragraphs) {
        const text = input.deid === null ? paragraph : deidentify(paragraph, { mode: input.deid, key: doc.id }).text;
        for (const s of sentenceSpans(text)) lines.push(text.slice(s.start, s.end));
      }
    }
  }
  const progress = new Progress('tokenizer', 'steps');
  const trained = trainUnigram(lines, {
    vocab_size: plan.vocabSize, pad_id: 0, unk_id: 1, bos_id: -1, eos_id: -1,
    user_defined_symbols: ['[CLS]', '[SEP]', '[MASK]'], input_sentence_size: plan.tokenizerSentences, num_threads: 2,
    hard_vocab_limit: false,
    random_seed: plan.seed, model_prefix: 'spm', input: files.pretrainInputs.map((i) => i.path),
  }, (p) => progress.update({ done: p.done, total: Math.max(p.total, p.done), fields: { phase: p.phase } }));
  progress.stop();
  const dir = join(plan.out, 'tokenizer');
  makeDirectories(dir);
  const path = join(dir, 'spm.model');
  writeFileSync(path, encodeModelProto(trained.proto));
  writeFileSync(join(dir, 'spm.vocab'), trained.vocab);
  return { path, figures: { vocab_size: trained.proto.pieces.length, sentences: lines.length, seconds: (performance.now() - started) / 1000 } };
}

export async function prepare(plan: DemoPlan, files: DemoFiles, tokenizerPath: string): Promise<{ dir: string; summary: PrepareSummary }> {
  const dir = join(plan.out, 'shards');
  const summary = await prepareShards({ inputs: files.pretrainInputs, tokenizerPath, ontology: files.ontology, nearDedup: false,
    seqLen: plan.seqLen, out: dir, resumable: false }); // demo has no --resume: a stopped stage keeps nothing
  return { dir, summary };
}

export async function pretrainModel(engine: Engine, plan: DemoPlan, shards: string, shouldStop: () => boolean): Promise<{ checkpoint: string; figures: Figures<'pretrain'> }> {
  const { manifest, source } = openShardSource(shards, plan.seed);
  const sp = SentencePieceModel.fromBytes(readFileSync(join(shards, 'tokenizer.model')), join(shards, 'tokenizer.model'));
  const ids = specialIds(sp, join(shards, 'tokenizer.model'));
  const config = presetConfig(plan.preset, {
    ...plan.modelOverrides, vocab_size: sp.vocabSize, pad_token_id: ids.pad, unk_token_id: ids.unk, cls_token_id: ids.cls,
    sep_token_id: ids.sep, mask_token_id: ids.mask, num_entity_concepts: manifest.concepts.length,
  });
  const steps: StepMetrics[] = [];
  const progress = new Progress('pretrain', 'steps');
  progress.start(plan.steps);
  const result = await pretrain({
    engine, config, source, outDir: join(plan.out, 'pretrain'), resume: false, tokenizer: sp.toBytes(), shouldStop,
    options: { ...PAPER_RECIPE, steps: plan.steps, microBatch: plan.microBatch, accumulation: 1, lr: plan.lr,
      warmup: Math.max(1, Math.round(plan.steps / 10)), seed: plan.seed, checkpointEvery: 0 },
    onStep: (m) => {
      steps.push(m);
      progress.update({ done: m.step, total: plan.steps, fields: { loss: m.loss, 'tok/s': m.tokens_per_s } });
    },
  });
  progress.stop();
  const pairs = (f: (m: StepMetrics) => number | null): [number, number][] =>
    steps.filter((m) => f(m) !== null).map((m) => [m.step, f(m)!]);
  return {
    checkpoint: result.checkpoint,
    figures: {
      preset: plan.preset, parameters: countParameters(config).total, steps: steps.length,
      losses: pairs((m) => m.loss), mlm_losses: pairs((m) => m.mlm_loss), entity_losses: pairs((m) => m.entity_loss),
      lr: pairs((m) => m.lr), tokens_per_s: pairs((m) => m.tokens_per_s),
    },
  };
}

/** The first plan.taskLimit items (all when null). */
function limited<T>(items: T[], plan: DemoPlan): T[] {
  return plan.taskLimit === null ? items : items.slice(0, plan.taskLimit);
}

export async function finetuneNerStage(engine: Engine, plan: DemoPlan, files: DemoFiles, checkpoint: string, shouldStop: () => boolean): Promise<Figures<'ner'>> {
  const ckpt = loadCheckpoint(checkpoint);
  const sp = checkpointTokenizer(ckpt, checkpoint);
  const tagger = NerTagger.create(engine, ckpt.config, ckpt.weights, sp, ['Chemical', 'Disease'], plan.seed,
    { classifier: 'fresh', source: join(checkpoint, 'model.safetensors') });
  const [train, dev, test] = (await Promise.all([readNerFile(files.nerTrain, 'demo'), readNerFile(files.nerDev, 'demo'), readNerFile(files.nerTest, 'demo')]))
    .map((docs) => limited(docs, plan));
  const progress = new Progress('finetune ner', 'steps');
  let rate = 0;
  const result = await finetuneNer(tagger, train, dev, test, { epochs: plan.ner.epochs, lr: plan.ner.lr, batch: plan.ner.batch,
    warmupRatio: 0.1, weightDecay: 0.01, clip: 1, seed: plan.seed }, {
    onStep: (p) => {
      rate = p.examplesPerSecond;
      progress.update({ done: p.step, total: p.steps, fields: { loss: p.loss, 'ex/s': p.examplesPerSecond } });
    },
    shouldStop,
  });
  progress.stop();
  tagger.model.dispose();
  writeFileSync(join(plan.out, 'ner-scores.json'), JSON.stringify({ dev: result.dev, test: result.test }, null, 2) + '\n');
  return { dev: result.dev, test: result.test, examples_per_s: rate };
}

export async function finetuneQaStage(engine: Engine, plan: DemoPlan, files: DemoFiles, checkpoint: string, shouldStop: () => boolean): Promise<Figures<'qa'> | undefined> {
  if (files.qa === null || plan.qa === null) return undefined;
  const ckpt = loadCheckpoint(checkpoint);
  const sp = checkpointTokenizer(ckpt, checkpoint);
  const qa = QaModel.create(engine, ckpt.config, ckpt.weights, sp, plan.seed,
    { classifier: 'fresh', maxLength: Math.min(256, plan.seqLen * 2), source: join(checkpoint, 'model.safetensors') });
  const progress = new Progress('finetune qa', 'steps');
  const [train, dev, test] = (await Promise.all([readQuestions(files.qa.train, 'demo'), readQuestions(files.qa.dev, 'demo'), readQuestions(files.qa.test, 'demo')]))
    .map((questions) => limited(questions, plan));
  const result = await finetuneQa(qa, train!, dev!, test!,
    { epochs: plan.qa.epochs, lr: plan.qa.lr, batch: plan.qa.batch, warmupRatio: 0.1, weightDecay: 0.01, clip: 1, seed: plan.seed },
    { onStep: (p) => progress.update({ done: p.step, total: p.steps, fields: { loss: p.loss } }), shouldStop });
  progress.stop();
  qa.model.dispose();
  return { dev: result.dev, test: result.test };
}
