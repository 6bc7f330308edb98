// Host-side plans of the row gather and scatter-add kernels (kernels/gather.ts), including their split into
// pieces when the table or the per-position rows exceed one binding: positions in ranges (in order), table
// rows in windows. A scatter-add split over position ranges still adds each row's positions in index order,
// one range after the other, so it matches the reference bit for bit.

/** A piece of a gather/scatter: positions [p0, p1) whose table row lies in [r0, r1). */
export interface RowPiece {
  readonly p0: number; readonly p1: number;
  readonly r0: number; readonly r1: number;
}

/** Pieces of at most `perPiece` positions and table windows of at most `perPiece` rows (each piece non-empty). */
export function rowPieces(idx: Int32Array, tableRows: number, perPiece: number): RowPiece[] {
  const out: RowPiece[] = [];
  for (let p0 = 0; p0 < idx.length; p0 += perPiece) {
    const p1 = Math.min(idx.length, p0 + perPiece);
    const used = new Set<number>();
    for (let p = p0; p < p1; p++) used.add(Math.floor(idx[p]! / perPiece));
    for (let w = 0; w * perPiece < tableRows; w++) {
      if (used.has(w)) out.push({ p0, p1, r0: w * perPiece, r1: Math.min(tableRows, (w + 1) * perPiece) });
    }
  }
  return out;
}

/** [position, table row] pairs of a piece, in position order. */
export function gatherPairs(idx: Int32Array, piece: RowPiece): Int32Array {
  const pairs: number[] = [];
  for (let p = piece.p0; p < piece.p1; p++) {
    const r = idx[p]!;
    if (r >= piece.r0 && r < piece.r1) pairs.push(p, r);
  }
  return Int32Array.from(pairs);
}

/**
 * The scatter-add plan of kernels/gather.ts for the positions of `piece` (default: all): the distinct rows
 * (in first-seen order), where each one's positions start in the list (plus the end), and the positions
 * grouped by row, each group in index order.
 */
export function scatterPlan(idx: Int32Array, piece: RowPiece = { p0: 0, p1: idx.length, r0: -Infinity, r1: Infinity }):
  { plan: Int32Array; groups: number } {
  const groupOf = new Map<number, number>();
  const counts: number[] = [];
  const rows: number[] = [];
  let positions = 0;
  for (let p = piece.p0; p < piece.p1; p++) {
    const r = idx[p]!;
    if (r < piece.r0 || r >= piece.r1) continue;
    positions++;
    let g = groupOf.get(r);
    if (g === undefined) {
      g = rows.length;
      groupOf.set(r, g);
      rows.push(r);
      counts.push(0);
    }
    counts[g]!++;
  }
  const groups = rows.length;
  const plan = new Int32Array(2 * groups + 1 + positions);
  plan.set(rows);
  let start = 0;
  for (let g = 0; g < groups; g++) {
    plan[groups + g] = start;
    start += counts[g]!;
  }
  plan[2 * groups] = start;
  const next = plan.slice(groups, 2 * groups);
  for (let p = piece.p0; p < piece.p1; p++) {
    const g = groupOf.get(idx[p]!);
    if (g !== undefined) plan[2 * groups + 1 + next[g]!++] = p;
  }
  return { plan, groups };
}
