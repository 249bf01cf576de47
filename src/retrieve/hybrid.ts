// Retrieve: the chunks most likely to hold the answer. In: the index, a question's concepts and
// (in hybrid mode) its vector. Out: chunks ranked by reciprocal-rank fusion, a few per article.
import type { Chunk } from '../ingest/chunk.js';
import type { SearchIndex } from '../index/search-index.js';
import type { QueryConcept } from './concepts.js';

export interface RetrievedChunk {
  chunk: Chunk;
  /** Reciprocal-rank-fusion score of the keyword and dense rankings. */
  score: number;
  keywordRank?: number;
  denseRank?: number;
}

export interface RetrieveOptions {
  /** How many chunks to return. */
  limit: number;
  /** At most this many chunks of one article, so that several sources get a say. */
  perArticle: number;
}

// The usual RRF constant: damps the head so one ranking cannot drown out the other.
const RRF_K = 60;
const CANDIDATES = 40;

/** Keyword and (when a query vector is given) dense rankings, fused by reciprocal rank. */
export async function retrieve(
  index: SearchIndex,
  concepts: readonly QueryConcept[],
  queryVector: number[] | null,
  options: RetrieveOptions,
): Promise<RetrievedChunk[]> {
  const fused = new Map<string, RetrievedChunk>();
  const add = (chunkId: string, rank: number, which: 'keywordRank' | 'denseRank') => {
    const chunk = index.chunks.get(chunkId);
    if (!chunk) return;
    const entry = fused.get(chunkId) ?? { chunk, score: 0 };
    entry.score += 1 / (RRF_K + rank);
    entry[which] = rank;
    fused.set(chunkId, entry);
  };
  index.keyword.query(concepts, CANDIDATES).forEach((hit, i) => add(hit.chunkId, i + 1, 'keywordRank'));
  if (queryVector && index.vectors) {
    (await index.vectors.query(queryVector, CANDIDATES)).forEach((hit, i) => add(hit.chunkId, i + 1, 'denseRank'));
  }
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score);
  const perArticle = new Map<string, number>();
  const chosen: RetrievedChunk[] = [];
  for (const entry of ranked) {
    const count = perArticle.get(entry.chunk.docId) ?? 0;
    if (count >= options.perArticle) continue;
    perArticle.set(entry.chunk.docId, count + 1);
    chosen.push(entry);
    if (chosen.length === options.limit) break;
  }
  return chosen;
}
