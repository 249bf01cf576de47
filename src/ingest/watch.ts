// The one place that imports chokidar: notices articles added, changed or removed in the corpus.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';
import { isArticleFileName } from './corpus.js';

export interface CorpusWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs: a batch copy is one re-index. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

/** Calls `onChange` with the changed paths once the corpus folder has been quiet for a moment. */
export async function watchCorpus(dir: string, onChange: (paths: string[]) => unknown, options: WatchOptions = {}): Promise<CorpusWatcher> {
  const debounceMs = options.debounceMs ?? 750;
  await mkdir(dir, { recursive: true }); // chokidar cannot watch a folder that is not there yet
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, {
    ignoreInitial: true,
    // Not before a file stops growing: a half-copied article is never read.
    awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
    ignored: (file, stats) => Boolean(stats?.isFile()) && !isArticleFileName(path.basename(file)),
  });
  const flush = async () => {
    const paths = [...pending];
    pending.clear();
    try {
      await onChange(paths);
    } catch (error) {
      options.onError?.(error);
    }
  };
  watcher.on('all', (event, file) => {
    if (!['add', 'change', 'unlink', 'unlinkDir'].includes(event)) return;
    if (event !== 'unlinkDir' && !isArticleFileName(path.basename(file))) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
