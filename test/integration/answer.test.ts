import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer, type ScoredSentence } from '../../src/answer/answer.js';
import { answerText } from '../../src/cli/render.js';
import { Engine } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import type { Article } from '../../src/ingest/article.js';
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
    expect(result.refusal).toBeUndefined();
    expect(result.mode).toBe('keyword');
    expect(result.sources[0]).toMatchObject({ n: 1, source: 'AFP', published: '2024-07' });
    expect(result.quotes.every((q) => q.n === 1)).toBe(true);
    expect(answerText(result)).toContain('[1]');
  });

  it('prints a lead that quotes a clause once, not again as the first quote', async () => {
    const result = await engine.ask('why were american troops in niger in the first place');
    const quotedLead = result.quotes.find((q) => result.lead?.includes(q.text));
    expect(quotedLead).toBeDefined();
    const lines = answerText(result).split('\n');
    expect(lines[0]).toBe(result.lead);
    expect(lines.filter((line) => line.includes(quotedLead!.text))).toHaveLength(1);
    // The JSON contract keeps every citation.
    expect(result.quotes).toContain(quotedLead);
  });

  it('answers in French questions too', async () => {
    const result = await engine.ask('Combien de militaires américains ont quitté le Niger ?');
    expect(result.quotes.some((q) => q.text.includes('766'))).toBe(true);
    expect(result.lead).toBe('766 militaires');
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
    expect(result.quotes[0]!.text).toContain('110 millions');
  });

  it('every quote is verbatim from its article, at its offsets', async () => {
    for (const question of ['Who is the US ambassador to Niger?', 'Quand a eu lieu le coup d’État ?', 'Which alliance did Niger, Burkina and Mali create?']) {
      const result = await engine.ask(question);
      const articles = new Map<string, Article>();
      for await (const batch of engine.searchIndex.allArticles()) for (const a of batch) articles.set(a.id, a);
      for (const q of result.quotes) {
        const article = articles.get(q.docId)!;
        expect(article.text.slice(q.start, q.end)).toBe(q.text);
        expect(result.sources.find((s) => s.n === q.n)!.title).toBe(article.title);
      }
    }
  });

  it.each(['When did Germany withdraw its troops from Niger?', 'Quelle est la capitale du Tchad ?', 'What is the weather like in Niamey today?'])(
    'abstains on %s',
    async (question) => {
      const result = await engine.ask(question);
      expect(result.refusal).toBeDefined();
      expect(result.quotes).toEqual([]);
      expect(answerText(result)).toMatch(/articles/);
    },
  );

  it('refuses empty, symbol-only and over-long questions', async () => {
    await expect(engine.ask('   ')).rejects.toThrow(UserError);
    await expect(engine.ask('¿¡…!?')).rejects.toThrow(/no words/);
    await expect(engine.ask('why '.repeat(200))).rejects.toThrow(/too long/);
  });
});

describe('quotes', () => {
  it('a quote that is not the article text at its offsets is dropped', async () => {
    const { question, weighing, scored } = await engine.search('Combien de militaires américains ont quitté le Niger ?');
    const genuine = scored[0]!;
    const altered: ScoredSentence = { ...genuine, text: genuine.text.replace('766', '767') };
    const shifted: ScoredSentence = { ...genuine, span: { start: genuine.span.start + 1, end: genuine.span.end + 1 } };
    expect(composeAnswer(question, weighing, [altered], []).quotes).toEqual([]);
    expect(composeAnswer(question, weighing, [shifted], []).quotes).toEqual([]);
    expect(composeAnswer(question, weighing, [genuine], []).quotes).toHaveLength(1);
  });
});

describe('"when" questions', () => {
  it('lead with the date of the asked event, not of a neighbouring clause', async () => {
    const result = await engine.ask('When did US troops leave Agadez?');
    // "early July" is the Niamey base's date, in the clause before the one about Agadez.
    expect(result.lead).toBe('Early August 2024 (planned, as reported in July 2024)');
    expect(answerText(result).startsWith(`${result.lead}\n“`)).toBe(true);
    // The date's sentence does not name Agadez: the one next to it, which does, is quoted beside it.
    expect(result.quotes.some((q) => q.text.includes('Agadez'))).toBe(true);
    expect((await engine.ask('When was the military cooperation agreement with the United States signed?')).lead).toMatch(/^2012/);
    expect((await engine.ask('Quand les soldats américains ont-ils quitté Agadez ?')).lead).toBe('Début août 2024 (prévu, annoncé en juillet 2024)');
    expect((await engine.ask('quand est-ce que les soldats americains de niamey sont partis')).lead).toBe('Début juillet 2024');
  });

  it('answer "what day" with a weekday the article gives alone, and its month', async () => {
    expect((await engine.ask('La délégation US devait voir Tiani quel jour ?')).lead).toMatch(/^Un mercredi de mars 2024/u);
    expect((await engine.ask('what day were they supposed to meet tiani')).lead).toMatch(/^A Wednesday in March 2024/u);
  });
});

