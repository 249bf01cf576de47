import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { BotEngine } from '../../src/discord/command.js';
import { registerCommands } from '../../src/discord/register.js';
import { Engine } from '../../src/engine.js';
import { COMPACT_BUDGET, visibleCharacters } from '../../src/discord/format.js';
import { guessLanguage } from '../../src/text/language.js';
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
  // A reason holding a path and a network error: what answers must never show.
  const engine = await Engine.open(workspace.config, { builds: 'worker', embedder: { embedder: null, unavailable: `cannot reach ${workspace.root}/models (ECONNREFUSED)` } });
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
    subjects: () => engine.subjects(),
    status: () => engine.status(),
    followSwappedIndex: () => engine.followSwappedIndex(),
  };
  bot = await startBot(workspace.config, flaky, undefined, { noticeLifetimeMs: 200 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  workspace?.cleanup();
});

const edited = (token: string) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
/** A message the bot sent, as a button click or a reply carries it. */
const sentMessage = (body: any, id: string) => ({ ...body, id, channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [] });
const buttons = (body: any) => body.components[0].components as { custom_id: string; label: string; disabled?: boolean; style: number }[];
const callback = (token: string) => fake.waitForRequest((r) => r.path.endsWith(`${token}/callback`));

describe('registration', () => {
  it('registers the six commands in the configured server, localised in French, admin ones hidden from members', async () => {
    expect(await registerCommands(workspace.config)).toMatchObject({ count: 6, where: expect.stringContaining(fake.guildId) });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'timeline', 'sources', 'reindex', 'add-article', 'status']);
    const ask = put.body[0];
    expect(ask).toMatchObject({ name_localizations: { fr: 'demander' }, description_localizations: { fr: expect.stringMatching(/^Posez une question/) } });
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500, description_localizations: { fr: expect.stringContaining('français') } });
    expect(put.body[1].options[0]).toMatchObject({ name: 'about', autocomplete: true, name_localizations: { fr: 'sujet' } });
    expect(put.body[1].options[3]).toMatchObject({
      name: 'theme',
      name_localizations: { fr: 'thème' },
      description_localizations: { fr: expect.stringMatching(/^Couleurs/) },
      choices: [
        { name: 'dark', value: 'dark', name_localizations: { fr: 'sombre' } },
        { name: 'light', value: 'light', name_localizations: { fr: 'clair' } },
      ],
    });
    expect(put.body[5].default_member_permissions).toBe(String(1 << 5));
    expect(put.body[3].default_member_permissions).toBe(String(1 << 5));
    expect(put.body[4].default_member_permissions).toBe(String(1 << 5));
    // /add-article takes a file or a link: neither is required on its own.
    expect(put.body[4].options.filter((o: { required?: boolean }) => o.required)).toEqual([]);
    expect(put.body[4].options.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['file', 'url']));
  });

  it('refuses to register without a token or application id, in one clear message', async () => {
    await expect(registerCommands(loadConfig({}, workspace.root))).rejects.toThrow(/DISCORD_TOKEN is not set/);
    await expect(registerCommands(loadConfig({ DISCORD_TOKEN: 'x' }, workspace.root))).rejects.toThrow(/DISCORD_APPLICATION_ID is not set/);
  });
});

