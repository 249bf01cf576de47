// Whether a word is a word of French or English at all, from two well-kept word lists
// (an-array-of-french-words, an-array-of-english-words: inflected forms, no proper names).
// A question word in neither list and in no article is a name the articles never mention
// ("cedeao", "wagner", "germany" typed in lower case). Loaded on first use only: 600,000 words.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fold } from './analysis.js';

/**
 * Distinct words, sorted, in one string with their start offsets, found by binary search. A bot's
 * thread keeps the lists for its lifetime: as 611,000 strings in two Sets (and the packages' arrays in
 * the module cache), objects that every full garbage collection of that thread traces, they were 46 MB
 * of its heap; as one string and one array of offsets per language, 11 MB (measured).
 */
export class WordList {
  private readonly text: string;
  private readonly starts: Uint32Array;

  constructor(words: Iterable<string>) {
    // The default sort orders by UTF-16 code units, as compare() below reads them.
    const sorted = [...new Set(words)].sort();
    this.starts = new Uint32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((word, i) => {
      this.starts[i] = at;
      at += word.length;
    });
    this.starts[sorted.length] = at;
    this.text = sorted.join('');
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(word, middle);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return false;
  }

  // The word against the i-th listed word, code unit by code unit, without cutting the list's string.
  private compare(word: string, i: number): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - start;
    const common = Math.min(word.length, length);
    for (let k = 0; k < common; k++) {
      const difference = word.charCodeAt(k) - this.text.charCodeAt(start + k);
      if (difference) return difference;
    }
    return word.length - length;
  }
}

let words: { fr: WordList; en: WordList } | undefined;

// Read from the packages' files rather than require()d: the module cache would keep their arrays.
function wordsOf(name: string): WordList {
  const list = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(name), 'utf8')) as string[];
  return new WordList(list.map(fold));
}

function dictionaries(): { fr: WordList; en: WordList } {
  words ??= { fr: wordsOf('an-array-of-french-words'), en: wordsOf('an-array-of-english-words') };
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
