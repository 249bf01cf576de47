import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { BotEngine } from '../../src/discord/command.js';
import { registerCommands } from '../../src/discord/register.js';
import { Engine } from '../../src/engine.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { makeWorkspace } from '../support/workspace.js';

let fake: FakeDiscord;
let bot: RunningBot;
let workspace: ReturnType<typeof makeWorkspace>;
let trusted: ReturnType<FakeDiscord['createUser']>;
/** Makes the bot see a re-index in progress, as if the watcher had started one. */
let reindexBusy = false;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  trusted = fake.createUser('trusted');
  workspace = makeWorkspace({
    env: {
      DOSSIER_ADMIN_USER_IDS: trusted.id,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.appId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
      DOSSIER_RATE_LIMIT_PER_MINUTE: '3',
    },
  });
  // Enough articles for two pages of /sources.
  for (let i = 1; i <= 8; i++) {
    writeFileSync(path.join(workspace.corpusDir, `zorbaville-${i}.md`), `---\ntitle: Chronique de Zorbaville n°${i}\nsource: La Gazette\npublished: 2024-0${i}\n---\nLe conseil municipal de Zorbaville a voté le budget numéro ${i} après un long débat public.\n`);
  }
  const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
  // The bot sees the real engine, except that one question makes it fail like a bug would.
  const flaky: BotEngine = {
    ask: (q) => (q.includes('[fail]') ? Promise.reject(new Error('simulated fault')) : engine.ask(q)),
    reindex: () => engine.reindex(),
    timeline: (filter) => engine.timeline(filter),
    chunkCount: (id) => engine.chunkCount(id),
    get isReindexing() {
      return reindexBusy || engine.isReindexing;
    },
    get articles() {
      return engine.articles;
    },
    keywordOnlyReason: engine.keywordOnlyReason,
  };
  bot = await startBot(workspace.config, flaky);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  workspace?.cleanup();
});

const edited = (token: string) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
const callback = (token: string) => fake.waitForRequest((r) => r.path.endsWith(`${token}/callback`));

describe('registration', () => {
  it('registers the five commands in the configured server, admin ones hidden from members', async () => {
    expect(await registerCommands(workspace.config)).toMatchObject({ count: 5, where: expect.stringContaining(fake.guildId) });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'timeline', 'sources', 'reindex', 'add-article']);
    const ask = put.body[0];
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500 });
    expect(put.body[3].default_member_permissions).toBe(String(1 << 5));
    expect(put.body[4].default_member_permissions).toBe(String(1 << 5));
    expect(put.body[4].options[0]).toMatchObject({ name: 'file', type: 11, required: true });
  });

  it('refuses to register without a token or application id, in one clear message', async () => {
    await expect(registerCommands(loadConfig({}, workspace.root))).rejects.toThrow(/DISCORD_TOKEN is not set/);
    await expect(registerCommands(loadConfig({ DISCORD_TOKEN: 'x' }, workspace.root))).rejects.toThrow(/DISCORD_APPLICATION_ID is not set/);
  });
});

