// Pieces back to text, as SentencePiece's Decode: control pieces vanish, an unknown id gives unk_surface
// (a piece text not in the vocabulary is copied as it is), runs of byte pieces are decoded as UTF-8 with one
// U+FFFD per malformed byte, U+2581 becomes a space, and the first piece's leading U+2581 (the dummy
// prefix) is dropped when the model adds one or strips whitespace.
import { PieceType } from './model-spec.js';
import { validCharLength } from './utf8.js';

export interface DecodingContext {
  pieceToId(piece: string): number;
  readonly pieces: readonly string[];
  readonly types: Uint8Array;
  /** Byte value of each BYTE piece id (-1 for others). */
  readonly byteOfId: Int16Array;
  readonly unkSurface: string;
  readonly addDummyPrefix: boolean;
  readonly removeExtraWhitespaces: boolean;
}

const encoder = new TextEncoder();
const REPLACEMENT = new Uint8Array([0xef, 0xbf, 0xbd]);

/** Decoded UTF-8 bytes (always well-formed). */
export function decodePiecesToBytes(ctx: DecodingContext, pieces: readonly string[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const push = (bytes: Uint8Array): void => { if (bytes.length > 0) { chunks.push(bytes); total += bytes.length; } };
  let pendingBytes: number[] = [];
  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return;
    const bytes = Uint8Array.from(pendingBytes);
    pendingBytes = [];
    for (let o = 0; o < bytes.length;) {
      const len = validCharLength(bytes, o, bytes.length);
      if (len === 0) { push(REPLACEMENT); o += 1; } else { push(bytes.subarray(o, o + len)); o += len; }
    }
  };
  // Only a space marker at the very start of the text (before anything visible) is the dummy prefix.
  let bosWsSeen = false;
  let isBosWs = true;
  for (const piece of pieces) {
    const id = ctx.pieceToId(piece);
    const type = ctx.types[id];
    if (type === PieceType.BYTE) {
      pendingBytes.push(ctx.byteOfId[id]);
      continue;
    }
    flushBytes();
    if (bosWsSeen || total > 0) isBosWs = false;
    bosWsSeen = false;
    if (type === PieceType.CONTROL) continue;
    if (type === PieceType.UNKNOWN) {
      push(encoder.encode(piece === ctx.pieces[id] ? ctx.unkSurface : piece));
      continue;
    }
    let text = piece;
    if (isBosWs && (ctx.addDummyPrefix || ctx.removeExtraWhitespaces) && text.startsWith('\u2581')) {
      text = text.slice(1);
      bosWsSeen = !ctx.removeExtraWhitespaces;
    }
    push(encoder.encode(text.replaceAll('\u2581', ' ')));
  }
  flushBytes();
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}
