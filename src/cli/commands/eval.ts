import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineCommand } from 'citty';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Engine } from '../../engine.js';
import { UserError } from '../../errors.js';
import { fold, words } from '../../text/analysis.js';
import { MONTH_NUMBERS } from '../../text/calendar.js';
import { findNumbers } from '../../text/numbers.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const devItem = z.discriminatedUnion('answerable', [
  z.object({
    id: z.string(),
    question: z.string(),
    answerable: z.literal(true),
    /** Articles that hold the answer; a citation of any of them counts. */
    articles: z.array(z.string()).min(1),
    /** Any one of these, in a quote from one of those articles, is the expected fact. */
    facts: z.array(z.string()).min(1),
  }),
  z.object({ id: z.string(), question: z.string(), answerable: z.literal(false) }),
]);
export type DevItem = z.infer<typeof devItem>;

export interface EvalOutcome {
  id: string;
  answerable: boolean;
  retrieved: boolean;
  abstained: boolean;
  correct: boolean;
  /** Right, and its lead line agrees with the expected fact (its numbers, month, names): stricter. */
  leadCorrect: boolean;
  /** How much of the question the best sentence covers: what the abstention threshold cuts. */
  bestCoverage: number;
}

export interface EvalSummary {
  answerable: number;
  unanswerable: number;
  recallAtK: number;
  answeredCorrectly: number;
  /** Answered right with a lead line that agrees with the expected fact. */
  leadCorrect: number;
  abstainedCorrectly: number;
  outcomes: EvalOutcome[];
}

const K = 5;
const args = {
  set: { type: 'string', description: 'The dev set (JSON lines)', default: 'eval/dev-set.jsonl' },
  verbose: { type: 'boolean', description: 'List every question with its outcome' },
  'extra-corpus': {
    type: 'string',
    description: 'A folder of further articles to index beside the corpus, in a temporary index (the corpus and its index are not touched)',
  },
} as const;

export function evalCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'eval', description: 'Measure retrieval recall, answer accuracy and abstention on the dev set.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const items = await readDevSet(parsed.set);
      const extra = parsed['extra-corpus'] ? await withExtraCorpus(ctx.config, parsed['extra-corpus']) : undefined;
      let summary: EvalSummary;
      let engine: Engine;
      try {
        engine = await openEngine(extra ? { ...ctx, config: extra.config } : ctx);
        summary = await evaluate(engine, items);
      } finally {
        await extra?.cleanup();
      }
      if (parsed.verbose) {
        for (const o of summary.outcomes) {
          const detail = o.answerable ? `retrieved: ${o.retrieved}, abstained: ${o.abstained}` : `abstained: ${o.abstained}`;
          ctx.out(`${o.correct ? (o.leadCorrect ? 'ok  ' : 'ok~ ') : 'FAIL'} ${o.id} (${detail}, best coverage ${o.bestCoverage.toFixed(2)})`);
        }
      }
      const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
      ctx.out(`Mode: ${engine.mode}; ${items.length} questions (${summary.answerable} answerable, ${summary.unanswerable} not).`);
      ctx.out(`Retrieval recall@${K}: ${pct(summary.recallAtK, summary.answerable)}`);
      ctx.out(`Answered with the expected fact and a correct citation: ${pct(summary.answeredCorrectly, summary.answerable)} (${summary.answeredCorrectly}/${summary.answerable})`);
      ctx.out(`…and the lead line agrees with it (its date, number or name): ${pct(summary.leadCorrect, summary.answerable)} (${summary.leadCorrect}/${summary.answerable})`);
      ctx.out(`Abstained when the corpus has no answer: ${pct(summary.abstainedCorrectly, summary.unanswerable)} (${summary.abstainedCorrectly}/${summary.unanswerable})`);
    },
  });
}

