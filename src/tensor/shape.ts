/** Shape helpers. Errors name the op and the shapes, so a mismatch deep in a model reads clearly. */

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`invalid shape ${formatShape(shape)}: dimensions must be integers >= 0`);
    n *= d;
  }
  return n;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function shapeError(op: string, message: string, ...shapes: (readonly number[])[]): Error {
  return new Error(`${op}: ${message} (shapes ${shapes.map(formatShape).join(' and ')})`);
}

export function assertSameShape(op: string, a: readonly number[], b: readonly number[]): void {
  if (!sameShape(a, b)) throw shapeError(op, 'shapes must match', a, b);
}

/** The last dimension, and the product of the others (rows). */
export function rowsCols(shape: readonly number[]): [rows: number, cols: number] {
  if (shape.length === 0) return [1, 1];
  const cols = shape[shape.length - 1]!;
  return [sizeOf(shape) / Math.max(cols, 1), cols];
}
