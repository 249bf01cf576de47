// The LanceDB store, for large corpora (DOSSIER_STORE=lancedb): chunks, articles and the vocabulary
// in LanceDB tables, searched on disk, so that memory grows with what a question touches rather than
// with the archive. Articles are replaced in place (delete + add); a build commits by writing, last
// and durably, a pointer naming the table versions it wrote:
//
//   embeddings/lance/CURRENT   {"generation": "gen-…", "versions": {...}, chunker, analyser, model}
//   embeddings/lance/db/       the LanceDB tables (chunks.lance, articles.lance, vocabulary.lance)
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import type { Article, ArticleMeta } from '../ingest/article.js';
import { chunkText, type Chunk } from '../ingest/chunk.js';
import type { Corpus } from '../ingest/corpus.js';
import { indexTerms, type Language } from '../text/analysis.js';
import { writeFileDurably } from '../files.js';
import type { TermQuery } from './keyword-index.js';
import { LanceStore, type ChunkRow, type TableVersions } from './lance-store.js';
import { indexStamp, isCompatible, planChanges, type IndexProgress, type IndexReport } from './plan.js';
import { INDEX_FORMAT, IndexCorruptError, type Manifest } from './store.js';
import { sourceTermsOf, type IndexHit, type IndexView } from './view.js';
import { Vocabulary } from './vocabulary.js';

interface Pointer extends Omit<Manifest, 'documents'> {
  generation: string;
  versions: TableVersions;
}

export function lancePaths(dataDir: string) {
  const dir = path.join(dataDir, 'lance');
  return { dir, pointer: path.join(dir, 'CURRENT'), db: path.join(dir, 'db') };
}