export async function readDevSet(file: string): Promise<DevItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('bad-file', `Cannot read the dev set ${file}.`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new UserError('bad-file', `${file} line ${i + 1} is not valid JSON.`);
      }
      const parsed = devItem.safeParse(json);
      if (!parsed.success) throw new UserError('bad-file', `${file} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export async function evaluate(engine: Engine, items: readonly DevItem[]): Promise<EvalSummary> {
  const outcomes: EvalOutcome[] = [];
  for (const item of items) {
    const result = await engine.ask(item.question);
    const abstained = result.refusal !== undefined;
    const { retrieved, scored } = await engine.search(item.question);
    const bestCoverage = scored[0]?.coverage ?? 0;
    if (!item.answerable) {
      outcomes.push({ id: item.id, answerable: false, retrieved: false, abstained, correct: abstained, leadCorrect: abstained, bestCoverage });
      continue;
    }
    const hit = retrieved.slice(0, K).some((r) => item.articles.includes(r.chunk.docId));
    const correct = result.quotes.some(
      (q) => item.articles.includes(q.docId) && item.facts.some((fact) => fold(q.text).includes(fold(fact))),
    );
    const leadCorrect = correct && result.lead !== null && item.facts.some((fact) => leadAgrees(result.lead!, fact));
    outcomes.push({ id: item.id, answerable: true, retrieved: hit, abstained, correct, leadCorrect, bestCoverage });
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAtK: answerable.filter((o) => o.retrieved).length,
    answeredCorrectly: answerable.filter((o) => o.correct).length,
    leadCorrect: answerable.filter((o) => o.leadCorrect).length,
    abstainedCorrectly: unanswerable.filter((o) => o.abstained).length,
    outcomes,
  };
}

/**
 * Whether a lead line says the expected fact, in either language: its numbers ("200", "2024"),
 * its month ("août" ↔ "August"), its names ("Ken Ekman"); a fact with none of these (a reason,
 * a phrase) must be in the lead as written (the lead quotes the clause).
 */
export function leadAgrees(lead: string, fact: string): boolean {
  // Round numbers in words: "un millier" is "about a thousand" or "1 000".
  const said = fold(lead).replace(/\bthousands?\b|\bmilliers?\b/gu, '1000').replace(/\bhundreds?\b|\bcentaines?\b/gu, '100');
  fact = fact.replace(/\bmilliers?\b/giu, '1000').replace(/\bcentaines?\b/giu, '100');
  // Numbers by value, however written: "sept accords" is said "7 agreements" to an English reader.
  const numbers = findNumbers(fact).map((n) => n.value);
  const months = words(fact).flatMap((w) => (MONTH_NUMBERS.has(w) ? [MONTH_NUMBERS.get(w)!] : []));
  const names = [...fact.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}-]+/gu)].map((m) => fold(m[0])).filter((w) => w.length > 2 && !MONTH_NUMBERS.has(w));
  if (!numbers.length && !months.length && !names.length) return said.includes(fold(fact));
  const leadNumbers = new Set(findNumbers(said).map((n) => n.value));
  const leadMonths = new Set(words(lead).flatMap((w) => (MONTH_NUMBERS.has(w) ? [MONTH_NUMBERS.get(w)!] : [])));
  return (
    numbers.every((n) => leadNumbers.has(n)) &&
    months.every((m) => leadMonths.has(m)) &&
    (!names.length || names.some((name) => said.includes(name)))
  );
}

/**
 * A corpus of the configured articles plus those of `folder`, indexed in a temporary folder:
 * measuring on articles added the way users add them, without touching the corpus or its index.
 */
export async function withExtraCorpus(config: Config, folder: string): Promise<{ config: Config; cleanup: () => Promise<void> }> {
  let extra: string[];
  try {
    extra = (await readdir(folder)).filter((f) => /\.(?:md|txt|html?)$/iu.test(f));
  } catch {
    throw new UserError('bad-file', `Cannot read the folder of extra articles ${folder}.`);
  }
  if (!extra.length) throw new UserError('bad-file', `${folder} holds no articles (.md, .txt or .html files).`);
  const root = await mkdtemp(path.join(tmpdir(), 'dossier-extra-'));
  const corpusDir = path.join(root, 'corpus');
  await cp(config.corpusDir, corpusDir, { recursive: true });
  for (const file of extra) await cp(path.join(folder, file), path.join(corpusDir, file));
  return {
    config: { ...config, corpusDir, dataDir: path.join(root, 'data'), watchCorpus: false, model: { ...config.model } },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
