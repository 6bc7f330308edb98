import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import test from 'node:test';
import { specialIds } from '../../src/data/special-tokens.js';
import { deidentify } from '../../src/deid/index.js';
import { snakeCaseKeys } from '../../src/json-keys.js';
import { BertForPretraining, presetConfig } from '../../src/model/index.js';
import { builtinMatcher, linkWithAbbreviations } from '../../src/ontology/index.js';
import { linkText } from '../../src/ontology/link-text.js';
import { createMedbertServer, type Services } from '../../src/serve/server.js';
import { fillMask } from '../../src/tasks/fill-mask.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { repoRoot } from '../helpers/shared-data.js';

const NOTE = 'Seen by Dr. Orvel Ostrander on 3/14/2021 at 12 Orchard Street, Springfield, MA 01105.';
const TEXT = 'Patients with atrial fibrillation (AF) received warfarin.';
/** A library result as the server sends it: JSON, with snake_case field names. */
const asSent = (value: unknown): unknown => JSON.parse(JSON.stringify(snakeCaseKeys(value)));

async function withServer(services: Services, run: (url: string, log: string[]) => Promise<void>, maxBodyBytes = 1e6): Promise<void> {
  const log: string[] = [];
  const server = createMedbertServer(services, { maxBodyBytes, log: (line) => log.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, log);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, json: await response.json() as Record<string, unknown> };
}

