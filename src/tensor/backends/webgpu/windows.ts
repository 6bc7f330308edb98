// Binding windows: how a tensor larger than one storage binding (maxStorageBufferBindingSize, often 128 MiB)
// is still used by a kernel. A tensor is one device buffer (up to maxBufferSize); a dispatch binds only the
// window of it that its share of the work touches, and the backend splits a kernel call into dispatches
// whose windows fit.
//
// Kernels index every f32 binding with the tensor's own (global) element indices; the generated shader
// subtracts the window's start (a uniform per binding, see kernelCode), so a kernel reads the same way
// whether its buffer is bound whole or through a window. Windows start at a multiple of
// minStorageBufferOffsetAlignment at or below the first element used.
import type { GpuBuffer } from './gpu-types.js';

/** Elements [first, first + count) of a buffer (the kernel indexes them as first, first + 1, ...). */
export interface Range {
  readonly buf: GpuBuffer;
  readonly first: number;
  readonly count: number;
}

/** What the recorder binds: a byte window of a buffer, and the value the shader subtracts from its indices. */
export interface Binding {
  readonly buffer: GpuBuffer;
  readonly offset: number;
  readonly size: number;
  /** What the shader subtracts from an element's index to get its position in the window (the window's first element). */
  readonly shift: number;
}

/** A whole buffer (scratch, uploaded integers): element 0 at index 0. */
export function wholeRange(buf: GpuBuffer): Range {
  return { buf, first: 0, count: buf.size / 4 };
}

export interface WindowLimits {
  /** minStorageBufferOffsetAlignment, bytes. */
  readonly align: number;
  /** The largest window, bytes (maxStorageBufferBindingSize, or a smaller forced value in tests). */
  readonly maxBytes: number;
}

/** How many elements a window can always cover, whatever the first element's alignment. */
export function windowElements(limits: WindowLimits): number {
  return Math.floor((limits.maxBytes - limits.align + 4) / 4);
}

/** The binding of a range; throws when it does not fit one window (a kernel call that was not split). */
export function bindRange(r: Range, limits: WindowLimits, what: string): Binding {
  const start = Math.floor((r.first * 4) / limits.align) * limits.align;
  const end = Math.min(r.buf.size, (r.first + Math.max(1, r.count)) * 4);
  const size = end - start;
  if (size > limits.maxBytes) {
    throw new RangeError(`webgpu backend: ${what} would bind ${size} bytes, over the ${limits.maxBytes}-byte binding limit`);
  }
  return { buffer: r.buf, offset: start, size, shift: start / 4 };
}

/** [start, end) pieces of at most `per` covering [0, total) (none when total is 0). */
export function pieces(total: number, per: number): [number, number][] {
  if (!(per >= 1)) throw new RangeError(`webgpu backend: cannot split ${total} into pieces of ${per}`);
  const out: [number, number][] = [];
  for (let s = 0; s < total; s += per) out.push([s, Math.min(total, s + per)]);
  return out;
}
