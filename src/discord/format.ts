// Pure formatting of engine results into Discord message payloads, within Discord's limits.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { refusalText } from '../answer/refusal.js';
import type { AnswerQuote } from '../answer/types.js';
import { quoted, writerNote } from '../answer/format.js';
import type { AskResult } from '../engine.js';
import type { ArticleMeta, CitationMeta } from '../ingest/article.js';
import type { IndexReport } from '../index/build.js';
import type { TimelineEvent, TimelineFilter } from '../timeline/timeline.js';
import { DISCORD_LIMITS, embedCharacters } from './limits.js';

export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const COLOR = { answer: 0x2f6f9f, abstain: 0x8a8a8a, list: 0x4f7f4f };
export const FEEDBACK_PREFIX = 'feedback:';
export const SOURCES_PREFIX = 'sources:';
export const TIMELINE_PREFIX = 'timeline:';
const TIMELINE_PAGE_SIZE = 6;

/** The answer embed: the lead, quotes with [n] markers, one field per source, the retrieval mode in the footer. */
export function answerPayload(result: AskResult, keywordOnlyReason?: string): MessagePayload {
  const retrieval = keywordOnlyReason ? `Keyword-only mode: ${keywordOnlyReason}` : 'Hybrid retrieval (keywords + local embeddings)';
  const footer = result.writer ? `${writerNote(result.writer, result.language)} · ${retrieval}` : retrieval;
  const title = truncate(result.question, DISCORD_LIMITS.title);
  if (result.refusal) {
    const description = refusalText(result.refusal, result.language, 'Try other words, or see the articles with /sources.', "Essayez d'autres mots, ou voyez les articles avec /sources.");
    return {
      embeds: [{ title, description: truncate(description, DISCORD_LIMITS.description), color: COLOR.abstain, footer: { text: truncate(footer, DISCORD_LIMITS.footer) } }],
      components: [feedbackRow()],
    };
  }
  // Whole quotes are dropped from the end until the embed fits: a quote is never cut.
  let shown: AnswerQuote[] = [...result.quotes];
  for (;;) {
    const omitted = result.quotes.length - shown.length;
    const note = omitted ? `${omitted} more quote(s) left out to fit Discord's limits. ` : '';
    const sources = result.sources.filter((s) => shown.some((q) => q.n === s.n)).slice(0, DISCORD_LIMITS.fields);
    const embed: APIEmbed = {
      title,
      description: answerDescription(result.writer ? result.writer.sentences.join(' ') : result.lead, shown, result.writer !== undefined),
      color: COLOR.answer,
      fields: sources.map(sourceField),
      footer: { text: truncate(note + footer, DISCORD_LIMITS.footer) },
    };
    const fits = (embed.description?.length ?? 0) <= DISCORD_LIMITS.description && embedCharacters([embed]) <= DISCORD_LIMITS.embedTotal;
    if (fits) return { embeds: [embed], components: [feedbackRow()] };
    if (shown.length <= 1) return { embeds: [{ ...embed, description: QUOTE_TOO_LONG, fields: embed.fields }], components: [feedbackRow()] };
    shown = shown.slice(0, -1);
  }
}

const QUOTE_TOO_LONG = 'The passage that answers is too long to show in Discord. Open the source below, or ask from the command line.';

// The lead in bold; a writer's sentences plain (they are longer), with the verified quotes under them.
function answerDescription(lead: string | null, shown: readonly AnswerQuote[], written = false): string {
  const quotes = shown.map((q) => `${quoted(q.text)} [${q.n}]`).join('\n\n');
  if (!lead) return quotes;
  return written ? `${lead}\n\n${quotes}` : `**${lead}**\n\n${quotes}`;
}

function sourceField(c: CitationMeta & { n: number }): { name: string; value: string; inline: false } {
  const origin = [c.source, c.published].filter(Boolean).join(' · ');
  const link = c.url && origin.length + c.url.length + 12 <= DISCORD_LIMITS.fieldValue ? `${origin ? ' · ' : ''}[link](${c.url})` : '';
  return { name: truncate(`[${c.n}] ${c.title}`, DISCORD_LIMITS.fieldName), value: origin + link || '—', inline: false };
}

function feedbackRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${FEEDBACK_PREFIX}up`, emoji: { name: '👍' }, label: 'Helpful' },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${FEEDBACK_PREFIX}down`, emoji: { name: '👎' }, label: 'Not helpful' },
    ],
  };
}

export const SOURCES_PAGE_SIZE = 10;

