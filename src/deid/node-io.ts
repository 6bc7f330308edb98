// Node-only adapters for de-identification: reading gold standards from disk and writing outputs atomically.
// The rest of src/deid takes strings, so it runs in browsers too.
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { MedbertError } from '../errors.js';
import { physionetGold } from './gold/physionet.js';
import { presidioGold } from './gold/presidio.js';
import type { GoldDocument } from './gold/types.js';

/** Reads a PhysioNet deid folder: `id.text` and `id-phi.phrase`. */
export function readPhysionetDir(dir: string): GoldDocument[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MedbertError(`--physionet ${dir}: not a folder`);
  const text = join(dir, 'id.text');
  const phrase = join(dir, 'id-phi.phrase');
  for (const f of [text, phrase]) if (!existsSync(f)) throw new MedbertError(`${f}: missing (a PhysioNet deid folder holds id.text and id-phi.phrase)`);
  // latin1: one character per byte, so offsets (counted in bytes by the original tools) stay aligned; the corpus is ASCII.
  return physionetGold(readFileSync(text, 'latin1'), readFileSync(phrase, 'latin1'));
}

/** Reads presidio-research's synthetic JSON. */
export function readPresidioFile(path: string): GoldDocument[] {
  if (!existsSync(path)) throw new MedbertError(`--presidio ${path}: no such file`);
  return presidioGold(readFileSync(path, 'utf8'), path);
}

/**
 * A text sink: stdout, or a file written atomically (a temporary file beside it, renamed on `close`, removed
 * on `abort`), so a failed run never leaves a half-written output.
 */
export class OutputSink {
  private readonly stream: WriteStream | NodeJS.WriteStream;
  private readonly temp: string | null;

  constructor(private readonly path: string | undefined) {
    if (path === undefined || path === '-') {
      this.stream = process.stdout;
      this.temp = null;
    } else {
      if (!existsSync(dirname(path))) throw new MedbertError(`--output ${path}: folder ${dirname(path)} does not exist`);
      this.temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
      this.stream = createWriteStream(this.temp, { encoding: 'utf8' });
    }
  }

  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.temp === null || this.path === undefined) return;
    const file = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    renameSync(this.temp, this.path);
  }

  abort(): void {
    if (this.temp === null) return;
    (this.stream as WriteStream).destroy();
    rmSync(this.temp, { force: true });
  }
}
