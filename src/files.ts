import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes through a temporary file, fsynced, renamed over the target: readers see old or new, never half. */
export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    // A failed write (a full disk) leaves no half file behind: the space comes back.
    await rm(temporary, { force: true });
    throw error;
  }
  await syncPath(path.dirname(file));
}

/** Flushes a file (or a folder's entries) written by someone else's code to the disk. */
export async function syncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
