// Node-only file and stream helpers for the tokenizer (kept apart so the rest of src/tokenizer runs in browsers).
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { writeFileAtomic } from '../directories.js';
import { describeFileError, MedbertError } from '../errors.js';
import { SentencePieceModel } from './model.js';
import type { ModelProto } from './model-spec.js';

export function readModelFile(path: string): SentencePieceModel {
  return SentencePieceModel.fromBytes(readModelBytes(path), path);
}

/**
 * A model as decoded and its built piece trie: what another thread needs to load it without decoding the file or
 * building the trie (or loading protobufjs: PieceModel.fromProto).
 */
export interface SharedModel {
  readonly proto: ModelProto;
  readonly pieceTrie: Uint32Array;
}

/**
 * A model file read once, for this thread (`model`) and for worker threads, which load it with
 * `PieceModel.fromProto(shared.proto, path, { pieceTrie: shared.pieceTrie })`.
 */
export interface LoadedModel {
  readonly model: SentencePieceModel;
  readonly shared: SharedModel;
}

export function readSharedModel(path: string): LoadedModel {
  const model = SentencePieceModel.fromBytes(readModelBytes(path), path);
  return { model, shared: { proto: model.proto, pieceTrie: model.pieceTrieUnits } };
}

function readModelBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new MedbertError(code === 'ENOENT' ? `model file not found: ${path}` : `cannot read model file ${path}: ${describeFileError(error)}`);
  }
}

/** Writes a whole file atomically (writeFileAtomic: a failed write leaves no partial file), or fails in one line. */
export function writeFileOrFail(path: string, data: Uint8Array | string): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    throw new MedbertError(`cannot write ${path}: ${describeFileError(error)}`);
  }
}

/** Longest line we hold in memory; spm has no limit, but a runaway "line" should fail clearly, not exhaust memory. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * Calls `onLine` with each line's bytes (split on \n only; \r stays, as spm_encode does; a last line
 * without a newline still counts). The bytes are only valid during the call.
 */
export async function forEachLine(
  input: Readable, name: string, onLine: (line: Uint8Array, lineNumber: number) => void, afterChunk?: () => Promise<void>,
): Promise<void> {
  let carry: Uint8Array = new Uint8Array(0);
  let lineNumber = 0;
  const chunks = input[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await chunks.next();
    } catch (error) {
      if (error instanceof MedbertError) throw error;
      const code = (error as { code?: string }).code;
      throw new MedbertError(code === 'ENOENT' ? `input file not found: ${name}` : `cannot read ${name}: ${describeFileError(error)}`);
    }
    if (next.done === true) break;
    const bytes = next.value as Uint8Array;
    let start = 0;
    let nl = bytes.indexOf(10, start);
    if (carry.length > 0 && nl >= 0) {
      const line = concat(carry, bytes.subarray(0, nl));
      carry = new Uint8Array(0);
      onLine(line, ++lineNumber);
      start = nl + 1;
      nl = bytes.indexOf(10, start);
    }
    while (nl >= 0) {
      onLine(bytes.subarray(start, nl), ++lineNumber);
      start = nl + 1;
      nl = bytes.indexOf(10, start);
    }
    if (start < bytes.length) {
      carry = concat(carry, bytes.subarray(start));
      if (carry.length > MAX_LINE_BYTES) throw new MedbertError(`${name}: line ${lineNumber + 1} is longer than ${MAX_LINE_BYTES} bytes`);
    }
    if (afterChunk !== undefined) await afterChunk();
  }
  if (carry.length > 0) onLine(carry, ++lineNumber);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Buffered writer of ids as decimal text, one line per call, with backpressure. */
export class IdLineWriter {
  private buf = new Uint8Array(1 << 20);
  private n = 0;
  constructor(private readonly out: Writable) {}

  line(ids: Int32Array, count: number): void {
    if (this.n + count * 11 + 1 > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.n + count * 11 + 1));
      grown.set(this.buf.subarray(0, this.n));
      this.buf = grown;
    }
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < count; i++) {
      if (i > 0) buf[n++] = 0x20;
      let v = ids[i];
      if (v < 0) { buf[n++] = 0x2d; v = -v; }
      if (v < 10) { buf[n++] = 0x30 + v; continue; }
      const start = n;
      while (v > 0) { buf[n++] = 0x30 + (v % 10); v = (v / 10) | 0; }
      for (let a = start, b = n - 1; a < b; a++, b--) { const t = buf[a]; buf[a] = buf[b]; buf[b] = t; }
    }
    buf[n++] = 0x0a;
    this.n = n;
  }

  get pending(): number {
    return this.n;
  }

  async flush(): Promise<void> {
    if (this.n === 0) return;
    const chunk = this.buf.slice(0, this.n);
    this.n = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain'); // rejects if the stream fails meanwhile
  }
}

/** Buffered writer with backpressure. */
export class LineWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  line(text: string): void {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
  }

  get pending(): number {
    return this.size;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
