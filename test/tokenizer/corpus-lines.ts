// Realistic test lines from ../shared/data (read at test time, never copied into the repo).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Sentences of the shared abstracts: titles and abstract bodies split after a full stop. */
export function abstractSentences(path: string, limit: number): string[] {
  const out: string[] = [];
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const rec = JSON.parse(line) as { title: string; abstract: string };
    if (rec.title !== '') out.push(rec.title);
    for (const s of rec.abstract.split(/(?<=\.)\s+(?=[A-Z])/)) out.push(s);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
