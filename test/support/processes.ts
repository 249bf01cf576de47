// The CLI and the indexing child as real processes, for the crash, concurrency and fault tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from './workspace.js';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** `npm run <args>` as a separate process (node + tsx, without npm's own start-up), with `env` added. */
export function cliProcess(args: string[], env: Record<string, string>, options: { killAfterMs?: number; killAfterLine?: { pattern: RegExp; delayMs: number } } = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli/main.ts'), ...args], { env: { ...process.env, ...env }, cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const kill = (delayMs: number) => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (options.killAfterMs !== undefined) kill(options.killAfterMs);
    let aimed = false;
    const watch = (text: string) => {
      if (options.killAfterLine && !aimed && options.killAfterLine.pattern.test(text)) {
        aimed = true;
        kill(options.killAfterLine.delayMs);
      }
    };
    child.stdout.on('data', (d: Buffer) => watch((out += d.toString())));
    child.stderr.on('data', (d: Buffer) => watch((err += d.toString())));
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/**
 * Starts a re-index in a child process (test/support/index-child.ts) that prints a marker as each
 * phase starts, and SIGKILLs it `delayMs` after it prints `marker`; resolves to the markers seen.
 */
export function killIndexChildDuring(corpusDir: string, dataDir: string, marker: string, delayMs: number, embedDelayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/support/index-child.ts'), corpusDir, dataDir, String(embedDelayMs)], {
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
