// What `medbert prepare` checks and says of its inputs before it reads them: flags that apply to none of them, files
// whose names say text but whose contents say otherwise, the JATS parts --include names.
import { closeSync, openSync, readSync } from 'node:fs';
import { MedbertError } from '../errors.js';
import { formatFromFileName, type CorpusFormat } from '../corpus/index.js';

/**
 * A flag given for inputs of a kind the run has none of ("--text-column" with PubMed XML only) does nothing: said in
 * one warning line, as it is most likely a mistake (the wrong --format, or a file forgotten).
 */
export function warnUnusedFlags(argv: readonly string[], inputs: readonly string[], format: CorpusFormat | undefined, deid: boolean): void {
  const given = (flag: string): boolean => argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
  const formats = new Set(inputs.map((path) => format ?? formatFromFileName(path)));
  const unused: [string, string][] = [['text-column', 'csv'], ['text-fields', 'jsonl'], ['include', 'jats']];
  for (const [flag, kind] of unused) {
    if (given(flag) && !formats.has(kind as CorpusFormat)) process.stderr.write(`medbert prepare: warning: --${flag} applies to ${kind} inputs, and there is none\n`);
  }
  if (given('deid-mode') && !deid) process.stderr.write('medbert prepare: warning: --deid-mode applies with --deid, which is not given\n');
}

/**
 * An input read as plain text only because its name says no other format, that is most likely something else: a
 * JSON document (`.json`: prepare reads JSON Lines), PubTator (`PMID|t|title`: its annotation lines would be text).
 * One warning line each; `--format text` says the text is meant (and silences it).
 */
export function warnIfNotText(path: string): void {
  if (formatFromFileName(path) !== 'text') return;
  let head = '';
  if (!/\.gz$/i.test(path)) {
    try {
      const fd = openSync(path, 'r');
      const bytes = Buffer.alloc(256);
      head = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).toString('utf8');
      closeSync(fd);
    } catch {
      return; // the reader says why it cannot be read
    }
  }
  const kind = /\.json(\.gz)?$/i.test(path) ? 'a JSON document (prepare reads JSON Lines, --format jsonl: one object per line)'
    : /^\d+\|[ta]\|/.test(head) ? 'PubTator (PMID|t|title lines): its annotation lines would be read as text too'
      : null;
  if (kind !== null) process.stderr.write(`medbert prepare: warning: ${path} is read as plain text, but it looks like ${kind}; give --format text if it is meant\n`);
}

/** The parts of a JATS article `--include` may add. */
export type JatsPart = 'references' | 'tables' | 'figures';

const JATS_PARTS: readonly JatsPart[] = ['references', 'tables', 'figures'];

/** `--include`'s list, checked (an unknown part is one clear line). */
export function parseJatsParts(list: string | undefined): JatsPart[] {
  const parts = (list ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    if (!(JATS_PARTS as readonly string[]).includes(part)) {
      throw new MedbertError(`--include=${part} is not a part of an article to include: expected some of ${JATS_PARTS.join(', ')}`);
    }
  }
  return parts as JatsPart[];
}
