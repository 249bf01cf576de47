import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cite, type ScoredSentence } from '../../src/answer/answer.js';
import { Engine } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { makeWorkspace } from '../support/workspace.js';

const workspace = makeWorkspace();
let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
});
afterAll(() => workspace.cleanup());

describe('answers over the bundled corpus, keyword-only', () => {
  it('answers the README question with a cited quote from the AFP article', async () => {
    const result = await engine.ask('When did US troops leave Agadez?');
    expect(result).toMatchObject({ abstained: false, mode: 'keyword' });
    expect(result.citations[0]).toMatchObject({ n: 1, source: 'AFP', published: '2024-07' });
    expect(result.citations.some((c) => c.quote.includes('Agadez'))).toBe(true);
    expect(result.answer).toContain('[1]');
  });

  it('answers in French questions too', async () => {
    const result = await engine.ask('Combien de militaires américains ont quitté le Niger ?');
    expect(result.citations.some((c) => c.quote.includes('766'))).toBe(true);
  });

  it('answers "how many" with a number the question does not already hold', async () => {
    const small = makeWorkspace({ corpus: false });
    mkdirSync(small.corpusDir, { recursive: true });
    writeFileSync(
      path.join(small.corpusDir, 'base.md'),
      '---\ntitle: La base 201\n---\nLa base aérienne 201 a été construite près d’Agadez par les États-Unis.\nSa construction a coûté environ 110 millions de dollars selon le Pentagone.\n',
    );
    const other = await Engine.open(small.config, { embedder: { embedder: null, unavailable: 'test' } });
    const result = await other.ask('Combien a coûté la construction de la base 201 ?');
    small.cleanup();
    expect(result.citations[0]!.quote).toContain('110 millions');
  });

  it('every quote is verbatim from its article, at its offsets', async () => {
    for (const question of ['Who is the US ambassador to Niger?', 'Quand a eu lieu le coup d’État ?', 'Which alliance did Niger, Burkina and Mali create?']) {
      for (const c of (await engine.ask(question)).citations) {
        const article = engine.searchIndex.articles.get(c.docId)!;
        expect(article.text.slice(c.start, c.end)).toBe(c.quote);
        expect(article.title).toBe(c.title);
      }
    }
  });

  it.each(['When did Germany withdraw its troops from Niger?', 'Quelle est la capitale du Tchad ?', 'What is the weather like in Niamey today?'])(
    'abstains on %s',
    async (question) => {
      const result = await engine.ask(question);
      expect(result.abstained).toBe(true);
      expect(result.citations).toEqual([]);
      expect(result.answer).toMatch(/I don't find this in the articles|Je ne trouve pas cela dans les articles/);
    },
  );

  it('refuses empty, symbol-only and over-long questions', async () => {
    await expect(engine.ask('   ')).rejects.toThrow(UserError);
    await expect(engine.ask('¿¡…!?')).rejects.toThrow(/no words/);
    await expect(engine.ask('why '.repeat(200))).rejects.toThrow(/too long/);
  });
});

describe('cite', () => {
  it('drops a quote that is not the article text at its offsets', async () => {
    const { scored } = await engine.search('When did US troops leave Agadez?');
    const genuine = scored[0]!;
    const altered: ScoredSentence = { ...genuine, text: genuine.text.replace('juillet', 'juin') };
    const shifted: ScoredSentence = { ...genuine, span: { start: genuine.span.start + 1, end: genuine.span.end + 1 } };
    const citations = cite([altered, genuine, shifted]);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({ n: 1, quote: genuine.text });
  });
});

describe('"when" questions', () => {
  it('lead with the dates the quotes give, as the timeline reads them', async () => {
    const result = await engine.ask('When did US troops leave Agadez?');
    expect(result.lead).toBe('Early July 2024; early August 2024 (expected)');
    expect(result.answer.startsWith(`${result.lead}\n“`)).toBe(true);
    expect((await engine.ask('When was the military cooperation agreement with the United States signed?')).lead).toMatch(/^2012/);
    expect((await engine.ask('Who is the US ambassador to Niger?')).lead).toBeUndefined();
    expect((await engine.ask('Quand les soldats américains ont-ils quitté Agadez ?')).lead).toBe('Début juillet 2024; début août 2024 (prévu)');
  });
});
