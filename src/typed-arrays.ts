// Helpers for typed arrays, shared by the layers (tables that grow in the ontology and data layers).

/** A copy of a typed array with `size` elements (zero-filled past its own, or cut). */
export function grown<T extends Int32Array | Uint8Array | Uint16Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array.length <= size ? array : array.subarray(0, size));
  return bigger;
}
