// What a `prepare` run saves in its partial folder each time it closes a shard, so that a stopped run (Ctrl-C, a
// full disk, a killed process) goes on from there with --resume and writes the same folder, byte for byte, as a
// run that was never stopped.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LITTLE_ENDIAN } from '../byte-order.js';
import type { Deduper, DeduperCounts, DeduperState, ReaderWarning } from '../corpus/index.js';
import { syncPath, writeFileAtomic } from '../directories.js';
import { MedbertError } from '../errors.js';
import type { PackStats } from './pack.js';
import type { ShardProgress } from './shard-writer.js';

/** Where the reader is: input `input` (of the run's list), of whose documents `records` were read. */
export interface ReadPosition {
  readonly input: number;
  readonly records: number;
}

/** Everything of the run as it stood right after one of its batches, when a shard was just closed. */
export interface SavedPoint {
  /** Where to read on from: the documents before were all in batches up to this one. */
  readonly position: ReadPosition;
  /** Documents read and kept (not duplicates) up to here, over all inputs. */
  readonly counts: { readonly seen: number; readonly kept: number };
  readonly warnings: { readonly count: number; readonly samples: readonly ReaderWarning[] };
  /** How much the deduper remembered after this batch's documents. */
  readonly deduper: DeduperCounts;
  readonly stats: PackStats;
  /** Concept ids, numbered in order of first appearance. */
  readonly concepts: readonly string[];
  readonly shards: ShardProgress;
}

/** What a run saved, and the deduper's memory as it was then. */
export interface SavedProgress {
  readonly point: SavedPoint;
  readonly deduper: DeduperState;
}

/** The settings a resumed run must share with the stopped one (inputs, tokenizer, lexicon, sizes), as JSON values. */
export type RunSettings = Readonly<Record<string, unknown>>;

/** The file that says what a partial folder holds (without it, nothing there can be resumed). */
export const PROGRESS_FILE = 'progress.json';
const KEYS = 'dedup-keys.bin';
const SIGNATURES = 'dedup-signatures.bin';
/** The files of the partial folder that are not the output's (finish drops them). */
export const PROGRESS_FILES: readonly string[] = [PROGRESS_FILE, KEYS, SIGNATURES];

interface ProgressFile {
  readonly format: 'medbert-prepare-progress';
  readonly version: 1;
  readonly settings: RunSettings;
  /** The byte order of the deduper's files (those of the machine that wrote them). */
  readonly little_endian: boolean;
  readonly point: SavedPoint;
}

/**
 * Saves a run's progress into its partial folder. The deduper's memory is appended to two files (a key a document
 * is 8 bytes, so it is not written again at each save); progress.json, written atomically last, says how much of
 * them counts, so a process killed between the two leaves the last save whole.
 */
export class ProgressSaver {
  private savedCounts: DeduperCounts;
  /** The shards of the folder known to be on the disk. */
  private syncedShards: number;

  constructor(private readonly folder: string, private readonly settings: RunSettings, private readonly deduper: Deduper,
    resumedFrom: SavedPoint | null) {
    this.savedCounts = resumedFrom?.deduper ?? { exact: 0, near: 0 };
    this.syncedShards = resumedFrom?.shards.shards.length ?? 0;
  }

  save(point: SavedPoint): void {
    const memory = this.deduper.stateToSave(this.savedCounts, point.deduper);
    appendDurably(join(this.folder, KEYS), bytesOf(memory.keys));
    appendDurably(join(this.folder, SIGNATURES), bytesOf(memory.signatures));
    // What progress.json will list is on the disk before it (a power cut then leaves the last save whole).
    for (const shard of point.shards.shards.slice(this.syncedShards)) syncPath(join(this.folder, shard.file));
    this.syncedShards = point.shards.shards.length;
    this.savedCounts = point.deduper;
    const file: ProgressFile = { format: 'medbert-prepare-progress', version: 1, settings: this.settings, little_endian: LITTLE_ENDIAN, point };
    writeFileAtomic(join(this.folder, PROGRESS_FILE), JSON.stringify(file) + '\n', true);
  }
}

/**
 * The progress saved in a partial folder, or null when there is none (the run never closed a shard, or finished).
 * Throws (MedbertError) when it was saved by a run with other settings, or cannot be read.
 */
