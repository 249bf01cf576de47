import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { UserError } from '../../errors.js';
import { fold } from '../../text/analysis.js';
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
  /** How much of the question the best sentence covers: what the abstention threshold cuts. */
  bestCoverage: number;
}

export interface EvalSummary {
  answerable: number;
  unanswerable: number;
  recallAtK: number;
  answeredCorrectly: number;
  abstainedCorrectly: number;
  outcomes: EvalOutcome[];
}

const K = 5;
const args = {
  set: { type: 'string', description: 'The dev set (JSON lines)', default: 'eval/dev-set.jsonl' },
  verbose: { type: 'boolean', description: 'List every question with its outcome' },
} as const;

export function evalCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'eval', description: 'Measure retrieval recall, answer accuracy and abstention on the dev set.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const items = await readDevSet(parsed.set);
      const engine = await openEngine(ctx);
      const summary = await evaluate(engine, items);
      if (parsed.verbose) {
        for (const o of summary.outcomes) {
          const detail = o.answerable ? `retrieved: ${o.retrieved}, abstained: ${o.abstained}` : `abstained: ${o.abstained}`;
          ctx.out(`${o.correct ? 'ok  ' : 'FAIL'} ${o.id} (${detail}, best coverage ${o.bestCoverage.toFixed(2)})`);
        }
      }
      const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
      ctx.out(`Mode: ${engine.mode}; ${items.length} questions (${summary.answerable} answerable, ${summary.unanswerable} not).`);
      ctx.out(`Retrieval recall@${K}: ${pct(summary.recallAtK, summary.answerable)}`);
      ctx.out(`Answered with the expected fact and a correct citation: ${pct(summary.answeredCorrectly, summary.answerable)} (${summary.answeredCorrectly}/${summary.answerable})`);
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
      outcomes.push({ id: item.id, answerable: false, retrieved: false, abstained, correct: abstained, bestCoverage });
      continue;
    }
    const hit = retrieved.slice(0, K).some((r) => item.articles.includes(r.chunk.docId));
    const correct = result.quotes.some(
      (q) => item.articles.includes(q.docId) && item.facts.some((fact) => fold(q.text).includes(fold(fact))),
    );
    outcomes.push({ id: item.id, answerable: true, retrieved: hit, abstained, correct, bestCoverage });
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAtK: answerable.filter((o) => o.retrieved).length,
    answeredCorrectly: answerable.filter((o) => o.correct).length,
    abstainedCorrectly: unanswerable.filter((o) => o.abstained).length,
    outcomes,
  };
}
