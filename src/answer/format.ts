import type { CitationMeta } from '../ingest/article.js';
import type { Language } from '../text/analysis.js';
import type { AnswerQuote } from './types.js';

/** "Title — Source, 2024-07 — url": what a reader needs to find and check the article. */
export function formatCitationSource(meta: CitationMeta): string {
  const origin = [meta.source, meta.published].filter(Boolean).join(', ');
  return [meta.title, origin, meta.url].filter(Boolean).join(' — ');
}

/**
 * A verbatim quote as shown to readers. English quotation marks, because the French quotes often
 * hold « » themselves.
 */
export function quoted(text: string): string {
  return `“${text}”`;
}

/**
 * What the reader is told when a model wrote the answer's text: which model, and that each sentence
 * was checked against the quotes it cites.
 */
export function writerNote(writer: { model: string; accepted: number; dropped: number }, language: Language): string {
  const dropped = writer.dropped ? (language === 'fr' ? `, ${writer.dropped} écartée(s)` : `, ${writer.dropped} dropped`) : '';
  return language === 'fr'
    ? `Texte écrit par ${writer.model} à partir des citations, chaque phrase vérifiée (${writer.accepted} gardée(s)${dropped})`
    : `Text written by ${writer.model} from the quotes, each sentence checked (${writer.accepted} kept${dropped})`;
}

/** The quotes a lead already quotes whole (why/how/other leads are the best clause): shown once, not twice. */
export function quotesInLead(answer: { lead: string | null; quotes: readonly AnswerQuote[] }): Set<AnswerQuote> {
  const lead = answer.lead;
  return new Set(lead ? answer.quotes.filter((q) => lead.includes(q.text)) : []);
}
