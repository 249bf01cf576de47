// What retrieval, answers and the engine read from an index, whichever store holds it: the default
// (files: chunks.json, MiniSearch, vectra) or LanceDB (lance-index.ts) for large corpora.
import type { Article, ArticleMeta } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';
import { indexTerms, type Language } from '../text/analysis.js';
import type { TermQuery } from './keyword-index.js';
import type { Manifest } from './store.js';

export type StoreKind = 'default' | 'lancedb';

/**
 * Where LanceDB keeps its tables: a local folder (no storage options), or an object store URI
 * (s3://bucket/prefix) with its options (endpoint, region, keys), where the commit pointer lives too.
 */
export interface LanceLocation {
  uri: string;
  storageOptions?: Record<string, string>;
}

/** How often each index term occurs: what answer scoring weighs words by and typo correction reads. */
export interface TermStatistics {
  readonly documentFrequency: ReadonlyMap<string, number>;
  idf(term: string): number;
  /** Terms of the index within one or two edits of a term it lacks. */
  nearTerms(term: string): string[];
}

export interface IndexHit {
  chunkId: string;
  docId: string;
  score: number;
}

/**
 * The indexed articles' metadata as a list read a page at a time (/sources): an array satisfies it;
 * a LanceDB index decodes only the rows a slice asks for.
 */
export interface ArticleList {
  readonly length: number;
  slice(start?: number, end?: number): ArticleMeta[];
}

export interface IndexView {
  readonly store: StoreKind;
  /** The committed generation's name: what the store's pointer names while this index is current. */
  readonly generation: string;
  readonly manifest: Manifest;
  /** The languages of the indexed articles: the stemmers a question needs. */
  readonly languages: Language[];
  readonly keyword: TermStatistics;
  /** The index terms of the articles' source names ("the AFP article"). */
  readonly sourceTerms: ReadonlySet<string>;
  readonly chunkCount: number;
  readonly hasVectors: boolean;
  articleMetas(): ArticleList;
  keywordSearch(concepts: readonly TermQuery[], limit: number): Promise<IndexHit[]>;
  vectorSearch(vector: readonly number[], limit: number): Promise<IndexHit[]>;
  /** The chunks with these ids, each with its article: only what a question touches is read. */
  chunksWithArticles(ids: readonly string[]): Promise<Map<string, { chunk: Chunk; article: Article }>>;
  /** Every article with its text, a slice at a time (the timeline and the corpus's names read them all once per index). */
  allArticles(): AsyncIterable<Article[]>;
  close(): void;
}

/** Inverse document frequency; a term no chunk holds gets the highest weight. */
export function inverseDocumentFrequency(df: number, chunkCount: number): number {
  return Math.log(1 + (chunkCount + 1) / (df + 0.5));
}

/** The index terms of the articles' source names; each distinct source is analysed once (thousands of articles share a few). */
export function sourceTermsOf(articles: Iterable<ArticleMeta>): Set<string> {
  const sources = new Map<string, ArticleMeta>();
  for (const article of articles) if (article.source) sources.set(`${article.language}:${article.source}`, article);
  return new Set([...sources.values()].flatMap((a) => indexTerms(a.source!, a.language)));
}

// About 50 articles of news: what a reader of every text (the corpus's names: ~0.5 ms an article) does between two turns.
const SLICE_CHARS = 64_000;

/**
 * Articles in slices of about SLICE_CHARS characters of text, with a turn of the event loop after each:
 * whoever reads them all works in pieces that a bot's other work (answers, Discord) can pass between.
 */
export async function* inSlices(articles: Iterable<Article>): AsyncGenerator<Article[]> {
  let slice: Article[] = [];
  let length = 0;
  for (const article of articles) {
    slice.push(article);
    length += article.text.length;
    if (length < SLICE_CHARS) continue;
    yield slice;
    await new Promise((resolve) => setImmediate(resolve));
    slice = [];
    length = 0;
  }
  if (slice.length) yield slice;
}
