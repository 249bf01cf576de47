// Date expressions in French (and English) news sentences. chrono-node's French parser reads
// explicit days ("19 mai 2024", "mercredi 24 juillet"); the rest are rules of ours, because
// chrono misses months, periods and years ("en mars 2024", "début août", "mi-septembre",
// "fin de l'année 2023", "signé en 2012") and reads a bare "vendredi" as the next Friday.
import * as chrono from 'chrono-node';
import { fold } from './analysis.js';
import { WORD_START } from './boundaries.js';
import { MONTH_NAMES, MONTH_NUMBERS, monthPattern, WEEKDAY_NUMBERS, weekdayPattern } from './calendar.js';

export type Precision = 'day' | 'month' | 'year';

/** A date at some precision; a period ("early August") is the range it covers. */
export interface DateValue {
  precision: Precision;
  year: number;
  month?: number;
  day?: number;
  /** For periods and ranges: the last month (or year) covered, at the same precision. */
  endYear?: number;
  endMonth?: number;
  /** For a range of days ("du 19 décembre au 3 janvier"): its last day, in endMonth of endYear. */
  endDay?: number;
  qualifier?: 'early' | 'mid' | 'late';
}

export interface DateMention {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  text: string;
  value: DateValue;
  /** The year was not written and could not be pinned from the article's date. */
  yearUncertain: boolean;
  /** A weekday alone, in an article dated only to the month: the day is unknown. */
  dayUncertain: boolean;
  /** That weekday (0 = Sunday), which still answers "what day". */
  weekday?: number;
  /** Counted from the article's date ("un an auparavant"): near, not exact. */
  approximate?: boolean;
}

export interface DateContext {
  /** The article's `published` date (YYYY, YYYY-MM or YYYY-MM-DD), the anchor for missing years. */
  published?: string;
  /** Whether the clause around a position speaks of the future ("auront quitté"). */
  isFuture: (position: number) => boolean;
  /** The article's language: English articles are read with chrono's English parser and English month names. */
  language?: 'fr' | 'en';
}


// English articles and English month names too ("early August 2024", "in March", "3 September 2025").
const MONTH = `(${monthPattern('fr', 'en')})`;
const YEAR = '((?:19|20)\\d{2})';
const APOS = "['’]";
const DURATION = /(?:^|\s)(?:pendant|durant|during|for)\s/iu;

interface Rule {
  pattern: RegExp;
  read: (m: RegExpExecArray, ctx: DateContext) => Omit<DateMention, 'start' | 'end' | 'text'> | null;
}

const QUALIFIERS: Record<string, DateValue['qualifier']> = {
  debut: 'early', mi: 'mid', milieu: 'mid', fin: 'late',
  early: 'early', beginning: 'early', middle: 'mid', late: 'late', end: 'late',
};

