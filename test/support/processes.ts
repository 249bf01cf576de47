// The CLI and the indexing child as real processes, for the crash, concurrency and fault tests.
import { spawn } from 'node:child_process';
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { indexLockPath, STALE_MS } from '../../src/index/lock.js';
import { REPO } from './workspace.js';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** From the start to the exit. */
  durationMs: number;
  /** From the start to the first output matching `mark`, when it came. */
  markedAtMs?: number;
}

export interface ProcessOptions {
  /** SIGKILL this long after the start. */
  killAfterMs?: number;
  /** A line of output to time (and to aim a kill at). */
  mark?: RegExp;
  /** SIGKILL this long after `mark` is seen. */
  killAfterMarkMs?: number;
}

/** `npm run <args>` as a separate process (node + tsx, without npm's own start-up), with `env` added. */
export function cliProcess(args: string[], env: Record<string, string>, options: ProcessOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli/main.ts'), ...args], { env: { ...process.env, ...env }, cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let markedAtMs: number | undefined;
    const kill = (delayMs: number) => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (options.killAfterMs !== undefined) kill(options.killAfterMs);
    const watch = (text: string) => {
      if (markedAtMs !== undefined || !options.mark?.test(text)) return;
      markedAtMs = performance.now() - started;
      if (options.killAfterMarkMs !== undefined) kill(options.killAfterMarkMs);
    };
    child.stdout.on('data', (d: Buffer) => watch((out += d.toString())));
    child.stderr.on('data', (d: Buffer) => watch((err += d.toString())));
    child.on('close', (code, signal) => resolve({ code, signal, out, err, durationMs: performance.now() - started, markedAtMs }));
  });
}

/**
 * Starts a re-index in a child process (test/support/index-child.ts) that prints a marker as each
 * phase starts, and SIGKILLs it `delayMs` after it prints `marker`; resolves to the markers seen.
 */
export function killIndexChildDuring(corpusDir: string, dataDir: string, marker: string, delayMs: number, embedDelayMs: number, store: 'default' | 'lancedb' = 'default'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/support/index-child.ts'), corpusDir, dataDir, String(embedDelayMs), store], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const markers: string[] = [];
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    child.stdout.on('data', (data: Buffer) => {
      for (const line of data.toString().split('\n').filter(Boolean)) {
        markers.push(line);
        if (line === marker) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve(markers) : reject(new Error(`child failed: ${stderr}`))));
  });
}

/**
 * What waiting out the staleness limit (10 s) does to a killed writer's lock, done at once: the lock
 * folder's time set back past the limit, as a dead writer that no longer refreshes it leaves it. The
 * next writer still finds the lock, judges it stale and takes it over. Says whether a lock was left.
 */
export function ageLockOfKilledWriter(dataDir: string): boolean {
  const lock = indexLockPath(dataDir);
  if (!existsSync(lock)) return false;
  const past = new Date(Date.now() - STALE_MS - 1000);
  utimesSync(lock, past, past);
  return true;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same kill moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
