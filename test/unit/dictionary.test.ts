// The French and English word lists, kept as one sorted string searched by halves (src/text/dictionary.ts).
import { describe, expect, it } from 'vitest';
import { isDictionaryWord, WordList } from '../../src/text/dictionary.js';

describe('WordList', () => {
  it('holds exactly its words: not their prefixes, extensions or neighbours', () => {
    const list = new WordList(['pont', 'pont', 'ponts', 'a', 'zèbre', 'été', 'b']);
    expect(list.size).toBe(6);
    for (const word of ['pont', 'ponts', 'a', 'zèbre', 'été', 'b']) expect(list.has(word)).toBe(true);
    for (const word of ['', 'pon', 'pontss', 'c', 'zebre', 'ete', 'aa', 'ab']) expect(list.has(word)).toBe(false);
    expect(new WordList([]).has('a')).toBe(false);
  });
});

describe('isDictionaryWord', () => {
  it('reads both languages, folded, and only the one asked', () => {
    expect(isDictionaryWord('Soldats')).toBe(true);
    expect(isDictionaryWord('été', 'fr')).toBe(true);
    expect(isDictionaryWord('withdrawal', 'en')).toBe(true);
    expect(isDictionaryWord('withdrawal', 'fr')).toBe(false);
    expect(isDictionaryWord('cedeao')).toBe(false);
    expect(isDictionaryWord('agadez')).toBe(false);
  });
});
