// Suffix array by induced sorting (SA-IS, Nong, Zhang & Chan 2009) over integer text, and the internal
// nodes of the suffix tree (every substring that occurs at least twice and is right-branching), which the
// unigram trainer scores to pick its seed pieces.

/** Suffix array of s (values in [0, upper]). */
export function suffixArray(s: Int32Array, upper: number): Int32Array {
  const n = s.length;
  if (n === 0) return new Int32Array(0);
  if (n === 1) return Int32Array.of(0);
  if (n === 2) return s[0] < s[1] ? Int32Array.of(0, 1) : Int32Array.of(1, 0);
  const sa = new Int32Array(n);
  const ls = new Uint8Array(n); // 1 = S-type
  for (let i = n - 2; i >= 0; i--) ls[i] = s[i] === s[i + 1] ? ls[i + 1] : s[i] < s[i + 1] ? 1 : 0;
  const sumL = new Int32Array(upper + 2);
  const sumS = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) {
    if (ls[i] === 0) sumS[s[i]]++;
    else sumL[s[i] + 1]++;
  }
  for (let i = 0; i <= upper; i++) {
    sumS[i] += sumL[i];
    if (i < upper) sumL[i + 1] += sumS[i];
  }
  const buf = new Int32Array(upper + 2);
  const induce = (lms: Int32Array): void => {
    sa.fill(-1);
    buf.set(sumS);
    for (let k = 0; k < lms.length; k++) {
      const d = lms[k];
      if (d === n) continue;
      sa[buf[s[d]]++] = d;
    }
    buf.set(sumL);
    sa[buf[s[n - 1]]++] = n - 1;
    for (let i = 0; i < n; i++) {
      const v = sa[i];
      if (v >= 1 && ls[v - 1] === 0) sa[buf[s[v - 1]]++] = v - 1;
    }
    buf.set(sumL);
    for (let i = n - 1; i >= 0; i--) {
      const v = sa[i];
      if (v >= 1 && ls[v - 1] === 1) sa[--buf[s[v - 1] + 1]] = v - 1;
    }
  };
  const lmsMap = new Int32Array(n + 1).fill(-1);
  let m = 0;
  for (let i = 1; i < n; i++) if (ls[i - 1] === 0 && ls[i] === 1) lmsMap[i] = m++;
  const lms = new Int32Array(m);
  for (let i = 1, k = 0; i < n; i++) if (ls[i - 1] === 0 && ls[i] === 1) lms[k++] = i;
  induce(lms);
  if (m > 0) {
    const sortedLms = new Int32Array(m);
    for (let i = 0, k = 0; i < n; i++) {
      const v = sa[i];
      if (lmsMap[v] !== -1) sortedLms[k++] = v;
    }
    const recS = new Int32Array(m);
    let recUpper = 0;
    recS[lmsMap[sortedLms[0]]] = 0;
    for (let i = 1; i < m; i++) {
      let l = sortedLms[i - 1];
      let r = sortedLms[i];
      const endL = lmsMap[l] + 1 < m ? lms[lmsMap[l] + 1] : n;
      const endR = lmsMap[r] + 1 < m ? lms[lmsMap[r] + 1] : n;
      let same = true;
      if (endL - l !== endR - r) {
        same = false;
      } else {
        while (l < endL) {
          if (s[l] !== s[r]) break;
          l++; r++;
        }
        if (l === n || s[l] !== s[r]) same = false;
      }
      if (!same) recUpper++;
      recS[lmsMap[sortedLms[i]]] = recUpper;
    }
    const recSa = suffixArray(recS, recUpper);
    for (let i = 0; i < m; i++) sortedLms[i] = lms[recSa[i]];
    induce(sortedLms);
  }
  return sa;
}

export interface SuffixTreeNodes {
  readonly count: number;
  /** Node i covers suffix-array rows [left[i], right[i]) and spells a substring of length depth[i]. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly depth: Int32Array;
}

/**
 * Internal nodes of the suffix tree from the suffix array and the LCP array (Kasai et al.), enumerated
 * bottom-up with a stack, as esaxx does. Overwrites nothing it is given.
 */
export function suffixTreeNodes(s: Int32Array, sa: Int32Array): SuffixTreeNodes {
  const n = s.length;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[sa[i]] = i;
  const lcp = new Int32Array(n); // lcp[i] = LCP(sa[i-1], sa[i]); lcp[0] = -1
  let h = 0;
  for (let i = 0; i < n; i++) {
    const r = rank[i];
    if (r === 0) { h = 0; continue; }
    const j = sa[r - 1];
    while (i + h < n && j + h < n && s[i + h] === s[j + h]) h++;
    lcp[r] = h;
    if (h > 0) h--;
  }
  lcp[0] = -1;
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  const depth = new Int32Array(n);
  let count = 0;
  // Stack of (row, depth) pairs.
  const stackRow = new Int32Array(n + 4);
  const stackDepth = new Int32Array(n + 4);
  let top = 0;
  stackRow[0] = -1; stackDepth[0] = -1;
  for (let i = 0; ; i++) {
    let curRow = i;
    const curDepth = i === n ? -1 : lcp[i];
    while (stackDepth[top] > curDepth) {
      if (i - stackRow[top] > 1) {
        left[count] = stackRow[top];
        right[count] = i;
        depth[count] = stackDepth[top];
        count++;
      }
      curRow = stackRow[top];
      top--;
    }
    if (stackDepth[top] < curDepth) {
      top++; stackRow[top] = curRow; stackDepth[top] = curDepth;
    }
    if (i === n) break;
    top++; stackRow[top] = i; stackDepth[top] = n - sa[i] + 1;
  }
  return { count, left, right, depth };
}
