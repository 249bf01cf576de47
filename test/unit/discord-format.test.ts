import { describe, expect, it } from 'vitest';
import type { AnswerSource } from '../../src/answer/types.js';
import { answerPayload, reindexSummary, sourcesPayload } from '../../src/discord/format.js';
import { embedCharacters } from '../../src/discord/limits.js';
import type { AskResult } from '../../src/engine.js';

interface Citation extends AnswerSource {
  quote: string;
}

function citation(n: number, quote: string, extra: Partial<Citation> = {}): Citation {
  return { n, title: `Article ${n}`, source: 'AFP', published: '2024-07', url: `https://example.org/${n}`, quote, docId: `${n}.md`, ...extra };
}

function result(citations: Citation[], question = 'When did US troops leave Agadez?'): AskResult & { citations: Citation[] } {
  return {
    question,
    language: 'en',
    intent: 'other',
    lead: null,
    mode: 'keyword',
    quotes: citations.map((c) => ({ n: c.n, text: c.quote, docId: c.docId, start: 0, end: c.quote.length })),
    sources: citations.map(({ quote: _quote, ...source }) => source),
    citations,
  };
}

describe('answerPayload', () => {
  it('shows a writer’s checked sentences above the verified quotes, and says so in the footer in the reader’s language', () => {
    const base = result([citation(1, 'Ils sont partis en août.')]);
    const writer = { model: 'gemma-3-270m', sentences: ['They left in August [1].'], accepted: 1, dropped: 2, reasons: [] };
    const en = answerPayload({ ...base, lead: 'August 2024', writer });
    expect(en.embeds[0]!.description).toBe('They left in August [1].\n\n“Ils sont partis en août.” [1]');
    expect(en.embeds[0]!.footer!.text).toBe('Text written by gemma-3-270m from the quotes, each sentence checked (1 kept, 2 dropped) · Hybrid retrieval (keywords + local embeddings)');
    const fr = answerPayload({ ...base, language: 'fr', writer: { ...writer, dropped: 0 } });
    expect(fr.embeds[0]!.footer!.text).toMatch(/^Texte écrit par gemma-3-270m à partir des citations, chaque phrase vérifiée \(1 gardée\(s\)\) · /u);
  });

  it('puts numbered quotes in the description and one field per source', () => {
    const { embeds, components } = answerPayload(result([citation(1, 'Ils sont partis en août.'), citation(2, 'Il restait 200 personnes.', { source: undefined, url: undefined })]), 'no model');
    expect(embeds[0]!.description).toBe('“Ils sont partis en août.” [1]\n\n“Il restait 200 personnes.” [2]');
    expect(embeds[0]!.fields).toEqual([
      { name: '[1] Article 1', value: 'AFP · 2024-07 · [link](https://example.org/1)', inline: false },
      { name: '[2] Article 2', value: '2024-07', inline: false },
    ]);
    expect(embeds[0]!.footer!.text).toBe('Keyword-only mode: no model');
    expect(components[0]!.components).toHaveLength(2);
  });

  it('says hybrid in the footer when a model is loaded, and leads with the date when there is one', () => {
    const { embeds } = answerPayload({ ...result([citation(1, 'Partis début août.')]), lead: 'Early August 2024' });
    expect(embeds[0]!.footer!.text).toMatch(/^Hybrid/);
    expect(embeds[0]!.description).toBe('**Early August 2024**\n\n“Partis début août.” [1]');
  });

  it('drops whole quotes (and their sources) from the end to fit, never cutting one', () => {
    const long = (n: number) => citation(n, `${'Une longue phrase sur le retrait des troupes. '.repeat(30)}Fin ${n}.`);
    const many = result([1, 2, 3, 4, 5].map(long));
    const { embeds } = answerPayload(many);
    const embed = embeds[0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embedCharacters(embeds)).toBeLessThanOrEqual(6000);
    const shown = embed.fields!.length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(5);
    for (let n = 1; n <= shown; n++) expect(embed.description).toContain(`“${many.citations[n - 1]!.quote}” [${n}]`);
    expect(embed.description).not.toContain(`[${shown + 1}]`);
    expect(embed.footer!.text).toMatch(new RegExp(`^${5 - shown} more quote\\(s\\) left out`));
  });

  it('sends a reader to the source rather than cut a single quote too long for Discord', () => {
    const { embeds } = answerPayload(result([citation(1, `${'mot '.repeat(1200)}fin.`)]));
    expect(embeds[0]!.description).toMatch(/^The passage that answers is too long to show in Discord/);
    expect(embeds[0]!.fields).toHaveLength(1);
    expect(embedCharacters(embeds)).toBeLessThanOrEqual(6000);
  });

  it('truncates an over-long question in the title only', () => {
    const { embeds } = answerPayload(result([citation(1, 'Court.')], 'q'.repeat(400)));
    expect(embeds[0]!.title).toHaveLength(256);
    expect(embeds[0]!.title!.endsWith('…')).toBe(true);
  });

  it('shows a refusal without sources, with the nearest articles and a next step', () => {
    const nearest = [citation(1, '')].map(({ quote: _quote, ...source }) => source);
    const { embeds } = answerPayload({ ...result([]), question: 'Q?', refusal: { reason: 'not-found', nearest } });
    expect(embeds[0]!.description).toBe("I don't find this in the articles.\nNearest articles:\n- Article 1 — AFP, 2024-07 — https://example.org/1\nTry other words, or see the articles with /sources.");
    expect(embeds[0]!.fields).toBeUndefined();
  });
});

describe('sourcesPayload', () => {
  const articles = Array.from({ length: 23 }, (_, i) => ({ id: `${i}.md`, title: `Titre ${i + 1}`, source: 'AFP', published: '2024', language: 'fr' as const }));

  it('pages by ten with buttons that know their page', () => {
    const last = sourcesPayload(articles, 2);
    expect(last.embeds[0]!.fields!.map((f) => f.name)).toEqual(['[21] Titre 21', '[22] Titre 22', '[23] Titre 23']);
    expect(last.embeds[0]!.footer!.text).toBe('Page 3 of 3');
    expect(last.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['sources:1', 'sources:3']);
  });

  it('clamps a page out of range and has no buttons for one page', () => {
    expect(sourcesPayload(articles, 99).embeds[0]!.footer!.text).toBe('Page 3 of 3');
    expect(sourcesPayload(articles.slice(0, 3), 0).components).toEqual([]);
    expect(sourcesPayload([], 0).embeds[0]!.description).toMatch(/corpus is empty/);
  });
});

describe('reindexSummary', () => {
  it('names what changed, shortening long lists', () => {
    const summary = reindexSummary({ added: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'], updated: [], removed: ['x.md'], unchanged: 4, chunks: 40, rebuilt: false, problems: [], keptPrevious: [], written: true });
    expect(summary).toBe('Re-index done: 40 chunks.\nAdded 6 (a.md, b.md, c.md, d.md, e.md, +1 more), updated 0, removed 1 (x.md), unchanged 4.');
  });
});
