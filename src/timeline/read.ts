// Reading dates: each dated mention of an article becomes an event with its sentence (or the
// clauses around the date), its date in words in both languages, and whether it was planned.
// The dates themselves, and their missing years, are read by src/text/dates.ts.
import type { Article } from '../ingest/article.js';
import { splitSentences, type Span } from '../ingest/sentences.js';
import { clauseSpans, futureAt } from '../text/clauses.js';
import { describeDate } from '../text/date-format.js';
import { findDates, type DateMention, type DateValue } from '../text/dates.js';
import { eventHeadline } from './headline.js';
import type { TimelineEvent } from './types.js';

const MAX_TEXT = 220;

/** The dated events of one article, one per date mention, each with its sentence (trimmed). */
export function articleEvents(article: Article): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const span of splitSentences(article.text)) {
    const sentence = article.text.slice(span.start, span.end);
    const clauses = clauseSpans(sentence);
    const isFuture = futureAt(sentence, clauses);
    const mentions = findDates(sentence, { published: article.published, isFuture, language: article.language });
    for (const mention of mentions) {
      const excerpt = excerptAround(sentence, clauses, mention);
      const start = span.start + excerpt.start;
      const end = span.start + excerpt.end;
      const quote = article.text.slice(start, end);
      const { headlines, action, theme, anaphoric, done } = eventHeadline(sentence, clauses, mention, mentions, article.language);
      const event = describe(mention, isFuture(mention.start) && !done, article.published);
      events.push({
        ...event,
        text: quote,
        headlines,
        ...(action ? { action } : {}),
        ...(theme ? { theme } : {}),
        ...(anaphoric ? { anaphoric } : {}),
        ...(mention.approximate ? { approximate: true } : {}),
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
