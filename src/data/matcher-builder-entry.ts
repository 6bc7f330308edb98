// A thread that builds the matcher from the lexicon once (or reads it from the snapshot cache) and posts its
// snapshot (started by pack-workers-node.ts): the pack workers restore it in milliseconds instead of each
// spending over a second.
import { parentPort, workerData } from 'node:worker_threads';
import { loadMatcherSnapshot } from '../ontology/node-io.js';

const { ontology, lexiconCache } = workerData as { ontology: string; lexiconCache: string | null };
const { snapshot } = await loadMatcherSnapshot(ontology, { cacheDir: lexiconCache });
parentPort!.postMessage({ matcher: snapshot });
