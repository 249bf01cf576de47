// npm run bench -- --articles N [--store lancedb|default] [--mode keyword|hybrid] [--rounds R]
//   [--sentences S (mean article length, default 10; longer articles, more chunks each)] [--reindex false]
// One large-corpus row: a synthetic corpus of N articles; the full build (in the engine's worker
// thread, progress on stderr); reopening; warm ask latency; a second full build (another engine,
// then its first answers) while the first engine keeps answering, as a running bot would; the longest event-loop block over the whole run,
// to its very end; peak RSS. Hybrid mode uses synthetic 384-d vectors (hashed words), which cost
// nothing to compute: the figures are the store's, not a model's.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { Embedder } from '../src/embed/embedder.js';
import { Engine } from '../src/engine.js';
import type { IndexProgress } from '../src/index/build.js';
import { indexTerms } from '../src/text/analysis.js';
import { syntheticCorpus } from './synthetic-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

export interface ScaleOptions {
  articles: number;
  store: 'default' | 'lancedb';
  mode: 'keyword' | 'hybrid';
  rounds: number;
  sentences: number;
  /** Whether to run the second full build while answering (skipped for the longest runs). */
  reindex: boolean;
}

export function scaleOptions(argv: string[]): ScaleOptions | null {
  const { values } = parseArgs({ args: argv, options: { articles: { type: 'string' }, store: { type: 'string' }, mode: { type: 'string' }, rounds: { type: 'string' }, sentences: { type: 'string' }, reindex: { type: 'string' } } });
  if (values.articles === undefined && values.store === undefined && values.mode === undefined) return null;
  const articles = Number(values.articles ?? 5000);
  const store = values.store ?? 'default';
  const mode = values.mode ?? 'keyword';
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles takes a whole number of articles');
  if (store !== 'default' && store !== 'lancedb') throw new Error('--store is default or lancedb');
  if (mode !== 'keyword' && mode !== 'hybrid') throw new Error('--mode is keyword or hybrid');
  const sentences = Number(values.sentences ?? 10);
  if (!Number.isInteger(sentences) || sentences < 5) throw new Error('--sentences takes a whole number, 5 or more');
  return { articles, store, mode, rounds: Number(values.rounds ?? 3), sentences, reindex: values.reindex !== 'false' };
}

/** Words hashed into a normalised 384-d vector: texts sharing words point the same way. */
class SyntheticEmbedder implements Embedder {
  readonly backend = 'bench';
  readonly modelId = 'synthetic-384';
  readonly dimensions = 384;
  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.vector(text));
  }
  embedPassages(texts: readonly string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.vector(text)));
  }
  private vector(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const term of indexTerms(text, 'fr')) {
      let hash = 2166136261;
      for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
      vector[(hash >>> 0) % this.dimensions]! += 1;
      vector[(hash >>> 9) % this.dimensions]! += 0.5;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((v) => v / norm);
  }
}

/**
 * The longest gap between ticks of a 10 ms timer, minus the 10 ms: how long nothing else could run;
 * when it ended, and the longest garbage-collection pause meanwhile (what part of it GC explains).
 */
function watchEventLoop() {
  let last = performance.now();
  let longest = 0;
  let endedAt = 0;
  let since = last;
  let longestGc = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last - 10 > longest) {
      longest = now - last - 10;
      endedAt = now;
    }
    last = now;
  }, 10);
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    get longest() {
      return longest;
    },
    /** Where in the phase the longest block was, and the longest GC pause of the phase. */
    describe: () => `${fmt(longest)} ending ${fmt(endedAt - since)} into the phase; longest GC pause ${fmt(longestGc)}`,
    reset: () => {
      longest = 0;
      longestGc = 0;
      last = since = performance.now();
    },
    stop: () => {
      clearInterval(timer);
      gc.disconnect();
    },
  };
}

