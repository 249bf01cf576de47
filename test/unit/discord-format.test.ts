import { describe, expect, it } from 'vitest';
import type { AnswerSource } from '../../src/answer/types.js';
import { answerPayload, COMPACT_BUDGET, quotesPayload, reindexSummary, sourcesPayload, visibleCharacters, visibleLength } from '../../src/discord/format.js';
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

describe('answerPayload: the compact answer', () => {
  it('leads, quotes and lists each source once as a masked link [title — outlet, date](url)', () => {
    const { embeds, components } = answerPayload({ ...result([citation(1, 'Ils sont partis en août.'), citation(2, 'Il restait 200 personnes.', { source: undefined, url: undefined })]), lead: 'In August' }, undefined, { key: 'k1' });
    expect(embeds[0]!.description).toBe('**In August**\n\n> “Ils sont partis en août.” [1]\n> “Il restait 200 personnes.” [2]\n\n[1] [Article 1 — AFP, July 2024](https://example.org/1)\n[2] Article 2 — July 2024');
    expect(embeds[0]!.fields).toBeUndefined();
    expect(embeds[0]!.footer).toBeUndefined();
    // Everything is shown: no Show quotes button, only the votes.
    expect(components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['feedback:up:k1', 'feedback:down:k1']);
  });

  it('shows a writer’s checked sentences in place of the lead, above the verified quotes, and says so in the footer in the reader’s language', () => {
    const base = { ...result([citation(1, 'Ils sont partis en août.')]), lead: 'August 2024' };
    const writer = { model: 'gemma-3-270m', sentences: ['They left in August [1].', 'The base closed [1].'], accepted: 2, dropped: 1, reasons: [] };
    const en = answerPayload({ ...base, writer }, undefined, { key: 'w1' });
    expect(en.embeds[0]!.description).toBe('They left in August [1]. The base closed [1].\n\n> “Ils sont partis en août.” [1]\n\n[1] [Article 1 — AFP, July 2024](https://example.org/1)');
    expect(en.embeds[0]!.footer!.text).toBe('Written by gemma-3-270m from the quotes below; each sentence checked against them.');
    expect(en.components[0]!.components).toHaveLength(2);
    const fr = answerPayload({ ...base, language: 'fr', writer }, 'no model', { lang: 'fr' });
    expect(fr.embeds[0]!.footer!.text).toMatch(/^Rédigé par gemma-3-270m d’après les citations ci-dessous ; chaque phrase vérifiée\. · Recherche par mots-clés seulement/u);
    // Without a writer the footer is gone and the lead is back, in bold.
    expect(answerPayload(base).embeds[0]!.footer).toBeUndefined();
  });

  it('shows a writer’s sentences, the lead and quotes as written: their * and _ are not markdown', () => {
    const base = { ...result([citation(1, 'Le taux est de 5 * 2_000 points.')]), lead: 'Le *vrai* taux' };
    expect(answerPayload(base).embeds[0]!.description).toMatch(/^\*\*Le \\\*vrai\\\* taux\*\*\n\n> “Le taux est de 5 \\\* 2\\_000 points\.” \[1\]/u);
    const writer = { model: 'm', sentences: ['**Bold** claim [1].'], accepted: 1, dropped: 0, reasons: [] };
    expect(answerPayload({ ...base, writer }).embeds[0]!.description).toMatch(/^\\\*\\\*Bold\\\*\\\* claim \[1\]\./u);
  });

  it('keeps whole written sentences within the phone screen, the rest (and every quote) with Show quotes', () => {
    const sentence = (i: number) => `Sentence ${i} says what the quotes say about the troops leaving, at some length [1].`;
    const writer = { model: 'm', sentences: [1, 2, 3, 4, 5].map(sentence), accepted: 5, dropped: 0, reasons: [] };
    const answer = { ...result([citation(1, 'Ils sont partis en août.')]), writer };
    const compact = answerPayload(answer, undefined, { key: 'w2' });
    expect(visibleCharacters(compact)).toBeLessThanOrEqual(COMPACT_BUDGET);
    expect(compact.embeds[0]!.description).toMatch(/^Sentence 1 .*\[1\]\. Sentence 2 .*\[1\]\. Sentence 3 .*\[1\]\.\n\n> “Ils sont partis en août\.” \[1\]/u);
    expect(compact.embeds[0]!.description).not.toContain('Sentence 4');
    expect(compact.components[0]!.components[0]).toMatchObject({ custom_id: 'quotes:w2' });
    expect(quotesPayload(answer).embeds[0]!.description).toMatch(/^Sentence 1 .* Sentence 5 [^\n]*\[1\]\.\n\n> “Ils sont partis en août\.” \[1\]/u);
  });

  it('says in a few words when only keywords were searched, never the reason, in the reader’s language', () => {
    const reason = 'cannot reach http://127.0.0.1:9/v1 (ECONNREFUSED) from /home/me/dossier/models';
    const en = answerPayload(result([citation(1, 'Partis.')]), reason);
    expect(en.embeds[0]!.footer!.text).toBe('Keyword search only: answers may be less complete.');
    const fr = answerPayload(result([citation(1, 'Partis.')]), reason, { lang: 'fr' });
    expect(fr.embeds[0]!.footer!.text).toMatch(/^Recherche par mots-clés seulement/);
    expect(JSON.stringify([en, fr])).not.toMatch(/ECONNREFUSED|\/home|127\.0\.0\.1/);
  });

  it('fits one phone screen (600 visible characters) with long quotes, and offers the rest with Show quotes', () => {
    const long = (n: number) => citation(n, `${'Une longue phrase sur le retrait des troupes et ses suites. '.repeat(8)}Fin ${n}.`, { title: `Un titre d’article assez long pour prendre de la place, numéro ${n}` });
    const many = { ...result([1, 2, 3, 4].map(long)), lead: 'Début août 2024 (prévu)' };
    const payload = answerPayload(many, undefined, { key: 'k2' });
    expect(visibleCharacters(payload)).toBeLessThanOrEqual(COMPACT_BUDGET);
    expect(payload.embeds[0]!.description).toMatch(/^\*\*Début août 2024 \(prévu\)\*\*\n\n> “Une longue phrase[^”]*…” \[1\]/);
    expect(payload.components[0]!.components[0]).toMatchObject({ custom_id: 'quotes:k2', label: 'Show quotes' });
    expect(answerPayload(many, undefined, { key: 'k2', lang: 'fr' }).components[0]!.components[0]).toMatchObject({ label: 'Voir les citations' });
  });

  it('counts masked links by their label: what a reader sees', () => {
    expect(visibleLength('[1] [Titre — AFP, juillet 2024](https://example.org/a/very/long/path)')).toBe('[1] Titre — AFP, juillet 2024'.length);
    expect(visibleLength('**Lead**\n> “quote” [1]')).toBe('Lead\n“quote” [1]'.length);
  });

  it('truncates an over-long question in the title only', () => {
    const { embeds } = answerPayload(result([citation(1, 'Court.')], 'q '.repeat(200)));
    expect(embeds[0]!.title!.length).toBeLessThanOrEqual(120);
    expect(embeds[0]!.title!.endsWith('…')).toBe(true);
  });

  it('refuses in the question’s language with the closest articles as links and a next step', () => {
    const nearest = [citation(1, '')].map(({ quote: _quote, ...source }) => source);
    const { embeds } = answerPayload({ ...result([]), question: 'Q?', refusal: { reason: 'not-found', nearest } });
    expect(embeds[0]!.description).toBe("I don't find this in the articles.\n\nClosest articles:\n- [Article 1 — AFP, July 2024](https://example.org/1)\n\n*Try other words, ask about a name or place in these articles, or list them all with /sources.*");
    const fr = answerPayload({ ...result([]), language: 'fr', question: 'Q ?', refusal: { reason: 'unknown-name', unknown: ['berlin'], nearest: [] } }, undefined, { lang: 'fr' });
    expect(fr.embeds[0]!.description).toMatch(/^Les articles ne mentionnent jamais berlin/);
  });
});

