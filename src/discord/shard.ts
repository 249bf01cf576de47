// npm run start:sharded: a bot in more than 2,500 servers must shard. discord.js's ShardingManager
// starts one bot process per shard (src/discord/main.ts, each with its engine over the same index);
// the first shard alone watches the corpus and follows feeds. DISCORD_SHARDS: a number, or "auto".
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { loadConfig } from '../config.js';
import { isUserError } from '../errors.js';
import { requireToken } from './bot.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const token = requireToken(config);
  // Run from source through tsx (npm scripts) or from compiled JavaScript: the shards run the same way.
  const fromSource = import.meta.url.endsWith('.ts');
  const totalShards = config.discord.shards === 'auto' ? await recommendedShards(token, config.discord.apiUrl) : config.discord.shards;
  const manager = new ShardingManager(fileURLToPath(new URL(`./main.${fromSource ? 'ts' : 'js'}`, import.meta.url)), {
    token,
    totalShards,
    // (tsx by its resolved path: a shard may start in a folder with no node_modules of its own)
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
  });
  manager.on('shardCreate', (shard) => {
    console.log(`shard ${shard.id + 1} of ${manager.totalShards} starting`);
    shard.on('death', () => console.error(`shard ${shard.id + 1} stopped; the manager restarts it`));
  });
  const stop = () => {
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A shard is ready once its engine is open and it is logged in; a first index of a large corpus takes
  // minutes, hence the hour (-1 would not wait at all).
  await manager.spawn({ timeout: 3_600_000 });
  console.log(`Dossier runs as ${manager.totalShards} shard(s).`);
}

// Discord's advice (GET /gateway/bot: one shard per 1,000 servers), asked through the configured API.
async function recommendedShards(token: string, api: string | undefined): Promise<number> {
  const rest = new REST(api ? { api } : {}).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

main().catch((error) => {
  console.error(isUserError(error) ? `Error: ${error.message}` : `Dossier stopped: ${(error as Error).stack ?? error}`);
  process.exit(isUserError(error) ? 2 : 1);
});
