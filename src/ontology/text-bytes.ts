/**
 * A text's characters as bytes, for the matcher's inner loops: byte i is character i where that is ASCII (0x80 where
 * not), then zeros. Reading a string's characters in optimized code goes through its representation (sequential,
 * sliced, cons; one or two bytes a character) at every `charCodeAt`; a byte array is a plain load, and four
 * characters come in one `getInt32` (the text-token cache's keys). An ASCII token's bytes are its characters,
 * whatever the rest of the text holds.
 */
export class TextBytes {
  bytes = new Uint8Array(INITIAL_BYTES);
  /** Over `bytes`, for reads of four characters at once (little-endian: character i in the low byte). */
  view = new DataView(this.bytes.buffer);
  private readonly encoder = new TextEncoder();

  /**
   * Puts `text` in `bytes` (see the class), followed by PADDING zero bytes, and says whether it is all ASCII (as
   * UTF-8 it is then one byte a character, and `encodeInto` writes it natively).
   */
  load(text: string): boolean {
    const n = text.length;
    if (n + PADDING > this.bytes.length) this.grow(n + PADDING);
    const bytes = this.bytes;
    // Room for n + PADDING bytes: an ASCII text writes n; any other character takes 2-4 bytes for its 1-2 UTF-16
    // units, so other text either stops short (read < n) or writes more than it reads.
    const done = this.encoder.encodeInto(text, bytes.subarray(0, n + PADDING));
    const ascii = done.read === n && done.written === n;
    if (!ascii) for (let i = 0; i < n; i++) bytes[i] = Math.min(text.charCodeAt(i), 0x80);
    for (let i = n; i < n + PADDING; i++) bytes[i] = 0;
    return ascii;
  }

  private grow(size: number): void {
    this.bytes = new Uint8Array(Math.max(size, 2 * this.bytes.length));
    this.view = new DataView(this.bytes.buffer);
  }
}

/** Zero bytes after the text: a sentinel for scanners, and the rest of a four-byte read that starts in the text. */
export const PADDING = 4;

/** Paragraphs of the shared corpus are at most 18,241 characters: 64 KB holds them without growing. */
const INITIAL_BYTES = 1 << 16;
