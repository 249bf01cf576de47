import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/index/keyword-index.js';

// Enough chunks that reading the saved index takes several slices.
const chunks = Array.from({ length: 3000 }, (_, i) => {
  const text = `Le conseil ${i} a voté la fermeture du pont numéro ${i % 97} et de la piscine ${i % 13}.`;
  return { id: `c${i}`, docId: `d${i % 300}`, start: 0, end: text.length, text };
});

describe('KeywordIndex.fromJSON', () => {
  it('reads a saved index with turns of the event loop between slices, and the same counts', async () => {
    const built = await KeywordIndex.build(chunks, () => ({ title: 'Chronique', language: 'fr' }));
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const read = await KeywordIndex.fromJSON(built.toJSON());
    reading = false;
    expect(turns).toBeGreaterThan(0);
    expect(read.chunkCount).toBe(3000);
    expect([...read.documentFrequency]).toEqual([...built.documentFrequency]);
  });
});
