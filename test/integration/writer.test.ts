import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerText, toJson } from '../../src/cli/render.js';
import { loadConfig } from '../../src/config.js';
import { Engine, type AskResult } from '../../src/engine.js';
import { FakeChat, stream } from '../support/fake-chat.js';
import { makeWorkspace } from '../support/workspace.js';

let chat: FakeChat;
let url: string;
const requests = () => chat.requests;
let behaviour: FakeChat['behaviour'];

beforeAll(async () => {
  chat = await FakeChat.start();
  url = chat.url;
});
afterAll(() => chat.close());
beforeEach(() => {
  chat.requests = [];
  chat.behaviour = (res, call) => behaviour(res, call);
});

// One small article, so that each test knows exactly what the quotes say.
const ARTICLE = [
  '---',
  'title: Fin du retrait à Tessalit',
  'source: Agence Test',
  'published: 2024-08-07',
  'language: fr',
  '---',
  'Les deux cents derniers soldats étrangers ont quitté le 5 août 2024 la base de Tessalit, ouverte en mars 2013, a annoncé le colonel Amadou Traoré.',
  '',
  'La base avait été ouverte en 2013.',
].join('\n');
const QUESTION = 'When did the last soldiers leave the Tessalit base?';

const workspace = makeWorkspace({ corpus: false });
const warnings: string[] = [];
let engine: Engine;
let extractive: AskResult;
beforeAll(async () => {
  mkdirSync(workspace.corpusDir, { recursive: true });
  writeFileSync(path.join(workspace.corpusDir, 'retrait.md'), ARTICLE);
  const plain = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
  extractive = await plain.ask(QUESTION);
  const config = loadConfig({ ...workspace.env, DOSSIER_LLM_URL: url, DOSSIER_LLM_MODEL: 'fake-writer', DOSSIER_LLM_API_KEY: 'sk-test', DOSSIER_LLM_TIMEOUT_MS: '1500' }, workspace.root);
  engine = await Engine.open(config, { embedder: { embedder: null, unavailable: 'test' }, log: { info: () => {}, warn: (m) => warnings.push(m) } });
});
afterAll(() => workspace.cleanup());

const FAITHFUL = 'The last foreign soldiers left the Tessalit base on August 5, 2024 [1]. Colonel Amadou Traoré announced it [1].';

/** The extractive answer, exactly as without a writer: what the guard promises when nothing passes. */
function expectExtractive(result: AskResult) {
  expect(result.writer).toBeUndefined();
  expect(toJson(result)).toEqual(toJson({ ...extractive }));
  expect(toJson(result)).not.toHaveProperty('writer');
}

