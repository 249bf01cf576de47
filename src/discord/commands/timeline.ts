import { AttachmentBuilder, SlashCommandBuilder } from 'discord.js';
import { renderTimelinePng } from '../../timeline/image.js';
import { parseTimelineFilter } from '../../timeline/timeline.js';
import type { Command } from '../command.js';
import { timelinePayload } from '../format.js';
import { NO_PINGS } from '../mentions.js';
import { fold } from '../../text/analysis.js';
import { langOf, strings } from '../strings.js';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

export const timelineCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the articles, in order, with their sources and a picture.')
    .addStringOption((o) => o.setName('about').setDescription('Only events about this, e.g. Agadez').setMaxLength(40).setAutocomplete(true))
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
    const lang = langOf(interaction.locale);
    const t = strings(lang);
    const title = options.about ? t['timeline.pictureAbout'](options.about) : t['timeline.picture'];
    const image = new AttachmentBuilder(renderTimelinePng(events, title), { name: 'timeline.png', description: t['timeline.pictureDescription'] });
    await interaction.editReply({ ...timelinePayload(events, filter, 0, lang), files: [image], allowedMentions: NO_PINGS });
  },
  // The corpus's most used names, those containing what is typed first.
  async autocomplete(interaction, ctx) {
    const typed = fold(interaction.options.getFocused().trim());
    const subjects = ctx.engine.subjects();
    const matching = typed ? [...subjects.filter((s) => fold(s).startsWith(typed)), ...subjects.filter((s) => !fold(s).startsWith(typed) && fold(s).includes(typed))] : subjects;
    await interaction.respond(matching.slice(0, 25).map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 40) })));
  },
} satisfies Command;
