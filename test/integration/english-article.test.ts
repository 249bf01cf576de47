import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { makeWorkspace, REPO } from '../support/workspace.js';

// An English article (written for this test, about nothing in the bundled corpus) added to the
// French corpus, as a user adds one: English questions against English text, keyword mode.
const workspace = makeWorkspace();
let engine: Engine;
beforeAll(async () => {
  cpSync(path.join(REPO, 'test/fixtures/english'), workspace.corpusDir, { recursive: true });
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
}, 120_000);
afterAll(() => workspace.cleanup());

describe('an English article among French ones', () => {
  it('counts with the noun phrase after the number ("38 old apple varieties")', async () => {
    const result = await engine.ask('How many apple varieties does the Millbrook orchard hold?');
    expect(result.refusal).toBeUndefined();
    expect(result.lead).toBe('38 old apple varieties');
  });

  it('reads English dates to the day', async () => {
    const result = await engine.ask('when did the orchard open a cider press');
    expect(result.lead).toBe('3 September 2025');
  });

  it('says a sum with its currency', async () => {
    const result = await engine.ask('how much was the grant from the agriculture department');
    expect(result.lead).toBe('$45,000');
  });

  it('answers "why" with the marked reason, not a number', async () => {
    const result = await engine.ask('why did the orchard open a cider press?');
    expect(result.lead).toContain('because the old varieties sell better as cider');
  });

  it('answers "who" with the name next to the role', async () => {
    const result = await engine.ask('who manages the millbrook orchard');
    expect(result.lead).toBe('Ruth Hadley');
  });
});

describe('questions typed in lower case, with dates', () => {
  it('reads "us" as the country when it stands before a noun', async () => {
    const lower = await engine.ask('who is the us ambassador to niger');
    const capitalised = await engine.ask('Who is the US ambassador to Niger?');
    expect(lower.refusal).toBeUndefined();
    expect(lower.lead).toBe(capitalised.lead);
  });

  it('never refuses a month name as a name the articles lack', async () => {
    for (const question of ['what did the junta decide in March 2024', 'que s’est-il passé en octobre 2024 ?', 'anything on Tuesday in September?']) {
      const result = await engine.ask(question);
      expect(result.refusal?.reason).not.toBe('unknown-name');
    }
  });
});

describe('why and how', () => {
  it('does not answer "why" with a sentence that states a figure', async () => {
    const result = await engine.ask('why did the county back the harvest festival?');
    expect(result.lead).toContain('to bring more tourists');
  });
});

describe('the lead names what was asked (bundled corpus)', () => {
  it.each([
    // a name in apposition to a role the question gives is that other person
    ['Which US official met the Niger prime minister in Niamey?', 'Molly Phee'],
    // "au total": the whole of "766 … sur 950 éléments au total"
    ['y en avait combien des soldats us au total au niger', '950 éléments'],
    // the name without the tail the question gives ("Michael Langley de l'Africom")
    ["Qui représentait l'Africom dans la délégation américaine ?", 'Michael Langley'],
    // initials belong to the name
    ['Which US official is expected to visit Niamey in the coming months?', 'Kurt M. Campbell'],
    // a name outranks a role for "who did it"
    ["qui a fait le coup d'etat au niger", 'Abdourahamane Tiani'],
  ])('%s → %s', async (question, lead) => {
    expect((await engine.ask(question)).lead).toBe(lead);
  });

  it.each(['who replaced molly phee', "Qui préside l'Alliance des États du Sahel ?", 'who succeeded ruth hadley at millbrook'])(
    'refuses %j: the sentences hold its names but not what it asks of them',
    async (question) => {
      expect((await engine.ask(question)).refusal).toBeDefined();
    },
  );
});
