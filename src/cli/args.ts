import { parseArgs } from 'node:util';
import { MedbertError } from '../errors.js';
import { snakeCaseKeys } from '../json-keys.js';

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly short?: string;
  readonly default?: string | boolean;
  readonly multiple?: boolean;
  /** Shown in help as `--name=VALUE`. */
  readonly valueName?: string;
}

export interface CommandHelp {
  /** e.g. `medbert tokenizer encode --model=M [FILE...]` */
  readonly usage: string;
  readonly description: string;
  readonly examples?: readonly string[];
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true ? boolean[] : boolean
  : S['multiple'] extends true ? string[] : string;

export type FlagValues<T extends Record<string, FlagSpec>> = { [K in keyof T]?: FlagValue<T[K]> };

export interface Parsed<T extends Record<string, FlagSpec>> {
  readonly values: FlagValues<T>;
  readonly positionals: string[];
}

/**
 * Parses flags with node's util.parseArgs (strict: an unknown flag is an error naming it). Returns null when
 * `--help` was asked for, after printing the help text. Every command gets `--help` and `--json` this way.
 */
export function parseFlags<T extends Record<string, FlagSpec>>(
  argv: string[], spec: T, help: CommandHelp, allowPositionals = false,
): Parsed<T> | null {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(formatHelp(spec, help) + '\n');
    return null;
  }
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(spec)) {
    options[name] = { type: s.type };
    if (s.short !== undefined) options[name].short = s.short;
    if (s.default !== undefined) options[name].default = s.default;
    if (s.multiple === true) options[name].multiple = true;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: withNegativeValues(argv, options), options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's advice on positionals that start with a dash is long and unbalanced; the flag is what matters.
    const first = (message.split('\n')[0] as string).replace(/\. To specify a positional argument starting with a '-'.*$/, '');
    throw new MedbertError(`${first} (see ${commandPath(help.usage)} --help)`);
  }
  // An empty value ("--out ''", an unset shell variable) is a mistake for every flag that takes one.
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new MedbertError(`--${name} is empty: give it a value (see ${commandPath(help.usage)} --help)`);
  }
  warnRepeated(parsed.tokens, options, commandPath(help.usage));
  return { values: parsed.values as FlagValues<T>, positionals: parsed.positionals };
}

/** A flag of one value given twice with different values (the last wins): most likely a mistake, so said. */
function warnRepeated(tokens: readonly { kind: string; name?: string; value?: string | undefined }[], options: Record<string, { multiple?: boolean }>,
  command: string): void {
  const seen = new Map<string, string | undefined>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || options[t.name]?.multiple === true) continue;
    if (seen.has(t.name) && seen.get(t.name) !== t.value) {
      process.stderr.write(`${command}: warning: --${t.name} is given more than once; the last${t.value === undefined ? '' : `, ${t.value},`} is used\n`);
    }
    seen.set(t.name, t.value);
  }
}

/**
 * `--lr -1` as `--lr=-1`: parseArgs takes a value that starts with a dash for a flag ("argument is ambiguous"), so a
 * negative number given after a flag that takes a value would be refused without saying what is wrong with it; the
 * flag's own check then says it (`--lr=-1 is not valid ...`).
 */
function withNegativeValues(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--') return [...out, ...argv.slice(i)]; // positionals from here on
    if (arg.startsWith('--') && !arg.includes('=') && options[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** `medbert tokenizer encode` from a usage line: the words before the first flag or placeholder. */
function commandPath(usage: string): string {
  const words = usage.split(' ');
  const end = words.findIndex((w) => /^[-[(A-Z|"]/.test(w));
  return words.slice(0, end < 0 ? words.length : end).join(' ');
}

export function formatHelp(spec: Record<string, FlagSpec>, help: CommandHelp): string {
  const rows = Object.entries(spec).map(([name, s]) => {
    const flag = s.type === 'string' ? `--${name}=${s.valueName ?? 'VALUE'}` : `--${name}`;
    const def = s.default !== undefined && s.default !== false ? ` (default: ${String(s.default)})` : '';
    return [s.short !== undefined ? `-${s.short}, ${flag}` : flag, s.description + def] as const;
  });
  const width = Math.max(0, ...rows.map(([f]) => f.length));
  const lines = [`Usage: ${help.usage}`, '', help.description, '', 'Options:'];
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(width)}  ${d}`);
  lines.push(`  ${'--help'.padEnd(width)}  show this help`, `  ${'--debug'.padEnd(width)}  show stack traces on errors`);
  if (help.examples !== undefined && help.examples.length > 0) {
    lines.push('', 'Examples:', ...help.examples.map((e) => `  ${e}`));
  }
  return lines.join('\n');
}

/** Required string flag: a clear error when missing. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new MedbertError(`missing required flag --${flag}`);
  return value;
}

/** Parses an integer flag, checking bounds; the error names the flag and the value. */
export function intFlag(value: string | undefined, flag: string, fallback: number, min = -Infinity, max = Infinity): number {
  if (value === undefined) return fallback;
  // Decimal digits only ("0x80", "1e12", "128.0" are numbers to Number(), not what a user types for a count), and
  // no larger than a double holds exactly.
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = min === -Infinity ? (max === Infinity ? '' : ` <= ${max}`) : max === Infinity ? ` >= ${min}` : ` in ${min}..${max}`;
    throw new MedbertError(`--${flag}=${value} is not valid: expected an integer${range}`);
  }
  return n;
}

/** Parses a number flag, checking bounds. */
export function numberFlag(value: string | undefined, flag: string, fallback: number, min = -Infinity, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    const range = min === -Infinity ? (max === Infinity ? '' : ` <= ${max}`) : max === Infinity ? ` >= ${min}` : ` in [${min}, ${max}]`;
    throw new MedbertError(`--${flag}=${value} is not valid: expected a number${range}`);
  }
  return n;
}

/** Parses `true`/`false` (as Google's tools accept them) for flags spelled `--flag=true`. */
export function boolFlag(value: string | undefined, flag: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new MedbertError(`--${flag}=${value} is not valid: expected true or false`);
}

/** Prints figures as one JSON object on the last line (the `--json` convention). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(snakeCaseKeys(value)) + '\n');
}
