import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/parse.js';
import { UserError } from '../../src/errors.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const body = 'Le général a déclaré que les soldats auront quitté le pays au début du mois d’août.';

describe('parseArticle', () => {
  it('reads Markdown front matter, with dates at the precision given', () => {
    const article = parseArticle('a.md', bytes(`---\ntitle: Un titre\nsource: AFP\nurl: https://example.org/a\npublished: 2024-07\nlanguage: fr\n---\n${body}\n`));
    expect(article).toMatchObject({ id: 'a.md', title: 'Un titre', source: 'AFP', url: 'https://example.org/a', published: '2024-07', language: 'fr', text: body });
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a YAML date and an omitted url, source and language', () => {
    const article = parseArticle('b.md', bytes(`---\ntitle: T\npublished: 2024-05-19\n---\n${body}`));
    expect(article.published).toBe('2024-05-19');
    expect(article.source).toBeUndefined();
    expect(article.language).toBe('fr');
  });

  it('takes a .txt file title from its first line', () => {
    const article = parseArticle('c.txt', bytes(`\nMon titre\n${body}`));
    expect(article.title).toBe('Mon titre');
    expect(article.text).toBe(body);
  });

  it('extracts the main text of an HTML page and its metadata', () => {
    const html = `<!doctype html><html lang="en"><head><title>Troops leave | Site</title>
      <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-08-05T10:00:00Z">
      <link rel="canonical" href="https://example.org/troops"></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Troops leave</h1><p>The last American soldiers left the drone base in Agadez on Monday, the ministry said.</p>
      <p>About two hundred people had remained at the base until the end of the withdrawal, officials added.</p></article>
      <footer>Subscribe to our newsletter</footer></body></html>`;
    const article = parseArticle('d.html', bytes(html));
    expect(article).toMatchObject({ source: 'Example News', url: 'https://example.org/troops', published: '2024-08-05', language: 'en' });
    expect(article.text).toContain('The last American soldiers left the drone base in Agadez on Monday');
    expect(article.text).toContain('\nAbout two hundred people');
    expect(article.text).not.toContain('Home');
    expect(article.text).not.toContain('Subscribe');
  });

  it.each([
    ['bad YAML', 'e.md', bytes('---\ntitle: [unclosed\n---\ntext'), /front matter is not valid YAML/],
    ['no title', 'f.md', bytes(`---\nsource: AFP\n---\n${body}`), /title/],
    ['a bad date', 'g.md', bytes(`---\ntitle: T\npublished: July 2024\n---\n${body}`), /published must be YYYY, YYYY-MM or YYYY-MM-DD/],
    ['a bad url', 'h.md', bytes(`---\ntitle: T\nurl: not a url\n---\n${body}`), /url/],
    ['no text', 'i.md', bytes('---\ntitle: T\n---\n\n'), /no article text/],
    ['not UTF-8', 'j.txt', Uint8Array.from([0x54, 0x69, 0x74, 0x72, 0x65, 0x0a, 0xe9, 0xe9, 0xff, 0xfe]), /not valid UTF-8/],
    ['binary', 'k.txt', bytes('Titre\n\u0000\u0001 binary'), /binary/],
    ['an empty file', 'l.txt', bytes(''), /empty file/],
  ])('refuses %s with a reason', (_, id, content, reason) => {
    expect(() => parseArticle(id, content)).toThrow(UserError);
    expect(() => parseArticle(id, content)).toThrow(reason);
  });
});
