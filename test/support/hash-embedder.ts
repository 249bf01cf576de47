import type { Embedder } from '../../src/embed/embedder.js';
import { indexTerms } from '../../src/text/analysis.js';

/**
 * A deterministic stand-in for a sentence model: folded, stemmed words hashed into a small
 * normalised vector. Texts sharing words point the same way, which is all retrieval tests need.
 */
export class HashEmbedder implements Embedder {
  readonly dimensions = 64;
  passagesEmbedded = 0;
  readonly backend = 'test';

  constructor(
    readonly modelId = 'test/hash-embedder',
    private readonly delayMs = 0,
  ) {}

  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.vector(text));
  }

  async embedPassages(texts: readonly string[]): Promise<number[][]> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.passagesEmbedded += texts.length;
    return texts.map((text) => this.vector(text));
  }

  private vector(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const term of indexTerms(text, 'fr')) {
      let hash = 2166136261;
      for (const char of term) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
      vector[Math.abs(hash) % this.dimensions]! += 1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((v) => v / norm);
  }
}
