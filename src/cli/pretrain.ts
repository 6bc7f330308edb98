import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OutputLock, tidyLeftovers } from '../directories.js';
import { MedbertError } from '../errors.js';
import { openShardSource } from '../data/shard-files.js';
import { specialIds } from '../data/special-tokens.js';
import { SyntheticSource } from '../data/synthetic.js';
import type { SequenceSource } from '../data/source.js';
import { presetConfig, type BertConfig, type PresetName } from '../model/index.js';
import type { NamedArray } from '../nn/index.js';
import { SentencePieceModel } from '../tokenizer/index.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { loadCheckpoint } from '../train/checkpoint.js';
import { pretrain, type PretrainOptions, type StepMetrics } from '../train/pretrain.js';
import { DEFAULT_MICRO_BATCH, recipeFor } from '../train/recipe.js';
import { checkResumedSettings, readTrainerState, restoreDataPosition, type TrainerState } from '../train/trainer-state.js';
import { intFlag, numberFlag, parseFlags, printJson, required, type FlagValues } from './args.js';
import type { Command } from './command.js';
import { presetFlag } from './model.js';
import { Progress } from './progress.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';
import { stopOnInterrupt } from './runtime.js';
import { ringDistributed } from '../dist/distributed.js';
import { chooseTransport, launchRanks, rankFromEnv, rankThreadsFlag, stopWhenLauncherEnds } from '../dist/launch.js';
import { joinRing } from '../dist/join.js';
import { freePort } from '../dist/free-port.js';

const flags = {
  preset: { type: 'string', valueName: 'P', default: 'tiny', description: 'model size: tiny, small, base, large, xl' },
  data: { type: 'string', valueName: 'DIR', description: 'shard folder from medbert prepare (or "synthetic" for a smoke run)' },
  out: { type: 'string', valueName: 'DIR', description: 'run folder: checkpoint/ and metrics.jsonl' },
  steps: { type: 'string', valueName: 'N', default: '1000', description: 'optimizer steps' },
  'micro-batch': { type: 'string', valueName: 'B', description: 'sequences per micro-batch (default: tiny/small 32, else 8)' },
  accumulation: { type: 'string', valueName: 'A', description: 'micro-batches per step (paper: 16; tiny/small: 1)' },
  lr: { type: 'string', valueName: 'LR', description: 'peak learning rate (paper: 5e-5; tiny 1e-3, small 5e-4)' },
  warmup: { type: 'string', valueName: 'N', description: 'linear warmup steps (paper: 10000; tiny/small: 10% of steps)' },
  clip: { type: 'string', valueName: 'X', description: 'global gradient-norm clip (paper: 1.0)' },
  'weight-decay': { type: 'string', valueName: 'X', description: 'AdamW weight decay, off for biases and LayerNorm (0.01)' },
  'entity-weight': { type: 'string', valueName: 'λ', description: 'loss = MLM + λ·entity (default 1.0; 0 turns entity prediction off)' },
  'mask-rate': { type: 'string', valueName: 'P', description: 'share of tokens masked (0.15)' },
  'entity-share': { type: 'string', valueName: 'P', description: 'share of the masking budget spent on whole entity spans (0.5)' },
  seed: { type: 'string', valueName: 'S', default: '42', description: 'seed for initialisation, masking, dropout and data order' },
  init: { type: 'string', valueName: 'DIR', description: 'start from this checkpoint\'s weights (medbert or Hugging Face BERT)' },
  tokenizer: { type: 'string', valueName: 'M.model', description: 'tokenizer (default: DATA/tokenizer.model)' },
  'checkpoint-every': { type: 'string', valueName: 'N', default: '500', description: 'save a checkpoint every N steps' },
  'snapshot-every': { type: 'string', valueName: 'N', description: 'also keep the weights every N steps as OUT/step-N' },
  'seq-len': { type: 'string', valueName: 'N', default: '128', description: 'sequence length for --data synthetic' },
  resume: { type: 'boolean', description: 'continue from OUT/checkpoint' },
  workers: { type: 'string', valueName: 'N', default: '1', description: 'data-parallel ranks on this machine (ZeRO-2; global batch = micro-batch × accumulation × ranks; they share --threads)' },
  nnodes: { type: 'string', valueName: 'M', default: '1', description: 'machines taking part (TCP between them)' },
  'node-rank': { type: 'string', valueName: 'K', default: '0', description: 'this machine\'s index, 0..M-1' },
  'master-addr': { type: 'string', valueName: 'HOST', default: '127.0.0.1', description: 'address of node 0 (rendezvous)' },
  'master-port': { type: 'string', valueName: 'PORT', description: 'rendezvous port on node 0 (default: a free port on one machine, 29500 on several)' },
  transport: { type: 'string', valueName: 'shm|tcp', description: 'shm (default): a machine\'s ranks are threads over shared memory, TCP between machines; tcp: a process per rank, every link TCP' },
  'dist-timeout': { type: 'string', valueName: 'S', default: '600', description: 'seconds to wait for another rank before stopping with an error naming it' },
  'bucket-mb': { type: 'string', valueName: 'MB', default: '2000', description: "gradient bucket for --workers > 1: reduce-scattered during the last micro-batch's backward as soon as its gradients are final (DeepSpeed's 5e8 values; 0: one reduce-scatter after backward)" },
  json: { type: 'boolean', description: 'print the last step\'s figures as one JSON object' },
  ...engineFlags,
} as const;