describe('the writer over a chat completions endpoint', () => {
  it('shows a faithful answer, cited, in the question’s language, with the verified quotes under it', async () => {
    behaviour = (res) => stream(res, FAITHFUL);
    const partials: string[][] = [];
    const result = await engine.ask(QUESTION, (partial) => partials.push(partial.writer!.sentences));
    expect(result.writer).toMatchObject({ model: 'fake-writer', accepted: 2, dropped: 0 });
    expect(result.writer!.sentences).toEqual(['The last foreign soldiers left the Tessalit base on August 5, 2024 [1].', 'Colonel Amadou Traoré announced it [1].']);
    // The quotes and the lead stay: the written text is on top of them, not instead.
    expect(result.quotes).toEqual(extractive.quotes);
    expect(result.lead).toBe(extractive.lead);
    expect(answerText(result).split('\n')).toEqual([result.writer!.sentences.join(' '), ...extractive.quotes.map((q) => `“${q.text}” [1]`)]);
    expect(toJson(result).writer).toEqual({ model: 'fake-writer', accepted: 2, dropped: 0 });
    // Streamed: each accepted sentence was shown as soon as it was checked.
    expect(partials).toEqual([[result.writer!.sentences[0]], result.writer!.sentences]);
    const request = requests()[0]!;
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.authorization).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({ model: 'fake-writer', stream: true });
    const prompt = request.body.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(`[1] “${extractive.quotes[0]!.text}” (Fin du retrait à Tessalit, Agence Test, 2024-08-07)`);
    expect(prompt).toContain(QUESTION);
    expect(prompt).toContain('in English');
  });

  it('reads the same facts in other formats: "5 août" is "the 5th of August", "deux cents" is "200"', async () => {
    behaviour = (res) => stream(res, 'They left on the 5th of August [1]. The last 200 foreign soldiers left [1].');
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 2, dropped: 0 });
  });

  it('drops a sentence with a number the quotes do not hold, and keeps the rest', async () => {
    behaviour = (res) => stream(res, `${FAITHFUL} About 300 soldiers were still there [1].`);
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 2, dropped: 1, reasons: ['unsupported-number'] });
    expect(answerText(result)).not.toContain('300');
  });

  it('drops a sentence with a date the quotes do not hold', async () => {
    behaviour = (res) => stream(res, `They left on August 15, 2024 [1]. ${FAITHFUL}`);
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 2, dropped: 1, reasons: ['unsupported-date'] });
    expect(answerText(result)).not.toContain('15');
  });

  it('shows a sentence with another date than the lead’s only beside one that states the lead’s', async () => {
    behaviour = (res) => stream(res, 'The base had opened in March 2013 [1].');
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/all-dropped.*contradicts-lead/u);
    behaviour = (res) => stream(res, `The base had opened in March 2013 [1]. ${FAITHFUL}`);
    const partials: string[][] = [];
    const result = await engine.ask(QUESTION, (partial) => partials.push(partial.writer!.sentences));
    expect(result.writer).toMatchObject({ accepted: 3, dropped: 0 });
    // Held back until the lead's date came, then shown in the model's order.
    expect(partials[0]).toHaveLength(2);
  });

  it('drops a sentence naming someone the quotes do not name', async () => {
    behaviour = (res) => stream(res, 'The last foreign soldiers left Tessalit on August 5, 2024 [1]. General John Smith ordered the withdrawal [1].');
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 1, dropped: 1, reasons: ['unsupported-name'] });
    expect(answerText(result)).not.toContain('Smith');
  });

  it('drops sentences without a citation; with nothing left, the extractive answer is shown', async () => {
    behaviour = (res) => stream(res, 'The last foreign soldiers left the Tessalit base on August 5, 2024. Colonel Amadou Traoré announced it.');
    const result = await engine.ask(QUESTION);
    expectExtractive(result);
    expect(warnings.at(-1)).toMatch(/Writer not used \(all-dropped\).*no-citation, no-citation/u);
  });

  it('drops a sentence citing a quote that was not given', async () => {
    behaviour = (res) => stream(res, 'The soldiers left on August 5, 2024 [1]. Colonel Amadou Traoré announced it [2].');
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 1, dropped: 1, reasons: ['unknown-citation'] });
  });

  it('drops a sentence repeating the prompt’s instructions, as a small base model does', async () => {
    behaviour = (res) => stream(res, `End every sentence with the number of the quote it comes from in square brackets, like [1]. ${FAITHFUL}`);
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 2, dropped: 1, reasons: ['echoes-prompt'] });
  });

  it('drops sentences in another language than the question’s', async () => {
    behaviour = (res) => stream(res, 'Les derniers soldats étrangers ont quitté la base de Tessalit le 5 août 2024, selon le colonel [1].');
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/wrong-language/u);
  });

  it('reads no more than three sentences, and stops the model there', async () => {
    behaviour = (res) => stream(res, `${FAITHFUL} There were two hundred of them [1]. It was a base [1]. It closed [1].`);
    const result = await engine.ask(QUESTION);
    expect(result.writer).toMatchObject({ accepted: 3, dropped: 0 });
    expect(result.writer!.sentences.at(-1)).toBe('There were two hundred of them [1].');
  });

  it('shows the extractive answer when the model is slower than the time limit', async () => {
    behaviour = (res) => stream(res, FAITHFUL, 200);
    const started = Date.now();
    const result = await engine.ask(QUESTION);
    expect(Date.now() - started).toBeLessThan(4000);
    expectExtractive(result);
    expect(warnings.at(-1)).toMatch(/Writer not used \(timeout\)/u);
  });

  it('shows the extractive answer when no reply header comes in time', async () => {
    behaviour = () => {}; // never answers
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/\(timeout\)/u);
  });

  it('retries once on a 503, then writes', async () => {
    behaviour = (res, call) => (call === 1 ? res.writeHead(503).end() : stream(res, FAITHFUL));
    const result = await engine.ask(QUESTION);
    expect(requests()).toHaveLength(2);
    expect(result.writer?.accepted).toBe(2);
  });

  it('shows the extractive answer on HTTP errors', async () => {
    behaviour = (res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/\(http-error\).*HTTP 401/u);
    behaviour = (res) => res.writeHead(500).end();
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/\(http-error\).*HTTP 500/u);
  });

  it('shows the extractive answer on malformed JSON, streamed or not', async () => {
    behaviour = (res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: {"choices": [{"delta": {"content": "The last [1]. "}}]}\n\ndata: {not json\n\n');
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/\(malformed\)/u);
    behaviour = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [{"message": ');
    expectExtractive(await engine.ask(QUESTION));
    expect(warnings.at(-1)).toMatch(/\(malformed\)/u);
  });

  it('accepts a server that ignores `stream` and answers in one JSON piece', async () => {
    behaviour = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: FAITHFUL } }] }));
    expect((await engine.ask(QUESTION)).writer?.accepted).toBe(2);
  });

  it('counts every dropped sentence and fallback by reason', () => {
    expect(engine.writerTally.get('unsupported-number')).toBe(1);
    expect(engine.writerTally.get('fallback:timeout')).toBe(2);
    expect(engine.writerTally.get('fallback:malformed')).toBe(2);
    expect(engine.writerTally.get('no-citation')).toBe(2);
    // What an admin's /status shows: the endpoint and model, and the same tally.
    expect(engine.status().writer).toMatchObject({ endpoint: expect.stringContaining('127.0.0.1'), dropped: { 'unsupported-number': 1, 'no-citation': 2 } });
  });

  it('writes nothing for a refusal: no request is sent', async () => {
    behaviour = (res) => stream(res, FAITHFUL);
    const result = await engine.ask('What is the price of bread in Oslo?');
    expect(result.refusal).toBeDefined();
    expect(requests()).toHaveLength(0);
  });
});

describe('the writer’s configuration', () => {
  it('is off unless DOSSIER_LLM_URL is set, and wants a model name with it', () => {
    expect(workspace.config.writer).toBeUndefined();
    expect(() => loadConfig({ ...workspace.env, DOSSIER_LLM_URL: url }, workspace.root)).toThrow(/DOSSIER_LLM_MODEL/u);
    expect(loadConfig({ ...workspace.env, DOSSIER_LLM_URL: url, DOSSIER_LLM_MODEL: 'm' }, workspace.root).writer).toEqual({ url, model: 'm', apiKey: undefined, timeoutMs: 8000 });
  });
});
