/** The BIO label set for the given entity types: O, then B-T and I-T per type, in order. */
export class LabelSet {
  readonly names: readonly string[];

  constructor(readonly types: readonly string[]) {
    this.names = ['O', ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
  }

  get size(): number {
    return this.names.length;
  }

  begin(type: string): number {
    return 1 + 2 * this.types.indexOf(type);
  }

  inside(type: string): number {
    return this.begin(type) + 1;
  }

  /** The type of a B or I label, or null for O. */
  typeOf(label: number): string | null {
    return label === 0 ? null : this.types[(label - 1) >> 1]!;
  }

  isBegin(label: number): boolean {
    return label > 0 && (label - 1) % 2 === 0;
  }
}

/** A span over word indices [start, end) with its type. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Spans from a BIO sequence, repairing invalid sequences as conlleval does: an I-T that does not continue a
 * span of type T starts a new span (after O, at the start, or after another type).
 */
export function decodeBio(labels: ArrayLike<number>, set: LabelSet): WordSpan[] {
  const spans: WordSpan[] = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i <= labels.length; i++) {
    const label = i < labels.length ? labels[i]! : 0;
    const type = set.typeOf(label);
    const continues = type !== null && !set.isBegin(label) && open !== null && open.type === type;
    if (open !== null && !continues) {
      spans.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (type !== null && !continues) open = { start: i, type };
  }
  return spans;
}
