import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MedbertError } from '../../errors.js';
import type { PresetName } from '../../model/index.js';
import type { PrepareInput } from '../prepare.js';

/** What a demo run does, and at what size. */
export interface DemoPlan {
  readonly out: string;
  /** 'synthetic' (the built-in generated corpus) or the shared-data folder. */
  readonly corpus: 'synthetic' | { readonly dataDir: string };
  readonly synthetic: { readonly abstracts: number; readonly notes: number; readonly nerTrain: number; readonly nerDev: number; readonly nerTest: number };
  readonly vocabSize: number;
  /** Sentences sampled for tokenizer training (0: all). */
  readonly tokenizerSentences: number;
  readonly preset: PresetName;
  readonly modelOverrides: { readonly num_hidden_layers?: number; readonly hidden_size?: number; readonly num_attention_heads?: number; readonly intermediate_size?: number };
  readonly seqLen: number;
  readonly steps: number;
  readonly microBatch: number;
  readonly lr: number;
  readonly ner: { readonly epochs: number; readonly lr: number; readonly batch: number };
  readonly qa: { readonly epochs: number; readonly lr: number; readonly batch: number } | null;
  readonly seed: number;
  /** Real data: the first this many documents (NER) and questions (QA) of each file are used (null: all). */
  readonly taskLimit: number | null;
}

/** The inputs of each stage, resolved to files. */
export interface DemoFiles {
  readonly pretrainInputs: readonly PrepareInput[];
  readonly ontology: string;
  readonly nerTrain: string;
  readonly nerDev: string;
  readonly nerTest: string;
  /** Gold de-identification: a JSONL of GoldDocuments (synthetic) or a PhysioNet deid folder. */
  readonly deidGold: { readonly kind: 'jsonl'; readonly path: string } | { readonly kind: 'physionet'; readonly dir: string };
  readonly qa: { readonly train: string; readonly dev: string; readonly test: string } | null;
}

export const DEFAULT_PLAN: Omit<DemoPlan, 'out' | 'corpus'> = {
  synthetic: { abstracts: 1500, notes: 300, nerTrain: 400, nerDev: 100, nerTest: 100 },
  vocabSize: 3000, tokenizerSentences: 0, preset: 'tiny', modelOverrides: {}, seqLen: 128, steps: 300, microBatch: 16,
  lr: 1e-3, ner: { epochs: 3, lr: 1e-3, batch: 16 }, qa: null, seed: 42, taskLimit: null,
};

/** The smallest setting (CI's end-to-end test): every stage runs, on a tiny corpus and model, in seconds. */
export const QUICK_PLAN: Omit<DemoPlan, 'out' | 'corpus'> = {
  ...DEFAULT_PLAN,
  synthetic: { abstracts: 200, notes: 40, nerTrain: 60, nerDev: 20, nerTest: 20 },
  vocabSize: 1000, modelOverrides: { num_hidden_layers: 2, hidden_size: 64, num_attention_heads: 2, intermediate_size: 128 },
  seqLen: 64, steps: 40, microBatch: 8, lr: 3e-3, ner: { epochs: 1, lr: 3e-3, batch: 16 },
};

/** The real-data setting: the shared corpora, BC5CDR and MedQA. */
export const SHARED_PLAN: Omit<DemoPlan, 'out' | 'corpus'> = {
  ...DEFAULT_PLAN, vocabSize: 8000, tokenizerSentences: 200_000, steps: 1000, microBatch: 32,
  ner: { epochs: 3, lr: 1e-3, batch: 32 }, qa: { epochs: 2, lr: 1e-4, batch: 8 },
};

/**
 * `--data` with `--quick`: the quick setting's model and steps on the real corpora (read, de-identified, linked in
 * full: seconds), and fine-tuning on the first 200 documents and questions of each file (all of BC5CDR and MedQA
 * took over ten minutes with the tiny model).
 */
export const SHARED_QUICK_PLAN: Omit<DemoPlan, 'out' | 'corpus'> = {
  ...QUICK_PLAN, vocabSize: 2000, tokenizerSentences: 20_000,
  qa: { epochs: 1, lr: 1e-4, batch: 8 }, taskLimit: 200,
};

/** Files of the shared-data layout (../shared/data or a folder laid out like it). */
export function sharedFiles(dataDir: string): DemoFiles {
  const need = (...parts: string[]): string => {
    const path = join(dataDir, ...parts);
    if (!existsSync(path)) throw new MedbertError(`--data ${dataDir}: missing ${join(...parts)} (expected the layout of ../shared/data)`);
    return path;
  };
  const abstracts = need('corpus', 'abstracts', 'abstracts.jsonl.gz');
  const notes = need('corpus', 'mtsamples', 'mtsamples.csv.gz');
  return {
    pretrainInputs: [
      { path: abstracts, format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'transcription', deid: null },
      { path: notes, format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
    ],
    ontology: need('ontology', 'lexicon.tsv.gz'),
    nerTrain: need('bc5cdr', 'pubtator', 'CDR_TrainingSet.PubTator.txt'),
    nerDev: need('bc5cdr', 'pubtator', 'CDR_DevelopmentSet.PubTator.txt'),
    nerTest: need('bc5cdr', 'pubtator', 'CDR_TestSet.PubTator.txt'),
    deidGold: { kind: 'physionet', dir: need('deid', 'physionet-deid') },
    qa: {
      train: need('medqa', 'us_4options', 'train_subset_1030.jsonl'),
      dev: need('medqa', 'us_5options', 'dev.jsonl'),
      test: need('medqa', 'us_4options', 'test.jsonl'),
    },
  };
}
