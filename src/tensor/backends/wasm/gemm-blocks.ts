// How a GEMM's compute phase is cut into work items (row block × column block) for the thread pool. The cut
// never changes a result (every element of C is one running sum in k order, whatever its block); it only
// decides how evenly the threads finish.

export interface GemmBlocks {
  /** Rows per block, a multiple of the micro-kernel's rows. */
  readonly mc: number;
  /** Columns per block, a multiple of the micro-kernel's columns. */
  readonly nc: number;
}

/** Work items per thread that a parallel GEMM aims for at least. */
const ITEMS_PER_THREAD = 8;

/**
 * Blocks for a [batch] m×n×k GEMM on `threads` threads (1 when it runs on one thread) with an mr×nr
 * micro-kernel. Row blocks hold ~128 KiB of packed A (it stays in L2 while B panels stream through L1), at
 * least 96 rows so that with a large k the packed B is not re-read from memory for every few rows (measured).
 * On several threads the row blocks are evened out and the columns split into at least ITEMS_PER_THREAD items
 * per thread, the split chosen among a few by the time the last thread finishes (threads take the items in
 * order, as the kernel's counter hands them out). The split used before (4 items per thread, full-size row
 * blocks) had the last of 2 threads finish 2-8% after the ideal on the training step's shapes (11% on 3).
 */
export function gemmBlocks(batch: number, m: number, n: number, k: number, mr: number, nr: number, threads: number): GemmBlocks {
  if (threads <= 1) return choose(batch, m, n, k, mr, nr, 1);
  const key = `${batch},${m},${n},${k},${mr},${nr},${threads}`;
  let blocks = chosen.get(key);
  if (blocks === undefined) {
    // a training step repeats the same few dozen shapes: choose once per shape
    if (chosen.size >= 1024) chosen.clear();
    blocks = choose(batch, m, n, k, mr, nr, threads);
    chosen.set(key, blocks);
  }
  return blocks;
}

const chosen = new Map<string, GemmBlocks>();

function choose(batch: number, m: number, n: number, k: number, mr: number, nr: number, threads: number): GemmBlocks {
  const panels = Math.ceil(m / mr), nPanels = Math.ceil(n / nr);
  const target = Math.min(panels * mr, Math.max(96, Math.floor(32768 / Math.max(k, 1) / mr) * mr));
  if (threads <= 1) return { mc: target, nc: Math.max(nr, nPanels * nr) };
  const mc = Math.ceil(panels / Math.ceil(m / target)) * mr;
  const rowBlocks = sizes(m, mc);
  const least = Math.min(nPanels, Math.max(1, Math.ceil(ITEMS_PER_THREAD * threads / (batch * rowBlocks.length))));
  let best = { nc: nr, finish: Infinity };
  for (let split = least; split <= Math.min(nPanels, 2 * least); split++) {
    const nc = Math.ceil(nPanels / split) * nr;
    const finish = lastFinish(batch, rowBlocks, sizes(n, nc), threads);
    if (finish < best.finish * (1 - 1e-9)) best = { nc, finish };
  }
  return { mc, nc: best.nc };
}

/** Block sizes of cutting `total` into blocks of `block`. */
function sizes(total: number, block: number): number[] {
  const out: number[] = [];
  for (let at = 0; at < total; at += block) out.push(Math.min(block, total - at));
  return out;
}

/** When the last of `threads` equal threads finishes, each taking the next item (rows × columns of work) when free. */
export function lastFinish(batch: number, rows: number[], cols: number[], threads: number): number {
  const free = new Array<number>(threads).fill(0);
  for (let p = 0; p < batch; p++) {
    for (const r of rows) {
      for (const c of cols) {
        let t = 0;
        for (let i = 1; i < threads; i++) if (free[i]! < free[t]!) t = i;
        free[t]! += r * c;
      }
    }
  }
  return Math.max(...free);
}
