/** The figures of a demo run (report.json), and a self-contained HTML rendering of them (report.html). */
export interface DemoReport {
  readonly medbert: string;
  readonly created: string;
  readonly corpus: string;
  readonly seconds: Record<string, number>;
  readonly deid?: {
    readonly documents: number;
    readonly recall: number;
    readonly precision: number;
    readonly f1: number;
    readonly span: { readonly recall: number; readonly precision: number; readonly f1: number };
    readonly by_category: Record<string, { recall: number; precision: number; f1: number; gold: number; missed: number; false_positives: number }>;
  };
  readonly tokenizer: { readonly vocab_size: number; readonly sentences: number; readonly seconds: number };
  readonly prepare: { readonly documents: number; readonly sequences: number; readonly tokens: number; readonly entities: number; readonly concepts: number };
  readonly pretrain: {
    readonly preset: string;
    readonly parameters: number;
    readonly steps: number;
    readonly losses: [number, number][];
    readonly mlm_losses: [number, number][];
    readonly entity_losses: [number, number][];
    readonly lr: [number, number][];
    readonly tokens_per_s: [number, number][];
  };
  readonly ner?: {
    readonly dev: { readonly f1: number };
    readonly test: { readonly f1: number; readonly precision: number; readonly recall: number; readonly by_type: Record<string, { f1: number; precision: number; recall: number }> } | null;
    readonly examples_per_s: number;
  };
  readonly qa?: { readonly test: { readonly accuracy: number; readonly n: number } | null; readonly dev: { readonly accuracy: number; readonly n: number } };
}

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** An inline SVG line chart of one or more series of [x, y] points. */
function chart(title: string, series: { name: string; color: string; points: readonly [number, number][] }[], yLabel: string): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const [w, h, pad] = [640, 240, 64];
  const xs = all.map((p) => p[0]), ys = all.map((p) => p[1]).filter(Number.isFinite);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  // Start at zero unless the series live far above it (losses), where zero would flatten them.
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const y0 = lo >= 0 && lo < 0.3 * hi ? 0 : lo - 0.05 * (hi - lo);
  const y1 = hi + 0.05 * (hi - y0) || 1;
  const sx = (x: number): number => pad + ((x - x0) / (x1 - x0)) * (w - 2 * pad);
  const sy = (y: number): number => h - pad + 10 - ((y - y0) / (y1 - y0)) * (h - 2 * pad);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => y0 + t * (y1 - y0));
  const grid = ticks.map((y) => `<line x1="${pad}" x2="${w - pad}" y1="${sy(y)}" y2="${sy(y)}" stroke="#ddd"/>` +
    `<text x="${pad - 6}" y="${sy(y) + 4}" text-anchor="end" font-size="11">${tick(y)}</text>`).join('');
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(x0 + t * (x1 - x0))).map((x) =>
    `<text x="${sx(x)}" y="${h - pad + 26}" text-anchor="middle" font-size="11">${x}</text>`).join('');
  const lines = series.map((s) => `<polyline fill="none" stroke="${s.color}" stroke-width="1.6" points="${s.points
    .filter((p) => Number.isFinite(p[1])).map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(' ')}"/>`).join('');
  const legend = series.map((s, i) => `<text x="${w - pad - 150}" y="${24 + 14 * i}" font-size="12" fill="${s.color}">— ${esc(s.name)}</text>`).join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">` +
 `${grid}${xTicks}${lines}${legend}<text x="${w / 2}" y="${h - 4}" text-anchor="middle" font-size="12">step</text>` +
    `<text x="12" y="${h / 2}" font-size="12" transform="rotate(-90 12 ${h / 2})" text-anchor="middle">${esc(yLabel)}</text></svg></figure>`;
}

/** A short axis label: 0.00105 → 1.05e-3, 4,380 → 4.38k. */
function tick(y: number): string {
  const a = Math.abs(y);
  if (a === 0) return '0';
  if (a >= 1e3) return `${(y / 1e3).toPrecision(3)}k`;
  if (a < 0.01) return y.toExponential(2);
  return y.toPrecision(3);
}

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function renderReport(r: DemoReport): string {
  const sections: string[] = [];
  const p = r.pretrain;
  sections.push(`<h2>Pretraining (${esc(p.preset)}, ${p.parameters.toLocaleString('en-US')} parameters, ${p.steps} steps)</h2>`,
    chart('Loss', [
      { name: 'total', color: '#222', points: p.losses },
      { name: 'MLM', color: '#1f77b4', points: p.mlm_losses },
      { name: 'entity', color: '#d62728', points: p.entity_losses },
    ], 'nats'),
    chart('Learning rate', [{ name: 'lr', color: '#2ca02c', points: p.lr }], 'lr'),
    chart('Throughput', [{ name: 'tokens/s', color: '#9467bd', points: p.tokens_per_s }], 'tokens/s'));
  if (r.deid !== undefined) {
    const d = r.deid;
    sections.push(`<h2>De-identification (${d.documents} notes)</h2>`,
      `<p>Token level: recall <b>${pct(d.recall)}</b>, precision <b>${pct(d.precision)}</b>, F1 ${pct(d.f1)}. ` +
      `Span level: recall ${pct(d.span.recall)}, precision ${pct(d.span.precision)}.</p>`,
      table(['category', 'recall', 'precision', 'F1', 'gold tokens', 'missed', 'false positives'], Object.entries(d.by_category)
        .map(([c, s]) => [c, pct(s.recall), pct(s.precision), pct(s.f1), s.gold, s.missed, s.false_positives])));
  }
  if (r.ner !== undefined) {
    const t = r.ner.test;
    sections.push('<h2>Named entities (fine-tuned)</h2>', `<p>Dev F1 ${pct(r.ner.dev.f1)}; ${r.ner.examples_per_s.toFixed(1)} training examples/s.</p>`);
    if (t !== null) {
      sections.push(table(['type', 'F1', 'precision', 'recall'], [
        ...Object.entries(t.by_type).map(([k, s]) => [k, pct(s.f1), pct(s.precision), pct(s.recall)]),
        ['overall (micro)', pct(t.f1), pct(t.precision), pct(t.recall)],
      ]));
    }
  }
  if (r.qa !== undefined) {
    sections.push('<h2>Question answering (MedQA)</h2>', `<p>Dev accuracy ${pct(r.qa.dev.accuracy)} (n=${r.qa.dev.n})` +
      (r.qa.test === null ? '' : `; test accuracy <b>${pct(r.qa.test.accuracy)}</b> (n=${r.qa.test.n}); chance is 25% on 4 options.`) + '</p>');
  }
  sections.push('<h2>Pipeline</h2>', table(['stage', 'seconds'], Object.entries(r.seconds).map(([k, v]) => [k, v.toFixed(1)])),
    `<p>Tokenizer: ${r.tokenizer.vocab_size} pieces from ${r.tokenizer.sentences} sentences. Shards: ${r.prepare.sequences} sequences, ` +
    `${r.prepare.tokens.toLocaleString('en-US')} tokens, ${r.prepare.entities} linked entity spans over ${r.prepare.concepts} concepts.</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>medbert demo report</title><style>
body{font:14px/1.45 system-ui,sans-serif;max-width:760px;margin:2em auto;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:1.6em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
figure{margin:1em 0}figcaption{font-weight:600}</style></head><body>
<h1>medbert demo report</h1><p>${esc(r.corpus)} · ${esc(r.created)} · medbert ${esc(r.medbert)}</p>
${sections.join('\n')}
</body></html>
`;
}
