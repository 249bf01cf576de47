// Dates said in words, in English or French: "early August 2024", "début août 2024", "5 August 2024".
import type { Language } from './analysis.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';
import type { DateMention, DateValue } from './dates.js';

const WORDS = {
  en: { about: 'about', yearUncertain: 'year uncertain', early: 'early ', mid: 'mid-', late: 'late ' },
  fr: { about: 'vers', yearUncertain: 'année incertaine', early: 'début ', mid: 'mi-', late: 'fin ' },
} as const;

/**
 * The date of a mention at the precision the text gives. A weekday in an article dated only to
 * the month says no more than the month, or its weekday and month when asked to.
 */
export function describeDate(
  value: DateValue,
  mention: Pick<DateMention, 'yearUncertain' | 'dayUncertain' | 'approximate' | 'weekday'>,
  language: Language,
  /** Say a weekday the text gives alone ("a Wednesday in March 2024"): an answer to "what day" does; a timeline label keeps to the month. */
  sayWeekday = false,
): string {
  const words = WORDS[language];
  const month = value.month ? MONTH_NAMES[language][value.month - 1]! : '';
  // A year as said, marked when uncertain (a range's mark goes after its last year).
  const sayYear = (y: number) => (mention.yearUncertain ? `${y} (${words.yearUncertain})` : String(y));
  const year = sayYear(value.year);
  if (mention.approximate) return `${words.about} ${month ? `${month} ` : ''}${year}`;
  if (value.precision === 'year' || !month) return year;
  const dayOf = (day: number) => (language === 'fr' && day === 1 ? '1er' : String(day));
  if (value.precision === 'day' && value.day && value.endDay && value.endMonth) {
    // "12–15 July 2027", "19 December 2026 – 3 January 2027"; "du 12 au 15 juillet 2027"
    const endMonth = MONTH_NAMES[language][value.endMonth - 1]!;
    const sameYear = (value.endYear ?? value.year) === value.year;
    const endYear = sayYear(value.endYear ?? value.year);
    const from = value.endMonth === value.month && sameYear ? dayOf(value.day) : `${dayOf(value.day)} ${month}${sameYear ? '' : ` ${value.year}`}`;
    return language === 'fr' ? `du ${from} au ${dayOf(value.endDay)} ${endMonth} ${endYear}` : `${from}${from.includes(' ') ? ' – ' : '–'}${value.endDay} ${endMonth} ${endYear}`;
  }
  if (value.precision === 'day' && value.day) return `${dayOf(value.day)} ${month} ${year}`;
  // "mercredi" in an article of March 2024: a Wednesday, the month's
  if (sayWeekday && mention.dayUncertain && mention.weekday !== undefined) {
    const weekday = WEEKDAY_NAMES[language][mention.weekday]!;
    return language === 'fr' ? `un ${weekday} ${/^[aeiou]/u.test(month) ? "d'" : 'de '}${month} ${year}` : `a ${weekday} in ${month} ${year}`;
  }
  const period = value.qualifier ? words[value.qualifier] : '';
  if (value.endMonth && value.endMonth !== value.month) {
    // A period spanning months ("early 2024") or a range ("April–May 2024").
    if (period) return `${period.trim()}${period.endsWith('-') ? '' : ' '}${year}`;
    const endMonth = MONTH_NAMES[language][value.endMonth - 1]!;
    // ("December 2025 – June 2026": a range into the next year says both)
    if (value.endYear !== undefined && value.endYear !== value.year) return `${month} ${value.year} – ${endMonth} ${sayYear(value.endYear)}`;
    return `${month}–${endMonth} ${year}`;
  }
  return `${period}${month} ${year}`;
}
