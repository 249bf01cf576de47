import { describe, expect, it } from 'vitest';
import { scoreSentences } from '../../src/answer/answer.js';
import { analyseQuestion } from '../../src/answer/question.js';
import type { Article } from '../../src/ingest/article.js';
import { queryConcepts } from '../../src/retrieve/concepts.js';
import { slices } from '../../src/text/slices.js';

// One article of many sentences the question's words are in, retrieved as one chunk.
const SENTENCES = 60;
const text = Array.from({ length: SENTENCES }, (_, i) => `Le conseil municipal de Mervans a voté la fermeture du pont numéro ${i + 1} le ${(i % 28) + 1} mars 2025.`).join(' ');
const article = { id: 'a.md', title: 'Mervans', text, language: 'fr', published: '2025-03' } as unknown as Article;
const retrieved = [{ chunk: { id: 'c1', docId: article.id, start: 0, end: text.length, text }, article, score: 0.03, keywordRank: 1 }];
const asked = 'quand le conseil municipal a-t-il voté la fermeture du pont';
const concepts = queryConcepts(asked, ['fr']);
const weighing = { concepts, weights: concepts.map(() => 1), total: concepts.length };

// Counts the turns of the event loop while `work` runs: a callback that schedules itself for the next one.
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  running = false;
  return { result, turns };
}

describe('scoreSentences in slices', () => {
  it('gives the event loop a turn each time a slice is spent, and scores as in one piece', async () => {
    // The clock is the number of times the pace looked at it: a slice of 4 looks lasts a few sentences.
    let looks = 0;
    const sliced = await turnsDuring(() => scoreSentences(analyseQuestion(asked), weighing, retrieved, new Set(), slices(4, () => looks++)));
    expect(sliced.result).toHaveLength(SENTENCES);
    // At most about 4 sentences between two turns (two looks per turn: before it and after it).
    expect(sliced.turns).toBeGreaterThanOrEqual(SENTENCES / 5);
    // A slice that is never spent: no turn, the same sentences, scores and order.
    const whole = await turnsDuring(() => scoreSentences(analyseQuestion(asked), weighing, retrieved, new Set(), slices(Infinity)));
    expect(whole.turns).toBe(0);
    expect(sliced.result).toEqual(whole.result);
  });

  it('lets a callback queued before the question run before its sentences are scored', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const scored = await scoreSentences(analyseQuestion(asked), weighing, retrieved, new Set(), slices(0));
    expect(ran).toBe(true);
    expect(scored[0]!.coverage).toBeGreaterThan(0.5);
  });
});