// Ordered: longer, more precise expressions first; a span taken by one rule is not read again.
const RULES: Rule[] = [
  {
    // "au début du mois d'août", "début août", "mi-septembre", "fin juillet 2024"
    // "early August", "mid-September 2024", "the end of July"
    pattern: new RegExp(`${WORD_START}(début|debut|mi|milieu|fin|early|mid|late|beginning|middle|end)(?:[- ]|\\s+du\\s+mois\\s+d(?:e\\s+|${APOS}\\s*)|\\s+d(?:e\\s+|${APOS}\\s*)|\\s+of\\s+)${MONTH}(?:,?\\s+${YEAR})?`, 'giu'),
    read: (m, ctx) => monthMention(m.index, monthNumber(m[2]!), m[3], ctx, QUALIFIERS[fold(m[1]!)]),
  },
  {
    // "à la fin de l'année 2023", "début de l'année 2024"
    pattern: new RegExp(`${WORD_START}(début|debut|milieu|fin)\\s+de\\s+l${APOS}\\s*ann[ée]e\\s+${YEAR}`, 'giu'),
    read: (m) => {
      const year = Number(m[2]);
      const qualifier = QUALIFIERS[fold(m[1]!)];
      const [from, to] = qualifier === 'early' ? [1, 3] : qualifier === 'mid' ? [5, 8] : [10, 12];
      return { value: { precision: 'month', year, month: from, endYear: year, endMonth: to, qualifier }, yearUncertain: false, dayUncertain: false };
    },
  },
  {
    // "en avril et en mai", "en avril et mai 2024": one range
    pattern: new RegExp(`${WORD_START}en\\s+${MONTH}\\s+et\\s+(?:en\\s+)?${MONTH}(?:\\s+${YEAR})?`, 'giu'),
    read: (m, ctx) => {
      const first = monthMention(m.index, monthNumber(m[1]!), m[3], ctx);
      if (!first) return null;
      return { ...first, value: { ...first.value, endYear: first.value.year, endMonth: monthNumber(m[2]!) } };
    },
  },
  {
    // "de décembre à juin", "d'avril à juin 2025", "entre mars et mai", "from March to May": a range of months,
    // into the next year when it ends in an earlier month (a year written at the end is the end's)
    pattern: new RegExp(`${WORD_START}(?:de\\s+|d${APOS}\\s*|entre\\s+|from\\s+|between\\s+)${MONTH}\\s+(?:à|au|et|to|until|through|and)\\s+${MONTH}(?:\\s+${YEAR})?(?![\\p{L}])`, 'giu'),
    read: (m, ctx) => {
      const [month, endMonth] = [monthNumber(m[1]!), monthNumber(m[2]!)];
      const wraps = endMonth < month;
      const first = monthMention(m.index, month, m[3] && wraps ? String(Number(m[3]) - 1) : m[3], ctx);
      if (!first) return null;
      return { ...first, value: { ...first.value, endYear: first.value.year + (wraps ? 1 : 0), endMonth } };
    },
  },
  {
    // "le mois d'août", "au mois de juillet", "en mars", "depuis juillet 2023"
    // "in March", "since July 2023", "the month of August"
    pattern: new RegExp(`${WORD_START}(?:(?:le|au)\\s+mois\\s+d(?:e\\s+|${APOS}\\s*)|en\\s+|depuis\\s+|in\\s+|since\\s+|month\\s+of\\s+)${MONTH}(?:,?\\s+${YEAR})?(?![\\p{L}])`, 'giu'),
    read: (m, ctx) => monthMention(m.index, monthNumber(m[1]!), m[2], ctx),
  },
  {
    // "juillet 2023" with no lead-in
    pattern: new RegExp(`(?<![\\p{L}])${MONTH}\\s+${YEAR}`, 'giu'),
    read: (m, ctx) => monthMention(m.index, monthNumber(m[1]!), m[2], ctx),
  },
  {
    // English months, capitalised (so that "may" the verb is not May): "in October 2024", "since March", "early May 2025"
    pattern: new RegExp(`${WORD_START}(?:(early|mid|late)[- ]|(?:in|since|In|Since)\\s+)?(${MONTH_NAMES.en.join('|')})(?:\\s+${YEAR})?(?![\\p{L}])`, 'gu'),
    read: (m, ctx) => {
      if (ctx.language !== 'en' || (!m[1] && !m[3] && !/^(?:in|since)\s/iu.test(m[0]))) return null;
      return monthMention(m.index, monthNumber(m[2]!), m[3], ctx, m[1] ? ({ early: 'early', mid: 'mid', late: 'late' } as const)[m[1] as 'early'] : undefined);
    },
  },
  {
    // "signé en 2012", "depuis 2023", "en 2024"
    pattern: new RegExp(`(?<![\\d-])${YEAR}(?![\\d-])`, 'g'),
    read: (m) => ({ value: { precision: 'year', year: Number(m[1]) }, yearUncertain: false, dayUncertain: false }),
  },
  {
    // "un an auparavant", "deux ans plus tôt", "l'année dernière", "l'an dernier"
    pattern: new RegExp(`${WORD_START}(un|deux|trois)\\s+ans?\\s+(auparavant|plus\\s+t[ôo]t)|${WORD_START}l${APOS}\\s*(?:ann[ée]e|an)\\s+derni[èe]re?`, 'giu'),
    read: (m, ctx) => {
      const anchor = parsePublished(ctx.published);
      if (!anchor) return null;
      const years = m[1] ? { un: 1, deux: 2, trois: 3 }[fold(m[1]) as 'un' | 'deux' | 'trois'] : 1;
      const value: DateValue = anchor.month
        ? { precision: 'month', year: anchor.year - years, month: anchor.month }
        : { precision: 'year', year: anchor.year - years };
      return { value, yearUncertain: false, dayUncertain: false, approximate: true };
    },
  },
];

