// How an event's date and status read, in the reader's language: "March 2024 (planned)",
// "début août 2024 (prévu)". Shared by the command line, Discord and the picture.
import type { Language } from '../text/analysis.js';
import type { TimelineEvent } from './types.js';

export const STATUS_WORDS = {
  en: { planned: 'planned', reported: 'reported', yearUncertain: 'year uncertain' },
  fr: { planned: 'prévu', reported: 'rapporté', yearUncertain: 'année incertaine' },
} as const;

/** The date in words: "19 May 2024", "début août 2024". */
export function dateLabel(event: TimelineEvent, language: Language): string {
  return language === 'fr' ? event.labelFr : event.label;
}

/**
 * The plain words qualifying a date: planned (announced, not yet done when written) and a guessed
 * year. A bare weekday in an article dated to the month is shown as the month, with nothing more.
 */
export function statusWords(event: TimelineEvent, language: Language): string[] {
  const words = STATUS_WORDS[language];
  const status: string[] = [];
  if (event.expected) status.push(words.planned);
  if (event.uncertain === 'year') status.push(words.yearUncertain);
  return status;
}

/** "March 2024 (planned)". */
export function dateWithStatus(event: TimelineEvent, language: Language): string {
  const status = statusWords(event, language);
  return `${dateLabel(event, language)}${status.length ? ` (${status.join(', ')})` : ''}`;
}

/** Another article's date for the same event, in the reader's language. */
export function conflictNote(event: TimelineEvent, language: Language): string | undefined {
  return language === 'fr' ? event.conflictFr : event.conflict;
}
