// Timeline: dated events of the articles. In: Articles. Out: TimelineEvents, ordered and merged
// across sources, each with verbatim citations.
import { UserError } from '../errors.js';
import type { Article, CitationMeta } from '../ingest/article.js';
import { splitSentences, type Span } from '../ingest/sentences.js';
import { conceptHolds, queryConcepts, type QueryConcept } from '../retrieve/concepts.js';
import { indexTerms, type Language } from '../text/analysis.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../text/calendar.js';
import { clauseSpans, futureAt } from '../text/clauses.js';
import { describeDate } from '../text/date-format.js';
import { findDates, type DateMention, type DateValue } from '../text/dates.js';

export interface TimelineCitation extends CitationMeta {
  n: number;
  /** The event's sentence (or the clauses of it around the date), verbatim from the article. */
  quote: string;
  docId: string;
  start: number;
  end: number;
  /** Where the date expression itself starts in the article. */
  dateStart: number;
}

export interface TimelineEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a period gives its first month and `end` its last. */
  date: string;
  end?: string;
  /** The date for people: "19 May 2024", "early August 2024", "late 2023". */
  label: string;
  /** The same in French, for answers to French questions: "19 mai 2024", "début août 2024". */
  labelFr: string;
  text: string;
  /** Announced or planned at the time of writing, not reported as done. */
  expected: boolean;
  /** What about the date is a guess: the year, or the day of a bare weekday. */
  uncertain?: 'year' | 'day';
  /** Another article dates what looks like the same event differently. */
  conflict?: string;
  citations: TimelineCitation[];
  /** YYYY-MM-DD at the start of the date or period: the sort order. */
  sortKey: string;
}

export interface TimelineFilter {
  from?: string;
  to?: string;
  /** Only events whose text holds every word of this topic (French/English aware). */
  about?: string;
}

const MAX_TEXT = 220;

const SLICE = 50;

/**
 * Dated events of every article, merged across sources, ordered by date. Articles are read in
 * slices with a pause between, so a server stays responsive while a large corpus is read.
 */
export async function buildTimeline(articles: readonly Article[]): Promise<TimelineEvent[]> {
  const found: TimelineEvent[] = [];
  for (let i = 0; i < articles.length; i += SLICE) {
    for (const article of articles.slice(i, i + SLICE)) found.push(...articleEvents(article));
    if (i + SLICE < articles.length) await new Promise((resolve) => setImmediate(resolve));
  }
  const events = mergeEvents(found);
  flagConflicts(events);
  return events.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.text.localeCompare(b.text));
}

/** Checks a filter as typed by a user (CLI options or Discord command options). */
export function parseTimelineFilter(options: { from?: string; to?: string; about?: string }): TimelineFilter {
  for (const [name, value] of [['from', options.from], ['to', options.to]] as const) {
    if (value !== undefined && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)) {
      throw new UserError('bad-filter', `"${name}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${value}").`);
    }
  }
  if (options.from && options.to && options.from > options.to) throw new UserError('bad-filter', { en: '"from" comes after "to".', fr: '« from » vient après « to ».' });
  const about = options.about?.trim();
  if (options.about !== undefined && !about) throw new UserError('bad-filter', { en: '"about" needs a topic, e.g. a place or a name.', fr: '« about » demande un sujet, par exemple un lieu ou un nom.' });
  return { from: options.from, to: options.to, about };
}

/** The events the filter keeps, their citations numbered [1], [2], … in timeline order. */
export function filterTimeline(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  const concepts = filter.about ? queryConcepts(filter.about, ['fr', 'en']) : [];
  let n = 0;
  const kept = events.filter((event) => {
    // Dates of different precision compare on their common prefix: July 2024 is within --to 2024-07-31.
    const before = (a: string, b: string) => a.slice(0, b.length) < b.slice(0, a.length);
    if (filter.from && before(event.end ?? event.date, filter.from)) return false;
    if (filter.to && before(filter.to, event.date)) return false;
    if (!concepts.length) return true;
    const terms = event.citations.flatMap((c) => [...indexTerms(c.quote, 'fr'), ...indexTerms(c.quote, 'en')]);
    return concepts.every((concept) => conceptHolds(terms, concept));
  });
  return kept.map((event) => ({ ...event, citations: event.citations.map((c) => ({ ...c, n: ++n })) }));
}

