/**
 * True on little-endian machines (nearly all): a typed array's numbers are then laid out as the little-endian file
 * formats (shards, safetensors) store them, and are copied in bulk. The encoders take it as a parameter, so that tests
 * run the number-by-number path a big-endian machine takes.
 */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
