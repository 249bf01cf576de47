// Pure formatting of engine results into Discord message payloads, within Discord's limits, in
// the reader's language (chrome from the catalogue; the answer's own words in the question's).
import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { AnswerQuote, AnswerSource } from '../answer/types.js';
import { quoted, quotesInLead } from '../answer/format.js';
import type { AskResult } from '../engine.js';
import type { CitationMeta } from '../ingest/article.js';
import type { ArticleList } from '../index/view.js';
import type { IndexReport } from '../index/build.js';
import { DISCORD_LIMITS, embedCharacters } from './limits.js';
import { readableDate, strings, type Lang, type Strings } from './strings.js';

export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export const COLOR = { answer: 0x2f6f9f, abstain: 0x8a8a8a, list: 0x4f7f4f, status: 0x6a5acd };
export const FEEDBACK_PREFIX = 'feedback:';
export const QUOTES_PREFIX = 'quotes:';
export const SOURCES_PREFIX = 'sources:';

/** What a reader reads before "Show quotes", in characters: one phone screen. */
export const COMPACT_BUDGET = 600;
/** A quote in the compact answer is shortened (visibly, with …) past this length. */
const COMPACT_QUOTE_MAX = 260;
/** A writer's sentences in the compact answer: whole ones up to this length (the first always), the rest with Show quotes. */
const COMPACT_WRITTEN_MAX = 320;
const QUESTION_TITLE_MAX = 120;

export interface AnswerOptions {
  /** The reader's language for the chrome (buttons, notes); the answer's words follow the question. */
  lang?: Lang;
  /** The id the buttons carry to find this answer again (Show quotes, votes). */
  key?: string;
  /** A reply to an earlier answer: the title shows what was typed, a line above it what it follows. */
  followUp?: { asked: string; previous: string };
}

/**
 * The compact answer: the lead (or, with a writer, its checked sentences in its place), one or two
 * short quotes and the sources as masked links, one per article, within COMPACT_BUDGET visible
 * characters; "Show quotes" opens the whole answer. The footer says when a model wrote the text, and
 * the mode only when it changes what the reader gets (keyword search only).
 */
export function answerPayload(result: AskResult, keywordOnlyReason?: string, options: AnswerOptions = {}): MessagePayload {
  const lang = options.lang ?? 'en';
  const t = strings(lang);
  const title = shorten(options.followUp?.asked ?? result.question, QUESTION_TITLE_MAX);
  const footer = answerFooter(result, keywordOnlyReason, t);
  const author = options.followUp ? { author: { name: shorten(t['answer.followUp'](options.followUp.previous), QUESTION_TITLE_MAX) } } : {};
  if (result.refusal) {
    // Fewer nearest articles until the refusal fits the screen too.
    for (let nearest = 3; ; nearest--) {
      const embed: APIEmbed = { ...author, title, description: refusalDescription(result, lang, nearest), color: COLOR.abstain, ...(footer ? { footer } : {}) };
      if (nearest === 0 || visibleCharacters({ embeds: [embed] }) <= COMPACT_BUDGET) return { embeds: [embed], components: [answerRow(options.key ?? '', t, { quotes: false })] };
    }
  }
  const repeated = quotesInLead(result);
  const written = result.writer ? compactWritten(result.writer.sentences.map(asText)) : undefined;
  const lead = written?.text ?? opening(result, repeated);
  const fixed = visibleLength(title) + (author.author?.name.length ?? 0) + visibleLength(lead) + (footer?.text.length ?? 0);
  const lines: string[] = [];
  const cited = new Set<number>();
  let used = fixed;
  let complete = !written?.shortened;
  // The lead's own quote first: it is the answer.
  const quotes = [...result.quotes].sort((a, b) => Number(repeated.has(b)) - Number(repeated.has(a)));
  for (const [i, quote] of quotes.entries()) {
    if (i >= 2) {
      complete = false;
      break;
    }
    const source = result.sources.find((s) => s.n === quote.n);
    const sourceCost = cited.has(quote.n) || !source ? 0 : visibleLength(sourceLine(source, lang)) + 1;
    const room = COMPACT_BUDGET - used - sourceCost - 8;
    const max = Math.min(COMPACT_QUOTE_MAX, room);
    // The first quote is always shown (shortened if need be); a second only if it fits whole.
    if (i > 0 && max < quote.text.length + ` [${quote.n}]`.length + 2) {
      complete = false;
      break;
    }
    const { line, shortened } = quoteLine(quote, max);
    if (shortened) complete = false;
    lines.push(line);
    used += visibleLength(line) + 1 + sourceCost;
    cited.add(quote.n);
  }
  if (lines.length < quotes.length) complete = false;
  // Sources of the quotes shown first, then the others if they fit, else a note.
  const sources = result.sources.filter((s) => cited.has(s.n));
  const others = result.sources.filter((s) => !cited.has(s.n));
  let notShown = 0;
  for (const source of others) {
    const cost = visibleLength(sourceLine(source, lang)) + 1;
    if (used + cost <= COMPACT_BUDGET - 40) {
      sources.push(source);
      used += cost;
    } else notShown++;
  }
  if (notShown) complete = false;
  const sourceLines = sources.sort((a, b) => a.n - b.n).map((s) => sourceLine(s, lang));
  if (notShown) sourceLines.push(`*${t['answer.moreSources'](notShown)}*`);
  const description = [lead, lines.join('\n'), sourceLines.join('\n')].filter(Boolean).join('\n\n');
  const embed: APIEmbed = { ...author, title, description, color: COLOR.answer, ...(footer ? { footer } : {}) };
  return { embeds: [embed], components: [answerRow(options.key ?? '', t, { quotes: !complete })] };
}