describe('/ask', () => {
  it('defers at once, then edits the reply with the compact answer: lead, quote, sources as links, buttons', async () => {
    const token = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' });
    expect((await callback(token)).body).toMatchObject({ type: 5 });
    const edit = await edited(token);
    expect(edit.rejected).toBeUndefined();
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('When did US troops leave Agadez?');
    expect(embed.description).toMatch(/^\*\*Early August 2024 \(planned, as reported in July 2024\)\*\*\n\n> “[^”]*août[^”]*” \[1\]/s);
    // The seed articles carry no url: the source is its label, once (a url makes it a masked link: unit tests).
    expect(embed.description.match(/^\[1\] Niger : le retrait des soldats américains sera achevé début août — AFP, July 2024$/gm)).toHaveLength(1);
    expect(embed.footer.text).toBe('Keyword search only: answers may be less complete.');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(buttons(edit.body).map((b) => b.custom_id)).toEqual([expect.stringMatching(/^quotes:\w+$/), expect.stringMatching(/^feedback:up:\w+$/), expect.stringMatching(/^feedback:down:\w+$/)]);
  });

  it('Show quotes reveals the whole answer to the one who clicks only', async () => {
    const asker = fake.createUser('thorough');
    const token = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' }, asker);
    const edit = await edited(token);
    const show = buttons(edit.body)[0]!;
    expect(show.label).toBe('Show quotes');
    const reveal = (await callback(fake.clickButton(sentMessage(edit.body, '5234567890123456789'), show.custom_id, asker))).body;
    expect(reveal).toMatchObject({ type: 4, data: { flags: 64 } });
    // The compact answer shortened its quote (or left quotes out); the revealed one gives every quote whole.
    const quotesOf = (description: string) => [...description.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    const compactQuotes = quotesOf(edit.body.embeds[0].description);
    const wholeQuotes = quotesOf(reveal.data.embeds[0].description);
    expect(wholeQuotes.join('').length).toBeGreaterThan(compactQuotes.join('').length);
    expect(wholeQuotes.every((q) => !q.endsWith('…'))).toBe(true);
    expect(reveal.data.embeds[0].description).toMatch(/> “[^”]+” \[1\]/);
  });

  it('gives French chrome to a French-locale reader, and answers an English question in English', async () => {
    const token = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' }, fake.createUser('lectrice'), 'fr');
    const edit = await edited(token);
    expect(buttons(edit.body).map((b) => b.label)).toEqual(['Voir les citations', undefined, undefined]);
    expect(edit.body.embeds[0].footer.text).toMatch(/^Recherche par mots-clés seulement/);
    const lead = /^\*\*(.+)\*\*$/m.exec(edit.body.embeds[0].description)![1]!;
    expect(lead).toBe('Early August 2024 (planned, as reported in July 2024)');
    const refused = fake.slashCommand('ask', { question: '?!?' }, fake.createUser('lecteur'), 'fr');
    expect((await callback(refused)).body.data.content).not.toMatch(/\b(the|question|words)\b.*\b(has|no)\b/);
  });

  it('answers an English question about French articles with an English lead', async () => {
    const leadOf = async (question: string) => /^\*\*(.+)\*\*$/m.exec((await edited(fake.slashCommand('ask', { question }, fake.createUser('reader')))).body.embeds[0].description)?.[1];
    const pairs = [
      ['How many American soldiers have left Niger?', 'Combien de soldats américains ont quitté le Niger ?'],
      ['when did the american troops leave niger', 'quand les troupes américaines ont quitté le niger'],
    ];
    for (const [english, french] of pairs) {
      const [en, fr] = [await leadOf(english!), await leadOf(french!)];
      expect(en, english).toBeDefined();
      expect(fr, french).toBeDefined();
      // The same answer, said in each reader's language.
      expect(en, english).not.toBe(fr);
      expect(en).toMatch(/troops|soldiers|August|July/);
    }
    expect(guessLanguage((await leadOf('When did US troops leave Agadez?'))!)).toBe('en');
  });

  it('keeps every answer within one phone screen before Show quotes', async () => {
    const questions = [
      'When did US troops leave Agadez?',
      'Pourquoi les Américains sont-ils partis du Niger ?',
      'c koi le CNSP',
      'Which alliance did Niger, Burkina and Mali create?',
      'Combien de militaires américains ont quitté le Niger ?',
      'What did the US delegation discuss in Niamey in March 2024?',
    ];
    for (const [i, question] of questions.entries()) {
      const edit = await edited(fake.slashCommand('ask', { question }, fake.createUser(`phone-${i}`), i % 2 ? 'fr' : 'en-GB'));
      expect(edit.rejected, question).toBeUndefined();
      expect(visibleCharacters(edit.body), question).toBeLessThanOrEqual(COMPACT_BUDGET);
    }
  });

  it('answers privately when asked to', async () => {
    const token = fake.slashCommand('ask', { question: 'Who is the US ambassador to Niger?', private: true }, fake.createUser('shy'));
    expect((await callback(token)).body).toEqual({ type: 5, data: { flags: 64 } });
    expect((await edited(token)).body.embeds[0].description).toContain('FitzGibbon');
  });

  it('says so when the articles do not hold the answer', async () => {
    const token = fake.slashCommand('ask', { question: 'When did Germany withdraw its troops from Niger?' }, fake.createUser('curious'));
    const embed = (await edited(token)).body.embeds[0];
    expect(embed.description).toMatch(/^The articles never mention germany, so they cannot answer this\.\n\nClosest articles:\n- Niger : le retrait des soldats américains sera achevé début août — AFP, July 2024\n/);
    expect(embed.description).toMatch(/\*Try other words[^*]+\/sources\.\*$/);
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
    const reference = /reference ([0-9a-f]{8})/.exec(failure.body.content)?.[1];
    expect(reference).toBeDefined();
    expect(failure.body.content).not.toMatch(/simulated fault|at /);
    await expect.poll(() => readFileSync(workspace.config.logFile, 'utf8')).toContain(reference);
    const next = fake.slashCommand('ask', { question: 'When did US troops leave Agadez?' }, fake.createUser('next'));
    expect((await edited(next)).body.embeds[0].description).toContain('[1]');
  });
});

describe('feedback buttons', () => {
  it('take one vote per user: the asker’s vote disables them with thanks, a second is refused, the log has question, mode and sources', async () => {
    const user = fake.createUser('critic');
    const token = fake.slashCommand('ask', { question: 'Which Russian mercenaries are involved in the region?' }, user);
    const answer = await edited(token);
    const message = sentMessage(answer.body, '1234567890123456789');
    const down = buttons(answer.body).find((b) => b.custom_id.startsWith('feedback:down'))!;
    const first = (await callback(fake.clickButton(message, down.custom_id, user))).body;
    expect(first.type).toBe(7);
    const after = buttons(first.data);
    expect(after.filter((b) => b.custom_id.startsWith('feedback:')).map((b) => [b.disabled, b.label])).toEqual([
      [true, undefined],
      [true, 'Thanks!'],
    ]);
    const again = (await callback(fake.clickButton(message, down.custom_id, user))).body;
    expect(again).toMatchObject({ type: 4, data: { flags: 64, content: 'You already voted on this answer.' } });
    const entries = readFileSync(workspace.config.feedbackLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const mine = entries.filter((e) => e.messageId === '1234567890123456789');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ vote: 'down', question: 'Which Russian mercenaries are involved in the region?', mode: 'keyword', userId: user.id });
    expect(mine[0].sources[0]).toMatch(/^\[1\] /);
  });

  it('thank another reader privately and leave the buttons for others', async () => {
    const asker = fake.createUser('asker');
    const answer = await edited(fake.slashCommand('ask', { question: 'Who is the US ambassador to Niger?' }, asker));
    const up = buttons(answer.body).find((b) => b.custom_id.startsWith('feedback:up'))!;
    const vote = (await callback(fake.clickButton(sentMessage(answer.body, '1334567890123456789'), up.custom_id, fake.createUser('bystander'), 'fr'))).body;
    expect(vote).toMatchObject({ type: 4, data: { flags: 64, content: 'Merci, votre avis est enregistré.' } });
  });
});