/** Every date expression in a sentence, resolved against the article's date where one is missing. */
export function findDates(sentence: string, ctx: DateContext): DateMention[] {
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (start: number, end: number, mention: Omit<DateMention, 'start' | 'end' | 'text'> | null) => {
    if (!mention || !free(start, end)) return;
    taken.push([start, end]);
    mentions.push({ start, end, text: sentence.slice(start, end), ...mention });
  };

  // Explicit days in either language: chrono's strict English parser reads "3 September 2025" and
  // "September 3, 2025" without taking "today" or "now" for dates.
  for (const result of [...chrono.fr.parse(sentence, anchorDate(ctx.published)), ...chrono.en.strict.parse(sentence, anchorDate(ctx.published))]) {
    const { start } = result;
    // chrono reads "3 apr" in "3 après": a date ends where a word does.
    if (/^[\p{L}\p{N}]/u.test(sentence.slice(result.index + result.text.length))) continue;
    const end = result.end?.isCertain('day') && result.end.isCertain('month') ? result.end : undefined;
    const startCertain = start.isCertain('day') && start.isCertain('month');
    const written = end && !startCertain ? writtenRangeStart(result.text, end) : undefined;
    // (chrono guesses a range's start from a weekday when its day or month is not written: "du samedi 20 au
    // dimanche 21 septembre" gives the 20th no month, "de lundi au 3 mars" no day; ours come from the text)
    if (!written && !startCertain) continue; // weekdays and times: ours
    if (DURATION.test(result.text)) continue; // "pendant trois semaines" is how long, not when
    const day = written?.day ?? start.get('day')!;
    const month = written?.month ?? monthBefore(start.get('month')!, day, end);
    // "du 3 mars au 10 avril 2024": the year written once, at the end, is the range's
    const endYearWritten = end?.isCertain('year') ? end.get('year')! : undefined;
    const yearWritten = start.isCertain('year') ? start.get('year')! : endYearWritten !== undefined ? endYearWritten - (month > end!.get('month')! ? 1 : 0) : undefined;
    const value: DateValue = { precision: 'day', year: yearWritten ?? 0, month, day };
    const mention = resolveYear(value, yearWritten === undefined, result.index, ctx, writtenWeekday(start));
    const endMonth = end ? end.get('month')! : undefined;
    const endDay = end ? end.get('day')! : undefined;
    // (hours on one day, "le 3 mars de 10h à 12h", are no range of days)
    if (endMonth !== undefined && endDay !== undefined && (endMonth !== month || endDay !== day)) {
      const endYear = endYearWritten ?? mention.value.year + (endMonth < month ? 1 : 0);
      mention.value = { ...mention.value, endYear, endMonth, endDay };
    }
    add(result.index, result.index + result.text.length, mention);
  }
  for (const rule of RULES) {
    for (const match of sentence.matchAll(rule.pattern)) {
      const start = match.index;
      add(start, start + match[0].length, rule.read(match, ctx));
    }
  }
  for (const match of sentence.matchAll(new RegExp(`(?<![\\p{L}])(${weekdayPattern('fr', 'en')})(?![\\p{L}])(?!\\s+\\d)`, 'giu'))) {
    add(match.index, match.index + match[0].length, weekdayMention(WEEKDAY_NUMBERS.get(fold(match[1]!))!, match.index, ctx));
  }
  return mentions.sort((a, b) => a.start - b.start);
}

// The start of a range as written: its day number before "au"/"to" (not an hour, "9h", "10:30"), in the end's month.
function writtenRangeStart(text: string, end: chrono.ParsedComponents): { day: number; month: number } | undefined {
  const startPart = /^(.*?)\s(?:au|à|to|until)\s/iu.exec(text)?.[1];
  const dayText = startPart && /(?<!\d)(\d{1,2})(?!\s*(?:h|:|\d))(?![\p{L}\d])/u.exec(startPart)?.[1];
  if (!dayText) return undefined;
  const day = Number(dayText);
  if (day < 1 || day > 31) return undefined;
  return { day, month: monthBefore(end.get('month')!, day, end) };
}

// chrono gives "du 28 au 2 mars" March for both ends; a start day past the end's, in the end's month, is the month before.
function monthBefore(month: number, day: number, end: chrono.ParsedComponents | undefined): number {
  if (!end || month !== end.get('month') || day <= end.get('day')!) return month;
  return month === 1 ? 12 : month - 1;
}

function monthMention(position: number, month: number, writtenYear: string | undefined, ctx: DateContext, qualifier?: DateValue['qualifier']) {
  const value: DateValue = { precision: 'month', year: writtenYear ? Number(writtenYear) : 0, month, qualifier };
  return resolveYear(value, !writtenYear, position, ctx);
}

// A bare weekday means the one nearest the article's date: before it for past events, after it
// for announced ones. Without a day-precise article date only the month is known.
function weekdayMention(weekday: number, position: number, ctx: DateContext): Omit<DateMention, 'start' | 'end' | 'text'> | null {
  const anchor = parsePublished(ctx.published);
  if (!anchor?.month) return null;
  if (!anchor.day) {
    return { value: { precision: 'month', year: anchor.year, month: anchor.month }, yearUncertain: false, dayUncertain: true, weekday };
  }
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day));
  const step = ctx.isFuture(position) ? 1 : -1;
  while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() + step);
  return {
    value: { precision: 'day', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    yearUncertain: false,
    dayUncertain: false,
  };
}

/**
 * Gives a year to a date written without one: the article's year, or the one before when the month
 * comes after the article's month and the event is past (an article of March 2024 speaking of
 * "26 juillet" means 2023), or the one after for an announced event. With an article dated to the
 * year only, or not at all, the year is a guess and is flagged.
 */
