// Retrieve: the chunks most likely to hold the answer. In: the index, a question's concepts and
// (in hybrid mode) its vector. Out: chunks ranked by reciprocal-rank fusion, a few per article.
import type { Article } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';
import type { IndexView } from '../index/view.js';
import type { QueryConcept } from './concepts.js';

export interface RetrievedChunk {
  chunk: Chunk;
  article: Article;
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
  index: IndexView,
  concepts: readonly QueryConcept[],
  queryVector: number[] | null,
  options: RetrieveOptions,
): Promise<RetrievedChunk[]> {
  const fused = new Map<string, Fused>();
  const add = (chunkId: string, docId: string, rank: number, which: 'keywordRank' | 'denseRank') => {
    const entry = fused.get(chunkId) ?? { chunkId, docId, score: 0 };
    entry.score += 1 / (RRF_K + rank);
    entry[which] = rank;
    fused.set(chunkId, entry);
  };
  const [keyword, dense] = await Promise.all([
    index.keywordSearch(concepts, CANDIDATES),
    queryVector && index.hasVectors ? index.vectorSearch(queryVector, CANDIDATES) : [],
  ]);
  keyword.forEach((hit, i) => add(hit.chunkId, hit.docId, i + 1, 'keywordRank'));
  dense.forEach((hit, i) => add(hit.chunkId, hit.docId, i + 1, 'denseRank'));
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score);
  const perArticle = new Map<string, number>();
  const chosen: Fused[] = [];
  for (const entry of ranked) {
    const count = perArticle.get(entry.docId) ?? 0;
    if (count >= options.perArticle) continue;
    perArticle.set(entry.docId, count + 1);
    chosen.push(entry);
    if (chosen.length === options.limit) break;
  }
  // Only the chosen chunks and their articles are read: a large store keeps the rest on disk.
  const found = await index.chunksWithArticles(chosen.map((entry) => entry.chunkId));
  return chosen.flatMap(({ chunkId, docId: _docId, ...ranks }) => {
    const stored = found.get(chunkId);
    return stored ? [{ ...stored, ...ranks }] : [];
  });
}

interface Fused {
  chunkId: string;
  docId: string;
  score: number;
  keywordRank?: number;
  denseRank?: number;
}
