// REPO=<a checkout> CORPUS=<corpus folder> DATA=<its data folder> node --expose-gc --import tsx scripts/bench-reindex-gaps.ts (PROBE_OUT=<log file>, HOLD=<n>)
// The bench's "full re-index while answering" phase alone (scripts/bench-scale.ts), over a LanceDB index
// already built in DATA from CORPUS (a bench's, kept), with the code of REPO (default: this checkout; another
// worktree for a before/after). Logs each event-loop gap over 60 ms of the answering thread with what it was:
// the GC pauses inside it (perf_hooks 'gc' entries) and, on Linux, how long the thread ran on a CPU and how
// long it waited for one (/proc/thread-self/schedstat). A diagnostic, not a bench row: no first build, no reopen.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { promisify } from 'node:util';

// This thread's time on a CPU and waiting for one, in ns (Linux); zeros elsewhere.
const sched = (): [number, number] => {
  try {
    const [onCpu = 0, waiting = 0] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return [onCpu, waiting];
  } catch {
    return [0, 0];
  }
};

const REPO = process.env.REPO ?? path.resolve(import.meta.dirname, '..');
const CORPUS = process.env.CORPUS!;
const DATA = process.env.DATA!;
if (!CORPUS || !DATA) throw new Error('CORPUS and DATA name a corpus folder and a data folder holding its LanceDB index');
const out = process.env.PROBE_OUT ?? '/tmp/probe.log';
const log = (m: string) => { const line = `${new Date().toISOString().slice(11, 23)} ${m}\n`; appendFileSync(out, line); process.stderr.write(line); };
const { loadConfig } = (await import(`${REPO}/src/config.ts`)) as typeof import('../src/config.js');
const { Engine } = (await import(`${REPO}/src/engine.ts`)) as typeof import('../src/engine.js');
const questions = readFileSync(path.join(REPO, 'eval/dev-set.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question);

const gcs: { start: number; duration: number; kind: number }[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push({ start: e.startTime, duration: e.duration, kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0 }); }).observe({ entryTypes: ['gc'] });
const kinds: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incr', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
let watching = false, longest = 0, longestAt = '', gcLongest = 0;
let last = performance.now();
let lastSched = sched();
let onCpuInGaps = 0, waitInGaps = 0;
setInterval(() => {
  const now = performance.now();
  const nowSched = sched();
  const onCpu = (nowSched[0] - lastSched[0]) / 1e6, waiting = (nowSched[1] - lastSched[1]) / 1e6;
  lastSched = nowSched;
  const gap = now - last - 10;
  if (watching && gap > 60) {
    const from = last, to = now;
    if (gap > 150) { onCpuInGaps += onCpu; waitInGaps += waiting; }
    const wall = new Date().toISOString().slice(11, 23);
    setTimeout(() => {
      const inside = gcs.filter((g) => g.start < to && g.start + g.duration > from);
      const gcMs = inside.reduce((s, g) => s + Math.min(to, g.start + g.duration) - Math.max(from, g.start), 0);
      const mem = process.memoryUsage();
      appendFileSync(out, `${wall} gap ${gap.toFixed(1)} ms; this thread on a CPU ${onCpu.toFixed(1)} ms, waiting for one ${waiting.toFixed(1)} ms; gc inside ${gcMs.toFixed(1)} ms [${inside.map((g) => `${kinds[g.kind] ?? g.kind}:${g.duration.toFixed(1)}`).join(' ')}] heapUsed ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB heapTotal ${(mem.heapTotal / 2 ** 20).toFixed(0)} MB\n`);
    }, 200);
  }
  if (watching && gap > longest) { longest = gap; longestAt = new Date().toISOString().slice(11, 23); }
  last = now;
  if (watching) for (const g of gcs) if (g.start > now - 20) gcLongest = Math.max(gcLongest, g.duration);
  while (gcs.length && gcs[0]!.start < now - 5000) gcs.shift();
}, 10);

let peakRss = 0;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50).unref();
const config = loadConfig({ DOSSIER_CORPUS_DIR: CORPUS, DOSSIER_DATA_DIR: DATA, DOSSIER_EMBEDDINGS: 'false', DOSSIER_STORE: 'lancedb', DOSSIER_WATCH_CORPUS: 'false' }, REPO);
const choice = { embedder: { embedder: null }, builds: 'worker' as const };
log(`start REPO=${REPO} load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const held: unknown[] = [];
// HOLD=n: like the bench, n more engines opened and closed before, still referenced (the bench's `first` and `restarted`).
for (let i = 0; i < Number(process.env.HOLD ?? 0); i++) { const e = await Engine.open(config, choice); await e.refreshing; await e.close(); held.push(e); }
const t = performance.now();
const warm = await Engine.open(config, choice);
log(`warm opened in ${(performance.now() - t).toFixed(0)} ms`);
warm.warmUp();
await warm.refreshing;
for (const q of questions) await warm.ask(q);
(globalThis as { gc?: () => void }).gc?.();
const m = process.memoryUsage();
log(`before the re-index: heapUsed ${(m.heapUsed / 2 ** 20).toFixed(0)} MB after a full GC, heapTotal ${(m.heapTotal / 2 ** 20).toFixed(0)} MB, rss ${(m.rss / 2 ** 20).toFixed(0)} MB`);

const rebuildDir = mkdtempSync(path.join(tmpdir(), 'dossier-probe-data-'));
watching = true;
last = performance.now();
let rebuilding = true;
const during: number[] = [];
const started = performance.now();
let lastProgress = 0;
const rebuild = Engine.open({ ...config, dataDir: rebuildDir }, { ...choice, onProgress: (p: { phase: string; done: number; total: number }) => { if (performance.now() - lastProgress > 30000 || p.done === p.total) { lastProgress = performance.now(); log(`${p.phase} ${p.done}/${p.total}`); } } }).finally(() => (rebuilding = false));
while (rebuilding) for (const q of questions) { if (!rebuilding) break; const s = performance.now(); await warm.ask(q); during.push(performance.now() - s); }
const rebuilt = await rebuild;
log(`re-index committed and opened ${((performance.now() - started) / 1000).toFixed(1)} s into the phase`);
for (const q of questions) await rebuilt.ask(q);
await rebuilt.close();
watching = false;
during.sort((a, b) => a - b);
const p95 = during[Math.floor(0.95 * during.length)]!;
await new Promise((r) => setTimeout(r, 300));
log(`RESULT re-index phase ${((performance.now() - started) / 1000).toFixed(1)} s: longest block ${longest.toFixed(1)} ms at ${longestAt}; longest GC pause ${gcLongest.toFixed(1)} ms; ask p50 ${during[Math.floor(0.5 * during.length)]!.toFixed(1)} p95 ${p95.toFixed(1)} ms (${during.length}); peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; in gaps over 150 ms this thread ran ${onCpuInGaps.toFixed(0)} ms and waited for a CPU ${waitInGaps.toFixed(0)} ms`);
await warm.close();
await promisify(execFile)('rm', ['-rf', rebuildDir]);
process.exit(0);
