import type { PhiCategory } from '../types.js';

/** One annotated document of a gold standard. Spans use UTF-16 offsets into `text`, end exclusive. */
export interface GoldDocument {
  /** e.g. `patient 5 note 2` or `record 17`, for error listings. */
  readonly id: string;
  /** Groups documents that share PHI (PhysioNet: the patient), for splits that avoid leakage. */
  readonly group: string;
  readonly text: string;
  readonly spans: readonly GoldSpan[];
}

export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  /** The gold standard's own label (e.g. `HCPName`, `STREET_ADDRESS`). */
  readonly label: string;
  /** Our category, or `null` when the label is not PHI under Safe Harbor: such spans are left out of scoring. */
  readonly category: PhiCategory | null;
}
