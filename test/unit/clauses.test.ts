import { describe, expect, it } from 'vitest';
import { clauseSpans } from '../../src/text/clauses.js';

const clausesOf = (sentence: string) => clauseSpans(sentence).map((s) => sentence.slice(s.start, s.end));

describe('clauseSpans', () => {
  it('splits at commas, semicolons, colons and "que"', () => {
    expect(clausesOf('Le ministre a confirmé mardi que les soldats partiront; la base, elle, reste')).toEqual(['Le ministre a confirmé mardi', 'les soldats partiront', 'la base', 'elle', 'reste']);
  });

  it('keeps an enumeration of complements in one clause', () => {
    expect(clausesOf('le général Ken Ekman, directeur de la stratégie, de l’engagement et des programmes, était là')).toEqual([
      'le général Ken Ekman',
      'directeur de la stratégie, de l’engagement et des programmes',
      'était là',
    ]);
  });

  it('still splits at a comma before a complement that ends no enumeration', () => {
    expect(clausesOf('Le maire, de son côté, a démissionné et quitté la ville')).toEqual(['Le maire', 'de son côté', 'a démissionné et quitté la ville']);
  });
});
