import { lexicon } from '../lexicon/index.js';
import type { PhiSpan } from '../types.js';
import { SIGN_OFFS } from './address-blocks.js';

/**
 * The person an address block is for: in letters, forms and signatures the lines right above a street line are the
 * addressee's name and, often, a company's ("Orla Vennick\nQuarry Lane Mills\n12 Harbour Road"). Of the one or two
 * non-empty lines above a street line that the address rules found (a LOCATION span opening its line, with a digit
 * in it), the nearest that is shaped like a person's name — two to four capitalised words or initials, no digit, no
 * company word — is taken, with its other copies in the text (letterheads repeat it).
 */
export function findAddressees(text: string, spans: readonly PhiSpan[]): PhiSpan[] {
  const found: PhiSpan[] = [];
  const names = new Set<string>();
  for (const s of spans) {
    if (s.category !== 'LOCATION') continue;
    // Opening its line: only spaces, tabs or quote marks back to a line break (read back from the span, so a long
    // line costs nothing here).
    let lineStart = s.start;
    while (lineStart > 0 && /[ \t>]/.test(text.charAt(lineStart - 1))) lineStart--;
    if (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') continue;
    if (!/\d/.test(text.slice(s.start, s.end))) continue;
    let end = lineStart - 1; // the newline before the street line
    for (let above = 0; above < 2 && end > 0; above++) {
      // The nearest non-empty line above `end` (blank lines between are skipped once, before the first).
      let start = text.lastIndexOf('\n', end - 1) + 1;
      let line = text.slice(start, end);
      if (above === 0 && /^[ \t>]*$/.test(line) && start > 0) {
        end = start - 1;
        start = text.lastIndexOf('\n', end - 1) + 1;
        line = text.slice(start, end);
      }
      const lead = /^[ \t>]*/.exec(line)?.[0].length ?? 0;
      const body = line.slice(lead).trimEnd();
      if (personShaped(body)) {
        found.push({ start: start + lead, end: start + lead + body.length, category: 'NAME' });
        // Copies are searched for a letter's few names, not for each of thousands of blocks (a scan of the text each).
        if (names.size < MAX_COPIED_NAMES) names.add(body);
        break;
      }
      end = start - 1;
    }
  }
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const before = at === 0 ? '' : text.charAt(at - 1);
      const after = text.charAt(at + name.length);
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) found.push({ start: at, end: at + name.length, category: 'NAME' });
    }
  }
  return found;
}

const MAX_COPIED_NAMES = 32;

/** Words that make a line a company's, a place's or a heading, not a person's name. */
const COMPANY_WORDS = new Set(['ltd', 'inc', 'llc', 'llp', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'sa', 'bv', 'nv', 'oy', 'ab',
  'group', 'partners', 'associates', 'bank', 'university', 'college', 'school', 'hospital', 'clinic', 'center', 'centre', 'institute',
  'foundation', 'services', 'solutions', 'systems', 'technologies', 'international', 'holdings', 'industries', 'department', 'office', 'suite',
  'apt', 'unit', 'floor', 'box', 'street', 'road', 'avenue', 'lane', 'drive', 'the', 'and', 'of', 'for', 'attn', 're', 'dear', 'to', 'from',
  // and headings of forms and letters above an address
  'address', 'billing', 'shipping', 'mailing', 'home', 'work', 'return', 'instructions', 'discharge', 'summary', 'report', 'history',
  'physical', 'examination', 'consultation', 'letter', 'note', 'notes', 'referral', 'patient', 'information', 'results', 'contact', 'follow',
  ...SIGN_OFFS, 'copy', 'cc', 'attention', 'private', 'confidential', 'medical', 'records', 'pharmacy', 'laboratory']);

/** "Orla Vennick", "Anders K. Holm", "María José Ruiz": two to four capitalised words or initials, the last a word. */
function personShaped(line: string): boolean {
  if (line.length < 4 || line.length > 60 || /\d/.test(line)) return false;
  const words = line.split(/[ \t]+/);
  if (words.length < 2 || words.length > 4) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const initial = /^\p{Lu}\.?$/u.test(w) && i > 0 && i < words.length - 1;
    if (initial) continue;
    if (!/^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)?$/u.test(w)) return false;
    const key = w.toLowerCase();
    if (COMPANY_WORDS.has(key) || lexicon.stop.has(key)) return false;
  }
  return true;
}