/** The dated events of one article, one per date mention, each with its sentence (trimmed). */
export function articleEvents(article: Article): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const span of splitSentences(article.text)) {
    const sentence = article.text.slice(span.start, span.end);
    const clauses = clauseSpans(sentence);
    const isFuture = futureAt(sentence, clauses);
    for (const mention of findDates(sentence, { published: article.published, isFuture })) {
      const excerpt = excerptAround(sentence, clauses, mention);
      const start = span.start + excerpt.start;
      const end = span.start + excerpt.end;
      const quote = article.text.slice(start, end);
      const event = describe(mention, isFuture(mention.start), article.published);
      events.push({
        ...event,
        text: quote,
        citations: [
          { n: 0, title: article.title, source: article.source, url: article.url, published: article.published, quote, docId: article.id, start, end, dateStart: span.start + mention.start },
        ],
      });
    }
  }
  return events;
}

function describe(mention: DateMention, futureTense: boolean, published: string | undefined) {
  const { value } = mention;
  const date = isoDate(value.year, value.month, value.precision === 'day' ? value.day : undefined, value.precision);
  const end = value.endMonth ? isoDate(value.endYear ?? value.year, value.endMonth, undefined, 'month') : undefined;
  const startDay = value.day ?? (value.qualifier === 'mid' ? 10 : value.qualifier === 'late' && !value.endMonth ? 20 : 1);
  const sortKey = `${String(value.year).padStart(4, '0')}-${pad(value.month ?? 1)}-${pad(startDay)}`;
  // Whatever comes after the article's own date cannot have happened when it was written.
  const afterPublication = published ? sortKey.slice(0, published.length) > published : false;
  return {
    date,
    ...(end && end !== date ? { end } : {}),
    label: describeDate(value, mention, 'en'),
    labelFr: describeDate(value, mention, 'fr'),
    expected: futureTense || afterPublication,
    ...(mention.yearUncertain ? { uncertain: 'year' as const } : mention.dayUncertain ? { uncertain: 'day' as const } : {}),
    sortKey,
  };
}

