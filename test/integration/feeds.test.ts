import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchPolicy } from '../../src/ingest/fetch.js';
import { followFeeds, pollFeeds, type FeedOptions } from '../../src/ingest/feeds.js';
import { DESALINATION, FERRY, LIBRARY, ORCHARD } from '../support/news.js';
import { jsonLd, newsPage, WebServer } from '../support/web-server.js';
import { makeWorkspace } from '../support/workspace.js';

const policy: FetchPolicy = { allowPrivate: [{ network: '127.0.0.1', prefix: 32, type: 'ipv4' }], maxBytes: 1024 * 1024, timeoutMs: 10_000, userAgent: 'DossierBot/test' };

let web: WebServer;
const workspace = makeWorkspace({ corpus: false });
mkdirSync(workspace.corpusDir);
const statePath = path.join(workspace.dataDir, 'feeds.json');
let options: FeedOptions;

/** An RSS feed whose body and ETag the test changes; a request carrying the current ETag gets 304. */
const rss = { etag: '"v1"', items: [] as { title: string; link: string; date: string }[] };
/** An Atom feed served with Last-Modified. */
const atom = { modified: 'Mon, 03 Feb 2025 08:00:00 GMT', entries: [] as { title: string; link: string; date: string }[] };

function rssBody(): string {
  const items = rss.items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Coastal Herald</title><link>${web.url('/')}</link><description>News</description>\n${items}\n</channel></rss>`;
}

function atomBody(): string {
  const entries = atom.entries.map((e) => `<entry><title>${e.title}</title><link rel="alternate" href="${e.link}"/><id>${e.link}</id><updated>${e.date}</updated></entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Times</title><id>urn:island-times</id><updated>2025-02-03T08:00:00Z</updated>\n${entries}\n</feed>`;
}

const page = (story: { title: string; paragraphs: string[] }, published: string, canonical?: string) =>
  newsPage({ ...story, head: jsonLd({ '@type': 'NewsArticle', headline: story.title, datePublished: published, publisher: { '@type': 'Organization', name: 'Coastal Herald' }, ...(canonical ? { url: canonical } : {}) }) });

beforeAll(async () => {
  web = await WebServer.start();
  options = { feeds: [web.url('/feed.rss'), web.url('/atom.xml')], statePath, corpusDir: workspace.corpusDir, policy };
  web.route('/feed.rss', (req, res) => {
    if (req.headers['if-none-match'] === rss.etag) {
      res.writeHead(304, { etag: rss.etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: rss.etag });
    res.end(rssBody());
  });
  web.route('/atom.xml', (req, res) => {
    if (req.headers['if-modified-since'] === atom.modified) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': atom.modified });
    res.end(atomBody());
  });
  web.serve('/news/desalination', page(DESALINATION, '2025-03-14'));
  web.serve('/news/library', page(LIBRARY, '2025-01-18'));
  // The same story as /news/library under another address (a syndicated copy): same text.
  web.serve('/partner/library-copy', page(LIBRARY, '2025-01-18'));
  // Another address whose page names /news/desalination as its canonical link.
  web.serve('/amp/desalination', page({ ...DESALINATION, title: 'Port Elwyn plant (AMP)', paragraphs: [...DESALINATION.paragraphs, 'The plant employs 35 people, most of them hired locally.'] }, '2025-03-14', web.url('/news/desalination')));
  web.serve('/news/ferry', page(FERRY, '2025-02-03'));
  web.serve('/news/orchard', page(ORCHARD, '2025-03-20'));
  web.serve('/news/teaser', page({ title: 'Teaser', paragraphs: ['A short teaser with a link to a video.'] }, '2025-03-21'));
  rss.items = [
    { title: 'Library', link: web.url('/news/library'), date: '2025-01-18T08:00:00Z' },
    { title: 'Desalination', link: web.url('/news/desalination'), date: '2025-03-14T18:00:00Z' },
  ];
  atom.entries = [{ title: 'Ferry', link: web.url('/news/ferry'), date: '2025-02-03T07:00:00Z' }];
});

afterAll(async () => {
  await web?.close();
  workspace.cleanup();
});

const corpusFiles = () => readdirSync(workspace.corpusDir).sort();
const pageRequests = () => web.requests.filter((r) => r.path.startsWith('/news/') || r.path.startsWith('/partner/') || r.path.startsWith('/amp/')).length;

describe('following feeds', () => {
  it('first poll: adds every item of an RSS and an Atom feed, oldest first, and remembers the validators', async () => {
    const reports = await pollFeeds(options);
    expect(reports.map((r) => [r.status, r.added.map((a) => a.article.title)])).toEqual([
      ['read', [LIBRARY.title, DESALINATION.title]],
      ['read', [FERRY.title]],
    ]);
    expect(corpusFiles()).toHaveLength(3);
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state.feeds[web.url('/feed.rss')]).toMatchObject({ etag: '"v1"' });
    expect(state.feeds[web.url('/atom.xml')]).toMatchObject({ lastModified: atom.modified });
  });

  it('an unchanged feed is asked for conditionally and answers 304: nothing fetched, nothing added', async () => {
    const pagesBefore = pageRequests();
    const reports = await pollFeeds(options);
    expect(reports.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(web.requestsTo('/feed.rss').at(-1)).toMatchObject({ status: 304, headers: expect.objectContaining({ 'if-none-match': '"v1"' }) });
    expect(web.requestsTo('/atom.xml').at(-1)).toMatchObject({ status: 304, headers: expect.objectContaining({ 'if-modified-since': atom.modified }) });
    expect(pageRequests()).toBe(pagesBefore);
  });

  it('a changed feed: the new item is added; a copy with the same text, a page whose canonical link is in the corpus and a teaser are skipped', async () => {
    rss.etag = '"v2"';
    rss.items = [
      { title: 'Orchard', link: web.url('/news/orchard'), date: '2025-03-20T09:00:00Z' },
      { title: 'Teaser', link: web.url('/news/teaser'), date: '2025-03-21T09:00:00Z' },
      { title: 'Library (partner)', link: web.url('/partner/library-copy'), date: '2025-03-19T09:00:00Z' },
      { title: 'Desalination (AMP)', link: web.url('/amp/desalination'), date: '2025-03-18T09:00:00Z' },
      ...rss.items,
    ];
    const before = corpusFiles();
    const [report] = await pollFeeds(options);
    expect(report!.status).toBe('read');
    expect(report!.added.map((a) => a.article.title)).toEqual([ORCHARD.title]);
    expect(report!.skipped.map((s) => [new URL(s.url).pathname, s.reason])).toEqual([
      ['/amp/desalination', expect.stringMatching(/An article with this link is already in the corpus/)],
      ['/partner/library-copy', expect.stringMatching(/This article is already in the corpus/)],
      ['/news/teaser', expect.stringMatching(/not an article \(only \d+ words/)],
    ]);
    expect(corpusFiles()).toEqual([...before, report!.added[0]!.article.id].sort());
  });

  it('after a restart (state read from disk), a feed fetched in full again adds nothing and fetches no page twice', async () => {
    rss.etag = '"v3"'; // the server lost its cache: same items, new ETag
    const pagesBefore = pageRequests();
    const before = corpusFiles();
    const reports = await pollFeeds({ ...options });
    expect(reports[0]).toMatchObject({ status: 'read', added: [], skipped: [] });
    expect(pageRequests()).toBe(pagesBefore);
    expect(corpusFiles()).toEqual(before);
  });

  it('a broken feed is reported and the other feeds still polled; a page that fails to download is retried next poll', async () => {
    web.serve('/broken.xml', '<html><body>This is not a feed</body></html>', 'application/xml');
    rss.etag = '"v4"';
    rss.items = [{ title: 'Flaky', link: web.url('/news/flaky'), date: '2025-03-22T09:00:00Z' }, ...rss.items];
    const reports = await pollFeeds({ ...options, feeds: [web.url('/broken.xml'), web.url('/feed.rss')] });
    expect(reports[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/is not an RSS or Atom feed/) });
    expect(reports[1]!.skipped).toEqual([{ url: web.url('/news/flaky'), reason: expect.stringMatching(/HTTP 404/) }]);
    // Not remembered: the feed is fetched in full next time, not answered with a 304, and the page is tried again.
    expect(JSON.parse(readFileSync(statePath, 'utf8')).feeds[web.url('/feed.rss')].etag).toBeUndefined();
    web.serve('/news/flaky', page({ title: 'Flaky page', paragraphs: ORCHARD.paragraphs.map((p) => p.replace(/Millbrook/g, 'Ashcombe').replace(/orchard/g, 'vineyard')) }, '2025-03-22'));
    const [retry] = await pollFeeds(options);
    expect(retry!.added.map((a) => a.article.title)).toEqual(['Flaky page']);
  });

  it('what the feed says of an item fills what its page leaves out (a page without a date)', async () => {
    const undated = { title: 'Harbour dredging to start in April', paragraphs: DESALINATION.paragraphs.map((p) => p.replace(/desalination plant/g, 'dredging project').replace(/Port Elwyn/g, 'Kessock')) };
    web.serve('/news/undated', `<html><head><title>${undated.title}</title></head><body><article>${undated.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    web.serve('/undated.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Kessock News</title><item><title>Dredging</title><link>${web.url('/news/undated')}</link><pubDate>Tue, 01 Apr 2025 09:00:00 GMT</pubDate></item></channel></rss>`, 'application/rss+xml');
    const [report] = await pollFeeds({ ...options, feeds: [web.url('/undated.xml')] });
    expect(report!.added[0]!.article).toMatchObject({ title: undated.title, published: '2025-04-01' });
  });

  it('followFeeds polls on its interval, never twice at once, and calls back with what it added', async () => {
    const other = makeWorkspace({ corpus: false });
    try {
      mkdirSync(other.corpusDir);
      const added: string[][] = [];
      const feedRequests = web.requestsTo('/atom.xml').length;
      const follower = followFeeds({ ...options, feeds: [web.url('/atom.xml')], corpusDir: other.corpusDir, statePath: path.join(other.dataDir, 'feeds.json'), intervalMs: 100, onAdded: (a) => {
          added.push(a.map((x) => x.article.title));
          return Promise.resolve();
        } });
      await expect.poll(() => web.requestsTo('/atom.xml').length - feedRequests, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
      await follower.stop();
      const afterStop = web.requestsTo('/atom.xml').length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(web.requestsTo('/atom.xml').length).toBe(afterStop);
      expect(added).toEqual([[FERRY.title]]);
      expect(existsSync(path.join(other.dataDir, 'feeds.json'))).toBe(true);
    } finally {
      other.cleanup();
    }
  });
});
