import { describe, expect, it } from 'vitest';
import { ENGLISH_TO_FRENCH } from '../../src/retrieve/lexicon.js';
import { fold, indexTerms, isStopWord } from '../../src/text/analysis.js';

// What makes a glossary value useless or harmful: the analyser drops stop words, so a value that
// is one ("or" for gold, "avions" for planes) can never match, and one or two letters match noise.
function faults(glossary: Record<string, string[]>): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const [english, french] of Object.entries(glossary)) {
    if (english !== english.toLowerCase()) found.push(`key not lowercase: ${english}`);
    if (seen.has(english.toLowerCase())) found.push(`key twice: ${english}`);
    seen.add(english.toLowerCase());
    if (french.length < 1 || french.length > 5) found.push(`${english}: ${french.length} values`);
    for (const value of french) {
      if (fold(value).length < 3) found.push(`${english} → ${value}: shorter than 3 letters`);
      else if (isStopWord(fold(value))) found.push(`${english} → ${value}: a stop word`);
      else if (indexTerms(value, 'fr').length === 0) found.push(`${english} → ${value}: only stop words`);
    }
  }
  return found;
}

describe('the English → French glossary', () => {
  it('has lowercase keys, once each, and 1 to 5 values that are neither stop words nor shorter than 3 letters', () => {
    expect(faults(ENGLISH_TO_FRENCH)).toEqual([]);
  });

  it('finds each kind of fault', () => {
    expect(faults({ gold: ['or'], planes: ['avions'], until: ["jusqu'à"], mid: ['mi'], Gold: ['aurifère'], none: [] })).toEqual([
      'gold → or: shorter than 3 letters',
      'planes → avions: a stop word',
      "until → jusqu'à: only stop words",
      'mid → mi: shorter than 3 letters',
      'key not lowercase: Gold',
      'key twice: Gold',
      'none: 0 values',
    ]);
  });

  it('covers the general news domains, not only politics', () => {
    // (words of no evaluation set: one per domain)
    for (const english of ['hospital', 'wages', 'trial', 'drought', 'harvest', 'teacher', 'wildfire', 'strike', 'mayor', 'turnout'])
      expect(ENGLISH_TO_FRENCH[english], english).toBeDefined();
  });
});