describe('an article added later that reports what an earlier one announced', () => {
  it('leads with what happened, then the plan, each attributed', async () => {
    const added = makeWorkspace();
    writeFileSync(
      path.join(added.corpusDir, 'remise-base.md'),
      [
        '---',
        'title: "Une base rendue"',
        'source: Agence test',
        'published: "2024-08-06"',
        '---',
        "Les derniers soldats américains ont quitté la base aérienne 201 d'Agadez, dans le nord du Niger. La base a été officiellement remise aux autorités nigériennes lundi 5 août 2024, lors d'une cérémonie.",
      ].join('\n'),
    );
    const later = await Engine.open(added.config, { embedder: { embedder: null, unavailable: 'test' } });
    const english = await later.ask('When did the last US troops leave Agadez?');
    const french = await later.ask('quand les américains ont quitté agadez');
    added.cleanup();
    expect(english.lead).toMatch(/^5 August 2024/);
    expect(english.quotes[0]!.text).toContain('5 août 2024');
    expect(french.lead).toBe('5 août 2024 (Agence test, 2024-08-06); début août 2024 (prévu; AFP, 2024-07)');
  });
});

describe('leads of each kind', () => {
  it.each([
    ['ça veut dire quoi AES', 'AES: Alliance des États du Sahel'],
    ['what does CNSP stand for', 'CNSP: Conseil national pour la sauvegarde de la patrie'],
    ['Who is the US ambassador to Niger?', 'Kathleen FitzGibbon'],
    ['roughly how many american soldiers stayed in niger after the coup', 'About a thousand troops'],
    ['combien de soldats américains restaient après le coup', "Environ un millier de soldats"],
    ['did niger kick out the french before the americans', /^Yes: “À la fin de l’année 2023, les soldats français/],
  ])('%s → %s', async (question, lead) => {
    const result = await engine.ask(question);
    if (typeof lead === 'string') expect(result.lead).toBe(lead);
    else expect(result.lead).toMatch(lead);
  });

  it('refuses a qualified role nobody in the articles holds, naming the nearest articles', async () => {
    const result = await engine.ask('le nouvel ambassadeur russe au niger c’est qui');
    expect(result.refusal?.reason).toBe('missing-answer-type');
    expect(result.refusal?.nearest.length).toBeGreaterThan(0);
    expect(result.language).toBe('fr');
  });
});

describe('answer-type and focus checks', () => {
  it('refuses a name typed in lower case that no article and no dictionary knows', async () => {
    const result = await engine.ask('did the ecowas send troops to niamey');
    expect(result.refusal?.reason).toBe('unknown-name');
    expect(result.refusal?.unknown).toEqual(['ecowas']);
  });

  it('does not refuse a word cut short or a lower-case name the articles hold', async () => {
    expect((await engine.ask("l'accord de coopé militaire il date de quand")).refusal?.reason).not.toBe('unknown-name');
    expect((await engine.ask('when did the us troops leave agadez')).lead).toMatch(/August 2024/);
  });

  it('says yes or no only from a sentence that names what the question names', async () => {
    // (a sentence on the American troops whose neighbour speaks of France answers nothing about the French)
    expect((await engine.ask('Did the French troops stay in Niger or what?')).lead ?? '').not.toMatch(/^Yes/u);
  });

  it('says yes to "is it mentioned" with the sentence that names it, and refuses a thing never named', async () => {
    const yes = await engine.ask('is wagner mentioned anywhere');
    expect(yes.lead).toMatch(/^Yes: “.*Wagner.*” \[1\]$/u);
    expect((await engine.ask('on parle de wagner ?')).lead).toMatch(/^Oui: /u);
    expect((await engine.ask('do the articles mention the ecowas')).refusal?.reason).toBe('unknown-name');
  });

  it('reads idioms and abbreviations of roles: "à la tête du régime", "which PM"', async () => {
    expect((await engine.ask('Qui est à la tête du régime militaire au Niger ?')).lead).toBe('Abdourahamane Tiani');
    expect((await engine.ask('who did the americans meet in niamey in march? like which PM')).lead).toBe('Ali Mahamane Lamime Zeine');
  });

  it('"how many died" is not answered by a count of soldiers who left', async () => {
    const result = await engine.ask('how many american soldiers died in niger');
    expect(result.refusal).toBeDefined();
  });

  it('"when will" is answered only by a date still to come', async () => {
    const result = await engine.ask('When will Niger hold its next presidential election?');
    expect(result.refusal).toBeDefined();
  });

  it.each([
    ['qui est molly phee', /secrétaire d’État adjointe/],
    ['who attended the ceremony at the niamey military base', /Maman Sani Kiaou|Kenneth Ekman/],
    ['Qui a créé l’Alliance des États du Sahel ?', /Niger, le Burkina et le Mali/],
    ['how many ppl were still at the agadez drone base', /^About 200/],
    ['How many US troops were in Niger in total, according to AFP?', /\d/],
    // the name's "du Pentagone" / "de l'Africom" is the relation the question asks
    ['Who represented Africom in the March delegation?', /^Michael Langley$/],
    ['who from the pentagon was in the delegation', /^Celeste Wallander$/],
    // "in March" is the article's date (2024-03): a name of the question its source and date hold
    ['Roughly how many US soldiers were still in Niger when the delegation came in March?', /^About a thousand/],
    // "official" asks for someone, as "who" does: the sentence need not say it
    ['Which Africom officer was part of the delegation to Niamey?', /^Michael Langley$/],
  ])('%s → %s', async (question, lead) => {
    expect((await engine.ask(question)).lead).toMatch(lead);
  });

  it('a name the question gives does not answer "who" (who replaced General Ekman)', async () => {
    const result = await engine.ask('Qui a remplacé le général Ekman à l’Africom ?');
    expect(result.lead ?? '').not.toMatch(/Ekman|Côte/);
  });
});
