// Month and weekday names of both languages, in one place: date reading, date labels and the
// words that a date's own vocabulary ("mois", "début") must not count as content.

export const MONTH_NAMES = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
} as const;

/** Weekday names from Sunday (0), as JavaScript's getUTCDay counts. */
export const WEEKDAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
} as const;

const unaccent = (word: string) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** Month number (1-12) by folded name in either language: "aout", "august" → 8. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  [...MONTH_NAMES.en, ...MONTH_NAMES.fr].map((name, i) => [unaccent(name), (i % 12) + 1]),
);

/** Weekday number (0-6) by folded name in either language. */
export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  [...WEEKDAY_NAMES.en, ...WEEKDAY_NAMES.fr].map((name, i) => [unaccent(name), i % 7]),
);

/** A regex alternation of month names, accented and folded spellings alike, for the given languages. */
export function monthPattern(...languages: ('en' | 'fr')[]): string {
  const names = languages.flatMap((language) => MONTH_NAMES[language].map((name) => name.toLowerCase()));
  return [...new Set([...names, ...names.map(unaccent)])].join('|');
}

/** Likewise for weekday names. */
export function weekdayPattern(...languages: ('en' | 'fr')[]): string {
  return languages.flatMap((language) => WEEKDAY_NAMES[language].map((name) => name.toLowerCase())).join('|');
}
