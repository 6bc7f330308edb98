import { readFileText } from '../corpus/node-io.js';

/**
 * A whole input file as text (gunzipped when gzip), with a warning naming it when it held invalid UTF-8: the bytes
 * become U+FFFD, not fatal, but a user scoring a test set should know its text changed. (Counted as U+FFFD in the
 * text, as `link` counts them: one written in the file on purpose counts too.)
 */
export async function readTextFile(path: string, command: string): Promise<string> {
  const text = await readFileText(path);
  let replaced = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) replaced++;
  if (replaced > 0) process.stderr.write(`medbert ${command}: warning: ${path}: ${replaced} invalid UTF-8 sequence(s) replaced by U+FFFD\n`);
  return text;
}
