// Node-only adapters for de-identification: reading gold standards from disk and writing outputs atomically.
// The rest of src/deid takes strings, so it runs in browsers too.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { readFileText } from '../corpus/node-io.js';
import { AtomicFile } from '../directories.js';
import { MedbertError } from '../errors.js';
import { physionetGold } from './gold/physionet.js';
import { presidioGold } from './gold/presidio.js';
import type { GoldDocument } from './gold/types.js';

/** Reads a PhysioNet deid folder: `id.text` and `id-phi.phrase`. */
export function readPhysionetDir(dir: string): GoldDocument[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MedbertError(`--physionet ${dir}: not a folder`);
  const text = join(dir, 'id.text');
  const phrase = join(dir, 'id-phi.phrase');
  for (const f of [text, phrase]) {
    if (!existsSync(f)) throw new MedbertError(`${f}: missing (a PhysioNet deid folder holds id.text and id-phi.phrase)`);
    if (!statSync(f).isFile()) throw new MedbertError(`${f} is a folder, not a file`);
  }
  // latin1: one character per byte, so offsets (counted in bytes by the original tools) stay aligned; the corpus is ASCII.
  return physionetGold(readFileSync(text, 'latin1'), readFileSync(phrase, 'latin1'));
}

/**
 * The patient ids of `--patients`: the value itself (comma- or space-separated), or the lines of the file it names.
 * A value shaped like a path that names no file is an error, not a list of one id.
 */
export function readPatientList(value: string): string[] {
  let list = value;
  if (existsSync(value)) {
    if (!statSync(value).isFile()) throw new MedbertError(`--patients ${value} is a folder, not a file`);
    list = readFileSync(value, 'utf8');
  } else if (/[\/\\]|\.[A-Za-z]/.test(value)) {
    throw new MedbertError(`--patients ${value}: no such file`);
  }
  return list.split(/[\s,]+/).filter((s) => s !== '');
}

/** Reads presidio-research's synthetic JSON. */
export async function readPresidioFile(path: string): Promise<GoldDocument[]> {
  if (!existsSync(path)) throw new MedbertError(`--presidio ${path}: no such file`);
  return presidioGold(await readFileText(path), path);
}

/**
 * A text sink: stdout, or a file written atomically (AtomicFile: a temporary file beside it, renamed on `close`,
 * removed on `abort`), so a failed run never leaves a half-written output.
 */
export class OutputSink {
  private readonly file: AtomicFile | null;

  constructor(path: string | undefined) {
    if (path === undefined || path === '-') {
      this.file = null;
    } else {
      if (!existsSync(dirname(path))) throw new MedbertError(`--output ${path}: folder ${dirname(path)} does not exist`);
      this.file = new AtomicFile(path);
    }
  }

  async write(chunk: string): Promise<void> {
    if (this.file !== null) await this.file.write(chunk);
    else if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }

  async close(): Promise<void> {
    await this.file?.close();
  }

  abort(): void {
    this.file?.abort();
  }
}