export function readProgress(folder: string, settings: RunSettings, signatureLength: number): SavedProgress | null {
  const path = join(folder, PROGRESS_FILE);
  if (!existsSync(path)) return null;
  let file: ProgressFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ProgressFile;
  } catch (error) {
    throw new MedbertError(`cannot resume from ${path}: ${error instanceof Error ? error.message : String(error)} (remove ${folder} to start over)`);
  }
  if (!isProgressFile(file)) throw new MedbertError(`cannot resume from ${path}: not a progress file of this medbert (remove ${folder} to start over)`);
  if (file.little_endian !== LITTLE_ENDIAN) throw new MedbertError(`cannot resume from ${path}: it was written on a machine of the other byte order`);
  const differs = differingSetting(file.settings, settings);
  if (differs?.startsWith('code_sha256 ') === true) {
    throw new MedbertError(`cannot resume: the stopped run (${folder}) was made by another build of medbert; run without --resume to start over`);
  }
  if (differs !== null) {
    throw new MedbertError(`cannot resume: ${differs} differs from the stopped run's (${folder}); run without --resume to start over`);
  }
  const { exact, near } = file.point.deduper;
  return {
    point: file.point,
    deduper: { keys: new Int32Array(savedBytes(join(folder, KEYS), 8 * exact).buffer), signatures: new Uint32Array(savedBytes(join(folder, SIGNATURES), 4 * signatureLength * near).buffer) },
  };
}

/** Is this what ProgressSaver writes (as far as a resumed run relies on it)? */
function isProgressFile(file: unknown): file is ProgressFile {
  if (typeof file !== 'object' || file === null) return false;
  const f = file as Partial<ProgressFile>;
  const p = f.point as Partial<SavedPoint> | undefined;
  return f.format === 'medbert-prepare-progress' && f.version === 1 && typeof f.settings === 'object' && f.settings !== null
    && typeof f.little_endian === 'boolean' && typeof p === 'object' && p !== null
    && typeof p.position?.input === 'number' && typeof p.position.records === 'number' && typeof p.counts?.seen === 'number'
    && typeof p.warnings?.count === 'number' && Array.isArray(p.warnings.samples) && typeof p.deduper?.exact === 'number'
    && typeof p.deduper.near === 'number' && typeof p.stats === 'object' && Array.isArray(p.concepts)
    && Array.isArray(p.shards?.shards) && p.shards.shards.every(isShardEntry) && typeof p.shards.totals?.sequences === 'number'
    && p.concepts.every((c) => typeof c === 'string') && typeof p.stats?.characters === 'number';
}

function isShardEntry(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  return typeof e['file'] === 'string' && /^[\w.-]+$/.test(e['file']) && typeof e['sha256'] === 'string'
    && typeof e['sequences'] === 'number' && typeof e['tokens'] === 'number';
}

/** The first `length` bytes of a deduper file, the file cut to them (a save that stopped half-way wrote more). */
function savedBytes(path: string, length: number): Uint8Array {
  const size = existsSync(path) ? statSync(path).size : 0;
  if (size < length) throw new MedbertError(`cannot resume: ${path} holds ${size} bytes, fewer than the ${length} saved (remove its folder to start over)`);
  if (size > length) truncateSync(path, length);
  const bytes = new Uint8Array(length); // a fresh buffer: its offset suits any typed array
  if (length > 0) bytes.set(readFileSync(path));
  return bytes;
}

function appendDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'a');
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function bytesOf(values: Int32Array | Uint32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** The first setting (a JSON path) whose value differs between the two, or null. */
function differingSetting(saved: unknown, now: unknown, path = 'the settings'): string | null {
  if (typeof saved !== 'object' || saved === null || typeof now !== 'object' || now === null) {
    return JSON.stringify(saved) === JSON.stringify(now) ? null : `${path} (was ${JSON.stringify(saved)}, now ${JSON.stringify(now)})`;
  }
  const keys = new Set([...Object.keys(saved), ...Object.keys(now)]);
  for (const key of keys) {
    const differs = differingSetting((saved as Record<string, unknown>)[key], (now as Record<string, unknown>)[key], Array.isArray(now) ? `${path}[${key}]` : path === 'the settings' ? key : `${path}.${key}`);
    if (differs !== null) return differs;
  }
  return null;
}
