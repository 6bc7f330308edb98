// The browser-safe folders, bundled as a page would bundle them (esbuild, platform "browser": a `node:` import fails
// the build) and run where there is no Node: a V8 context holding only what browsers have, and no code generation
// from strings, as under a Content-Security-Policy without 'unsafe-eval'. layers.test.ts checks the imports; this
// checks what runs (a Node global used without an import, `Function(...)` in a library).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'node:test';
import vm from 'node:vm';
import { build } from 'esbuild';
import { deidentify } from '../src/deid/index.js';
import { BertModel, presetConfig } from '../src/model/index.js';
import { builtinMatcher, linkWithAbbreviations } from '../src/ontology/index.js';
import { Engine, ReferenceBackend, Rng, type Backend } from '../src/tensor/index.js';
import { createWasmBackend } from '../src/tensor/backends/wasm/index.js';
import { SentencePieceModel } from '../src/tokenizer/index.js';
import { filesUnder } from './helpers/files.js';
import { BROWSER_SAFE, NODE_ADAPTERS } from './helpers/layers.js';
import { repoRoot } from './helpers/shared-data.js';

/** Bundles `source` (an ES module, resolved from the repository root) into a script that sets globalThis.BUNDLE. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, loader: 'js' }, bundle: true, platform: 'browser', format: 'iife',
    globalName: 'BUNDLE', target: 'es2022', write: false, logLevel: 'silent', loader: { '.model': 'binary', '.wasm': 'binary' },
  });
  return (result.outputFiles[0] as { text: string }).text;
}

/** Runs a bundle in a fresh context with browser-like globals only and eval refused; returns its BUNDLE object. */
function runInPage(script: string): vm.Context {
  const page = vm.createContext({
    console, TextEncoder, TextDecoder, URL, performance, crypto: globalThis.crypto, queueMicrotask, setTimeout, clearTimeout, atob, btoa,
    structuredClone, WebAssembly,
  }, { codeGeneration: { strings: false, wasm: true } });
  vm.runInContext('globalThis.self = globalThis; globalThis.window = globalThis;', page);
  vm.runInContext(script, page);
  return page;
}

/** Results cross realms as JSON (another realm's arrays fail deepStrictEqual on their prototype). */
async function call(page: vm.Context, expression: string): Promise<unknown> {
  return JSON.parse(await (vm.runInContext(`Promise.resolve(${expression}).then((r) => JSON.stringify(r))`, page) as Promise<string>)) as unknown;
}

/** The compiled modules of the browser-safe folders, less the Node adapters, as paths from the repository root. */
function browserSafeModules(): string[] {
  const src = join(repoRoot, 'dist', 'src');
  return [...BROWSER_SAFE].flatMap((folder) => filesUnder(join(src, folder), '.js'))
    .filter((path) => !NODE_ADAPTERS.has(relative(src, path).replace(/\.js$/, '.ts'))).map((path) => `./${relative(repoRoot, path)}`);
}

test('every browser-safe module bundles for the browser and loads where there is no Node and no eval', async () => {
  const modules = browserSafeModules();
  assert.ok(modules.length > 150, `${modules.length} modules`);
  const source = modules.map((m, i) => `import * as m${i} from '${m}';`).join('\n') + `\nexport const count = ${modules.map((_, i) => `Object.keys(m${i}).length`).join(' + ')};`;
  const page = runInPage(await bundle(source));
  assert.ok((await call(page, 'BUNDLE.count') as number) > 500);
});

test('a Node adapter does not bundle for the browser (the check above can fail)', async () => {
  await assert.rejects(bundle("export * from './dist/src/deid/node-io.js';"), /node:/);
});

const NOTE = 'Orvel Quenby (MRN 4417290) was seen on 03/14/2021 at 12 Orchard Street, Springfield, MA 01105. Call 617-555-0123.';
const TEXT = 'Patients with atrial fibrillation (AF) received warfarin; AF recurred. Metformin for type 2 diabetes.';

