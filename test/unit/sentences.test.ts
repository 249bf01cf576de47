import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/ingest/sentences.js';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not split after an initial or a French abbreviation', () => {
    expect(sentencesOf('La visite du secrétaire adjoint Kurt M. Campbell est prévue. M. Dupont est venu. Il y avait env. 200 personnes.')).toEqual([
      'La visite du secrétaire adjoint Kurt M. Campbell est prévue.',
      'M. Dupont est venu.',
      'Il y avait env. 200 personnes.',
    ]);
  });

  it('keeps a « quotation » with inner full stops in one sentence', () => {
    expect(sentencesOf('Il a dit « Je prévois. Il sera achevé début août », a affirmé Ekman. Fin de la conférence.')).toEqual([
      'Il a dit « Je prévois. Il sera achevé début août », a affirmé Ekman.',
      'Fin de la conférence.',
    ]);
  });

  it('splits a full stop glued to the next sentence, but not a domain name', () => {
    expect(sentencesOf('Ils sont dans le pays.Cette rencontre intervient. Sources : www.AFP')).toEqual([
      'Ils sont dans le pays.',
      'Cette rencontre intervient.',
      'Sources : www.AFP',
    ]);
  });

  it('never crosses a line break and returns exact offsets', () => {
    const text = 'Un titre sans point\nUne phrase. Une autre.';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Un titre sans point', 'Une phrase.', 'Une autre.']);
  });
});
