// The structured answer as the command line shows it: text for a person, and the JSON contract
// scripts read ({question, lead, answer, abstained, mode, citations}, and writer when a model wrote the text).
import { formatCitationSource, quoted, quotesInLead, writerNote } from '../answer/format.js';
import { refusalText } from '../answer/refusal.js';
import type { AskResult } from '../engine.js';

/** The stable JSON shape other tools read: absent metadata is null, never a missing key. */
export function toJson(result: AskResult) {
  const sourceOf = (n: number) => result.sources.find((s) => s.n === n)!;
  return {
    question: result.question,
    lead: result.lead,
    answer: answerText(result),
    abstained: result.refusal !== undefined,
    mode: result.mode,
    citations: result.quotes.map((quote) => {
      const source = sourceOf(quote.n);
      return { n: quote.n, title: source.title, source: source.source ?? null, url: source.url ?? null, published: source.published ?? null, quote: quote.text };
    }),
    ...(result.writer ? { writer: { model: result.writer.model, accepted: result.writer.accepted, dropped: result.writer.dropped } } : {}),
  };
}

/** The answer in words: the lead (or the writer's checked sentences), then the quotes with their source numbers; or the refusal. */
export function answerText(result: AskResult): string {
  if (result.refusal) return refusalText(result.refusal, result.language, 'Try other words, or ask about one of these articles.', "Essayez d'autres mots, ou posez une question sur l'un de ces articles.");
  // A lead that quotes a clause whole is that quote: it is not printed again below it.
  const repeated = quotesInLead(result);
  const quotes = result.quotes.filter((q) => result.writer || !repeated.has(q)).map((q) => `${quoted(q.text)} [${q.n}]`);
  const opening = result.writer ? result.writer.sentences.join(' ') : result.lead;
  return [opening, ...quotes].filter(Boolean).join('\n');
}

export function renderText(result: AskResult, keywordOnlyReason: string | undefined): string {
  const lines = [answerText(result)];
  if (result.sources.length) {
    lines.push('', result.language === 'fr' ? 'Sources :' : 'Sources:');
    for (const source of result.sources) lines.push(`[${source.n}] ${formatCitationSource(source)}`);
  }
  if (result.writer) lines.push('', `(${writerNote(result.writer, result.language)})`);
  if (keywordOnlyReason) lines.push('', `(Keyword-only mode: ${keywordOnlyReason}.)`);
  return lines.join('\n');
}
