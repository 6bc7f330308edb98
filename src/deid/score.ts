import type { GoldDocument } from './gold/types.js';
import { scoreGroup, SCORE_GROUPS, type PhiSpan, type ScoreGroup } from './types.js';
import { scoringTokens, type TextToken } from './tokens.js';

/**
 * How predictions are scored against a gold standard (the definitions the CLI's help repeats).
 *
 * Tokens are maximal runs of letters and digits (see tokens.ts). A token belongs to a span when they share at
 * least one character. Each token gets at most one gold group and one predicted group (SCORE_GROUPS: NAME,
 * LOCATION, DATE, AGE, CONTACT, ID); tokens of gold spans whose label is not PHI (e.g. presidio's TITLE) are
 * "ignored": they count neither as misses nor as false positives.
 *
 * Token level
 * - overall (binary, the usual de-identification measure): recall = gold PHI tokens that are predicted PHI of
 *   any category / gold PHI tokens; precision = predicted PHI tokens that are gold PHI of any category /
 *   predicted PHI tokens (ignored tokens left out of both).
 * - per group g (typed): recall_g = gold-g tokens predicted as g / gold-g tokens; precision_g = predicted-g
 *   tokens that are gold g / predicted-g tokens.
 * Span level
 * - recall: a gold span is found when every one of its tokens is predicted (any category overall; group g
 *   for its group); precision: a predicted span is right when at least one of its tokens is gold PHI (any
 *   group overall; the same group per group). A predicted span made only of ignored tokens is left out.
 * F1 is the harmonic mean of recall and precision; a ratio with nothing to count is 1 (nothing to miss).
 */
export interface Counts {
  /** Gold items (tokens or spans) found / gold items. */
  readonly goldFound: number;
  readonly gold: number;
  /** Predicted items that are right / predicted items. */
  readonly predictedRight: number;
  readonly predicted: number;
}

export interface Scores extends Counts {
  readonly recall: number;
  readonly precision: number;
  readonly f1: number;
}

export interface LevelReport {
  readonly overall: Scores;
  readonly byGroup: Readonly<Record<ScoreGroup, Scores>>;
}

export interface ScoreReport {
  readonly documents: number;
  readonly token: LevelReport;
  readonly span: LevelReport;
}

/** A gold token not predicted, or a predicted token not gold, for error analysis. */
export interface TokenError {
  readonly doc: string;
  readonly kind: 'miss' | 'false-positive';
  readonly group: ScoreGroup;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

class Tally {
  goldFound = 0;
  gold = 0;
  predictedRight = 0;
  predicted = 0;

  add(c: Counts): void {
    this.goldFound += c.goldFound;
    this.gold += c.gold;
    this.predictedRight += c.predictedRight;
    this.predicted += c.predicted;
  }

  scores(): Scores {
    const recall = this.gold === 0 ? 1 : this.goldFound / this.gold;
    const precision = this.predicted === 0 ? 1 : this.predictedRight / this.predicted;
    const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
    return { goldFound: this.goldFound, gold: this.gold, predictedRight: this.predictedRight, predicted: this.predicted, recall, precision, f1 };
  }
}

class LevelTally {
  readonly overall = new Tally();
  readonly byGroup = new Map<ScoreGroup, Tally>(SCORE_GROUPS.map((g) => [g, new Tally()]));

  group(g: ScoreGroup): Tally {
    return this.byGroup.get(g) as Tally;
  }

  report(): LevelReport {
    const byGroup = {} as Record<ScoreGroup, Scores>;
    for (const g of SCORE_GROUPS) byGroup[g] = this.group(g).scores();
    return { overall: this.overall.scores(), byGroup };
  }
}

const IGNORED = 'ignored';
type TokenGold = ScoreGroup | typeof IGNORED | null;

/** Accumulates scores over documents; `errors` collects token errors when asked to. */
export class Scorer {
  private readonly token = new LevelTally();
  private readonly span = new LevelTally();
  private documents = 0;
  readonly errors: TokenError[] = [];

  constructor(private readonly keepErrors = false) {}

