/** A typed mention with character offsets into its document's text (end exclusive). */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly text: string;
}

/** A document for NER: its text and (gold or predicted) mentions. */
export interface NerDocument {
  readonly id: string;
  readonly text: string;
  readonly mentions: readonly Mention[];
  /** PubTator keeps title and abstract apart: text = title + ' ' + abstract. */
  readonly title?: string;
}
