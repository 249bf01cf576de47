import { describe, expect, it } from 'vitest';
import { chunkText, countWords } from '../../src/ingest/chunk.js';

const sentence = (i: number) => `La phrase numéro ${i} parle du retrait des troupes américaines du Niger en détail.`;
const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');

describe('chunkText', () => {
  const chunks = chunkText('doc.md', text, { targetWords: 100, minWords: 30, overlapWords: 25 });

  it('makes chunks near the target size, in whole sentences, with exact offsets', () => {
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
      expect(chunk.text).toMatch(/^La phrase numéro \d+/);
      expect(chunk.text.endsWith('détail.')).toBe(true);
      expect(countWords(chunk.text)).toBeLessThanOrEqual(100 + 14);
    }
  });

  it('overlaps consecutive chunks by whole sentences and covers the whole text', () => {
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(text.length);
  });

  it('gives ids that name the document and the position', () => {
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `doc.md#${i}`));
  });

  it('keeps a short text in one chunk', () => {
    expect(chunkText('d', 'Une phrase. Une autre.')).toHaveLength(1);
  });
});