  add(doc: GoldDocument, predicted: readonly PhiSpan[]): void {
    this.documents++;
    const tokens = scoringTokens(doc.text);
    const gold: TokenGold[] = new Array<TokenGold>(tokens.length).fill(null);
    const goldLabel: string[] = new Array<string>(tokens.length).fill('');
    for (const s of doc.spans) {
      for (const i of coveredTokens(tokens, s.start, s.end)) {
        const g: TokenGold = s.category === null ? IGNORED : scoreGroup(s.category);
        // A real PHI label wins over an ignored one on the same token.
        if (gold[i] === null || gold[i] === IGNORED) {
          gold[i] = g;
          goldLabel[i] = s.label;
        }
      }
    }
    const pred: (ScoreGroup | null)[] = new Array<ScoreGroup | null>(tokens.length).fill(null);
    const predSpans: { group: ScoreGroup; tokens: number[] }[] = [];
    for (const s of predicted) {
      const covered = coveredTokens(tokens, s.start, s.end);
      const group = scoreGroup(s.category);
      for (const i of covered) if (pred[i] === null) pred[i] = group;
      if (covered.length > 0) predSpans.push({ group, tokens: covered });
    }

    for (let i = 0; i < tokens.length; i++) {
      const g = gold[i] ?? null;
      const p = pred[i] ?? null;
      if (g === IGNORED) continue;
      const tok = tokens[i] as TextToken;
      if (g !== null) {
        this.token.overall.add({ goldFound: p !== null ? 1 : 0, gold: 1, predictedRight: 0, predicted: 0 });
        this.token.group(g).add({ goldFound: p === g ? 1 : 0, gold: 1, predictedRight: 0, predicted: 0 });
        if (p === null && this.keepErrors) this.errors.push({ doc: doc.id, kind: 'miss', group: g, label: goldLabel[i] ?? '', start: tok.start, end: tok.end });
      }
      if (p !== null) {
        this.token.overall.add({ goldFound: 0, gold: 0, predictedRight: g !== null ? 1 : 0, predicted: 1 });
        this.token.group(p).add({ goldFound: 0, gold: 0, predictedRight: g === p ? 1 : 0, predicted: 1 });
        if (g === null && this.keepErrors) this.errors.push({ doc: doc.id, kind: 'false-positive', group: p, label: '', start: tok.start, end: tok.end });
      }
    }

    for (const s of doc.spans) {
      if (s.category === null) continue;
      const covered = coveredTokens(tokens, s.start, s.end);
      if (covered.length === 0) continue;
      const group = scoreGroup(s.category);
      const anyFound = covered.every((i) => pred[i] !== null);
      const groupFound = covered.every((i) => pred[i] === group);
      this.span.overall.add({ goldFound: anyFound ? 1 : 0, gold: 1, predictedRight: 0, predicted: 0 });
      this.span.group(group).add({ goldFound: groupFound ? 1 : 0, gold: 1, predictedRight: 0, predicted: 0 });
    }
    for (const s of predSpans) {
      const scored = s.tokens.filter((i) => gold[i] !== IGNORED);
      if (scored.length === 0) continue;
      const anyRight = scored.some((i) => gold[i] !== null);
      const groupRight = scored.some((i) => gold[i] === s.group);
      this.span.overall.add({ goldFound: 0, gold: 0, predictedRight: anyRight ? 1 : 0, predicted: 1 });
      this.span.group(s.group).add({ goldFound: 0, gold: 0, predictedRight: groupRight ? 1 : 0, predicted: 1 });
    }
  }

  report(): ScoreReport {
    return { documents: this.documents, token: this.token.report(), span: this.span.report() };
  }
}

/** Indexes of the tokens sharing at least one character with [start, end) (tokens sorted by start). */
function coveredTokens(tokens: readonly TextToken[], start: number, end: number): number[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as TextToken).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < tokens.length && (tokens[i] as TextToken).start < end; i++) out.push(i);
  return out;
}

/** Scores predictions for a whole gold standard. */
export function scoreDocuments(
  docs: readonly GoldDocument[], predict: (text: string) => readonly PhiSpan[], keepErrors = false,
): { report: ScoreReport; errors: TokenError[] } {
  const scorer = new Scorer(keepErrors);
  for (const d of docs) scorer.add(d, predict(d.text));
  return { report: scorer.report(), errors: scorer.errors };
}
