import { chunkText, CHUNKER_VERSION } from '../ingest/chunk.js';
import type { Corpus } from '../ingest/corpus.js';
import { SearchIndex } from './search-index.js';
import { IndexCorruptError } from './store.js';

export interface IndexCheck {
  ok: boolean;
  /** Differences between the index and the corpus, one sentence each. */
  problems: string[];
  articles: number;
  chunks: number;
}

/** Verifies, without changing anything, that the index holds every article with its hash and chunks. */
export async function checkIndex(dataDir: string, corpus: Corpus): Promise<IndexCheck> {
  let index: SearchIndex | null;
  try {
    index = await SearchIndex.openCurrent(dataDir);
  } catch (error) {
    if (!(error instanceof IndexCorruptError)) throw error;
    return { ok: false, problems: [`the index is damaged: ${error.message}`], articles: 0, chunks: 0 };
  }
  if (!index) return { ok: false, problems: ['there is no index yet'], articles: 0, chunks: 0 };
  const problems: string[] = [];
  const { documents } = index.manifest;
  if (index.manifest.chunkerVersion !== CHUNKER_VERSION) problems.push('the index was chunked by another version of Dossier');
  const stored = new Map<string, number>();
  for (const chunk of index.chunks.values()) stored.set(chunk.docId, (stored.get(chunk.docId) ?? 0) + 1);
  for (const article of corpus.articles) {
    const entry = documents[article.id];
    if (!entry) {
      problems.push(`${article.id} is in the corpus but not in the index`);
      continue;
    }
    if (entry.hash !== article.contentHash) problems.push(`${article.id} changed since it was indexed`);
    const expected = chunkText(article.id, article.text).length;
    if (entry.hash === article.contentHash && (entry.chunks !== expected || stored.get(article.id) !== expected)) {
      problems.push(`${article.id} should have ${expected} chunks; the manifest says ${entry.chunks}, the index holds ${stored.get(article.id) ?? 0}`);
    }
  }
  const inCorpus = new Set(corpus.articles.map((a) => a.id));
  const unreadable = new Set(corpus.problems.map((p) => p.id));
  for (const id of Object.keys(documents)) {
    if (!inCorpus.has(id) && !unreadable.has(id)) problems.push(`${id} is in the index but no longer in the corpus`);
  }
  return { ok: problems.length === 0, problems, articles: Object.keys(documents).length, chunks: index.chunks.size };
}
