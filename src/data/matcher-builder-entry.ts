// A thread that builds the matcher from the lexicon once and posts its snapshot (started by
// pack-workers-node.ts): the pack workers restore it in milliseconds instead of each spending over a second.
import { parentPort, workerData } from 'node:worker_threads';
import { loadMatcher } from '../ontology/node-io.js';

const { ontology } = workerData as { ontology: string };
const matcher = await loadMatcher(ontology);
parentPort!.postMessage({ matcher: matcher.snapshot() });
