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
 * values (0 <= value < 2^31). Like darts-clone, identical subtrees are stored once (the trie is minimized
 * into a DAWG first), which keeps charsmaps with many shared endings small.
 */
export function buildDoubleArray(keys: readonly Uint8Array[], values: readonly number[]): Uint32Array {
  const order = keys.map((_, i) => i).sort((a, b) => compareBytes(keys[a], keys[b]));
  // 1. The trie: node 0 is the root; children kept in label order (keys are sorted).
  const childLabels: number[][] = [[]];
  const childNodes: number[][] = [[]];
  const nodeValue: number[] = [-1];
  let previous: Uint8Array | null = null;
  const path: number[] = [0];
  for (const k of order) {
    const key = keys[k];
    if (key.length === 0) throw new Error('buildDoubleArray: empty key');
    let common = 0;
    if (previous !== null) {
      while (common < previous.length && common < key.length && previous[common] === key[common]) common++;
      if (common === key.length && common === previous.length) throw new Error('buildDoubleArray: duplicate key');
    }
    path.length = common + 1;
    for (let d = common; d < key.length; d++) {
      if (key[d] === 0) throw new Error('buildDoubleArray: key contains NUL');
      const node = nodeValue.length;
      childLabels.push([]); childNodes.push([]); nodeValue.push(-1);
      childLabels[path[d]].push(key[d]);
      childNodes[path[d]].push(node);
      path.push(node);
    }
    nodeValue[path[key.length]] = values[k];
    previous = key;
  }
  // 2. Minimize: nodes with the same value and the same (label, canonical child) list are one node. When every key
  // has its own value (a vocabulary's pieces) no two subtrees can be the same, since each holds a key: nothing to do.
  const canonical = new Int32Array(nodeValue.length);
  if (new Set(values).size === values.length) {
    for (let node = 0; node < canonical.length; node++) canonical[node] = node;
  } else {
    minimize(childLabels, childNodes, nodeValue, canonical);
  }
  // 3. Place each canonical node's block of children (label 0 = its value) at a free base. Free positions are
  // kept in a linked list; like darts-clone, positions far behind the end are given up, so the search stays short.
  let units = new Uint32Array(0);
  let used = new Uint8Array(0);
  let baseUsed = new Uint8Array(0);
  let nextFree = new Int32Array(0);
  let prevFree = new Int32Array(0);
  let head = -1;
  let tail = -1;
  const unlink = (p: number): void => {
    const a = prevFree[p];
    const b = nextFree[p];
    if (a >= 0) nextFree[a] = b; else head = b;
    if (b >= 0) prevFree[b] = a; else tail = a;
  };
  const grow = (need: number): void => {
    const old = units.length;
    if (need <= old) return;
    let size = Math.max(1024, old);
    while (size < need) size *= 2;
    const u = new Uint32Array(size); u.set(units); units = u;
    const s = new Uint8Array(size); s.set(used); used = s;
    const bu = new Uint8Array(size); bu.set(baseUsed); baseUsed = bu;
    const nf = new Int32Array(size); nf.set(nextFree); nextFree = nf;
    const pf = new Int32Array(size); pf.set(prevFree); prevFree = pf;
    for (let p = old; p < size; p++) {
      prevFree[p] = tail; nextFree[p] = -1;
      if (tail >= 0) nextFree[tail] = p; else head = p;
      tail = p;
    }
  };
  const claim = (p: number): void => {
    used[p] = 1;
    unlink(p);
  };
  const WINDOW = 16 * 256;
  let extent = 1;
  grow(1024);
  claim(0);
  const findBase = (labels: number[]): number => {
    for (let p = head; ; ) {
      if (p === -1) { const old = units.length; grow(old * 2); p = old; continue; }
      const next = nextFree[p];
      if (p + WINDOW < extent) { unlink(p); p = next; continue; }
      const base = p ^ labels[0];
      if (base !== 0 && baseUsed[base] !== 1) {
        grow((base | 0xff) + 1);
        let ok = true;
        for (let k = 1; k < labels.length; k++) if (used[base ^ labels[k]] === 1) { ok = false; break; }
        if (ok) return base;
      }
      p = nextFree[p];
    }
  };
  const baseOf = new Int32Array(nodeValue.length).fill(-1);
  const queue: number[] = [0];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    const labels = nodeValue[node] >= 0 ? [0, ...childLabels[node]] : childLabels[node].slice();
    const base = findBase(labels);
    baseOf[node] = base;
    baseUsed[base] = 1;
    for (const l of labels) {
      claim(base ^ l);
      if ((base ^ l) + 1 > extent) extent = (base ^ l) + 1;
    }
    for (const child of childNodes[node]) {
      const c = canonical[child];
      if (baseOf[c] === -1) { baseOf[c] = -2; queue.push(c); }
    }
  }
  // 4. Write units: each edge's unit sits in its parent's block and points to its child's block.
  const setOffset = (pos: number, target: number, leaf: boolean, label: number): void => {
    const relative = pos ^ target;
    if (relative >= 1 << 29 || (relative >= 1 << 21 && (relative & 0xff) !== 0)) {
      throw new Error('buildDoubleArray: trie too large for the darts-clone unit format');
    }
    const offsetBits = relative < 1 << 21 ? relative << 10 : ((relative << 2) | (1 << 9));
    units[pos] = (offsetBits | (leaf ? 0x100 : 0) | label) >>> 0;
  };
  setOffset(0, baseOf[0], nodeValue[0] >= 0, 0);
  for (const node of queue) {
    const base = baseOf[node];
    if (nodeValue[node] >= 0) units[base] = (nodeValue[node] | 0x80000000) >>> 0;
    for (let i = 0; i < childNodes[node].length; i++) {
      const child = canonical[childNodes[node][i]];
      const label = childLabels[node][i];
      setOffset(base ^ label, baseOf[child], nodeValue[child] >= 0, label);
    }
  }
  // Keep whole 256-unit blocks so that any id ^ byte from a used base stays inside the array.
  return units.slice(0, ((extent - 1) | 0xff) + 1);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Step 2 of buildDoubleArray: `canonical[node]`, the first node found with the same value and children. */
function minimize(childLabels: readonly number[][], childNodes: readonly number[][], nodeValue: readonly number[], canonical: Int32Array): void {
  const bySignature = new Map<string, number>();
  const postOrder: number[] = [];
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top[1] < childNodes[top[0]].length) stack.push([childNodes[top[0]][top[1]++], 0]);
    else { postOrder.push(top[0]); stack.pop(); }
  }
  for (const node of postOrder) {
    const parts = [nodeValue[node]];
    for (let i = 0; i < childLabels[node].length; i++) parts.push(childLabels[node][i], canonical[childNodes[node][i]]);
    const signature = parts.join(',');
    const found = bySignature.get(signature);
    if (found !== undefined) canonical[node] = found;
    else { canonical[node] = node; bySignature.set(signature, node); }
  }
}
