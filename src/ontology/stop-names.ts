import { singular } from './normalize.js';

// Lexicon names that are also common English words and would link ordinary prose if matched in any case
// (`lead` the verb vs Lead the metal, `impact`, `was`). Single-token names only; matched on the normalised key.
// Whatever the case: gene symbols spelled the same (`WAS`, `SET`, `FOR`) are lost, since clinical notes write
// headings in capitals (`REASON FOR ADMISSION`).
const STOP_NAMES = new Set([
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

/** True for a stop name or its plural (`enzymes`, `injuries`). */
export function isStopName(key: string): boolean {
  return STOP_NAMES.has(key) || STOP_NAMES.has(singular(key));
}