async function timed(what: string, step: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await step();
  process.stderr.write(`[bench] ${what}: ${fmt(performance.now() - started)}\n`);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

export async function runScaleBench(options: ScaleOptions): Promise<void> {
  const questions = readFileSync(path.join(REPO, 'eval/dev-set.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { question: string }).question);
  const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  log(`writing ${options.articles} synthetic articles…`);
  const corpusDir = await syntheticCorpus(options.articles, options.sentences);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dossier-bench-data-'));
  const rebuildDir = mkdtempSync(path.join(tmpdir(), 'dossier-bench-data-'));
  const config = loadConfig({ DOSSIER_CORPUS_DIR: corpusDir, DOSSIER_DATA_DIR: dataDir, DOSSIER_EMBEDDINGS: 'false', DOSSIER_STORE: options.store, DOSSIER_WATCH_CORPUS: 'false' }, REPO);
  const embedder = options.mode === 'hybrid' ? new SyntheticEmbedder() : null;
  // A running bot's engine: builds in its worker thread, as src/discord/main.ts opens it.
  const choice = { embedder: { embedder }, builds: 'worker' as const };
  let lastReport = 0;
  const onProgress = ({ phase, done, total }: IndexProgress) => {
    if (performance.now() - lastReport < 5000 && done !== total) return;
    lastReport = performance.now();
    log(`${phase} ${done}/${total}`);
  };
  let peakRss = 0;
  // Since the last phase's log line: the peak, and what this thread's JavaScript held then (V8's heap,
  // and memory outside it that JavaScript objects own); the rest is native (LanceDB) and the workers'.
  let phasePeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    if (usage.rss > phasePeak.rss) phasePeak = usage;
  }, 50);
  const phaseRss = () => {
    const { rss, heapTotal, external } = phasePeak;
    phasePeak = process.memoryUsage();
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    return `peak RSS ${mb(rss)} (this thread's V8 heap ${mb(heapTotal)}, external ${mb(external)}, the rest ${mb(rss - heapTotal - external)})`;
  };
  const loop = watchEventLoop();

  let started = performance.now();
  const first = await Engine.open(config, { ...choice, onProgress });
  const buildMs = performance.now() - started;
  const buildBlock = loop.longest;
  log(`first build: longest block ${loop.describe()}; ${phaseRss()}`);
  loop.reset();
  const chunks = first.searchIndex.chunkCount;
  log(`built: ${chunks} chunks in ${fmt(buildMs)}`);
  await first.close();

  started = performance.now();
  const warm = await Engine.open(config, choice);
  const reopenMs = performance.now() - started;
  // What the bot does before it logs in (src/discord/main.ts): timed apart, it does not depend on the index.
  started = performance.now();
  warm.warmUp();
  log(`warm-up (the dictionary loaded, the corpus's names started): ${fmt(performance.now() - started)}`);
  // A block the bot takes before it logs in, when it has nothing to answer yet: not counted as asking.
  loop.reset();
  // The LanceDB engine answers at once and compares the corpus with the index in its worker: timed apart.
  started = performance.now();
  await warm.refreshing;
  const corpusCheckMs = performance.now() - started;
  for (const question of questions) await warm.ask(question); // warm-up
  const latencies: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const question of questions) {
      const t = performance.now();
      await warm.ask(question);
      latencies.push(performance.now() - t);
    }
  }
  const askBlock = loop.longest;
  log(`reopen and asking: longest block ${loop.describe()}; ${phaseRss()}`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  log(`reopen ${fmt(reopenMs)}, corpus check ${fmt(corpusCheckMs)}, ask p50 ${fmt(at(0.5))} p95 ${fmt(at(0.95))}, longest block so far ${fmt(Math.max(buildBlock, askBlock))}`);
  // Opening the index again, in this process (its modules, dictionary and native library already loaded),
  // to a first answer: the corpus's names are read back from beside the index (saved by the build).
  started = performance.now();
  const restarted = await Engine.open(config, choice);
  await restarted.ask(questions[0]!);
  log(`reopen to first answer (same process), the corpus's names read back from beside the index: ${fmt(performance.now() - started)}`);
  await restarted.close();
  loop.reset();

  // A full re-index (into a second folder) while the warm engine keeps answering: a running bot's view.
  let rebuildBlock = 0;
  const duringRebuild: number[] = [];
  let rebuiltChunks = 0;
  if (options.reindex) {
    log('full re-index while answering…');
    loop.reset();
    let rebuilding = true;
    // A second engine builds its index from nothing in its worker, then opens it on this thread and
    // answers a round of questions from it (its first answers read the corpus's names): all of it while
    // the warm engine keeps answering, as a running bot does through a /reindex.
    const rebuildStarted = performance.now();
    const rebuild = Engine.open({ ...config, dataDir: rebuildDir }, { ...choice, onProgress }).finally(() => (rebuilding = false));
    while (rebuilding) {
      for (const question of questions) {
        if (!rebuilding) break;
        const t = performance.now();
        await warm.ask(question);
        duringRebuild.push(performance.now() - t);
      }
    }
    const rebuilt = await rebuild;
    log(`re-index committed and opened: ${fmt(performance.now() - rebuildStarted)} into the phase; its engine's first answers…`);
    rebuiltChunks = rebuilt.searchIndex.chunkCount;
    for (const question of questions) await rebuilt.ask(question);
    await timed('closing the re-indexed engine', () => rebuilt.close());
    rebuildBlock = loop.longest;
    log(`full re-index: longest block ${loop.describe()}; ${phaseRss()}`);
    duringRebuild.sort((a, b) => a - b);
  }

  // The end of a run is watched too: closing the engine (its tables, its worker), then removing the folders.
  loop.reset();
  await timed('closing the engine', () => warm.close());
  const closeBlock = loop.longest;
  loop.reset();
  // In a child process: fs.rm of 100,000 files floods this thread with completions (a 773 ms block, measured).
  for (const dir of [corpusDir, dataDir, rebuildDir]) await timed(`removing ${path.basename(dir)}`, () => run('rm', ['-rf', dir]));
  await new Promise((resolve) => setTimeout(resolve, 50)); // one more tick: a block at the very end counts too
  const cleanupBlock = loop.longest;
  loop.stop();
  clearInterval(sampler);
  log(`longest event-loop block while closing the engine ${fmt(closeBlock)}, while removing the folders ${fmt(cleanupBlock)}`);
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const longestBlock = Math.max(buildBlock, askBlock, rebuildBlock, closeBlock, cleanupBlock);

  console.log('\n| store | mode | articles | chunks | build | reopen | corpus check after reopen | ask p50 | ask p95 | ask p95 during a full re-index | longest event-loop block (first build / asking / full re-index / closing / whole run) | peak RSS |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const p95During = duringRebuild.length ? fmt(duringRebuild[Math.min(duringRebuild.length - 1, Math.floor(0.95 * duringRebuild.length))]!) : '—';
  console.log(
    `| ${options.store} | ${options.mode} | ${options.articles} | ${chunks} | ${fmt(buildMs)} | ${fmt(reopenMs)} | ${warm.refreshing ? fmt(corpusCheckMs) : '—'} | ${fmt(at(0.5))} | ${fmt(at(0.95))} | ${p95During} | ${fmt(buildBlock)} / ${fmt(askBlock)} / ${options.reindex ? fmt(rebuildBlock) : '—'} / ${fmt(Math.max(closeBlock, cleanupBlock))} / ${fmt(longestBlock)} | ${(maxRss / 2 ** 20).toFixed(0)} MB |`,
  );
  console.log(`(${new Date().toISOString()}, ${latencies.length} timed questions, ${duringRebuild.length} during the re-index of ${rebuiltChunks} chunks)`);
}
