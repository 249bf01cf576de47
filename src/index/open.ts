// Opening the committed index of the configured store, and telling whether another process committed a newer one.
import path from 'node:path';
import { SearchIndex } from './search-index.js';
import { currentGeneration } from './store.js';
import type { IndexView, LanceLocation, StoreKind } from './view.js';

/**
 * The current index of `store`, or null when none was built. Damage raises IndexCorruptError.
 * `lance`: an object store holding the LanceDB index instead of the data folder.
 */
export async function openCurrentIndex(store: StoreKind, dataDir: string, lance?: LanceLocation): Promise<IndexView | null> {
  if (store === 'default') return SearchIndex.openCurrent(dataDir);
  // LanceDB's native library loads only when that store is chosen.
  const { LanceIndex } = await import('./lance-index.js');
  return LanceIndex.openCurrent(dataDir, lance);
}

/** The name of the generation the store's pointer names now: one small file (or object store table) read. */
export async function currentGenerationName(store: StoreKind, dataDir: string, lance?: LanceLocation): Promise<string | null> {
  if (store === 'lancedb') return (await import('./lance-index.js')).currentLanceGeneration(dataDir, lance);
  const current = await currentGeneration(dataDir);
  return current && path.basename(current.dir);
}

// Past this many articles the default store's questions slow down (p95 164 ms at 20,000 on 2 cores) and
// its single files approach JavaScript's string limit: `index` suggests LanceDB.
export const LARGE_CORPUS_ARTICLES = 20_000;
