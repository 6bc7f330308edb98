// Snapshots keep many short strings as one newline-joined string (one V8 string instead of thousands); these
// read line i back without splitting the whole string.

/** Where each of the `count` newline-separated lines of `joined` ends. */
export function lineEnds(joined: string, count: number): Int32Array {
  const ends = new Int32Array(count);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const nl = joined.indexOf('\n', at);
    at = nl < 0 ? joined.length : nl;
    ends[k] = at;
    at += 1;
  }
  return ends;
}

/** Line i of `joined`, given its lineEnds. */
export function lineAt(joined: string, ends: Int32Array, i: number): string {
  return joined.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i]);
}
