// The LanceDB store, for large corpora (DOSSIER_STORE=lancedb): chunks, articles and the vocabulary
// in LanceDB tables, searched on disk, so that memory grows with what a question touches rather than
// with the archive. Articles are replaced in place (delete + add); a build commits by writing, last
// and durably, a pointer naming the table versions it wrote:
//
//   embeddings/lance/CURRENT   {"generation": "gen-…", "versions": {...}, chunker, analyser, model}
//   embeddings/lance/db/       the LanceDB tables (chunks.lance, articles.lance, vocabulary.lance)
//
// With DOSSIER_LANCEDB_URI (s3://bucket/prefix), the tables are there and the pointer is a one-row
// table beside them (lance-store.ts), so that readers on other machines follow the commits; the index
// lock and the corpus's names stay in the local data folder of each process.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import type { Article } from '../ingest/article.js';
import { chunkText, type Chunk } from '../ingest/chunk.js';
import { readArticles, scanCorpus, type Corpus, type CorpusFile, type CorpusProblem } from '../ingest/corpus.js';
import { indexTerms, type Language } from '../text/analysis.js';
import { writeFileDurably } from '../files.js';
import type { TermQuery } from './keyword-index.js';
import { LanceStore, objectStoreFailure, type ArticleColumns, readStoredPointer, writeStoredPointer, type ChunkRow, type IndexSummary, type TableVersions } from './lance-store.js';
import { indexStamp, isCompatible, type IndexProgress, type IndexReport } from './plan.js';
import { INDEX_FORMAT, IndexCorruptError, type Manifest } from './store.js';
import type { ArticleList, IndexHit, IndexView, LanceLocation } from './view.js';
import { Vocabulary } from './vocabulary.js';

interface Pointer extends Omit<Manifest, 'documents'> {
  generation: string;
  versions: TableVersions;
  /** Absent from pointers written before it: read from the tables then. */
  summary?: IndexSummary;
}

export function lancePaths(dataDir: string) {
  const dir = path.join(dataDir, 'lance');
  return { dir, pointer: path.join(dir, 'CURRENT'), db: path.join(dir, 'db') };
}

/**
 * Where the tables and the commit pointer are: under the data folder (a file, written durably), or,
 * with `remote`, both on that object store (the pointer a one-row table there), so that every machine
 * pointing at it reads the same commits. Failures of the object store come out as one clear line.
 */
function placeOf(dataDir: string, remote?: LanceLocation) {
  const paths = lancePaths(dataDir);
  if (!remote) {
    return {
      tables: { uri: paths.db } as LanceLocation,
      pointerName: 'lance/CURRENT',
      readPointer: () => readFile(paths.pointer, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error))),
      writePointer: (text: string) => writeFileDurably(paths.pointer, text),
      prepare: () => mkdir(paths.dir, { recursive: true }),
      failure: (error: unknown) => error as Error,
    };
  }
  const failure = (error: unknown) => objectStoreFailure(remote, error);
  return {
    tables: remote,
    pointerName: `the commit pointer at ${remote.uri}`,
    readPointer: () => readStoredPointer(remote).catch((error: unknown) => Promise.reject(failure(error))),
    writePointer: (text: string) => writeStoredPointer(remote, text),
    prepare: () => Promise.resolve(),
    failure,
  };
}

/** The committed pointer, or null when no LanceDB index was built. */
async function readPointer(dataDir: string, remote?: LanceLocation): Promise<Pointer | null> {
  const place = placeOf(dataDir, remote);
  const text = await place.readPointer();
  if (text === null) return null;
  let pointer: Pointer;
  try {
    pointer = JSON.parse(text) as Pointer;
  } catch {
    throw new IndexCorruptError(`${place.pointerName} is not valid JSON (truncated or damaged)`);
  }
  if (pointer.format !== INDEX_FORMAT || typeof pointer.generation !== 'string' || typeof pointer.versions?.chunks !== 'number') {
    throw new IndexCorruptError(`${place.pointerName} has an unknown format`);
  }
  return pointer;
}

/** The committed generation's name, for readers that follow another process's commits. */
export async function currentLanceGeneration(dataDir: string, remote?: LanceLocation): Promise<string | null> {
  return (await readPointer(dataDir, remote))?.generation ?? null;
}

/** A committed LanceDB index, opened at the versions its pointer names. */
export class LanceIndex implements IndexView {
  readonly store = 'lancedb';
  readonly languages: Language[];
  readonly sourceTerms: ReadonlySet<string>;

