// SentencePiece's precompiled charsmap: a little-endian uint32 (the trie's size in bytes), a darts-clone
// double array mapping source byte strings to offsets, then the NUL-terminated replacement strings.
import { MedbertError } from '../errors.js';
import { buildDoubleArray, DoubleArray } from './double-array.js';

export interface Charsmap {
  readonly trie: DoubleArray;
  /** Replacement strings, each ending with a NUL byte; trie values are offsets into this. */
  readonly normalized: Uint8Array;
}

/** Splits a precompiled charsmap blob; a malformed one is a MedbertError naming `source`. */
export function parseCharsmap(blob: Uint8Array, source = 'model'): Charsmap {
  if (blob.length <= 4) throw new MedbertError(`${source}: precompiled charsmap is broken (only ${blob.length} bytes)`);
  const trieBytes = (blob[0] | (blob[1] << 8) | (blob[2] << 16) | (blob[3] << 24)) >>> 0;
  if (trieBytes > blob.length - 4 || trieBytes % 4 !== 0 || trieBytes === 0) {
    throw new MedbertError(`${source}: precompiled charsmap is broken (trie of ${trieBytes} bytes in a ${blob.length}-byte blob)`);
  }
  // Copy to an aligned buffer: the blob usually sits at an odd offset inside the model file.
  const units = new Uint32Array(trieBytes / 4);
  const view = new DataView(blob.buffer, blob.byteOffset + 4, trieBytes);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint32(i * 4, true);
  const normalized = blob.slice(4 + trieBytes);
  return { trie: new DoubleArray(units), normalized };
}

/**
 * Compiles a map (source string → replacement, both as UTF-8 bytes) into Google's blob format. Identical
 * replacements share one stored string, as Google's compiler does.
 */
export function compileCharsmap(rules: ReadonlyMap<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const targets = [...new Set(rules.values())].sort((a, b) => compareUtf8(a, b));
  const position = new Map<string, number>();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const t of targets) {
    position.set(t, size);
    const bytes = enc.encode(t);
    chunks.push(bytes, new Uint8Array(1));
    size += bytes.length + 1;
  }
  const keys: Uint8Array[] = [];
  const values: number[] = [];
  for (const [source, target] of rules) {
    keys.push(enc.encode(source));
    values.push(position.get(target)!);
  }
  const units = buildDoubleArray(keys, values);
  const out = new Uint8Array(4 + units.length * 4 + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, units.length * 4, true);
  for (let i = 0; i < units.length; i++) view.setUint32(4 + i * 4, units[i], true);
  let o = 4 + units.length * 4;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

function compareUtf8(a: string, b: string): number {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Every rule in a charsmap, as source → replacement strings (for inspection and tests). */
export function charsmapRules(map: Charsmap): Map<string, string> {
  const out = new Map<string, string>();
  const dec = new TextDecoder('utf-8', { ignoreBOM: true });
  const units = map.trie.units;
  const walk = (id: number, prefix: number[]): void => {
    const unit = units[id];
    const base = id ^ ((unit >>> 10) << ((unit & (1 << 9)) >>> 6));
    if (prefix.length > 0 && (unit & 0x100) !== 0 && base < units.length) {
      const at = units[base] & 0x7fffffff;
      let end = at;
      while (end < map.normalized.length && map.normalized[end] !== 0) end++;
      out.set(dec.decode(new Uint8Array(prefix)), dec.decode(map.normalized.subarray(at, end)));
    }
    for (let c = 1; c < 256; c++) {
      const child = base ^ c;
      if (child < units.length && (units[child] & 0x800000ff) === c) walk(child, [...prefix, c]);
    }
  };
  walk(0, []);
  return out;
}
