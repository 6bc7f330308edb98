import type { GoldDocument } from './gold/types.js';
import type { LevelReport, ScoreReport, Scores, TokenError } from './score.js';
import { SCORE_GROUPS } from './types.js';

/** Score reports as text: a table per level and group, the JSON the CLI prints last, error listings. */

/** Up to `limit` misses and false positives, each with its context, one per line. */
export function formatErrors(errors: readonly TokenError[], docs: readonly GoldDocument[], limit: number): string {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const lines: string[] = [];
  for (const kind of ['miss', 'false-positive'] as const) {
    const list = errors.filter((e) => e.kind === kind);
    lines.push(`${kind === 'miss' ? 'Misses' : 'False positives'} (${list.length} tokens, first ${Math.min(limit, list.length)}):`);
    for (const e of list.slice(0, limit)) {
      const t = texts.get(e.doc) ?? '';
      const context = `${t.slice(Math.max(0, e.start - 30), e.start)}[[${t.slice(e.start, e.end)}]]${t.slice(e.end, e.end + 20)}`.replace(/\s+/g, ' ');
      lines.push(`  ${e.group.padEnd(8)} ${e.label.padEnd(18)} ${e.doc.padEnd(22)} ${context}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function formatScoreTable(report: ScoreReport): string {
  const header = ['level', 'group', 'gold', 'found', 'recall', 'predicted', 'right', 'precision', 'f1'];
  const rows: string[][] = [header];
  const add = (level: string, group: string, s: Scores): void => {
    rows.push([level, group, String(s.gold), String(s.goldFound), s.recall.toFixed(4), String(s.predicted), String(s.predictedRight), s.precision.toFixed(4), s.f1.toFixed(4)]);
  };
  const level = (name: string, r: LevelReport): void => {
    for (const g of SCORE_GROUPS) if (r.byGroup[g].gold + r.byGroup[g].predicted > 0) add(name, g, r.byGroup[g]);
    add(name, 'overall', r.overall);
  };
  level('token', report.token);
  level('span', report.span);
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

/** The `--json` object: token-level overall figures on top, then per group, then span level. */
export function scoreJson(report: ScoreReport): Record<string, unknown> {
  const brief = (s: Scores): Record<string, number> => ({
    recall: round(s.recall), precision: round(s.precision), f1: round(s.f1), gold: s.gold, found: s.goldFound, predicted: s.predicted, right: s.predictedRight,
  });
  const groups = (r: LevelReport): Record<string, Record<string, number>> =>
    Object.fromEntries(SCORE_GROUPS.filter((g) => r.byGroup[g].gold + r.byGroup[g].predicted > 0).map((g) => [g, brief(r.byGroup[g])]));
  return {
    recall: round(report.token.overall.recall),
    precision: round(report.token.overall.precision),
    f1: round(report.token.overall.f1),
    by_category: groups(report.token),
    level: 'token',
    documents: report.documents,
    token: brief(report.token.overall),
    span: { ...brief(report.span.overall), by_category: groups(report.span) },
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
