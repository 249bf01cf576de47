import { AttachmentBuilder, SlashCommandBuilder } from 'discord.js';
import { renderTimelinePng } from '../../timeline/image.js';
import { parseTimelineFilter } from '../../timeline/timeline.js';
import type { Command } from '../command.js';
import { timelinePayload } from '../format.js';
import { NO_PINGS } from '../mentions.js';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

export const timelineCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the articles, in order, with their sources and a picture.')
    .addStringOption((o) => o.setName('about').setDescription('Only events about this, e.g. Agadez').setMaxLength(40))
    .addStringOption((o) => o.setName('from').setDescription(`From this date (${DATE_HINT})`).setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription(`Up to this date (${DATE_HINT})`).setMaxLength(10))
    .toJSON(),
  async execute(interaction, ctx) {
    const options = {
      about: interaction.options.getString('about') ?? undefined,
      from: interaction.options.getString('from') ?? undefined,
      to: interaction.options.getString('to') ?? undefined,
    };
    const filter = parseTimelineFilter(options);
    await interaction.deferReply();
    const events = await ctx.engine.timeline(filter);
    const title = options.about ? `Timeline: ${options.about}` : 'Timeline';
    const image = new AttachmentBuilder(renderTimelinePng(events, title), { name: 'timeline.png', description: 'The events on a date axis' });
    await interaction.editReply({ ...timelinePayload(events, filter, 0), files: [image], allowedMentions: NO_PINGS });
  },
} satisfies Command;
