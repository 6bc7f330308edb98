import { fileText, readFileText } from '../corpus/node-io.js';

/**
 * A whole input file as text (gunzipped when gzip), with a warning naming it when it held invalid UTF-8: the bytes
 * become U+FFFD, not fatal, but a user scoring a test set should know its text changed. (Counted as U+FFFD in the
 * text, as `link` counts them: one written in the file on purpose counts too.)
 */
export async function readTextFile(path: string, command: string): Promise<string> {
  const text = await readFileText(path);
  warnReplaced(path, command, replacements(text));
  return text;
}

/** The same, a chunk at a time (for readers that stream: a file may be larger than a string can be). */
export async function* streamTextFile(path: string, command: string): AsyncIterable<string> {
  let replaced = 0;
  for await (const chunk of fileText(path)) {
    replaced += replacements(chunk);
    yield chunk;
  }
  warnReplaced(path, command, replaced);
}

function replacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) n++;
  return n;
}

function warnReplaced(path: string, command: string, replaced: number): void {
  if (replaced > 0) process.stderr.write(`medbert ${command}: warning: ${path}: ${replaced} invalid UTF-8 sequence(s) replaced by U+FFFD\n`);
}
