import { MedbertError } from '../errors.js';
import { linesOf, type TextSource } from './text-stream.js';

/** One annotated entity mention; offsets index `PubtatorDocument.text` (title + ' ' + abstract). */
export interface PubtatorMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** As written: `Chemical`, `Disease`, ... */
  readonly type: string;
  /** Concept ids (bare MeSH UIs in BC5CDR); several for a composite mention; empty for `-1`. */
  readonly ids: string[];
  /** For composite mentions: the individual mention texts (the optional 7th column, `|`-separated). */
  readonly parts?: string[];
}

/** A relation line: `PMID<TAB>CID<TAB>chemical<TAB>disease`. */
export interface PubtatorRelation {
  readonly type: string;
  readonly arguments: string[];
}

export interface PubtatorDocument {
  readonly pmid: string;
  readonly title: string;
  readonly abstract: string;
  /** `title + ' ' + abstract`: what the offsets index. */
  readonly text: string;
  readonly mentions: PubtatorMention[];
  readonly relations: PubtatorRelation[];
  /** 1-based line of the title line, for messages. */
  readonly line: number;
}

interface Draft {
  pmid: string;
  title: string;
  abstract: string | null;
  mentions: PubtatorMention[];
  relations: PubtatorRelation[];
  line: number;
}

/**
 * Reads PubTator files (BC5CDR, NCBI-disease): `PMID|t|title`, `PMID|a|abstract`, mention lines
 * `PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>ids[<TAB>parts]` and relation lines, documents separated by
 * blank lines. Strict: a malformed line, a mention whose offsets do not select its text, or a line for
 * another PMID is a MedbertError naming the file and line.
 */
export async function* readPubtator(source: TextSource, fileName = 'input'): AsyncIterable<PubtatorDocument> {
  let doc = null as Draft | null;
  let lineNo = 0;
  const fail = (message: string): never => {
    throw new MedbertError(`${fileName}:${lineNo}: ${message}`);
  };
  const finish = (): PubtatorDocument => {
    const d = doc as Draft;
    doc = null;
    const abstract = d.abstract ?? '';
    return { pmid: d.pmid, title: d.title, abstract, text: `${d.title} ${abstract}`, mentions: d.mentions, relations: d.relations, line: d.line };
  };

  for await (const line of linesOf(source)) {
    lineNo += 1;
    if (line.trim() === '') {
      if (doc !== null) yield finish();
      continue;
    }
    const textLine = /^([^|\t]+)\|([ta])\|(.*)$/.exec(line);
    if (textLine !== null) {
      const [, pmid, kind, text] = textLine;
      if (kind === 't') {
        if (doc !== null) yield finish(); // tolerate a missing blank line between documents
        doc = { pmid, title: text, abstract: null, mentions: [], relations: [], line: lineNo };
      } else {
        if (doc === null || doc.pmid !== pmid) fail(`abstract line for PMID ${pmid} without its title line`);
        const d = doc as Draft;
        if (d.abstract !== null) fail(`second abstract line for PMID ${pmid}`);
        d.abstract = text;
      }
      continue;
    }
    const fields = line.split('\t');
    if (doc === null) fail(`expected a 'PMID|t|title' line, got: ${line.slice(0, 60)}`);
    const d = doc as Draft;
    if (fields[0] !== d.pmid) fail(`line for PMID ${fields[0]} inside the document of PMID ${d.pmid}`);
    if (fields.length >= 6 && /^\d+$/.test(fields[1]) && /^\d+$/.test(fields[2])) {
      const start = Number(fields[1]);
      const end = Number(fields[2]);
      const full = `${d.title} ${d.abstract ?? ''}`;
      if (end <= start || end > full.length) fail(`mention offsets ${start}-${end} outside the text (length ${full.length})`);
      const surface = full.slice(start, end);
      // Whitespace around the mention's text is not part of it: the offsets say where it is (NCBI-disease's training
      // set has a mention written with two trailing spaces).
      if (surface !== fields[3] && surface !== fields[3].trim()) {
        fail(`mention '${fields[3]}' does not match the text at ${start}-${end} ('${surface}')`);
      }
      // Several ids: BC5CDR joins a composite mention's with `|`, NCBI-disease also with `+`.
      const ids = fields[5] === '-1' || fields[5] === '' ? [] : fields[5].split(/[|,;+]/).filter((id) => id !== '' && id !== '-1');
      const mention: PubtatorMention = fields.length >= 7 && fields[6] !== ''
        ? { start, end, text: surface, type: fields[4], ids, parts: fields[6].split('|') }
        : { start, end, text: surface, type: fields[4], ids };
      d.mentions.push(mention);
    } else if (fields.length >= 3 && fields.length <= 5 && /^[A-Za-z_]+$/.test(fields[1])) {
      d.relations.push({ type: fields[1], arguments: fields.slice(2) });
    } else {
      fail(`malformed PubTator line (expected a mention 'PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>id' or a relation): ${line.slice(0, 80)}`);
    }
  }
  if (doc !== null) yield finish();
}
