// The only Node-specific part of the corpus layer: files in, byte chunks out (gunzipped when needed).
import { createReadStream, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { describeFileError, MedbertError } from '../errors.js';
import type { CorpusDocument } from './document.js';
import { readCsv } from './csv.js';
import { readJsonl } from './jsonl.js';
import { readText } from './text.js';
import { formatFromFileName, readCorpus, type CorpusFormat, type CorpusReadOptions } from './formats.js';
import { decodeUtf8 } from './text-stream.js';

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when the file starts with the gzip magic bytes (so `.gz` is not needed in the name); checkIsFile first. */
async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * Chunk size of reading and of gunzip's output: 1 MiB, not the streams' defaults (64 KiB read, 16 KiB gunzip
 * output), which made each stage (gunzip's calls, stream plumbing, every reader's per-chunk work) run a chunk at a
 * time 16 to 64 times as often; the stream plumbing runs in Node's unoptimized code, a few hundred times a file.
 * (256 KiB -> 1 MiB: reading both shared files 361 -> 349 ms CPU.) Memory holds a few chunks.
 */
const CHUNK_BYTES = 1 << 20;

/** The file's bytes in chunks of about 1 MiB, decompressed when it is gzip (by extension or magic bytes). */
export async function* fileBytes(path: string): AsyncIterable<Uint8Array> {
  await checkIsFile(path);
  try { // a file that cannot be opened (no permission) is named here too
    const gzip = path.endsWith('.gz') || (await isGzipFile(path));
    const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    const stream = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : raw;
    raw.on('error', (error) => stream.destroy(error));
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'corrupt or truncated gzip data' : describeFileError(error);
    throw new MedbertError(`cannot read ${path}: ${what}`);
  }
}

/** Throws (MedbertError, naming the path) unless `path` is a file that exists: a folder fails its first read without a name. */
async function checkIsFile(path: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MedbertError(code === 'ENOENT' ? `input file not found: ${path}` : `cannot open ${path}: ${describeFileError(error)}`);
  }
  if (isFolder) throw new MedbertError(`${path} is a folder, not a file`);
}

/** The file's text in chunks: UTF-8, invalid bytes replaced by U+FFFD. */
export function fileText(path: string): AsyncIterable<string> {
  return decodeUtf8(fileBytes(path));
}

/** The whole file as text (gunzipped when it is gzip; invalid UTF-8 replaced), for inputs read at once. */
export async function readFileText(path: string): Promise<string> {
  const parts: string[] = [];
  for await (const text of fileText(path)) parts.push(text);
  return parts.join('');
}

/** Reads one corpus file; the format defaults to the one its name suggests; warnings name the file. */
export function readCorpusFile(path: string, options: CorpusReadOptions & { format?: CorpusFormat } = {}): AsyncIterable<CorpusDocument> {
  const format = options.format ?? formatFromFileName(path);
  const named = { ...options, fileName: options.fileName ?? basename(path) };
  // An empty file is most likely a mistake (a failed download, the wrong path): named, though it holds nothing wrong.
  if (isEmptyFile(path)) named.onWarning?.({ file: named.fileName, line: 1, message: 'the file is empty' });
  // CSV rows and lines are split from bytes: these readers get the file's, not text decoded a chunk at a time (see
  // CsvRows and linesOf: a field or line decoded alone stays a one-byte string when it is ASCII).
  switch (format) {
    case 'csv': return readCsv(fileBytes(path), named);
    case 'jsonl': return readJsonl(fileBytes(path), named);
    case 'text': return readText(fileBytes(path), named);
    default: return readCorpus(format, fileText(path), named);
  }
}

/** A file of zero bytes (false when it cannot be read: the reader says why). */
function isEmptyFile(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return false;
  }
}
