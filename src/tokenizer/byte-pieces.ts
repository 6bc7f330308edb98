// Byte-fallback pieces are named <0x00> .. <0xFF>, upper-case hex, as in SentencePiece.

/** `<0xNN>` → NN, or -1. */
export function pieceToByte(piece: string): number {
  const m = /^<0x([0-9A-F]{2})>$/.exec(piece);
  return m === null ? -1 : parseInt(m[1], 16);
}

export function byteToPiece(byte: number): string {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
}
