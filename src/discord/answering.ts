import { UserError } from '../errors.js';
import { validateQuestion } from '../answer/question.js';
import type { BotContext } from './command.js';
import { answerPayload, type MessagePayload } from './format.js';
import { CATALOGUE, type Lang } from './strings.js';

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
    throw new UserError('rate-limited', { en: CATALOGUE.en['error.rateLimited'](limit, seconds), fr: CATALOGUE.fr['error.rateLimited'](limit, seconds) });
  }
  return question;
}

/**
 * Answers in turn with the other questions, as a message payload in the reader's language; the
 * answer is remembered under `key` for its buttons (attach the sent message's id to it).
 */
export async function answerInQueue(
  ctx: BotContext,
  question: string,
  reader: { userId: string; lang: Lang },
  followUp?: { asked: string; previous: string },
): Promise<{ payload: MessagePayload; key: string }> {
  const result = await ctx.answers.add(() => ctx.engine.ask(question));
  const key = ctx.memory.remember({ result, askerId: reader.userId, lang: reader.lang });
  return { payload: answerPayload(result, ctx.engine.keywordOnlyReason, { lang: reader.lang, key, followUp }), key };
}
