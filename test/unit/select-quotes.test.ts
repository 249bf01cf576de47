import { describe, expect, it } from 'vitest';
import { selectQuotes, type ScoredSentence } from '../../src/answer/answer.js';
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
