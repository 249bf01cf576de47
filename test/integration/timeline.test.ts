import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Article } from '../../src/ingest/article.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildTimeline, filterTimeline } from '../../src/timeline/timeline.js';
import { BUNDLED_CORPUS, makeWorkspace, REPO } from '../support/workspace.js';

interface Truth {
  doc: string;
  date: string;
  end?: string;
  expected: boolean;
  uncertain?: string;
  contains: string;
}
const truth: Truth[] = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/timeline-truth.json'), 'utf8')).events;

describe('the timeline of the bundled corpus against the hand-checked ground truth', async () => {
  const { articles } = await loadCorpus(BUNDLED_CORPUS);
  const events = await buildTimeline(articles);
  // One row per source of an event: what a reader would check against the articles.
  const found = events.flatMap((e) => e.citations.map((c) => ({ doc: c.docId, date: e.date, end: e.end, expected: e.expected, uncertain: e.uncertain, quote: c.quote })));
  const matches = (t: Truth, f: (typeof found)[number]) =>
    f.doc === t.doc && f.date === t.date && f.end === t.end && f.expected === t.expected && f.uncertain === t.uncertain && f.quote.includes(t.contains);

  it('finds every event with the right date, tense and source (recall), and nothing else (precision)', () => {
    const recalled = truth.filter((t) => found.some((f) => matches(t, f)));
    const precise = found.filter((f) => truth.some((t) => matches(t, f)));
    expect(truth.filter((t) => !recalled.includes(t))).toEqual([]);
    expect(found.filter((f) => !precise.includes(f))).toEqual([]);
  });

  it('orders events by date, a period at its start', () => {
    const keys = events.map((e) => e.sortKey);
    expect([...keys].sort()).toEqual(keys);
    expect(events[0]!.date).toBe('2012');
    expect(events.at(-1)!.label).toBe('early August 2024');
  });

  it('labels dates for people, in English and in French', () => {
    const labels = events.map((e) => [e.label, e.labelFr]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['2012', '2012'],
        ['26 July 2023', '26 juillet 2023'],
        ['late 2023', 'fin 2023'],
        ['March 2024', 'mars 2024'],
        ['April–May 2024', 'avril–mai 2024'],
        ['early July 2024', 'début juillet 2024'],
        ['early August 2024', 'début août 2024'],
      ]),
    );
  });

  it('quotes are verbatim at their offsets', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const c of events.flatMap((e) => e.citations)) expect(byId.get(c.docId)!.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('filters by date and topic, numbering the sources that remain', () => {
    const agadez = filterTimeline(events, { about: 'Agadez' });
    expect(agadez.map((e) => e.label)).toEqual(['early July 2024']);
    expect(agadez[0]!.citations[0]!.n).toBe(1);
    expect(filterTimeline(events, { from: '2024-05', to: '2024-07' }).map((e) => e.label)).toEqual(['April–May 2024', '19 May 2024', 'early July 2024', '24 July 2024']);
    expect(filterTimeline(events, { about: 'Russia' }).map((e) => e.label)).toEqual(['April–May 2024']);
  });
});

function article(id: string, text: string, published = '2024-08-10'): Article {
  return { id, title: `Titre ${id}`, source: 'Test', published, language: 'fr', text, contentHash: id };
}

describe('merging and conflicts across articles', () => {
  it('one event reported by two articles is one entry with both sources', async () => {
    const events = await buildTimeline([
      article('a.md', 'Les derniers soldats américains ont quitté la base de drones d’Agadez le 5 août 2024.'),
      article('b.md', 'Le 5 août 2024, les derniers soldats américains ont quitté la base d’Agadez, selon le ministère.'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]!.citations.map((c) => c.docId)).toEqual(['a.md', 'b.md']);
  });

  it('two articles dating one event differently are both shown, each flagged', async () => {
    const events = await buildTimeline([
      article('a.md', 'Les derniers soldats américains ont quitté la base de drones d’Agadez le 5 août 2024.'),
      article('b.md', 'Les derniers soldats américains ont quitté la base de drones d’Agadez le 7 août 2024.'),
    ]);
    expect(events.map((e) => e.date)).toEqual(['2024-08-05', '2024-08-07']);
    expect(events[0]!.conflict).toBe('Titre b.md dates this 7 August 2024');
    expect(events[1]!.conflict).toBe('Titre a.md dates this 5 August 2024');
  });

  it('an event after the article’s date is expected, even without a future verb', async () => {
    const [event] = await buildTimeline([article('a.md', 'Le retrait complet est annoncé pour septembre 2024 par le Pentagone.', '2024-07-01')]);
    expect(event).toMatchObject({ date: '2024-09', expected: true });
  });
});

describe('npm run timeline', () => {
  it('--json prints the documented shape', async () => {
    const workspace = makeWorkspace();
    const out: string[] = [];
    const code = await runCli(['timeline', '--json', '--about', 'Agadez'], { out: (t) => out.push(t), err: () => {}, env: workspace.env, cwd: workspace.root });
    workspace.cleanup();
    expect(code).toBe(0);
    const { events } = JSON.parse(out.join(''));
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0])).toEqual(['date', 'label', 'headline', 'headlineLang', 'text', 'expected', 'citations']);
    expect(events[0]).toMatchObject({ date: '2024-07', label: 'early July 2024', headline: 'Departure of soldats américains de la base de Niamey', headlineLang: 'en', expected: false });
    expect(Object.keys(events[0].citations[0])).toEqual(['n', 'title', 'source', 'url', 'published', 'quote']);
  });

  it('--lang fr gives French headlines; the date label stays the English wording', async () => {
    const workspace = makeWorkspace();
    const out: string[] = [];
    const code = await runCli(['timeline', '--json', '--about', 'Agadez', '--lang', 'fr'], { out: (t) => out.push(t), err: () => {}, env: workspace.env, cwd: workspace.root });
    workspace.cleanup();
    expect(code).toBe(0);
    expect(JSON.parse(out.join('')).events[0]).toMatchObject({ label: 'early July 2024', headline: 'Départ des soldats américains de la base de Niamey', headlineLang: 'fr' });
  });

  it('prints each event as date, status and headline, its quotes below', async () => {
    const workspace = makeWorkspace();
    const out: string[] = [];
    const code = await runCli(['timeline', '--from', '2024-03', '--to', '2024-03'], { out: (t) => out.push(t), err: () => {}, env: workspace.env, cwd: workspace.root });
    workspace.cleanup();
    expect(code).toBe(0);
    expect(out.join('').split('\n').slice(0, 2)).toEqual([
      'March 2024 (planned) · Meeting with chef du régime militaire',
      '    “Une source diplomatique a annoncé que la délégation se rendra mercredi pour une rencontre avec le chef du régime militaire, le général Abdourahamane Tiani.” [1]',
    ]);
  });

  it('refuses a malformed date', async () => {
    const err: string[] = [];
    const code = await runCli(['timeline', '--to', 'last week'], { err: (t) => err.push(t), env: {}, cwd: REPO });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/"to" must be a date/);
    const lang: string[] = [];
    expect(await runCli(['timeline', '--lang', 'de'], { err: (t) => lang.push(t), env: {}, cwd: REPO })).toBe(2);
    expect(lang.join('')).toMatch(/"lang" must be en or fr/);
  });
});
