// npm run start:sharded: a bot in more than 2,500 servers must shard. discord.js's ShardingManager
// starts one bot process per shard (src/discord/main.ts, each with its engine over the same index);
// the first shard alone watches the corpus and follows feeds. DISCORD_SHARDS: a number, or "auto".
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { loadConfig } from '../config.js';
import { isUserError } from '../errors.js';
import { requireToken } from './bot.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const token = requireToken(config);
  // Run from source through tsx (npm scripts) or from compiled JavaScript: the shards run the same way.
  const fromSource = import.meta.url.endsWith('.ts');
  const manager = new ShardingManager(fileURLToPath(new URL(`./main.${fromSource ? 'ts' : 'js'}`, import.meta.url)), {
    token,
    totalShards: config.discord.shards,
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
  await manager.spawn({ timeout: 120_000 });
  console.log(`Dossier runs as ${manager.totalShards} shard(s).`);
}

main().catch((error) => {
  console.error(isUserError(error) ? `Error: ${error.message}` : `Dossier stopped: ${(error as Error).stack ?? error}`);
  process.exit(isUserError(error) ? 2 : 1);
});
