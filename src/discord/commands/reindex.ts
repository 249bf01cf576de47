import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, Command } from '../command.js';
import { reindexSummary } from '../format.js';
import { NO_PINGS } from '../mentions.js';
import { langOf, strings } from '../strings.js';

export const reindexCommand = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Re-read the corpus folder and index what changed (admins only).')
    // Hidden from members without Manage Server in the client; still checked below, since
    // server admins can override who sees a command.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    if (!isAdmin(interaction, ctx)) {
      await interaction.reply({ content: strings(lang)['error.adminOnly'], flags: MessageFlags.Ephemeral });
      return;
    }
    if (ctx.engine.isReindexing) {
      await interaction.reply({ content: strings(lang)['error.reindexRunning'], flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    const report = await ctx.engine.reindex();
    await interaction.editReply({ content: reindexSummary(report, lang), allowedMentions: NO_PINGS });
  },
} satisfies Command;

export function isAdmin(interaction: ChatInputCommandInteraction, ctx: BotContext): boolean {
  return Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) || ctx.config.discord.adminUserIds.includes(interaction.user.id);
}
