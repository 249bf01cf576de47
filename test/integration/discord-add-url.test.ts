import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { DESALINATION, FERRY, ORCHARD, words } from '../support/news.js';
import { jsonLd, newsPage, WebServer } from '../support/web-server.js';
import { makeWorkspace } from '../support/workspace.js';

const CANONICAL = 'https://coastal-herald.example/2025/03/14/port-elwyn-desalination-plant';

let fake: FakeDiscord;
let web: WebServer;
let bot: RunningBot;
let workspace: ReturnType<typeof makeWorkspace>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  web = await WebServer.start();
  web.serve('/desalination', newsPage({ ...DESALINATION, head: jsonLd({ '@type': 'NewsArticle', headline: DESALINATION.title, datePublished: '2025-03-14', author: { '@type': 'Person', name: 'Maria Okafor' }, publisher: { '@type': 'Organization', name: 'Coastal Herald' }, url: CANONICAL }) }));
  web.serve('/orchard', newsPage(ORCHARD));
  web.serve('/paywalled', newsPage({ title: 'Members only', paragraphs: ['The first lines of a story that continues for subscribers only.'], head: jsonLd({ '@type': 'NewsArticle', headline: 'Members only', isAccessibleForFree: 'False' }) }));
  web.redirect('/to-metadata', 'http://169.254.169.254/latest/meta-data/');
  web.serve('/ferry', newsPage({ ...FERRY, head: jsonLd({ '@type': 'NewsArticle', headline: FERRY.title, datePublished: '2025-02-03', publisher: { '@type': 'Organization', name: 'Island Times' } }) }));
  web.serve('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Island Times</title><item><title>Ferry strike</title><link>${web.url('/ferry')}</link></item></channel></rss>`, 'application/rss+xml');
  workspace = makeWorkspace({
    env: {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DOSSIER_RATE_LIMIT_PER_MINUTE: '100',
      DOSSIER_FETCH_ALLOW_PRIVATE: '127.0.0.1/32',
      DOSSIER_FEEDS: web.url('/feed.xml'),
    },
  });
  const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
  bot = await startBot(workspace.config, engine);
  // The bot polls its feed at start-up: let that add settle before tests compare the corpus.
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (readdirSync(workspace.corpusDir).some((f) => f.startsWith('ferry-strike'))) break;
  }
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await web?.close();
  workspace?.cleanup();
});

const reply = async (token: string) => {
  const callback = await fake.waitForRequest((r) => r.path.endsWith(`${token}/callback`));
  if (callback.body.type === 4) return callback.body.data.content as string;
  return (await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token))).body.content as string;
};

describe('/add-article url:', () => {
  it('fetches the page, adds and indexes it, and says what was added; /ask then cites it with its link', async () => {
    const token = fake.slashCommand('add-article', { url: web.url('/desalination') }, fake.admin);
    expect((await fake.waitForRequest((r) => r.path.endsWith(`${token}/callback`))).body).toEqual({ type: 5, data: { flags: 64 } });
    const text = await reply(token);
    expect(text).toMatch(new RegExp(`^Added “Port Elwyn opens its first desalination plant” \\(Coastal Herald · by Maria Okafor · 2025-03-14 · ${words(DESALINATION)} words\\) as port-elwyn-[\\w-]+\\.md; \\d+ chunks? indexed\\. It can be asked about now\\.\\n<${CANONICAL}>$`));

    const ask = fake.slashCommand('ask', { question: 'How much seawater can the Port Elwyn plant treat a day?' });
    const embed = (await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ask))).body.embeds[0];
    // the lead: the measure with what it measures, as written
    expect(embed.description).toContain('**12,000 cubic metres of seawater**');
    // The compact answer's sources are masked links in its description: title — outlet, date.
    expect(embed.description.split('\n')).toContain(`[1] [${DESALINATION.title} — Coastal Herald, 14 March 2025](${CANONICAL})`);
  });

  it('refuses, privately and with the reason, a paywall stub, an unsafe redirect and a second copy, changing nothing', async () => {
    const before = readdirSync(workspace.corpusDir).sort();
    expect(await reply(fake.slashCommand('add-article', { url: web.url('/paywalled') }, fake.admin))).toMatch(/was not added: it is not an article \(it is for subscribers only/);
    expect(await reply(fake.slashCommand('add-article', { url: web.url('/to-metadata') }, fake.admin))).toMatch(/^169\.254\.169\.254 is a local or private network address/);
    expect(await reply(fake.slashCommand('add-article', { url: `${web.url('/desalination')}?utm_source=discord` }, fake.admin))).toMatch(/already in the corpus/);
    expect(await reply(fake.slashCommand('add-article', { url: 'javascript:alert(1)' }, fake.admin))).toMatch(/Only http and https links/);
    expect(await reply(fake.slashCommand('add-article', {}, fake.admin))).toMatch(/Attach a file \(file:\) or give the article’s link \(url:\)/);
    expect(readdirSync(workspace.corpusDir).sort()).toEqual(before);
  });

  it('is refused to a member without Manage Server, before anything is fetched', async () => {
    const fetched = web.requestsTo('/orchard').length;
    expect(await reply(fake.slashCommand('add-article', { url: web.url('/orchard') }, fake.member))).toMatch(/Only members with Manage Server/);
    expect(web.requestsTo('/orchard').length).toBe(fetched);
  });

  it('with a file, url: stays the link to the original, as before', async () => {
    const file = fake.hostFile('orchard.txt', `${ORCHARD.title}\n${ORCHARD.paragraphs.join('\n')}\n`);
    const text = await reply(fake.slashCommand('add-article', { file: { attachment: file }, url: 'https://village-news.example/orchard' }, fake.admin));
    expect(text).toMatch(/^Added “Heritage orchard saved by village crowdfunding” as orchard\.md/);
    expect(readFileSync(path.join(workspace.corpusDir, 'orchard.md'), 'utf8')).toContain('url: "https://village-news.example/orchard"');
    expect(web.requestsTo('/orchard')).toHaveLength(0);
  });
});

describe('DOSSIER_FEEDS in the running bot', () => {
  it('adds the feed’s new item at start-up and indexes it: it is answered from, with its outlet', async () => {
    const deadline = Date.now() + 10_000;
    let embed: any;
    do {
      const token = fake.slashCommand('ask', { question: 'Why were the ferry crossings to the northern islands cancelled?' });
      embed = (await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token))).body.embeds[0];
    } while (!/^\[1\] /m.test(embed.description ?? '') && Date.now() < deadline);
    expect(embed.description).toMatch(new RegExp(`^\\[1\\] \\[?${FERRY.title} — Island Times, 3 February 2025`, 'm'));
    expect(web.requestsTo('/feed.xml')[0]!.headers['user-agent']).toMatch(/^DossierBot\//);
  });
});
