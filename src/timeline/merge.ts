// Merging: mentions of one event, on one date, in one or several articles, become one event with
// all their sources; the same-looking event dated differently by two articles is flagged.
import { indexTerms } from '../text/analysis.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../text/calendar.js';
import type { TimelineEvent } from './types.js';

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
export function mergeEvents(found: readonly TimelineEvent[]): TimelineEvent[] {
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
export function flagConflicts(events: readonly TimelineEvent[]): void {
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
