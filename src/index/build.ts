// Index: articles into a searchable, crash-safe generation on disk. In: a Corpus and an optional
// Embedder. Out: a committed generation (chunks, keyword index, vectors, manifest) and a report.
import type { Embedder } from '../embed/embedder.js';
import type { Article } from '../ingest/article.js';
import { chunkText, type Chunk } from '../ingest/chunk.js';
import { loadCorpus, scanCorpus, type Corpus } from '../ingest/corpus.js';
import { indexStamp, isCompatible, planChanges, type Changes, type IndexProgress, type IndexReport } from './plan.js';
import { KeywordIndex } from './keyword-index.js';
import { SearchIndex } from './search-index.js';
import { diskFull, UserError, writeDenied } from '../errors.js';
import { writeFileDurably } from '../files.js';
import { withIndexLock } from './lock.js';
import { commitGeneration, removeOtherGenerations, IndexCorruptError, newGeneration, type Manifest } from './store.js';
import { VectorStore } from './vector-store.js';
import type { IndexView, LanceLocation, StoreKind } from './view.js';

export type { IndexProgress, IndexReport } from './plan.js';

export interface BuildOptions {
  dataDir: string;
  /** The corpus read, or its folder: read here (the LanceDB store reads it in batches, never whole). */
  corpus: Corpus | string;
  embedder: Embedder | null;
  /** Which store holds the index; each keeps its own files under dataDir. Default: 'default'. */
  store?: StoreKind;
  /** An object store holding the LanceDB index (and its commit pointer) instead of dataDir; the lock stays in dataDir. */
  lance?: LanceLocation;
  onProgress?: (progress: IndexProgress) => void;
  /** Told when another process holds the index's lock and this build waits for it. */
  onWait?: (message: string) => void;
}

/**
 * Brings the index in line with the corpus: reuses the chunks and vectors of unchanged articles,
 * embeds new and changed ones, drops removed ones, and commits the result as a new generation.
 */
export async function buildIndex(options: BuildOptions): Promise<IndexReport> {
  try {
    // The lock is taken before the current index is read: a writer that waited builds on what the other wrote.
    return await withIndexLock(options.dataDir, () => (options.store === 'lancedb' ? buildLance(options) : buildLocked(options)), { onWait: options.onWait });
  } catch (error) {
    const denied = writeDenied(error);
    if (denied) {
      throw new UserError(
        'index-read-only',
        {
          en: `The index folder ${options.dataDir} cannot be written (${denied}): the index was not updated; the one there still answers. Make the folder writable, or set DOSSIER_DATA_DIR to one that is.`,
          fr: `Le dossier de l'index ${options.dataDir} n'est pas modifiable (${denied}) : l'index n'a pas été mis à jour ; celui qui s'y trouve répond toujours. Rendez le dossier modifiable, ou choisissez-en un autre avec DOSSIER_DATA_DIR.`,
        },
        { cause: error },
      );
    }
    const code = diskFull(error);
    if (!code) throw error;
    throw new UserError(
      'disk-full',
      {
        en: `No space left on the disk holding ${options.dataDir} (${code}): the index was not updated; the previous one is kept and still answers. Free some space and index again.`,
        fr: `Plus de place sur le disque de ${options.dataDir} (${code}) : l'index n'a pas été mis à jour ; le précédent est gardé et répond toujours. Libérez de la place et relancez l'indexation.`,
      },
      { cause: error },
    );
  }
}

// LanceDB's native library loads only when that store is chosen: the default store's runs stay light.
async function buildLance(options: BuildOptions): Promise<IndexReport> {
  const { buildLanceLocked } = await import('./lance-index.js');
  return buildLanceLocked(options);
}

// The steps, in order: read what can be reused, plan the chunks, embed what is new, write a
// generation, commit it. Each step is below.
async function buildLocked({ dataDir, corpus: given, embedder, onProgress }: BuildOptions): Promise<IndexReport> {
  // This store writes every article into one file: it holds the whole corpus anyway.
  const corpus = typeof given === 'string' ? await loadCorpus(given) : given;
  await removeOtherGenerations(dataDir); // what a writer killed earlier left behind
  const previous = await openPrevious(dataDir, embedder);
  const plan = planChunks(corpus, previous.reusable);
  // What is written: the corpus's articles, and the kept versions of the ones that could not be read.
  const articles = [...corpus.articles, ...plan.changes.keptPrevious.map((id) => previous.reusable!.articles.get(id)!)];
  const report: IndexReport = {
    ...plan.changes,
    chunks: plan.chunks.length,
    rebuilt: !previous.reusable,
    previousIndexProblem: previous.problem,
    problems: corpus.problems,
    written: false,
  };
  const changed = report.added.length + report.updated.length + report.removed.length > 0;
  if (previous.reusable && !changed) return report;
  const vectors = embedder ? await embedNew(embedder, plan.toEmbed, previous.vectors, onProgress) : null;
  onProgress?.({ phase: 'writing', done: 0, total: 1 });
  try {
    const paths = await writeGeneration(dataDir, articles, plan, vectors, embedder);
    await commitGeneration(dataDir, paths, () => onProgress?.({ phase: 'committed', done: 1, total: 1 }));
  } catch (error) {
    // A write that failed (a full disk) leaves no half generation taking space; CURRENT's is kept.
    await removeOtherGenerations(dataDir).catch(() => {});
    throw error;
  }
  onProgress?.({ phase: 'writing', done: 1, total: 1 });
  return { ...report, written: true };
}

