import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EndpointEmbedder, type EndpointOptions } from '../../src/embed/endpoint.js';
import { Engine } from '../../src/engine.js';
import { runCli } from '../../src/cli/main.js';
import { makeWorkspace } from '../support/workspace.js';

// A scripted OpenAI-compatible embeddings server on 127.0.0.1: each test says how it answers.
type Behaviour = (body: { input: string[]; input_type?: string }, res: ServerResponse, call: number) => void;
let behaviour: Behaviour;
let calls: { input: string[]; input_type?: string; authorization?: string }[] = [];
let server: Server;
let url: string;

const DIMS = 8;
const vectorFor = (text: string) => Array.from({ length: DIMS }, (_, i) => ((text.charCodeAt(i % text.length) * (i + 1)) % 17) + 1);
const answer = (res: ServerResponse, input: string[], dims = DIMS) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({ object: 'list', data: input.map((text, index) => ({ object: 'embedding', index, embedding: vectorFor(text).slice(0, dims) })) }),
  );

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { input: string[]; input_type?: string };
      calls.push({ ...body, authorization: req.headers.authorization });
      behaviour(body, res, calls.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  calls = [];
  behaviour = (body, res) => answer(res, body.input);
});

const options = (extra: Partial<EndpointOptions> = {}): EndpointOptions => ({
  url,
  model: 'test-e5',
  sendInputType: false,
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  retries: 3,
  timeoutMs: 2_000,
  ...extra,
});

describe('the OpenAI-compatible embeddings endpoint', () => {
  it('embeds in batches, normalised, with prefixes or with input_type, and an API key', async () => {
    const withPrefixes = await EndpointEmbedder.connect(options({ batchSize: 2, apiKey: 'secret' }));
    expect(withPrefixes.dimensions).toBe(DIMS);
    const vectors = await withPrefixes.embedPassages(['a', 'b', 'c']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(calls.slice(1).map((c) => c.input)).toEqual([['passage: a', 'passage: b'], ['passage: c']]);
    expect(calls[1]!.authorization).toBe('Bearer secret');
    await withPrefixes.embedQuery('q');
    expect(calls.at(-1)!.input).toEqual(['query: q']);

    // A server that adds the model's prompts itself gets the side, and never a second prefix.
    const sided = await EndpointEmbedder.connect(options({ sendInputType: true }));
    await sided.embedQuery('q');
    await sided.embedPassages(['p']);
    expect(calls.slice(-2)).toMatchObject([{ input: ['q'], input_type: 'query' }, { input: ['p'], input_type: 'passage' }]);
    expect(sided.modelId).not.toBe(withPrefixes.modelId);
  });

  it('retries a 429 (honouring Retry-After) and 5xx answers, then succeeds', async () => {
    behaviour = (body, res, call) => {
      if (call === 1) return res.writeHead(429, { 'retry-after': '0' }).end();
      if (call === 2) return res.writeHead(503).end();
      answer(res, body.input);
    };
    const embedder = await EndpointEmbedder.connect(options());
    expect(embedder.dimensions).toBe(DIMS);
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['keeps failing with 500', (_: unknown, res: ServerResponse) => res.writeHead(500).end(), /failed: HTTP 500/],
    ['answers malformed JSON', (_: unknown, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [oops'), /not an embeddings response/],
    ['refuses the request', (_: unknown, res: ServerResponse) => res.writeHead(401).end('bad key'), /HTTP 401: bad key/],
  ] as const)('fails with one clear error naming the URL when the server %s', async (_name, reply, message) => {
    behaviour = reply;
    const failure = EndpointEmbedder.connect(options({ retries: 1 }));
    await expect(failure).rejects.toMatchObject({ code: 'embeddings-unreachable' });
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow(url);
  });

  it('gives up on a server that hangs, within its time limit', async () => {
    behaviour = () => {}; // never answers
    const started = Date.now();
    await expect(EndpointEmbedder.connect(options({ retries: 0, timeoutMs: 300 }))).rejects.toThrow(/no answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses vectors of the wrong size', async () => {
    const embedder = await EndpointEmbedder.connect(options());
    behaviour = (body, res) => answer(res, body.input, DIMS - 1);
    await expect(embedder.embedPassages(['x'])).rejects.toThrow(/vectors of 7 numbers where 8 were expected/);
  });
});

describe('the engine with an embeddings endpoint', () => {
  it('builds a hybrid index recording backend, model and size; a different model rebuilds the vectors', async () => {
    const workspace = makeWorkspace({ env: { DOSSIER_EMBEDDINGS: 'true', DOSSIER_EMBEDDINGS_URL: url, DOSSIER_EMBEDDINGS_MODEL: 'test-e5' } });
    const engine = await Engine.open(workspace.config);
    expect(engine.mode).toBe('hybrid');
    expect(engine.searchIndex.manifest.model).toEqual({ backend: 'endpoint', id: 'test-e5 (prefixes "query: ", "passage: ")', dimensions: DIMS });
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    const other = makeWorkspace({ env: { ...workspace.env, DOSSIER_EMBEDDINGS_MODEL: 'other-model', DOSSIER_CORPUS_DIR: workspace.corpusDir } });
    const reopened = await Engine.open({ ...other.config, dataDir: workspace.dataDir });
    expect(reopened.openingReport?.written).toBe(true);
    expect(reopened.searchIndex.manifest.model?.id).toBe('other-model');
    workspace.cleanup();
    other.cleanup();
  });

  it('an unreachable server: index fails naming the URL, ask answers on keywords with a note', async () => {
    const workspace = makeWorkspace({ env: { DOSSIER_EMBEDDINGS: 'true', DOSSIER_EMBEDDINGS_URL: 'http://127.0.0.1:9/v1' } });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), env: workspace.env, cwd: workspace.root };
    expect(await runCli(['index'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^Error: The embeddings server at http:\/\/127\.0\.0\.1:9\/v1\/embeddings failed/m);
    out.length = 0;
    expect(await runCli(['ask', 'When did US troops leave Agadez?'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Keyword-only mode: The embeddings server at http:\/\/127\.0\.0\.1:9\/v1\/embeddings failed/);
    workspace.cleanup();
  }, 20_000);
});
