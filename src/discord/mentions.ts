import type { MessageMentionOptions } from 'discord.js';

/** On every message the bot sends: a question quoting @everyone or a role can never ping anyone. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };
