import { describe, expect, it } from 'vitest';
import { composeAnswer, scoreSentences, selectQuotes, type ScoredSentence } from '../../src/answer/answer.js';
import { queryConcepts } from '../../src/retrieve/concepts.js';
import type { Article } from '../../src/ingest/article.js';
import { analyseQuestion } from '../../src/answer/question.js';

const article = { id: 'a', title: 'T', text: '', language: 'fr' } as unknown as Article;
function sentence(text: string, coverage: number, reason: boolean): ScoredSentence {
  const answer = reason ? { start: 0, end: 8, text: 'visait à' } : undefined;
  return { article, span: { start: 0, end: text.length }, text, coverage, answer, focus: coverage, excerpt: { start: 0, end: text.length }, fitsIntent: true, score: coverage };
}

describe('selectQuotes', () => {
  it('takes a reason marked as one on less of the question\'s words than a typed answer needs', () => {
    const marked = sentence('La présence visait à protéger les dépôts.', 0.32, true);
    expect(selectQuotes(analyseQuestion('why were the gendarmes there'), [marked])).toEqual([marked]);
    // a date for "when" on as little is no answer
    const dated = { ...marked, answer: { start: 0, end: 4, text: 'mars' } };
    expect(selectQuotes(analyseQuestion('when did the gendarmes come'), [dated])).toEqual([]);
    // nor an unmarked clause for "why"
    expect(selectQuotes(analyseQuestion('why were the gendarmes there'), [sentence('Les gendarmes sont là.', 0.32, false)])).toEqual([]);
  });
});

describe('composeAnswer: a denial', () => {
  const question = analyseQuestion('who claimed the attack');
  const concepts = queryConcepts('who claimed the attack', ['fr']);
  const weighing = { concepts, weights: concepts.map(() => 1), total: concepts.length };
  // (each in an article of its own, so that the quote is checked against its text)
  const alone = (s: ScoredSentence): ScoredSentence => ({ ...s, article: { ...article, id: s.text, text: s.text } });
  const said = '« Je prévois que tout se passe bien », a affirmé le général Kenneth Ekman.';
  const named = alone({ ...sentence(said, 0.53, false), answer: { start: said.indexOf('Kenneth'), end: said.length - 1, text: 'Kenneth Ekman' } });
  const denied = alone({ ...sentence('L’attaque n’avait pas été revendiquée mercredi soir.', 1, false), fitsIntent: false, score: 0.63 });

  it('that says all the question says answers "who" before a name said of much less of it', () => {
    expect(composeAnswer(question, weighing, [named, denied], []).quotes[0]?.text).toBe(denied.text);
  });

  it('does not answer a question of one word, nor one that is itself denied', () => {
    const oneWord = { concepts: concepts.slice(1), weights: [1], total: 1 };
    expect(composeAnswer(question, oneWord, [named, denied], []).quotes[0]?.text).toBe(named.text);
    expect(composeAnswer(analyseQuestion('who did not claim the attack'), weighing, [named, denied], []).quotes[0]?.text).not.toBe(denied.text);
  });
});

describe('scoreSentences', () => {
  it('breaks a near tie by the keyword ranking, not by a rank the dense search gave', async () => {
    const text = 'Le conseil municipal a voté la fermeture du pont. Le conseil municipal a voté la fermeture de la passerelle.';
    const second = text.indexOf('Le conseil', 1);
    const full = { id: 'a.md', title: 'Mervans', text, language: 'fr', published: '2025-03' } as unknown as Article;
    const chunk = (id: string, start: number, end: number) => ({ id, docId: full.id, start, end, text: text.slice(start, end) });
    const concepts = queryConcepts('le conseil municipal a voté quoi', ['fr']);
    const weighing = { concepts, weights: concepts.map(() => 1), total: concepts.length };
    // The dense search put the passerelle's chunk first; the keyword search the bridge's.
    const retrieved = [
      { chunk: chunk('c2', second, text.length), article: full, score: 0.03, keywordRank: 2, denseRank: 1 },
      { chunk: chunk('c1', 0, second), article: full, score: 0.02, keywordRank: 1, denseRank: 9 },
    ];
    const scored = await scoreSentences(analyseQuestion('le conseil municipal a voté quoi'), weighing, retrieved, new Set());
    expect(scored[0]!.text).toContain('du pont');
  });
});
