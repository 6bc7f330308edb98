// Bytes as Latin-1 text (one character a byte, U+0000-U+00FF) and back: csv-rows.ts parses UTF-8 CSV by its ASCII
// bytes this way. Node's Buffer converts natively; elsewhere (browsers) plain code and TextDecoder do the same,
// slower. (TextDecoder's 'latin1' label is windows-1252, which maps 0x80-0x9F elsewhere: not one character a byte.)

/** The three conversions. */
export interface Latin1Codec {
  /** The bytes as text, one character a byte. */
  fromBytes(bytes: Uint8Array): string;
  /** The bytes a Latin-1 string stands for, decoded as UTF-8 (invalid sequences become U+FFFD). */
  utf8Of(latin1: string): string;
  /** Text's UTF-8 bytes as Latin-1. */
  ofUtf8(text: string): string;
}

/** Any JavaScript runtime. */
export const portableLatin1: Latin1Codec = {
  fromBytes(bytes) {
    let text = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return text;
  },
  utf8Of(latin1) {
    const bytes = new Uint8Array(latin1.length);
    for (let i = 0; i < latin1.length; i++) bytes[i] = latin1.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  },
  ofUtf8(text) {
    return portableLatin1.fromBytes(new TextEncoder().encode(text));
  },
};

/** Node: Buffer's native conversions. */
export const bufferLatin1: Latin1Codec = {
  fromBytes: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  utf8Of: (latin1) => Buffer.from(latin1, 'latin1').toString('utf8'),
  ofUtf8: (text) => Buffer.from(text, 'utf8').toString('latin1'),
};

/** Buffer's where the runtime has it (Node), the portable one elsewhere. */
export const latin1: Latin1Codec = typeof Buffer === 'function' ? bufferLatin1 : portableLatin1;
