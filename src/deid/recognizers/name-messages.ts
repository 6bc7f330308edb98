import { isKnownName, lexicon } from '../lexicon/index.js';
import type { Word } from '../words.js';
import { RELATIONS, VERB_LIKE } from './name-cues.js';
import { nameLike, type NameScan } from './name-scan.js';

/**
 * Names in messages (patient-portal threads, e-mails pasted into notes): the sender on a "From:" header line, and the
 * writer's name under a closing ("Thanks,\nMabel") or after a dash on the message's last line ("- Mabel").
 */

/** Services and relations that sign a message as a person would: "Thanks,\nEndo", "Love,\nGrandma". */
const SERVICES = new Set(['endo', 'rheum', 'nephro', 'gyn', 'peds', 'ortho', 'onc', 'hem', 'derm', 'dietitian', 'dietician', 'nutritionist', 'pharmacist',
  'pharmacy', 'nursing', 'triage', 'scheduling', 'admin', 'reception', 'frontdesk', 'staff', 'office', 'team', 'clinic', 'grandma', 'grandpa']);

/**
 * A word that may be a name by its shape on a line of its own: capitalised, no function or clinical word, no verb; a
 * name that is also a word ("Mark", "Hope") only where the context is strong (`ambiguous`).
 */
function signedWord(w: Word | undefined, ambiguous = true): w is Word {
  // Not a relation or a service signing ("Love,\nGrandma", "Thanks,\nEndo").
  return w !== undefined && w.capitalized && !w.single && (nameLike(w) || lexicon.ambiguousNames.has(w.key)) && !RELATIONS.has(w.key) && !SERVICES.has(w.key)
    && (isKnownName(w.key) || (w.key.length >= 3 && !VERB_LIKE.test(w.key))) && (ambiguous || !lexicon.ambiguousNames.has(w.key));
}

/** Marks the one or two name words from word `i` to the end of their line. */
function markLine(s: NameScan, i: number): void {
  const first = s.at(i);
  if (!signedWord(first)) return;
  const second = s.at(i + 1);
  const lineEnd = (w: Word): boolean => /^[ \t.,]*(?:\r?\n|$)/.test(s.text.slice(w.end, w.end + 4));
  if (lineEnd(first)) {
    s.marked[i] = 1;
  } else if (signedWord(second) && /^[ \t]+$/.test(second.gapBefore) && lineEnd(second)) {
    s.marked[i] = 1;
    s.marked[i + 1] = 1;
  }
}

/** The sender's name after "From:": up to three capitalised words, closed by an address, a comma or the line's end. */
function markSender(s: NameScan, i: number): void {
  let last = -1;
  for (let k = i; k >= 0 && k < i + 3; k++) {
    const w = s.at(k);
    if (!signedWord(w) || (k > i && !/^[ \t]+$/.test(w.gapBefore))) break;
    last = k;
  }
  if (last < 0 || !/^[ \t]*(?:<|,|\r?\n|$)/.test(s.text.slice((s.at(last) as Word).end, (s.at(last) as Word).end + 3))) return;
  for (let k = i; k <= last; k++) s.marked[k] = 1;
}

/** The second word of a closing of two: "Thank you", "Kind regards", "Best wishes", "Take care", "Many thanks". */
const CLOSING_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['thank', new Set(['you'])], ['kind', new Set(['regards'])], ['warm', new Set(['regards'])], ['best', new Set(['regards', 'wishes'])],
  ['take', new Set(['care'])], ['many', new Set(['thanks'])],
]);
/** Closings of one word. */
const CLOSINGS = new Set(['thanks', 'regards', 'best', 'cheers', 'sincerely', 'love']);

/**
 * At a message cue (MESSAGE_CUES, from findNames' loop) that opens its line: a sender's "From:" line ("From: Mabel
 * Quenby <mq@...>", or with a "Sent:"/"Date:"/"To:" line after it), or a closing whose line ends after it
 * ("Thanks,\nMabel"): the name on the next line.
 */
export function messageLine(s: NameScan, i: number, w: Word, next: Word | undefined): void {
  if (!s.mixed || next === undefined || !(i === 0 || /\n[ \t>]*$/.test(w.gapBefore))) return;
  const text = s.text;
  if (w.key === 'from') {
    if (text.charCodeAt(w.end) !== 58 /* : */ || text.charCodeAt(w.start) !== 70 /* F */) return;
    const lineEnd = text.indexOf('\n', w.end);
    const line = text.slice(w.end, lineEnd < 0 ? text.length : lineEnd);
    const after = lineEnd < 0 ? '' : text.slice(lineEnd + 1, lineEnd + 12);
    if (/<[^>]*@/.test(line) || /^[ \t]*(?:Sent|Date|To):/.test(after)) markSender(s, i + 1);
    return;
  }
  const pair = CLOSING_PAIRS.get(w.key)?.has(next.key) === true && /^[ \t]+$/.test(next.gapBefore);
  if (!pair && !CLOSINGS.has(w.key)) return;
  const last = pair ? i + 1 : i;
  const name = s.at(last + 1);
  if (name !== undefined && /^[ \t]*[,!.]?[ \t]*\r?\n[ \t]*$/.test(name.gapBefore)) markLine(s, last + 1);
}

/**
 * "- Mabel": a dash and a name alone on the message's last line: a listed given name, or any name-like word in a message
 * that greets its reader (a list's last item is no signature: "Allergies:\n- Penicillin").
 */
export function messageNames(s: NameScan): void {
  if (!s.mixed) return;
  const last = s.words.length - 1;
  const w = s.at(last);
  if (w === undefined || !/\n[ \t]*[-–—~]{1,2}[ \t]*$/.test(w.gapBefore) || !/^[ \t.\r\n]*$/.test(s.text.slice(w.end)) || !signedWord(w, false)) return;
  if (lexicon.firstNames.has(w.key) || /(?:^|\n)[ \t]*(?:Hi|Hello|Dear|Good (?:morning|afternoon|evening))\b/.test(s.text)) s.marked[last] = 1;
}
