import { AttachmentBuilder, ButtonStyle, ComponentType, escapeMarkdown, SlashCommandBuilder, type APIEmbed, type BaseMessageOptions, type Locale } from 'discord.js';
import { quoted } from '../../answer/format.js';
import type { Language } from '../../text/analysis.js';
import { eventLetter, pageEvents, renderTimelinePng, timelineAltText, type Theme } from '../../timeline/image.js';
import { parseTimelineFilter, type TimelineEvent, type TimelineFilter } from '../../timeline/timeline.js';
import { conflictNote, dateLabel, statusWords } from '../../timeline/wording.js';
import type { Command } from '../command.js';
import { truncate, type MessagePayload } from '../format.js';
import { DISCORD_LIMITS } from '../limits.js';
import { NO_PINGS } from '../mentions.js';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
export const TIMELINE_PREFIX = 'timeline:';
const PICTURE = 'timeline.png';
const COLOR = 0x4f7f4f;

// What a reader sees, in the language of their Discord client.
const WORDS = {
  en: {
    title: (n: number) => `Timeline (${n} event${n === 1 ? '' : 's'})`,
    scope: { about: (t: string) => `about “${t}”`, from: (d: string) => `from ${d}`, to: (d: string) => `to ${d}` },
    intro: 'Each event: what happened, then the article’s own words. Letters match the picture.',
    none: 'No dated events match.',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    earlier: 'Earlier',
    later: 'Later',
    noSource: 'source not stated',
    noDate: 'date not stated',
  },
  fr: {
    title: (n: number) => `Chronologie (${n} événement${n === 1 ? '' : 's'})`,
    scope: { about: (t: string) => `sur « ${t} »`, from: (d: string) => `depuis ${d}`, to: (d: string) => `jusqu’à ${d}` },
    intro: 'Chaque événement : ce qui s’est passé, puis les mots de l’article. Les lettres renvoient à l’image.',
    none: 'Aucun événement daté ne correspond.',
    page: (p: number, n: number) => `Page ${p} sur ${n}`,
    earlier: 'Plus tôt',
    later: 'Plus tard',
    noSource: 'source non indiquée',
    noDate: 'date non indiquée',
  },
} as const;

export const timelineCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the articles, in order, with their sources and a picture.')
    .setDescriptionLocalizations({ fr: 'Les événements datés des articles, dans l’ordre, avec leurs sources et une image.' })
    .addStringOption((o) => o.setName('about').setDescription('Only events about this, e.g. Agadez').setDescriptionLocalizations({ fr: 'Seulement les événements sur ce sujet, par ex. Agadez' }).setMaxLength(40))
    .addStringOption((o) => o.setName('from').setDescription(`From this date (${DATE_HINT})`).setDescriptionLocalizations({ fr: 'À partir de cette date (AAAA, AAAA-MM ou AAAA-MM-JJ)' }).setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription(`Up to this date (${DATE_HINT})`).setDescriptionLocalizations({ fr: 'Jusqu’à cette date (AAAA, AAAA-MM ou AAAA-MM-JJ)' }).setMaxLength(10))
    .addStringOption((o) =>
      o
        .setName('theme')
        .setDescription('Picture colours (default: dark)')
        .setDescriptionLocalizations({ fr: 'Couleurs de l’image (par défaut : sombre)' })
        .addChoices({ name: 'dark', value: 'dark', name_localizations: { fr: 'sombre' } }, { name: 'light', value: 'light', name_localizations: { fr: 'clair' } }),
    )
    .toJSON(),
  async execute(interaction, ctx) {
    const options = {
      about: interaction.options.getString('about') ?? undefined,
      from: interaction.options.getString('from') ?? undefined,
      to: interaction.options.getString('to') ?? undefined,
    };
    const filter = parseTimelineFilter(options);
    const view: TimelineView = { filter, page: 0, theme: interaction.options.getString('theme') === 'light' ? 'light' : 'dark', language: readerLanguage(interaction.locale) };
    await interaction.deferReply();
    const events = await ctx.engine.timeline(filter);
    await interaction.editReply({ ...timelineMessage(events, view), allowedMentions: NO_PINGS });
  },
} satisfies Command;

