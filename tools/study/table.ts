/**
 * Prints the pretraining study's results (tools/study/finetune-point.sh writes them) as a Markdown table.
 *   node dist/tools/study/table.js [runs/study/results]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Scores { readonly f1: number; readonly precision: number; readonly recall: number }
interface NerResult { readonly dev: Scores; readonly test: Scores & { readonly by_type: Record<string, Scores> } }
interface QaResult { readonly dev: { readonly accuracy: number }; readonly test: { readonly accuracy: number; readonly n: number } }
interface MlmResult { readonly mlm_loss: number; readonly accuracy: number }

const dir = process.argv[2] ?? 'runs/study/results';
const lastJson = <T>(path: string): T | null => {
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]!) as T;
  } catch {
    return null;
  }
};
const pct = (x: number | undefined): string => (x === undefined ? '–' : (100 * x).toFixed(1));

console.log('| point | held-out MLM loss | masked-token accuracy % | NER test F1 (Chemical / Disease / overall) | NER dev F1 | MedQA test acc. % | MedQA dev acc. % |');
console.log('|---|---|---|---|---|---|---|');
for (const label of readdirSync(dir).sort()) {
  const mlm = lastJson<MlmResult>(join(dir, label, 'mlm.json'));
  const ner = lastJson<NerResult>(join(dir, label, 'ner.json'));
  const qa = lastJson<QaResult>(join(dir, label, 'qa.json'));
  const t = ner?.test;
  console.log(`| ${label} | ${mlm === null ? '–' : mlm.mlm_loss.toFixed(3)} | ${pct(mlm?.accuracy)} | ` +
    `${t === undefined ? '–' : `${pct(t.by_type['Chemical']?.f1)} / ${pct(t.by_type['Disease']?.f1)} / **${pct(t.f1)}**`} | ` +
    `${pct(ner?.dev.f1)} | ${pct(qa?.test.accuracy)} | ${pct(qa?.dev.accuracy)} |`);
}