describe('/ask', () => {
  it('defers at once, then edits the reply with the cited answer embed and feedback buttons', async () => {
    const token = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' });
    expect((await callback(token)).body).toMatchObject({ type: 5 });
    const edit = await edited(token);
    expect(edit.rejected).toBeUndefined();
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('When did US troops leave Agadez?');
    expect(embed.description).toMatch(/^\*\*Early August 2024 \(planned\)\*\*\n\n“[^”]*août[^”]*” \[1\]/s);
    expect(embed.fields[0]).toMatchObject({ name: '[1] Niger : le retrait des soldats américains sera achevé début août', value: 'AFP · 2024-07' });
    expect(embed.footer.text).toMatch(/^Keyword-only mode: no model in tests/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const buttons = edit.body.components[0].components.map((b: { custom_id: string }) => b.custom_id);
    expect(buttons).toEqual(['feedback:up', 'feedback:down']);
  });

  it('answers privately when asked to', async () => {
    const token = fake.slashCommand('ask', { question: 'Who is the US ambassador to Niger?', private: true }, fake.createUser('shy'));
    expect((await callback(token)).body).toEqual({ type: 5, data: { flags: 64 } });
    expect((await edited(token)).body.embeds[0].description).toContain('FitzGibbon');
  });

  it('says so when the articles do not hold the answer', async () => {
    const token = fake.slashCommand('ask', { question: 'When did Germany withdraw its troops from Niger?' }, fake.createUser('curious'));
    const embed = (await edited(token)).body.embeds[0];
    expect(embed.description).toMatch(/^The articles never mention germany, so they cannot answer this\.\nNearest articles:\n- /);
    expect(embed.fields ?? []).toEqual([]);
  });

  it('never pings: a question with @everyone and a role mention is sent with no mention parsing', async () => {
    const token = fake.slashCommand('ask', { question: '@everyone <@&123456789012345678> when did US troops leave Agadez?' }, fake.createUser('prankster'));
    const edit = await edited(token);
    expect(edit.body.embeds[0].title).toContain('@everyone');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('refuses an empty-looking question privately, before deferring', async () => {
    const token = fake.slashCommand('ask', { question: '?!?' }, fake.createUser('typo'));
    expect((await callback(token)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/no words/) } });
  });

  it('rate-limits a burst per user with a friendly private message, and serves the rest in order', async () => {
    const eager = fake.createUser('eager');
    const questions = ['Who is the US ambassador to Niger?', 'Which alliance did Niger, Burkina and Mali create?', 'Where did Kenneth Ekman hold his press conference?', 'Who led the coup?'];
    const tokens = questions.map((question) => fake.slashCommand('ask', { question }, eager));
    const callbacks = await Promise.all(tokens.map(callback));
    expect(callbacks.slice(0, 3).map((c) => c.body.type)).toEqual([5, 5, 5]);
    expect(callbacks[3]!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/limit is 3 questions a minute/) } });
    const edits = await Promise.all(tokens.slice(0, 3).map(edited));
    expect(edits.map((e) => e.body.embeds[0].title)).toEqual(questions.slice(0, 3));
    const order = edits.map((e) => fake.requests.indexOf(e));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('a failing handler still answers, with a reference that is in the log, and the bot keeps serving', async () => {
    const token = fake.slashCommand('ask', { question: '[fail] anything' }, fake.createUser('unlucky'));
    const failure = await edited(token);
    const reference = /Reference: ([0-9a-f]{8})/.exec(failure.body.content)?.[1];
    expect(reference).toBeDefined();
    expect(failure.body.content).not.toMatch(/simulated fault|at /);
    await expect.poll(() => readFileSync(workspace.config.logFile, 'utf8')).toContain(reference);
    const next = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' }, fake.createUser('next'));
    expect((await edited(next)).body.embeds[0].fields.length).toBeGreaterThan(0);
  });
});

describe('feedback buttons', () => {
  it('append the vote, the question and the sources to the feedback log', async () => {
    const user = fake.createUser('critic');
    const token = fake.slashCommand('ask', { question: 'Which Russian mercenaries are involved in the region?' }, user);
    const answer = await edited(token);
    const message = { ...answer.body, id: '1234567890123456789', channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [] };
    const click = fake.clickButton(message, 'feedback:down', user);
    expect((await callback(click)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Thanks/) } });
    const entry = JSON.parse(readFileSync(workspace.config.feedbackLog, 'utf8').trim().split('\n').at(-1)!);
    expect(entry).toMatchObject({ vote: 'down', question: 'Which Russian mercenaries are involved in the region?', userId: user.id, messageId: '1234567890123456789' });
    expect(entry.sources[0]).toMatch(/^\[1\] /);
  });
});