export const pretrainCommand: Command = {
  name: 'pretrain',
  async run(argv) {
    const parsed = parseFlags(argv, flags, {
      usage: 'medbert pretrain --preset P --data DIR --out DIR [--steps N --micro-batch B --accumulation A --lr LR --warmup N --seed S --resume] [--json]',
      description: 'Pretrains BERT on prepared shards: dynamic 15% masking with whole-entity masking, loss = MLM + λ·entity,\n' +
        'AdamW with warmup and cosine decay, gradient clipping and accumulation. Ctrl-C saves a checkpoint and stops;\n' +
        '--resume continues with bit-identical results.',
      examples: [
        'medbert pretrain --preset tiny --data runs/shards --out runs/tiny --steps 2000',
        'medbert pretrain --preset tiny --data runs/shards --out runs/tiny --steps 2000 --resume',
        'medbert pretrain --preset base --data runs/shards --out runs/base --micro-batch 8 --accumulation 16',
      ],
    });
    if (parsed === null) return 0;
    const v = parsed.values;
    const rankEnv = rankFromEnv();
    const workers = intFlag(v.workers, 'workers', 1, 1, 256), nnodes = intFlag(v.nnodes, 'nnodes', 1, 1, 4096);
    // checked here, before any rank starts, so a bad value is one error line and not one per rank
    const distTimeoutMs = 1000 * numberFlag(v['dist-timeout'], 'dist-timeout', 600, 1);
    const bucketBytes = 1e6 * numberFlag(v['bucket-mb'], 'bucket-mb', 2000, 0);
    const nodeRank = intFlag(v['node-rank'], 'node-rank', 0, 0, nnodes - 1); // checked with one node too
    chooseTransport(v.transport, nnodes, workers); // so is --transport (one rank has none to choose)
    if (rankEnv === null && workers * nnodes > 1) {
      // What every rank checks first, once here: a bad input is one line, not one per rank (--init's checkpoint is
      // left to the ranks, not loaded a time more).
      const setup = runSetup(v, argv, false, false);
      if (setup.resumed !== null) {
        checkResumedSettings(setup.resumed, setup.options, workers * nnodes, join(setup.outDir, 'checkpoint'));
        restoreDataPosition(setup.source, setup.resumed, join(setup.outDir, 'checkpoint'));
      }
      const masterPort = v['master-port'] !== undefined ? intFlag(v['master-port'], 'master-port', 29500, 1, 65535)
        : nnodes > 1 ? 29500 : await freePort();
      // The ranks stop at their next step on a Ctrl-C, which the launcher passes on to them, and save a checkpoint:
      // this process waits for them (they say so themselves) instead of exiting at once; a second Ctrl-C still does.
      const interrupt = stopOnInterrupt('pretrain', false);
      try {
        return await launchRanks({ workers, nnodes, nodeRank, masterAddr: v['master-addr'] ?? '127.0.0.1', masterPort,
          argv: [process.argv[1]!, 'pretrain', ...argv], transport: v.transport, checkpointDir: join(setup.outDir, 'checkpoint') });
      } finally {
        interrupt.dispose();
      }
    }
    const lead = rankEnv === null || rankEnv.rank === 0;
    stopWhenLauncherEnds();
    const { outDir, steps, options, config, source, tokenizer, conceptsDigest, init, resumed } = runSetup(v, argv, lead, true);
    // Checked before the run folder is locked and the ranks meet (pretrain checks them again with the weights).
    if (resumed !== null) checkResumedSettings(resumed, options, rankEnv?.world ?? 1, join(outDir, 'checkpoint'));
    // With several ranks on this machine, --threads counts the machine's threads: each rank takes its share.
    const engine = await engineFromFlags({ ...v, threads: rankThreadsFlag(v.threads) });
    // Rank 0 locks the run folder before the ranks meet: a second run into it fails at once, not once all have met.
    let lock: OutputLock | null = null;
    let ring: Awaited<ReturnType<typeof joinRing>> | null = null;
    try {
      if (lead) lock = OutputLock.acquire(outDir);
      ring = rankEnv === null ? null : await joinRing(rankEnv, distTimeoutMs);
    } catch (error) {
      lock?.release();
      engine.backend.dispose();
      throw error;
    }
    if (resumed !== null && lead) warnIfScheduleChanges(resumed, steps);
    const progress = new Progress(ring === null ? 'pretrain' : `pretrain (${ring.world} ranks, ${ring.transport})`, 'steps');
    const interrupt = stopOnInterrupt('pretrain');
    let stopped = false;
    let last: StepMetrics | null = null;
    try {
      const result = await pretrain({
        engine, config, source, options, outDir, tokenizer: tokenizer?.toBytes() ?? null, init, resume: v.resume === true, outputLock: lock,
        ...(conceptsDigest === null ? {} : { configExtras: { [CONCEPTS_DIGEST]: conceptsDigest } }),
        shouldStop: interrupt.requested, ...(ring === null ? {} : { distributed: ringDistributed(ring, { bucketBytes }) }),
        onStart: (from) => { if (lead) progress.start(steps, from); },
        onStep: (m) => {
          last = m;
          if (!lead) return;
          const fields: Record<string, number> = { loss: m.loss, mlm: m.mlm_loss, 'tok/s': m.tokens_per_s };
          if (m.entity_loss !== null) fields['entity'] = m.entity_loss;
          progress.update({ done: m.step, total: steps, fields });
        },
      });
      progress.stop();
      stopped = result.stopped;
      if (lead) process.stderr.write(`${result.stopped ? 'stopped by the user (continue with --resume); ' : ''}checkpoint: ${result.checkpoint}; metrics: ${join(outDir, 'metrics.jsonl')}\n`);
    } finally {
      progress.stop();
      interrupt.dispose();
      ring?.close();
      engine.backend.dispose();
      lock?.release();
    }
    if (!lead) return 0;
    const final = last as StepMetrics | null;
    if (v.json === true) printJson({ ...(final ?? { step: 0 }), stopped });
    else if (final !== null) {
      process.stdout.write(`step ${final.step}: loss ${final.loss.toFixed(4)} (mlm ${final.mlm_loss.toFixed(4)}` +
        `${final.entity_loss === null ? '' : `, entity ${final.entity_loss.toFixed(4)}`}), ${final.tokens_per_s.toFixed(0)} tokens/s\n`);
    }
    // Stopped by a Ctrl-C (130) or SIGTERM (143), as the shell expects: `pretrain && finetune` does not go on with a
    // model half trained; the checkpoint is there for --resume all the same.
    return stopped ? interrupt.exitCode() : 0;
  },
};