/** The committed pointer, or null when no LanceDB index was built. */
async function readPointer(dataDir: string): Promise<Pointer | null> {
  let text: string;
  try {
    text = await readFile(lancePaths(dataDir).pointer, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let pointer: Pointer;
  try {
    pointer = JSON.parse(text) as Pointer;
  } catch {
    throw new IndexCorruptError('lance/CURRENT is not valid JSON (truncated or damaged)');
  }
  if (pointer.format !== INDEX_FORMAT || typeof pointer.generation !== 'string' || typeof pointer.versions?.chunks !== 'number') {
    throw new IndexCorruptError('lance/CURRENT has an unknown format');
  }
  return pointer;
}

/** The committed generation's name, for readers that follow another process's commits. */
export async function currentLanceGeneration(dataDir: string): Promise<string | null> {
  return (await readPointer(dataDir))?.generation ?? null;
}

/** A committed LanceDB index, opened at the versions its pointer names. */
export class LanceIndex implements IndexView {
  readonly store = 'lancedb';
  readonly languages: Language[];
  readonly sourceTerms: ReadonlySet<string>;

  private constructor(
    readonly generation: string,
    readonly manifest: Manifest,
    private readonly metas: ReadonlyMap<string, ArticleMeta>,
    readonly keyword: Vocabulary,
    readonly hasVectors: boolean,
    private readonly tables: LanceStore,
  ) {
    this.languages = [...new Set([...metas.values()].map((a) => a.language))];
    this.sourceTerms = sourceTermsOf(metas.values());
  }

  get chunkCount(): number {
    return this.keyword.chunkCount;
  }

  static async openCurrent(dataDir: string): Promise<LanceIndex | null> {
    const pointer = await readPointer(dataDir);
    if (!pointer) return null;
    let tables: LanceStore;
    try {
      tables = await LanceStore.open(lancePaths(dataDir).db, pointer.versions);
    } catch (error) {
      throw new IndexCorruptError(`the LanceDB tables cannot be opened (${(error as Error).message})`);
    }
    const documents = await tables.documents();
    const chunkCount = await tables.countChunks();
    const expected = [...documents.values()].reduce((sum, doc) => sum + doc.chunks, 0);
    if (chunkCount !== expected) throw new IndexCorruptError(`the LanceDB chunks table holds ${chunkCount} chunks; its articles say ${expected}`);
    const { generation, versions: _versions, ...rest } = pointer;
    const manifest: Manifest = { ...rest, documents: Object.fromEntries([...documents].map(([id, doc]) => [id, { hash: doc.hash, chunks: doc.chunks }])) };
    const metas = new Map([...documents].map(([id, doc]) => [id, doc.meta]));
    return new LanceIndex(generation, manifest, metas, new Vocabulary(await tables.vocabulary(), chunkCount), await tables.hasVectors(), tables);
  }

  articleMetas(): ArticleMeta[] {
    return [...this.metas.values()];
  }

  keywordSearch(concepts: readonly TermQuery[], limit: number): Promise<IndexHit[]> {
    return this.tables.keywordSearch(concepts, limit);
  }

  vectorSearch(vector: readonly number[], limit: number): Promise<IndexHit[]> {
    return this.hasVectors ? this.tables.vectorSearch(vector, limit) : Promise.resolve([]);
  }

  async chunksWithArticles(ids: readonly string[]): Promise<Map<string, { chunk: Chunk; article: Article }>> {
    const chunks = await this.tables.chunks(ids);
    const articles = new Map((await this.tables.articles([...new Set(chunks.map((c) => c.docId))])).map((a) => [a.id, a]));
    const found = new Map<string, { chunk: Chunk; article: Article }>();
    for (const chunk of chunks) {
      const article = articles.get(chunk.docId);
      if (article) found.set(chunk.id, { chunk, article });
    }
    return found;
  }

  allArticles(): AsyncIterable<Article[]> {
    return this.tables.allArticles();
  }

  close(): void {
    this.tables.close();
  }
}

// Articles chunked, analysed, embedded and written per batch: what a build holds at once.
const WRITE_BATCH = 500;
const EMBED_BATCH = 32;

/**
 * Brings the LanceDB index in line with the corpus (the index lock is held): deletes the chunks of
 * changed and removed articles, adds those of new and changed ones, updates the vocabulary and the
 * search indexes, then commits by writing the pointer.
 */
export async function buildLanceLocked({ dataDir, corpus, embedder, onProgress }: { dataDir: string; corpus: Corpus; embedder: Embedder | null; onProgress?: (progress: IndexProgress) => void }): Promise<IndexReport> {
  const paths = lancePaths(dataDir);
  await mkdir(paths.dir, { recursive: true });
  let problem: string | undefined;
  let committed: Pointer | null = null;
  try {
    committed = await readPointer(dataDir);
  } catch (error) {
    if (!(error instanceof IndexCorruptError)) throw error;
    problem = error.message;
  }
  let reusable = committed && isCompatible(committed, embedder) ? committed : null;
  let tables: LanceStore;
  try {
    tables = await LanceStore.forWriting(paths.db, reusable?.versions ?? null, embedder?.dimensions ?? null);
  } catch (error) {
    if (!reusable) throw error;
    problem = `the LanceDB tables cannot be opened (${(error as Error).message})`;
    reusable = null;
    tables = await LanceStore.forWriting(paths.db, null, embedder?.dimensions ?? null);
  }
  try {
    const indexed = reusable ? await tables.documents() : new Map<string, { hash: string }>();
    const changes = planChanges(corpus, indexed);
    const report: IndexReport = { ...changes, chunks: 0, rebuilt: !reusable, previousIndexProblem: problem, problems: corpus.problems, written: false };
    const changed = changes.added.length + changes.updated.length + changes.removed.length > 0;
    if (reusable && !changed) {
      report.chunks = await tables.countChunks();
      return report;
    }
    onProgress?.({ phase: 'writing', done: 0, total: 1 });
    const frequency = reusable ? await tables.vocabulary() : new Map<string, number>();
    const leaving = [...changes.updated, ...changes.removed];
    for await (const terms of tables.termsOf(leaving)) for (const term of new Set(terms.split(' '))) frequency.set(term, (frequency.get(term) ?? 1) - 1);
    await tables.deleteArticles(leaving);
    const incoming = new Set([...changes.added, ...changes.updated]);
    const toWrite = corpus.articles.filter((a) => incoming.has(a.id));
    for (let i = 0; i < toWrite.length; i += WRITE_BATCH) {
      await writeBatch(tables, toWrite.slice(i, i + WRITE_BATCH), embedder, frequency);
      onProgress?.({ phase: embedder ? 'embedding' : 'writing', done: Math.min(i + WRITE_BATCH, toWrite.length), total: toWrite.length });
    }
    await tables.replaceVocabulary(frequency);
    await tables.updateIndexes();
    const pointer: Pointer = {
      ...indexStamp(embedder),
      generation: `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      versions: await tables.versions(),
    };
    // The commit point: from here on readers open the versions just written.
    await writeFileDurably(paths.pointer, JSON.stringify(pointer, null, 2));
    onProgress?.({ phase: 'committed', done: 1, total: 1 });
    await tables.removeOldVersions();
    report.chunks = await tables.countChunks();
    return { ...report, written: true };
  } finally {
    tables.close();
  }
}

async function writeBatch(tables: LanceStore, articles: readonly Article[], embedder: Embedder | null, frequency: Map<string, number>): Promise<void> {
  const chunks = articles.flatMap((article) => chunkText(article.id, article.text));
  const vectors: number[][] = [];
  if (embedder) for (let i = 0; i < chunks.length; i += EMBED_BATCH) vectors.push(...(await embedder.embedPassages(chunks.slice(i, i + EMBED_BATCH).map((c) => c.text))));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const titleTerms = new Map(articles.map((a) => [a.id, indexTerms(a.title, a.language)]));
  const chunkCounts = new Map<string, number>();
  const rows: ChunkRow[] = chunks.map((chunk, i) => {
    const article = byId.get(chunk.docId)!;
    const terms = indexTerms(chunk.text, article.language);
    const title = titleTerms.get(chunk.docId)!;
    // A term counts once per chunk, in its text or its title: the default store's document frequency.
    for (const term of new Set([...terms, ...title])) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    chunkCounts.set(chunk.docId, (chunkCounts.get(chunk.docId) ?? 0) + 1);
    const row: ChunkRow = { id: chunk.id, doc_id: chunk.docId, start: chunk.start, end: chunk.end, text: chunk.text, terms: terms.join(' '), title_terms: title.join(' ') };
    if (embedder) row.vector = vectors[i]!;
    return row;
  });
  await tables.addChunks(rows);
  await tables.addArticles(articles, chunkCounts);
  await new Promise((resolve) => setImmediate(resolve)); // lets a bot sharing this thread answer between batches
}
