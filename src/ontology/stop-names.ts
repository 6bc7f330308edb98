import { singular } from './normalize.js';

// Lexicon names that are also common English words and would link ordinary prose if matched in any case
// (`lead` the verb vs Lead the metal, `impact`, `was`). Single-token names only; matched on the normalised key.
// Whatever the case: gene symbols spelled the same (`WAS`, `SET`, `FOR`) are lost, since clinical notes write
// headings in capitals (`REASON FOR ADMISSION`).
export const STOP_NAMES: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'can', 'do', 'for', 'from', 'had', 'has', 'have', 'he', 'her',
  'his', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'me', 'no', 'not', 'of', 'on', 'or', 'our', 'per', 'she', 'so',
  'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'up', 'us', 'via',
  'was', 'we', 'were', 'which', 'who', 'will', 'with', 'you', 'all', 'any', 'each', 'one', 'two', 'also', 'after',
  'lead', 'impact', 'set', 'rest', 'damage', 'cell', 'face', 'large', 'type', 'similar', 'end', 'fast', 'camp', 'cap',
  'chip', 'clock', 'cost', 'far', 'light', 'mask', 'men', 'met', 'act', 'age', 'aim', 'air', 'arm', 'bank', 'bar', 'bed',
  'car', 'cat', 'dog', 'ear', 'eye', 'gap', 'hit', 'key', 'man', 'map', 'mark', 'net', 'pan', 'pet', 'pin', 'ram', 'run',
  'sex', 'sun', 'tag', 'tan', 'ten', 'top', 'war', 'weak', 'was', 'wave', 'white', 'black', 'red', 'blue', 'green',
  'spring', 'fall', 'well', 'best', 'can', 'less', 'same', 'times', 'time', 'mediator', 'factor', 'protein', 'gene',
  'control', 'normal', 'change', 'increase', 'decrease', 'level', 'levels', 'high', 'low', 'via', 'trial', 'study',
  // Generic medical words that name a whole MeSH branch rather than an entity in running text.
  'disease', 'syndrome', 'disorder', 'death', 'emergency', 'solution', 'recurrence', 'injury', 'placebo', 'acid',
  'plan', 'history', 'exam', 'enzyme', 'hormone', 'antibody', 'antigen', 'sign', 'symptom', 'body', 'drug', 'agent', 'compound', 'receptor',
]);

/**
 * The stop names and every key whose `singular` is one: the plural forms `singular` undoes (`-s`, `-es`, `-ies`),
 * kept where it does give back the stop name. `isStopName` is then one look-up: `singular` on each one-word name
 * cost a regex test, and its rare suffix rules, first met after the build loop was optimized, threw that code away.
 */
const STOP_KEYS: ReadonlySet<string> = new Set([...STOP_NAMES].flatMap((name) => [
  name, ...[`${name}s`, `${name}es`, `${name.slice(0, -1)}ies`].filter((plural) => plural !== name && singular(plural) === name),
]));

/** True for a stop name or its plural (`enzymes`, `injuries`): `STOP_NAMES.has(key) || STOP_NAMES.has(singular(key))`. */
export function isStopName(key: string): boolean {
  return STOP_KEYS.has(key);
}
