// Fused scaled dot-product attention, one workgroup per (query or key row, head, batch): grid (qSeq or seq,
// heads, batch). Forward: scores, mask, softmax (probs saved), dropout regenerated from the hash, probs·V.
// Backward in two kernels: per query row dS (kept in a scratch [batch][heads][qSeq][seq]) and dQ; per key row
// dK and dV. qSeq (queries per sequence) is seq (keys) in self-attention over every position.
// Every sum runs in a fixed order, so results are deterministic.
import { DROPOUT_HASH, MASKED_SCORE_WGSL, reducers, type KernelSource } from './kernel.js';

/** Threads per attention workgroup: one per head-dimension column in the P·V products (head sizes are ~64). */
export const ATTENTION_WG = 64;

const COMMON_PARAMS: KernelSource['params'] = [
  ['seq', 'u32'], ['heads', 'u32'], ['d', 'u32'], ['scale', 'f32'],
  ['qOff', 'u32'], ['qLd', 'u32'], ['kOff', 'u32'], ['kLd', 'u32'], ['vOff', 'u32'], ['vLd', 'u32'],
  ['hasMask', 'u32'], ['dropout', 'u32'], ['threshold', 'u32'], ['seed', 'u32'], ['keepScale', 'f32'], ['qSeq', 'u32'],
];

const HELPERS = `${DROPOUT_HASH}
${reducers(ATTENTION_WG, [['reduceSum', 'a + b', 'subgroupAdd'], ['reduceMax', 'max(a, b)', 'subgroupMax']])}
/** The dropout factor of probs element 'index': 1 without dropout, else 0 or 1/(1 - p). */
fn keep(index: u32) -> f32 {
  if (P.dropout == 0u) { return 1.0; }
  return select(P.keepScale, 0.0, dropHash(P.seed, index) < P.threshold);
}
fn qAt(b: u32, i: u32, h: u32) -> u32 { return P.qOff + (b * P.qSeq + i) * P.qLd + h * P.d; }
fn kAt(b: u32, j: u32, h: u32) -> u32 { return P.kOff + (b * P.seq + j) * P.kLd + h * P.d; }
fn vAt(b: u32, j: u32, h: u32) -> u32 { return P.vOff + (b * P.seq + j) * P.vLd + h * P.d; }
/** Row start of query i, head h in the contiguous [batch][qSeq][heads·d] layout (out, dOut, dq). */
fn queryRowAt(b: u32, i: u32, h: u32) -> u32 { return (b * P.qSeq + i) * P.heads * P.d + h * P.d; }
/** Row start of key j, head h in the contiguous [batch][seq][heads·d] layout (dk, dv). */
fn keyRowAt(b: u32, j: u32, h: u32) -> u32 { return (b * P.seq + j) * P.heads * P.d + h * P.d; }
`;

const ENTRY = `@compute @workgroup_size(${ATTENTION_WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let i = wid.x;
  let h = wid.y;
  let b = wid.z + P.batch0;
  let pRow = ((b * P.heads + h) * P.qSeq + i) * P.seq;`;

export const ATTENTION_FORWARD: KernelSource = {
  label: 'attentionForward', params: [...COMMON_PARAMS, ['batch0', 'u32']],
  bindings: [['q', 'read'], ['k', 'read'], ['v', 'read'], ['mask', 'read', 'i32'], ['probs', 'read_write'], ['out', 'read_write']],
  body: `${HELPERS}
${ENTRY}
  let qo = qAt(b, i, h);
  var m = bitcast<f32>(0xff7fffffu);
  for (var j = li; j < P.seq; j += ${ATTENTION_WG}u) {
    let ko = kAt(b, j, h);
    var s = 0.0;
    for (var t = 0u; t < P.d; t++) { s += q[qo + t] * k[ko + t]; }
    s *= P.scale;
    if (P.hasMask != 0u && mask[b * P.seq + j] == 0) { s += ${MASKED_SCORE_WGSL}; }
    probs[pRow + j] = s;
    m = max(m, s);
  }
  red[li] = m;
  let mx = reduceMax(li);
  var sum = 0.0;
  for (var j = li; j < P.seq; j += ${ATTENTION_WG}u) { let e = exp(probs[pRow + j] - mx); probs[pRow + j] = e; sum += e; }
  red[li] = sum;
  let total = reduceSum(li);
  for (var j = li; j < P.seq; j += ${ATTENTION_WG}u) { probs[pRow + j] = probs[pRow + j] / total; }
  storageBarrier();
  let oo = queryRowAt(b, i, h);
  for (var t = li; t < P.d; t += ${ATTENTION_WG}u) {
    var s = 0.0;
    for (var j = 0u; j < P.seq; j++) { s += probs[pRow + j] * keep(pRow + j) * v[vAt(b, j, h) + t]; }
    out[oo + t] = s;
  }
}
`,
};

/**
 * Per query row i: dP_j = (dOut_i·V_j)·keep_j; dS_j = P_j·(dP_j - Σ_j dP_j·P_j)·scale (into ds); then
 * dQ_i = Σ_j dS_j·K_j.
 */
export const ATTENTION_BACKWARD_QUERY: KernelSource = {
  label: 'attentionBackwardQuery', params: [...COMMON_PARAMS, ['batch0', 'u32']],
  bindings: [['k', 'read'], ['v', 'read'], ['probs', 'read'], ['dOut', 'read'], ['ds', 'read_write'], ['dq', 'read_write']],
  body: `${HELPERS}
${ENTRY}
  let go = queryRowAt(b, i, h);
  var dot = 0.0;
  for (var j = li; j < P.seq; j += ${ATTENTION_WG}u) {
    let vo = vAt(b, j, h);
    var s = 0.0;
    for (var t = 0u; t < P.d; t++) { s += dOut[go + t] * v[vo + t]; }
    let dp = s * keep(pRow + j);
    ds[pRow + j] = dp;
    dot += dp * probs[pRow + j];
  }
  red[li] = dot;
  let total = reduceSum(li);
  for (var j = li; j < P.seq; j += ${ATTENTION_WG}u) { ds[pRow + j] = probs[pRow + j] * (ds[pRow + j] - total) * P.scale; }
  storageBarrier();
  for (var t = li; t < P.d; t += ${ATTENTION_WG}u) {
    var s = 0.0;
    for (var j = 0u; j < P.seq; j++) { s += ds[pRow + j] * k[kAt(b, j, h) + t]; }
    dq[go + t] = s;
  }
}
`,
};

/** Per key row j (wid.x): dK_j = Σ_i dS_ij·Q_i; dV_j = Σ_i P_ij·keep_ij·dOut_i. */
export const ATTENTION_BACKWARD_KEY: KernelSource = {
  label: 'attentionBackwardKey', params: [...COMMON_PARAMS, ['batch0', 'u32']],
  bindings: [['q', 'read'], ['probs', 'read'], ['dOut', 'read'], ['ds', 'read'], ['dk', 'read_write'], ['dv', 'read_write']],
  body: `${HELPERS}
${ENTRY}
  let j = i;
  let base = (b * P.heads + h) * P.qSeq * P.seq + j;
  let ro = keyRowAt(b, j, h);
  for (var t = li; t < P.d; t += ${ATTENTION_WG}u) {
    var sk = 0.0;
    var sv = 0.0;
    for (var r = 0u; r < P.qSeq; r++) {
      let e = base + r * P.seq;
      sk += ds[e] * q[qAt(b, r, h) + t];
      sv += probs[e] * keep(e) * dOut[queryRowAt(b, r, h) + t];
    }
    dk[ro + t] = sk;
    dv[ro + t] = sv;
  }
}
`,
};
