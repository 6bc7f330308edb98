// Where each top-level member's value lies in the text of a JSON object, so that a tool can rewrite one field and
// leave every other byte of the record as it was: JSON.parse + JSON.stringify would round numbers past 2^53
// (record ids: 12345678901234567890 -> 12345678901234567000), and respell escapes and spacing.

/** A value's place in the JSON text: [start, end). */
export interface JsonSpan {
  readonly start: number;
  readonly end: number;
}

/** A top-level member of a JSON object: its name (unescaped) and where its value lies. */
export interface JsonMember extends JsonSpan {
  readonly name: string;
}

/**
 * A JSON object's top-level members in the order written, a name given twice (or spelled with escapes) each time.
 * `json` must be valid JSON (JSON.parse accepted it); anything but an object gives none.
 */
export function jsonMembers(json: string): JsonMember[] {
  const members: JsonMember[] = [];
  let at = skipSpace(json, 0);
  if (json[at] !== '{') return members;
  at = skipSpace(json, at + 1);
  while (json[at] === '"') {
    const nameEnd = stringEnd(json, at);
    const name = JSON.parse(json.slice(at, nameEnd)) as string;
    const start = skipSpace(json, skipSpace(json, nameEnd) + 1); // past the ':'
    const end = valueEnd(json, start);
    members.push({ name, start, end });
    at = skipSpace(json, end);
    if (json[at] !== ',') break;
    at = skipSpace(json, at + 1);
  }
  return members;
}

/** The spans of the values of a JSON object's top-level members, by name; a name given twice has its last, as JSON.parse keeps the last value. */
export function memberValueSpans(json: string): Map<string, JsonSpan> {
  return new Map(jsonMembers(json).map(({ name, start, end }) => [name, { start, end }]));
}

/** Past JSON white space (space, tab, line feed, carriage return) from `at`. */
function skipSpace(json: string, at: number): number {
  let i = at;
  for (let c = json.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = json.charCodeAt(++i));
  return i;
}

/** The end of the string that opens at `at` (its closing quote + 1). */
function stringEnd(json: string, at: number): number {
  for (let i = at + 1; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x5c) i++; // a backslash: the next character is escaped
    else if (c === 0x22) return i + 1;
  }
  return json.length;
}

/** The end of the value that starts at `at`. */
function valueEnd(json: string, at: number): number {
  const first = json[at];
  if (first === '"') return stringEnd(json, at);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = at; i < json.length; i++) {
      const c = json[i];
      if (c === '"') i = stringEnd(json, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    return json.length;
  }
  let i = at; // a number, true, false or null: up to the next separator
  while (i < json.length && !/[\s,}\]]/.test(json[i])) i++;
  return i;
}
