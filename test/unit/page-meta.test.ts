import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageMetadata } from '../../src/ingest/page-meta.js';
import { parseArticle } from '../../src/ingest/parse.js';

const meta = (head: string, body = '', lang = '', base?: string) => pageMetadata(parseHTML(`<html${lang}><head>${head}</head><body>${body}</body></html>`).document, base);
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('pageMetadata', () => {
  it('finds the NewsArticle inside an @graph, next to other nodes, and reads people and organisations', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, { '@type': ['NewsArticle'], headline: ' Floods  in the valley ', datePublished: '2024-11-02T23:30:00-05:00', author: [{ '@type': 'Person', name: 'A. Writer' }, { '@type': 'Person', name: 'B. Reporter' }], publisher: { '@id': '#org', name: 'Valley Post' }, mainEntityOfPage: { '@id': 'https://valley.example/floods' }, inLanguage: 'en-US' }] };
    expect(meta(ld(graph))).toEqual({ title: 'Floods in the valley', source: 'Valley Post', author: 'A. Writer, B. Reporter', url: 'https://valley.example/floods', published: '2024-11-02', language: 'en', accessibleForFree: undefined });
  });

  it('skips broken JSON-LD and falls back to OpenGraph, <meta> and <time>', () => {
    const head = `<script type="application/ld+json">{ not json </script><meta property="og:title" content="Titre OG"><meta property="og:site_name" content="Le Journal"><link rel="canonical" href="/article/42"><meta name="author" content="By Jeanne Roux">`;
    expect(meta(head, '<article><time datetime="2023-06-30T10:00">30 juin</time></article>', ' lang="fr-FR"', 'https://journal.example/a?x=1')).toEqual({
      title: 'Titre OG', source: 'Le Journal', author: 'Jeanne Roux', url: 'https://journal.example/article/42', published: '2023-06-30', language: 'fr', accessibleForFree: undefined,
    });
  });

  it('reports a page that says it is not free, and leaves out what it cannot use', () => {
    const page = meta(ld({ '@type': 'NewsArticle', headline: 'H', isAccessibleForFree: 'False', url: 'javascript:alert(1)', datePublished: 'sometime' }), '', ' lang="de"');
    expect(page).toMatchObject({ title: 'H', accessibleForFree: false });
    expect(page.url).toBeUndefined();
    expect(page.published).toBeUndefined();
    expect(page.language).toBeUndefined();
  });

  it('a page without any metadata gives nothing', () => {
    expect(meta('', '<p>Just text.</p>')).toEqual({ title: undefined, source: undefined, author: undefined, url: undefined, published: undefined, language: undefined, accessibleForFree: undefined });
  });
});

describe('an .html article file', () => {
  it('gets the same metadata as a fetched page: JSON-LD headline, publisher and date', () => {
    const body = Array.from({ length: 3 }, (_, i) => `<p>Paragraph ${i + 1} of the report on the harbour works, with enough words to be read as the main text of the page.</p>`).join('');
    const html = `<html lang="en"><head><title>Harbour | Site</title>${ld({ '@type': 'NewsArticle', headline: 'Harbour works finished', datePublished: '2024-05-06', publisher: { name: 'Port Gazette' } })}</head><body><article>${body}</article></body></html>`;
    expect(parseArticle('harbour.html', new TextEncoder().encode(html))).toMatchObject({ title: 'Harbour works finished', source: 'Port Gazette', published: '2024-05-06', language: 'en' });
  });
});
