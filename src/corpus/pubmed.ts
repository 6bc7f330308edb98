import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import type { TextSource } from './text-stream.js';
import { readXmlRecords, type XmlRecordBuilder } from './xml-records.js';

/**
 * PubMed / MEDLINE XML: `<PubmedArticleSet>` files (current baseline and efetch output) and the older
 * `<MedlineCitationSet>` files. One document per citation: the title, then each abstract section as a
 * paragraph (a structured section keeps its label: `METHODS: ...`). Meta: pmid, year, mesh (descriptor
 * names), meshIds (descriptor UIs). Citations without a title or abstract still yield what they have;
 * ones with neither are dropped.
 */
export function readPubmedXml(source: TextSource, options: ReaderOptions = {}): AsyncIterable<CorpusDocument> {
  return readXmlRecords(source, new PubmedBuilder(options.fileName ?? 'input'), options);
}

type Field = 'pmid' | 'title' | 'abstract' | 'year' | 'medlineDate' | 'mesh';

class PubmedBuilder implements XmlRecordBuilder {
  private readonly path: string[] = [];
  private recordDepth = -1;
  private capture: { field: Field; depth: number; text: string; label: string } | null = null;
  private pmid = '';
  private title = '';
  private year = '';
  private abstract: string[] = [];
  private mesh: string[] = [];
  private meshIds: string[] = [];
  private started = 0;

  constructor(private readonly file: string) {}

  get inRecord(): boolean {
    return this.recordDepth >= 0;
  }

  get records(): number {
    return this.started;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const parent = this.path[this.path.length - 1] ?? '';
    this.path.push(name);
    // A PubmedArticle wraps a MedlineCitation; a bare MedlineCitation is a record only in the old format. One
    // opening inside a record starts a new record (see XmlRecordBuilder.records).
    if (name === 'PubmedArticle' || name === 'PubmedBookArticle' || (name === 'MedlineCitation' && parent !== 'PubmedArticle')) {
      this.startRecord();
      return;
    }
    if (!this.inRecord) return;
    if (this.capture !== null) return; // inline markup (<b>, <i>, <sup>) inside a captured field
    const field = this.fieldOf(name, parent);
    if (field !== null) {
      this.capture = { field, depth: this.path.length, text: '', label: attributes['Label'] ?? '' };
      if (field === 'mesh' && attributes['UI'] !== undefined) this.meshIds.push(attributes['UI']);
    }
  }

  text(text: string): void {
    if (this.capture !== null) this.capture.text += text;
  }

  close(name: string): CorpusDocument | null {
    const depth = this.path.length;
    this.path.pop();
    if (this.capture !== null && depth === this.capture.depth) {
      this.store(this.capture.field, normalizeSpace(this.capture.text), normalizeSpace(this.capture.label));
      this.capture = null;
    }
    if (this.inRecord && depth === this.recordDepth) {
      this.recordDepth = -1;
      return this.finish(name);
    }
    return null;
  }

  private startRecord(): void {
    this.recordDepth = this.path.length;
    this.started += 1;
    this.capture = null;
    this.pmid = this.title = this.year = '';
    this.abstract = [];
    this.mesh = [];
    this.meshIds = [];
  }

  private fieldOf(name: string, parent: string): Field | null {
    switch (name) {
      case 'PMID': return (parent === 'MedlineCitation' || parent === 'BookDocument') && this.pmid === '' ? 'pmid' : null;
      case 'ArticleTitle': return parent === 'Article' || parent === 'BookDocument' ? 'title' : null;
      case 'AbstractText': return parent === 'Abstract' ? 'abstract' : null;
      case 'Year': return parent === 'PubDate' && this.year === '' ? 'year' : null;
      case 'MedlineDate': return parent === 'PubDate' && this.year === '' ? 'medlineDate' : null;
      case 'DescriptorName': return parent === 'MeshHeading' ? 'mesh' : null;
      default: return null;
    }
  }

  private store(field: Field, text: string, label: string): void {
    switch (field) {
      case 'pmid': this.pmid = text; break;
      case 'title': this.title = text; break;
      case 'abstract':
        if (text !== '') this.abstract.push(label !== '' ? `${label}: ${text}` : text);
        break;
      case 'year': this.year = text; break;
      case 'medlineDate': this.year = /\d{4}/.exec(text)?.[0] ?? ''; break; // "1998 Dec-1999 Jan"
      case 'mesh': if (text !== '') this.mesh.push(text); break;
    }
  }

  private finish(recordName: string): CorpusDocument | null {
    const paragraphs = [this.title, ...this.abstract].filter((p) => p !== '');
    if (paragraphs.length === 0) return null;
    const meta: Record<string, string | number | string[]> = { pmid: this.pmid, mesh: this.mesh, meshIds: this.meshIds, record: recordName };
    const year = Number(this.year);
    if (this.year !== '' && Number.isInteger(year)) meta['year'] = year;
    return { id: this.pmid !== '' ? this.pmid : `${this.file}#${this.started}`, source: this.file, paragraphs, meta };
  }
}
