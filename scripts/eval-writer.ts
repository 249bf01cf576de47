// npm run eval:writer — every eval set through the writer with a real small chat model (Gemma 3
// 270M in 4 bits, served by llama-cpp-python on 127.0.0.1; see scripts/llama-server.ts). Per set:
// the share of answers written (not fallen back to the extractive answer), the share of written
// sentences the guard dropped, whether the written text still carries the expected fact, and
// whether it is in the question's language. Keyword retrieval: the writer is what is measured.
//
// A writer configured in the environment or .env is measured instead of the bundled model.
// Options: --per-set N (first N questions of each set; default all), --show (print each written answer), --timeout-ms N (the writer's
// time limit; default 30000 here, as a small model on 2 shared cores is slow), --require (exit 1
// rather than skip when Python or PyPI is missing). Exit 0 with one "skipped:" line otherwise.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDevSet, type DevItem } from '../src/cli/commands/eval.js';
import { loadConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { fold, words } from '../src/text/analysis.js';
import { findDatesIn } from '../src/text/dates.js';
import { guessLanguage } from '../src/text/language.js';
import { findNumbers } from '../src/text/numbers.js';
import { startLlamaServer } from './llama-server.js';

const REPO = path.resolve(import.meta.dirname, '..');
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const perSet = Number(option('--per-set') ?? Infinity);
const timeoutMs = option('--timeout-ms') ?? '30000';
const require = process.argv.includes('--require');
// Print each written answer, to read what the guard let through.
const show = process.argv.includes('--show');

interface SetFigures {
  set: string;
  answered: number;
  written: number;
  accepted: number;
  dropped: number;
  /** Written answers whose question has an expected fact with a number, date or name to check. */
  factChecked: number;
  factKept: number;
  languageMatch: number;
  fallbacks: Map<string, number>;
  reasons: Map<string, number>;
  seconds: number[];
}

async function main(): Promise<number> {
  const started = Date.now();
  // A writer already configured (DOSSIER_LLM_URL and _MODEL, in the environment or .env) is measured
  // as it is; otherwise the bundled small model is installed and served.
  const configured = loadConfig().writer;
  const server: Awaited<ReturnType<typeof startLlamaServer>> = configured
    ? { ok: true, env: { DOSSIER_LLM_URL: configured.url, DOSSIER_LLM_MODEL: configured.model, ...(configured.apiKey ? { DOSSIER_LLM_API_KEY: configured.apiKey } : {}) }, stop: () => {} }
    : await startLlamaServer();
  if (!server.ok) {
    console.log(`eval:writer skipped: ${server.reason}`);
    return require ? 1 : 0;
  }
  console.log(`Chat server ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${server.env.DOSSIER_LLM_URL}, writer time limit ${timeoutMs} ms).`);
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-writer-'));
  try {
    cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
    const env = { DOSSIER_CORPUS_DIR: path.join(root, 'corpus'), DOSSIER_DATA_DIR: path.join(root, 'data'), DOSSIER_WATCH_CORPUS: 'false', DOSSIER_EMBEDDINGS: 'false', DOSSIER_LLM_TIMEOUT_MS: timeoutMs, ...server.env };
    const engine = await Engine.open(loadConfig(env, root));
    const sets = readdirSync(path.join(REPO, 'eval')).filter((f) => f.endsWith('.jsonl')).sort();
    const rows: SetFigures[] = [];
    for (const set of sets) {
      const items = (await readDevSet(path.join(REPO, 'eval', set))).slice(0, perSet);
      rows.push(await measure(engine, set, items));
      report(rows.slice(-1), false);
    }
    console.log(`\nAll sets, ${((Date.now() - started) / 60000).toFixed(1)} min:`);
    report(rows, true);
    return 0;
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function measure(engine: Engine, set: string, items: readonly DevItem[]): Promise<SetFigures> {
  const figures: SetFigures = { set, answered: 0, written: 0, accepted: 0, dropped: 0, factChecked: 0, factKept: 0, languageMatch: 0, fallbacks: new Map(), reasons: new Map(), seconds: [] };
  for (const item of items) {
    const before = new Map(engine.writerTally);
    const asked = Date.now();
    const result = await engine.ask(item.question);
    if (result.refusal || !result.quotes.length) continue;
    figures.answered++;
    figures.seconds.push((Date.now() - asked) / 1000);
    for (const [reason, count] of engine.writerTally) {
      const added = count - (before.get(reason) ?? 0);
      if (!added) continue;
      const into = reason.startsWith('fallback:') ? figures.fallbacks : figures.reasons;
      into.set(reason.replace('fallback:', ''), (into.get(reason.replace('fallback:', '')) ?? 0) + added);
      if (!reason.startsWith('fallback:')) figures.dropped += added;
    }
    if (!result.writer) continue;
    figures.written++;
    figures.accepted += result.writer.accepted;
    if (show) console.log(`  ${item.id}: ${item.question}\n    lead: ${result.lead ?? '—'}\n    written: ${result.writer.sentences.join(' ')}`);
    const text = result.writer.sentences.join(' ').replace(/\[[\d\s,;]+\]/gu, ' ');
    // The question's language as the engine reads it (right on every labelled eval question, see text/language.ts).
    if (guessLanguage(text) === result.language) figures.languageMatch++;
    const facts = (item.answerable ? item.facts : []).filter((fact) => result.quotes.some((q) => fold(q.text).includes(fold(fact))) && checkable(fact));
    if (facts.length) {
      figures.factChecked++;
      if (facts.some((fact) => carries(text, fact, result.language))) figures.factKept++;
    }
  }
  return figures;
}

// What of a fact can be compared across languages: its numbers, dates and capitalised names.
function checkable(fact: string): boolean {
  return findNumbers(fact).length > 0 || findDatesIn(fact, 'fr', { isFuture: () => false }).length > 0 || /\p{Lu}/u.test(fact);
}

function carries(text: string, fact: string, language: 'en' | 'fr'): boolean {
  const writtenDates = findDatesIn(text, language, { isFuture: () => false });
  const dates = findDatesIn(fact, 'fr', { isFuture: () => false });
  const datesKept = dates.every((d) => writtenDates.some((w) => w.value.month === d.value.month && (d.value.precision !== 'day' || w.value.day === d.value.day)));
  const writtenNumbers = new Set(findNumbers(text).map((n) => n.value));
  const numbers = findNumbers(fact).filter((n) => !dates.some((d) => n.start >= d.start && n.end <= d.end));
  const numbersKept = numbers.every((n) => writtenNumbers.has(n.value));
  const writtenWords = new Set(words(text));
  const names = [...fact.matchAll(/\p{Lu}[\p{L}’'-]*/gu)].flatMap((m) => words(m[0]));
  const namesKept = names.every((name) => writtenWords.has(name));
  return datesKept && numbersKept && namesKept;
}

function report(rows: SetFigures[], totals: boolean): void {
  const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})` : 'n/a');
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1) : 'n/a');
  const tally = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ') || '—';
  console.log('\n| set | answers written | written sentences dropped | fact still there | language match | median s | fallbacks | drop reasons |');
  console.log('|---|---:|---:|---:|---:|---:|---|---|');
  const all = [...rows];
  if (totals && rows.length > 1) {
    const sum = (f: (r: SetFigures) => number) => rows.reduce((s, r) => s + f(r), 0);
    const merge = (f: (r: SetFigures) => Map<string, number>) => rows.reduce((m, r) => (f(r).forEach((v, k) => m.set(k, (m.get(k) ?? 0) + v)), m), new Map<string, number>());
    all.push({ set: '**all**', answered: sum((r) => r.answered), written: sum((r) => r.written), accepted: sum((r) => r.accepted), dropped: sum((r) => r.dropped), factChecked: sum((r) => r.factChecked), factKept: sum((r) => r.factKept), languageMatch: sum((r) => r.languageMatch), fallbacks: merge((r) => r.fallbacks), reasons: merge((r) => r.reasons), seconds: rows.flatMap((r) => r.seconds) });
  }
  for (const r of all) {
    console.log(`| ${r.set} | ${pct(r.written, r.answered)} | ${pct(r.dropped, r.accepted + r.dropped)} | ${pct(r.factKept, r.factChecked)} | ${pct(r.languageMatch, r.written)} | ${median(r.seconds)} | ${tally(r.fallbacks)} | ${tally(r.reasons)} |`);
  }
}

process.exitCode = await main();
