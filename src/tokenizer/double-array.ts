// A double-array trie in the darts-clone unit format, the format Google's SentencePiece stores inside
// precompiled charsmaps and uses for its piece lookup. Reading follows darts-clone's unit layout; the builder
// is our own (any valid layout reads back identically).
//
// Unit layout (uint32): bits 0-7 label (bit 31 too: a value unit never matches a label), bit 8 has_leaf,
// bit 9 offset-is-shifted, bits 10-30 offset. A value unit has bit 31 set and the value in bits 0-30.
// From node id with unit u, the child for byte c is at id ^ offset(u) ^ c; the value of a key ending at id
// sits at id ^ offset(u) (the child with label 0).

export function unitOffset(unit: number): number {
  return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
}

export function unitHasLeaf(unit: number): boolean {
  return ((unit >>> 8) & 1) === 1;
}

export function unitLabel(unit: number): number {
  return unit & 0x800000ff;
}

export function unitValue(unit: number): number {
  return unit & 0x7fffffff;
}

/** Read access to a darts-clone array; out-of-range positions read as empty (a corrupt file cannot crash us). */
export class DoubleArray {
  constructor(readonly units: Uint32Array) {}

  /** Value of the longest key that is a prefix of bytes[start, end), or -1; its length goes to `out[0]`. */
  longestPrefix(bytes: Uint8Array, start: number, end: number, out: Int32Array): number {
    const units = this.units;
    const size = units.length;
    if (size === 0) return -1;
    let id = unitOffset(units[0]);
    let best = -1;
    let bestLen = 0;
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      id ^= c;
      if (id >= size) break;
      const unit = units[id];
      if ((unit & 0x800000ff) !== c) break;
      id ^= unitOffset(unit);
      if ((unit & 0x100) !== 0) {
        if (id >= size) break;
        best = units[id] & 0x7fffffff;
        bestLen = i + 1 - start;
      }
    }
    out[0] = bestLen;
    return best;
  }

  /** Value of the key bytes[start, end) exactly, or -1. */
  exactMatch(bytes: Uint8Array, start = 0, end = bytes.length): number {
    const units = this.units;
    const size = units.length;
    if (size === 0) return -1;
    let unit = units[0];
    let id = unitOffset(unit);
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      id ^= c;
      if (id >= size) return -1;
      unit = units[id];
      if ((unit & 0x800000ff) !== c) return -1;
      id ^= unitOffset(unit);
    }
    if ((unit & 0x100) === 0 || id >= size) return -1;
    return units[id] & 0x7fffffff;
  }
}

/**
 * Builds a darts-clone array from keys (non-empty byte strings without NUL, any order, unique) and their
 * values (0 <= value < 2^31).
 */
export function buildDoubleArray(keys: readonly Uint8Array[], values: readonly number[]): Uint32Array {
  const order = keys.map((_, i) => i).sort((a, b) => compareBytes(keys[a], keys[b]));
  let units = new Uint32Array(1024);
  let used = new Uint8Array(1024); // position taken by a unit
  let baseUsed = new Uint8Array(1024); // position already serves as some node's children base
  let searchFrom = 1;

  const grow = (need: number): void => {
    if (need <= units.length) return;
    let size = units.length;
    while (size < need) size *= 2;
    const u = new Uint32Array(size); u.set(units); units = u;
    const s = new Uint8Array(size); s.set(used); used = s;
    const b = new Uint8Array(size); b.set(baseUsed); baseUsed = b;
  };

  // Finds a base whose slots base^label are free for every label; bases are unique so that a label check
  // alone tells a node's children from its neighbours'.
  const findBase = (labels: number[]): number => {
    while (searchFrom < used.length && used[searchFrom] === 1) searchFrom++;
    for (let pos = searchFrom; ; pos++) {
      grow(((pos | 0xff) + 1) + 256);
      if (used[pos] === 1) continue;
      const base = pos ^ labels[0];
      if (base === 0 || baseUsed[base] === 1) continue;
      let ok = true;
      for (let k = 1; k < labels.length; k++) {
        if (used[base ^ labels[k]] === 1) { ok = false; break; }
      }
      if (ok) return base;
    }
  };

  used[0] = 1;
  // Iterative DFS over ranges of sorted keys sharing a prefix of length `depth`.
  const stack: Array<{ node: number; lo: number; hi: number; depth: number }> = [{ node: 0, lo: 0, hi: order.length, depth: 0 }];
  while (stack.length > 0) {
    const { node, lo, hi, depth } = stack.pop()!;
    const labels: number[] = [];
    const ranges: Array<[number, number]> = [];
    for (let i = lo; i < hi;) {
      const key = keys[order[i]];
      const label = depth < key.length ? key[depth] : 0;
      let j = i + 1;
      while (j < hi) {
        const k2 = keys[order[j]];
        if ((depth < k2.length ? k2[depth] : 0) !== label) break;
        j++;
      }
      if (label === 0 && j - i > 1) throw new Error('buildDoubleArray: duplicate key');
      labels.push(label);
      ranges.push([i, j]);
      i = j;
    }
    const base = findBase(labels);
    const relative = node ^ base;
    if (relative >= 1 << 29 || (relative >= 1 << 21 && (relative & 0xff) !== 0)) {
      throw new Error('buildDoubleArray: trie too large for the darts-clone unit format');
    }
    baseUsed[base] = 1;
    let unit = units[node] & (0x80000000 | 0x100 | 0xff);
    unit |= relative < 1 << 21 ? relative << 10 : ((relative << 2) | (1 << 9));
    if (labels[0] === 0) unit |= 0x100;
    units[node] = unit >>> 0;
    for (let k = 0; k < labels.length; k++) {
      const child = base ^ labels[k];
      used[child] = 1;
      if (labels[k] === 0) {
        const value = values[order[ranges[k][0]]];
        units[child] = (value | 0x80000000) >>> 0;
      } else {
        units[child] = labels[k];
        stack.push({ node: child, lo: ranges[k][0], hi: ranges[k][1], depth: depth + 1 });
      }
    }
  }
  let last = used.length - 1;
  while (last > 0 && used[last] === 0) last--;
  // Keep whole 256-unit blocks so that any id ^ byte from a used base stays inside the array.
  return units.slice(0, (last | 0xff) + 1);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
