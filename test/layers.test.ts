// DESIGN.md's layers, checked on the sources: a folder imports only from the folders below it, and the folders that
// run in browsers too reach Node's APIs only through their Node adapters. (Imports are what is checked; a module
// that used Node's globals, `process` or `Buffer`, without importing anything would pass.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import test from 'node:test';
import { filesUnder } from './helpers/files.js';
import { BROWSER_SAFE, NODE_ADAPTERS } from './helpers/layers.js';
import { repoRoot } from './helpers/shared-data.js';

/**
 * src's folders, lowest first: each may import from those before it, and from src's own files (errors.ts,
 * random.ts, ...), which import no folder. `synth` (the demo's generated corpora) uses the de-identification
 * lists and the ontology, and only the CLI uses it.
 */
const LAYERS = ['tensor', 'nn', 'model', 'tokenizer', 'corpus', 'deid', 'ontology', 'synth', 'data', 'train', 'dist', 'tasks', 'serve', 'cli'];

interface Import {
  /** A module path relative to src (`tokenizer/model.ts`), or the specifier of a package or Node module. */
  readonly target: string;
  readonly local: boolean;
  /** `import type` / `export type`: gone at run time. */
  readonly typeOnly: boolean;
  /** `import(...)`: loaded when the code runs, not with the module. */
  readonly dynamic: boolean;
}

const srcDir = resolve(repoRoot, 'src');

const STATIC_IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string, source: string): Import[] {
  const imports: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean): void => {
    const local = specifier.startsWith('.');
    // `./x.js` names x.ts; AssemblyScript's sources (tensor/backends/wasm/assembly) write `./x`.
    const target = local ? relative(srcDir, resolve(dirname(file), specifier)).replace(/(\.js)?$/, '.ts') : specifier;
    imports.push({ target, local, typeOnly, dynamic });
  };
  for (const m of source.matchAll(STATIC_IMPORT)) add(m[3], m[2] !== undefined, false);
  for (const m of source.matchAll(DYNAMIC_IMPORT)) add(m[1], false, true);
  return imports;
}

/** Every module under src (by path relative to src) with its imports. */
const modules = new Map(filesUnder(srcDir, '.ts').filter((file) => !file.endsWith('.d.ts')).map((file) => [relative(srcDir, file), importsOf(file, readFileSync(file, 'utf8'))]));

/** The module's folder under src (`tensor` for `tensor/backends/index.ts`), or null for src's own files. */
function folderOf(module: string): string | null {
  const slash = module.indexOf('/');
  return slash < 0 ? null : module.slice(0, slash);
}

test('the import parser sees static, type-only, re-exported and dynamic imports', () => {
  const found = importsOf(join(srcDir, 'data', 'x.ts'), [
    "import { a } from '../tokenizer/model.js';",
    "import type { B } from './b.js';",
    "export { c } from '../ontology/index.js';",
    "import './side-effect.js';",
    "const m = await import('../deid/index.js');",
    "import {\n  d,\n  e,\n} from 'node:fs';",
  ].join('\n'));
  assert.deepEqual(found.map((i) => [i.target, i.typeOnly, i.dynamic]), [
    ['tokenizer/model.ts', false, false], ['data/b.ts', true, false], ['ontology/index.ts', false, false],
    ['data/side-effect.ts', false, false], ['node:fs', false, false], ['deid/index.ts', false, true],
  ]);
});

test('the sources were found, and every folder of src has its place among the layers', () => {
  for (const known of ['tensor/engine.ts', 'tokenizer/model.ts', 'cli/main.ts']) assert.ok(modules.has(known), `${known} not found under ${srcDir}`);
  const folders = new Set([...modules.keys()].map(folderOf).filter((f): f is string => f !== null));
  assert.deepEqual([...folders].filter((f) => !LAYERS.includes(f)), [], 'folders missing from LAYERS');
  assert.deepEqual(LAYERS.filter((f) => !folders.has(f)), [], 'LAYERS names folders that are gone');
  for (const [module, imports] of modules) {
    for (const i of imports) if (i.local) assert.ok(modules.has(i.target), `${module} imports ${i.target}, which is not a module`);
  }
});

test('each folder imports only from the folders below it, and src\'s own files from none', () => {
  const upward: string[] = [];
  for (const [module, imports] of modules) {
    const from = folderOf(module);
    for (const i of imports) {
      const to = i.local ? folderOf(i.target) : null;
      if (to === null || to === from) continue;
      if (from === null || LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${module} -> ${i.target}`);
    }
  }
  assert.deepEqual(upward, []);
});

test('the folders that run in browsers reach Node only through their Node adapters', () => {
  // Node-only: imports a Node module, or (statically, at run time) a Node-only module. A dynamic import is left
  // out: code that picks a platform at run time loads the Node side only on Node.
  // A search from each module with its own `seen` (no memo: a result found while a cycle was cut short would be
  // kept as if complete). Returns what makes `module` Node-only, or null.
  const why = (module: string, seen: Set<string>): string | null => {
    if (seen.has(module)) return null;
    seen.add(module);
    for (const i of modules.get(module) ?? []) {
      if (i.typeOnly || i.dynamic) continue;
      if (i.target.startsWith('node:')) return i.target;
      if (i.local && why(i.target, seen) !== null) return i.target;
    }
    return null;
  };
  const leaks: string[] = [];
  for (const module of modules.keys()) {
    const folder = folderOf(module);
    if (folder === null || !BROWSER_SAFE.has(folder) || NODE_ADAPTERS.has(module)) continue;
    const reason = why(module, new Set());
    if (reason !== null) leaks.push(`${module} (through ${reason})`);
  }
  assert.deepEqual(leaks, []);
  // The list stays true: each adapter exists and does need Node.
  for (const adapter of NODE_ADAPTERS) {
    assert.ok(modules.has(adapter), `${adapter} is listed as a Node adapter but does not exist`);
    assert.notEqual(why(adapter, new Set()), null, `${adapter} is listed as a Node adapter but uses no Node API`);
  }
});
