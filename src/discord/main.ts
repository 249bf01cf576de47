// npm start: opens the engine (building the index if needed), logs in, serves until SIGINT/SIGTERM.
import { loadConfig } from '../config.js';
import { Engine } from '../engine.js';
import { isUserError } from '../errors.js';
import { requireToken, startBot, type RunningBot } from './bot.js';
import { BotLog } from './log.js';

async function main(): Promise<void> {
  const config = loadConfig();
  requireToken(config); // before the engine opens: no index work for a bot that cannot log in
  // Listening from the start: a signal during start-up stops cleanly too (an index being
  // written is safe to abandon, see src/index/store.ts).
  let bot: RunningBot | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the current work and disconnecting…`);
    await bot?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const log = new BotLog(config.logFile);
  // Builds in a worker thread: /reindex, /add-article and the watcher never stop the bot answering.
  const engine = await Engine.open(config, { builds: 'worker', log: { info: (m) => console.log(m), warn: (m) => log.warn(m) } });
  engine.warmUp();
  bot = await startBot(config, engine, log);
  console.log(`Dossier is online as ${bot.client.user?.tag}, answering from ${engine.articles.length} articles (${engine.mode} mode).`);
}

main().catch((error) => {
  console.error(isUserError(error) ? `Error: ${error.message}` : `Dossier stopped: ${(error as Error).stack ?? error}`);
  process.exit(isUserError(error) ? 2 : 1);
});
