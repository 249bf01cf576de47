import { WORD_END, WORD_START } from './boundaries.js';
import { monthPattern, weekdayPattern } from './calendar.js';

// Cheap detection of a date mention in a sentence, for ranking "when" answers.
const MONTHS = monthPattern('fr', 'en');
const DATE_MENTION = new RegExp(
  `${WORD_START}(?:${MONTHS}|(?:1[89]|20)\\d{2}|${weekdayPattern('fr', 'en')})${WORD_END}|${WORD_START}mi-\\p{L}+`,
  'iu',
);

export function mentionsDate(text: string): boolean {
  return DATE_MENTION.test(text);
}

const DATE_PHRASE = new RegExp(`${WORD_START}\\d{1,2}(?:er)?\\s+(?:${MONTHS})${WORD_END}|${WORD_START}(?:1[89]|20)\\d{2}${WORD_END}`, 'giu');

/** The text with its dates blanked out, so that the numbers left are counts, not days or years. */
export function withoutDates(text: string): string {
  return text.replace(DATE_PHRASE, ' ');
}
