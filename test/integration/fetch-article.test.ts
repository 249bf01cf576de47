import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { FetchPolicy } from '../../src/ingest/fetch.js';
import { safeFetch } from '../../src/ingest/fetch.js';
import { addArticleFromUrl } from '../../src/ingest/fetch-article.js';
import { DESALINATION, FERRY, LIBRARY, ORCHARD, words } from '../support/news.js';
import { jsonLd, newsPage, WebServer } from '../support/web-server.js';
import { makeWorkspace } from '../support/workspace.js';

let web: WebServer;
let gzipAsked = '';
const workspace = makeWorkspace({ env: { DOSSIER_FETCH_ALLOW_PRIVATE: 'true' } });
const CANONICAL = 'https://coastal-herald.example/2025/03/14/port-elwyn-desalination-plant';
// Loopback allowed for the test server (127.0.0.1 only): every other private address stays refused.
const policy: FetchPolicy = { allowPrivate: [{ network: '127.0.0.1', prefix: 32, type: 'ipv4' }], maxBytes: 1024 * 1024, timeoutMs: 10_000, userAgent: 'DossierBot/test' };
const strict: FetchPolicy = { ...policy, allowPrivate: false };

/** Every file of the corpus with its content: what a refusal must leave as it was. */
const snapshot = () => Object.fromEntries(readdirSync(workspace.corpusDir).sort().map((f) => [f, readFileSync(path.join(workspace.corpusDir, f), 'utf8')]));

beforeAll(async () => {
  web = await WebServer.start();
  web
    .serve(
      '/2025/03/desalination',
      newsPage({
        ...DESALINATION,
        lang: 'en-GB',
        head: [
          jsonLd({ '@type': 'NewsArticle', headline: DESALINATION.title, datePublished: '2025-03-14T18:05:00+00:00', author: [{ '@type': 'Person', name: 'Maria Okafor' }], publisher: { '@type': 'Organization', name: 'Coastal Herald' }, mainEntityOfPage: CANONICAL, inLanguage: 'en' }),
          '<meta property="og:title" content="Desalination: Port Elwyn ends rationing">',
          '<meta property="og:site_name" content="The Herald">',
        ].join('\n'),
      }),
    )
    .serve(
      '/culture/mediatheque',
      newsPage({
        ...LIBRARY,
        head: [
          `<meta property="og:title" content="${LIBRARY.title}">`,
          '<meta property="og:site_name" content="Le Courrier de l’Ouest-Val">',
          '<meta property="og:url" content="/culture/mediatheque-saint-aubin">',
          '<meta property="og:locale" content="fr_FR">',
          '<meta property="article:published_time" content="2025-01-18T07:30:00+01:00">',
          '<meta name="author" content="Par Julien Marek">',
        ].join('\n'),
      }),
    )
    .serve('/plain', `<html><head><title>${FERRY.title}</title></head><body><article><h1>${FERRY.title}</h1>${FERRY.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`)
    .serve(
      '/premium/budget',
      newsPage({
        title: 'Inside the budget talks',
        paragraphs: ['Negotiators met late into the night at the finance ministry as the deadline for a deal approached, according to people familiar with the talks.'],
        head: jsonLd({ '@type': 'NewsArticle', headline: 'Inside the budget talks', isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' } }),
        after: '<div class="paywall"><p>This article is reserved for subscribers.</p><a href="/subscribe">Subscribe for 1 euro</a></div>',
      }),
    )
    .serve('/section/world', `<html><head><title>World news</title></head><body><nav><a href="/1">Story one</a> <a href="/2">Story two</a> <a href="/3">Story three</a></nav><div><p>Latest headlines.</p></div></body></html>`)
    .serve('/report.pdf', '%PDF-1.7 fake', 'application/pdf')
    .redirect('/moved', '/orchard', 301)
    .serve('/orchard', newsPage(ORCHARD))
    .redirect('/loop/a', '/loop/b')
    .redirect('/loop/b', '/loop/a')
    .redirect('/to-metadata', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/')
    .redirect('/to-private', 'http://10.0.0.1/admin')
    .redirect('/to-other-loopback', 'http://127.0.0.2/')
    .redirect('/to-file', 'file:///etc/passwd');
  for (let i = 1; i <= 7; i++) web.redirect(`/hop/${i}`, `/hop/${i + 1}`);
  web.route('/slow-headers', async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    if (!res.destroyed) res.end('late');
  });
  web.route('/slow-body', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>');
    const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('word ')), 200);
    res.on('close', () => clearInterval(drip));
  });
  web.route('/huge', (_req, res) => {
    // 20 MiB of article-looking HTML, sent without a length: only counting can stop it.
    res.writeHead(200, { 'content-type': 'text/html' });
    let sent = 0;
    const chunk = `<p>${'filler text of a very long page '.repeat(2000)}</p>`;
    const pump = () => {
      while (sent < 20 * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => {
      web.route('/huge-sent', (_q, r) => {
        r.end(String(sent));
      });
    });
    pump();
  });
  web.route('/gzipped', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', vary: 'accept-encoding' });
    res.end(gzipSync(newsPage(ORCHARD)));
    gzipAsked = req.headers['accept-encoding'] ?? '';
  });
  web.route('/brotli', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
    res.end(brotliCompressSync(newsPage(FERRY)));
  });
  // 16 MiB of spaces inside an HTML page, about 16 KiB once compressed (compressed here, once: the
  // server shares the test's event loop, and compressing on each request would stall the client).
  const bomb = gzipSync(Buffer.concat([Buffer.from('<html><body><p>'), Buffer.alloc(16 * 1024 * 1024, 0x20), Buffer.from('</p></body></html>')]));
  web.route('/zip-bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(bomb);
  });
});

afterAll(async () => {
  await web?.close();
  workspace.cleanup();
});

describe('adding a page by its link', () => {
  it('takes title, outlet, author, date, language and canonical link from JSON-LD, and writes front matter', async () => {
    const added = await addArticleFromUrl(workspace.corpusDir, web.url('/2025/03/desalination?utm_source=newsletter#top'), policy);
    expect(added.article).toMatchObject({ title: DESALINATION.title, source: 'Coastal Herald', url: CANONICAL, published: '2025-03-14', language: 'en' });
    expect(added.author).toBe('Maria Okafor');
    expect(added.words).toBe(words(DESALINATION));
    const file = readFileSync(path.join(workspace.corpusDir, added.article.id), 'utf8');
    expect(added.article.id).toMatch(/^port-elwyn-opens-its-first-desalination-plant-[0-9a-f]{8}\.md$/);
    expect(file).toMatch(/^---\ntitle: "Port Elwyn opens its first desalination plant"\nsource: "Coastal Herald"\nauthor: "Maria Okafor"\nurl: "https:\/\/coastal-herald\.example\/2025\/03\/14\/port-elwyn-desalination-plant"\npublished: "2025-03-14"\nlanguage: "en"\n---\nPORT ELWYN/);
    // The site's furniture stays out of the text.
    expect(file).not.toMatch(/cookies|Related|All rights reserved|Weather warning/);
    expect(file).toContain('12,000 cubic metres');
  });

  it('names the bot in the User-Agent', () => {
    expect(web.requestsTo('/2025/03/desalination')[0]!.headers['user-agent']).toBe('DossierBot/test');
  });

  it('falls back to OpenGraph and <meta> tags, resolving a relative og:url against the page', async () => {
    const { article, author } = await addArticleFromUrl(workspace.corpusDir, web.url('/culture/mediatheque'), policy);
    expect(article).toMatchObject({ title: LIBRARY.title, source: 'Le Courrier de l’Ouest-Val', url: web.url('/culture/mediatheque-saint-aubin'), published: '2025-01-18', language: 'fr' });
    expect(author).toBe('Julien Marek');
  });

  it('adds a page with no metadata at all: title from the page, its own address as link, language from the text', async () => {
    const { article } = await addArticleFromUrl(workspace.corpusDir, web.url('/plain'), policy);
    expect(article).toMatchObject({ title: FERRY.title, url: web.url('/plain'), language: 'en' });
    expect(article.source).toBeUndefined();
    expect(article.published).toBeUndefined();
  });

  it('follows an ordinary redirect and records where it landed', async () => {
    const { article } = await addArticleFromUrl(workspace.corpusDir, web.url('/moved'), policy);
    expect(article).toMatchObject({ title: ORCHARD.title, url: web.url('/orchard') });
  });

  it('reads pages sent compressed (gzip, brotli), and says it accepts them', async () => {
    const other = makeWorkspace({ corpus: false });
    mkdirSync(other.corpusDir);
    try {
      expect((await addArticleFromUrl(other.corpusDir, web.url('/gzipped'), policy)).article.title).toBe(ORCHARD.title);
      expect(gzipAsked).toMatch(/gzip/);
      expect((await addArticleFromUrl(other.corpusDir, web.url('/brotli'), policy)).article.title).toBe(FERRY.title);
    } finally {
      other.cleanup();
    }
  });

  it('lets title, source and date given by the user win over the page', async () => {
    const other = makeWorkspace({ corpus: false });
    mkdirSync(other.corpusDir);
    try {
      const { article } = await addArticleFromUrl(other.corpusDir, web.url('/plain'), policy, { title: 'Ferry strike', source: 'Island Times', published: '2025-02-03' });
      expect(article).toMatchObject({ title: 'Ferry strike', source: 'Island Times', published: '2025-02-03' });
    } finally {
      other.cleanup();
    }
  });
});

