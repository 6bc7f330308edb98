/** The folders of src with no Node-only API outside their Node adapters: they run in a browser too. */
export const BROWSER_SAFE: ReadonlySet<string> = new Set(['tensor', 'nn', 'model', 'tokenizer', 'corpus', 'deid', 'ontology', 'synth', 'data', 'tasks']);

/** The Node adapters of those folders: file and process I/O, worker threads, and the Node entry points that load them. */
export const NODE_ADAPTERS: ReadonlySet<string> = new Set([
  'corpus/node-io.ts',
  'data/matcher-builder-entry.ts', 'data/pack-worker-entry.ts', 'data/pack-workers-node.ts', 'data/shard-files.ts',
  'data/prepare-progress.ts', 'data/shard-writer.ts',
  'deid/node-formats.ts', 'deid/node-io.ts',
  'ontology/node-io.ts', 'ontology/snapshot-cache.ts',
  'tensor/backends/index.ts', 'tensor/backends/wasm/index.ts', 'tensor/backends/wasm/node-platform.ts',
  'tensor/backends/wasm/node-worker.ts',
  'tokenizer/node-io.ts', 'tokenizer/trainer/em-worker.ts', 'tokenizer/trainer/node-parallel.ts',
  'tasks/ner/node-io.ts',
]);
