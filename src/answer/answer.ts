import type { Article, CitationMeta } from '../ingest/article.js';
import { splitSentences, type Span } from '../ingest/sentences.js';
import type { SearchIndex } from '../index/search-index.js';
import { conceptHolds, type QueryConcept } from '../retrieve/concepts.js';
import { indexTerms } from '../text/analysis.js';
import type { RetrievedChunk } from '../retrieve/hybrid.js';
import { mentionsDate, withoutDates } from '../text/date-mentions.js';
import type { Intent } from './question.js';

export interface Citation extends CitationMeta {
  n: number;
  /** Verbatim from the article's cleaned text, at [start, end). */
  quote: string;
  docId: string;
  start: number;
  end: number;
}

export interface ScoredSentence {
  article: Article;
  span: Span;
  text: string;
  /** Share of the question's weight (idf) that the sentence covers, 0 to 1. */
  coverage: number;
  score: number;
  /** Has what the question asks for: a date for "when", a number for "how many"… */
  fitsIntent: boolean;
}

export interface AnswerTuning {
  /** Below this coverage the best sentence does not answer the question: abstain. */
  minCoverage: number;
  /** Extra quotes must reach this share of the best one's score… */
  companionRatio: number;
  /** …or this lower share when they hold what the question asks for (another date for "when"). */
  intentCompanionRatio: number;
  maxQuotes: number;
}

export const DEFAULT_TUNING: AnswerTuning = { minCoverage: 0.6, companionRatio: 0.85, intentCompanionRatio: 0.6, maxQuotes: 3 };

const NEIGHBOUR_SHARE = 0.5;
// A "when" answer without a date (or "how many" without a number) is at best half an answer.
const MISSED_INTENT_FACTOR = 0.75;

interface AnalysedSentence {
  span: Span;
  terms: string[];
}
const sentenceCache = new WeakMap<Article, AnalysedSentence[]>();

/**
 * Every sentence of the retrieved chunks, scored against the question, best first. A word of the
 * question found only in a neighbouring sentence counts half: facts often span two sentences.
 */
export function scoreSentences(
  index: SearchIndex,
  concepts: readonly QueryConcept[],
  retrieved: readonly RetrievedChunk[],
  intent: Intent,
): ScoredSentence[] {
  const weights = concepts.map((concept) => conceptWeight(index, concept));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!total) return [];
  // A "how many" answer needs a number the question does not already give ("la base 201").
  const askedNumbers = new Set(concepts.filter((c) => /^\d+$/.test(c.word)).map((c) => c.word));
  const seen = new Set<string>();
  const scored: ScoredSentence[] = [];
  retrieved.forEach((entry, rank) => {
    const article = index.articles.get(entry.chunk.docId);
    if (!article) return;
    const sentences = sentencesOf(article);
    // The source's name ("the AFP article") holds in all the article's sentences.
    const sourceTerms = indexTerms(article.source ?? '', article.language);
    sentences.forEach((sentence, i) => {
      const key = `${article.id}:${sentence.span.start}`;
      if (sentence.span.start < entry.chunk.start || sentence.span.end > entry.chunk.end || seen.has(key)) return;
      seen.add(key);
      const neighbours = [sentences[i - 1], sentences[i + 1]].filter((n) => n !== undefined);
      let covered = 0;
      concepts.forEach((concept, c) => {
        if (conceptHolds(sentence.terms, concept) || (concept.specific && conceptHolds(sourceTerms, concept))) covered += weights[c]!;
        else if (neighbours.some((n) => conceptHolds(n.terms, concept))) covered += weights[c]! * NEIGHBOUR_SHARE;
      });
      const coverage = covered / total;
      const text = article.text.slice(sentence.span.start, sentence.span.end);
      const fits = fitsIntent(text, intent, askedNumbers);
      const score = coverage * (fits ? 1 : MISSED_INTENT_FACTOR) + 0.05 / (rank + 1);
      scored.push({ article, span: sentence.span, text, coverage, score, fitsIntent: fits && intent !== 'other' });
    });
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** The quotes that answer, or none when the best sentence does not cover enough of the question. */
export function selectQuotes(scored: readonly ScoredSentence[], tuning: AnswerTuning = DEFAULT_TUNING): ScoredSentence[] {
  const best = scored[0];
  if (!best || best.coverage < tuning.minCoverage) return [];
  const chosen = [best];
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= tuning.maxQuotes) break;
    const ratio = candidate.fitsIntent ? tuning.intentCompanionRatio : tuning.companionRatio;
    if (candidate.coverage < tuning.minCoverage || candidate.score < best.score * ratio) continue;
    if (chosen.some((c) => nearDuplicate(c.text, candidate.text))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Numbered citations for the quotes. A quote that is not, character for character, the text of its
 * article at its offsets is dropped: nothing unverifiable is ever shown.
 */
export function cite(quotes: readonly ScoredSentence[]): Citation[] {
  return quotes
    .filter(({ article, span, text }) => article.text.slice(span.start, span.end) === text && text.length > 0)
    .map(({ article, span, text }, i) => ({
      n: i + 1,
      title: article.title,
      source: article.source,
      url: article.url,
      published: article.published,
      quote: text,
      docId: article.id,
      start: span.start,
      end: span.end,
    }));
}

// A word weighs by its rarity (idf): the commonest of its alternatives, a phrase by its rarest
// term. A common word that cannot be checked against the articles (untranslated, or found in
// none of them) weighs half, since its absence may be the glossary's; a name or number found
// nowhere keeps its full weight.
function conceptWeight(index: SearchIndex, concept: QueryConcept): number {
  const idf = Math.min(...concept.alternatives.map((terms) => Math.max(...terms.map((term) => index.keyword.idf(term)))));
  const unseen = concept.alternatives.every((terms) => terms.some((term) => !index.keyword.documentFrequency.has(term)));
  return concept.untranslated || (unseen && !concept.specific) ? idf / 2 : idf;
}

function sentencesOf(article: Article): AnalysedSentence[] {
  let sentences = sentenceCache.get(article);
  if (!sentences) {
    sentences = splitSentences(article.text).map((span) => ({
      span,
      terms: indexTerms(article.text.slice(span.start, span.end), article.language),
    }));
    sentenceCache.set(article, sentences);
  }
  return sentences;
}



function fitsIntent(text: string, intent: Intent, askedNumbers: ReadonlySet<string>): boolean {
  switch (intent) {
    case 'why':
      return /\b(vis(e|ait|ant|aient) à|afin de|pour (lutter|assurer|permettre|éviter)|en raison|parce que|because|in order to|aim(s|ed)? to)\b/iu.test(text);
    case 'when':
      return mentionsDate(text);
    case 'count':
      return (
        (withoutDates(text).match(/\d+/g) ?? []).some((n) => !askedNumbers.has(n)) ||
        /\b(millier|centaine|dizaine|million|milliard|thousand|hundred)s?\b/i.test(text)
      );
    case 'who':
      return /\s\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u.test(text);
    default:
      return true;
  }
}

function nearDuplicate(a: string, b: string): boolean {
  const wordsA = new Set(a.toLowerCase().split(/\W+/u));
  const wordsB = new Set(b.toLowerCase().split(/\W+/u));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.min(wordsA.size, wordsB.size) > 0.7;
}
