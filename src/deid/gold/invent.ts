import type { PhiCategory } from '../types.js';
import type { GoldDocument, GoldSpan } from './types.js';

/**
 * A stress test of generalisation: every word of the gold spans of `category` (names by default) is replaced
 * by an invented word in the same case style — consistent within a document, never in any list — and the
 * spans are moved to match. Recall on the result measures what context rules find without the name lists,
 * which is what unseen notes (other patients, other staff) need.
 */
export function withInventedWords(docs: readonly GoldDocument[], category: PhiCategory = 'NAME', seed = 7): GoldDocument[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) / 16777216;
  };
  const invent = (): string => {
    const w = SYLLABLES[Math.floor(random() * SYLLABLES.length)] + (SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '');
    return w + (random() < 0.5 ? 'er' : 'an');
  };
  return docs.map((d) => {
    const map = new Map<string, string>();
    const edits: { oldStart: number; oldEnd: number; newStart: number; newEnd: number }[] = [];
    let text = '';
    let at = 0;
    for (const s of [...d.spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at || s.category !== category) continue;
      text += d.text.slice(at, s.start);
      const replaced = d.text.slice(s.start, s.end).replace(/[A-Za-z][A-Za-z']+/g, (word) => {
        const key = word.toLowerCase();
        let made = map.get(key);
        if (made === undefined) map.set(key, (made = invent()));
        return styleLike(word, made);
      });
      edits.push({ oldStart: s.start, oldEnd: s.end, newStart: text.length, newEnd: text.length + replaced.length });
      text += replaced;
      at = s.end;
    }
    text += d.text.slice(at);
    // Old offset → new offset: shifted by the edits before it; inside an edit, its new start or end.
    const move = (pos: number, isEnd: boolean): number => {
      let delta = 0;
      for (const e of edits) {
        if (pos <= e.oldStart && !(isEnd && pos > e.oldStart)) break;
        if (pos < e.oldEnd || (isEnd && pos === e.oldEnd)) return isEnd ? e.newEnd : e.newStart;
        delta = e.newEnd - e.oldEnd;
      }
      return pos + delta;
    };
    const spans: GoldSpan[] = d.spans.map((s) => ({ ...s, start: move(s.start, false), end: move(s.end, true) }));
    return { ...d, text, spans };
  });
}

const SYLLABLES = ['zor', 'vath', 'quel', 'ling', 'brax', 'tum', 'fen', 'dril', 'oska', 'mir', 'prav', 'lek', 'tosh', 'vin', 'gral', 'dusk'];

function styleLike(like: string, value: string): string {
  if (like === like.toUpperCase()) return value.toUpperCase();
  if (like === like.toLowerCase()) return value;
  return value.charAt(0).toUpperCase() + value.slice(1);
}