describe('@mentions', () => {
  it('answers a mention with a reply that pings nobody', async () => {
    const id = fake.postMessage(`<@${fake.botUser.id}> Combien de militaires américains ont quitté le Niger ?`, { mentionBot: true, author: fake.createUser('chatty') });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body.message_reference?.message_id === id);
    expect(reply.authorization).toBe(`Bot ${fake.token}`);
    expect(reply.body.embeds[0].description).toContain('766');
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers a reply to one of its answers', async () => {
    const answer = { id: '2234567890123456789', channel_id: fake.channelId, author: fake.botUser, content: '', embeds: [], timestamp: new Date().toISOString(), type: 0, attachments: [], mentions: [], mention_roles: [] };
    const id = fake.postMessage('Who is the US ambassador to Niger?', { replyTo: answer, mentionBot: true, author: fake.createUser('follow-up') });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === id);
    expect(reply.body.embeds[0].description).toContain('FitzGibbon');
  });

  it('answers a direct message without a mention', async () => {
    const channelId = fake.postDirectMessage('Who is the US ambassador to Niger?', fake.createUser('private-reader'));
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    expect(reply.body.embeds[0].description).toContain('FitzGibbon');
  });

  it('ignores messages that do not address it', async () => {
    const before = fake.requests.length;
    fake.postMessage('When did US troops leave Agadez?');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.requests.slice(before).filter((r) => r.path.includes('/messages'))).toEqual([]);
  });
});

describe('/timeline', () => {
  it('edits the reply with the event list and a PNG timeline attached, and pages with buttons', async () => {
    const token = fake.slashCommand('timeline', {}, fake.createUser('historian'));
    expect((await callback(token)).body).toMatchObject({ type: 5 });
    const edit = await edited(token);
    expect(edit.rejected).toBeUndefined();
    const [file] = edit.files;
    expect(file).toMatchObject({ name: 'timeline.png', type: 'image/png' });
    expect(file!.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const embed = edit.body.embeds[0];
    expect(embed.image.url).toBe('attachment://timeline.png');
    expect(embed.title).toBe('Timeline (11 events)');
    // Six events a page, as in the picture; each lettered like its dot, headline first, then the quote.
    expect(embed.fields).toHaveLength(6);
    expect(embed.fields[0].name).toBe('A · 2012');
    expect(embed.fields[0].value).toMatch(/^\*\*Signing of accord de coopération militaire\*\*\n“.*signé en 2012/);
    expect(embed.fields[5].name).toBe('F · March 2024 · planned');
    // The picture's description lists the page's events for those who cannot see it.
    expect(edit.body.attachments[0].description).toMatch(/^Timeline, page 1 of 2\. A: 2012, Signing of .* F: March 2024 \(planned\), Meeting with/);
    const later = edit.body.components[0].components[1];
    const message = { ...edit.body, id: '4234567890123456789', channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [] };
    const click = await callback(fake.clickButton(message, later.custom_id));
    expect(click.body).toMatchObject({ type: 7 });
    expect(click.body.data.embeds[0].footer.text).toBe('Page 2 of 2');
    // The click redraws the picture for page 2 and replaces the old one.
    expect(click.files).toHaveLength(1);
    expect(click.body.data.attachments).toEqual([expect.objectContaining({ description: expect.stringMatching(/^Timeline, page 2 of 2\. A: April–May 2024/) })]);
  });

  it('narrows to a topic and a period, and refuses a malformed date privately', async () => {
    const token = fake.slashCommand('timeline', { about: 'Agadez', from: '2024' }, fake.createUser('focused'));
    const embed = (await edited(token)).body.embeds[0];
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(['A · early July 2024']);
    const bad = fake.slashCommand('timeline', { from: 'yesterday' }, fake.createUser('sloppy'));
    expect((await callback(bad)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/"from" must be a date/) } });
  });
});

