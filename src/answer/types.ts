// The structured answer the engine returns and each adapter renders (CLI text, --json, Discord).
import type { CitationMeta } from '../ingest/article.js';
import type { Language } from '../text/analysis.js';

export type Intent = 'when' | 'count' | 'who' | 'where' | 'standfor' | 'yesno' | 'why' | 'how' | 'other';

/** One article the answer draws on: quotes from one article share its number. */
export interface AnswerSource extends CitationMeta {
  n: number;
  docId: string;
}

/** A verbatim quote: `article.text.slice(start, end) === text`, checked before it is shown. */
export interface AnswerQuote {
  /** The number of its source. */
  n: number;
  text: string;
  docId: string;
  start: number;
  end: number;
}

export type RefusalReason =
  /** Nothing in the articles says enough of what was asked. */
  | 'not-found'
  /** The question names something (a person, a place, an organisation) the articles never mention. */
  | 'unknown-name'
  /** The articles speak of it, but without what was asked: no date for "when", no number for "how many"… */
  | 'missing-answer-type'
  /** Nothing found for a question written in neither French nor English. */
  | 'other-language';

export interface Refusal {
  reason: RefusalReason;
  /** The question's names that no article mentions (for 'unknown-name'). */
  unknown?: string[];
  /** The articles nearest to the question: what the corpus does cover (one to three). */
  nearest: AnswerSource[];
}

export interface Answer {
  /** The question as asked (trimmed). */
  question: string;
  /** The question's language: the answer's too. */
  language: Language;
  intent: Intent;
  /** One short line that answers, in the question's language; null when only quotes can be shown. */
  lead: string | null;
  quotes: AnswerQuote[];
  sources: AnswerSource[];
  /** Set exactly when the articles do not answer; quotes and sources are then empty. */
  refusal?: Refusal;
}
