import { createRequire } from 'node:module';

/**
 * Node's `require`, for the CommonJS packages that Node-only modules use (papaparse, saxes, cli-progress). An ES
 * `import` of a CommonJS package makes Node lex the package's whole source for its export names first, in
 * interpreted code that then gets compiled: 8-16 ms of CPU a package where `require` takes 2-3, and 20-50 ms of
 * compile jobs more (measured on Node 20, each package imported alone in a fresh process). The core folders import
 * their packages (protobufjs) as usual: they run in browsers too, where there is no `require`.
 */
export const requireCommonJs = createRequire(import.meta.url);
