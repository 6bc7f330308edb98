// UTF-8 exactly as SentencePiece reads it: each byte of a malformed sequence is its own error (one U+FFFD
// per bad byte), unlike TextDecoder, which merges some malformed sequences into a single U+FFFD.

/** Byte length of the character starting with `lead`, judged from the lead byte alone (spm's OneCharLen). */
export const ONE_CHAR_LEN = new Uint8Array(256);
for (let b = 0; b < 256; b++) ONE_CHAR_LEN[b] = b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;

/**
 * Length of the well-formed character at `pos` (1..4), or 0 when the bytes there are malformed (a bad lead,
 * a missing or bad continuation, an overlong form, a surrogate or a code point above U+10FFFF); a malformed
 * position is consumed as one byte.
 */
export function validCharLength(bytes: Uint8Array, pos: number, end: number): number {
  const b0 = bytes[pos];
  if (b0 < 0x80) return 1;
  const avail = end - pos;
  if ((b0 & 0xe0) === 0xc0) {
    if (avail < 2) return 0;
    const b1 = bytes[pos + 1];
    if ((b1 & 0xc0) !== 0x80) return 0;
    const cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    return cp >= 0x80 ? 2 : 0;
  }
  if ((b0 & 0xf0) === 0xe0) {
    if (avail < 3) return 0;
    const b1 = bytes[pos + 1];
    const b2 = bytes[pos + 2];
    if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return 0;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    return cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) ? 3 : 0;
  }
  if ((b0 & 0xf8) === 0xf0) {
    if (avail < 4) return 0;
    const b1 = bytes[pos + 1];
    const b2 = bytes[pos + 2];
    const b3 = bytes[pos + 3];
    if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return 0;
    const cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
    return cp >= 0x10000 && cp <= 0x10ffff ? 4 : 0;
  }
  return 0;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes of a JS string (a lone surrogate becomes U+FFFD, as any UTF-8 encoder must do). */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes bytes known to be well-formed UTF-8 (e.g. normalized text, piece surfaces). */
export function utf8DecodeValid(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** Replaces each malformed byte by U+FFFD (EF BF BD), as spm does: the result is well-formed UTF-8. */
export function repairUtf8(bytes: Uint8Array): Uint8Array {
  let bad = 0;
  for (let i = 0; i < bytes.length;) {
    const n = validCharLength(bytes, i, bytes.length);
    if (n === 0) { bad++; i++; } else i += n;
  }
  if (bad === 0) return bytes;
  const out = new Uint8Array(bytes.length + 2 * bad);
  let o = 0;
  for (let i = 0; i < bytes.length;) {
    const n = validCharLength(bytes, i, bytes.length);
    if (n === 0) { out[o++] = 0xef; out[o++] = 0xbf; out[o++] = 0xbd; i++; continue; }
    for (let k = 0; k < n; k++) out[o++] = bytes[i + k];
    i += n;
  }
  return out;
}

/** spm-style lossy decode: one U+FFFD per malformed byte. */
export function utf8DecodeLossy(bytes: Uint8Array): string {
  return utf8DecodeValid(repairUtf8(bytes));
}
