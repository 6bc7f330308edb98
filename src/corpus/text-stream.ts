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
 * (JSON.parse) and to pass on.
 */
export async function* linesOf(source: TextSource | AsyncIterable<Uint8Array>): AsyncIterable<string> {
  let pending = '';
  // Bytes: the partial line's pieces (copies: a source may refill its buffer), and whether a line was decoded yet.
  let partial: Uint8Array[] = [];
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
      continue;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      const line = chunk.subarray(start, nl);
      yield stripCr(decode(partial.length === 0 ? line : joined([...partial, line])));
      partial = [];
      start = nl + 1;
    }
    if (start < chunk.length) partial.push(chunk.slice(start));
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
