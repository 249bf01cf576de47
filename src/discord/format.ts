// Pure formatting of engine results into Discord message payloads, within Discord's limits.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { refusalText } from '../answer/refusal.js';
import type { AnswerQuote } from '../answer/types.js';
import { quoted } from '../answer/format.js';
import type { AskResult } from '../engine.js';
import type { ArticleMeta, CitationMeta } from '../ingest/article.js';
import type { IndexReport } from '../index/build.js';
import { DISCORD_LIMITS, embedCharacters } from './limits.js';

export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const COLOR = { answer: 0x2f6f9f, abstain: 0x8a8a8a, list: 0x4f7f4f };
export const FEEDBACK_PREFIX = 'feedback:';
export const SOURCES_PREFIX = 'sources:';

/** The answer embed: the lead, quotes with [n] markers, one field per source, the retrieval mode in the footer. */
export function answerPayload(result: AskResult, keywordOnlyReason?: string): MessagePayload {
  const footer = keywordOnlyReason ? `Keyword-only mode: ${keywordOnlyReason}` : 'Hybrid retrieval (keywords + local embeddings)';
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
      description: answerDescription(result.lead, shown),
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

function answerDescription(lead: string | null, shown: readonly AnswerQuote[]): string {
  const quotes = shown.map((q) => `${quoted(q.text)} [${q.n}]`).join('\n\n');
  return lead ? `**${lead}**\n\n${quotes}` : quotes;
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

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
