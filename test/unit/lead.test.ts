import { describe, expect, it } from 'vitest';
import { isRoleOnly } from '../../src/answer/lead.js';

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