/** What a rank trains: the flags' settings, the model's config, the data, the tokenizer and --init's weights. */
interface RunSetup {
  readonly preset: PresetName;
  readonly dataDir: string;
  readonly outDir: string;
  readonly steps: number;
  readonly options: PretrainOptions;
  readonly config: BertConfig;
  readonly source: SequenceSource;
  readonly tokenizer: SentencePieceModel | null;
  /** Which concepts the entity head predicts, by a digest of the shards' concept list (checkpoints keep it). */
  readonly conceptsDigest: string | null;
  /** --init's weights, and their file for messages. */
  readonly init: { readonly weights: Map<string, NamedArray>; readonly source: string } | null;
  /** With --resume, the checkpoint's training state (checked). */
  readonly resumed: TrainerState | null;
}

/** The config fields --init's checkpoint must share with the run's model. */
const ARCHITECTURE_FIELDS = ['vocab_size', 'hidden_size', 'num_hidden_layers', 'num_attention_heads', 'intermediate_size',
  'max_position_embeddings', 'type_vocab_size'] as const;

/**
 * Reads the flags and opens what they name, refusing bad input with one clear line. `lead`: print the warnings (rank
 * 0 or a single process does); `loadInit`: read --init's checkpoint (a launcher leaves it to its ranks).
 */
