// Embed: text into vectors. In: passages and questions. Out: L2-normalised vectors.
/**
 * The seam between the engine and any embedding model (the real one, or a test's). Vectors are
 * L2-normalised, so a dot product is their cosine similarity.
 */
export interface Embedder {
  /** What runs the model: 'transformers' (local), 'endpoint' (an OpenAI-compatible server), or a test's. */
  readonly backend: string;
  readonly modelId: string;
  readonly dimensions: number;
  embedQuery(text: string): Promise<number[]>;
  embedPassages(texts: readonly string[]): Promise<number[][]>;
}
