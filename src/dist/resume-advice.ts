import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What a failed multi-rank run leaves to go on from, for the end of its error line. */
export function resumeAdvice(checkpointDir: string | undefined): string {
  if (checkpointDir === undefined) return 'the last complete checkpoint is intact: rerun with --resume';
  return existsSync(join(checkpointDir, 'trainer_state.json'))
    ? `the last complete checkpoint (${checkpointDir}) is intact: rerun with --resume` : 'no checkpoint was saved';
}
