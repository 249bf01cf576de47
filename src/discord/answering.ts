import { UserError } from '../errors.js';
import { validateQuestion } from '../answer/question.js';
import type { AskResult } from '../engine.js';
import type { BotContext } from './command.js';
import { answerPayload, type MessagePayload } from './format.js';

/**
 * Checks the question and the user's rate before anything is sent, so a refusal can be private
 * and nothing is queued; returns the question to answer.
 */
export function admitQuestion(ctx: BotContext, userId: string, raw: string): string {
  const question = validateQuestion(raw, ctx.config.maxQuestionChars);
  const waitMs = ctx.rateLimiter.attempt(userId);
  if (waitMs > 0) {
    const limit = ctx.config.discord.ratePerMinute;
    const seconds = Math.ceil(waitMs / 1000);
    throw new UserError('rate-limited', {
      en: `You are asking quickly: the limit is ${limit} questions a minute. Ask again in ${seconds} s.`,
      fr: `Vous posez vos questions très vite : la limite est de ${limit} questions par minute. Réessayez dans ${seconds} s.`,
    });
  }
  return question;
}

/**
 * Answers in turn with the other questions, as a message payload. With a writer configured,
 * `showProgress` receives the answer each time the guard accepts one more written sentence (to
 * edit the reply as the model writes); the payload returned is the final one.
 */
export async function answerInQueue(ctx: BotContext, question: string, showProgress?: (payload: MessagePayload) => Promise<unknown>): Promise<MessagePayload> {
  // Edits go one after another, so an earlier one never lands over a later one.
  let shown: Promise<unknown> = Promise.resolve();
  const onWriting = showProgress && ((partial: AskResult) => {
    shown = shown.then(() => showProgress(answerPayload(partial, ctx.engine.keywordOnlyReason))).catch((error: unknown) => ctx.log.failure('could not show the answer being written', error));
  });
  const result = await ctx.answers.add(() => ctx.engine.ask(question, onWriting));
  await shown;
  return answerPayload(result, ctx.engine.keywordOnlyReason);
}
