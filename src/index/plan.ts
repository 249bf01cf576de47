// What a build must do, whichever store it writes: which articles are new, changed, gone or kept,
// and whether the stored index can be built upon at all (same model, chunker and analyser).
import type { Embedder } from '../embed/embedder.js';
import { CHUNKER_VERSION } from '../ingest/chunk.js';
import type { Corpus, CorpusProblem } from '../ingest/corpus.js';
import { ANALYZER_VERSION } from '../text/analysis.js';
import { INDEX_FORMAT, type Manifest } from './store.js';
import type { LanceLocation, StoreKind } from './view.js';

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
  /** Articles whose file could not be read this time: their indexed version was kept. */
  keptPrevious: string[];
  /** False when the corpus matched the index and nothing was written. */
  written: boolean;
}

export interface IndexProgress {
  /** 'committed': the new index is in place (CURRENT names it); old generations are being removed. */
  phase: 'embedding' | 'writing' | 'committed';
  done: number;
  total: number;
}

/** Where builds run (builder.ts): this thread (the CLI) or a worker thread (the bot). */
export type BuildPlace = 'this-thread' | 'worker';

export interface BuildRequest {
  dataDir: string;
  corpusDir: string;
  store: StoreKind;
  lance?: LanceLocation;
  embedder: Embedder | null;
  /** The corpus the caller has just read, so that this thread's build does not read it again (a worker reads its own). */
  corpus?: Corpus;
  onProgress?: (progress: IndexProgress) => void;
  onWait?: (message: string) => void;
}

export interface IndexBuilder {
  readonly place: BuildPlace;
  build(request: BuildRequest): Promise<IndexReport>;
  /** Stops what the builder started (the worker); builds in progress are the caller's to await first. */
  close(): Promise<void>;
}

export type Changes = Pick<IndexReport, 'added' | 'updated' | 'removed' | 'unchanged' | 'keptPrevious'>;

/**
 * Compares the corpus with the indexed documents (id → content hash). A file that is there but could
 * not be read (a typo in its front matter, a passing read error) keeps its indexed version: an article
 * leaves the index only when its file is gone.
 */
export function planChanges(corpus: Corpus, indexed: ReadonlyMap<string, { hash: string }>): Changes {
  const ids = [...indexed.keys()];
  const inCorpus = new Set(corpus.articles.map((a) => a.id));
  const unreadable = new Set(corpus.problems.map((p) => p.id));
  const changes: Changes = {
    added: [],
    updated: [],
    removed: ids.filter((id) => !inCorpus.has(id) && !unreadable.has(id)),
    unchanged: 0,
    keptPrevious: ids.filter((id) => !inCorpus.has(id) && unreadable.has(id)),
  };
  for (const article of corpus.articles) {
    const old = indexed.get(article.id);
    if (old?.hash === article.contentHash) changes.unchanged++;
    else (old ? changes.updated : changes.added).push(article.id);
  }
  return changes;
}

export function isCompatible(manifest: Pick<Manifest, 'chunkerVersion' | 'analyzerVersion' | 'model'>, embedder: Embedder | null): boolean {
  const sameModel = embedder
    ? manifest.model?.backend === embedder.backend && manifest.model.id === embedder.modelId && manifest.model.dimensions === embedder.dimensions
    : manifest.model === null;
  return manifest.chunkerVersion === CHUNKER_VERSION && manifest.analyzerVersion === ANALYZER_VERSION && sameModel;
}

/** What every store records of how its index was made: what isCompatible compares on the next build. */
export function indexStamp(embedder: Embedder | null): Omit<Manifest, 'documents'> {
  return { format: INDEX_FORMAT, chunkerVersion: CHUNKER_VERSION, analyzerVersion: ANALYZER_VERSION, model: modelOf(embedder), createdAt: new Date().toISOString() };
}

export function modelOf(embedder: Embedder | null): Manifest['model'] {
  return embedder ? { backend: embedder.backend, id: embedder.modelId, dimensions: embedder.dimensions } : null;
}
