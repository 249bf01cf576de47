// Whether a word is a word of French or English at all, from two well-kept word lists
// (an-array-of-french-words, an-array-of-english-words: inflected forms, no proper names).
// A question word in neither list and in no article is a name the articles never mention
// ("cedeao", "wagner", "germany" typed in lower case). Loaded on first use only: 600,000 words.
import { createRequire } from 'node:module';
import { fold } from './analysis.js';

let words: { fr: Set<string>; en: Set<string> } | undefined;

function dictionaries(): { fr: Set<string>; en: Set<string> } {
  if (!words) {
    const require = createRequire(import.meta.url);
    words = {
      fr: new Set((require('an-array-of-french-words') as string[]).map(fold)),
      en: new Set((require('an-array-of-english-words') as string[]).map(fold)),
    };
  }
  return words;
}

/**
 * Whether a word is in the French or English dictionary, or in the given language's only
 * ("Michael Langley" are English words, but in a French sentence they are a name).
 */
export function isDictionaryWord(word: string, language?: 'fr' | 'en'): boolean {
  const folded = fold(word);
  const { fr, en } = dictionaries();
  return language ? (language === 'fr' ? fr : en).has(folded) : fr.has(folded) || en.has(folded);
}
