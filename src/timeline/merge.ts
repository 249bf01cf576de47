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

/**
 * One entry per event: on one date, the same action about the same people or things, or text
 * that tells the same thing, in one or several articles. Two different actions stay two events.
 * A mention whose actor is a pronoun ("il sera achevé début août") is the event its article tells
 * on that date in other words. A date counted from the article's ("un an auparavant") joins the
 * same action dated precisely within a month of it.
 */
export function mergeEvents(found: readonly TimelineEvent[]): TimelineEvent[] {
  const byDate = new Map<string, { similar: SimilarEvents; events: TimelineEvent[] }>();
  const merged: TimelineEvent[] = [];
  for (const event of found) {
    const key = `${event.date}|${event.end ?? ''}|${event.expected}`;
    const sameDate = byDate.get(key) ?? { similar: new SimilarEvents(commonLimit(found.length)), events: [] };
    byDate.set(key, sameDate);
    const same =
      sameDate.events.find((e) => sameAction(e, event) || sameArticleAnaphora(e, event)) ??
      [...sameDate.similar.candidates(event)].find((e) => similarity(e, event) >= MERGE_SIMILARITY && !(e.action && event.action && e.action !== event.action));
    if (same) {
      absorb(same, event);
      continue;
    }
    sameDate.similar.add(event);
    sameDate.events.push(event);
    merged.push(event);
  }
  const approximate = merged.filter((e) => e.approximate && e.action);
  return merged.filter((event) => {
    if (!approximate.includes(event)) return true;
    const precise = merged.find((other) => other !== event && !other.approximate && other.expected === event.expected && sameAction(other, event) && Math.abs(month(other) - month(event)) <= 1);
    if (!precise) return true;
    absorb(precise, event);
    return false;
  });
}

function sameAction(a: TimelineEvent, b: TimelineEvent): boolean {
  if (!a.action || a.action !== b.action) return false;
  if (!a.theme || !b.theme) return true;
  const theirs = new Set(indexTerms(b.theme, 'fr'));
  return indexTerms(a.theme, 'fr').some((term) => theirs.has(term));
}

function sameArticleAnaphora(a: TimelineEvent, b: TimelineEvent): boolean {
  return (!!a.anaphoric || !!b.anaphoric) && a.citations.some((ca) => b.citations.some((cb) => cb.docId === ca.docId));
}

/** Adds an event's sources to the one that stands for it, and keeps the headline that says most. */
function absorb(into: TimelineEvent, event: TimelineEvent): void {
  for (const citation of event.citations) {
    if (!into.citations.some((c) => c.docId === citation.docId && c.start === citation.start)) into.citations.push(citation);
  }
  const says = (e: TimelineEvent) => (e.anaphoric ? 0 : 1000) + (e.action ? 500 : 0) + e.headlines.fr.text.length;
  if (says(event) > says(into)) {
    into.headlines = event.headlines;
    into.anaphoric = event.anaphoric;
  }
}

function month(e: TimelineEvent): number {
  return Number(e.sortKey.slice(0, 4)) * 12 + Number(e.sortKey.slice(5, 7));
}

// Text that tells the same thing in other articles, with a date less than three months apart.
export function flagConflicts(events: readonly TimelineEvent[]): void {
  const index = new SimilarEvents(commonLimit(events.length));
  for (const event of events) index.add(event);
  for (const a of events) {
    for (const b of index.candidates(a)) {
      if (a.date === b.date || Math.abs(month(a) - month(b)) > CONFLICT_WINDOW_MONTHS) continue;
      if (a.citations.some((ca) => b.citations.some((cb) => cb.docId === ca.docId))) continue;
      if (similarity(a, b) < MERGE_SIMILARITY) continue;
      a.conflict = `${b.citations[0]!.title} dates this ${b.label}`;
      a.conflictFr = `${b.citations[0]!.title} le date du ${b.labelFr}`;
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
