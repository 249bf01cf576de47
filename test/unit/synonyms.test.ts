import { describe, expect, it } from 'vitest';
import { frenchSynonymStems } from '../../src/retrieve/concepts.js';
import { FRENCH_SYNONYMS } from '../../src/retrieve/synonyms-fr.js';
import { fold, isStopWord, stem } from '../../src/text/analysis.js';

const stemOf = (word: string): string => stem(fold(word), 'fr');

describe('French synonym groups', () => {
  it('holds no stop word, no word under four letters, and single words only', () => {
    const bad = FRENCH_SYNONYMS.flat().filter((word) => {
      const folded = fold(word);
      return isStopWord(folded) || folded.length < 4 || !/^\p{L}+$/u.test(folded);
    });
    expect(bad).toEqual([]);
  });

  it('puts no stemmed word in two groups', () => {
    const groupOf = new Map<string, number>();
    const clashes: string[] = [];
    FRENCH_SYNONYMS.forEach((group, index) => {
      for (const word of group) {
        const key = stemOf(word);
        const other = groupOf.get(key);
        if (other !== undefined && other !== index) clashes.push(`${word} (${key}): [${FRENCH_SYNONYMS[other]!.join(', ')}] and [${group.join(', ')}]`);
        else groupOf.set(key, index);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('gives every group two distinct stems at least', () => {
    const thin = FRENCH_SYNONYMS.filter((group) => new Set(group.map(stemOf)).size < 2);
    expect(thin).toEqual([]);
  });

  it("puts no verb's past participle's stem in another group", () => {
    const groupOf = new Map<string, number>();
    const clashes: string[] = [];
    frenchSynonymStems().forEach((stems, index) => {
      for (const key of stems) {
        const other = groupOf.get(key);
        if (other !== undefined && other !== index) clashes.push(`${key}: [${FRENCH_SYNONYMS[other]!.join(', ')}] and [${FRENCH_SYNONYMS[index]!.join(', ')}]`);
        else groupOf.set(key, index);
      }
    });
    expect(clashes).toEqual([]);
  });
});
