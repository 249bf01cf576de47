import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { FakeChat, stream } from '../support/fake-chat.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { makeWorkspace } from '../support/workspace.js';

// The real discord.js bot, the real engine with a writer, a scripted chat model: what a reader sees.
let fake: FakeDiscord;
let chat: FakeChat;
let bot: RunningBot;
const workspace = makeWorkspace({ corpus: false });

beforeAll(async () => {
  fake = await FakeDiscord.start();
  chat = await FakeChat.start();
  mkdirSync(workspace.corpusDir, { recursive: true });
  writeFileSync(
    path.join(workspace.corpusDir, 'retrait.md'),
    '---\ntitle: Fin du retrait à Tessalit\nsource: Agence Test\npublished: 2024-08-07\n---\nLes deux cents derniers soldats étrangers ont quitté le 5 août 2024 la base de Tessalit, ouverte en mars 2013, a annoncé le colonel Amadou Traoré.\n',
  );
  const config = loadConfig(
    { ...workspace.env, DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.appId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.apiUrl, DOSSIER_LLM_URL: chat.url, DOSSIER_LLM_MODEL: 'fake-writer', DOSSIER_LLM_TIMEOUT_MS: '5000' },
    workspace.root,
  );
  const engine = await Engine.open(config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
  bot = await startBot(config, engine);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await chat?.close();
  workspace.cleanup();
});

describe('/ask with a writer', () => {
  it('edits the reply as checked sentences come, the verified quote under them; a dropped sentence is never shown', async () => {
    // The second sentence comes a while after the first; the third names someone the quote does not.
    chat.behaviour = (res) => stream(res, 'The last 200 foreign soldiers left Tessalit on August 5, 2024 [1]. Colonel Amadou Traoré announced it [1]. General John Smith agreed [1].', 40);
    const token = fake.slashCommand('ask', { question: 'When did the last soldiers leave the Tessalit base?' });
    // The final answer is the one with buttons (Show quotes, votes); edits while writing have none.
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token) && r.body.components?.length > 0, 8000);
    // Let the bot finish: the last edit is the final answer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const edits = fake.requestsFor(token).filter((r) => r.method === 'PATCH');
    const descriptions = edits.map((e) => e.body.embeds[0].description as string);
    expect(edits.every((e) => e.rejected === undefined)).toBe(true);
    expect(descriptions[0]).toMatch(/^The last 200 foreign soldiers left Tessalit on August 5, 2024 \[1\]\.\n\n> “Les deux cents/u);
    expect(descriptions.at(-1)).toMatch(/^The last 200 foreign soldiers left Tessalit on August 5, 2024 \[1\]\. Colonel Amadou Traoré announced it \[1\]\.\n\n> “Les deux cents[^”]+” \[1\]\n\n\[1\] Fin du retrait à Tessalit — Agence Test/u);
    expect(edits.length).toBeGreaterThan(1);
    expect(edits.slice(0, -1).every((e) => e.body.components.length === 0)).toBe(true);
    // The first edit came before the second sentence was written.
    expect(descriptions[0]).not.toContain('Colonel');
    expect(descriptions.some((d) => d.includes('Smith'))).toBe(false);
    expect(edits.at(-1)!.body.embeds[0].footer.text).toMatch(/^Written by fake-writer from the quotes below; each sentence checked against them\./u);
  });

  it('shows the extractive answer when the model fails', async () => {
    chat.behaviour = (res) => res.writeHead(500).end();
    const token = fake.slashCommand('ask', { question: 'Quand les soldats ont-ils quitté Tessalit ?' }, fake.createUser('other'));
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 8000);
    expect(edit.body.embeds[0].description).toMatch(/^\*\*5 août 2024\*\*\n\n> “Les deux cents/u);
    expect(edit.body.embeds[0].footer?.text ?? '').not.toMatch(/Written|Rédigé/u);
  });
});