/** The committed index, if it can be built upon (same model, chunker and analyzer), and its vectors. */
async function openPrevious(dataDir: string, embedder: Embedder | null) {
  let previous: SearchIndex | null = null;
  let problem: string | undefined;
  try {
    previous = await SearchIndex.openCurrent(dataDir);
  } catch (error) {
    if (!(error instanceof IndexCorruptError)) throw error;
    problem = error.message;
  }
  const reusable = previous && isCompatible(previous.manifest, embedder) ? previous : null;
  const vectors = reusable?.vectors ? await reusable.vectors.vectors() : new Map<string, number[]>();
  return { reusable, vectors, problem };
}

interface ChunkPlan {
  chunks: Chunk[];
  chunkCounts: Map<string, number>;
  /** The chunks of new and changed articles: the only ones to embed. */
  toEmbed: Chunk[];
  changes: Changes;
}

/** Unchanged articles (same content hash) keep their chunks; new and changed ones are chunked. */
function planChunks(corpus: Corpus, reusable: SearchIndex | null): ChunkPlan {
  const changes = planChanges(corpus, new Map(Object.entries(reusable?.manifest.documents ?? {})));
  const oldChunks = groupByDoc(reusable ? reusable.chunks.values() : []);
  const plan: ChunkPlan = { chunks: [], chunkCounts: new Map(), toEmbed: [], changes };
  const changed = new Set([...changes.added, ...changes.updated]);
  for (const id of changes.keptPrevious) {
    const kept = oldChunks.get(id) ?? [];
    plan.chunks.push(...kept);
    plan.chunkCounts.set(id, kept.length);
  }
  for (const article of corpus.articles) {
    const articleChunks = changed.has(article.id) ? chunkText(article.id, article.text) : (oldChunks.get(article.id) ?? []);
    if (changed.has(article.id)) plan.toEmbed.push(...articleChunks);
    plan.chunks.push(...articleChunks);
    plan.chunkCounts.set(article.id, articleChunks.length);
  }
  return plan;
}

/** Vectors for the new chunks, in batches, added to the reused ones. */
async function embedNew(embedder: Embedder, toEmbed: readonly Chunk[], reused: ReadonlyMap<string, number[]>, onProgress?: (progress: IndexProgress) => void) {
  const vectors = new Map(reused);
  for (let i = 0; i < toEmbed.length; i += EMBED_BATCH) {
    const batch = toEmbed.slice(i, i + EMBED_BATCH);
    const embedded = await embedder.embedPassages(batch.map((chunk) => chunk.text));
    batch.forEach((chunk, j) => vectors.set(chunk.id, embedded[j]!));
    onProgress?.({ phase: 'embedding', done: Math.min(i + EMBED_BATCH, toEmbed.length), total: toEmbed.length });
  }
  return vectors;
}

/**
 * A complete generation folder: chunks, keyword index, vectors, and the manifest last. Every file is
 * on disk (fsynced) before CURRENT names the generation, so even a power cut cannot leave CURRENT
 * pointing at a generation with missing parts.
 */
async function writeGeneration(dataDir: string, articles: readonly Article[], plan: ChunkPlan, vectors: Map<string, number[]> | null, embedder: Embedder | null) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const paths = await newGeneration(dataDir);
  await writeFileDurably(paths.chunks, JSON.stringify({ articles, chunks: plan.chunks }));
  await writeFileDurably(paths.keyword, (await KeywordIndex.build(plan.chunks, (id) => byId.get(id)!)).toJSON());
  if (embedder && vectors) {
    const store = await VectorStore.create(paths.vectors, plan.chunks.map((chunk) => ({ chunkId: chunk.id, vector: vectors.get(chunk.id)! })));
    await store.sync();
  }
  const manifest: Manifest = {
    ...indexStamp(embedder),
    documents: Object.fromEntries(articles.map((a) => [a.id, { hash: a.contentHash, chunks: plan.chunkCounts.get(a.id)! }])),
  };
  // Written last and durably: a generation without its manifest is never opened.
  await writeFileDurably(paths.manifest, JSON.stringify(manifest, null, 2));
  return paths;
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

/**
 * Whether the index already matches the corpus in `corpusDir` and this model (nothing to do), told
 * from the files' hashes alone: a restart with an unchanged corpus parses no article.
 */
export async function matchesCorpus(index: IndexView, corpusDir: string, embedder: Embedder | null): Promise<boolean> {
  if (!isCompatible(index.manifest, embedder)) return false;
  const docs = index.manifest.documents;
  const present = new Set<string>();
  for await (const { files, problems } of scanCorpus(corpusDir)) {
    for (const problem of problems) present.add(problem.id);
    for (const file of files) {
      if (docs[file.id]?.hash !== file.hash) return false;
      present.add(file.id);
    }
  }
  return Object.keys(docs).every((id) => present.has(id));
}