test('the server answers what the library gives: de-identification, linking, fill-mask, tokenizing, one text or several', async () => {
  const tokenizer = SentencePieceModel.fromBytes(new Uint8Array(readFileSync(join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'))));
  const ids = specialIds(tokenizer, 'fixture');
  const config = presetConfig('tiny', { vocab_size: tokenizer.vocabSize, hidden_size: 16, num_hidden_layers: 1, num_attention_heads: 2,
    intermediate_size: 32, pad_token_id: ids.pad, unk_token_id: ids.unk, cls_token_id: ids.cls, sep_token_id: ids.sep, mask_token_id: ids.mask });
  const model = new BertForPretraining(new Engine(new ReferenceBackend()), config, new Rng(1), new Rng(2));
  const matcher = await builtinMatcher();
  const services: Services = { matcher, tagger: null, fillMask: { model, tokenizer, ids }, tokenizer };
  await withServer(services, async (url, log) => {
    assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'ok', endpoints: ['deid', 'link', 'fill-mask', 'tokenize'] });

    const tagged = deidentify(NOTE);
    assert.deepEqual(await post(`${url}/deid`, { text: NOTE }), { status: 200, json: { text: tagged.text, spans: tagged.spans } });
    assert.ok(tagged.spans.length >= 3);
    const surrogate = deidentify(NOTE, { mode: 'surrogate', seed: 's1' });
    const batch = await post(`${url}/deid`, { texts: [NOTE, 'Call 617-555-0123.'], mode: 'surrogate', seed: 's1' });
    assert.equal(batch.status, 200);
    assert.deepEqual((batch.json['results'] as { text: string }[]).map((r) => r.text), [surrogate.text, deidentify('Call 617-555-0123.', { mode: 'surrogate', seed: 's1' }).text]);

    const linkedOne = (await post(`${url}/link`, { text: TEXT })).json;
    assert.deepEqual(linkedOne, asSent({ spans: linkWithAbbreviations(matcher, TEXT) }));
    assert.equal((linkedOne['spans'] as Record<string, unknown>[])[0]?.['preferred_name'], 'Atrial Fibrillation', 'snake_case, as medbert link --json');
    const masked = 'Patients with type 2 [MASK] were given metformin.';
    const filled = await post(`${url}/fill-mask`, { text: masked, top_k: 3 });
    assert.equal(filled.status, 200);
    assert.deepEqual(filled.json, asSent(await fillMask(model, tokenizer, ids, masked, 3)));
    const tokens = await post(`${url}/tokenize`, { text: 'Aspirin 81 mg' });
    assert.deepEqual(tokens.json['ids'], [...tokenizer.encode('Aspirin 81 mg')]);

    // The log has one line per request, and none of the text.
    assert.equal(log.length, 6, log.join('\n'));
    for (const line of log) assert.doesNotMatch(line, /Ostrander|Orchard|fibrillation|Aspirin|metformin/);
    assert.match(log[1]!, /^POST \/deid 200: \d+ B in, \d+ B out, [\d.]+ ms$/);

    // Paragraph by paragraph, as medbert link reads a file: an abbreviation defined in one is not linked in the next.
    const twoParagraphs = 'Atrial fibrillation (AFL) was seen; AFL recurred.\n\nAFL progressed; warfarin was given.';
    const linked = (await post(`${url}/link`, { text: twoParagraphs })).json['spans'] as { start: number; text: string }[];
    assert.deepEqual(linked, asSent(linkText(matcher, twoParagraphs)));
    assert.deepEqual(linked.map((span) => span.text), ['Atrial fibrillation', 'AFL', 'AFL', 'warfarin']);
    assert.ok(((await post(`${url}/link`, { text: TEXT, abbreviations: false })).json['spans'] as unknown[]).length < linkWithAbbreviations(matcher, TEXT).length);
    // Pieces as spm_encode prints them (an unknown piece shows its text); a batch's error names the text.
    assert.deepEqual((await post(`${url}/tokenize`, { text: 'Ω 😀 ok' })).json['pieces'], tokenizer.encodeAsPieces('Ω 😀 ok'));
    assert.deepEqual(await post(`${url}/fill-mask`, { texts: [masked, 'no mask here'] }), { status: 422, json: { error: 'texts[1]: the text has no [MASK] token' } });
  });
  model.dispose();
});

/** Sends `request` as it is on a socket of its own; the reply, whole. */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let reply = '';
    const socket = connect(Number(port), hostname, () => socket.end(request));
    socket.on('data', (d: Buffer) => { reply += d.toString(); });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

test('the server refuses what it cannot answer with a status and one line, and logs no text of it', async () => {
  const services: Services = { matcher: null, tagger: null, fillMask: null, tokenizer: null };
  await withServer(services, async (url, log) => {
    // A request target that is no URL, or an unknown path, holding a name: answered, and kept out of the log.
    assert.match(await raw(url, 'GET http://[x/deid?text=Orvel%20Ostrander HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1\.1 404 /);
    assert.equal((await post(`${url}/deid/Orvel%20Ostrander`, { text: 'x' })).status, 404);
    assert.equal((await fetch(`${url}/health?name=Orvel`)).status, 200);
    for (const line of log) assert.doesNotMatch(line, /Orvel|Ostrander/);
    assert.match(log[0]!, /^GET \(other path\) 404: /);
    // HEAD and OPTIONS; a 405 names the methods the path takes.
    const head = await fetch(`${url}/health`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(await (await fetch(`${url}/health`)).text())), 'HEAD: GET\'s length');
    const options = await fetch(`${url}/deid`, { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'POST, OPTIONS');
    assert.equal(options.headers.get('content-length'), null, 'a 204 has no length');
    assert.equal((await fetch(`${url}/nowhere`, { method: 'OPTIONS' })).status, 404);
    assert.equal((await fetch(`${url}/deid`)).headers.get('allow'), 'POST, OPTIONS');
    // An absolute-form target (RFC 9112 3.2.2) names its path.
    assert.match(await raw(url, `GET ${url}/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), /^HTTP\/1\.1 200 /);
    // A field the endpoint does not read is refused: "Mode" would give tags where surrogates were asked for.
    assert.deepEqual(await post(`${url}/deid`, { text: 'x', Mode: 'surrogate' }),
      { status: 400, json: { error: 'unknown field "Mode": /deid reads "text" or "texts", "mode", "seed", "key"' } });
    // A body over the limit, sent without waiting for a 100-continue, still gets its 413.
    assert.match(await raw(url, `POST /deid HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n${'x'.repeat(5000)}`), /^HTTP\/1\.1 413 /);
    assert.deepEqual(await post(`${url}/ner`, { text: 'x' }), { status: 503, json: { error: 'ner is not loaded: start medbert serve with --ner DIR' } });
    assert.equal((await post(`${url}/deid`, 'not json')).status, 400);
    assert.match(String((await post(`${url}/deid`, { texts: [1] })).json['error']), /give "text": a string, or "texts": an array of strings/);
    assert.match(String((await post(`${url}/deid`, { text: 'x', mode: 'other' })).json['error']), /"mode" must be "tag" or "surrogate"/);
    assert.equal((await post(`${url}/deid`, { text: 'x'.repeat(2000) })).status, 413);
    assert.equal((await fetch(`${url}/deid`)).status, 405);
    assert.equal((await fetch(`${url}/nowhere`)).status, 404);
    assert.equal((await post(`${url}/deid`, { text: 'Seen by Dr. Orvel Ostrander.' })).status, 200, 'still serving');
  }, 1000);
});

test('medbert serve listens where it says and answers; SIGTERM lets a request in flight finish, then it exits 0', { skip: process.platform === 'win32' }, async () => {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), 'serve', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const { url, endpoints } = JSON.parse(stdout) as { url: string; endpoints: string[] };
    assert.deepEqual(endpoints, ['deid']);
    assert.match(stderr, new RegExp(`medbert serve: listening on ${url.replaceAll('.', '\\.')} \\(deid\\); Ctrl-C stops`));
    assert.equal((await post(`${url}/deid`, { text: NOTE })).json['text'], deidentify(NOTE).text);

    // A request whose body is half sent when SIGTERM comes: it is still answered, then the server stops.
    const body = JSON.stringify({ text: NOTE });
    const { hostname, port } = new URL(url);
    const reply = new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /deid HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => socket.end(body.slice(10)), 300);
        }, 200);
      });
      socket.on('data', (d: Buffer) => { text += d.toString(); });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const answer = await reply;
    assert.match(answer, /^HTTP\/1\.1 200 /);
    assert.ok(answer.includes(JSON.stringify(deidentify(NOTE).text)));
    assert.equal(await exited, 0);
    assert.match(stderr, /medbert serve: SIGTERM: no new requests; answering those in flight \(SIGTERM again to quit at once\)\nmedbert serve: POST \/deid 200: .*\nmedbert serve: stopped\n$/);
  } finally {
    child.kill('SIGKILL');
  }
});

test('a graceful stop closes connections without a request at once, answers the one in flight with Connection: close, then closes', async () => {
  const log: string[] = [];
  const server = createMedbertServer({ matcher: null, tagger: null, fillMask: null, tokenizer: null }, { maxBodyBytes: 1e6, log: (line) => log.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const open = (): Promise<Socket> => new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
  // One connection that never sends a request (a browser's spare one, a probe), one idle after an answer (keep-alive),
  // and one whose request's body is still coming when the stop comes.
  const silent = await open();
  await fetch(`http://127.0.0.1:${port}/health`);
  const busy = await open();
  let reply = '';
  busy.on('data', (d: Buffer) => { reply += d.toString(); });
  const body = JSON.stringify({ text: 'Seen by Dr. Orvel Ostrander on 3/14/2021.' });
  busy.write(`POST /deid HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  server.closeGracefully();
  const silentEnded = new Promise<void>((resolve) => silent.on('close', () => resolve()));
  const busyEnded = new Promise<void>((resolve) => busy.on('close', () => resolve()));
  busy.write(body.slice(10));
  await Promise.all([silentEnded, busyEnded, closed]);
  assert.match(reply, /^HTTP\/1\.1 200 /);
  assert.match(reply, /\r\nconnection: close\r\n/i);
  assert.match(reply, /\[NAME\]/);
  assert.equal(log.filter((line) => line.startsWith('POST /deid 200')).length, 1);
});

test('a client that leaves before its answer is logged once', async () => {
  await withServer({ matcher: null, tagger: null, fillMask: null, tokenizer: null }, async (url, log) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.write('POST /deid HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"text": '));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    for (let waited = 0; log.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100)); // a second line came at once after the first
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0]!, /^POST \/deid client closed the connection: /);
  });
});
