// Byte and string stream helpers that run anywhere (TextDecoder is standard in Node and browsers).

/** Decodes UTF-8 byte chunks as they come; invalid bytes become U+FFFD instead of failing; a BOM is dropped. */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Accepts a whole string, an iterable of strings, or an async iterable of strings. */
export type TextSource = string | Iterable<string> | AsyncIterable<string>;

export async function* textChunks(source: TextSource): AsyncIterable<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  for await (const chunk of source) yield chunk;
}

/**
 * Splits string chunks, or UTF-8 byte chunks, into lines (without `\n` or a trailing `\r`); memory holds one
 * partial line. Bytes are decoded a line at a time, as decodeUtf8 would decode them (invalid bytes become U+FFFD,
 * a byte-order mark at the start is dropped): a line of ASCII is then a one-byte string even when its chunk holds
 * other characters, where a chunk decoded whole makes every line of it a two-byte string, slower to parse
 * (JSON.parse) and to pass on. A line longer than `maxLine` (characters, or bytes) comes in pieces of at most that,
 * each cut after a space or CR where there is one: text without line breaks is then read in bounded memory.
 */
export async function* linesOf(source: TextSource | AsyncIterable<Uint8Array>, maxLine = Infinity): AsyncIterable<string> {
  let pending = '';
  // Bytes: the partial line's pieces (copies: a source may refill its buffer), and whether a line was decoded yet.
  let partial: Uint8Array[] = [];
  let partialBytes = 0;
  let first = true;
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  const decode = (bytes: Uint8Array): string => {
    let line = decoder.decode(bytes);
    if (first) {
      first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    return line;
  };
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    if (typeof chunk === 'string') {
      pending += chunk;
      let start = 0;
      for (let nl = pending.indexOf('\n', start); nl >= 0; nl = pending.indexOf('\n', start)) {
        yield stripCr(pending.slice(start, nl));
        start = nl + 1;
      }
      pending = pending.slice(start);
      while (pending.length > maxLine) {
        const cut = stringCut(pending, maxLine);
        yield stripCr(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
      continue;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      const line = chunk.subarray(start, nl);
      yield stripCr(decode(partial.length === 0 ? line : joined([...partial, line])));
      partial = [];
      partialBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      partial.push(chunk.slice(start));
      partialBytes += chunk.length - start;
    }
    while (partialBytes > maxLine) {
      const whole = joined(partial);
      const cut = byteCut(whole, maxLine);
      yield stripCr(decode(whole.subarray(0, cut)));
      partial = [whole.slice(cut)];
      partialBytes = whole.length - cut;
    }
  }
  if (pending.length > 0) yield stripCr(pending);
  if (partial.length > 0) {
    const line = decode(joined(partial));
    if (line.length > 0) yield stripCr(line);
  }
}

function joined(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Where to cut a string line longer than `max`: after its last space or CR in the first half past max/2, else at max (not inside a surrogate pair). */
function stringCut(line: string, max: number): number {
  const at = Math.max(line.lastIndexOf(' ', max - 1), line.lastIndexOf('\r', max - 1));
  if (at >= max >> 1) return at + 1;
  const high = line.charCodeAt(max - 1);
  return high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
}

/** The same for UTF-8 bytes: after a space or CR byte, else at max moved back to the start of a character. */
function byteCut(bytes: Uint8Array, max: number): number {
  for (let i = max - 1; i >= max >> 1; i--) if (bytes[i] === 0x20 || bytes[i] === 0x0d) return i + 1;
  // A continuation byte: the character began before it (at most 3 bytes back; invalid bytes are cut anywhere).
  let cut = max;
  while (cut > max - 3 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return (bytes[cut]! & 0xc0) === 0x80 ? max : cut;
}
