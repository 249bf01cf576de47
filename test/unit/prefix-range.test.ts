import { describe, expect, it } from 'vitest';
import { queryConcepts, termsStartingWith } from '../../src/retrieve/concepts.js';

// A vocabulary in no order, as an index reads it: words, their families, accents, numbers, a word and its longer forms.
const words = ['negoci', 'manifest', 'manif', 'nego', 'négoc', 'cooper', 'cooperat', 'coopérat', 'zèbre', 'z', 'conseil', 'consei', 'cons', 'consul', 'constat', 'construct', 'consider', 'consomm', 'conspir', 'constitu', 'abc', '2024', '20245', 'ñandu', 'Éclat', 'éclat', 'eclat'];
const vocabulary = new Map(words.map((w, i) => [w, i + 1]));

// What a scan of every term finds: the reference the range must equal, order included.
const scanned = (prefix: string) => [...vocabulary.keys()].filter((t) => t.startsWith(prefix));

describe('termsStartingWith', () => {
  it('finds what a scan of the whole vocabulary finds, in the vocabulary\'s order', () => {
    const prefixes = [...new Set(words.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)))), 'nop', 'zz', '', '~', 'cont', 'é'];
    for (const prefix of prefixes) expect(termsStartingWith(vocabulary, prefix), prefix).toEqual(scanned(prefix));
  });

  it('stops at the limit', () => {
    expect(scanned('cons').length).toBeGreaterThan(3);
    expect(termsStartingWith(vocabulary, 'cons', 3)).toHaveLength(3);
    expect(termsStartingWith(vocabulary, 'nego', 1)).toHaveLength(1);
    expect(termsStartingWith(vocabulary, 'zzz', 1)).toEqual([]);
  });

  it('reads a word cut short as its completions, in the vocabulary\'s order, none when more than six', () => {
    // (in no sorted order: the completions keep the vocabulary's)
    const seven = ['negociat', 'negoci', 'negocier', 'negociabl', 'negocie', 'negociant', 'negociateur'];
    const completions = (terms: string[]) => {
      const documentFrequency = new Map([...terms, 'prochain'].map((t, i) => [t, i + 1]));
      return queryConcepts('c quand la prochaine négo', ['fr'], { documentFrequency, nearTerms: () => [] }).find((c) => c.word === 'nego')?.alternatives;
    };
    // (the word's own stem first, as typed)
    expect(completions(seven.slice(0, 6))).toEqual([['nego'], ...seven.slice(0, 6).map((t) => [t])]);
    expect(completions(seven)).toEqual([['nego']]);
  });
});
