// An HTTP JSON API over the loaded services (de-identification always; linking, NER, fill-mask and tokenizing when
// their files were given), for a hospital's own machines: `medbert serve`. Requests carry patient text, so nothing of
// a request's content is logged, only its method, endpoint, status, sizes and time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { deidentify, type DeidMode } from '../deid/index.js';
import { MedbertError } from '../errors.js';
import type { SpecialIds } from '../data/special-tokens.js';
import type { BertForPretraining } from '../model/index.js';
import { linkText } from '../ontology/link-text.js';
import type { EntityMatcher } from '../ontology/matcher.js';
import { fillMask } from '../tasks/fill-mask.js';
import type { NerTagger } from '../tasks/ner/index.js';
import type { SentencePieceModel } from '../tokenizer/index.js';
import { snakeCaseKeys } from '../json-keys.js';

/** What the server can do: de-identification needs nothing loaded; the others are there when loaded. */
export interface Services {
  readonly matcher: EntityMatcher | null;
  readonly tagger: NerTagger | null;
  readonly fillMask: { readonly model: BertForPretraining; readonly tokenizer: SentencePieceModel; readonly ids: SpecialIds } | null;
  readonly tokenizer: SentencePieceModel | null;
}

export interface ServerOptions {
  /** Largest request body accepted (bytes); larger ones get 413. */
  readonly maxBodyBytes: number;
  /** One line per request (method, endpoint, status, bytes, milliseconds), never its content nor the path as sent. */
  readonly log: (line: string) => void;
  /** Log the stack of an internal error too. */
  readonly debug?: boolean;
}

/**
 * The endpoints, by path: the service each needs (null: none), and the fields it reads besides "text" or "texts". Any
 * other field is refused (400): a misspelt "Mode" or "Key" would otherwise give tags instead of surrogates, or
 * surrogates that differ from the patient's other notes.
 */
const ROUTES: Readonly<Record<string, { readonly need: keyof Services | null; readonly fields: readonly string[] }>> = {
  '/deid': { need: null, fields: ['mode', 'seed', 'key'] }, '/link': { need: 'matcher', fields: ['abbreviations'] },
  '/ner': { need: 'tagger', fields: [] }, '/fill-mask': { need: 'fillMask', fields: ['top_k'] }, '/tokenize': { need: 'tokenizer', fields: [] },
};

/** The server `medbert serve` runs: an HTTP server that can stop once the requests in flight are answered. */
export interface MedbertServer extends Server {
  /**
   * Takes no new request and closes once those in flight are answered: connections without one are closed now
   * (an idle keep-alive one, or one that never sent a request), and those with one after its answer, which says
   * `Connection: close`.
   */
  closeGracefully(): void;
}

/** How to load each service, for the 503 that says it is not loaded. */
const HOW_TO_LOAD: Readonly<Record<keyof Services, string>> = {
  matcher: '--ontology FILE (or builtin)', tagger: '--ner DIR', fillMask: '--checkpoint DIR', tokenizer: '--tokenizer M.model or --checkpoint DIR',
};

/** The services loaded, by endpoint name ("deid", "link", ...), for /health and the start-up line. */
export function endpoints(services: Services): string[] {
  return Object.entries(ROUTES).filter(([, { need }]) => need === null || services[need] !== null).map(([path]) => path.slice(1));
}

/** An error answered to the client: its status and one line (and for a 405, the methods the path takes). */
class RequestError extends Error {
  constructor(readonly status: number, message: string, readonly allow?: string) {
    super(message);
  }
}