test('de-identification, the tokenizer, the linker and a model forward pass, imported by the package\'s entry points, give in a page what they give in Node', async () => {
  const page = runInPage(await bundle(`
    export { deidentify } from 'medbert/deid';
    export { SentencePieceModel } from 'medbert/tokenizer';
    export { builtinMatcher, linkWithAbbreviations } from 'medbert/ontology';
    export { Engine, ReferenceBackend, Rng } from 'medbert/tensor';
    export { BertModel, presetConfig } from 'medbert/model';
    export { createWasmBackendFromBytes } from 'medbert/wasm';
    export { default as kernels } from 'medbert/wasm/kernels-simd.wasm';
    export { default as modelBytes } from './test/fixtures/spm-bert-2k.model';
    export async function forward(BertModel, presetConfig, Engine, backend, Rng) {
      const config = presetConfig('tiny', { vocab_size: 100, hidden_size: 32, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 64 });
      const model = new BertModel(new Engine(backend), config, new Rng(1), new Rng(2)).eval();
      const out = model.forward({ batch: 1, seq: 8, inputIds: Int32Array.from([2, 5, 9, 17, 3, 0, 0, 0]), attentionMask: Int32Array.from([1, 1, 1, 1, 1, 0, 0, 0]) });
      return Array.from(await out.data());
    }
  `));
  assert.deepEqual(await call(page, `BUNDLE.deidentify(${JSON.stringify(NOTE)}).text`), deidentify(NOTE).text);
  assert.deepEqual(await call(page, `BUNDLE.deidentify(${JSON.stringify(NOTE)}, { mode: 'surrogate' }).text`), deidentify(NOTE, { mode: 'surrogate' }).text);

  const model = SentencePieceModel.fromBytes(new Uint8Array(readFileSync(join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'))));
  assert.deepEqual(await call(page, `Array.from(BUNDLE.SentencePieceModel.fromBytes(BUNDLE.modelBytes).encode(${JSON.stringify(TEXT)}))`), Array.from(model.encode(TEXT)));

  const spans = linkWithAbbreviations(await builtinMatcher(), TEXT).map((s) => `${s.start}-${s.end}:${s.id}`);
  assert.ok(spans.length >= 4, JSON.stringify(spans));
  assert.deepEqual(await call(page, `BUNDLE.builtinMatcher().then((m) => BUNDLE.linkWithAbbreviations(m, ${JSON.stringify(TEXT)}).map((s) => s.start + '-' + s.end + ':' + s.id))`), spans);

  // The model on the reference backend, and on the WebAssembly kernels from their bytes (one thread, as in Node).
  const config = presetConfig('tiny', { vocab_size: 100, hidden_size: 32, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 64 });
  const forward = async (backend: Backend): Promise<number[]> => Array.from(await new BertModel(new Engine(backend), config, new Rng(1), new Rng(2)).eval()
    .forward({ batch: 1, seq: 8, inputIds: Int32Array.from([2, 5, 9, 17, 3, 0, 0, 0]), attentionMask: Int32Array.from([1, 1, 1, 1, 1, 0, 0, 0]) }).data());
  assert.deepEqual(await call(page, 'BUNDLE.forward(BUNDLE.BertModel, BUNDLE.presetConfig, BUNDLE.Engine, new BUNDLE.ReferenceBackend(), BUNDLE.Rng)'),
    await forward(new ReferenceBackend()));
  const wasm = await createWasmBackend({ threads: 1, build: 'simd' });
  try {
    const expected = await forward(wasm);
    assert.deepEqual(await call(page, 'BUNDLE.createWasmBackendFromBytes(BUNDLE.kernels).then((b) => BUNDLE.forward(BUNDLE.BertModel, BUNDLE.presetConfig, BUNDLE.Engine, b, BUNDLE.Rng))'),
      expected);
  } finally {
    wasm.dispose();
  }
});
