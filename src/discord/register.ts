// npm run register: publishes the slash commands (to one server at once, or globally).
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { loadConfig, type Config } from '../config.js';
import { isUserError, UserError } from '../errors.js';
import { commandList, requireToken } from './bot.js';

// View Channels, Send Messages, Send Messages in Threads, Embed Links, Attach Files, Read Message History.
const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 14n) | (1n << 15n) | (1n << 16n);

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`;
}

export async function registerCommands(config: Config): Promise<{ count: number; where: string }> {
  const token = requireToken(config);
  const { applicationId, guildId, apiUrl } = config.discord;
  if (!applicationId) throw new UserError('discord-application-missing', 'DISCORD_APPLICATION_ID is not set: copy it from the Developer Portal > General Information.');
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const body = commandList(config).map((command) => command.data);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    await rest.put(route, { body });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401) throw new UserError('discord-token-refused', 'Discord refused the token (DISCORD_TOKEN).', { cause: error });
    if (status === 403 || status === 404) throw new UserError('discord-registration-refused', 'Discord refused the registration: check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope.', { cause: error });
    throw error;
  }
  return { count: body.length, where: guildId ? `server ${guildId} (available now)` : 'all servers (global commands can take up to an hour to appear)' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const config = loadConfig();
    const { count, where } = await registerCommands(config);
    console.log(`Registered ${count} commands for ${where}.`);
    console.log(`Invite the bot with: ${inviteUrl(config.discord.applicationId!)}`);
  } catch (error) {
    console.error(isUserError(error) ? `Error: ${error.message}` : `Registration failed: ${(error as Error).message}`);
    process.exitCode = isUserError(error) ? 2 : 1;
  }
}
