import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/answer/question.js';
import { answerSpans, type SpanContext } from '../../src/answer/spans.js';
import { fold } from '../../src/text/analysis.js';

// The glossary's part that matters here, as a hand-written fake: "fuel" is "gazole", "trash" "ordures".
const SAME: Record<string, string[]> = { fuel: ['gazole'], trash: ['ordures'] };
const ctx: SpanContext = {
  askedNumbers: new Set(),
  acronyms: [],
  countQualifiersHold: () => true,
  sameConcept: (questionWord, articleWord) => (SAME[fold(questionWord)] ?? []).includes(fold(articleWord)),
};
const counts = (question: string, sentence: string) => answerSpans(sentence, analyseQuestion(question), ctx)?.map((s) => s.text);

describe('"how much X": a quantity of X', () => {
  const sentence = 'Aucune livraison de gazole depuis dix jours : il reste 12 000 litres au dépôt.';
  it('is a measure or a sum, not a count of days', () => {
    expect(counts('how much fuel is left', sentence)).toEqual(['12 000']);
    expect(counts('how much trash is piling up', 'Les déchets s’accumulent depuis dix jours : 1 800 tonnes d’ordures.')).toEqual(['1 800']);
  });

  it('leaves "how much did it cost" to the money check', () => {
    expect(analyseQuestion('how much did it cost').counted).toEqual([]);
    expect(analyseQuestion('how much trash is piling up').counted).toEqual(['trash', 'is', 'piling']);
  });
});

describe('"who": roles', () => {
  it('a role word coordinated with an adjective names no one ("ordonné et responsable")', () => {
    const spans = (sentence: string) => answerSpans(sentence, analyseQuestion('qui coordonne le retrait'), ctx)?.map((s) => s.text);
    expect(spans('Le retrait des troupes se veut ordonné et responsable.')).toEqual([]);
    expect(spans('Le retrait est confié au responsable de la base.')).toEqual(['responsable']);
  });
});
