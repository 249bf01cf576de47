// The writer's guard: a sentence a model wrote is shown only if every fact in it is in the quotes
// it cites. Numbers are compared as values and dates as dates, whatever the language or format
// ("5 août" = "August 5", "200" = "two hundred"); names by their words, through the bilingual
// glossary for the common ones ("American" = "américains"). What the guard cannot read (a claim
// without a number, date or name) it leaves to the citation the reader can check.
import type { Intent } from '../answer/types.js';
import { ENGLISH_TO_FRENCH } from '../retrieve/lexicon.js';
import { fold, words, type Language } from '../text/analysis.js';
import { MONTH_NUMBERS, WEEKDAY_NUMBERS } from '../text/calendar.js';
import { futureAt } from '../text/clauses.js';
import { findDatesIn, type DateMention } from '../text/dates.js';
import { guessLanguage } from '../text/language.js';
import { findNumbers } from '../text/numbers.js';

export type DropReason =
  | 'no-citation'
  | 'unknown-citation'
  | 'unsupported-number'
  | 'unsupported-date'
  | 'unsupported-name'
  | 'wrong-language'
  /** The sentence repeats the writer's own instructions (small models do), which no quote supports. */
  | 'echoes-prompt'
  /** Given by the writer: the sentence states another date or count than the lead, and none states the lead's. */
  | 'contradicts-lead';

export interface GuardQuote {
  /** The number the reader sees, its source's: quotes of one article share it. */
  n: number;
  text: string;
  /** The article's date, to give a year to dates the quote writes without one. */
  published?: string;
  /** The outlet, which a sentence may name when it attributes ("according to AFP"). */
  source?: string;
}

export interface GuardInput {
  question: string;
  language: Language;
  intent: Intent;
  /** The extractive engine's answer line, whose fact the written answer must not contradict. */
  lead: string | null;
  quotes: readonly GuardQuote[];
  /** The instructions the model was given: a sentence repeating them is not an answer. */
  instructions?: string;
}

/** What the guard found in one source's quotes, read once. */
interface Evidence {
  numbers: Set<number>;
  dates: DateMention[];
  words: Set<string>;
}

