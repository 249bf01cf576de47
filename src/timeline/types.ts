// What the timeline is made of: events with their dates and verbatim citations, and the filter.
import type { CitationMeta } from '../ingest/article.js';
import type { Language } from '../text/analysis.js';
import type { Headline } from './headline.js';

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
  /** A few words saying who did what, per reader's language, each saying which language it is in. */
  headlines: Record<Language, Headline>;
  /** The news action (actions.ts) the date belongs to, and who or what it concerns, for merging. */
  action?: string;
  theme?: string;
  /** Its actor is a pronoun: the same article tells the event elsewhere. */
  anaphoric?: boolean;
  /** Dated by counting from the article's date ("un an auparavant"). */
  approximate?: boolean;
  /** Announced or planned at the time of writing, not reported as done. */
  expected: boolean;
  /** What about the date is a guess: the year, or the day of a bare weekday. */
  uncertain?: 'year' | 'day';
  /** Another article dates what looks like the same event differently. */
  conflict?: string;
  conflictFr?: string;
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
