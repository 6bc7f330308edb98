import { BlockList, isIP } from 'node:net';
import { specialIds } from '../data/special-tokens.js';
import { MedbertError } from '../errors.js';
import { loadMatcher } from '../ontology/node-io.js';
import { createMedbertServer, endpoints, type Services } from '../serve/server.js';
import { loadTagger } from '../tasks/ner/node-io.js';
import type { Engine } from '../tensor/index.js';
import { checkpointTokenizer } from '../train/checkpoint.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { loadPretrainingModel } from '../train/load-model.js';
import { intFlag, numberFlag, parseFlags, printJson } from './args.js';
import type { Command } from './command.js';
import { lexiconCacheDir, lexiconCacheFlag } from './lexicon-cache.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';
import { stopOnInterrupt } from './runtime.js';

export const serveCommand: Command = {
  name: 'serve',
  async run(argv, { debug }) {
    const parsed = parseFlags(argv, {
      host: { type: 'string', valueName: 'HOST', default: '127.0.0.1', description: 'address to listen on (127.0.0.1: this machine only)' },
      port: { type: 'string', valueName: 'N', default: '8080', description: 'port (0: any free one, printed at start)' },
      ontology: { type: 'string', valueName: 'FILE', description: 'lexicon TSV(.gz), or "builtin": enables POST /link' },
      'lexicon-cache': lexiconCacheFlag,
      ner: { type: 'string', valueName: 'DIR', description: 'fine-tuned NER checkpoint: enables POST /ner' },
      checkpoint: { type: 'string', valueName: 'DIR', description: 'pretraining checkpoint: enables POST /fill-mask (and /tokenize)' },
      tokenizer: { type: 'string', valueName: 'M.model', description: 'tokenizer for POST /tokenize (default: the checkpoint\'s)' },
      'max-body-mb': { type: 'string', valueName: 'MB', default: '10', description: 'largest request body accepted' },
      json: { type: 'boolean', description: 'print {"url":...,"endpoints":[...]} on stdout once listening' },
      ...engineFlags,
    }, {
      usage: 'medbert serve [--host 127.0.0.1] [--port 8080] [--ontology FILE] [--ner DIR] [--checkpoint DIR] [--tokenizer M.model]',
      description: 'An HTTP JSON API on this machine: POST {"text": "..."} (or {"texts": [...]}, answered as {"results": [...]})\n' +
        'to /deid (always; "mode": "tag" or "surrogate"; "key": the patient, whose notes then share one date shift and\n' +
        'the same surrogates, give it for every note of a patient; "seed"; its "spans" are offsets into the text sent),\n' +
        '/link ("abbreviations": false to leave out short forms; paragraph by paragraph, as medbert link), /ner, /fill-mask\n' +
        '("top_k"), /tokenize, as loaded; GET /health lists them. Answers 400 (bad request, or a field the endpoint does not\n' +
        'read), 404, 405, 413 (body too large), 422 (a text the model cannot take), 503 (not loaded), 500. The log has one\n' +
        'line per request (method, endpoint, status, sizes, time), never its text. Ctrl-C or SIGTERM takes no new requests\n' +
        'and stops once those in flight are answered (exit 0); twice, at once. Under a service manager, start node on\n' +
        'bin/medbert.js itself: npx does not pass SIGTERM on.',
      examples: [
        'medbert serve --ontology ../shared/data/ontology/lexicon.tsv.gz --ner runs/ner',
        'curl -s localhost:8080/deid -d \'{"text": "Seen by Dr. Ostrander on 3/14/2021."}\'',
      ],
    });
    if (parsed === null) return 0;
    const v = parsed.values;
    const port = intFlag(v.port, 'port', 8080, 0, 65535);
    const maxBodyBytes = Math.round(numberFlag(v['max-body-mb'], 'max-body-mb', 10, 0.001, 1024) * 1e6);
    const host = v.host ?? '127.0.0.1';
    const engine: Engine | null = v.ner !== undefined || v.checkpoint !== undefined ? await engineFromFlags(v) : null;
    let fillMask: Services['fillMask'] = null;
    if (v.checkpoint !== undefined) {
      const { model, checkpoint } = loadPretrainingModel(engine as Engine, v.checkpoint);
      const tokenizer = checkpointTokenizer(checkpoint, v.checkpoint);
      fillMask = { model, tokenizer, ids: specialIds(tokenizer, `${v.checkpoint}/tokenizer.model`) };
    }
    const services: Services = {
      matcher: v.ontology === undefined ? null : await loadMatcher(v.ontology, { cacheDir: lexiconCacheDir(v['lexicon-cache']) }),
      tagger: v.ner === undefined ? null : loadTagger(v.ner, engine as Engine),
      fillMask,
      tokenizer: v.tokenizer !== undefined ? readModelFile(v.tokenizer) : fillMask?.tokenizer ?? null,
    };
    const server = createMedbertServer(services, { maxBodyBytes, debug, log: (line) => process.stderr.write(`medbert serve: ${line}\n`) });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(new MedbertError(error.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use: --port another (0: any free one)`
          : `cannot listen on ${host}:${port}: ${error.message}`));
      });
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address !== null ? address.port : port;
    const url = `http://${isIP(host) === 6 ? `[${host}]` : host}:${actualPort}`;
    if (!isLoopback(host)) {
      process.stderr.write(`medbert serve: warning: listening on ${host}, not this machine alone: notes sent here cross the network unencrypted (put it behind TLS)\n`);
    }
    process.stderr.write(`medbert serve: listening on ${url} (${endpoints(services).join(', ')}); Ctrl-C stops\n`);
    if (v.json === true) printJson({ url, endpoints: endpoints(services) });
    // A first Ctrl-C or SIGTERM (a service manager's stop) takes no new requests and ends once those running have
    // their answers: exit 0, a normal end for a server. A second quits at once (stopOnInterrupt).
    const interrupt = stopOnInterrupt('serve', false);
    const stop = (signal: string): void => {
      if (!server.listening) return;
      process.stderr.write(`medbert serve: ${signal}: no new requests; answering those in flight (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)\n`);
      server.closeGracefully();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    interrupt.dispose();
    process.stderr.write('medbert serve: stopped\n');
    return 0;
  },
};

/** This machine's own addresses: 127.0.0.0/8 and ::1, however written ("0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"). */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopback(host: string): boolean {
  const family = isIP(host);
  return host === 'localhost' || (family !== 0 && LOOPBACK.check(host, family === 6 ? 'ipv6' : 'ipv4'));
}