describe('refusals, each with its reason, leaving corpus/ unchanged', () => {
  const refusals: [string, () => Promise<unknown>, string, RegExp][] = [
    ['the same page again (same canonical link)', () => addArticleFromUrl(workspace.corpusDir, web.url('/2025/03/desalination'), policy), 'article-duplicate', /already in the corpus/],
    ['a paywall stub', () => addArticleFromUrl(workspace.corpusDir, web.url('/premium/budget'), policy), 'not-an-article', /for subscribers only \(the page says so\) and shows \d+ words/],
    ['a section page with no article', () => addArticleFromUrl(workspace.corpusDir, web.url('/section/world'), policy), 'not-an-article', /not an article \((only \d+ words of main text|no main text)/],
    ['a PDF', () => addArticleFromUrl(workspace.corpusDir, web.url('/report.pdf'), policy), 'fetch-unsupported-type', /of type application\/pdf, not text\/html/],
    ['a missing page', () => addArticleFromUrl(workspace.corpusDir, web.url('/nowhere'), policy), 'fetch-failed', /HTTP 404/],
    ['a redirect loop', () => addArticleFromUrl(workspace.corpusDir, web.url('/loop/a'), policy), 'fetch-failed', /redirects in a loop/],
    ['too many redirects', () => addArticleFromUrl(workspace.corpusDir, web.url('/hop/1'), policy), 'fetch-failed', /more than 5 redirects/],
    ['a redirect to the cloud metadata address', () => addArticleFromUrl(workspace.corpusDir, web.url('/to-metadata'), policy), 'url-forbidden', /169\.254\.169\.254 is a local or private network address/],
    ['a redirect to a private address', () => addArticleFromUrl(workspace.corpusDir, web.url('/to-private'), policy), 'url-forbidden', /10\.0\.0\.1 is a local or private/],
    ['a redirect to another loopback address', () => addArticleFromUrl(workspace.corpusDir, web.url('/to-other-loopback'), policy), 'url-forbidden', /127\.0\.0\.2/],
    ['a redirect to a file: link', () => addArticleFromUrl(workspace.corpusDir, web.url('/to-file'), policy), 'url-invalid', /Only http and https/],
    ['a page that never sends headers', () => addArticleFromUrl(workspace.corpusDir, web.url('/slow-headers'), { ...policy, timeoutMs: 500 }), 'fetch-timeout', /did not answer within 0\.5 s/],
    ['a page whose body trickles forever', () => addArticleFromUrl(workspace.corpusDir, web.url('/slow-body'), { ...policy, timeoutMs: 700 }), 'fetch-timeout', /did not answer within 0\.7 s/],
    ['a huge page sent without a length', () => addArticleFromUrl(workspace.corpusDir, web.url('/huge'), policy), 'fetch-too-large', /larger than 1 MiB/],
    ['a small compressed body that expands past the limit', () => addArticleFromUrl(workspace.corpusDir, web.url('/zip-bomb'), policy), 'fetch-too-large', /larger than 1 MiB/],
    ['an ftp link', () => addArticleFromUrl(workspace.corpusDir, 'ftp://127.0.0.1/article.html', policy), 'url-invalid', /Only http and https links/],
    ['text that is not a link', () => addArticleFromUrl(workspace.corpusDir, 'the article about ferries', policy), 'url-invalid', /is not a link/],
  ];

  it.each(refusals)('%s', async (_name, attempt, code, message) => {
    const before = snapshot();
    const error = await attempt().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(snapshot()).toEqual(before);
  });

  it('stops reading a huge page at the limit instead of downloading it all', async () => {
    const sent = await fetch(web.url('/huge-sent')).then((r) => r.text());
    expect(Number(sent)).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('the address check, with private addresses not allowed', () => {
  it('refuses 127.0.0.1, and a name that resolves to loopback, before any request reaches the server', async () => {
    const before = web.requests.length;
    await expect(safeFetch(web.url('/plain'), strict, { accept: ['text/html'] })).rejects.toMatchObject({ code: 'url-forbidden', message: expect.stringMatching(/^127\.0\.0\.1 is a local or private network address/) });
    await expect(safeFetch(`http://localhost:${web.port}/plain`, strict, { accept: ['text/html'] })).rejects.toMatchObject({ code: 'url-forbidden', message: expect.stringMatching(/^localhost \((127\.0\.0\.1|::1)\) is a local or private/) });
    await expect(safeFetch(`http://[::ffff:127.0.0.1]:${web.port}/plain`, strict, { accept: ['text/html'] })).rejects.toMatchObject({ code: 'url-forbidden' });
    await expect(safeFetch(`http://2130706433:${web.port}/plain`, strict, { accept: ['text/html'] })).rejects.toMatchObject({ code: 'url-forbidden' });
    expect(web.requests.length).toBe(before);
  });

  it('the same fetch goes through when the range is allowed', async () => {
    const page = await safeFetch(web.url('/plain'), policy, { accept: ['text/html'] });
    expect(page).toMatchObject({ notModified: false, contentType: 'text/html' });
  });
});

describe('npm run add, end to end', () => {
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const other = { ...workspace.env, DOSSIER_FETCH_ALLOW_PRIVATE: '127.0.0.1/32', DOSSIER_CORPUS_DIR: e2e.corpusDir, DOSSIER_DATA_DIR: e2e.dataDir, DOSSIER_FEEDS: web.url('/feed.xml') };
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: other, cwd: e2e.root });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const e2e = makeWorkspace();
  afterAll(() => e2e.cleanup());

  it('adds a page by URL, then answers from it with its link in the citation', async () => {
    const added = await cli('add', web.url('/2025/03/desalination'));
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Added “Port Elwyn opens its first desalination plant” \(Coastal Herald, by Maria Okafor, 2025-03-14, \d+ words\) as port-elwyn-[\w-]+\.md: \d+ chunks? indexed\.\nLink: https:\/\/coastal-herald\.example\//);
    const { code, out } = await cli('ask', '--json', 'How much seawater can the Port Elwyn plant treat a day?');
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]).toMatchObject({ title: DESALINATION.title, source: 'Coastal Herald', url: CANONICAL, published: '2025-03-14', quote: expect.stringContaining('12,000 cubic metres') });
  });

  it('refuses a bad link with one line and exit code 2, changing nothing', async () => {
    const before = readdirSync(e2e.corpusDir).sort();
    expect(await cli('add', web.url('/premium/budget'))).toMatchObject({ code: 2, err: expect.stringMatching(/^Error: The page .* was not added: it is not an article/) });
    expect(await cli('add', 'http://10.1.2.3/news')).toMatchObject({ code: 2, err: expect.stringMatching(/^Error: 10\.1\.2\.3 is a local or private network address/) });
    expect(await cli('add')).toMatchObject({ code: 2, err: expect.stringMatching(/^Error: Give one link/) });
    expect(readdirSync(e2e.corpusDir).sort()).toEqual(before);
  });

  it('add --feeds polls the configured feeds once: new items added and indexed, then nothing while the feed is unchanged', async () => {
    web.serve('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Village news</title><item><title>Orchard</title><link>${web.url('/orchard')}</link></item><item><title>Paywalled</title><link>${web.url('/premium/budget')}</link></item></channel></rss>`, 'application/rss+xml', { etag: '"1"' });
    const first = await cli('add', '--feeds');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Feed .*\/feed\.xml: 1 added, 1 skipped\.\n {2}Added “Heritage orchard saved by village crowdfunding” \(\d+ words\) as heritage-orchard-[\w-]+\.md: \d+ chunks? indexed\.\n {2}Skipped .*\/premium\/budget: The page .* is not an article/);
    const { out } = await cli('ask', '--json', 'How much money did Millbrook residents raise for the orchard?');
    expect(JSON.parse(out).citations[0]).toMatchObject({ title: ORCHARD.title, url: web.url('/orchard') });
    expect((await cli('add', '--feeds')).out).toMatch(/^Feed .*: (unchanged since the last poll|0 added, 0 skipped)\.$/);
  });
});
