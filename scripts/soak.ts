// npm run soak: the real bot (discord.js Client, engine, queues) against the fake Discord server on
// 127.0.0.1: 1,000 /ask from 50 users, at most 20 waiting at once, and a /reindex of new articles
// in the middle. Prints latency from the slash command to the answer on screen (p50/p95/max),
// answers lost (no answer within a minute) and errors shown; exits 1 unless both are 0.
// Keyword-only (no model), so that it measures the bot and not the embedding model (npm run bench does).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBot } from '../src/discord/bot.js';
import { COLOR } from '../src/discord/format.js';
import { Engine } from '../src/engine.js';
import { FakeDiscord, type RecordedRequest } from '../test/support/fake-discord.js';
import { makeWorkspace } from '../test/support/workspace.js';

const QUESTIONS = Number(process.env.SOAK_QUESTIONS ?? 1000);
const USERS = Number(process.env.SOAK_USERS ?? 50);
const AT_ONCE = Number(process.env.SOAK_CONCURRENCY ?? 20);
const NEW_ARTICLES = 300;
const ANSWER_TIMEOUT_MS = 60_000;
const REPO = path.resolve(import.meta.dirname, '..');

/** The questions of the eval sets (answerable and not, English and French), in turn. */
function questionPool(): string[] {
  const dir = path.join(REPO, 'eval');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => (JSON.parse(line) as { question?: unknown }).question)
    .filter((q): q is string => typeof q === 'string' && q.trim().length > 0);
}

/** What the bot sends for an answer: an interaction callback (`data`) or an edit of the reply. */
interface ReplyBody {
  type?: number;
  content?: string;
  embeds?: { fields?: unknown[]; color?: number }[];
  data?: ReplyBody;
}
const bodyOf = (r: RecordedRequest) => r.body as ReplyBody | undefined;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const fake = await FakeDiscord.start();
const admin = fake.createUser('soak-admin');
// The tests' workspace: a copy of the corpus, an empty data folder, keyword-only, no watcher.
const { corpusDir, config, cleanup } = makeWorkspace({
  env: {
    // 20 questions per user within the run: raised from the default 5 a minute, as an operator would for a busy server.
    DOSSIER_RATE_LIMIT_PER_MINUTE: '1000',
    DOSSIER_ADMIN_USER_IDS: admin.id,
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.appId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
  },
});
try {
  const engine = await Engine.open(config, { builds: 'worker', embedder: { embedder: null, unavailable: 'soak: keyword-only' } });
  const bot = await startBot(config, engine);
  const users = Array.from({ length: USERS }, (_, i) => fake.createUser(`soak-${i}`));
  const pool = questionPool();
  const reply = (token: string) => (r: RecordedRequest) => r.path.includes(`/${token}`) && (r.method === 'PATCH' || (r.path.endsWith('/callback') && bodyOf(r)?.type === 4));

  const latencies: number[] = [];
  let lost = 0;
  const errors: string[] = [];
  let refusals = 0;
  let reindex: Promise<{ ms: number; summary: string }> | undefined;
  let next = 0;
  const started = performance.now();

  async function askOne(i: number): Promise<void> {
    const asked = performance.now();
    const token = fake.slashCommand('ask', { question: pool[i % pool.length]! }, users[i % USERS]);
    let answer: RecordedRequest;
    try {
      answer = await fake.waitForRequest(reply(token), ANSWER_TIMEOUT_MS);
    } catch {
      lost++;
      return;
    }
    latencies.push(performance.now() - asked);
    const body = bodyOf(answer);
    const embed = body?.embeds?.[0] ?? body?.data?.embeds?.[0];
    const content = body?.content ?? body?.data?.content ?? '';
    if (answer.rejected || !embed) errors.push(answer.rejected ? `rejected by Discord: ${answer.rejected.problems.join('; ')}` : content);
    // A refusal is the grey embed: answers carry no fields since the compact answer.
    else if (embed.color === COLOR.abstain) refusals++;
  }

  async function worker(): Promise<void> {
    while (next < QUESTIONS) {
      const i = next++;
      if (i === Math.floor(QUESTIONS / 2)) reindex = reindexInTheMiddle();
      await askOne(i);
    }
  }

  // New articles arrive and an admin runs /reindex while questions keep coming.
  async function reindexInTheMiddle() {
    for (let i = 0; i < NEW_ARTICLES; i++) {
      writeFileSync(path.join(corpusDir, `soak-${i}.md`), `---\ntitle: "Dépêche ${i}"\n---\nLe conseil de la ville fictive de Zorbaville a voté la mesure ${i} mardi. Les élus ont débattu pendant ${i % 7 + 1} heures.\n`);
    }
    const at = performance.now();
    const token = fake.slashCommand('reindex', {}, admin);
    const done = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${token}`), 10 * ANSWER_TIMEOUT_MS);
    return { ms: performance.now() - at, summary: (bodyOf(done)?.content ?? '').split('\n')[0]! };
  }

  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  const reindexed = await reindex!;
  const wall = performance.now() - started;
  await bot.stop();

  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${Math.round(v)} ms`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(`Soak run of ${date}: ${QUESTIONS} /ask from ${USERS} users, at most ${AT_ONCE} at once, keyword-only; /reindex of ${NEW_ARTICLES} new articles in the middle.`);
  console.log('| figure | value |\n|---|---|');
  console.log(`| questions answered | ${latencies.length - errors.length} of ${QUESTIONS} (${refusals} of them refusals: the corpus does not answer) |`);
  console.log(`| answers lost (none within ${ANSWER_TIMEOUT_MS / 1000} s) | ${lost} |`);
  console.log(`| errors shown | ${errors.length} |`);
  console.log(`| latency p50 / p95 / max | ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(sorted.at(-1) ?? 0)} |`);
  console.log(`| throughput | ${(latencies.length / (wall / 1000)).toFixed(1)} answers/s over ${(wall / 1000).toFixed(1)} s |`);
  console.log(`| /reindex in the middle | ${ms(reindexed.ms)}: ${reindexed.summary} |`);
  console.log(`| index after the run | ${Object.keys(engine.searchIndex.manifest.documents).length} articles |`);
  for (const error of errors.slice(0, 5)) console.log(`error shown: ${error}`);
  process.exitCode = lost === 0 && errors.length === 0 ? 0 : 1;
} finally {
  await fake.close();
  cleanup();
}
