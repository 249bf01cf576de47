import { describe, expect, it } from 'vitest';
import { detectIntent, validateQuestion } from '../../src/answer/question.js';
import { UserError } from '../../src/errors.js';

describe('validateQuestion', () => {
  it('trims and collapses white space', () => {
    expect(validateQuestion('  When   did\nthey leave? ', 100)).toBe('When did they leave?');
  });

  it.each([
    ['', /empty/],
    ['   \n ', /empty/],
    ['?!… ---', /no words/],
    ['x'.repeat(101), /too long \(101 characters; the limit is 100\)/],
  ])('refuses %j with a clear message', (question, message) => {
    expect(() => validateQuestion(question, 100)).toThrow(UserError);
    expect(() => validateQuestion(question, 100)).toThrow(message);
  });
});

describe('detectIntent', () => {
  it.each([
    ['When did US troops leave Agadez?', 'when'],
    ['Quand les soldats sont-ils partis ?', 'when'],
    ['How many soldiers left?', 'count'],
    ['Combien de soldats ?', 'count'],
    ['Who is the prime minister?', 'who'],
    ['Qui est le Premier ministre ?', 'who'],
    ['Why were US troops in Niger?', 'why'],
    ['Where is the drone base?', 'where'],
    ['Où est la base ?', 'where'],
    ['Les soldats qui restent', 'other'],
  ])('%s → %s', (question, intent) => {
    expect(detectIntent(question)).toBe(intent);
  });
});
