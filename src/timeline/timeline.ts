// Timeline: dated events of the articles. In: Articles. Out: TimelineEvents, ordered and merged
// across sources, each with verbatim citations. Reading dates is in read.ts, merging in merge.ts,
// the picture in image.ts; this file composes them and filters.
import { UserError } from '../errors.js';
import type { Article } from '../ingest/article.js';
import { conceptHolds, queryConcepts } from '../retrieve/concepts.js';
import { indexTerms } from '../text/analysis.js';
import { flagConflicts, mergeEvents } from './merge.js';
import { articleEvents } from './read.js';
import type { TimelineEvent, TimelineFilter } from './types.js';

export type { TimelineCitation, TimelineEvent, TimelineFilter } from './types.js';

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
