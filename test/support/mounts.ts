// File-system faults made real where the machine lets a test make them (root on Linux).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** A read-only bind mount of `dir` at `${dir}-ro`; null where mounting is not allowed. */
export function readOnlyMount(dir: string): string | null {
  const mountPoint = `${dir}-ro`;
  try {
    mkdirSync(mountPoint);
    execFileSync('mount', ['--bind', dir, mountPoint], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,bind,ro', mountPoint], { stdio: 'ignore' });
    return mountPoint;
  } catch {
    return null;
  }
}

/** A tmpfs of `size` (e.g. "1m") mounted at `dir`; false where mounting is not allowed. */
export function tinyDisk(dir: string, size: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir]);
}
