// Whether a word is a word of French or English at all, from two well-kept word lists
// (an-array-of-french-words, an-array-of-english-words: inflected forms, no proper names).
// A question word in neither list and in no article is a name the articles never mention
// ("cedeao", "wagner", "germany" typed in lower case). Loaded on first use only: 600,000 words.
import { createRequire } from 'node:module';
import { fold } from './analysis.js';

let words: Set<string> | undefined;

function dictionary(): Set<string> {
  if (!words) {
    const require = createRequire(import.meta.url);
    const lists = [require('an-array-of-french-words') as string[], require('an-array-of-english-words') as string[]];
    words = new Set(lists.flatMap((list) => list.map(fold)));
  }
  return words;
}

/** Whether a (folded) word is in the French or English dictionary. */
export function isDictionaryWord(word: string): boolean {
  return dictionary().has(fold(word));
}
