// Index: articles into a searchable, crash-safe generation on disk. In: a Corpus and an optional
// Embedder. Out: a committed generation (chunks, keyword index, vectors, manifest) and a report.
import type { Embedder } from '../embed/embedder.js';
import type { Article } from '../ingest/article.js';
import { chunkText, CHUNKER_VERSION, type Chunk } from '../ingest/chunk.js';
import type { Corpus, CorpusProblem } from '../ingest/corpus.js';
import { ANALYZER_VERSION } from '../text/analysis.js';
import { KeywordIndex } from './keyword-index.js';
import { SearchIndex } from './search-index.js';
import { writeFileDurably } from '../files.js';
import { withIndexLock } from './lock.js';
import { commitGeneration, removeOtherGenerations, IndexCorruptError, INDEX_FORMAT, newGeneration, type Manifest } from './store.js';
import { VectorStore } from './vector-store.js';

export interface IndexReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  chunks: number;
  /** True when nothing could be reused: no index, a damaged one, or another model or chunker. */
  rebuilt: boolean;
  /** Why the previous index could not be reused, when it existed but was unusable. */
  previousIndexProblem?: string;
  problems: CorpusProblem[];
  /** False when the corpus matched the index and nothing was written. */
  written: boolean;
}

export interface IndexProgress {
  /** 'committed': the new index is in place (CURRENT names it); old generations are being removed. */
  phase: 'embedding' | 'writing' | 'committed';
  done: number;
  total: number;
}

export interface BuildOptions {
  dataDir: string;
  corpus: Corpus;
  embedder: Embedder | null;
  onProgress?: (progress: IndexProgress) => void;
  /** Told when another process holds the index's lock and this build waits for it. */
  onWait?: (message: string) => void;
}

/**
 * Brings the index in line with the corpus: reuses the chunks and vectors of unchanged articles,
 * embeds new and changed ones, drops removed ones, and commits the result as a new generation.
 */
export function buildIndex(options: BuildOptions): Promise<IndexReport> {
  // The lock is taken before the current index is read: a writer that waited builds on what the other wrote.
  return withIndexLock(options.dataDir, () => buildLocked(options), { onWait: options.onWait });
}

async function buildLocked({ dataDir, corpus, embedder, onProgress }: BuildOptions): Promise<IndexReport> {
  await removeOtherGenerations(dataDir); // what a writer killed earlier left behind
  let previous: SearchIndex | null = null;
  let previousIndexProblem: string | undefined;
  try {
    previous = await SearchIndex.openCurrent(dataDir);
  } catch (error) {
    if (!(error instanceof IndexCorruptError)) throw error;
    previousIndexProblem = error.message;
  }
  const reusable = previous && isCompatible(previous.manifest, embedder) ? previous : null;
  const oldDocs = reusable?.manifest.documents ?? {};
  const oldVectors = reusable?.vectors ? await reusable.vectors.vectors() : new Map<string, number[]>();

  const inCorpus = new Set(corpus.articles.map((a) => a.id));
  const report: IndexReport = {
    added: [],
    updated: [],
    removed: Object.keys(oldDocs).filter((id) => !inCorpus.has(id)),
    unchanged: 0,
    chunks: 0,
    rebuilt: !reusable,
    previousIndexProblem,
    problems: corpus.problems,
    written: false,
  };

  const oldChunks = groupByDoc(reusable ? reusable.chunks.values() : []);
  const chunks: Chunk[] = [];
  const chunkCounts = new Map<string, number>();
  const toEmbed: Chunk[] = [];
  for (const article of corpus.articles) {
    const old = oldDocs[article.id];
    if (old?.hash === article.contentHash) {
      report.unchanged++;
      const kept = oldChunks.get(article.id) ?? [];
      chunks.push(...kept);
      chunkCounts.set(article.id, kept.length);
      continue;
    }
    (old ? report.updated : report.added).push(article.id);
    const fresh = chunkText(article.id, article.text);
    chunks.push(...fresh);
    chunkCounts.set(article.id, fresh.length);
    toEmbed.push(...fresh);
  }
  report.chunks = chunks.length;
  const changed = report.added.length + report.updated.length + report.removed.length > 0;
  if (reusable && !changed) return report;

  const vectors = new Map(oldVectors);
  if (embedder) {
    for (let i = 0; i < toEmbed.length; i += EMBED_BATCH) {
      const batch = toEmbed.slice(i, i + EMBED_BATCH);
      const embedded = await embedder.embedPassages(batch.map((chunk) => chunk.text));
      batch.forEach((chunk, j) => vectors.set(chunk.id, embedded[j]!));
      onProgress?.({ phase: 'embedding', done: Math.min(i + EMBED_BATCH, toEmbed.length), total: toEmbed.length });
    }
  }

  onProgress?.({ phase: 'writing', done: 0, total: 1 });
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const paths = await newGeneration(dataDir);
  // Every file is on disk (fsynced) before CURRENT names the generation, so even a power cut
  // cannot leave CURRENT pointing at a generation with missing parts.
  await writeFileDurably(paths.chunks, JSON.stringify({ articles: corpus.articles, chunks }));
  await writeFileDurably(paths.keyword, (await KeywordIndex.build(chunks, (id) => articles.get(id)!)).toJSON());
  if (embedder) {
    const store = await VectorStore.create(paths.vectors, chunks.map((chunk) => ({ chunkId: chunk.id, vector: vectors.get(chunk.id)! })));
    await store.sync();
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    chunkerVersion: CHUNKER_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    model: embedder ? { backend: embedder.backend, id: embedder.modelId, dimensions: embedder.dimensions } : null,
    createdAt: new Date().toISOString(),
    documents: Object.fromEntries(corpus.articles.map((a) => [a.id, { hash: a.contentHash, chunks: chunkCounts.get(a.id)! }])),
  };
  // Written last and durably: a generation without its manifest is never opened.
  await writeFileDurably(paths.manifest, JSON.stringify(manifest, null, 2));
  await commitGeneration(dataDir, paths, () => onProgress?.({ phase: 'committed', done: 1, total: 1 }));
  onProgress?.({ phase: 'writing', done: 1, total: 1 });
  report.written = true;
  return report;
}

const EMBED_BATCH = 32;

function groupByDoc(chunks: Iterable<Chunk>): Map<string, Chunk[]> {
  const groups = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const group = groups.get(chunk.docId);
    if (group) group.push(chunk);
    else groups.set(chunk.docId, [chunk]);
  }
  return groups;
}

function isCompatible(manifest: Manifest, embedder: Embedder | null): boolean {
  const sameModel = embedder
    ? manifest.model?.backend === embedder.backend && manifest.model.id === embedder.modelId && manifest.model.dimensions === embedder.dimensions
    : manifest.model === null;
  return manifest.chunkerVersion === CHUNKER_VERSION && manifest.analyzerVersion === ANALYZER_VERSION && sameModel;
}

/** Whether the index in `dataDir` already matches this corpus and model (nothing to do). */
export function isUpToDate(index: SearchIndex, corpus: Corpus, embedder: Embedder | null): boolean {
  if (!isCompatible(index.manifest, embedder)) return false;
  const docs = index.manifest.documents;
  return (
    Object.keys(docs).length === corpus.articles.length &&
    corpus.articles.every((article: Article) => docs[article.id]?.hash === article.contentHash)
  );
}
