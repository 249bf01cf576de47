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
    if (!(await allowAdmin(interaction, ctx))) return;
    if (ctx.engine.isReindexing) {
      await interaction.reply({ content: strings(lang)['error.reindexRunning'], flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    const report = await ctx.engine.reindex();
    await interaction.editReply({ content: reindexSummary(report, lang), allowedMentions: NO_PINGS });
  },
} satisfies Command;

/**
 * Admin commands are for members with Manage Server or users in DOSSIER_ADMIN_USER_IDS; anyone else
 * is told so, privately. Resolves to whether the command may go on.
 */
export async function allowAdmin(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<boolean> {
  const admin = Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) || ctx.config.discord.adminUserIds.includes(interaction.user.id);
  if (!admin) await interaction.reply({ content: strings(langOf(interaction.locale))['error.adminOnly'], flags: MessageFlags.Ephemeral });
  return admin;
}