describe('/sources', () => {
  it('lists the articles with Previous/Next buttons, and Next shows the second page', async () => {
    const token = fake.slashCommand('sources');
    const first = (await callback(token)).body;
    expect(first.type).toBe(4);
    expect(first.data.embeds[0].title).toBe('Articles in the corpus (13)');
    expect(first.data.embeds[0].fields).toHaveLength(10);
    expect(first.data.embeds[0].footer.text).toBe('Page 1 of 2');
    const [previous, next] = first.data.components[0].components;
    expect(previous).toMatchObject({ custom_id: 'sources:-1', disabled: true });
    const message = { ...first.data, id: '3234567890123456789', channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [] };
    const click = fake.clickButton(message, next.custom_id);
    const update = (await callback(click)).body;
    expect(update.type).toBe(7);
    expect(update.data.embeds[0].fields).toHaveLength(3);
    expect(update.data.embeds[0].footer.text).toBe('Page 2 of 2');
  });
});

describe('/reindex', () => {
  it('is refused, privately, to a member without Manage Server', async () => {
    const token = fake.slashCommand('reindex', {}, fake.member);
    expect((await callback(token)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Only members with Manage Server/) } });
  });

  it('runs for an admin and reports what changed', async () => {
    writeFileSync(path.join(workspace.corpusDir, 'zorbaville-9.md'), '---\ntitle: Chronique 9\n---\nLe conseil municipal de Zorbaville a inauguré la nouvelle bibliothèque ce lundi matin.\n');
    const token = fake.slashCommand('reindex', {}, fake.admin);
    expect((await callback(token)).body).toMatchObject({ type: 5 });
    const edit = await edited(token);
    expect(edit.body.content).toMatch(/Re-index done: \d+ chunks\.\nAdded 1 \(zorbaville-9\.md\), updated 0, removed 0, unchanged 13\./);
  });
});

describe('/reindex, continued', () => {
  it('runs for a user on the DOSSIER_ADMIN_USER_IDS allow-list without Manage Server', async () => {
    const token = fake.slashCommand('reindex', {}, trusted);
    expect((await callback(token)).body).toMatchObject({ type: 5 });
    expect((await edited(token)).body.content).toMatch(/^Nothing to re-index: the index already matches the corpus/);
  });

  it('is refused, privately, while another re-index runs', async () => {
    reindexBusy = true;
    const token = fake.slashCommand('reindex', {}, fake.admin);
    const refusal = (await callback(token)).body;
    reindexBusy = false;
    expect(refusal).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/already running/) } });
  });
});

describe('the fake Discord refuses what Discord refuses', () => {
  it('over-long content, an over-long embed and an empty message', async () => {
    const channel = await bot.client.channels.fetch(fake.channelId);
    if (!channel?.isSendable()) throw new Error('the test channel should be sendable');
    await expect(channel.send('x'.repeat(2001))).rejects.toThrow(/2000 or fewer/);
    await expect(channel.send({ embeds: [{ description: 'x'.repeat(4097) }] })).rejects.toThrow(/4096 or fewer/);
    await expect(channel.send({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] })).rejects.toThrow(/6000/);
    await expect(channel.send({ embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] })).rejects.toThrow(/1024 or fewer/);
    expect(fake.requests.filter((r) => r.rejected?.code === 50035)).toHaveLength(4);
  });
});

describe('starting the bot', () => {
  it('without a token: one clear error', async () => {
    const config = loadConfig({ ...workspace.env, DISCORD_TOKEN: '' }, workspace.root);
    await expect(startBot(config, {} as BotEngine)).rejects.toMatchObject({ code: 'discord-token-missing', message: 'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).' });
  });

  it('when Discord cannot be reached: one clear error', async () => {
    const config = loadConfig({ ...workspace.env, DISCORD_API_URL: 'http://127.0.0.1:1/api' }, workspace.root);
    await expect(startBot(config, {} as BotEngine)).rejects.toThrow(/^Cannot reach Discord \(.*\): check the network connection\.$/);
  });

  it('with a token Discord refuses: one clear error', async () => {
    const config = loadConfig({ ...workspace.env, DISCORD_TOKEN: 'wrong.token' }, workspace.root);
    await expect(startBot(config, {} as BotEngine)).rejects.toThrow(/Discord refused the token/);
  });
});

