import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, leadAgrees, withExtraCorpus } from '../../src/cli/commands/eval.js';
import { Engine } from '../../src/engine.js';
import { makeWorkspace } from '../support/workspace.js';

describe('leadAgrees: the lead line says the expected fact', () => {
  it.each([
    ['Early August 2024 (planned)', 'début août', true],
    ['Early July 2024', 'début août', false],
    ['19 May 2024', '19 mai 2024', true],
    ['About 200 people', 'environ 200 personnes', true],
    ['766 troops', '950', false],
    ['Environ 1 000 soldats', '1000', true],
    ['Ken Ekman', 'Ken Ekman', true],
    ['Kathleen FitzGibbon', 'Ken Ekman', false],
    ['“Le retrait se veut ordonné et responsable” [1]', 'ordonné et responsable', true],
    ['“Les discussions se poursuivent” [1]', 'ordonné et responsable', false],
    ['7 agreements', 'sept accords', true],
    ['Sept accords', '7 accords', true],
    ['6 agreements', 'sept accords', false],
  ])('%j for %j: %s', (lead, fact, agrees) => {
    expect(leadAgrees(lead, fact)).toBe(agrees);
  });
});

describe('eval --extra-corpus: articles added beside the corpus, in a temporary index', () => {
  const workspace = makeWorkspace();
  afterAll(() => workspace.cleanup());

  it('answers from the added article and leaves the corpus and its index untouched', async () => {
    const extra = path.join(workspace.root, 'extra');
    mkdirSync(extra);
    writeFileSync(
      path.join(extra, 'remise-base.md'),
      '---\ntitle: "La base remise"\nsource: "Agence test"\npublished: "2024-08-06"\nlanguage: fr\n---\nLes derniers soldats américains ont quitté la base aérienne d’Agadez, remise lundi 5 août 2024 aux autorités nigériennes.\n',
    );
    const before = readdirSync(workspace.corpusDir).sort();
    const extended = await withExtraCorpus(workspace.config, extra);
    try {
      const engine = await Engine.open(extended.config, { embedder: { embedder: null, unavailable: 'keyword mode in tests' } });
      const summary = await evaluate(engine, [
        { id: 'x', question: 'When did the last US troops leave Agadez?', answerable: true, articles: ['remise-base.md'], facts: ['5 août 2024'] },
      ]);
      expect(summary.answeredCorrectly).toBe(1);
      expect(summary.leadCorrect).toBe(1);
    } finally {
      await extended.cleanup();
    }
    expect(existsSync(extended.config.corpusDir)).toBe(false);
    expect(readdirSync(workspace.corpusDir).sort()).toEqual(before);
    expect(existsSync(workspace.dataDir)).toBe(false);
  });

  it('refuses a folder without articles with a clear message', async () => {
    const empty = path.join(workspace.root, 'empty');
    mkdirSync(empty);
    await expect(withExtraCorpus(workspace.config, empty)).rejects.toThrow(/holds no articles/);
    await expect(withExtraCorpus(workspace.config, path.join(workspace.root, 'missing'))).rejects.toThrow(/Cannot read/);
  });
});