/**
 * The whole answer for "Show quotes" (sent privately): every quote with its [n], every source.
 * Whole quotes are dropped from the end until it fits Discord's limits: a quote is never cut.
 */
export function quotesPayload(result: AskResult, lang: Lang = 'en'): MessagePayload {
  const t = strings(lang);
  const title = shorten(result.question, DISCORD_LIMITS.title);
  // A lead that is itself a quote is shown once, as the first quote.
  const repeated = quotesInLead(result);
  let shown: AnswerQuote[] = [...result.quotes].sort((a, b) => Number(repeated.has(b)) - Number(repeated.has(a)));
  for (;;) {
    const omitted = result.quotes.length - shown.length;
    const quotes = shown.map((q) => `> ${quoted(asText(q.text))} [${q.n}]`).join('\n\n');
    const sources = result.sources.filter((s) => shown.some((q) => q.n === s.n)).map((s) => sourceLine(s, lang));
    const lead = result.writer ? result.writer.sentences.map(asText).join(' ') : opening(result, repeated);
    const description = [lead, quotes, sources.join('\n')].filter(Boolean).join('\n\n');
    const embed: APIEmbed = { title, description, color: COLOR.answer, ...(omitted ? { footer: { text: t['answer.leftOut'](omitted) } } : {}) };
    if (description.length <= DISCORD_LIMITS.description && embedCharacters([embed]) <= DISCORD_LIMITS.embedTotal) return { embeds: [embed], components: [] };
    if (shown.length <= 1) return { embeds: [{ ...embed, description: t['answer.quoteTooLong'] + '\n\n' + sources.join('\n') }], components: [] };
    shown = shown.slice(0, -1);
  }
}

/**
 * The lead in bold, or, when it is itself a quote, only what it says before the quote ("Yes", "Non"):
 * the quote is shown once, as the first quote.
 */