function runSetup(v: FlagValues<typeof flags>, argv: readonly string[], lead: boolean, loadInit: boolean): RunSetup {
  const preset = presetFlag(v.preset);
  const dataDir = required(v.data, 'data');
  const outDir = required(v.out, 'out');
  const steps = intFlag(v.steps, 'steps', 1000, 1);
  const seed = intFlag(v.seed, 'seed', 42, 0);
  const recipe = recipeFor(preset, steps);
  if (v.resume === true) tidyLeftovers(join(outDir, 'checkpoint')); // a run killed while it replaced the checkpoint set it aside
  if (v.resume === true && !existsSync(join(outDir, 'checkpoint'))) {
    throw new MedbertError(`--resume: ${join(outDir, 'checkpoint')} does not exist (nothing to resume)`);
  }
  const resumed = v.resume === true ? readTrainerState(join(outDir, 'checkpoint')) : null;
  const options: PretrainOptions = {
    ...recipe, steps, seed,
    microBatch: intFlag(v['micro-batch'], 'micro-batch', DEFAULT_MICRO_BATCH[preset], 1),
    accumulation: intFlag(v.accumulation, 'accumulation', recipe.accumulation, 1),
    lr: numberFlag(v.lr, 'lr', recipe.lr, 0, 10),
    // On --resume the stopped run's warmup, unless given (then it must be the same): the presets make it from --steps,
    // which may grow on --resume.
    warmup: intFlag(v.warmup, 'warmup', Number.isSafeInteger(resumed?.options?.warmup) ? resumed?.options?.warmup as number : recipe.warmup, 0),
    clip: numberFlag(v.clip, 'clip', recipe.clip, 0),
    weightDecay: numberFlag(v['weight-decay'], 'weight-decay', recipe.weightDecay, 0, 1),
    entityWeight: numberFlag(v['entity-weight'], 'entity-weight', recipe.entityWeight, 0),
    maskRate: numberFlag(v['mask-rate'], 'mask-rate', recipe.maskRate, 0.01, 0.9),
    entityShare: numberFlag(v['entity-share'], 'entity-share', recipe.entityShare, 0, 1),
    checkpointEvery: intFlag(v['checkpoint-every'], 'checkpoint-every', 500, 0),
    snapshotEvery: intFlag(v['snapshot-every'], 'snapshot-every', 0, 0),
  };
  if (lead && options.lr === 0) process.stderr.write('medbert pretrain: warning: --lr 0: the weights will not change\n');

  let config: BertConfig;
  let source: SequenceSource;
  let tokenizer: SentencePieceModel | null = null;
  /** Which concepts the entity head predicts, by a digest of the shards' concept list (checkpoints keep it). */
  let conceptsDigest: string | null = null;
  if (dataDir === 'synthetic') {
    const seqLen = intFlag(v['seq-len'], 'seq-len', 128, 8, 512);
    config = presetConfig(preset, { num_entity_concepts: 16 });
    source = new SyntheticSource({ vocabSize: config.vocab_size, firstRegularId: 5, clsId: config.cls_token_id,
      sepId: config.sep_token_id, seqLen, concepts: 16, seed });
  } else {
    if (lead && argv.some((a) => a === '--seq-len' || a.startsWith('--seq-len='))) {
      process.stderr.write('medbert pretrain: warning: --seq-len applies to --data synthetic; shards keep the length they were prepared with\n');
    }
    const opened = openShardSource(dataDir, seed);
    const tokenizerPath = v.tokenizer ?? join(dataDir, 'tokenizer.model');
    const sp = readModelFile(tokenizerPath);
    if (sp.vocabSize !== opened.manifest.vocab_size) {
      throw new MedbertError(`${tokenizerPath} has ${sp.vocabSize} pieces but ${dataDir} was prepared with ${opened.manifest.vocab_size}`);
    }
    const ids = specialIds(sp, tokenizerPath);
    tokenizer = sp;
    // The same number of pieces is not the same tokenizer: the shards' ids mean the pieces of the one they were
    // prepared with, and the checkpoint keeps the one given here.
    const shardTokenizer = join(dataDir, 'tokenizer.model');
    if (v.tokenizer !== undefined && existsSync(shardTokenizer) && !readModelFile(shardTokenizer).sameAs(sp)) {
      throw new MedbertError(`${dataDir} was prepared with another tokenizer than ${v.tokenizer} (its own is ${shardTokenizer})`);
    }
    const resumedTokenizer = join(outDir, 'checkpoint', 'tokenizer.model');
    if (v.resume === true && existsSync(resumedTokenizer) && !readModelFile(resumedTokenizer).sameAs(sp)) {
      throw new MedbertError(`--resume: ${join(outDir, 'checkpoint')} was trained with another tokenizer than ${tokenizerPath}`);
    }
    config = presetConfig(preset, {
      vocab_size: sp.vocabSize, pad_token_id: ids.pad, unk_token_id: ids.unk, cls_token_id: ids.cls, sep_token_id: ids.sep,
      mask_token_id: ids.mask, num_entity_concepts: opened.manifest.concepts.length,
      max_position_embeddings: Math.max(512, opened.manifest.seq_len),
    });
    source = opened.source;
    conceptsDigest = createHash('sha256').update(JSON.stringify(opened.manifest.concepts)).digest('hex');
  }
  let initWeights: Map<string, NamedArray> | null = null;
  if (v.init !== undefined && loadInit) {
    const init = loadCheckpoint(v.init);
    // The architecture is the preset's (and the tokenizer's vocabulary): weights of another shape, or heads of another
    // width, would train as another model than config.json says.
    const differ = ARCHITECTURE_FIELDS.filter((key) => init.config[key] !== config[key]);
    if (differ.length > 0) {
      throw new MedbertError(`--init ${v.init} does not fit this run (preset ${preset}, the tokenizer's vocabulary): its config.json says ${differ.map((k) => `${k} ${init.config[k]}`).join(', ')}; `
        + `the run has ${differ.map((k) => `${k} ${config[k]}`).join(', ')}`);
    }
    // The embeddings mean the pieces of the tokenizer they were trained with.
    if (init.tokenizerModel !== null && tokenizer !== null && !init.tokenizerModel.sameAs(tokenizer)) {
      throw new MedbertError(`--init ${v.init} was trained with another tokenizer than ${dataDir}'s`);
    }
    initWeights = init.weights;
    if (lead && !init.weights.has('cls.predictions.bias')) {
      process.stderr.write(`medbert pretrain: warning: --init ${v.init} has no MLM head (an encoder alone): it starts fresh\n`);
    }
    // The entity head predicts the concepts of the corpus it was trained on, row by row: other shards number others.
    const entityDecoder = init.weights.get('entity.decoder.weight');
    const initConcepts = init.rawConfig[CONCEPTS_DIGEST];
    if (entityDecoder !== undefined && (entityDecoder.shape[0] !== config.num_entity_concepts || initConcepts !== conceptsDigest)) {
      initWeights = new Map([...init.weights].filter(([name]) => !name.startsWith('entity.')));
      if (lead) {
        const why = entityDecoder.shape[0] !== config.num_entity_concepts ? `predicts ${entityDecoder.shape[0]} concepts, ${dataDir} has ${config.num_entity_concepts}`
          : typeof initConcepts === 'string' ? `predicts other concepts than ${dataDir}'s` : `does not say which concepts it predicts`;
        process.stderr.write(`medbert pretrain: warning: the entity head of --init ${v.init} ${why}: it starts fresh (the encoder and MLM head are loaded)\n`);
      }
    }
  }
  const init = initWeights === null ? null : { weights: initWeights, source: join(v.init!, 'model.safetensors') };
  return { preset, dataDir, outDir, steps, options, config, source, tokenizer, conceptsDigest, init, resumed };
}

/** config.json's field for a digest of the concept list the entity head predicts (the shards' manifest's). */
const CONCEPTS_DIGEST = 'entity_concepts_sha256';


/**
 * More steps on --resume are allowed (training longer), but the learning rate's cosine decay is laid over the new
 * total: from the resumed step on, the rate is not what the first run's schedule had there.
 */
function warnIfScheduleChanges(saved: TrainerState, steps: number): void {
  const before = saved.options?.steps;
  if (before !== undefined && before !== steps) {
    process.stderr.write(`medbert pretrain: warning: --steps ${steps} on --resume of a run of ${before} steps: from step ${saved.step} on, `
      + `the learning rate's cosine decay runs to step ${steps}, not the first run's ${before}\n`);
  }
}
