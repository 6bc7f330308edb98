// The JSON medbert prints, writes and answers names its fields in snake_case, as the issues' interfaces do
// ("by_type", "input_ids", "mlm_loss", "tokens_per_s"); the TypeScript objects behind it use camelCase. This converts
// at that boundary, so every command and endpoint agrees. Maps keyed by data keep their keys: an entity type is
// whatever the PubTator file says ("CompositeMention"), a PHI category is "NAME".

/** Fields whose value is a map keyed by data (types, categories), not by field names. */
const KEYED_BY_DATA: ReadonlySet<string> = new Set(['by_type', 'by_category', 'counts']);

/**
 * "lexiconLoadSeconds" -> "lexicon_load_seconds"; a rate "examplesPerSecond" -> "examples_per_s", as the issues name
 * rates ("tokens_per_s"); anything not lower camelCase is left as it is.
 */
export function snakeCase(key: string): string {
  if (!/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(key)) return key;
  return key.replace(/PerSecond$/, 'PerS').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * A copy of a JSON value with its plain objects' field names in snake_case (see KEYED_BY_DATA for the exception).
 * Other objects (class instances, typed arrays, those with toJSON) pass as they are: what medbert prints is plain data.
 */
export function snakeCaseKeys(value: unknown, keysAreData = false): unknown {
  if (Array.isArray(value)) return value.map((item) => snakeCaseKeys(item));
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = keysAreData ? key : snakeCase(key);
    out[name] = snakeCaseKeys(item, !keysAreData && KEYED_BY_DATA.has(name));
  }
  return out;
}

/**
 * "shard_cursor" -> "shardCursor": snake_case read back into a TypeScript object's names (camelCase ones are left as
 * they are). Not snakeCase's inverse for every name: "examples_per_s" comes back "examplesPerS", "layer_0" "layer0".
 */
function camelCase(key: string): string {
  return /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(key) ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
}

/** A copy of a JSON value with its plain objects' field names in camelCase, maps keyed by data left as they are (see snakeCaseKeys). */
export function camelCaseKeys(value: unknown, keysAreData = false): unknown {
  if (Array.isArray(value)) return value.map((item) => camelCaseKeys(item));
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) =>
    [keysAreData ? key : camelCase(key), camelCaseKeys(item, !keysAreData && KEYED_BY_DATA.has(key))]));
}