describe('a button with an unknown id', () => {
  it('gets a private answer saying it is no longer active, not "interaction failed"', async () => {
    const message = { content: 'old', id: '5234567890123456789', channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [], embeds: [], components: [] };
    const click = fake.clickButton(message, 'retired-feature:42', fake.createUser('archivist'));
    expect((await callback(click)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/no longer active/) } });
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

  it('carries the subject of the answer a reply follows up', async () => {
    const reader = fake.createUser('curieuse');
    const firstId = fake.postMessage(`<@${fake.botUser.id}> Quand les soldats américains ont-ils quitté le Niger ?`, { mentionBot: true, author: reader });
    const first = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === firstId);
    const followId = fake.postMessage('et combien de soldats ?', { replyTo: first.response, author: reader });
    const follow = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === followId);
    expect(follow.body.embeds[0]).toMatchObject({ title: 'et combien de soldats ?', author: { name: 'Suite de : Quand les soldats américains ont-ils quitté le Niger ?' } });
    expect(follow.body.embeds[0].description).toContain('766');

    const englishId = fake.postMessage(`<@${fake.botUser.id}> When did US troops leave Niger?`, { mentionBot: true, author: reader });
    const english = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === englishId);
    // After a restart the answer is not remembered: its title still says what was asked.
    const forgotten = { ...english.response, id: '6234567890123456789' };
    const andId = fake.postMessage('and Agadez?', { replyTo: forgotten, author: fake.createUser('other-reader') });
    const and = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === andId);
    expect(and.body.embeds[0]).toMatchObject({ title: 'and Agadez?', author: { name: 'Follow-up to: When did US troops leave Niger?' } });
    expect(and.body.embeds[0].description).toMatch(/^\*\*Early August 2024/);
  });

  it('never posts a rate-limit notice in the channel: a reaction and a direct message instead', async () => {
    const eager = fake.createUser('eager-mentioner');
    const ids = ['Who is the US ambassador to Niger?', 'Who led the coup?', 'What is Africom?', 'Where is Agadez?'].map((q) => fake.postMessage(`<@${fake.botUser.id}> ${q}`, { mentionBot: true, author: eager }));
    const limited = ids[3]!;
    const reaction = await fake.waitForRequest((r) => r.method === 'PUT' && r.path.startsWith(`/channels/${fake.channelId}/messages/${limited}/reactions/`));
    expect(reaction.path).toContain('⏳');
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === '/users/@me/channels' && r.body.recipient_id === eager.id);
    const dm = await fake.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${fake.channelId}/messages` && /limit is 3 questions/.test(r.body.content ?? ''));
    expect(dm.body.message_reference).toBeUndefined();
    await Promise.all(ids.slice(0, 3).map((id) => fake.waitForRequest((r) => r.body?.message_reference?.message_id === id)));
    const inChannel = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body?.message_reference?.message_id === limited);
    expect(inChannel).toEqual([]);
  });

  it('replies with a notice that deletes itself when the user takes no direct messages', async () => {
    const closed = fake.createUser('no-dms', { acceptsDirectMessages: false });
    const ids = ['Who is the US ambassador to Niger?', 'Who led the coup?', 'What is Africom?', 'Where is Agadez?'].map((q) => fake.postMessage(`<@${fake.botUser.id}> ${q}`, { mentionBot: true, author: closed }));
    const notice = await fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === ids[3] && /limit/.test(r.body.content ?? ''));
    await fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/channels/${fake.channelId}/messages/${notice.response.id}`);
  });

  it('tells of a fault in a mention privately too: a reaction and a direct message with the reference', async () => {
    const unlucky = fake.createUser('unlucky-mentioner');
    const id = fake.postMessage(`<@${fake.botUser.id}> [fail] anything`, { mentionBot: true, author: unlucky });
    const reaction = await fake.waitForRequest((r) => r.method === 'PUT' && r.path.startsWith(`/channels/${fake.channelId}/messages/${id}/reactions/`));
    expect(reaction.path).toContain('⚠');
    const dm = await fake.waitForRequest((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && /reference [0-9a-f]{8}/.test(r.body.content ?? ''));
    expect(dm.path).not.toBe(`/channels/${fake.channelId}/messages`);
    expect(fake.requests.filter((r) => r.body?.message_reference?.message_id === id)).toEqual([]);
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
    // A plain attachment, shown about 520 px wide, not the narrower embed image.
    expect(embed.image).toBeUndefined();
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
    expect(first.data.embeds[0].description.split('\n')).toHaveLength(10);
    expect(first.data.embeds[0].footer.text).toBe('Page 1 of 2');
    const [previous, next] = first.data.components[0].components;
    expect(previous).toMatchObject({ custom_id: 'sources:-1', disabled: true });
    const message = { ...first.data, id: '3234567890123456789', channel_id: fake.channelId, author: fake.botUser, timestamp: new Date().toISOString(), type: 20, attachments: [], mentions: [], mention_roles: [] };
    const click = fake.clickButton(message, next.custom_id);
    const update = (await callback(click)).body;
    expect(update.type).toBe(7);
    expect(update.data.embeds[0].description.split('\n')).toHaveLength(3);
    expect(update.data.embeds[0].footer.text).toBe('Page 2 of 2');
  });
});