/** What a timeline message shows; its buttons carry all of it, so a click redraws a page even after a restart. */
export interface TimelineView {
  filter: TimelineFilter;
  page: number;
  theme: Theme;
  language: Language;
}

export function readerLanguage(locale: Locale | string): Language {
  return locale.startsWith('fr') ? 'fr' : 'en';
}

/** One page: the events as embed fields, the same events as a picture (with their description), Earlier/Later buttons. */
export function timelineMessage(events: readonly TimelineEvent[], view: TimelineView): MessagePayload & Pick<BaseMessageOptions, 'files'> & { attachments: [] } {
  const words = WORDS[view.language];
  const { events: shown, page, pages } = pageEvents(events, view.page);
  const { filter } = view;
  const scope = [filter.about && words.scope.about(filter.about), filter.from && words.scope.from(filter.from), filter.to && words.scope.to(filter.to)].filter(Boolean).join(', ');
  const embed: APIEmbed = {
    title: truncate(`${words.title(events.length)}${scope ? ` ${scope}` : ''}`, DISCORD_LIMITS.title),
    color: COLOR,
    description: events.length ? words.intro : words.none,
    fields: shown.map((event, i) => eventField(event, eventLetter(i), view.language)),
    image: { url: `attachment://${PICTURE}` },
    footer: { text: words.page(page + 1, pages) },
  };
  const picture = new AttachmentBuilder(renderTimelinePng(events, { language: view.language, theme: view.theme, about: filter.about, page }), {
    name: PICTURE,
    description: timelineAltText(events, view.language, page),
  });
  const components: MessagePayload['components'] = [];
  if (pages > 1) {
    const button = (to: number, label: string) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: timelineButtonId({ ...view, page: to }), label, disabled: to < 0 || to >= pages });
    components.push({ type: ComponentType.ActionRow, components: [button(page - 1, words.earlier), button(page + 1, words.later)] });
  }
  // `attachments: []` drops the previous page's picture when a button redraws the message.
  return { embeds: [embed], components, files: [picture], attachments: [] };
}

function timelineButtonId(view: TimelineView): string {
  const { filter } = view;
  return `${TIMELINE_PREFIX}${view.page}|${filter.from ?? ''}|${filter.to ?? ''}|${view.theme}|${view.language}|${filter.about ?? ''}`;
}

/** Reads back what a timeline button carries. */
export function parseTimelineButton(customId: string): TimelineView {
  const [page, from, to, theme, language, ...about] = customId.slice(TIMELINE_PREFIX.length).split('|');
  return {
    page: Number(page) || 0,
    filter: { from: from || undefined, to: to || undefined, about: about.join('|') || undefined },
    theme: theme === 'light' ? 'light' : 'dark',
    language: language === 'fr' ? 'fr' : 'en',
  };
}

/** "A · 26 July 2023 · planned", then the headline in bold, the verbatim quote(s) and the sources. */
function eventField(event: TimelineEvent, letter: string, language: Language): { name: string; value: string } {
  const words = WORDS[language];
  const conflict = conflictNote(event, language);
  const flags = [...statusWords(event, language), conflict && `⚠ ${conflict}`].filter(Boolean);
  const sources = event.citations.map((c) => `[${c.n}] ${c.title} (${c.source ?? words.noSource}, ${c.published ?? words.noDate})`);
  const headline = `**${escapeMarkdown(event.headlines[language].text)}**`;
  const quote = quoted(event.text);
  const room = DISCORD_LIMITS.fieldValue - sources.join('\n').length - headline.length - 2;
  // A quote too long for the field is shortened visibly, with […], and keeps its sources.
  const shown = quote.length <= room ? quote : `${quote.slice(0, Math.max(0, room - 4))} […]`;
  return {
    name: truncate([letter, dateLabel(event, language), ...flags].join(' · '), DISCORD_LIMITS.fieldName),
    value: truncate(`${headline}\n${shown}\n${sources.join('\n')}`, DISCORD_LIMITS.fieldValue),
  };
}
