// Node-only adapters for de-identification: reading gold standards from disk and writing outputs atomically.
// The rest of src/deid takes strings, so it runs in browsers too.
import { createWriteStream, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { readFileText } from '../corpus/node-io.js';
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
export async function readPresidioFile(path: string): Promise<GoldDocument[]> {
  if (!existsSync(path)) throw new MedbertError(`--presidio ${path}: no such file`);
  return presidioGold(await readFileText(path), path);
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
      if (existsSync(path) && statSync(path).isDirectory()) throw new MedbertError(`--output ${path} is a folder, not a file`);
      const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
      // Opened here, not by the stream: a place that cannot be written fails now, in one line, rather than as an
      // 'error' event later.
      let fd: number;
      try {
        fd = openSync(temp, 'w');
      } catch (error) {
        throw new MedbertError(`--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      this.temp = temp;
      this.stream = createWriteStream('', { fd, encoding: 'utf8' });
      this.stream.on('error', (error) => { this.failure ??= error; });
    }
  }

  /** A write that failed after the file was opened (a full disk): reported by the next write or close. */
  private failure: Error | null = null;

  async write(chunk: string): Promise<void> {
    this.check();
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.temp === null || this.path === undefined) return;
    const file = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    this.check();
    renameSync(this.temp, this.path);
  }

  private check(): void {
    if (this.failure !== null) throw new MedbertError(`--output ${this.path ?? '-'}: ${this.failure.message}`);
  }

  abort(): void {
    if (this.temp === null) return;
    (this.stream as WriteStream).destroy();
    rmSync(this.temp, { force: true });
  }
}
