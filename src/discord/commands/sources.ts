import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { sourcesPayload } from '../format.js';
import { NO_PINGS } from '../mentions.js';
import { langOf } from '../strings.js';

export const sourcesCommand = {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the articles the bot answers from.').toJSON(),
  async execute(interaction, ctx) {
    await ctx.engine.followSwappedIndex();
    await interaction.reply({ ...sourcesPayload(ctx.engine.articles, 0, langOf(interaction.locale)), allowedMentions: NO_PINGS });
  },
} satisfies Command;