export function createMedbertServer(services: Services, options: ServerOptions): MedbertServer {
  // Model calls run one at a time: the engine's tensor scopes are not made for two requests interleaving at awaits.
  let modelQueue: Promise<unknown> = Promise.resolve();
  // Work queued for a client that has left by its turn is skipped (a large text would hold up every later request).
  const serialized = <T>(clientGone: () => boolean, work: () => Promise<T>): Promise<T> => {
    const run = (): Promise<T> => (clientGone() ? Promise.reject(new ClientGone()) : work());
    const result = modelQueue.then(run, run);
    modelQueue = result.catch(() => undefined);
    return result;
  };

  const handle = async (request: IncomingMessage, path: string, clientGone: () => boolean): Promise<unknown> => {
    if (path === '/health') {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new RequestError(405, 'use GET /health', 'GET, HEAD, OPTIONS');
      return { status: 'ok', endpoints: endpoints(services) };
    }
    if (!Object.hasOwn(ROUTES, path)) throw new RequestError(404, `no such endpoint: POST to ${Object.keys(ROUTES).join(', ')}; GET /health`);
    if (request.method !== 'POST') throw new RequestError(405, `use POST ${path} with a JSON body`, 'POST, OPTIONS');
    const { need, fields: known } = ROUTES[path]!;
    if (need !== null && services[need] === null) throw new RequestError(503, `${path.slice(1)} is not loaded: start medbert serve with ${HOW_TO_LOAD[need]}`);
    const body = await readJson(request, options.maxBodyBytes);
    const unknown = Object.keys(body).filter((k) => k !== 'text' && k !== 'texts' && !known.includes(k));
    if (unknown.length > 0) {
      throw new RequestError(400, `unknown field "${unknown[0]}": ${path} reads "text" or "texts"${known.map((k) => `, "${k}"`).join('')}`);
    }
    const each = (run: (text: string) => unknown | Promise<unknown>): Promise<unknown> => forEachText(body, run);
    switch (path) {
      case '/deid': {
        const mode = optionalString(body, 'mode') ?? 'tag';
        if (mode !== 'tag' && mode !== 'surrogate') throw new RequestError(400, `"mode" must be "tag" or "surrogate", not "${mode}"`);
        const seed = optionalString(body, 'seed');
        const key = optionalString(body, 'key');
        return each((text) => {
          const r = deidentify(text, { mode: mode as DeidMode, ...(seed === undefined ? {} : { seed }), ...(key === undefined ? {} : { key }) });
          return { text: r.text, spans: r.spans };
        });
      }
      case '/link': {
        const abbreviations = optionalBoolean(body, 'abbreviations') ?? true;
        return each((text) => ({ spans: linkText(services.matcher as EntityMatcher, text, abbreviations) }));
      }
      case '/ner':
        return each((text) => serialized(clientGone, async () => {
          const [doc] = await (services.tagger as NerTagger).predict([{ id: 'text', text, mentions: [] }]);
          return { entities: doc?.mentions ?? [] };
        }));
      case '/fill-mask': {
        const topK = optionalInteger(body, 'top_k') ?? 5;
        if (topK < 1 || topK > 1000) throw new RequestError(400, '"top_k" must be between 1 and 1000');
        const f = services.fillMask as NonNullable<Services['fillMask']>;
        return each((text) => serialized(clientGone, () => fillMask(f.model, f.tokenizer, f.ids, text, topK)));
      }
      default: { // '/tokenize'
        const sp = services.tokenizer as SentencePieceModel;
        // Pieces as spm_encode prints them: an unknown piece shows the text it covers.
        return each((text) => ({ ids: [...sp.encode(text)], pieces: sp.encodeAsPieces(text) }));
      }
    }
  };

  // Connections, and those with a request being answered: what a graceful stop closes now, and what after its answer.
  const connections = new Set<Socket>();
  const answering = new Map<Socket, number>(); // requests being answered, by connection (pipelined ones count each)
  let stopping = false;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    let received = 0;
    let logged = false;
    const socket = request.socket;
    answering.set(socket, (answering.get(socket) ?? 0) + 1);
    request.on('data', (chunk: Buffer) => { received += chunk.length; });
    // The endpoint's name, never the path as sent: an unknown path, or a query string, could hold text.
    const path = pathOf(request);
    const route = routeName(path);
    const log = (outcome: string, sent: number): void => {
      if (logged) return; // one line per request, however it ends
      logged = true;
      options.log(`${request.method ?? '?'} ${route} ${outcome}: ${received} B in, ${sent} B out, ${(performance.now() - started).toFixed(1)} ms`);
    };
    response.on('close', () => {
      log('client closed the connection', 0); // unless the answer was logged
      const left = (answering.get(socket) ?? 1) - 1;
      if (left > 0) answering.set(socket, left);
      else answering.delete(socket);
      // After the answer: a client still sending its body gets it, not a reset; one that keeps its side open is cut
      // off a little later, so that it cannot hold the stop.
      if (stopping && left <= 0) {
        socket.end();
        setTimeout(() => socket.destroy(), 2000).unref();
      }
    });
    const answer = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      if (response.destroyed) return log('client closed the connection', 0);
      const json = status === 204 ? '' : JSON.stringify(snakeCaseKeys(value)) + '\n';
      const length = Buffer.byteLength(json);
      // HEAD: the headers of GET's answer (its length too), without the body. 204: no body, no length.
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8', ...(status === 204 ? {} : { 'content-length': String(length) }), ...headers,
        ...(stopping ? { connection: 'close' } : {}),
      });
      response.end(request.method === 'HEAD' ? '' : json);
      log(String(status), request.method === 'HEAD' ? 0 : length);
    };
    if (request.method === 'OPTIONS' && (path === '/health' || Object.hasOwn(ROUTES, path))) {
      return answer(204, null, { allow: path === '/health' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS' });
    }
    handle(request, path, () => response.destroyed).then((value) => answer(200, value), (error: unknown) => {
      if (error instanceof ClientGone) return answer(499, null);
      if (error instanceof RequestError) {
        return answer(error.status, { error: error.message }, {
          ...(error.allow === undefined ? {} : { allow: error.allow }), ...(error.status === 413 ? { connection: 'close' } : {}),
        });
      }
      // A text the model cannot take (no [MASK], too long) is the client's to fix.
      if (error instanceof MedbertError) return answer(422, { error: error.message });
      if (response.destroyed || request.destroyed) return answer(499, null); // the client left while its body was read
      if (options.debug === true && error instanceof Error) options.log(error.stack ?? error.message);
      return answer(500, { error: 'internal error (the server logs it with --debug)' });
    });
  }) as MedbertServer;
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  server.closeGracefully = (): void => {
    stopping = true;
    server.close();
    for (const socket of connections) if (!answering.has(socket)) socket.destroy();
  };
  return server;
}

/** Thrown for a queued model call whose client has left. */
class ClientGone extends Error {}

/** The endpoint named in a log line: a known path, or "(other path)". */
function routeName(path: string): string {
  return path === '/health' || Object.hasOwn(ROUTES, path) ? path : '(other path)';
}

/** The request's path: its target up to a query string (not parsed as a URL, which a malformed target fails). */
function pathOf(request: IncomingMessage): string {
  // An absolute-form target ("http://host:8080/deid", RFC 9112 3.2.2) names the path after its authority.
  const target = (request.url ?? '/').replace(/^https?:\/\/(?:[\w.-]+|\[[\da-f:.]+\])(?::\d+)?(?=[/?#]|$)/i, '') || '/';
  const query = target.search(/[?#]/);
  return query < 0 ? target : target.slice(0, query);
}

/** The request's body as a JSON object; 413 past `limit` bytes, 400 when it is no JSON object. */
async function readJson(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  // A body over the limit is read to its end and dropped, so the client gets the 413 rather than a reset connection.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new RequestError(413, `the body is over ${limit} bytes (medbert serve --max-body-mb)`);
  let body: unknown;
  try {
    // Invalid UTF-8 is replaced by U+FFFD, as the commands read files.
    body = JSON.parse(new TextDecoder('utf-8').decode(Buffer.concat(chunks)));
  } catch (error) {
    throw new RequestError(400, `the body is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestError(400, 'the body must be a JSON object: {"text": "..."}');
  return body as Record<string, unknown>;
}

/** `run` over {"text": "..."} (its result) or {"texts": ["...", ...]} ({"results": [...]}, in order). */
async function forEachText(body: Record<string, unknown>, run: (text: string) => unknown | Promise<unknown>): Promise<unknown> {
  if (typeof body['text'] === 'string') return run(body['text']);
  const texts = body['texts'];
  if (Array.isArray(texts) && texts.every((t) => typeof t === 'string')) {
    const results: unknown[] = [];
    for (const [i, text] of (texts as string[]).entries()) {
      try {
        results.push(await run(text));
      } catch (error) {
        throw error instanceof MedbertError ? new MedbertError(`texts[${i}]: ${error.message}`) : error;
      }
    }
    return { results };
  }
  throw new RequestError(400, 'give "text": a string, or "texts": an array of strings');
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RequestError(400, `"${name}" must be a string`);
  return value;
}

function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new RequestError(400, `"${name}" must be true or false`);
  return value;
}

function optionalInteger(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new RequestError(400, `"${name}" must be an integer`);
  return value;
}