const CITATION = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/gu;
// Quoted words inside a sentence are the article's, so they do not tell the sentence's language.
const QUOTED = /“[^”]*”|«[^»]*»|"[^"]*"/gu;
const NAME = /\p{Lu}[\p{L}’'-]*/gu;
const MIN_WORDS_FOR_LANGUAGE = 4;

export class Guard {
  private readonly evidence = new Map<number, Evidence>();
  private readonly leadDates: DateMention[];
  private readonly leadNumbers: number[];
  private readonly instructionRuns: Set<string>;

  constructor(private readonly input: GuardInput) {
    for (const quote of input.quotes) {
      const found = this.evidence.get(quote.n) ?? { numbers: new Set<number>(), dates: [], words: new Set<string>() };
      // "auront quitté le pays au début du mois d'août": an announced date, in the article's year or after.
      const ctx = { published: quote.published, isFuture: futureAt(quote.text) };
      found.dates.push(...findDatesIn(quote.text, 'fr', ctx), ...findDatesIn(quote.text, 'en', ctx));
      for (const number of findNumbers(quote.text)) found.numbers.add(number.value);
      for (const date of found.dates) found.numbers.add(date.value.year);
      for (const word of words(`${quote.text} ${quote.source ?? ''}`)) found.words.add(word);
      this.evidence.set(quote.n, found);
    }
    const lead = input.lead ? input.lead.replace(CITATION, ' ') : '';
    this.leadDates = findDatesIn(lead, input.language, { isFuture: () => false });
    this.leadNumbers = numbersOutside(lead, this.leadDates);
    this.instructionRuns = new Set(runs(words(input.instructions ?? '')));
  }

  /** Why a sentence must not be shown, or null when it may. */
  check(sentence: string): DropReason | null {
    const cited = [...sentence.matchAll(CITATION)].flatMap((m) => m[1]!.split(/[,;]/u).map((n) => Number(n.trim())));
    if (!cited.length) return 'no-citation';
    if (cited.some((n) => !this.evidence.has(n))) return 'unknown-citation';
    const sources = [...new Set(cited)].map((n) => this.evidence.get(n)!);
    const text = sentence.replace(CITATION, ' ');
    if (runs(words(text)).some((run) => this.instructionRuns.has(run))) return 'echoes-prompt';

    const dates = findDatesIn(text, this.input.language, { isFuture: futureAt(text) });
    if (dates.some((date) => !sources.some((s) => s.dates.some((quoted) => supports(quoted, date))))) return 'unsupported-date';
    const numbers = numbersOutside(text, dates);
    if (numbers.some((n) => !sources.some((s) => s.numbers.has(n)))) return 'unsupported-number';
    const questionWords = new Set(words(this.input.question));
    for (const name of names(text)) {
      const parts = words(name);
      if (parts.some((part) => !questionWords.has(part) && !sources.some((s) => hasWord(s.words, part)))) return 'unsupported-name';
    }
    if (!inLanguage(text, this.input.language)) return 'wrong-language';
    return null;
  }

  /**
   * Whether a sentence states the lead's fact (its date for "when", its number for "how many"),
   * states another one of that kind, or none. A sentence stating another one is shown only beside
   * one that states the lead's: alone it would answer differently from the quotes' answer.
   */
  leadAgreement(sentence: string): 'agrees' | 'differs' | 'silent' {
    const text = sentence.replace(CITATION, ' ');
    const dates = findDatesIn(text, this.input.language, { isFuture: futureAt(text) });
    if (this.input.intent === 'when' && this.leadDates.length && dates.length) {
      return dates.some((date) => this.leadDates.some((lead) => compatible(lead, date))) ? 'agrees' : 'differs';
    }
    const numbers = numbersOutside(text, dates);
    if (this.input.intent === 'count' && this.leadNumbers.length && numbers.length) {
      return numbers.some((n) => this.leadNumbers.includes(n)) ? 'agrees' : 'differs';
    }
    return 'silent';
  }
}

// Runs of five words: a sentence sharing one with the instructions is copying them.
const RUN = 5;
function runs(list: string[]): string[] {
  return list.slice(0, Math.max(0, list.length - RUN + 1)).map((_, i) => list.slice(i, i + RUN).join(' '));
}

function numbersOutside(text: string, dates: readonly DateMention[]): number[] {
  return findNumbers(text)
    .filter((n) => !dates.some((d) => n.start < d.end && n.end > d.start))
    .map((n) => n.value);
}

/**
 * Capitalised words that are names: not the sentence's first word (capitalised anyway) unless it
 * is an acronym or starts a name of several words; not months and weekdays (dates are checked as dates).
 */
function names(text: string): string[] {
  const found: string[] = [];
  const matches = [...text.matchAll(NAME)];
  matches.forEach((match, i) => {
    const token = match[0].replace(/[’'-]+$/u, '');
    const folded = fold(token);
    if (MONTH_NUMBERS.has(folded) || WEEKDAY_NUMBERS.has(folded) || token === 'I') return;
    const first = !/[\p{L}\p{N}]/u.test(text.slice(0, match.index));
    const acronym = /^\p{Lu}{2,}$/u.test(token);
    const next = matches[i + 1];
    const startsName = next !== undefined && /^\s+$/u.test(text.slice(match.index + match[0].length, next.index));
    if (first && !acronym && !startsName) return;
    found.push(token);
  });
  return found;
}

// A word of a name is in the quotes as written, with another ending ("Nigerien", "nigériens"), or
// through the glossary ("American" → "américains").
function hasWord(quoteWords: ReadonlySet<string>, part: string): boolean {
  const near = (word: string) => quoteWords.has(word) || (word.length >= 5 && [...quoteWords].some((q) => q.length >= 5 && q.slice(0, 5) === word.slice(0, 5) && Math.abs(q.length - word.length) <= 3));
  if (near(part)) return true;
  return (ENGLISH_TO_FRENCH[part] ?? []).some((french) => words(french).every(near));
}

/** A quoted date supports a written one when it says at least as much and agrees on all of it. */
function supports(quoted: DateMention, written: DateMention): boolean {
  const q = quoted.value;
  const w = written.value;
  if (!(written.yearUncertain || quoted.yearUncertain || q.year === w.year || (q.endYear !== undefined && w.year >= q.year && w.year <= q.endYear))) return false;
  if (w.month !== undefined) {
    if (q.month === undefined) return false;
    const last = q.endMonth ?? q.month;
    if (w.month < q.month || w.month > last) return false;
  }
  if (w.precision === 'day' && !(q.precision === 'day' && q.day === w.day)) return false;
  if (w.qualifier && q.qualifier && w.qualifier !== q.qualifier) return false;
  return true;
}

// Looser, for the lead: the same year and month where both say them.
function compatible(a: DateMention, b: DateMention): boolean {
  const yearsAgree = a.yearUncertain || b.yearUncertain || a.value.year === b.value.year;
  const monthsAgree = a.value.month === undefined || b.value.month === undefined || a.value.month === b.value.month || (a.value.endMonth !== undefined && b.value.month >= a.value.month && b.value.month <= a.value.endMonth);
  return yearsAgree && monthsAgree;
}

// Short sentences are mostly names and numbers: too little to tell a language by, so they pass.
function inLanguage(text: string, language: Language): boolean {
  const plain = text.replace(QUOTED, ' ').replace(NAME, ' ').replace(/\d+/gu, ' ');
  if ((plain.match(/\p{L}{2,}/gu) ?? []).length < MIN_WORDS_FOR_LANGUAGE) return true;
  return guessLanguage(plain) === language;
}
