import { UserError } from '../errors.js';
import { validateQuestion } from '../answer/question.js';
import type { AskResult } from '../engine.js';
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
 * answer is remembered under `key` for its buttons (attach the sent message's id to it). With a
 * writer configured, `showProgress` receives the answer each time the guard accepts one more
 * written sentence (to edit the reply as the model writes), without buttons until it is final.
 */
export async function answerInQueue(
  ctx: BotContext,
  question: string,
  reader: { userId: string; lang: Lang },
  options: { followUp?: { asked: string; previous: string }; showProgress?: (payload: MessagePayload) => Promise<unknown> } = {},
): Promise<{ payload: MessagePayload; key: string }> {
  const { followUp, showProgress } = options;
  // Edits go one after another, so an earlier one never lands over a later one.
  let shown: Promise<unknown> = Promise.resolve();
  const onWriting =
    showProgress &&
    ((partial: AskResult) => {
      const payload = { ...answerPayload(partial, ctx.engine.keywordOnlyReason, { lang: reader.lang, followUp }), components: [] };
      shown = shown.then(() => showProgress(payload)).catch((error: unknown) => ctx.log.failure('could not show the answer being written', error));
    });
  const result = await ctx.answers.add(() => ctx.engine.ask(question, onWriting));
  await shown;
  const key = ctx.memory.remember({ result, askerId: reader.userId, lang: reader.lang });
  return { payload: answerPayload(result, ctx.engine.keywordOnlyReason, { lang: reader.lang, key, followUp }), key };
}
