import path from 'node:path';
import type { Article } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';
import type { Language } from '../text/analysis.js';
import { KeywordIndex } from './keyword-index.js';
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

/** A committed index generation, loaded and checked: what retrieval reads. */
export class SearchIndex {
  /** The languages of the indexed articles: the stemmers a question needs. */
  readonly languages: Language[];

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
  }

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
      keyword = KeywordIndex.fromJSON(await readRequired(paths.keyword));
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
