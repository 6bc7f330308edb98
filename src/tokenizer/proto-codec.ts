// Reads and writes protobuf messages by walking protobufjs's reflection (the parsed schema's fields), with its
// Reader and Writer. protobufjs's own `Type.decode` / `encode` compile each type's code with `Function(...)` on first
// use, which a page whose Content-Security-Policy forbids 'unsafe-eval' refuses: there the tokenizer could not load a
// `.model` at all. The messages here are small (a model's pieces and two specs), so interpreting is fast enough.
import protobuf from 'protobufjs';

/** A decoded message: field name → value, as Type.toObject gives it with longs and enums as numbers, bytes as Uint8Array. */
export type ProtoObject = Record<string, unknown>;

/** Wire types (protobuf's encoding). */
const VARINT = 0;
const LENGTH_DELIMITED = 2;

/**
 * Decodes one message of `type` from the bytes. Only the fields present are set, except repeated fields, which are
 * always arrays (Type.toObject with `defaults: false, arrays: true`). Fields the schema does not know are skipped.
 * Throws (protobufjs's RangeError or Error) on truncated or malformed input.
 */
export function decodeMessage(type: protobuf.Type, bytes: Uint8Array): ProtoObject {
  const reader = protobuf.Reader.create(bytes);
  return readMessage(type, reader, reader.len);
}

function readMessage(type: protobuf.Type, reader: protobuf.Reader, end: number): ProtoObject {
  const out: ProtoObject = {};
  for (const field of type.fieldsArray) if (field.repeated) out[field.name] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = type.fieldsById[tag >>> 3];
    const wire = tag & 7;
    if (field === undefined) {
      reader.skipType(wire);
      continue;
    }
    field.resolve();
    if (!field.repeated) {
      out[field.name] = readValue(field, reader);
    } else if (wire === LENGTH_DELIMITED && isPackable(field)) {
      const list = out[field.name] as unknown[];
      const packedEnd = reader.uint32() + reader.pos;
      while (reader.pos < packedEnd) list.push(readValue(field, reader));
    } else {
      (out[field.name] as unknown[]).push(readValue(field, reader));
    }
  }
  if (reader.pos !== end) throw new RangeError(`a message ends at ${reader.pos}, past its length (${end})`);
  return out;
}

/** A scalar (or enum) repeated field, which a writer may have packed. */
function isPackable(field: protobuf.Field): boolean {
  return !(field.resolvedType instanceof protobuf.Type) && field.type !== 'string' && field.type !== 'bytes';
}

function readValue(field: protobuf.Field, reader: protobuf.Reader): unknown {
  if (field.resolvedType instanceof protobuf.Type) return readMessage(field.resolvedType, reader, reader.uint32() + reader.pos);
  if (field.resolvedType instanceof protobuf.Enum) return reader.int32();
  switch (field.type) {
    case 'string': return reader.string();
    case 'bytes': return reader.bytes().slice(); // its own copy, as a plain Uint8Array
    case 'bool': return reader.bool();
    case 'float': return reader.float();
    case 'double': return reader.double();
    case 'int32': return reader.int32();
    case 'uint32': return reader.uint32();
    case 'sint32': return reader.sint32();
    case 'int64': return longToNumber(reader.int64());
    case 'uint64': return longToNumber(reader.uint64());
    case 'sint64': return longToNumber(reader.sint64());
    default: throw new Error(`field ${field.name}: type ${field.type} is not supported`);
  }
}

/** A 64-bit value as a number (exact up to 2^53): protobufjs gives a Long where the `long` package is loaded. */
function longToNumber(value: number | protobuf.Long): number {
  if (typeof value === 'number') return value;
  return (value.unsigned ? value.high >>> 0 : value.high) * 4294967296 + (value.low >>> 0);
}

/**
 * Encodes `message` as `type`: the fields present (own, not undefined or null; repeated ones element by element, not
 * packed, as proto2 writes them), in field-number order, as protobufjs's generated encoder does.
 */
export function encodeMessage(type: protobuf.Type, message: ProtoObject): Uint8Array {
  const writer = protobuf.Writer.create();
  writeMessage(type, message, writer);
  return writer.finish();
}

function writeMessage(type: protobuf.Type, message: ProtoObject, writer: protobuf.Writer): void {
  const fields = [...type.fieldsArray].sort((a, b) => a.id - b.id);
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(message, field.name)) continue;
    const value = message[field.name];
    if (value === undefined || value === null) continue;
    field.resolve();
    if (field.repeated) {
      for (const item of value as unknown[]) writeValue(field, item, writer);
    } else {
      writeValue(field, value, writer);
    }
  }
}

function writeValue(field: protobuf.Field, value: unknown, writer: protobuf.Writer): void {
  if (field.resolvedType instanceof protobuf.Type) {
    writer.uint32(((field.id << 3) | LENGTH_DELIMITED) >>> 0).fork();
    writeMessage(field.resolvedType, value as ProtoObject, writer);
    writer.ldelim();
    return;
  }
  if (field.resolvedType instanceof protobuf.Enum) {
    writer.uint32(((field.id << 3) | VARINT) >>> 0).int32(value as number);
    return;
  }
  const wire = (protobuf.types.basic as Record<string, number | undefined>)[field.type];
  if (wire === undefined) throw new Error(`field ${field.name}: type ${field.type} is not supported`);
  writer.uint32(((field.id << 3) | wire) >>> 0);
  switch (field.type) {
    case 'string': writer.string(value as string); break;
    case 'bytes': writer.bytes(value as Uint8Array); break;
    case 'bool': writer.bool(value as boolean); break;
    case 'float': writer.float(value as number); break;
    case 'double': writer.double(value as number); break;
    case 'int32': writer.int32(value as number); break;
    case 'uint32': writer.uint32(value as number); break;
    case 'sint32': writer.sint32(value as number); break;
    case 'int64': writer.int64(value as number); break;
    case 'uint64': writer.uint64(value as number); break;
    case 'sint64': writer.sint64(value as number); break;
    default: throw new Error(`field ${field.name}: type ${field.type} is not supported`);
  }
}