function resolveYear(value: DateValue, yearMissing: boolean, position: number, ctx: DateContext, weekday?: number) {
  if (!yearMissing) return { value, yearUncertain: false, dayUncertain: false };
  const anchor = parsePublished(ctx.published);
  if (!anchor) return { value: { ...value, year: new Date().getUTCFullYear() }, yearUncertain: true, dayUncertain: false };
  let year = anchor.year;
  if (anchor.month && value.month) {
    const future = ctx.isFuture(position);
    if (!future && value.month > anchor.month) year -= 1;
    if (future && value.month < anchor.month) year += 1;
  }
  // A weekday written with the day ("lundi 15 décembre") tells the year where the tense did not:
  // of the years around the article's, the one where that day is that weekday.
  const { month, day } = value;
  if (weekday !== undefined && day && month) {
    const fits = (y: number) => new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday;
    year = [year, anchor.year, anchor.year - 1, anchor.year + 1].find(fits) ?? year;
  }
  return { value: { ...value, year, ...(value.endMonth ? { endYear: year } : {}) }, yearUncertain: !anchor.month, dayUncertain: false };
}

// The weekday chrono read beside a day ("vendredi 7 février"), if one was written.
function writtenWeekday(start: chrono.ParsedComponents): number | undefined {
  return start.isCertain('weekday') ? start.get('weekday')! : undefined;
}

export function parsePublished(published: string | undefined): { year: number; month?: number; day?: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published ?? '');
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

function anchorDate(published: string | undefined): Date {
  const anchor = parsePublished(published);
  return anchor ? new Date(Date.UTC(anchor.year, (anchor.month ?? 7) - 1, anchor.day ?? 15, 12)) : new Date();
}

function monthNumber(name: string): number {
  return MONTH_NUMBERS.get(fold(name))!;
}


// Capitalised, as English writes months: "may" and "march" are also verbs.
const EN_MONTH = `(${MONTH_NAMES.en.join('|')})`;
const EN_PERIOD: Rule = {
  // "early August 2024", "mid-September", "in July", "late 2023" is a year and left to the numbers
  pattern: new RegExp(`${WORD_START}(?:([Ee]arly|[Mm]id|[Ll]ate)[- ]+)?${EN_MONTH}(?:\\s+(?:of\\s+)?${YEAR})?(?![\\p{L}])`, 'gu'),
  read: (m, ctx) => monthMention(m.index, monthNumber(m[2]!), m[3], ctx, m[1] ? ({ early: 'early', mid: 'mid', late: 'late' } as const)[fold(m[1]) as 'early' | 'mid' | 'late'] : undefined),
};

const EN_YEAR_PERIOD = new RegExp(`${WORD_START}([Ee]arly|[Mm]id|[Ll]ate)[- ]+(?:in\\s+)?${YEAR}`, 'gu');

/**
 * Dates in a text of either language: French as findDates reads them; English days by chrono's
 * English parser ("August 5, 2024", "5 August") and months and periods ("early August 2024").
 */
export function findDatesIn(text: string, language: 'en' | 'fr', ctx: DateContext): DateMention[] {
  if (language === 'fr') return findDates(text, ctx);
  const mentions: DateMention[] = [];
  const free = (start: number, end: number) => mentions.every((m) => end <= m.start || start >= m.end);
  for (const result of chrono.en.parse(text, anchorDate(ctx.published))) {
    const { start } = result;
    if (!start.isCertain('day') || !start.isCertain('month')) continue;
    const yearWritten = start.isCertain('year');
    const value: DateValue = { precision: 'day', year: yearWritten ? start.get('year')! : 0, month: start.get('month')!, day: start.get('day')! };
    mentions.push({ start: result.index, end: result.index + result.text.length, text: result.text, ...resolveYear(value, !yearWritten, result.index, ctx, writtenWeekday(start)) });
  }
  for (const match of text.matchAll(EN_YEAR_PERIOD)) {
    // "early 2024": the months it covers, as French "début de l'année 2024" reads
    const year = Number(match[2]);
    const qualifier = ({ early: 'early', mid: 'mid', late: 'late' } as const)[fold(match[1]!) as 'early' | 'mid' | 'late'];
    const [from, to] = qualifier === 'early' ? [1, 3] : qualifier === 'mid' ? [5, 8] : [10, 12];
    const value: DateValue = { precision: 'month', year, month: from, endYear: year, endMonth: to, qualifier };
    mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0], value, yearUncertain: false, dayUncertain: false });
  }
  for (const match of text.matchAll(EN_PERIOD.pattern)) {
    const end = match.index + match[0].length;
    const read = EN_PERIOD.read(match, ctx);
    if (read && free(match.index, end)) mentions.push({ start: match.index, end, text: match[0], ...read });
  }
  return mentions.sort((a, b) => a.start - b.start);
}
