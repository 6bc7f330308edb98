import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { intFlag, parseFlags, printJson } from './args.js';
import type { Command } from './command.js';
import { DEFAULT_PLAN, QUICK_PLAN, SHARED_PLAN, SHARED_QUICK_PLAN, sharedFiles, type DemoFiles, type DemoPlan } from './demo/plan.js';
import { renderReport, type DemoReport } from './demo/report-html.js';
import {
  evaluateDeid, finetuneNerStage, finetuneQaStage, prepare, pretrainModel, trainTokenizer, writeSyntheticCorpus,
} from './demo/stages.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';
import { stopOnInterrupt } from './runtime.js';
import { checkOutputFolder, makeDirectories, OutputLock } from '../directories.js';
import { snakeCaseKeys } from '../json-keys.js';
import { packageVersion } from './version.js';

export const demoCommand: Command = {
  name: 'demo',
  async run(argv) {
    const parsed = parseFlags(argv, {
      out: { type: 'string', valueName: 'DIR', default: 'runs/demo', description: 'where everything is written' },
      data: { type: 'string', valueName: 'DIR', description: 'run on real corpora laid out like ../shared/data (default: the built-in generated corpus)' },
      quick: { type: 'boolean', description: 'the smallest setting: every stage on a tiny corpus and model (seconds; with --data, the tiny model on the real corpora and the first 200 documents and questions of each NER and QA file)' },
      steps: { type: 'string', valueName: 'N', description: 'pretraining steps (default 300; 1000 with --data; 40 with --quick)' },
      seed: { type: 'string', valueName: 'S', default: '42', description: 'seed for every stage' },
      json: { type: 'boolean', description: 'print report.json\'s figures as one JSON object' },
      ...engineFlags,
    }, {
      usage: 'medbert demo [--out DIR] [--data DIR] [--quick] [--steps N] [--json]',
      description: 'Runs the whole pipeline: generate (or read) the corpus, de-identify the notes and score the de-identifier,\n' +
        'train a SentencePiece tokenizer, prepare shards with linked entities, pretrain a tiny BERT (MLM + entity\n' +
        'prediction), fine-tune NER (and MedQA with --data), and write report.html and report.json under --out.',
      examples: ['medbert demo', 'medbert demo --quick --out /tmp/demo', 'medbert demo --data ../shared/data --out runs/real'],
    });
    if (parsed === null) return 0;
    const v = parsed.values;
    const base = v.data !== undefined ? (v.quick === true ? SHARED_QUICK_PLAN : SHARED_PLAN) : v.quick === true ? QUICK_PLAN : DEFAULT_PLAN;
    const plan: DemoPlan = {
      ...base, out: v.out ?? 'runs/demo', corpus: v.data === undefined ? 'synthetic' : { dataDir: v.data },
      steps: intFlag(v.steps, 'steps', base.steps, 1), seed: intFlag(v.seed, 'seed', 42, 0),
    };
    const files: DemoFiles | null = v.data === undefined ? null : sharedFiles(v.data);
    // An earlier demo's folder (its report, or the first stages' folders) is written over; a folder of other files is not.
    checkOutputFolder(plan.out, ['report.json', 'data', 'tokenizer', 'shards', 'pretrain'], 'demo folder');
    const engine = await engineFromFlags(v); // its flags checked before --out is made
    const lock = OutputLock.acquire(plan.out); // a second demo into the same folder fails at once
    try {
      makeDirectories(plan.out);
    } catch (error) {
      lock.release();
      throw error;
    }
    const interrupt = stopOnInterrupt('demo');
    const seconds: Record<string, number> = {};
    const stage = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
      if (interrupt.requested()) throw new MedbertError(`demo stopped by the user before ${name}; finished stages are in ${plan.out}`, { exitCode: interrupt.exitCode() });
      process.stderr.write(`\n== ${name}\n`);
      const t0 = performance.now();
      const result = await fn();
      seconds[name] = (performance.now() - t0) / 1000;
      return result;
    };
    try {
      const input = files ?? await stage('generate corpus', () => writeSyntheticCorpus(plan));
      const deid = await stage('de-identification', () => evaluateDeid(input));
      process.stderr.write(`de-identification: token recall ${(100 * deid.recall).toFixed(1)}%, precision ${(100 * deid.precision).toFixed(1)}% on ${deid.documents} notes\n`);
      const tokenizer = await stage('tokenizer', () => trainTokenizer(plan, input));
      const shards = await stage('prepare shards', () => prepare(plan, input, tokenizer.path));
      const pre = await stage('pretrain', () => pretrainModel(engine, plan, shards.dir, interrupt.requested));
      const losses = pre.figures.losses;
      process.stderr.write(`pretraining loss ${losses[0]?.[1].toFixed(3)} → ${losses[losses.length - 1]?.[1].toFixed(3)}\n`);
      const ner = await stage('fine-tune NER', () => finetuneNerStage(engine, plan, input, pre.checkpoint, interrupt.requested));
      const qa = input.qa === null ? undefined : await stage('fine-tune QA', () => finetuneQaStage(engine, plan, input, pre.checkpoint, interrupt.requested));
      // The last stage stopped early by a Ctrl-C: its figures are partial, so no report (as after any other stage).
      if (interrupt.requested()) {
        throw new MedbertError(`demo stopped by the user during its last stage; finished stages are in ${plan.out}`, { exitCode: interrupt.exitCode() });
      }
      const report: DemoReport = {
        medbert: packageVersion(), created: new Date().toISOString(),
        corpus: v.data === undefined ? 'built-in generated corpus'
          : `real corpora from ${v.data}${plan.taskLimit === null ? '' : ` (NER and QA: the first ${plan.taskLimit} documents and questions of each file)`}`,
        seconds, deid, tokenizer: tokenizer.figures, prepare: shards.summary, pretrain: pre.figures, ner,
        ...(qa === undefined ? {} : { qa }),
      };
      writeFileSync(join(plan.out, 'report.json'), JSON.stringify(snakeCaseKeys(report), null, 2) + '\n');
      writeFileSync(join(plan.out, 'report.html'), renderReport(report));
      if (v.json === true) printJson(report);
      else {
        process.stdout.write(`\npretraining loss ${losses[0]?.[1].toFixed(3)} → ${losses[losses.length - 1]?.[1].toFixed(3)} over ${losses.length} steps\n`);
        // --quick checks that every stage runs; its tiny model, a few steps trained, is not meant to find entities yet.
        const tooShort = v.quick === true ? ' (--quick: too little training to find entities; the full demo learns them)' : '';
        if (ner.test !== null) process.stdout.write(`NER test F1 ${(100 * ner.test.f1).toFixed(1)}% (dev ${(100 * ner.dev.f1).toFixed(1)}%)${tooShort}\n`);
        if (qa?.test) process.stdout.write(`MedQA test accuracy ${(100 * qa.test.accuracy).toFixed(1)}%\n`);
        process.stdout.write(`de-identification recall ${(100 * deid.recall).toFixed(1)}%, precision ${(100 * deid.precision).toFixed(1)}%\n`);
        process.stdout.write(`report: ${join(plan.out, 'report.html')}\n`);
      }
      return 0;
    } finally {
      interrupt.dispose();
      engine.backend.dispose();
      lock.release();
    }
  },
};
