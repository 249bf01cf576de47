import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { makeWorkspace } from '../support/workspace.js';

const workspace = makeWorkspace();
afterAll(() => workspace.cleanup());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: workspace.env, cwd: workspace.root });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the CLI contract', () => {
  it('index builds the index and reports what changed, then nothing to do', async () => {
    const first = await cli('index');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Index updated: added 5, updated 0, removed 0, unchanged 0; \d+ chunks\./);
    expect(first.out).toContain('Mode: keyword-only.');
    expect(first.err).toMatch(/Keyword-only mode: embeddings are turned off/);
    const second = await cli('index');
    expect(second.out).toMatch(/Index already up to date \(5 articles/);
  });

  it('ask prints the answer with numbered sources and says it is keyword-only', async () => {
    const { code, out } = await cli('ask', 'When did US troops leave Agadez?');
    expect(code).toBe(0);
    expect(out).toMatch(/^Early August 2024 \(planned, as reported in July 2024\)\n“.*août.*” \[1\]/m);
    expect(out).toContain('Sources:\n[1] Niger : le retrait des soldats américains sera achevé début août — AFP, 2024-07');
    expect(out).toContain('(Keyword-only mode:');
  });

  it('a question in a third language gets an English refusal naming the languages read, not a French one', async () => {
    const { code, out } = await cli('ask', '¿Cuándo se fueron las tropas estadounidenses de Agadez?');
    expect(code).toBe(0);
    expect(out).toMatch(/^I read questions in English or French/);
    expect(out).not.toMatch(/Je |Essayez/);
  });

  it('ask --json prints exactly one JSON object of the documented shape', async () => {
    const { code, out } = await cli('ask', '--json', 'How many American soldiers had left Niger?');
    expect(code).toBe(0);
    expect(out.split('\n')).toHaveLength(1);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['question', 'lead', 'answer', 'abstained', 'mode', 'citations']);
    expect(result).toMatchObject({ abstained: false, mode: 'keyword' });
    for (const citation of result.citations) {
      expect(Object.keys(citation)).toEqual(['n', 'title', 'source', 'url', 'published', 'quote']);
    }
    expect(result.citations.some((c: { quote: string }) => c.quote.includes('766'))).toBe(true);
  });

  it('ask --json --batch answers every line, with an error object for a bad one', async () => {
    const batch = path.join(workspace.root, 'batch.jsonl');
    writeFileSync(batch, ['{"id":"a","question":"Who is the US ambassador to Niger?"}', 'not json', '{"id":"c","question":"   "}', '{"id":"d","question":"Quelle est la capitale du Tchad ?"}', 'null', ''].join('\n'));
    const { code, out } = await cli('ask', '--json', '--batch', batch);
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', abstained: false });
    expect(lines[0].citations[0].quote).toContain('FitzGibbon');
    expect(lines[1]).toEqual({ id: null, error: 'line 2 is not valid JSON' });
    expect(lines[2]).toMatchObject({ id: 'c', error: expect.stringMatching(/empty/) });
    expect(lines[3]).toMatchObject({ id: 'd', abstained: true, citations: [] });
    expect(lines[4]).toEqual({ id: null, error: 'line 5 is not a JSON object' });
  });

  it('refuses a question without words before building any index, and a set that is not JSON in one line', async () => {
    const fresh = makeWorkspace();
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), env: fresh.env, cwd: fresh.root };
    expect(await runCli(['ask', '?!…'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^Error: The question has no words in it/m);
    expect(existsSync(fresh.dataDir)).toBe(false);
    const set = path.join(fresh.root, 'set.jsonl');
    writeFileSync(set, '{"id": "x", "question": "q", "answerable": false}\n{broken\n');
    expect(await runCli(['eval', '--set', set], io)).toBe(2);
    expect(err.at(-1)).toBe(`Error: ${set} line 2 is not valid JSON.`);
    fresh.cleanup();
  });

  it.each([
    [['ask', '--jsn', 'x'], /Unknown option --jsn/],
    [['ask'], /Ask a question/],
    [['ask', '--batch', 'x.jsonl'], /add --json/],
    [['ask', '--json', '--batch', 'missing.jsonl'], /Cannot read the batch file/],
    [['ask', 'x'.repeat(600)], /too long/],
    [['frobnicate'], /Unknown command|Commands: index, ask/],
  ])('refuses %j with one clear line and exit code 2', async (args, message) => {
    const { code, err, out } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('a bad configuration value is one clear line', async () => {
    const err: string[] = [];
    const code = await runCli(['ask', 'x'], { err: (t) => err.push(t), env: { ...workspace.env, DOSSIER_MAX_QUESTION_CHARS: 'many' }, cwd: workspace.root });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^Error: Invalid configuration: DOSSIER_MAX_QUESTION_CHARS/);
  });

  it('eval prints the three figures', async () => {
    const { code, out } = await cli('eval');
    expect(code).toBe(0);
    expect(out).toMatch(/Retrieval recall@5: \d+\.\d%/);
    expect(out).toMatch(/Answered with the expected fact and a correct citation: \d+\.\d%/);
    expect(out).toMatch(/Abstained when the corpus has no answer: \d+\.\d%/);
  });
});
