import { describe, expect, it } from 'vitest';
import { frequentNames } from '../../src/text/names.js';

describe('frequentNames', () => {
  it('ranks capitalised names by the texts that use them, skipping sentence starts, months and stop words', () => {
    const texts = [
      'Le maire de Grenoble a rencontré Anne Dupont. Ensuite, la ville de Grenoble a voté en Mars.',
      'Puis à Grenoble, Anne Dupont parle. À Lyon on attend. Le conseil de Lyon répond à Anne Dupont.',
      'Les élus de Lyon et de Grenoble se retrouvent en Avril. Demain Lyon décide.',
    ];
    const names = frequentNames(texts);
    expect(names).toEqual(['Grenoble', 'Anne Dupont', 'Lyon']);
    for (const word of ['Le', 'Les', 'Ensuite', 'Mars', 'Avril', 'Demain', 'À']) expect(names).not.toContain(word);
  });
});
