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

/** Splits string chunks into lines (without `\n` or a trailing `\r`); memory holds one partial line. */
export async function* linesOf(source: TextSource): AsyncIterable<string> {
  let pending = '';
  for await (const chunk of textChunks(source)) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n', start); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield stripCr(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
