import path from 'node:path';
import type { Article, ArticleMeta } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';
import type { Language } from '../text/analysis.js';
import { KeywordIndex, type TermQuery } from './keyword-index.js';
import {
  currentGeneration,
  IndexCorruptError,
  readChunks,
  readManifest,
  readRequired,
  type GenerationPaths,
  type Manifest,
} from './store.js';
import { VectorStore } from './vector-store.js';
import { inSlices, sourceTermsOf, type IndexHit, type IndexView } from './view.js';

/** A committed generation of the default store, loaded whole and checked: what retrieval reads. */
export class SearchIndex implements IndexView {
  readonly store = 'default';
  /** The languages of the indexed articles: the stemmers a question needs. */
  readonly languages: Language[];
  readonly sourceTerms: ReadonlySet<string>;

  private constructor(
    /** The generation folder's name: what CURRENT points to while this index is current. */
    readonly generation: string,
    readonly manifest: Manifest,
    readonly articles: ReadonlyMap<string, Article>,
    readonly chunks: ReadonlyMap<string, Chunk>,
    readonly keyword: KeywordIndex,
    readonly vectors: VectorStore | null,
  ) {
    this.languages = [...new Set([...articles.values()].map((a) => a.language))];
    this.sourceTerms = sourceTermsOf(articles.values());
  }

  get chunkCount(): number {
    return this.chunks.size;
  }

  get hasVectors(): boolean {
    return this.vectors !== null;
  }

  articleMetas(): ArticleMeta[] {
    return [...this.articles.values()].map(({ text: _text, contentHash: _hash, ...meta }) => meta);
  }

  keywordSearch(concepts: readonly TermQuery[], limit: number): Promise<IndexHit[]> {
    return Promise.resolve(this.keyword.query(concepts, limit).map((hit) => ({ ...hit, docId: this.chunks.get(hit.chunkId)?.docId ?? '' })));
  }

  async vectorSearch(vector: readonly number[], limit: number): Promise<IndexHit[]> {
    if (!this.vectors) return [];
    return (await this.vectors.query([...vector], limit)).map((hit) => ({ ...hit, docId: this.chunks.get(hit.chunkId)?.docId ?? '' }));
  }

  chunksWithArticles(ids: readonly string[]): Promise<Map<string, { chunk: Chunk; article: Article }>> {
    const found = new Map<string, { chunk: Chunk; article: Article }>();
    for (const id of ids) {
      const chunk = this.chunks.get(id);
      const article = chunk && this.articles.get(chunk.docId);
      if (chunk && article) found.set(id, { chunk, article });
    }
    return Promise.resolve(found);
  }

  allArticles(): AsyncIterable<Article[]> {
    return inSlices(this.articles.values());
  }

  close(): void {} // nothing held open: everything was read at open

  /** The current index, or null when none was built. Damage raises IndexCorruptError. */
  static async openCurrent(dataDir: string): Promise<SearchIndex | null> {
    const paths = await currentGeneration(dataDir);
    return paths ? SearchIndex.open(paths) : null;
  }

  static async open(paths: GenerationPaths): Promise<SearchIndex> {
    const manifest = await readManifest(paths);
    const stored = await readChunks(paths);
    let keyword: KeywordIndex;
    try {
      keyword = await KeywordIndex.fromJSON(await readRequired(paths.keyword));
    } catch (error) {
      if (error instanceof IndexCorruptError) throw error;
      throw new IndexCorruptError(`keyword.json is damaged (${(error as Error).message})`);
    }
    let vectors: VectorStore | null = null;
    if (manifest.model) {
      try {
        vectors = await VectorStore.open(paths.vectors);
      } catch (error) {
        throw new IndexCorruptError(`the vector index is damaged (${(error as Error).message})`);
      }
    }
    const index = new SearchIndex(
      path.basename(paths.dir),
      manifest,
      new Map(stored.articles.map((a) => [a.id, a])),
      new Map(stored.chunks.map((c) => [c.id, c])),
      keyword,
      vectors,
    );
    await index.verify();
    return index;
  }

  /** The parts must agree with the manifest; a half-copied generation must not be served. */
  private async verify(): Promise<void> {
    for (const [id, doc] of Object.entries(this.manifest.documents)) {
      const article = this.articles.get(id);
      if (!article || article.contentHash !== doc.hash) throw new IndexCorruptError(`chunks.json lacks article ${id}`);
    }
    if (this.keyword.chunkCount !== this.chunks.size) throw new IndexCorruptError('keyword index and chunks disagree');
    if (this.vectors && (await this.vectors.count()) !== this.chunks.size) {
      throw new IndexCorruptError('vector index and chunks disagree');
    }
  }
}
