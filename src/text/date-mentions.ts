import { monthPattern, weekdayPattern } from './calendar.js';

// Cheap detection of a date mention in a sentence, for ranking "when" answers.
const MONTHS = monthPattern('fr', 'en');
const DATE_MENTION = new RegExp(
  `\\b(${MONTHS})\\b|\\b(1[89]|20)\\d{2}\\b|\\b(${weekdayPattern('fr', 'en')})\\b|\\bmi-\\p{L}+`,
  'iu',
);

export function mentionsDate(text: string): boolean {
  return DATE_MENTION.test(text);
}

const DATE_PHRASE = new RegExp(`\\b\\d{1,2}(er)?\\s+(${MONTHS})\\b|\\b(1[89]|20)\\d{2}\\b`, 'giu');

/** The text with its dates blanked out, so that the numbers left are counts, not days or years. */
export function withoutDates(text: string): string {
  return text.replace(DATE_PHRASE, ' ');
}