/** One page of the corpus's articles, with Previous/Next buttons when there is more than one page. */
export function sourcesPayload(articles: readonly ArticleMeta[], page: number): MessagePayload {
  const pages = Math.max(1, Math.ceil(articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = articles.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  const embed: APIEmbed = {
    title: `Articles in the corpus (${articles.length})`,
    color: COLOR.list,
    description: articles.length ? undefined : 'The corpus is empty: add articles to the corpus folder and run /reindex.',
    fields: slice.map((a, i) => sourceField({ ...a, n: current * SOURCES_PAGE_SIZE + i + 1 })),
    footer: { text: `Page ${current + 1} of ${pages}` },
  };
  const components: MessagePayload['components'] = [];
  if (pages > 1) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${SOURCES_PREFIX}${current - 1}`, label: 'Previous', disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${SOURCES_PREFIX}${current + 1}`, label: 'Next', disabled: current === pages - 1 },
      ],
    });
  }
  return { embeds: [embed], components };
}

/**
 * One page of timeline events as embed fields. The buttons carry the page and the filter, so any
 * click can redraw its page after a restart.
 */
export function timelinePayload(events: readonly TimelineEvent[], filter: TimelineFilter, page: number): MessagePayload {
  const pages = Math.max(1, Math.ceil(events.length / TIMELINE_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = events.slice(current * TIMELINE_PAGE_SIZE, (current + 1) * TIMELINE_PAGE_SIZE);
  const scope = [filter.about && `about “${filter.about}”`, filter.from && `from ${filter.from}`, filter.to && `to ${filter.to}`].filter(Boolean).join(', ');
  const embed: APIEmbed = {
    title: truncate(`Timeline (${events.length} event${events.length === 1 ? '' : 's'})${scope ? ` ${scope}` : ''}`, DISCORD_LIMITS.title),
    color: COLOR.list,
    description: events.length ? 'Hollow dots in the picture are expected events, not yet done when the article was written.' : 'No dated events match.',
    fields: slice.map(timelineField),
    image: { url: 'attachment://timeline.png' },
    footer: { text: `Page ${current + 1} of ${pages}` },
  };
  const components: MessagePayload['components'] = [];
  if (pages > 1) {
    const state = `${filter.from ?? ''}|${filter.to ?? ''}|${filter.about ?? ''}`;
    components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${TIMELINE_PREFIX}${current - 1}|${state}`, label: 'Earlier', disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${TIMELINE_PREFIX}${current + 1}|${state}`, label: 'Later', disabled: current === pages - 1 },
      ],
    });
  }
  return { embeds: [embed], components };
}

/** Reads back what a timeline button carries. */
export function parseTimelineButton(customId: string): { page: number; filter: TimelineFilter } {
  const [page, from, to, about] = customId.slice(TIMELINE_PREFIX.length).split('|');
  return { page: Number(page), filter: { from: from || undefined, to: to || undefined, about: about || undefined } };
}

function timelineField(event: TimelineEvent): { name: string; value: string } {
  const flags = [event.expected && 'expected', event.uncertain && `${event.uncertain} uncertain`, event.conflict && `⚠ ${event.conflict}`].filter(Boolean);
  const sources = event.citations.map((c) => `[${c.n}] ${c.title} (${c.source ?? 'source not stated'}, ${c.published ?? 'date not stated'})`);
  const quote = quoted(event.text);
  const room = DISCORD_LIMITS.fieldValue - sources.join('\n').length - 1;
  // A quote too long for the field is shortened visibly, with […], and keeps its sources.
  const shown = quote.length <= room ? quote : `${quote.slice(0, Math.max(0, room - 4))} […]`;
  return {
    name: truncate(`${event.label}${flags.length ? ` · ${flags.join(' · ')}` : ''}`, DISCORD_LIMITS.fieldName),
    value: truncate(`${shown}\n${sources.join('\n')}`, DISCORD_LIMITS.fieldValue),
  };
}

export function reindexSummary(report: IndexReport): string {
  const list = (ids: string[]) => (ids.length ? ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? `, +${ids.length - 5} more` : ''})` : '');
  const lines = report.written
    ? [
        `Re-index done: ${report.chunks} chunks.`,
        `Added ${report.added.length}${list(report.added)}, updated ${report.updated.length}${list(report.updated)}, removed ${report.removed.length}${list(report.removed)}, unchanged ${report.unchanged}.`,
      ]
    : [`Nothing to re-index: the index already matches the corpus (${report.unchanged} articles, ${report.chunks} chunks).`];
  if (report.problems.length) lines.push(`Skipped ${report.problems.length} unreadable file(s)${list(report.problems.map((p) => p.path.split('/').at(-1)!))}.`);
  return truncate(lines.join('\n'), DISCORD_LIMITS.content);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
