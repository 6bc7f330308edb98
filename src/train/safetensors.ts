import { LITTLE_ENDIAN } from '../byte-order.js';
import type { NamedArray } from '../nn/index.js';

/**
 * The safetensors format (Hugging Face): 8-byte little-endian header length, a JSON header
 * `{name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?: {…}}` padded with spaces to 8 bytes,
 * then the raw little-endian tensor bytes. We write F32; we read F32, F16 and BF16 (converted to f32).
 */

const MAX_HEADER_BYTES = 100_000_000;

/** `bulk`: copy the tensors' bytes as they are (right on a little-endian machine only), else write each number. */
export function encodeSafetensors(tensors: ReadonlyMap<string, NamedArray>, metadata: Record<string, string> = {}, bulk = LITTLE_ENDIAN): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name)!;
    const bytes = t.data.length * 4;
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = new Uint8Array(json.length + ((8 - (json.length % 8)) % 8)).fill(0x20);
  headerBytes.set(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let pos = 8 + headerBytes.length;
  for (const name of names) {
    const data = tensors.get(name)!.data;
    if (bulk) {
      out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), pos);
    } else {
      const view = new DataView(out.buffer, pos, data.byteLength);
      data.forEach((v, i) => view.setFloat32(i * 4, v, true));
    }
    pos += data.byteLength;
  }
  return out;
}

export interface Safetensors {
  /** The floating-point tensors (F32, F16, BF16, F64), as float32. */
  readonly tensors: Map<string, NamedArray>;
  /**
   * Integer and boolean tensors, by name and dtype, not decoded: no weight is one, but files hold such buffers
   * (`bert.embeddings.position_ids`, I64, in checkpoints of transformers before 4.31).
   */
  readonly skipped: Map<string, string>;
  readonly metadata: Record<string, string>;
}

/** Bytes per element of the dtypes a file may hold. */
const FLOAT_WIDTH: Readonly<Record<string, number>> = { F64: 8, F32: 4, F16: 2, BF16: 2 };
const INTEGER_WIDTH: Readonly<Record<string, number>> = { I64: 8, U64: 8, I32: 4, U32: 4, I16: 2, U16: 2, I8: 1, U8: 1, BOOL: 1 };

/** Parses a safetensors file; `what` names it in errors (e.g. its path). */
export function decodeSafetensors(bytes: Uint8Array, what = 'safetensors file'): Safetensors {
  const fail = (why: string): never => {
    throw new Error(`${what}: not a valid safetensors file: ${why}`);
  };
  if (bytes.length < 8) fail(`only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
    fail(`header of ${headerLength} bytes does not fit in ${bytes.length} bytes (truncated?)`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (error) {
    fail(`header is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) fail('header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const tensors = new Map<string, NamedArray>();
  const skipped = new Map<string, string>();
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = entry as Record<string, string>;
      continue;
    }
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const shape = e.shape;
    const offsets = e.data_offsets;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) fail(`tensor '${name}' has no valid shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isInteger(d) && d >= 0)) {
      fail(`tensor '${name}' has no valid data_offsets`);
    }
    const [begin, end] = offsets as [number, number];
    if (end < begin || end > dataLength) fail(`tensor '${name}' data [${begin}, ${end}) lies outside the ${dataLength} data bytes (truncated?)`);
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const dtype = String(e.dtype);
    const width = Object.hasOwn(FLOAT_WIDTH, dtype) ? FLOAT_WIDTH[dtype]! : Object.hasOwn(INTEGER_WIDTH, dtype) ? INTEGER_WIDTH[dtype]!
      : fail(`tensor '${name}' has unsupported dtype ${dtype}`);
    if (end - begin !== count * width) fail(`tensor '${name}' has ${end - begin} bytes for shape [${String(shape)}] of ${dtype}`);
    if (!Object.hasOwn(FLOAT_WIDTH, dtype)) {
      skipped.set(name, dtype);
      continue;
    }
    const data = new Float32Array(count);
    const dv = new DataView(bytes.buffer, bytes.byteOffset + dataStart + begin, end - begin);
    for (let i = 0; i < count; i++) {
      data[i] = dtype === 'F32' ? dv.getFloat32(i * 4, true) : dtype === 'F64' ? dv.getFloat64(i * 8, true)
        : dtype === 'BF16' ? bf16ToF32(dv.getUint16(i * 2, true)) : f16ToF32(dv.getUint16(i * 2, true));
    }
    tensors.set(name, { shape: shape as number[], data });
  }
  return { tensors, skipped, metadata };
}

const scratch = new DataView(new ArrayBuffer(4));

function bf16ToF32(bits: number): number {
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}

function f16ToF32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1, exp = (bits >> 10) & 0x1f, frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
