import { MedbertError } from '../../errors.js';
import { readPubtator, type TextSource } from '../../corpus/index.js';
import type { Mention, NerDocument } from './types.js';

/** PubTator documents (BC5CDR, NCBI-disease) as NER documents: text = title + ' ' + abstract. */
export async function readPubtatorNer(source: TextSource, fileName: string): Promise<NerDocument[]> {
  const docs: NerDocument[] = [];
  for await (const d of readPubtator(source, fileName)) {
    docs.push({
      id: d.pmid, title: d.title, text: d.text,
      mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text })),
    });
  }
  return docs;
}

/**
 * The BIO/IOB TSV layout (BioBERT's BC5CDR-IOB: `token<TAB>tag`, blank line between sentences). Each sentence
 * becomes a document whose text is its tokens joined by single spaces; mentions get offsets into that text.
 * An I- tag that continues nothing starts a mention (conlleval's repair). CoNLL's `-DOCSTART-` lines are left out.
 * A sentence's id is `line-N`, N the line it starts on.
 */
export function readIob(content: string, fileName: string): NerDocument[] {
  const docs: NerDocument[] = [];
  let tokens: string[] = [], tags: string[] = [];
  let sentenceLine = 1;
  const finish = (): void => {
    if (tokens.length === 0) return;
    let text = '';
    const starts: number[] = [];
    for (const t of tokens) {
      if (text.length > 0) text += ' ';
      starts.push(text.length);
      text += t;
    }
    const mentions: Mention[] = [];
    let open: { start: number; type: string; first: number } | null = null;
    const close = (i: number): void => {
      if (open === null) return;
      const end = starts[i - 1]! + tokens[i - 1]!.length;
      mentions.push({ start: open.start, end, type: open.type, text: text.slice(open.start, end) });
      open = null;
    };
    tags.forEach((tag, i) => {
      const [prefix, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
      if (prefix === 'I' && open !== null && open.type === type) return;
      close(i);
      if (prefix !== 'O') open = { start: starts[i]!, type, first: i };
    });
    close(tags.length);
    // Named by its line, not by the file's path: a copy of the file, or its path written another way, names the same
    // sentences (eval ner of predictions written from it).
    docs.push({ id: `line-${sentenceLine}`, text, mentions });
    tokens = [];
    tags = [];
  };
  content.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      finish();
      sentenceLine = index + 2;
      return;
    }
    const parts = line.split('\t');
    // CoNLL's document marks (JNLPBA's "-DOCSTART-<TAB>O"), not a sentence: dropped with the blank line after them.
    if (parts[0] === '-DOCSTART-') return;
    const tag = parts[parts.length - 1]!.trim();
    if (parts.length < 2 || !/^(O|[BIES]-\S+)$/.test(tag)) {
      throw new MedbertError(`${fileName}:${index + 1}: expected "token<TAB>tag" with a tag O, B-TYPE or I-TYPE, got ${JSON.stringify(line.slice(0, 80))}`);
    }
    tokens.push(parts[0]!);
    tags.push(tag.replace(/^S-/, 'B-').replace(/^E-/, 'I-'));
  });
  finish();
  return docs;
}

/** Mentions as PubTator text (PMID|t|, PMID|a| when the title is known, then tab-separated mention lines). */
export function toPubtator(docs: readonly NerDocument[]): string {
  const out: string[] = [];
  // PubTator is a line format with tab-separated mentions: a line break or tab in a text becomes a space (one
  // character for one, so every offset stays), else the file would not read back.
  const oneLine = (text: string): string => text.replace(/[\t\n\r]/g, ' ');
  for (const d of docs) {
    if (d.title !== undefined) {
      out.push(`${d.id}|t|${oneLine(d.title)}`, `${d.id}|a|${oneLine(d.text.slice(d.title.length + 1))}`);
    } else {
      out.push(`${d.id}|t|${oneLine(d.text)}`, `${d.id}|a|`);
    }
    for (const m of d.mentions) out.push(`${d.id}\t${m.start}\t${m.end}\t${oneLine(m.text)}\t${m.type}\t-1`);
    out.push('');
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}
