import { AttachmentBuilder, ButtonStyle, ComponentType, escapeMarkdown, SlashCommandBuilder, type APIEmbed, type BaseMessageOptions } from 'discord.js';
import { quoted } from '../../answer/format.js';
import { fold } from '../../text/analysis.js';
import { eventLetter, pageEvents, renderTimelinePng, timelineAltText, type Theme } from '../../timeline/image.js';
import { parseTimelineFilter, type TimelineCitation, type TimelineEvent, type TimelineFilter } from '../../timeline/timeline.js';
import { conflictNote, dateLabel, statusWords } from '../../timeline/wording.js';
import type { Command } from '../command.js';
import { shorten, sourceLabelLink, type MessagePayload } from '../format.js';
import { DISCORD_LIMITS } from '../limits.js';
import { NO_PINGS } from '../mentions.js';
import { langOf, strings, type Lang } from '../strings.js';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
export const TIMELINE_PREFIX = 'timeline:';
const PICTURE = 'timeline.png';
const COLOR = 0x4f7f4f;

// Descriptions and French names come from the catalogue (strings.ts, `cmd.timeline.*`).
export const timelineCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the articles, in order, with their sources and a picture.')
    .addStringOption((o) => o.setName('about').setDescription('Only events about this (a name or a place)').setMaxLength(40).setAutocomplete(true))
    .addStringOption((o) => o.setName('from').setDescription(`From this date (${DATE_HINT})`).setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription(`Up to this date (${DATE_HINT})`).setMaxLength(10))
    .addStringOption((o) => o.setName('theme').setDescription('Picture colours (default: dark)').addChoices({ name: 'dark', value: 'dark' }, { name: 'light', value: 'light' }))
    .toJSON(),
  async execute(interaction, ctx) {
    const options = {
      about: interaction.options.getString('about') ?? undefined,
      from: interaction.options.getString('from') ?? undefined,
      to: interaction.options.getString('to') ?? undefined,
    };
    const filter = parseTimelineFilter(options);
    const view: TimelineView = { filter, page: 0, theme: interaction.options.getString('theme') === 'light' ? 'light' : 'dark', lang: langOf(interaction.locale) };
    await interaction.deferReply();
    const events = await ctx.engine.timeline(filter);
    await interaction.editReply({ ...timelineMessage(events, view), allowedMentions: NO_PINGS });
  },
  // The corpus's most used names, those containing what is typed first.
  async autocomplete(interaction, ctx) {
    const typed = fold(interaction.options.getFocused().trim());
    const subjects = await ctx.engine.subjects();
    const matching = typed ? [...subjects.filter((s) => fold(s).startsWith(typed)), ...subjects.filter((s) => !fold(s).startsWith(typed) && fold(s).includes(typed))] : subjects;
    await interaction.respond(matching.slice(0, 25).map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 40) })));
  },
} satisfies Command;

/** What a timeline message shows; its buttons carry all of it, so a click redraws a page even after a restart. */
export interface TimelineView {
  filter: TimelineFilter;
  page: number;
  theme: Theme;
  lang: Lang;
}

/**
 * One page: the events as embed fields, the same events as a picture (with their description), Earlier/Later buttons.
 * The picture is a plain attachment, not the embed's image: Discord shows attachments about 520 px wide, the
 * width it is drawn for, and embed images narrower.
 */
export function timelineMessage(events: readonly TimelineEvent[], view: TimelineView): MessagePayload & Pick<BaseMessageOptions, 'files'> & { attachments: [] } {
  const t = strings(view.lang);
  const { events: shown, page, pages } = pageEvents(events, view.page);
  const { filter } = view;
  const scope = [filter.about && t['timeline.about'](filter.about), filter.from && t['timeline.from'](filter.from), filter.to && t['timeline.to'](filter.to)].filter(Boolean).join(', ');
  const embed: APIEmbed = {
    title: shorten(`${t['timeline.title'](events.length)}${scope ? ` ${scope}` : ''}`, DISCORD_LIMITS.title),
    color: COLOR,
    description: events.length ? t['timeline.intro'] : t['timeline.none'],
    fields: shown.map((event, i) => eventField(event, eventLetter(i), view.lang)),
    // One page: the picture's subtitle already counts the events.
    ...(pages > 1 ? { footer: { text: t['paging.page'](page + 1, pages) } } : {}),
  };
  const picture = new AttachmentBuilder(renderTimelinePng(events, { language: view.lang, theme: view.theme, about: filter.about, page }), {
    name: PICTURE,
    description: timelineAltText(events, view.lang, page),
  });
  const components: MessagePayload['components'] = [];
  if (pages > 1) {
    const button = (to: number, label: string) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: timelineButtonId({ ...view, page: to }), label, disabled: to < 0 || to >= pages });
    components.push({ type: ComponentType.ActionRow, components: [button(page - 1, t['timeline.earlier']), button(page + 1, t['timeline.later'])] });
  }
  // `attachments: []` drops the previous page's picture when a button redraws the message.
  return { embeds: [embed], components, files: [picture], attachments: [] };
}

function timelineButtonId(view: TimelineView): string {
  const { filter } = view;
  return `${TIMELINE_PREFIX}${view.page}|${filter.from ?? ''}|${filter.to ?? ''}|${view.theme}|${view.lang}|${filter.about ?? ''}`;
}

/** Reads back what a timeline button carries. */
export function parseTimelineButton(customId: string): TimelineView {
  const [page, from, to, theme, lang, ...about] = customId.slice(TIMELINE_PREFIX.length).split('|');
  return {
    page: Number(page) || 0,
    filter: { from: from || undefined, to: to || undefined, about: about.join('|') || undefined },
    theme: theme === 'light' ? 'light' : 'dark',
    lang: lang === 'fr' ? 'fr' : 'en',
  };
}

/** "A · 26 July 2023 · planned", then the headline in bold, the verbatim quote with its [n] and the sources. */
function eventField(event: TimelineEvent, letter: string, lang: Lang): { name: string; value: string } {
  const conflict = conflictNote(event, lang);
  const flags = [...statusWords(event, lang), conflict && `⚠ ${conflict}`].filter(Boolean);
  // Each article once (an article may date the event in two sentences), under its first number.
  const articles = new Map<string, TimelineCitation>();
  for (const c of event.citations) if (!articles.has(c.docId)) articles.set(c.docId, c);
  const sources = [...articles.values()].map((c) => `[${c.n}] ${sourceLabelLink(c, lang)}`);
  const quoteSource = event.citations.find((c) => c.quote === event.text) ?? event.citations[0];
  const marker = quoteSource ? ` [${articles.get(quoteSource.docId)!.n}]` : '';
  const headline = `**${escapeMarkdown(event.headlines[lang].text)}**`;
  // The article's words as written (a "*" in them is not markdown); the field's limit counts the escapes.
  const quote = quoted(escapeMarkdown(event.text));
  const room = DISCORD_LIMITS.fieldValue - sources.join('\n').length - headline.length - marker.length - 2;
  // A quote too long for the field is shortened visibly, with […], and keeps its sources.
  const shown = `${quote.length <= room ? quote : `${quote.slice(0, Math.max(0, room - 4))} […]`}${marker}`;
  return {
    name: shorten([letter, dateLabel(event, lang), ...flags].join(' · '), DISCORD_LIMITS.fieldName),
    value: shorten(`${headline}\n${shown}\n${sources.join('\n')}`, DISCORD_LIMITS.fieldValue),
  };
}
