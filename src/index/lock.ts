// One writer at a time for an index folder, across processes (the CLI, a bot's watcher, /reindex,
// /add-article, a cron job): proper-lockfile keeps a lock folder whose time it refreshes while the
// writer lives, so the lock of a killed writer goes stale and is taken over.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';

export interface LockOptions {
  /** How long a second writer waits for the first before giving up. */
  waitMs?: number;
  /** Said once when the lock is held by another writer and this one starts waiting. */
  onWait?: (message: string) => void;
}

// A lock not refreshed for this long belongs to a writer that died.
export const STALE_MS = 10_000;
const POLL_MS = 250;

/** The lock folder of an index folder's writer. */
export function indexLockPath(dataDir: string): string {
  return path.join(dataDir, 'index.lock');
}

/** Runs `write` holding the index folder's lock; waits for another writer, then refuses clearly. */
export async function withIndexLock<T>(dataDir: string, write: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = indexLockPath(dataDir);
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  let compromised: Error | undefined;
  let release: (() => Promise<void>) | undefined;
  let told = false;
  while (!release) {
    try {
      release = await lockfile.lock(dataDir, { lockfilePath: lockPath, stale: STALE_MS, realpath: false, onCompromised: (error) => (compromised = error) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) {
        throw new UserError('index-busy', {
          en: 'Another index run is still writing this index; try again when it has finished.',
          fr: "Une autre mise à jour de l'index est en cours ; réessayez quand elle sera finie.",
        });
      }
      if (!told) options.onWait?.(`Another index run is writing ${dataDir}; waiting for it to finish…`);
      told = true;
      await sleep(POLL_MS);
    }
  }
  try {
    const result = await write();
    if (compromised) throw compromised;
    return result;
  } finally {
    await release().catch(() => {}); // already released if compromised
  }
}
