import { isKnownName, lexicon } from '../lexicon/index.js';
import type { Word } from '../words.js';
import { VERB_LIKE } from './name-cues.js';
import { nameLike, type NameScan } from './name-scan.js';

/**
 * Names in messages (patient-portal threads, e-mails pasted into notes): the sender on a "From:" header line, and the
 * writer's name under a closing ("Thanks,\nMabel") or after a dash on the message's last line ("- Mabel").
 */

/** The index of the word that starts at `offset`, or -1. */
function wordStartingAt(s: NameScan, offset: number): number {
  let lo = 0;
  let hi = s.words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = (s.words[mid] as Word).start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A word that may be a name by its shape on a line of its own: capitalised, no function or clinical word, no verb; a
 * name that is also a word ("Mark", "Hope") only where the context is strong (`ambiguous`).
 */
function signedWord(w: Word | undefined, ambiguous = true): w is Word {
  return w !== undefined && w.capitalized && !w.single && (nameLike(w) || lexicon.ambiguousNames.has(w.key))
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

/** Closings before a signature on the next line. */
const CLOSING = /(?:^|\n)[ \t]*(?:Many thanks|Thanks|Thank you|Kind regards|Best regards|Warm regards|Regards|Best wishes|Best|Cheers|Sincerely|Take care|Love)[ \t]*[,!.]?[ \t]*\r?\n[ \t]*(?=\p{Lu})/gu;
/** A sender's header line: "From: Mabel Quenby <mquenby@...>". */
const FROM_HEADER = /(?:^|\n)[ \t]*From:[ \t]*(?=\p{Lu}[^\n]*(?:<[^>\n]*@|\r?\n[ \t]*(?:Sent|Date|To):))/gu;

export function messageNames(s: NameScan): void {
  if (!s.mixed) return;
  const text = s.text;
  // Cheap tests first: most notes hold no closing and no sender's line.
  if (text.indexOf('From:') >= 0) {
    for (const m of text.matchAll(FROM_HEADER)) markSender(s, wordStartingAt(s, (m.index ?? 0) + m[0].length));
  }
  if (/hanks|egards|incerely|heers|Best|care|Love/.test(text)) {
    for (const m of text.matchAll(CLOSING)) markLine(s, wordStartingAt(s, (m.index ?? 0) + m[0].length));
  }
  // "- Mabel": a dash and a name alone on the last line.
  const last = s.words.length - 1;
  const w = s.at(last);
  if (w !== undefined && /\n[ \t]*[-–—~]{1,2}[ \t]*$/.test(w.gapBefore) && /^[ \t.\r\n]*$/.test(text.slice(w.end)) && signedWord(w, false)) s.marked[last] = 1;
}
