// The de-identification evaluation notes (PhysioNet deid and presidio-research's synthetic set) as plain texts,
// for the property tests that check a fast path's guard on real notes.
import { readFileSync } from 'node:fs';
import { parsePhysionetText, presidioGold } from '../../src/deid/index.js';
import { sharedFile } from './shared-data.js';

const physionet = sharedFile('deid', 'physionet-deid', 'id.text');
const presidio = sharedFile('deid', 'presidio-synth', 'synth_dataset_v2.half.json');

/** The skip reason when either file is absent (for `test(name, { skip })`), else false. */
export const evaluationNotesSkip: string | false = physionet.skip || presidio.skip;

/** Every note's text: PhysioNet's, then presidio's. */
export function evaluationNoteTexts(): string[] {
  return [
    ...parsePhysionetText(readFileSync(physionet.path, 'utf8')).map((n) => n.text),
    ...presidioGold(readFileSync(presidio.path, 'utf8')).map((d) => d.text),
  ];
}
