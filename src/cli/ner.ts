import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { readTextFile, streamTextFile } from './text-file.js';
import { OutputLock, writeFileAtomic } from '../directories.js';
import { FINETUNE_DEFAULTS, type EpochReport, type FinetuneOptions } from '../tasks/finetune.js';
import {
  NerTagger, finetuneNer, nerConfigExtras, readIob, readPubtatorNer, scoreNer, toPubtator, type NerDocument, type NerScores,
} from '../tasks/ner/index.js';
import { loadTagger } from '../tasks/ner/node-io.js';
import { checkCheckpointFolder, checkpointTokenizer, checkReplaceable, loadCheckpoint, saveCheckpoint } from '../train/checkpoint.js';
import { intFlag, numberFlag, parseFlags, printJson, required, type FlagSpec, type FlagValues } from './args.js';
import { Progress } from './progress.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';
import { stopOnInterrupt } from './runtime.js';
import { snakeCaseKeys } from '../json-keys.js';

/**
 * NER documents: PubTator (BC5CDR) or BIO/IOB TSV (by the .tsv/.iob/.conll extension); `command` names the warnings.
 * `flag`, when given, names the flag the file came from, and a file of no documents is then an error (an empty test
 * set scored F1 0).
 */
export async function readNerFile(path: string, command: string, flag?: string): Promise<NerDocument[]> {
  const docs = /\.(tsv|iob|conll)(\.gz)?$/i.test(path) ? readIob(await readTextFile(path, command), path)
    : await readPubtatorNer(streamTextFile(path, command), path);
  if (flag !== undefined && docs.length === 0) throw new MedbertError(`${flag} ${path} holds no document (PubTator or BIO TSV expected)`);
  return docs;
}


/** "epoch 2", or "epoch 2 (stopped after 140 of 356 steps)" for one a stop request ended early. */
export function epochName(r: EpochReport): string {
  return r.steps < r.stepsPerEpoch ? `epoch ${r.epoch} (stopped after ${r.steps} of ${r.stepsPerEpoch} steps)` : `epoch ${r.epoch}`;
}

/**
 * How far a stopped fine-tuning got: "after 1 epoch", "after 1 epoch and 140 of 356 steps of the next", "after 140 of
 * 356 steps of its first epoch".
 */
export function stoppedAfter(epochs: readonly EpochReport[]): string {
  const whole = epochs.filter((e) => e.steps === e.stepsPerEpoch).length;
  const part = epochs.find((e) => e.steps < e.stepsPerEpoch);
  const wholeText = `${whole} epoch${whole === 1 ? '' : 's'}`;
  if (part === undefined) return `after ${wholeText}`;
  return whole === 0 ? `after ${part.steps} of ${part.stepsPerEpoch} steps of its first epoch`
    : `after ${wholeText} and ${part.steps} of ${part.stepsPerEpoch} steps of the next`;
}

function printScores(label: string, s: NerScores): void {
  process.stdout.write(`${label}: F1 ${(100 * s.f1).toFixed(2)}  P ${(100 * s.precision).toFixed(2)}  R ${(100 * s.recall).toFixed(2)}\n`);
  for (const [t, c] of Object.entries(s.by_type)) {
    process.stdout.write(`  ${t.padEnd(10)} F1 ${(100 * c.f1).toFixed(2)}  P ${(100 * c.precision).toFixed(2)}  R ${(100 * c.recall).toFixed(2)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})\n`);
  }
}

const trainFlags = {
  epochs: { type: 'string', valueName: 'N', default: '3', description: 'passes over the training set' },
  lr: { type: 'string', valueName: 'LR', default: '5e-5', description: 'peak learning rate (warmup 10%, cosine decay)' },
  batch: { type: 'string', valueName: 'B', default: '16', description: 'examples per step' },
  seed: { type: 'string', valueName: 'S', default: '42', description: 'seed for the head\'s init, dropout and data order' },
} as const;

export function finetuneOptions(v: { epochs?: string; lr?: string; batch?: string; seed?: string }): FinetuneOptions {
  return {
    ...FINETUNE_DEFAULTS,
    epochs: intFlag(v.epochs, 'epochs', FINETUNE_DEFAULTS.epochs, 1),
    lr: numberFlag(v.lr, 'lr', FINETUNE_DEFAULTS.lr, 0, 1),
    batch: intFlag(v.batch, 'batch', FINETUNE_DEFAULTS.batch, 1),
    seed: intFlag(v.seed, 'seed', FINETUNE_DEFAULTS.seed, 0),
  };
}

