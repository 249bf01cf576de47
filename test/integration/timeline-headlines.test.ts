import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/article.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { NEWS_ACTIONS } from '../../src/timeline/actions.js';
import { HEADLINE_MAX } from '../../src/timeline/headline.js';
import { buildTimeline, type TimelineEvent } from '../../src/timeline/timeline.js';
import { BUNDLED_CORPUS, REPO } from '../support/workspace.js';

// Two articles written for these tests (a French port strike, an English council vote), unlike the
// bundled corpus, so that the rules are checked on news they were not built from.
const WRITTEN = path.join(REPO, 'test/fixtures/timeline-articles');

function article(id: string, text: string, published = '2024-08-10', language: 'fr' | 'en' = 'fr'): Article {
  return { id, title: `Titre ${id}`, source: 'Test', published, language, text, contentHash: id };
}

const find = (events: readonly TimelineEvent[], date: string) => events.filter((e) => e.date === date);
const nouns = new Set(NEWS_ACTIONS.flatMap((a) => [a.noun.en, a.noun.fr]).flatMap((n) => n.toLowerCase().split(/[\s']/u)));

describe.each([
  ['the bundled corpus', BUNDLED_CORPUS],
  ['two articles written for the tests', WRITTEN],
])('headlines of %s', async (_name, folder) => {
  const { articles } = await loadCorpus(folder);
  const events = await buildTimeline(articles);

  it('every headline is at most 60 characters and ends on a whole word of its quote or of the vocabulary', () => {
    expect(events.length).toBeGreaterThan(5);
    for (const event of events) {
      for (const language of ['en', 'fr'] as const) {
        const { text } = event.headlines[language];
        expect(text.length, text).toBeLessThanOrEqual(HEADLINE_MAX);
        expect(text, text).toMatch(/[\p{L}\p{N}]$/u);
        const last = text.split(/[\s’']/u).at(-1)!;
        const inQuote = event.citations.some((c) => new RegExp(`(?<![\\p{L}\\p{N}])${last}(?![\\p{L}\\p{N}])`, 'u').test(c.quote));
        expect(inQuote || nouns.has(last.toLowerCase()), `"${text}" ends on "${last}"`).toBe(true);
      }
    }
  });

  it('no two entries share the same action and date', () => {
    const keys = events.filter((e) => e.action).map((e) => `${e.action}|${e.date}|${e.end ?? ''}`);
    expect(keys.length).toBeGreaterThan(3);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a headline built from the vocabulary is in the reader’s language; one without says which language it is in', () => {
    for (const event of events) {
      if (event.action) expect([event.headlines.en.lang, event.headlines.fr.lang]).toEqual(['en', 'fr']);
      else expect(event.headlines.en).toEqual(event.headlines.fr);
    }
  });
});

describe('headlines of the bundled corpus', async () => {
  const events = await buildTimeline((await loadCorpus(BUNDLED_CORPUS)).articles);

  it('say who did what, in both languages', () => {
    const pairs = events.map((e) => [e.date, e.headlines.fr.text, e.headlines.en.text]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['2012', 'Signature de l’accord de coopération militaire', 'Signing of accord de coopération militaire'],
        ['2023-07-26', 'Coup d’État à Niamey', 'Coup in Niamey'],
        ['2023-10', 'Expulsion des soldats français', 'Expulsion of soldats français'],
        ['2024-07', 'Départ des soldats américains de la base de Niamey', 'Departure of soldats américains de la base de Niamey'],
        ['2024-07-24', 'Déclaration du général Kenneth Ekman', 'Statement by général Kenneth Ekman'],
      ]),
    );
  });

  it('one entry per event: the coup told three times (once as "un an auparavant"), the planned departure told twice', () => {
    const coup = find(events, '2023-07-26');
    expect(coup).toHaveLength(1);
    expect(coup[0]!.citations.map((c) => c.quote)).toEqual(
      expect.arrayContaining([expect.stringContaining('coup de force du 26 juillet'), expect.stringContaining('coup d’État du 26 juillet'), expect.stringContaining('un an auparavant')]),
    );
    expect(find(events, '2023-07').map((e) => e.action)).toEqual(['talks']);
    const departure = find(events, '2024-08');
    expect(departure).toHaveLength(1);
    expect(departure[0]!.citations).toHaveLength(2);
    expect(departure[0]!.headlines.en.text).toBe('Departure of soldats américains');
  });
});

describe('one entry per event, distinct actions apart', () => {
  it('a sentence with two actions and two dates gives two events, each with its own action', async () => {
    const events = await buildTimeline([article('a.md', 'Le traité de paix, signé en 1998, a été dénoncé par le gouvernement en mars 2024.', '2024-05')]);
    expect(events.map((e) => [e.date, e.action, e.headlines.fr.text, e.headlines.en.text])).toEqual([
      ['1998', 'sign', 'Signature du traité de paix', 'Signing of traité de paix'],
      ['2024-03', 'denounce', 'Dénonciation du traité de paix', 'Denunciation of traité de paix'],
    ]);
  });

  it('the same action on the same date in two articles, told in different words, is one entry', async () => {
    const events = await buildTimeline([
      article('a.md', 'Les soldats allemands ont quitté Gao le 12 décembre 2023, selon le ministère de la Défense à Berlin.'),
      article('b.md', 'Le 12 décembre 2023, les derniers soldats allemands sont partis du camp, au terme de dix ans de présence.'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]!.citations.map((c) => c.docId)).toEqual(['a.md', 'b.md']);
  });

  it('two different actions on the same date stay two entries', async () => {
    const events = await buildTimeline([
      article('a.md', 'Le Parlement a voté la loi de finances le 12 décembre 2023.'),
      article('b.md', 'Les syndicats ont manifesté devant le Parlement le 12 décembre 2023.'),
    ]);
    expect(events.map((e) => e.action).sort()).toEqual(['protest', 'vote']);
  });

  it('a date counted from the article’s ("un an plus tôt") joins the same action dated precisely', async () => {
    const events = await buildTimeline([
      article('a.md', 'Des rebelles ont attaqué le palais présidentiel le 14 septembre 2023.', '2024-09-20'),
      article('b.md', 'L’attaque du palais présidentiel, un an plus tôt, avait surpris les diplomates.', '2024-09-20'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2023-09-14', action: 'attack' });
    expect(events[0]!.citations).toHaveLength(2);
  });

  it('a date counted from the article’s, of another action, stays apart', async () => {
    const events = await buildTimeline([
      article('a.md', 'Des rebelles ont attaqué le palais présidentiel le 14 septembre 2023.', '2024-09-20'),
      article('b.md', 'Le président a démissionné un an plus tôt, en pleine crise.', '2024-09-20'),
    ]);
    expect(events.map((e) => e.action).sort()).toEqual(['attack', 'resign']);
  });
});

describe('headlines of two articles written for the tests', async () => {
  const events = await buildTimeline((await loadCorpus(WRITTEN)).articles);
  const headline = (date: string, language: 'en' | 'fr') => find(events, date).map((e) => e.headlines[language].text);

  it('French: the action that governs each date, with who or what', () => {
    expect(headline('2025-02-03', 'fr')).toEqual(['Vote de la grève']);
    expect(headline('2025-01-28', 'fr')).toEqual(['Dépôt du préavis']);
    expect(headline('2025-02-11', 'fr')).toEqual(['Rencontre avec les représentants syndicaux']);
    expect(headline('2025-02-18', 'en')).toEqual(['Meeting with deux parties']);
  });

  it('French: the signing told in two sentences is one entry; a later date in the same sentence is not the signing', () => {
    const signing = find(events, '2025-03-04');
    expect(signing).toHaveLength(1);
    expect(signing[0]!.citations).toHaveLength(2);
    expect(signing[0]).toMatchObject({ action: 'sign', expected: false });
    expect(find(events, '2027')[0]).toMatchObject({ headlines: { fr: { text: 'Le maintien de tous les postes', lang: 'fr' } } });
  });

  it('French: a plan in the futur simple and a possibility are planned; how long something lasted is not a date', () => {
    expect(find(events, '2025-06')[0]).toMatchObject({ expected: true, headlines: { en: { text: 'La direction présentera un nouveau plan d’investissement', lang: 'fr' } } });
    expect(find(events, '2025-09')[0]).toMatchObject({ expected: true, headlines: { fr: { text: 'Une nouvelle grève n’est pas exclue' } } });
    expect(events.some((e) => e.citations.some((c) => c.quote.includes('pendant trois semaines') && e.date !== '2010'))).toBe(false);
  });

  it('English: dates read with English words, headlines from English verbs', () => {
    expect(headline('2025-01-15', 'en')).toEqual(['Election of Maria Lopez']);
    expect(headline('2024-10', 'en')).toEqual(['Resignation of previous mayor']);
    expect(find(events, '2025-03').filter((e) => e.action === 'vote')[0]).toMatchObject({ expected: true });
  });
});