describe('quotesPayload: Show quotes', () => {
  it('drops whole quotes (and their sources) from the end to fit, never cutting one', () => {
    const long = (n: number) => citation(n, `${'Une longue phrase sur le retrait des troupes. '.repeat(30)}Fin ${n}.`);
    const many = result([1, 2, 3, 4, 5].map(long));
    const { embeds } = quotesPayload(many);
    const embed = embeds[0]!;
    expect(embed.description!.length).toBeLessThanOrEqual(4096);
    expect(embedCharacters(embeds)).toBeLessThanOrEqual(6000);
    const shown = (embed.description!.match(/^> /gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(5);
    for (let n = 1; n <= shown; n++) expect(embed.description).toContain(`“${many.citations[n - 1]!.quote}” [${n}]`);
    expect(embed.description).not.toContain(`[${shown + 1}]`);
    expect(embed.footer!.text).toBe(`${5 - shown} more quotes left out to fit Discord's limits.`);
  });

  it('sends a reader to the source rather than cut a single quote too long for Discord', () => {
    const { embeds } = quotesPayload(result([citation(1, `${'mot '.repeat(1200)}fin.`)]), 'fr');
    expect(embeds[0]!.description).toMatch(/^Le passage qui répond est trop long/);
    expect(embeds[0]!.description).toContain('(https://example.org/1)');
  });
});

describe('sourcesPayload', () => {
  const articles = Array.from({ length: 23 }, (_, i) => ({ id: `${i}.md`, title: `Titre ${i + 1}`, source: 'AFP', published: '2024', language: 'fr' as const }));

  it('pages by ten with buttons that know their page', () => {
    const last = sourcesPayload(articles, 2);
    expect(last.embeds[0]!.description).toBe('21. Titre 21 — AFP, 2024\n22. Titre 22 — AFP, 2024\n23. Titre 23 — AFP, 2024');
    expect(last.embeds[0]!.footer!.text).toBe('Page 3 of 3');
    expect(last.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['sources:1', 'sources:3']);
  });

  it('clamps a page out of range and has no buttons for one page', () => {
    expect(sourcesPayload(articles, 99).embeds[0]!.footer!.text).toBe('Page 3 of 3');
    expect(sourcesPayload(articles.slice(0, 3), 0).components).toEqual([]);
    expect(sourcesPayload(articles, 0, 'fr').embeds[0]!.footer!.text).toBe('Page 1 sur 3');
    expect(sourcesPayload([], 0).embeds[0]!.description).toMatch(/corpus is empty/);
  });
});

describe('reindexSummary', () => {
  it('names what changed, shortening long lists', () => {
    const summary = reindexSummary({ added: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'], updated: [], removed: ['x.md'], unchanged: 4, chunks: 40, rebuilt: false, problems: [], keptPrevious: [], written: true });
    expect(summary).toBe('Re-index done: 40 chunks.\nAdded 6 (a.md, b.md, c.md, d.md, e.md, +1 more), updated 0, removed 1 (x.md), unchanged 4.');
  });
});

describe('a lead that is itself a quote', () => {
  it('is shown once, as the first quote, in the compact answer and in Show quotes', () => {
    const quote = 'Ils sont partis parce que le régime l’a demandé.';
    const answer = { ...result([citation(1, 'Une autre phrase.'), citation(2, quote)]), lead: `“${quote}” [2]` };
    for (const { embeds } of [answerPayload(answer), quotesPayload(answer)]) {
      expect(embeds[0]!.description!.split(quote)).toHaveLength(2);
      expect(embeds[0]!.description).toMatch(/^> “Ils sont partis/);
    }
  });

  it('keeps the yes or no said before the quote ("Yes: “…” [1]"), in bold above it', () => {
    const quote = 'Les mercenaires russes de Wagner sont présents dans la région.';
    for (const verdict of ['Yes', 'Non']) {
      const answer = { ...result([citation(1, quote)]), intent: 'yesno' as const, lead: `${verdict}: “${quote}” [1]` };
      for (const { embeds } of [answerPayload(answer), quotesPayload(answer)]) {
        expect(embeds[0]!.description).toMatch(new RegExp(`^\\*\\*${verdict}\\*\\*\\n\\n> “Les mercenaires`, 'u'));
        expect(embeds[0]!.description!.split(quote)).toHaveLength(2);
      }
    }
  });
});

describe('the second quote of the compact answer', () => {
  it('is shown only whole', () => {
    const first = 'Une première phrase assez longue qui répond en partie à la question posée par le lecteur.';
    for (let length = 150; length <= 320; length++) {
      const second = `${'mot '.repeat(100).slice(0, length - 5)} fin.`;
      const { embeds } = answerPayload({ ...result([citation(1, first), citation(2, second)]), lead: 'Une réponse' });
      const quotes = embeds[0]!.description!.split('\n').filter((line) => line.startsWith('> '));
      expect(quotes[0]).toBe(`> “${first}” [1]`);
      if (quotes[1]) expect(quotes[1], String(length)).toBe(`> “${second}” [2]`);
    }
  });
});
