/** Local rank `index`'s share of `total` threads split over `parts` ranks (the first ones take the remainder). */
export function threadShare(total: number, parts: number, index: number): number {
  return Math.max(1, Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}
