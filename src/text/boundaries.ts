// Word boundaries that know accented letters. JavaScript's \b treats "à", "é" or "û" as non-word
// characters, even with the u flag: /\bà\b/u never matches "à Niamey", and /publicité\b/u fails
// before a space. These lookarounds use Unicode letter and number classes instead.

/** Where a word starts: no letter or digit just before. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
/** Where a word ends: no letter or digit just after. */
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** A regex matching any of the alternatives (a regex source) as whole words; the u flag is always set. */
export function wholeWords(alternatives: string, flags = 'iu'): RegExp {
  return new RegExp(`${WORD_START}(?:${alternatives})${WORD_END}`, flags.includes('u') ? flags : `${flags}u`);
}