  private constructor(
    readonly generation: string,
    readonly manifest: Manifest,
    private readonly articles: ArticleColumns,
    readonly keyword: Vocabulary,
    readonly hasVectors: boolean,
    private readonly tables: LanceStore,
    summary: IndexSummary,
  ) {
    this.languages = summary.languages;
    this.sourceTerms = new Set(summary.sources.flatMap(({ source, language }) => indexTerms(source, language)));
  }

  get chunkCount(): number {
    return this.keyword.chunkCount;
  }

  static async openCurrent(dataDir: string, remote?: LanceLocation): Promise<LanceIndex | null> {
    const pointer = await readPointer(dataDir, remote);
    if (!pointer) return null;
    const place = placeOf(dataDir, remote);
    let tables: LanceStore;
    try {
      tables = await LanceStore.open(place.tables, pointer.versions);
    } catch (error) {
      const failure = place.failure(error);
      if (failure !== error) throw failure;
      throw new IndexCorruptError(`the LanceDB tables cannot be opened (${(error as Error).message})`);
    }
    // Read at once, each a single pass over its columns: the tables' counts, the articles' metadata, the vocabulary.
    const [summary, chunkCount, articles, vocabulary, hasVectors] = await Promise.all([
      pointer.summary ?? tables.summary(),
      tables.countChunks(),
      tables.articleColumns(),
      tables.vocabulary(),
      tables.hasVectors(),
    ]);
    const expected = articles.chunkTotal();
    if (chunkCount !== expected || chunkCount !== summary.chunks) throw new IndexCorruptError(`the LanceDB chunks table holds ${chunkCount} chunks; its articles say ${expected}, its pointer ${summary.chunks}`);
    const { generation, versions: _versions, summary: _summary, ...rest } = pointer;
    // The manifest's documents (an object of 100,000 keys costs this thread 100-200 ms to fill) are
    // made when first read: by /status or a newly added article's chunk count, not by answering.
    let byId: Manifest['documents'] | undefined;
    const manifest = {
      ...rest,
      get documents() {
        return (byId ??= articles.documents());
      },
    } satisfies Manifest;
    return new LanceIndex(generation, manifest, articles, new Vocabulary(vocabulary, chunkCount), hasVectors, tables, summary);
  }

  // Decoded from the columns when a slice is read (/sources reads a page), never by answering.
  articleMetas(): ArticleList {
    return this.articles;
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
    this.articles.release();
  }
}

// Articles read, chunked, analysed, embedded and written per batch: what a build holds at once.
const WRITE_BATCH = 500;
const EMBED_BATCH = 32;

/**
 * The corpus as a build reads it: ids and hashes of every file first (compared with the index without
 * parsing or holding any text), then the articles of new and changed files, a batch at a time.
 */
interface CorpusSource {
  scan(): AsyncIterable<{ files: CorpusFile[]; problems: CorpusProblem[] }> | Iterable<{ files: CorpusFile[]; problems: CorpusProblem[] }>;
  read(files: readonly Pick<CorpusFile, 'id' | 'path'>[]): Promise<Corpus>;
}

function corpusSource(corpus: Corpus | string): CorpusSource {
  if (typeof corpus === 'string') return { scan: () => scanCorpus(corpus), read: readArticles };
  // Already in memory (tests, a caller that read it): the same two steps over it.
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return {
    scan: () => [{ files: corpus.articles.map((a) => ({ id: a.id, path: a.id, hash: a.contentHash })), problems: corpus.problems }],
    read: (files) => Promise.resolve({ articles: files.map((f) => byId.get(f.id)!), problems: [] }),
  };
}

/**
 * Brings the LanceDB index in line with the corpus (the index lock is held): compares the corpus's
 * hashes with the index's, deletes the chunks of changed and removed articles, adds those of new and
 * changed ones a batch at a time, updates the vocabulary and the search indexes, then commits by
 * writing the pointer. Memory holds one batch of articles and chunks, never the corpus.
 */
export async function buildLanceLocked(options: { dataDir: string; lance?: LanceLocation; corpus: Corpus | string; embedder: Embedder | null; onProgress?: (progress: IndexProgress) => void }): Promise<IndexReport> {
  const place = placeOf(options.dataDir, options.lance);
  try {
    return await buildIn(place, options);
  } catch (error) {
    throw place.failure(error);
  }
}

