import { UserError } from '../errors.js';
import { validateQuestion } from '../answer/question.js';
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

/** Answers in turn with the other questions, as a message payload. */
export async function answerInQueue(ctx: BotContext, question: string): Promise<MessagePayload> {
  const result = await ctx.answers.add(() => ctx.engine.ask(question));
  return answerPayload(result, ctx.engine.keywordOnlyReason);
}
