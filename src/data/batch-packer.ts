import type { DeidMode } from '../deid/deidentify.js';
import type { EntityMatcher } from '../ontology/matcher.js';
import type { PieceModel } from '../tokenizer/piece-model.js';
import { addPackStats, DocumentPacker, emptyPackStats, type DeidentifiedDocument, type PackDocument, type PackStats } from './pack.js';
import type { DocumentDeidentifier } from './deidentify-document.js';
import { charactersOf } from './document-size.js';
import { PackedBatchWriter, type PackedBatch } from './packed-batch.js';
import type { PreTokenized } from './pretokenized.js';
import type { SpecialIds } from './special-tokens.js';

/**
 * A run of consecutive documents of one input, numbered so the results can be put back in order. Only what
 * packing reads travels (id and paragraphs, no metadata): a job is copied into a worker thread.
 */
export interface PackJob {
  readonly seq: number;
  readonly deid: DeidMode | null;
  /**
   * The documents; with `deidentified`, their paragraphs are the de-identified ones (the same arrays, copied to a
   * thread once): a packer needs no original text of a note, only how long it was (`characters`).
   */
  readonly documents: PackDocument[];
  /** The documents de-identified already (by the preparing worker), when the job's input is de-identified. */
  readonly deidentified?: DeidentifiedDocument[];
  /** With `deidentified`: the characters of the documents as read, before de-identification (what stats count). */
  readonly characters?: number;
  /** The paragraphs (de-identified ones where that applies) split and tokenized ahead, if done (preTokenize). */
  readonly tokens?: PreTokenized;
}

/**
 * A job for the preparing worker (see pack-worker-entry.ts): it de-identifies the documents (when `deid` is set)
 * and, if it tokenizes, splits and tokenizes them, then hands the job on, prepared, straight to packing port
 * `to` (the pool's port number): neither the answer nor the notes' original text comes back through the
 * reading thread.
 */
export interface PrepJob {
  readonly prepOnly: true;
  readonly seq: number;
  readonly deid: DeidMode | null;
  readonly documents: PackDocument[];
  /**
   * The packing port to send the prepared job to: its number in the pool, which is its place in the list
   * startPackWorkers returned (the pool is given the ports in that order), and so in the preparing worker's lines.
   */
  readonly to: number;
}

/** A job's answer: its batch, or the message of what failed. */
export type PackResult = { readonly seq: number; readonly batch: PackedBatch } | { readonly seq: number; readonly error: string };

/**
 * Packs jobs with one tokenizer and matcher, a DocumentPacker per de-identification mode. `deidentify` de-identifies
 * the jobs that come without their de-identified text; without it such a job fails (a packing worker beside a
 * preparing one never loads the de-identifier).
 */
export class BatchPacker {
  private readonly packers = new Map<DeidMode | null, DocumentPacker>();

  constructor(private readonly tokenizer: PieceModel | null, private readonly special: SpecialIds,
    private readonly matcher: EntityMatcher | null, private readonly seqLen: number,
    private readonly deidentify: DocumentDeidentifier | null = null) {}

  /** Packs a job. */
  run(job: PackJob): PackedBatch {
    let packer = this.packers.get(job.deid);
    if (packer === undefined) {
      packer = new DocumentPacker({ tokenizer: this.tokenizer, special: this.special, matcher: this.matcher, deid: job.deid,
        ...(this.deidentify === null ? {} : { deidentify: this.deidentify }), seqLen: this.seqLen });
      this.packers.set(job.deid, packer);
    }
    const before = { ...packer.stats };
    // Untokenized text: about a token per two characters (fewer in English text).
    const writer = new PackedBatchWriter(job.tokens?.ids.length ?? charactersOf(job.documents) >> 1);
    let first = 0; // the document's first paragraph in job.tokens
    for (let i = 0; i < job.documents.length; i++) {
      const d = job.documents[i];
      packer.pack(d, writer, job.deidentified?.[i], job.tokens === undefined ? undefined : { pre: job.tokens, first });
      first += d.paragraphs.length;
    }
    const stats: PackStats = emptyPackStats();
    addPackStats(stats, packer.stats);
    for (const key of Object.keys(stats) as (keyof PackStats)[]) stats[key] -= before[key];
    // The packer counted the de-identified paragraphs it was given; the figure is the text as read.
    if (job.characters !== undefined) stats.characters = job.characters;
    return writer.finish(stats);
  }

  /** `run` as a PackResult, an exception turned into its message (to cross a thread boundary). */
  answer(job: PackJob): PackResult {
    try {
      return { seq: job.seq, batch: this.run(job) };
    } catch (error) {
      return { seq: job.seq, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