function isoDate(year: number, month: number | undefined, day: number | undefined, precision: DateValue['precision']): string {
  if (precision === 'year' || !month) return String(year);
  return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// The whole sentence when it is short; otherwise the clause holding the date, widened by
// neighbouring clauses until it says enough.
function excerptAround(sentence: string, clauses: Span[], mention: DateMention): Span {
  if (sentence.length <= MAX_TEXT) return { start: 0, end: sentence.length };
  let first = clauses.findIndex((c) => mention.start >= c.start && mention.start < c.end);
  let last = Math.max(first, clauses.findIndex((c) => mention.end > c.start && mention.end <= c.end));
  const length = () => clauses[last]!.end - clauses[first]!.start;
  while (length() < 80 && (first > 0 || last < clauses.length - 1)) {
    if (first > 0) first--;
    if (length() < 80 && last < clauses.length - 1) last++;
  }
  return { start: clauses[first]!.start, end: clauses[last]!.end };
}

const MERGE_SIMILARITY = 0.5;
const CONFLICT_WINDOW_MONTHS = 3;

/**
 * Which earlier events could tell the same thing as this one: those sharing one of its rarer words
 * (a word in more than `common` events, like "conseil", says little). An inverted index keeps the
 * work near-linear in the number of events.
 */
class SimilarEvents {
  private readonly postings = new Map<string, TimelineEvent[]>();

  constructor(private readonly common: number) {}

  add(event: TimelineEvent): void {
    for (const term of eventTerms(event).words) {
      const list = this.postings.get(term);
      if (list) list.push(event);
      else this.postings.set(term, [event]);
    }
  }

  candidates(event: TimelineEvent): Set<TimelineEvent> {
    const found = new Set<TimelineEvent>();
    for (const term of eventTerms(event).words) {
      const list = this.postings.get(term) ?? [];
      if (list.length <= this.common) for (const other of list) if (other !== event) found.add(other);
    }
    return found;
  }
}

// The same date, and text that tells the same thing, is one event with every source.
function mergeEvents(found: readonly TimelineEvent[]): TimelineEvent[] {
  const byDate = new Map<string, SimilarEvents>();
  const merged: TimelineEvent[] = [];
  for (const event of found) {
    const key = `${event.date}|${event.end ?? ''}|${event.expected}`;
    const sameDate = byDate.get(key) ?? new SimilarEvents(commonLimit(found.length));
    byDate.set(key, sameDate);
    const same = [...sameDate.candidates(event)].find((e) => similarity(e, event) >= MERGE_SIMILARITY);
    if (same) {
      const citation = event.citations[0]!;
      if (!same.citations.some((c) => c.docId === citation.docId && c.start === citation.start)) same.citations.push(citation);
      continue;
    }
    sameDate.add(event);
    merged.push(event);
  }
  return merged;
}

// Text that tells the same thing in other articles, with a date less than three months apart.
function flagConflicts(events: readonly TimelineEvent[]): void {
  const index = new SimilarEvents(commonLimit(events.length));
  for (const event of events) index.add(event);
  const month = (e: TimelineEvent) => Number(e.sortKey.slice(0, 4)) * 12 + Number(e.sortKey.slice(5, 7));
  for (const a of events) {
    for (const b of index.candidates(a)) {
      if (a.date === b.date || Math.abs(month(a) - month(b)) > CONFLICT_WINDOW_MONTHS) continue;
      if (a.citations.some((ca) => b.citations.some((cb) => cb.docId === ca.docId))) continue;
      if (similarity(a, b) >= MERGE_SIMILARITY) a.conflict = `${b.citations[0]!.title} dates this ${b.label}`;
    }
  }
}

function commonLimit(events: number): number {
  return Math.max(50, Math.ceil(events / 50));
}

/**
 * Jaccard overlap of the content words of two events' texts, their own dates left out (so "le 5
 * août" and "le 7 août" neither make two texts alike nor apart). Texts whose other numbers all
 * differ ("la ville 12", "la ville 40") tell different things.
 */
function similarity(a: TimelineEvent, b: TimelineEvent): number {
  const ta = eventTerms(a);
  const tb = eventTerms(b);
  let shared = 0;
  for (const term of ta.words) if (tb.words.has(term)) shared++;
  const sharesNumber = [...ta.numbers].some((n) => tb.numbers.has(n));
  if (ta.numbers.size && tb.numbers.size && !sharesNumber) return 0;
  return shared / Math.max(1, ta.words.size + tb.words.size - shared);
}

const termCache = new WeakMap<TimelineEvent, { words: Set<string>; numbers: Set<string> }>();

function eventTerms(event: TimelineEvent): { words: Set<string>; numbers: Set<string> } {
  let terms = termCache.get(event);
  if (!terms) {
    const dateNumbers = new Set(event.date.split('-').map((part) => String(Number(part))));
    const words = new Set(indexTerms(event.text, 'fr').filter((t) => !dateNumbers.has(t) && !DATE_WORDS.has(t)));
    terms = { words, numbers: new Set([...words].filter((t) => /^\d+$/.test(t))) };
    termCache.set(event, terms);
  }
  return terms;
}

const DATE_WORDS = new Set(
  [...MONTH_NAMES.fr, ...WEEKDAY_NAMES.fr, 'début', 'fin', 'mois', 'année'].flatMap((word) => indexTerms(word, 'fr')),
);

/**
 * "Early July 2024; early August 2024 (expected)": for each quote, the date it gives; where a quote
 * gives several, the one whose clause says most of what was asked.
 */
export function dateLead(
  events: readonly TimelineEvent[],
  quotes: readonly { docId: string; start: number; end: number; quote: string }[],
  concepts: readonly QueryConcept[],
  language: Language,
): string | undefined {
  const describe = (event: TimelineEvent) =>
    language === 'fr' ? `${event.labelFr}${event.expected ? ' (prévu)' : ''}` : `${event.label}${event.expected ? ' (expected)' : ''}`;
  const labels: string[] = [];
  for (const quote of quotes) {
    let best: { text: string; score: number } | undefined;
    for (const event of events) {
      const citation = event.citations.find((c) => c.docId === quote.docId && c.dateStart >= quote.start && c.dateStart < quote.end);
      if (!citation) continue;
      const offset = citation.dateStart - quote.start;
      const clause = clauseSpans(quote.quote).find((c) => offset >= c.start && offset < c.end) ?? { start: 0, end: quote.quote.length };
      const terms = indexTerms(quote.quote.slice(clause.start, clause.end), 'fr');
      const score = concepts.filter((concept) => conceptHolds(terms, concept)).length;
      if (!best || score > best.score) best = { text: describe(event), score };
    }
    if (best && !labels.includes(best.text)) labels.push(best.text);
  }
  if (!labels.length) return undefined;
  const lead = labels.slice(0, 2).join('; ');
  return lead[0]!.toUpperCase() + lead.slice(1);
}