describe('/timeline about', () => {
  it('suggests the corpus’s most used names as one types', async () => {
    const token = fake.autocomplete('timeline', 'about', 'nia');
    const suggestions = (await callback(token)).body;
    expect(suggestions.type).toBe(8);
    expect(suggestions.data.choices[0]).toEqual({ name: 'Niamey', value: 'Niamey' });
    const all = (await callback(fake.autocomplete('timeline', 'about', ''))).body.data.choices.map((c: { name: string }) => c.name);
    expect(all.length).toBeGreaterThan(5);
    expect(all).toContain('Niger');
  });
});

describe('/status', () => {
  it('shows an admin, privately, what answers never show; refuses a member', async () => {
    const token = fake.slashCommand('status', {}, fake.admin);
    const reply = (await callback(token)).body;
    expect(reply).toMatchObject({ type: 4, data: { flags: 64 } });
    const fields = Object.fromEntries(reply.data.embeds[0].fields.map((f: { name: string; value: string }) => [f.name, f.value]));
    expect(fields.Index).toMatch(/^\d+ articles, \d+ chunks, built .* ago$/);
    expect(fields.Mode).toContain('ECONNREFUSED');
    expect(fields['Model or endpoint']).toBeTruthy();
    expect(fields.Queue).toMatch(/questions? waiting/);
    expect(fields.Uptime).toMatch(/\d+ (s|min|h)/);
    expect(fields.Writer).toBe('off: answers are extractive');
    const refused = (await callback(fake.slashCommand('status', {}, fake.member, 'fr'))).body;
    expect(refused).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/^Seuls les membres/) } });
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

describe('everything the bot sent', () => {
  it('holds no file-system path, stack trace or network error (only /status, for admins, names them)', () => {
    const statusTokens = fake.requests.filter((r) => r.body?.data?.embeds?.[0]?.title === 'Dossier status').map((r) => r.path);
    const sent = fake.requests.filter((r) => r.body && !statusTokens.includes(r.path) && r.method !== 'PUT').map((r) => JSON.stringify(r.body));
    expect(sent.length).toBeGreaterThan(30);
    for (const body of sent) {
      expect(body).not.toContain(workspace.root);
      expect(body).not.toMatch(/ECONNREFUSED|\n\s+at |\.ts:\d+|Error:/);
    }
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

