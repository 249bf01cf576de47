import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import type { Engine } from '../../engine.js';
import { isUserError, UserError } from '../../errors.js';
import { validateQuestion } from '../../answer/question.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';
import { renderText, toJson } from '../render.js';

const args = {
  question: { type: 'positional', required: false, description: 'The question, in English or French' },
  json: { type: 'boolean', description: 'Print one JSON object (per question) instead of text' },
  batch: { type: 'string', description: 'A JSON-lines file of {"id","question"} to answer in one run' },
} as const;

export function askCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'ask', description: 'Answer a question from the articles, with verbatim cited quotes.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const question = parsed._.join(' ');
      if (parsed.batch && question) throw new UserError('bad-usage', 'Give either a question or --batch FILE, not both.');
      if (parsed.batch && !parsed.json) throw new UserError('bad-usage', '--batch prints JSON lines: add --json.');
      if (!parsed.batch && !question.trim()) throw new UserError('bad-usage', 'Ask a question, e.g.: npm run ask -- "When did US troops leave Agadez?"');
      // A question that cannot be asked is refused before any index work.
      if (!parsed.batch) validateQuestion(question, ctx.config.maxQuestionChars);
      const lines = parsed.batch ? await readBatch(parsed.batch) : null;
      const engine = await openEngine(ctx);
      if (lines) {
        for (const line of lines) ctx.out(JSON.stringify(await answerBatchLine(engine, line)));
        return;
      }
      const result = await engine.ask(question);
      if (parsed.json) ctx.out(JSON.stringify(toJson(result)));
      else ctx.out(renderText(result, engine.keywordOnlyReason));
    },
  });
}

interface BatchLine {
  lineNumber: number;
  id?: unknown;
  question?: unknown;
  error?: string;
}

async function readBatch(file: string): Promise<BatchLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError('bad-file', `Cannot read the batch file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return text.split('\n').flatMap((line, i): BatchLine[] => {
    if (!line.trim()) return [];
    try {
      const parsed = JSON.parse(line) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return [{ lineNumber: i + 1, error: `line ${i + 1} is not a JSON object` }];
      const { id, question } = parsed as { id?: unknown; question?: unknown };
      return [{ lineNumber: i + 1, id, question }];
    } catch {
      return [{ lineNumber: i + 1, error: `line ${i + 1} is not valid JSON` }];
    }
  });
}

// One bad line gets an error object in its place; the rest of the batch is still answered.
async function answerBatchLine(engine: Engine, line: BatchLine): Promise<object> {
  const id = line.id ?? null;
  if (line.error) return { id, error: line.error };
  if (typeof line.question !== 'string') return { id, error: `line ${line.lineNumber} has no "question" string` };
  try {
    return { id, ...toJson(await engine.ask(line.question)) };
  } catch (error) {
    if (isUserError(error)) return { id, question: line.question, error: error.message };
    throw error;
  }
}