async function buildIn(place: ReturnType<typeof placeOf>, { dataDir, lance, corpus, embedder, onProgress }: Parameters<typeof buildLanceLocked>[0]): Promise<IndexReport> {
  await place.prepare();
  let problem: string | undefined;
  let committed: Pointer | null = null;
  try {
    committed = await readPointer(dataDir, lance);
  } catch (error) {
    if (!(error instanceof IndexCorruptError)) throw error;
    problem = error.message;
  }
  let reusable = committed && isCompatible(committed, embedder) ? committed : null;
  let tables: LanceStore;
  try {
    tables = await LanceStore.forWriting(place.tables, reusable?.versions ?? null, embedder?.dimensions ?? null);
  } catch (error) {
    if (!reusable || place.failure(error) !== error) throw error;
    problem = `the LanceDB tables cannot be opened (${(error as Error).message})`;
    reusable = null;
    tables = await LanceStore.forWriting(place.tables, null, embedder?.dimensions ?? null);
  }
  try {
    const indexed = reusable ? await tables.hashes() : new Map<string, string>();
    const source = corpusSource(corpus);
    const report: IndexReport = { added: [], updated: [], removed: [], unchanged: 0, keptPrevious: [], chunks: 0, rebuilt: !reusable, previousIndexProblem: problem, problems: [], written: false };
    // New and changed files: only their ids and paths are kept until they are read, a batch at a time.
    const incoming: Pick<CorpusFile, 'id' | 'path'>[] = [];
    const present = new Set<string>();
    for await (const { files, problems } of source.scan()) {
      report.problems.push(...problems);
      for (const file of files) {
        present.add(file.id);
        if (indexed.get(file.id) === file.hash) report.unchanged++;
        else incoming.push({ id: file.id, path: file.path });
      }
    }
    // A file that is there but cannot be read keeps its indexed version: an article leaves only when its file is gone.
    const unreadable = new Set(report.problems.map((p) => p.id));
    for (const id of indexed.keys()) if (!present.has(id)) (unreadable.has(id) ? report.keptPrevious : report.removed).push(id);
    if (reusable && !incoming.length && !report.removed.length) {
      report.chunks = await tables.countChunks();
      return report;
    }
    onProgress?.({ phase: 'writing', done: 0, total: incoming.length });
    const frequency = reusable ? await tables.vocabulary() : new Map<string, number>();
    await removeArticles(tables, report.removed, frequency);
    for (let i = 0; i < incoming.length; i += WRITE_BATCH) {
      const read = await source.read(incoming.slice(i, i + WRITE_BATCH));
      for (const failed of read.problems) if (indexed.has(failed.id)) report.keptPrevious.push(failed.id);
      report.problems.push(...read.problems);
      const replaced = read.articles.filter((a) => indexed.has(a.id)).map((a) => a.id);
      report.updated.push(...replaced);
      report.added.push(...read.articles.filter((a) => !indexed.has(a.id)).map((a) => a.id));
      await removeArticles(tables, replaced, frequency);
      await writeBatch(tables, read.articles, embedder, frequency);
      onProgress?.({ phase: embedder ? 'embedding' : 'writing', done: Math.min(i + WRITE_BATCH, incoming.length), total: incoming.length });
    }
    if (reusable && !report.added.length && !report.updated.length && !report.removed.length) {
      // Every new hash was a file that could not be read: nothing changed (the writer's versions are left uncommitted).
      report.chunks = await tables.countChunks();
      return report;
    }
    await tables.replaceVocabulary(frequency);
    await tables.updateIndexes();
    const pointer: Pointer = {
      ...indexStamp(embedder),
      generation: `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      versions: await tables.versions(),
      summary: await tables.summary(),
    };
    // The commit point: from here on readers open the versions just written.
    await place.writePointer(JSON.stringify(pointer, null, 2));
    onProgress?.({ phase: 'committed', done: 1, total: 1 });
    // An object store failing now leaves the old versions for the next commit to remove: the index is committed.
    await tables.removeOldVersions().catch((error: unknown) => {
      if (place.failure(error) === error) throw error;
    });
    report.chunks = pointer.summary!.chunks;
    return { ...report, written: true };
  } finally {
    tables.close();
  }
}

// Their chunks' terms leave the vocabulary, then their rows leave the tables.
async function removeArticles(tables: LanceStore, docIds: readonly string[], frequency: Map<string, number>): Promise<void> {
  if (!docIds.length) return;
  for await (const terms of tables.termsOf(docIds)) for (const term of new Set(terms.split(' '))) frequency.set(term, (frequency.get(term) ?? 1) - 1);
  await tables.deleteArticles(docIds);
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
