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

/** How to read one field: its name, its kind (below), whether repeated, and its message's plan for a message field. */
interface FieldPlan {
  readonly name: string;
  readonly kind: number;
  readonly repeated: boolean;
  readonly message: MessagePlan | null;
}

/** A message type's fields by number (a dense array: field numbers are small), and the names of its repeated ones. */
interface MessagePlan {
  readonly byId: (FieldPlan | undefined)[];
  readonly repeatedNames: readonly string[];
}

const KIND_MESSAGE = 0;
const KIND_ENUM = 1;
const KIND_STRING = 2;
const KIND_BYTES = 3;
/** protobufjs's scalar type names, from KIND_SCALAR on. */
const SCALARS = ['bool', 'float', 'double', 'int32', 'uint32', 'sint32', 'int64', 'uint64', 'sint64', 'fixed32', 'sfixed32', 'fixed64', 'sfixed64'];
const KIND_SCALAR = 4;

const plans = new WeakMap<protobuf.Type, MessagePlan>();

/** The type's plan, made once (the schema is walked here, not at every field read). */
function planOf(type: protobuf.Type): MessagePlan {
  const known = plans.get(type);
  if (known !== undefined) return known;
  const byId: (FieldPlan | undefined)[] = [];
  const plan: MessagePlan = { byId, repeatedNames: type.fieldsArray.filter((f) => f.repeated).map((f) => f.name) };
  plans.set(type, plan); // before the fields: a message may hold itself
  for (const field of type.fieldsArray) {
    field.resolve();
    const resolved = field.resolvedType;
    const scalar = SCALARS.indexOf(field.type);
    const kind = resolved instanceof protobuf.Type ? KIND_MESSAGE : resolved instanceof protobuf.Enum ? KIND_ENUM
      : field.type === 'string' ? KIND_STRING : field.type === 'bytes' ? KIND_BYTES : scalar >= 0 ? KIND_SCALAR + scalar : -1;
    if (kind < 0) throw new Error(`field ${field.name}: type ${field.type} is not supported`);
    byId[field.id] = { name: field.name, kind, repeated: field.repeated, message: resolved instanceof protobuf.Type ? planOf(resolved) : null };
  }
  return plan;
}

/**
 * Decodes one message of `type` from the bytes. Only the fields present are set, except repeated fields, which are
 * always arrays (Type.toObject with `defaults: false, arrays: true`). Fields the schema does not know are skipped.
 * Throws (protobufjs's RangeError or Error) on truncated or malformed input.
 */
export function decodeMessage(type: protobuf.Type, bytes: Uint8Array): ProtoObject {
  const reader = protobuf.Reader.create(bytes);
  return readMessage(planOf(type), reader, reader.len);
}

function readMessage(plan: MessagePlan, reader: protobuf.Reader, end: number): ProtoObject {
  const out: ProtoObject = {};
  for (const name of plan.repeatedNames) out[name] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = plan.byId[tag >>> 3];
    const wire = tag & 7;
    if (field === undefined) {
      reader.skipType(wire);
      continue;
    }
    if (!field.repeated) {
      out[field.name] = readValue(field, reader);
    } else if (wire === LENGTH_DELIMITED && field.kind !== KIND_MESSAGE && field.kind !== KIND_STRING && field.kind !== KIND_BYTES) {
      // a packed run of numbers
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

function readValue(field: FieldPlan, reader: protobuf.Reader): unknown {
  switch (field.kind) {
    case KIND_MESSAGE: return readMessage(field.message as MessagePlan, reader, reader.uint32() + reader.pos);
    case KIND_ENUM: return reader.int32();
    case KIND_STRING: return reader.string();
    case KIND_BYTES: return new Uint8Array(reader.bytes()); // its own copy (a Buffer's slice is a view), as a plain Uint8Array
    case KIND_SCALAR: return reader.bool();
    case KIND_SCALAR + 1: return reader.float();
    case KIND_SCALAR + 2: return reader.double();
    case KIND_SCALAR + 3: return reader.int32();
    case KIND_SCALAR + 4: return reader.uint32();
    case KIND_SCALAR + 5: return reader.sint32();
    case KIND_SCALAR + 6: return longToNumber(reader.int64());
    case KIND_SCALAR + 7: return longToNumber(reader.uint64());
    case KIND_SCALAR + 8: return longToNumber(reader.sint64());
    case KIND_SCALAR + 9: return reader.fixed32();
    case KIND_SCALAR + 10: return reader.sfixed32();
    case KIND_SCALAR + 11: return longToNumber(reader.fixed64());
    default: return longToNumber(reader.sfixed64());
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
    case 'fixed32': writer.fixed32(value as number); break;
    case 'sfixed32': writer.sfixed32(value as number); break;
    case 'fixed64': writer.fixed64(value as number); break;
    case 'sfixed64': writer.sfixed64(value as number); break;
    default: throw new Error(`field ${field.name}: type ${field.type} is not supported`);
  }
}
