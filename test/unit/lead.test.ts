import { describe, expect, it } from 'vitest';
import { englishFor, isRoleOnly } from '../../src/answer/lead.js';

describe('isRoleOnly: a "who" span that names nobody', () => {
  it.each([
    ['le régime', true],
    ['Général', true],
    ["l'ambassadrice américaine", true],
    ['le maire Jean Dupont', false],
    ['Général Tiani', false],
    ['Professor Alan Hughes', false],
  ])('%s → %s', (span, roleOnly) => {
    expect(isRoleOnly(span)).toBe(roleOnly);
  });
});

describe('englishFor: a French counted word in English', () => {
  it('is plural by the count when there is one, by the French word otherwise, and leaves irregular plurals alone', () => {
    expect(englishFor('jours', 30)).toBe('days');
    expect(englishFor('mois', 1)).toBe('month');
    expect(englishFor('mois', 3)).toBe('months');
    expect(englishFor('hommes')).toBe('men');
    expect(englishFor('hommes', 12)).toBe('men');
    expect(englishFor('personnes', 1800)).toBe('people');
  });
});
