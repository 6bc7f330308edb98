// Many Int32 arrays as two, for one transfer between threads (the seed pieces' input and output).

/** Int32 arrays one after another in `values`, array k ending at ends[k]: one transfer instead of one per array. */
export interface PackedArrays {
  readonly values: Int32Array;
  readonly ends: Int32Array;
}

/** The seed pieces: their code points packed, and their scores. */
export interface SeedsReply {
  readonly pieces: PackedArrays;
  readonly scores: Float64Array;
}

export function packArrays(arrays: readonly Int32Array[]): PackedArrays {
  const ends = new Int32Array(arrays.length);
  let total = 0;
  arrays.forEach((a, k) => { total += a.length; ends[k] = total; });
  const values = new Int32Array(total);
  arrays.forEach((a, k) => values.set(a, (ends[k] as number) - a.length));
  return { values, ends };
}

export function unpackArrays(packed: PackedArrays): Int32Array[] {
  return Array.from(packed.ends, (end, k) => packed.values.subarray(k === 0 ? 0 : packed.ends[k - 1] as number, end));
}
