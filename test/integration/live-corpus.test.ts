import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { Engine } from '../../src/engine.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { makeWorkspace } from '../support/workspace.js';

const FACT = 'Le 5 août 2024, les derniers soldats américains ont quitté la base aérienne 201 d’Agadez, a annoncé le ministère nigérien de la Défense dans un communiqué.';
const QUESTION = 'When did the last American soldiers leave air base 201?';

let fake: FakeDiscord;
let bot: RunningBot;
let engine: Engine;
let workspace: ReturnType<typeof makeWorkspace>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  workspace = makeWorkspace({
    env: { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, DOSSIER_WATCH_CORPUS: 'true', DOSSIER_RATE_LIMIT_PER_MINUTE: '100' },
  });
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
  bot = await startBot(workspace.config, engine);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  workspace?.cleanup();
});

async function ask(question: string) {
  const token = fake.slashCommand('ask', { question });
  return (await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token))).body.embeds[0];
}

/** Asks until the answer satisfies `done`, for at most 10 s: the watcher debounces, then re-indexes. */
async function askUntil(question: string, done: (embed: any) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const embed = await ask(question);
    if (done(embed) || Date.now() > deadline) return embed;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The answer's source lines: "[1] Title — outlet, date" (a masked link when the article has a url). */
const sourceLines = (embed: any): string[] => (embed.description ?? '').split('\n').filter((line: string) => /^\[\d+\] /.test(line));
const cites = (file: string) => (embed: any) => sourceLines(embed).some((line) => line.includes(file));

describe('articles dropped into the corpus folder while the bot runs', () => {
  it('are answered from within seconds, and forgotten once deleted', async () => {
    const refused = (embed: any) => sourceLines(embed).length === 0 && /^(The articles|I don't find)/.test(embed.description);
    expect(refused(await ask(QUESTION))).toBe(true);
    writeFileSync(path.join(workspace.corpusDir, 'base-201.md'), `---\ntitle: "Les derniers soldats quittent la base 201"\nsource: Agence test\npublished: 2024-08-05\n---\n${FACT}\n`);
    const answer = await askUntil(QUESTION, cites('Les derniers soldats quittent la base 201'));
    expect(answer.description).toContain('base aérienne 201');
    expect(sourceLines(answer)[0]).toBe('[1] Les derniers soldats quittent la base 201 — Agence test, 5 August 2024');

    rmSync(path.join(workspace.corpusDir, 'base-201.md'));
    expect(refused(await askUntil(QUESTION, refused))).toBe(true);
  });

  it('a file that is not UTF-8 is skipped with a warning; the rest stays answerable', async () => {
    writeFileSync(path.join(workspace.corpusDir, 'latin1.txt'), Buffer.from([0x54, 0x69, 0x74, 0x72, 0x65, 0x0a, 0x65, 0x6e, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0x32, 0x30, 0x32, 0x34]));
    const report = await engine.reindex();
    expect(report.problems).toEqual([{ path: path.join(workspace.corpusDir, 'latin1.txt'), id: 'latin1.txt', reason: 'not valid UTF-8 text' }]);
    expect(sourceLines(await ask('When did US troops leave Agadez?')).length).toBeGreaterThan(0);
    rmSync(path.join(workspace.corpusDir, 'latin1.txt'));
  });
});

describe('/add-article', () => {
  const upload = (name: string, content: string | Buffer, options: Record<string, string> = {}, as = fake.admin) =>
    fake.slashCommand('add-article', { file: { attachment: fake.hostFile(name, content) }, ...options }, as);
  const reply = async (token: string) => {
    const callback = await fake.waitForRequest((r) => r.path.endsWith(`${token}/callback`));
    if (callback.body.type === 4) return callback.body.data.content as string;
    return (await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token))).body.content as string;
  };

  it('adds an attached file as an article, indexes it, and says how many chunks', async () => {
    const content = `Retrait de la base 201\n${FACT}\n`;
    const text = await reply(upload('base 201.txt', content, { source: 'Agence test', published: '2024-08-05' }));
    expect(text).toBe('Added “Retrait de la base 201” as base-201.md: 1 chunk indexed. It can be asked about now.');
    const written = readFileSync(path.join(workspace.corpusDir, 'base-201.md'), 'utf8');
    expect(written).toMatch(/^---\ntitle: "Retrait de la base 201"\nsource: "Agence test"\npublished: "2024-08-05"\nlanguage: "fr"\n---\n/);
    const answer = await ask(QUESTION);
    expect(sourceLines(answer)[0]).toBe('[1] Retrait de la base 201 — Agence test, 5 August 2024');
  });

  it('refuses a duplicate, a binary file, an empty one and a wrong type, changing nothing', async () => {
    const before = readdirSync(workspace.corpusDir).sort();
    expect(await reply(upload('again.txt', `Un autre titre\n${FACT}\n`))).toMatch(/already in the corpus, as base-201\.md/);
    expect(await reply(upload('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff])))).toMatch(/cannot be added: (not valid UTF-8|binary)/);
    expect(await reply(upload('vide.md', '---\ntitle: Vide\n---\n'))).toMatch(/cannot be added: no article text/);
    expect(await reply(upload('notes.pdf', 'whatever'))).toMatch(/Send a \.md, \.txt or \.html file/);
    expect(readdirSync(workspace.corpusDir).sort()).toEqual(before);
  });

  it('shortens a very long file name, and stops a download larger than declared', async () => {
    const long = `${'compte-rendu-très-détaillé-'.repeat(12)}.txt`;
    expect(await reply(upload(long, `Un compte rendu\nLa garnison de Zorbaville a reçu 77 véhicules blindés en février.\n`))).toMatch(/^Added “Un compte rendu” as compte-rendu-très-détaillé-/);
    const added = readdirSync(workspace.corpusDir).find((f) => f.startsWith('compte-rendu'))!;
    expect(added.length).toBeLessThanOrEqual(80);
    expect(added.endsWith('.txt')).toBe(true);
    const before = readdirSync(workspace.corpusDir).sort();
    const lying = { ...fake.hostFile('gros.txt', `Titre\n${'mot '.repeat(700_000)}`), size: 1000 };
    expect(await reply(fake.slashCommand('add-article', { file: { attachment: lying } }, fake.admin))).toMatch(/larger than 2 MiB/);
    expect(readdirSync(workspace.corpusDir).sort()).toEqual(before);
  });

  it('refuses a file declared larger than the limit before downloading anything', async () => {
    const declared = { ...fake.hostFile('trente-mo.txt', 'Titre\nUn petit texte.'), size: 30 * 1024 * 1024 };
    expect(await reply(fake.slashCommand('add-article', { file: { attachment: declared } }, fake.admin))).toMatch(/larger than 2 MiB/);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path.includes(`/attachments/${declared.id}/`))).toEqual([]);
  });

  it('is refused to a member without Manage Server', async () => {
    expect(await reply(upload('x.txt', 'Titre\nUn texte assez long pour être un article de test, vraiment.', {}, fake.member))).toMatch(/Only members with Manage Server/);
    expect(existsSync(path.join(workspace.corpusDir, 'x.txt'))).toBe(false);
  });
});

describe('questions asked during a re-index', () => {
  it('are all answered, from the previous index until the new one is in', async () => {
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 8 }, (_, j) => `Le conseil de Zorbaville a voté la mesure ${i}-${j} sur les routes et les écoles du canton.`).join('\n');
      writeFileSync(path.join(workspace.corpusDir, `zorba-${i}.md`), `---\ntitle: Zorbaville ${i}\n---\n${text}\n`);
    }
    const reindex = engine.reindex();
    let finished = false;
    void reindex.then(() => (finished = true));
    const results: boolean[] = [];
    while (!finished) {
      const result = await engine.ask('When did US troops leave Agadez?');
      results.push(!result.refusal && result.quotes.length > 0);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const report = await reindex;
    expect(report.added).toHaveLength(300);
    expect(results.length).toBeGreaterThan(5);
    expect(results.every(Boolean)).toBe(true);
    expect((await engine.ask('Sur quoi porte la mesure 12-3 de Zorbaville ?')).refusal).toBeUndefined();
  });
});