/** The flags of finetune ner. */
const NER_FINETUNE_FLAGS = {
  checkpoint: { type: 'string', valueName: 'DIR', description: 'pretrained checkpoint (medbert or Hugging Face BERT, with tokenizer.model)' },
  train: { type: 'string', valueName: 'FILE', description: 'training set: PubTator, or BIO TSV (.tsv)' },
  dev: { type: 'string', valueName: 'FILE', description: 'development set (picks the best epoch)' },
  test: { type: 'string', valueName: 'FILE', description: 'test set, scored with the best epoch' },
  out: { type: 'string', valueName: 'DIR', description: 'where the fine-tuned checkpoint goes' },
  types: { type: 'string', valueName: 'A,B', default: 'Chemical,Disease', description: 'entity types to learn' },
  json: { type: 'boolean', description: 'print the scores as one JSON object' },
  ...trainFlags,
  ...engineFlags,
} satisfies Record<string, FlagSpec>;

type NerFinetuneValues = FlagValues<typeof NER_FINETUNE_FLAGS>;

export async function finetuneNerCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, NER_FINETUNE_FLAGS, {
    usage: 'medbert finetune ner --checkpoint DIR --train FILE --dev FILE [--test FILE] --out DIR [--types Chemical,Disease] [--epochs --lr --batch --seed] [--json]',
    description: 'Fine-tunes token classification (BIO over words; the first piece of each word is labelled) and keeps\n' +
      'the epoch with the best dev F1. Scores are entity-level exact match (conlleval / BLURB).',
    examples: ['medbert finetune ner --checkpoint runs/tiny/checkpoint --train ../shared/data/bc5cdr/pubtator/CDR_TrainingSet.PubTator.txt ' +
      '--dev ../shared/data/bc5cdr/pubtator/CDR_DevelopmentSet.PubTator.txt --test ../shared/data/bc5cdr/pubtator/CDR_TestSet.PubTator.txt --out runs/ner'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const dir = required(v.checkpoint, 'checkpoint');
  const out = required(v.out, 'out');
  return intoCheckpointFolder(out, dir, () => finetuneNerInto(v, dir, out));
}

/**
 * Runs a fine-tuning's `work` with its output folder locked (a second run into it fails at once, not after its
 * training) and checked, under the lock, to be a place a checkpoint may go.
 */
export async function intoCheckpointFolder(out: string, input: string, work: () => Promise<number>): Promise<number> {
  const lock = OutputLock.acquire(out);
  try {
    checkCheckpointFolder(out);
    checkReplaceable(out, input);
    return await work();
  } finally {
    lock.release();
  }
}

/** finetune ner's work once its output folder is checked and locked. */
async function finetuneNerInto(v: NerFinetuneValues, dir: string, out: string): Promise<number> {
  const types = (v.types ?? 'Chemical,Disease').split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (types.length === 0) throw new MedbertError('--types names no entity type');
  const twice = types.find((t, i) => types.indexOf(t) !== i);
  if (twice !== undefined) throw new MedbertError(`--types names ${twice} twice`);
  const train = await readNerFile(required(v.train, 'train'), 'finetune ner', '--train');
  const dev = await readNerFile(required(v.dev, 'dev'), 'finetune ner', '--dev');
  const test = v.test === undefined ? null : await readNerFile(v.test, 'finetune ner', '--test');
  for (const [name, docs] of [['--train', train], ['--dev', dev]] as const) {
    const present = new Set(docs.flatMap((d) => d.mentions.map((m) => m.type)));
    const absent = types.filter((t) => !present.has(t));
    const named = `the type${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (see --types); its types: ${[...present].sort().join(', ') || 'none'}`;
    // A misspelt type ("Disese") would train and score a label no mention has; a small dev set may lack a rare one.
    if (absent.length === types.length || (absent.length > 0 && name === '--train')) throw new MedbertError(`${name} has no mention of ${named}`);
    if (absent.length > 0) {
      process.stderr.write(`medbert finetune ner: warning: ${name} has no mention of ${named}\n`);
    }
  }
  const options = finetuneOptions(v);
  const ckpt = loadCheckpoint(dir);
  const engine = await engineFromFlags(v);
  const progress = new Progress('finetune ner', 'steps');
  const interrupt = stopOnInterrupt('finetune');
  try {
    const tagger = NerTagger.create(engine, ckpt.config, ckpt.weights, checkpointTokenizer(ckpt, dir), types, options.seed,
      { classifier: 'fresh', source: `${dir}/model.safetensors` });
    progress.start(1);
    const result = await finetuneNer(tagger, train, dev, test, options, {
      onStep: (p) => progress.update({ done: p.step, total: p.steps, fields: { loss: p.loss, 'ex/s': p.examplesPerSecond } }),
      onEpoch: (r) => process.stderr.write(`\n${epochName(r)}: loss ${r.loss.toFixed(4)}, dev F1 ${(100 * r.dev).toFixed(2)}, ${r.examplesPerSecond.toFixed(1)} examples/s\n`),
      shouldStop: interrupt.requested,
    });
    progress.stop();
    saveCheckpoint(out, { config: ckpt.config, weights: result.best, tokenizer: ckpt.tokenizer, extraConfig: { ...nerConfigExtras(tagger.labels) } });
    // A Ctrl-C ends training early: the checkpoint holds the best epoch so far, and the summary says so.
    const stopped = interrupt.requested();
    if (stopped) process.stderr.write(`finetune ner: stopped by the user ${stoppedAfter(result.epochs)}; ${out} holds the best so far\n`);
    const summary = {
      dev: result.dev, test: result.test, epochs: result.epochs, train_examples: result.trainExamples,
      alignment: result.alignment, checkpoint: out, stopped,
    };
    writeFileAtomic(join(out, 'scores.json'), JSON.stringify(snakeCaseKeys(summary), null, 2) + '\n');
    if (v.json === true) printJson(summary);
    else {
      printScores('dev', result.dev);
      if (result.test !== null) printScores('test', result.test);
    }
    tagger.model.dispose();
    return stopped ? interrupt.exitCode() : 0; // 130 after a Ctrl-C: a script's next step does not run on it
  } finally {
    progress.stop();
    interrupt.dispose();
    engine.backend.dispose();
  }
}

export async function evalNerCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    checkpoint: { type: 'string', valueName: 'DIR', description: 'fine-tuned NER checkpoint' },
    test: { type: 'string', valueName: 'FILE', description: 'gold test set (PubTator or BIO TSV)' },
    gold: { type: 'string', valueName: 'FILE', description: 'gold PubTator file (scorer alone, with --pred)' },
    pred: { type: 'string', valueName: 'FILE', description: 'predicted PubTator file' },
    out: { type: 'string', valueName: 'FILE', description: 'also write the predictions as PubTator (with --checkpoint)' },
    json: { type: 'boolean', description: 'print the scores as one JSON object' },
    ...engineFlags,
  }, {
    usage: 'medbert eval ner --checkpoint DIR --test FILE [--json]  |  medbert eval ner --gold FILE --pred FILE [--json]',
    description: 'Entity-level exact-match precision, recall and F1 per type and micro-overall.',
    examples: ['medbert eval ner --gold CDR_TestSet.PubTator.txt --pred predictions.pubtator --json'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  let scores: NerScores;
  if (v.gold !== undefined || v.pred !== undefined) {
    if (v.checkpoint !== undefined) process.stderr.write('medbert eval ner: warning: --checkpoint is not used with --gold and --pred (they are scored as they are)\n');
    const gold = await readNerFile(required(v.gold, 'gold'), 'eval ner', '--gold');
    const pred = await readNerFile(required(v.pred, 'pred'), 'eval ner');
    checkSameDocuments(gold, pred, v.gold!, v.pred!);
    scores = scoreNer(gold, pred);
  } else {
    const test = await readNerFile(required(v.test, 'test'), 'eval ner', '--test');
    const engine = await engineFromFlags(v);
    try {
      const tagger = loadTagger(required(v.checkpoint, 'checkpoint'), engine);
      checkGoldTypes(test, tagger.labels.types, v.test!);
      const predicted = await tagger.predict(test);
      if (v.out !== undefined) writeFileAtomic(v.out, toPubtator(predicted));
      scores = scoreNer(test, predicted, tagger.labels.types);
    } finally {
      engine.backend.dispose();
    }
  }
  if (v.json === true) printJson(scores);
  else printScores('scores', scores);
  return 0;
}

/**
 * Predictions are matched to the gold by document id: a --pred made from another file (or from the BIO version of
 * a PubTator set, `line-N` against PMIDs) would score 0 without saying why.
 */
export function checkSameDocuments(gold: readonly NerDocument[], pred: readonly NerDocument[], goldPath: string, predPath: string): void {
  const ids = new Set(gold.map((d) => d.id));
  const missing = pred.filter((d) => !ids.has(d.id));
  if (pred.length > 0 && missing.length === pred.length) {
    throw new MedbertError(`no document of --pred ${predPath} is in --gold ${goldPath} (ids such as '${pred[0]!.id}' against '${gold[0]?.id ?? ''}'): `
      + 'score predictions made from the gold file itself');
  }
  if (missing.length > 0) process.stderr.write(`medbert eval ner: warning: ${missing.length} of ${pred.length} documents of --pred are not in --gold (first: '${missing[0]!.id}'); their mentions count as false positives\n`);
}

/** The gold mentions the checkpoint can tag: none (another corpus's types) is an error, some a warning. */
export function checkGoldTypes(test: readonly NerDocument[], types: readonly string[], testPath: string): void {
  const others = new Map<string, number>();
  let tagged = 0;
  for (const d of test) {
    for (const m of d.mentions) {
      if (types.includes(m.type)) tagged++;
      else others.set(m.type, (others.get(m.type) ?? 0) + 1);
    }
  }
  const list = [...others.keys()].sort().join(', ');
  if (tagged === 0 && others.size > 0) {
    throw new MedbertError(`--test ${testPath} has no mention of the types the checkpoint tags (${types.join(', ')}); its types: ${list}`);
  }
  const left = [...others.values()].reduce((a, b) => a + b, 0);
  if (left > 0) process.stderr.write(`medbert eval ner: warning: ${left} mentions of --test of types the checkpoint does not tag (${list}) are not scored\n`);
}

export async function predictNerCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    checkpoint: { type: 'string', valueName: 'DIR', description: 'fine-tuned NER checkpoint' },
    text: { type: 'string', valueName: 'TEXT', description: 'text to tag' },
    input: { type: 'string', valueName: 'FILE', description: 'PubTator file to tag instead of --text' },
    out: { type: 'string', valueName: 'FILE', description: 'write the predictions as PubTator' },
    json: { type: 'boolean', description: 'print the entities as one JSON object' },
    ...engineFlags,
  }, {
    usage: 'medbert predict ner --checkpoint DIR (--text "..." | --input FILE) [--out FILE] [--json]',
    description: 'Tags entities in text: type, text and offsets (UTF-16 code units, as JavaScript counts them: one per\n' +
      'character, two for a character beyond U+FFFF such as an emoji).',
    examples: ['medbert predict ner --checkpoint runs/ner --text "Cisplatin-induced nephrotoxicity was reduced by magnesium."'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  if (v.input === undefined && v.text === undefined) throw new MedbertError('give the text to tag: --text "..." or --input FILE');
  if (v.input !== undefined && v.text !== undefined) throw new MedbertError('give --text or --input, not both');
  const docs: NerDocument[] = v.input !== undefined ? (await readNerFile(v.input, 'predict ner', '--input')).map((d) => ({ ...d, mentions: [] }))
    : [{ id: 'text', text: v.text as string, mentions: [] }];
  const engine = await engineFromFlags(v);
  try {
    const tagger = loadTagger(required(v.checkpoint, 'checkpoint'), engine);
    const predicted = await tagger.predict(docs);
    if (v.out !== undefined) writeFileAtomic(v.out, toPubtator(predicted));
    if (v.json === true) {
      printJson(v.input === undefined ? { entities: predicted[0]!.mentions } : { documents: predicted.map((d) => ({ id: d.id, entities: d.mentions })) });
    } else {
      for (const d of predicted) for (const m of d.mentions) process.stdout.write(`${d.id}\t${m.start}\t${m.end}\t${m.text}\t${m.type}\n`);
    }
    return 0;
  } finally {
    engine.backend.dispose();
  }
}