function opening(result: AskResult, repeated: ReadonlySet<AnswerQuote>): string {
  if (!result.lead) return '';
  if (!repeated.size) return `**${asText(result.lead)}**`;
  const verdict = /^([^“"]+?):\s*[“"]/u.exec(result.lead)?.[1];
  return verdict ? `**${asText(verdict)}**` : '';
}

/** A writer's sentences, plain (they are longer than a lead): whole ones while they fit, the first shortened if it alone does not. */
function compactWritten(sentences: readonly string[]): { text: string; shortened: boolean } {
  const first = shorten(sentences[0] ?? '', COMPACT_WRITTEN_MAX);
  let text = first;
  let kept = 1;
  while (kept < sentences.length && text.length + 1 + sentences[kept]!.length <= COMPACT_WRITTEN_MAX) text += ` ${sentences[kept++]}`;
  return { text, shortened: kept < sentences.length || first !== sentences[0] };
}

/** Who wrote the text (when a model did) and keyword-only search, in the reader's language; none when neither. */
function answerFooter(result: AskResult, keywordOnlyReason: string | undefined, t: Strings): { text: string } | undefined {
  const notes = [result.writer ? t['answer.written'](result.writer.model) : '', keywordOnlyReason ? t['answer.keywordOnly'] : ''].filter(Boolean);
  return notes.length ? { text: notes.join(' · ') } : undefined;
}

/** The quotes a lead already says word for word (a lead that is a quote). */
function refusalDescription(result: AskResult, lang: Lang, nearestShown: number): string {
  const refusal = result.refusal!;
  // A refusal is the bot's own words: in the reader's language, like the buttons.
  const w = strings(lang);
  const first =
    refusal.reason === 'unknown-name'
      ? w['refusal.unknownName']((refusal.unknown ?? []).join(', '))
      : refusal.reason === 'missing-answer-type'
        ? w['refusal.missingAnswerType']
        : w['refusal.notFound'];
  const nearest = refusal.nearest.slice(0, nearestShown).map((s) => `- ${sourceLabelLink(s, lang)}`);
  return [first, nearest.length ? [w['refusal.nearest'], ...nearest].join('\n') : '', `*${w['refusal.next']}*`].filter(Boolean).join('\n\n');
}

/** "> “quote” [n]", shortened at a word with … when longer than `max`. */
function quoteLine(quote: AnswerQuote, max: number): { line: string; shortened: boolean } {
  const marker = ` [${quote.n}]`;
  const text = shorten(quote.text, Math.max(40, max - marker.length - 2));
  return { line: `> ${quoted(asText(text))}${marker}`, shortened: text !== quote.text };
}

// Article text and a model's sentences are shown as written: a "*" or "_" in them is not Discord markdown,
// and a "[label](url)" a model wrote is no link (nothing checks a model's links).
function asText(text: string): string {
  return escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
}

function sourceLine(source: AnswerSource, lang: Lang): string {
  return `[${source.n}] ${sourceLabelLink(source, lang)}`;
}

/** `[title — outlet, date](url)`: the masked link a reader taps; plain text when there is no url. */
export function sourceLabelLink(meta: CitationMeta, lang: Lang): string {
  const origin = [meta.source, readableDate(meta.published, lang)].filter(Boolean).join(', ');
  const label = escapeLinkText(shorten([meta.title, origin].filter(Boolean).join(' — '), 150));
  return meta.url && /^https?:\/\//.test(meta.url) ? `[${label}](${meta.url.replace(/\)/g, '%29')})` : label;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

/** The characters a reader sees: masked links count their label only, markdown marks nothing. */
export function visibleLength(text: string): number {
  return text
    .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
    .replace(/\\([[\]])/g, '$1')
    .replace(/\*\*|^> /gm, '')
    .replace(/(^|\s)\*|\*($|\s)/g, '$1$2').length;
}

/** What a reader sees of a whole message (title, description, fields, footer, content): for the budget. */
export function visibleCharacters(payload: { content?: string; embeds?: readonly APIEmbed[] }): number {
  let total = visibleLength(payload.content ?? '');
  for (const e of payload.embeds ?? []) {
    total += visibleLength(e.title ?? '') + visibleLength(e.description ?? '') + visibleLength(e.footer?.text ?? '') + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) total += visibleLength(f.name) + visibleLength(f.value);
  }
  return total;
}

/**
 * The buttons under an answer: Show quotes (when there is more), then the two votes. Once a vote
 * is in, the vote buttons are disabled and the chosen one says thanks.
 */
export function answerRow(key: string, t: Strings, state: { quotes: boolean; voted?: 'up' | 'down' }): APIActionRowComponent<APIButtonComponent> {
  // Emoji only, so that the three buttons share one line on a phone; the chosen one then says thanks.
  const vote = (direction: 'up' | 'down', emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: state.voted === direction ? ButtonStyle.Success : ButtonStyle.Secondary,
    custom_id: `${FEEDBACK_PREFIX}${direction}:${key}`,
    emoji: { name: emoji },
    ...(state.voted === direction ? { label: t['answer.votedThanks'] } : {}),
    disabled: Boolean(state.voted),
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      ...(state.quotes ? [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: `${QUOTES_PREFIX}${key}`, label: t['answer.showQuotes'] } as const] : []),
      vote('up', '👍'),
      vote('down', '👎'),
    ],
  };
}

/** Reads back what a feedback button carries. */
export function parseFeedbackButton(customId: string): { vote: 'up' | 'down'; key: string } {
  const [vote, key = ''] = customId.slice(FEEDBACK_PREFIX.length).split(':');
  return { vote: vote === 'up' ? 'up' : 'down', key };
}

export const SOURCES_PAGE_SIZE = 10;

/** One page of the corpus's articles as masked links, with Previous/Next buttons when there is more than one page. */
export function sourcesPayload(articles: ArticleList, page: number, lang: Lang = 'en'): MessagePayload {
  const t = strings(lang);
  const pages = Math.max(1, Math.ceil(articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = articles.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  const embed: APIEmbed = {
    title: t['sources.title'](articles.length),
    color: COLOR.list,
    description: articles.length ? slice.map((a, i) => `${current * SOURCES_PAGE_SIZE + i + 1}. ${sourceLabelLink(a, lang)}`).join('\n') : t['sources.empty'],
    ...(pages > 1 ? { footer: { text: t['paging.page'](current + 1, pages) } } : {}),
  };
  const components: MessagePayload['components'] = [];
  if (pages > 1) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${SOURCES_PREFIX}${current - 1}`, label: t['paging.previous'], disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${SOURCES_PREFIX}${current + 1}`, label: t['paging.next'], disabled: current === pages - 1 },
      ],
    });
  }
  return { embeds: [embed], components };
}

export function reindexSummary(report: IndexReport, lang: Lang = 'en'): string {
  const t = strings(lang);
  const list = (ids: string[]) => (ids.length ? ` (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? `, ${t['reindex.more'](ids.length - 5)}` : ''})` : '');
  const lines = report.written
    ? [
        t['reindex.done'](report.chunks),
        t['reindex.changes'](`${report.added.length}${list(report.added)}`, `${report.updated.length}${list(report.updated)}`, `${report.removed.length}${list(report.removed)}`, report.unchanged),
      ]
    : [t['reindex.nothing'](report.unchanged, report.chunks)];
  if (report.problems.length) lines.push(t['reindex.skipped'](report.problems.length, list(report.problems.map((p) => p.path.split('/').at(-1)!))));
  return shorten(lines.join('\n'), DISCORD_LIMITS.content);
}

/** Cut at a word boundary with "…" when longer than `max`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