describe('npm run index -- --check', () => {
  it('passes when the index matches the corpus and fails, saying why, when it does not', async () => {
    const check = async () => {
      const out: string[] = [];
      const code = await runCli(['index', '--check'], { out: (t) => out.push(t), err: () => {}, env: workspace.env, cwd: workspace.root });
      return { code, out: out.join('\n') };
    };
    await engine.reindex();
    expect(await check()).toMatchObject({ code: 0, out: expect.stringMatching(/^The index matches the corpus: \d+ articles/) });
    await bot.stop(); // no watcher from here: the corpus is changed behind the index's back
    writeFileSync(path.join(workspace.corpusDir, 'zorba-0.md'), '---\ntitle: Zorbaville 0\n---\nUn texte modifié depuis la dernière indexation du corpus.\n');
    rmSync(path.join(workspace.corpusDir, 'zorba-1.md'));
    writeFileSync(path.join(workspace.corpusDir, 'nouveau.txt'), 'Nouveau\nUn article que l’index ne connaît pas encore du tout.\n');
    const failed = await check();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('- zorba-0.md changed since it was indexed');
    expect(failed.out).toContain('- zorba-1.md is in the index but no longer in the corpus');
    expect(failed.out).toContain('- nouveau.txt is in the corpus but not in the index');
  });
});
