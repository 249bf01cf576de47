import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { EngineStatus } from '../../engine.js';
import type { Command } from '../command.js';
import { NO_PINGS } from '../mentions.js';
import { langOf, readableDuration, strings, type Lang } from '../strings.js';
import { allowAdmin } from './reindex.js';

/** Admins only: what answers never show (index, mode, model or endpoint, queue, uptime), privately. */
export const statusCommand = {
  data: new SlashCommandBuilder()
    .setName('status')
    .setDescription('Index, mode, model, queue and uptime (admins only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    if (!(await allowAdmin(interaction, ctx))) return;
    const queue = { questions: ctx.answers.size + ctx.answers.pending, reindexing: ctx.engine.isReindexing };
    await ctx.engine.followSwappedIndex();
    const embed = statusEmbed(ctx.engine.status(), queue, Date.now() - ctx.startedAt, lang);
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  },
} satisfies Command;

export function statusEmbed(status: EngineStatus, queue: { questions: number; reindexing: boolean }, uptimeMs: number, lang: Lang, now = Date.now()): APIEmbed {
  const t = strings(lang);
  const age = (iso: string) => readableDuration(now - Date.parse(iso), lang);
  const field = (name: string, value: string) => ({ name, value: value.slice(0, 1024), inline: false });
  return {
    title: t['status.title'],
    color: 0x6a5acd,
    fields: [
      field(t['status.index'], t['status.indexValue'](status.articles, status.chunks, age(status.indexCreatedAt))),
      field(t['status.mode'], status.keywordOnlyReason ? t['status.keyword'](status.keywordOnlyReason) : t['status.hybrid']),
      field(t['status.model'], status.model),
      field(t['status.lastReindex'], status.lastReindexAt ? t['status.ago'](age(status.lastReindexAt)) : t['status.never']),
      field(t['status.queue'], t['status.queueValue'](queue.questions, queue.reindexing)),
      field(t['status.uptime'], readableDuration(uptimeMs, lang)),
      field(
        t['status.writer'],
        status.writer
          ? t['status.writerValue'](status.writer.endpoint, ...writerTallies(status.writer.dropped))
          : t['status.writerOff'],
      ),
    ],
  };
}

// Sentences dropped by the guard, and whole answers left extractive ("fallback:timeout"), apart.
function writerTallies(dropped: Record<string, number>): [sentences: string, answers: string] {
  const list = (entries: [string, number][]) => entries.map(([reason, n]) => `${reason} ${n}`).join(', ');
  const entries = Object.entries(dropped);
  return [list(entries.filter(([r]) => !r.startsWith('fallback:'))), list(entries.filter(([r]) => r.startsWith('fallback:')).map(([r, n]) => [r.slice('fallback:'.length), n]))];
}
