import { describe, expect, it } from 'vitest';
import { withPreviousSubject } from '../../src/answer/follow-up.js';

describe('withPreviousSubject', () => {
  it('asks the previous question again about the new name of a bare follow-up', () => {
    expect(withPreviousSubject('When did the army leave Lyon?', 'and Grenoble?')).toBe('When did the army leave Grenoble?');
    expect(withPreviousSubject('Qui dirige la mairie de Nantes ?', 'et Rennes ?')).toBe('Qui dirige la mairie de Rennes ?');
  });

  it('adds the previous question’s content words to a short follow-up that asks its own thing', () => {
    expect(withPreviousSubject('Quand les pompiers ont-ils quitté Brest ?', 'et combien de camions ?')).toBe('et combien de camions pompiers quitté Brest ?');
    expect(withPreviousSubject('When did the firefighters leave Brest?', 'why?')).toBe('why firefighters leave Brest ?');
  });

  it('leaves a question that stands on its own unchanged', () => {
    const own = 'Who signed the water agreement with the town council?';
    expect(withPreviousSubject('When did the army leave Lyon?', own)).toBe(own);
  });

  it('asks the previous question again when the follow-up adds nothing', () => {
    expect(withPreviousSubject('When did the army leave Lyon?', 'and?')).toBe('When did the army leave Lyon?');
  });
});
