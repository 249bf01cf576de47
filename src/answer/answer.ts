// From retrieved chunks to an answer: every sentence scored against the question, the span that
// answers it found in the clause that speaks of what was asked, a lead line, at most two short
// verbatim quotes, one source per article; or a refusal that says why and what is nearest.
// In: the index, the analysed question, its concepts, the retrieved chunks. Out: an Answer.
import type { Article } from '../ingest/article.js';
import { splitSentences, type Span } from '../ingest/sentences.js';
import type { IndexView } from '../index/view.js';
import { conceptHolds, termsStartingWith, withSiblings, type QueryConcept } from '../retrieve/concepts.js';
import { COUNTRY_OF_WORD, FRENCH_COUNTRY_NAMES } from '../retrieve/lexicon-world.js';
import type { RetrievedChunk } from '../retrieve/hybrid.js';
import { fold, indexTerms, stem, words } from '../text/analysis.js';
import { MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_NUMBERS } from '../text/calendar.js';
import { clauseSpans, speaksOfFuture, type TextSpan } from '../text/clauses.js';
import { findDates, parsePublished, type DateValue } from '../text/dates.js';
import { isDictionaryWord } from '../text/dictionary.js';
import { slices, type Pace } from '../text/slices.js';
import { composeLead } from './lead.js';
import { isMoneyWord, isPlanWord, ROLE_AT_START, ROLE_WORDS, type AnalysedQuestion } from './question.js';
import { answerSpans, dateSpans, isNegated, ORIGIN_ADJECTIVE, placeNames, type AnswerSpan } from './spans.js';
import type { Answer, AnswerQuote, AnswerSource, Intent, Refusal } from './types.js';

export interface ScoredSentence {
  article: Article;
  /** The sentence in the article. */
  span: Span;
  text: string;
  /** Share of the question's weight (idf) the sentence covers, neighbours at half: 0 to 1. */
  coverage: number;
  /** The part of the sentence that answers (a date, a number, a name…), relative to the sentence. */
  answer?: AnswerSpan;
  /** Share of the question's weight in the clause around the answer (or the best clause). */
  focus: number;
  /** The clause(s) to quote, relative to the sentence. */
  excerpt: TextSpan;
  /** Has the type of answer the question wants (always true for questions any clause answers). */
  fitsIntent: boolean;
  score: number;
}

export interface AnswerTuning {
  /** Least coverage for an answer of the asked type (a date for "when"…). */
  minTypedCoverage: number;
  /** Least coverage for questions any clause may answer (why, how, yes/no, other). */
  minCoverage: number;
  /** A second quote must score this share of the first. */
  companionRatio: number;
  maxQuotes: number;
}

// Tuned on the development sets only (eval/dev-set, casual-dev, people-dev). The embedding model's
// sentence similarity was tried as a further term and left out: it never helped (README, Quality).
export const DEFAULT_TUNING: AnswerTuning = { minTypedCoverage: 0.4, minCoverage: 0.4, companionRatio: 0.8, maxQuotes: 2 };

const NEIGHBOUR_SHARE = 0.5;
// A tie-breaker, smaller than the retrieval rank's own (0.03): measured on the development sets, it moved one answer.
const EXACT_WORD_WEIGHT = 0.02;
// A question that names whose account it asks for ("according to AFP", "selon RFI").
const ACCORDING_TO = /(?<![\p{L}])(?:according to|selon|d'après|d’après|says|said|dit|in the \p{L}+ (?:article|report|story)|dans l'article)(?![\p{L}])/iu;
// A question's verb of saying, and a sentence that reports words: quoted, or with a verb of saying.
const SAYING_WORD = /^(?:dire|dit|disent|disait|repond\p{L}*|reagi\p{L}*|reaction|repliqu\p{L}*|retorqu\p{L}*|declar\p{L}*|say|says|said|tell|told|respond\p{L}*|repl(?:y|ied|ies)|react\p{L}*|answer\p{L}*)$/u;
// ("le Bénin a répondu quoi", "qu'a dit le maire", "what did the minister say"; not "Washington dit soutenir…")
// The question's verb of describing ("describe", "qualifient", "décrit"), which a description answers without saying it.
// (and the way it goes: "how is the pullout supposed to go", "ça doit se passer comment")
const DESCRIBING_WORD = /^(?:describ\p{L}*|characteri[sz]\p{L}*|portray\p{L}*|qualifi\p{L}*|decri\p{L}*|decriv\p{L}*|caracteris\p{L}*|go|unfold|proceed|passer|deroul\p{L}*)$/u;
const ASKS_WORDS_SAID =
  /(?:dit|dire|répondu|repondu|réagi|reagi|déclaré|declare|say|said|respond|reply|react)\p{L}*\s+(?:quoi|what)(?![\p{L}])|(?:qu['’]a|qu['’]ont|que)\s*(?:-t-\p{L}+\s+)?(?:dit|répondu|repondu|déclaré)|qu['’]est-ce\s+qu(?:e\s|['’]).{1,60}?\s(?:a|ont|avait|avaient|aurait)\s+(?:dit|répondu|repondu|déclaré|declare)(?![\p{L}])|what did\s.{1,60}?(?:say|respond|reply|answer|tell)(?![\p{L}])/iu;
const REPORTED_SPEECH = new RegExp(
  `[«“]|(?<![\\p{L}])(?:r[ée])?(?:déclar|annon[cç]|affirm|répond|réagi|répliqu|rétorqu|expliqu|indiqu|dénon[cç]|rejet|estim|soulign|assur|said|says|stated|announced|replied|responded|denounced|rejected|told)\\p{L}*`,
  'iu',
);
// A sentence that answers "who" with a role only, against one that names someone.
const ROLE_ANSWER_FACTOR = 0.85;
// How much less a role weighs than a name as the answer to "who" (a share of the question's weight).
const ROLE_PENALTY = 0.2;

// A heading ("Rencontre cruciale entre…") names a subject; it does not state an answer.
const HEADING = /^[^.!?»"”]{0,120}$/u;
// A "why" sentence with no marked reason ("afin de", "because") may answer, less surely.
const UNMARKED_REASON_FACTOR = 0.85;
// A reason marked as one ("visait à") answers "why" on this share of the coverage a typed answer needs.
const MARKED_REASON_SHARE = 0.75;
// "Where" answered by a name after "du" ("les autorités du Niger"), against a place after "à", "dans".
const GENITIVE_PLACE_FACTOR = 0.85;
// A later article reporting an event as done outranks an announcement of it scoring up to this much more.
const REPORT_OVER_PLAN_RATIO = 0.7;
// A sentence without the asked type of answer can still be shown, but never above one that has it.
const MISSED_INTENT_FACTOR = 0.6;
const FOCUS_WEIGHT = 0.3;
// Yes or no is said of what the question relates, not of its names: most of that must be in the sentence.
const YESNO_RELATION = 0.5;
// A figure that is not a year: "72 milliards", "400 bureaux", "61 %".
const COUNT_FIGURE = /(?<![\p{L}\p{N}])(?!(?:19|20)\d{2}(?!\p{N}))\d[\d  .,]*(?![\p{L}\p{N}])/u;
// How much a question word counts toward an answer span's focus, by clauses between them.
const CLAUSE_DECAY = [1, 0.6, 0.4, 0.25];
const MAX_EXCERPT = 260;

interface AnalysedSentence {
  span: Span;
  terms: string[];
  /** statesSomething, read at the first question that scores the sentence (it does not depend on the question). */
  states?: boolean;
}
const sentenceCache = new WeakMap<Article, AnalysedSentence[]>();
const placeCache = new WeakMap<Article, Set<string>>();
function placesOf(article: Article): Set<string> {
  let places = placeCache.get(article);
  if (!places) placeCache.set(article, (places = placeNames(article.text)));
  return places;
}
const placeTermsCache = new WeakMap<Article, string[][]>();
/** The article's places, analysed: to tell which of the question's names are places. */
function placeTermsOf(article: Article): string[][] {
  let terms = placeTermsCache.get(article);
  if (!terms) placeTermsCache.set(article, (terms = [...placesOf(article)].map((place) => indexTerms(place, article.language))));
  return terms;
}

export interface Weighing {
  concepts: readonly QueryConcept[];
  weights: number[];
  total: number;
}

/** Each concept's weight: its rarity in the index (idf). */
export function weigh(index: IndexView, concepts: readonly QueryConcept[]): Weighing {
  const weights = concepts.map((concept) => conceptWeight(index, concept));
  return { concepts, weights, total: weights.reduce((sum, w) => sum + w, 0) };
}

/**
 * Every sentence of the retrieved chunks, scored against the question, best first. A word of the
 * question found only in a neighbouring sentence counts half: facts often span two sentences.
 * Scored in slices with turns of the event loop between them (a question's sentences took 143 ms
 * p50, 352 ms p95 of one thread on a busy machine, README "Large corpora").
 */
export async function scoreSentences(
  question: AnalysedQuestion,
  weighing: Weighing,
  retrieved: readonly RetrievedChunk[],
  /** The corpus's names (corpusNames). */
  names: ReadonlySet<string>,
  pace: Pace = slices(),
): Promise<ScoredSentence[]> {
  const { concepts, weights, total } = weighing;
  if (!total) return [];
  // What depends on the question alone, read once for all its sentences.
  const askedRoles = question.askedRole ? concepts.filter((c) => c.word === fold(question.askedRole!)) : [];
  // The names the question gives, typed capitalised or not ("agadez" is a name: the articles write it "Agadez").
  // (Not a common word whose glossary lists an acronym among its translations: "hospital", "CHU".)
  const named = concepts.filter(
    (c) => !/^\d+$/.test(c.word) && (c.specific || c.alternatives.some((terms, i) => terms.every((t) => names.has(t)) && (i === 0 || terms.some((t) => t.length > 3)))),
  );
  const counted = new Set(question.counted.map(fold));
  const askedVerb = question.intent === 'who' ? verbAsked(question.text, concepts) : undefined;
  const relationTotal = concepts.reduce((sum, c, i) => sum + (named.includes(c) ? 0 : weights[i]!), 0);
  const context: QuestionContext = {
    named,
    askedVerb,
    countQualifiers: concepts.filter((c) => counted.has(c.word) && ORIGIN_ADJECTIVE.test(c.word)).map(withSiblings),
    priced: question.wantsMoney ? concepts.filter((c) => !isMoneyWord(c.word)) : [],
    askedNumbers: new Set(concepts.filter((c) => /^\d+$/.test(c.word)).map((c) => c.word)),
    acronyms: acronymsOf(question.text),
    askedRoles,
    roleQualifiers: qualifiersOf(question, concepts, askedRoles),
    askedCountries: countriesAsked(question),
  };
  // "Did they leave in August 2024?": the dates a yes or no is said of (with their year written).
  const askedDates = question.intent === 'yesno' ? findDates(question.text, { isFuture: () => false }).filter((d) => !d.yearUncertain).map((d) => d.value) : [];
  // "according to AFP", "selon RFI": only that outlet's articles answer.
  const outletTerms = (article: Article) => indexTerms(article.source ?? '', article.language);
  const askedOutlets = ACCORDING_TO.test(question.text) ? concepts.filter((c) => retrieved.some((e) => conceptHolds(outletTerms(e.article), c))) : [];
  // A year the question gives ("the second phase in 2026") must be the sentence's, its neighbours' or its article's.
  const askedYears = concepts.filter((c) => /^(?:19|20)\d{2}$/u.test(c.word));
  // "Le Bénin a répondu quoi", "what did the mayor say": the words said answer, not "la réaction ne s'est pas fait attendre".
  const asksWordsSaid = question.intent === 'other' && ASKS_WORDS_SAID.test(question.text);
  const sayingConcepts = new Set(concepts.filter((c) => SAYING_WORD.test(c.word)));
  const describingConcepts = new Set(question.asksDescription ? concepts.filter((c) => DESCRIBING_WORD.test(c.word)) : []);
  const conceptWords = concepts.map((concept) => words(concept.word));
  const seen = new Set<string>();
  const scored: ScoredSentence[] = [];
  // Near ties between sentences are broken by the keyword ranking, the evidence the sentence scores are
  // made of; a chunk only the dense ranking found comes after (measured: breaking them by the fused rank
  // made hybrid answer one question worse than keyword mode, eval:e5 2026-12-05).
  const byKeyword = [...retrieved].sort((a, b) => (a.keywordRank ?? Infinity) - (b.keywordRank ?? Infinity));
  for (const [rank, entry] of byKeyword.entries()) {
    await pace();
    const article = entry.article;
    if (!askedOutlets.every((c) => conceptHolds(outletTerms(article), c))) continue;
    const sentences = sentencesOf(article);
    // The source's name and the article's date ("the AFP article", "the March meeting") hold in
    // all of the article's sentences.
    const sourceTerms = indexTerms([article.source ?? '', ...dateWords(article.published)].join(' '), article.language);
    const titleTerms = indexTerms(article.title, article.language);
    const ledeTerms = ledeOf(article, sentences);
    const published = parsePublished(article.published);
    // The places the question names that the article writes as places, other than the one all of it is
    // about (its title's or opening's): a sentence of the article without them, that places what it says
    // elsewhere, speaks of another place ("combien de cas dans le Gard": not "cinquante-deux… dans l'Hérault").
    // (a word typed in lower case is such a place when it is all of the place's name: "gard", "le Gard")
    const askedPlaces =
      question.intent === 'where' ? [] : concepts.filter((c) => placeTermsOf(article).some((terms) => isWholeName(terms, c)) && !conceptHolds(titleTerms, c) && !conceptHolds(ledeTerms, c));
    for (const [i, sentence] of sentences.entries()) {
      const key = `${article.id}:${sentence.span.start}`;
      if (sentence.span.start < entry.chunk.start || sentence.span.end > entry.chunk.end || seen.has(key)) continue;
      await pace();
      seen.add(key);
      const neighbours = [sentences[i - 1], sentences[i + 1]].filter((n) => n !== undefined);
      const text = article.text.slice(sentence.span.start, sentence.span.end);
      const neighbourTerms = neighbours.flatMap((n) => n.terms);
      const located = locateAnswer(text, article, question, weighing, { ...context, neighbourTerms, articleTerms: [...titleTerms, ...ledeTerms, ...sourceTerms] });
      const reportsSpeech = REPORTED_SPEECH.test(text);
      let covered = 0;
      let relationCovered = 0;
      concepts.forEach((concept, c) => {
        let share = 0;
        // "When are they supposed to leave": a date still to come says "supposed" by its tense.
        // ("when is the line shut this summer": a date in July says "summer")
        // "Who represented the Pentagon": "Celeste Wallander du Pentagone" says the asked verb by its construction.
        const saysAskedVerb = concept === askedVerb && located.answer?.ofGivenName === true;
        // "Le Bénin a répondu quoi": words reported in any way ("a rejeté « des accusations… »", "a-t-il déclaré") answer it.
        const saidAsAsked = sayingConcepts.has(concept) && reportsSpeech;
        // "How did they describe the withdrawal": "le retrait se veut ordonné" describes it without the word.
        const describedAsAsked = describingConcepts.has(concept) && located.answer !== undefined;
        if (conceptHolds(sentence.terms, concept) || conceptHolds(sourceTerms, concept) || (located.answer?.planned && isPlanWord(concept.word)) || inSeason(located.answer, concept.word) || saysAskedVerb || saidAsAsked || describedAsAsked) share = 1;
        // The article's title says what all its sentences are about, as a neighbour does.
        else if (neighbours.some((n) => conceptHolds(n.terms, concept)) || conceptHolds(titleTerms, concept)) share = NEIGHBOUR_SHARE;
        covered += weights[c]! * share;
        // The relation may be said with another word of its family ("créé", "la création"): a stem that starts a word here.
        const related = share || [sentence.terms, ...neighbours.map((n) => n.terms), titleTerms].some((terms) => startsAWord(terms, concept));
        if (!named.includes(concept) && related) relationCovered += weights[c]! * (share || NEIGHBOUR_SHARE);
      });
      const coverage = covered / total;
      // What the question says of its names ("who *replaced* Molly Phee", "qui *préside* l'AES"): a sentence
      // that holds the names and none of the rest is about them, not about what is asked. (Asking for half
      // of the rest was measured, 2026-11-25: it refused right answers worded with synonyms.)
      const relation = relationTotal ? relationCovered / relationTotal : 1;
      // A sentence about another place or person than the one asked ("when did US troops leave Mali",
      // answered from a sentence on Niger): each name of the question in the sentence, its neighbours or the title.
      // The article's opening sentences name what all of it is about, as its title does (the site, the
      // company or the town named there is the one "the site" or "the company" means further down).
      // (the places asked of this article too, typed in lower case: "gard")
      // A yes or a no is said of what the quoted sentence names: "did the French troops stay" is not answered by a
      // sentence on the American troops whose neighbour speaks of France.
      const namedIn = question.intent === 'yesno' ? [sentence.terms, titleTerms, sourceTerms] : [sentence.terms, neighbourTerms, titleTerms, ledeTerms, sourceTerms];
      const aboutAsked = (located.typeless && question.intent !== 'yesno') || [...named, ...askedPlaces].every((c) => namedIn.some((terms) => conceptHolds(terms, c)));
      const placedElsewhere =
        askedPlaces.some((c) => !conceptHolds(sentence.terms, c)) &&
        [...placeNames(text)].some((place) => !concepts.some((c) => conceptHolds(indexTerms(place, article.language), c)));
      const states = (sentence.states ??= statesSomething(text, article));
      // "Did Campbell end up going?": a clause that plans the visit says neither yes nor no.
      const onlyPlanned = question.intent === 'yesno' && question.asksPast && speaksOfFuture(text.slice(located.excerpt.start, located.excerpt.end));
      // A yes or no about a time is said by a sentence of that time: its own date, or its article's ("à ce jour").
      const ofAskedTime = askedDates.every((asked) => dateSpans(text, article.published).some((d) => sameTime(d.date!.value, asked)) || (published !== null && sameTime(published, asked)));
      // "Who succeeded X", "who will command the joint force": the sentence must say the succeeding or the
      // commanding, not only hold X and some other name ("le gouvernement de N'Djamena a signé un accord créant une force conjointe").
      // (Unless a role answers a question giving a name: it may say it another way, "who organised the
      // protests", "orchestrées par des associations". Without a name, only a verb the glossary translates
      // is looked for: "who read out the statement" in an article that writes "lu par".)
      // Nor a name given as the named one's ("Michael Langley de l'Africom" represents Africom).
      const doneByAnother =
        askedVerb !== undefined &&
        located.answer !== undefined &&
        (named.length > 0 ? !ROLE_AT_START.test(located.answer.text) : askedVerb.alternatives.length > 1) &&
        !located.answer.ofGivenName &&
        ![sentence.terms, ...neighbours.map((n) => n.terms), titleTerms].some((terms) => conceptHolds(terms, askedVerb) || startsAWord(terms, askedVerb));
      const fits =
        aboutAsked &&
        !placedElsewhere &&
        (!asksWordsSaid || reportsSpeech) &&
        (located.answer !== undefined || located.typeless) &&
        states &&
        !onlyPlanned &&
        ofAskedTime &&
        askedYears.every((c) => [sentence.terms, neighbourTerms, sourceTerms].some((terms) => conceptHolds(terms, c))) &&
        !doneByAnother &&
        (relation > (question.intent === 'yesno' ? YESNO_RELATION : 0) || !asksRelation(question, located.answer));
      // A "why" or "how" answered by a clause that states a figure ("Le coût du scrutin avait été estimé à
      // 72 milliards") gives a count, not a reason or a manner: less sure still.
      const reasonless = (question.intent === 'why' || question.intent === 'how') && located.typeless;
      const counts = reasonless && COUNT_FIGURE.test(text.slice(located.excerpt.start, located.excerpt.end));
      const unmarked = ((question.intent === 'why' || question.asksActivity || question.asksDescription) && located.typeless ? UNMARKED_REASON_FACTOR : 1) * (counts ? UNMARKED_REASON_FACTOR : 1);
      // "Who" answered by a role ("le régime", "l'ambassadrice américaine") says less than a sentence naming someone.
      const roleOnly = question.intent === 'who' && !askedRoles.length && located.answer !== undefined && ROLE_AT_START.test(located.answer.text) ? ROLE_ANSWER_FACTOR : 1;
      const whose = located.answer?.genitive ? GENITIVE_PLACE_FACTOR : 1;
      // Between sentences equal otherwise, the one with the question's word as typed ("grévistes") before its family's ("grève").
      const exact = concepts.reduce((sum, concept, c) => sum + (conceptWords[c]!.every((w) => sentence.terms.includes(stem(w, article.language))) ? weights[c]! : 0), 0) / total;
      const score = (coverage * (fits ? 1 : MISSED_INTENT_FACTOR) + FOCUS_WEIGHT * located.focus) * unmarked * roleOnly * whose + 0.03 / (rank + 1) + EXACT_WORD_WEIGHT * exact;
      scored.push({ article, span: sentence.span, text, coverage, ...located, fitsIntent: fits, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

interface QuestionContext {
  /** Numbers the question gives: they do not answer "how many". */
  askedNumbers: ReadonlySet<string>;
  acronyms: string[];
  /** The role "who" asks the holder of, and its qualifiers ("Russian" in "the Russian ambassador"). */
  askedRoles: QueryConcept[];
  roleQualifiers: QueryConcept[];
  /** The names the question gives, typed capitalised or not. */
  named: QueryConcept[];
  /** The verb "who" asks with ("who replaced…"), when it is one of the question's concepts. */
  askedVerb?: QueryConcept;
  /** Adjectives of origin of what "how many" counts ("soldats français", "russian instructors"). */
  countQualifiers: QueryConcept[];
  /** What "how much did X cost" prices: the question's words but its words of money. */
  priced: QueryConcept[];
  /** The countries the question names, by their French names. */
  askedCountries: ReadonlySet<string>;
}

const COUNTRY_NAME = new RegExp(
  `(?<![\\p{L}])(?:${[...new Set(FRENCH_COUNTRY_NAMES.map(fold))].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
  'gu',
);
function countriesIn(text: string): Set<string> {
  return new Set([...fold(text).matchAll(COUNTRY_NAME)].map((m) => m[0]));
}
const COUNTRY_OF_FOLDED_WORD = new Map([...COUNTRY_OF_WORD].map(([word, countries]) => [fold(word), countries]));
// The countries a question names, or whose people it names ("senegal", "the russians", "les Maliens").
function countriesAsked(question: AnalysedQuestion): Set<string> {
  const byWord = words(question.text).flatMap((w) => COUNTRY_OF_FOLDED_WORD.get(fold(w)) ?? []).map(fold);
  return new Set([...countriesIn(question.text), ...byWord]);
}

/**
 * The answer in a sentence: of the spans with the asked type, the one whose clause holds most of
 * the question. A span is passed over when the question's name or place is in the sentence but
 * in another clause, and the span's own clause names something else ("the Niamey base's troops
 * left in July" does not date the Agadez base's departure).
 */
function locateAnswer(
  sentence: string,
  article: Article,
  question: AnalysedQuestion,
  weighing: Weighing,
  /** The sentence's neighbours' terms, and its article's title, opening sentences, source and date (what all of it is about). */
  ctx: QuestionContext & { neighbourTerms: string[]; articleTerms: string[] },
): { answer?: AnswerSpan; focus: number; excerpt: TextSpan; typeless: boolean } {
  const clauses = clauseSpans(sentence).map((span) => ({ span, terms: indexTerms(sentence.slice(span.start, span.end), article.language) }));
  const clauseCoverage = (terms: readonly string[]) =>
    weighing.concepts.reduce((sum, concept, c) => sum + (conceptHolds(terms, concept) ? weighing.weights[c]! : 0), 0) / weighing.total;
  const sentenceTerms = clauses.flatMap((c) => c.terms);
  // The question's words near the span count most: in its clause fully, then less with each clause
  // between ("à Washington, où le Premier ministre…, a demandé le retrait": the place is two clauses off).
  const focusAround = (at: number) =>
    weighing.concepts.reduce((sum, concept, c) => {
      const nearest = Math.min(...clauses.map((clause, i) => (conceptHolds(clause.terms, concept) ? Math.abs(i - at) : Infinity)));
      // Said in the sentence before or after ("Les derniers soldats ont quitté Agadez. La base a été remise le 5 août."):
      // as far as the last clauses of this one.
      const share = nearest === Infinity ? (conceptHolds(ctx.neighbourTerms, concept) ? CLAUSE_DECAY.at(-1)! : 0) : (CLAUSE_DECAY[nearest] ?? CLAUSE_DECAY.at(-1)!);
      return sum + weighing.weights[c]! * share;
    }, 0) / weighing.total;
  // The question's names in this sentence: marked so in the question, or written with a capital
  // here ("agadez" typed in lowercase is "Agadez" in the article).
  const capitalised = new Set(indexTerms([...sentence.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}-]*/gu)].filter((m) => m.index > 0).map((m) => m[0]).join(' '), article.language));
  // Written as a name here: "américains" (an adjective, in lower case) qualifies, it does not name what a clause is about.
  const specificInSentence = weighing.concepts.filter(
    (c) => conceptHolds(sentenceTerms, c) && c.alternatives.some((terms) => terms.every((t) => capitalised.has(t) || /^\d+$/u.test(t))),
  );
  const { askedRoles, roleQualifiers } = ctx;
  // (read only when a qualifier is looked for by its family: most sentences never need it)
  let sentenceWords: string[] | undefined;
  const wordsOfSentence = () => (sentenceWords ??= words(sentence));
  const sameConcept = (questionWord: string, articleWord: string) => {
    const terms = indexTerms(articleWord, article.language);
    return weighing.concepts.some((c) => c.word === fold(questionWord) && conceptHolds(terms, c));
  };
  // (the sentence's countries read once, for all its spans)
  let namesAskedCountry: boolean | undefined;
  const namesOnlyOtherCountries = (upTo: number) => {
    if (!ctx.askedCountries.size) return false;
    namesAskedCountry ??= [...countriesIn(sentence)].some((c) => ctx.askedCountries.has(c));
    return !namesAskedCountry && countriesIn(sentence.slice(0, upTo)).size > 0;
  };
  const countedThingHolds = () =>
    ctx.countQualifiers.every((q) => conceptHolds([...sentenceTerms, ...ctx.neighbourTerms], q) || sameFamily(q.word, wordsOfSentence())) &&
    (!ctx.priced.length || ctx.priced.some((c) => [sentenceTerms, ctx.neighbourTerms, ctx.articleTerms].some((terms) => conceptHolds(terms, c))));
  const spans = answerSpans(sentence, question, { published: article.published, askedNumbers: ctx.askedNumbers, acronyms: ctx.acronyms, sameConcept, countedThingHolds });
  if (!spans) {
    const best = clauses.reduce((a, b) => (clauseCoverage(b.terms) > clauseCoverage(a.terms) ? b : a));
    return { focus: clauseCoverage(best.terms), excerpt: excerptAround(sentence, clauses.map((c) => c.span), best.span.start), typeless: true };
  }
  // Between spans of one clause, the one nearest the question's own words ("Celeste Wallander du
  // Pentagone et Michael Langley de l'Africom": Africom's is Langley).
  const asked = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)]
    .filter((m) => {
      const terms = indexTerms(m[0], article.language);
      return terms.length > 0 && weighing.concepts.some((c) => conceptHolds(terms, c) || c.alternatives.some((alt) => alt.length > 1 && terms.every((t) => alt.includes(t))));
    })
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const distanceToAsked = (span: TextSpan) =>
    Math.min(Infinity, ...asked.filter((w) => w.end <= span.start || w.start >= span.end).map((w) => (w.end <= span.start ? span.start - w.end : w.start - span.end)));
  let best: { answer: AnswerSpan; focus: number; rank: number; distance: number } | undefined;
  const aboutGivenName = !ctx.askedRoles.length && ctx.named.length > 0 && weighing.concepts.every((c) => ctx.named.includes(c));
  for (const found of spans) {
    // "Michael Langley de l'Africom" for "who represented Africom": the name, without the given name it is attached to.
    const span = question.intent === 'who' ? (aboutGivenName ? withBodyAfter(found, sentence) : withoutGivenTail(found, article, ctx.named, sentence)) : found;
    // A name the question itself gives does not answer "who".
    // Nor does a name that shares a word with one the question gives ("who replaced General Ekman": not "Kenneth Ekman").
    const spanTerms = indexTerms(span.text, article.language);
    const givenName = (t: string) => ctx.named.some((c) => c.alternatives.some((terms) => terms.includes(t)));
    const given = (t: string) => givenName(t) || weighing.concepts.some((c) => conceptHolds([t], c));
    // "Who is Celeste Wallander": "Celeste Wallander du Pentagone" says whose she is.
    const givenOfBody = aboutGivenName && isGivenNameOfBody(span.text, (text) => indexTerms(text, article.language), givenName);
    if (question.intent === 'who' && spanTerms.length && (spanTerms.every(given) || spanTerms.some(givenName)) && !givenOfBody) continue;
    // Nor one that names what the question asks about ("who will command the joint force": not "la Force mixte…").
    if (question.intent === 'who' && !givenOfBody && weighing.concepts.filter((c) => c !== ctx.askedVerb && conceptHolds(spanTerms, c)).length >= 2) continue;
    const at = Math.max(0, clauses.findIndex((c) => span.start >= c.span.start && span.start < c.span.end));
    const clause = clauses[at]!;
    // The clause whose words the span answers: its own, or the one it is apposed to.
    let answersAt = at;
    if (question.intent === 'who') {
      // "Who is the ambassador": a name next to the asked role, not any name of the sentence.
      // The role in the span's own clause, or the span an apposition to the clause before it.
      // (with its title: "…le chef du régime militaire, le général Abdourahamane Tiani")
      const apposition =
        clause.span.end - clause.span.start <= span.text.length + 3 ||
        (TITLE_ONLY.test(sentence.slice(clause.span.start, span.start)) && /^[\s.,;:!?»”"]*$/u.test(sentence.slice(span.end, clause.span.end)));
      // Or the role right after the name, in apposition ("le colonel Thierry Lamblin, commandant du détachement").
      const roleAfter = (role: QueryConcept) => {
        const next = clauses[at + 1];
        return next !== undefined && sentence.slice(span.end, next.span.start).trim() === ',' && conceptHolds(next.terms.slice(0, 2), role);
      };
      const nextToRole = (role: QueryConcept) => conceptHolds(clause.terms, role) || (apposition && at > 0 && conceptHolds(clauses[at - 1]!.terms, role)) || roleAfter(role);
      if (askedRoles.length && !askedRoles.some(nextToRole)) continue;
      if (apposition && at > 0) answersAt = at - 1;
      // "The Russian ambassador": the role's qualifiers in the question must be in the sentence too,
      // or the name is someone else's (the US ambassador's).
      // (or of the article: "le chef du régime militaire" in an article on Niger is Niger's)
      if (!roleQualifiers.every((q) => conceptHolds([...sentenceTerms, ...ctx.neighbourTerms, ...ctx.articleTerms], q) || sameFamily(q.word, wordsOfSentence()))) continue;
      // Capitalised common words ("coup d'État", "Premier ministre", "Commandement des États-Unis")
      // are not someone's name: a name has a word no dictionary holds.
      const isRole = ROLE_AT_START.test(span.text);
      // Asked for a role's holder ("who is the head of…"), or for a name: another role does not answer.
      if (isRole && (question.asksName || askedRoles.length)) continue;
      if (!isRole && !/(?:,| et | and )/u.test(span.text) && words(span.text).filter((w) => w.length > 2 || /\d/u.test(w)).every((w) => isDictionaryWord(w, article.language))) continue;
      // A role restates the question when it is the asked role ("le ministre nigérien" for "who is
      // the minister of defence"), or describes a name the question gives ("la secrétaire d'État
      // adjointe…, Molly Phee" for "who replaced Molly Phee").
      if (isRole) {
        if (askedRoles.some((role) => conceptHolds(spanTerms, role))) continue;
        const nameAfter = /^[^,;.]{0,40},\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u.exec(sentence.slice(span.end))?.[1];
        const nameBefore = /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*),\s*$/u.exec(sentence.slice(0, span.start))?.[1];
        // or right before it, without a comma ("le major général Ken Ekman", "le président élu Mohamed Bazoum")
        const nameRightAfter = /^(?:\s+(?!(?:de|du|des|d|of|et|and|à|au|aux|en|in|la|le|les|the)(?![\p{L}]))\p{Ll}[\p{L}'’-]*){0,2}\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u.exec(sentence.slice(span.end))?.[1];
        const describesGiven = [nameAfter, nameBefore, nameRightAfter].some((name) => name && indexTerms(name, article.language).some(givenName));
        if (describesGiven !== aboutGivenName) continue;
      } else if (aboutGivenName && !givenOfBody) continue;
      // "Le premier ministre, Ali Zeine" for "which official met the prime minister": the name holds a role
      // the question gives as someone else's, not the one asked.
      // (Not the verb "who" asks with: "who manages the orchard" is answered by "its manager, Ruth Hadley".)
      else if (!askedRoles.length && holdsGivenRole(sentence, span, (word) => weighing.concepts.some((c) => c !== ctx.askedVerb && conceptHolds(indexTerms(word, article.language), c)))) continue;
      // The complement of a role ("la préfète du Finistère", "le ministre de la Défense") is whose role it is, not who holds it.
      if (ROLE_COMPLEMENT_BEFORE.test(sentence.slice(Math.max(0, span.start - 60), span.start))) continue;
      // Asked for a body ("quelle organisation"), a person's name ("du général Kenneth Ekman") is none.
      if (question.asksNonPerson && ROLE_BEFORE_NAME.test(sentence.slice(Math.max(0, span.start - 50), span.start))) continue;
      // Asked for someone's name, a place the article writes as one ("au Burkina Faso") is none.
      if (question.asksName && placesOf(article).has(span.text.replace(/^(?:(?:le|la|les|l['’]|the)\s*)/iu, '').trim())) continue;
      // Nor are countries ("le Bénin et le Niger"), unless a body's name is asked.
      if (question.asksName && !question.asksNonPerson && fold(span.text).replace(COUNTRY_NAME, '').replace(/(?<![\p{L}])(?:le|la|les|l'|the|et|and)(?![\p{L}])|[\s,]/gu, '') === '') continue;
      // The source of what is reported ("selon un décompte établi par Jeune Afrique") is not who it is about,
      // unless the question asks who said it.
      if (!ASKS_SOURCE.test(question.text) && SOURCE_BEFORE.test(sentence.slice(Math.max(0, span.start - 60), span.start))) continue;
      // A lone capitalised word ("Wagner", but also "AFP", "Niamey") answers only next to an asked role.
      if (!askedRoles.length && /^\p{Lu}\S*$/u.test(span.text.trim())) continue;
    } else if (question.intent !== 'why') {
      // "In which country is Abidjan": not "à Abidjan", the place the question gives.
      if (question.intent === 'where' && spanTerms.length && spanTerms.every(given)) continue;
      // Another name in the span's clause, besides the span itself: the clause is about something else.
      // A short opening clause set off by a comma ("The Millbrook orchard, run by…, now holds 38…")
      // is the subject of the clauses after it: its names are theirs.
      const subject = at > 0 && clauses[0]!.terms.length <= 4 && /^[^,]*,\s*$/u.test(sentence.slice(clauses[0]!.span.start, clauses[1]?.span.start)) ? clauses[0]!.terms : [];
      const missing = specificInSentence.filter((c) => !conceptHolds(clause.terms, c) && !conceptHolds(subject, c));
      const rest = sentence.slice(clause.span.start, span.start) + ' ' + sentence.slice(span.end, clause.span.end);
      // Names the question itself gives do not make the clause about something else.
      // (past the sentence's first word, capitalised anyway)
      const namesOthers = (text: string, besides: readonly string[] = [], opening = true) =>
        [...(opening ? text.trim().slice(1) : text).matchAll(opening ? /(?<![.!?«"“]\s*|^\s*)\p{Lu}\p{Ll}+/gu : /(?<![.!?«"“]\s*)\p{Lu}\p{Ll}+/gu)].some((m) => {
          const terms = indexTerms(m[0], article.language);
          return !weighing.concepts.some((c) => conceptHolds(terms, c)) && !terms.every((t) => besides.includes(t));
        });
      if (missing.length && namesOthers(rest)) continue;
      // A name the question gives that only a neighbouring sentence holds (not this one, nor the article's title or
      // opening): a clause that names others than what the article is about is about them ("when did US troops
      // leave Mali": "…la Russie qui a acheminé des instructeurs, en avril et en mai", Mali in the next sentence).
      // A clause that is the span alone (", en avril et en mai") says it of the clause before.
      const bare = !/\p{L}/u.test(rest) && at > 0 ? clauses[at - 1]! : clause;
      const bareText = sentence.slice(bare.span.start, clause.span.end);
      if (ctx.named.some((c) => !conceptHolds(sentenceTerms, c) && !conceptHolds(ctx.articleTerms, c)) && namesOthers(bareText.slice(0, span.start - bare.span.start), ctx.articleTerms, bare.span.start === 0)) continue;
      // A sentence that names other countries and not the asked one is theirs ("when did the French leave
      // Senegal": not "La base de Port-Bouët, en Côte d'Ivoire, a été remise… et le Tchad a vu partir…").
      // (up to the span's clause: "…achevé début août », a affirmé Kenneth Ekman … à Abidjan, en Côte d'Ivoire" is Niger's date)
      if (namesOnlyOtherCountries(clause.span.end)) continue;
    }
    const focus = Math.max(focusAround(at), focusAround(answersAt));
    const distance = distanceToAsked(span);
    // "Who": a name answers better than a role ("le colonel Maman Sani Kiaou": Maman Sani Kiaou), unless asked for the role.
    const rank = focus - (question.intent === 'who' && ROLE_AT_START.test(span.text) && !aboutGivenName ? ROLE_PENALTY : 0);
    if (!best || rank > best.rank || (rank === best.rank && (prefer(span, best.answer) || (!prefer(best.answer, span) && distance < best.distance)))) {
      best = { answer: span, focus, rank, distance };
    }
  }
  if (!best) return { focus: 0, excerpt: { start: 0, end: sentence.length }, typeless: false };
  return { answer: best.answer, focus: best.focus, excerpt: excerptAround(sentence, clauses.map((c) => c.span), best.answer.start), typeless: false };
}

// "selon X", "d'après un décompte établi par X", "according to X": X is where the sentence's information comes from.
// (up to the name, with no comma between: "selon l'avocate Jeanne Le Floch")
const SOURCE_BEFORE = /(?<![\p{L}])(?:selon|d['’]apr[èe]s|according to)(?![\p{L}])[^,;.:!?«»"“”]*$/iu;
const ASKS_SOURCE = /(?<![\p{L}])(?:selon qui|d'après qui|according to wh|sources?|who (?:says|said|told|reported|counted)|qui (?:dit|a dit|affirme|rapporte|a compté))/iu;

// The verb "who" asks with, past its auxiliary ("qui a succédé à…", "who replaced…"), when it is one of
// the question's concepts; not a role or a name ("who is the ambassador", "qui est Hélène Castaing").
function verbAsked(question: string, concepts: readonly QueryConcept[]): QueryConcept | undefined {
  // (past a future or a progressive too: "who is going to command", "who is leading", "qui va diriger")
  const verb = /^(?:who|qui)\s+(?:(?:a|ont|avait|avaient|has|had|have|did|does|will|would|va|vont|allait|(?:is|are|was|were)\s+going\s+to)\s+|(?:is|are|was|were)\s+(?=\p{L}+ing(?![\p{L}])))?([\p{L}-]+)/iu.exec(question)?.[1];
  if (!verb || /^(?:is|was|are|were|est|sont|était|étaient|c|the|le|la|les)$/iu.test(verb)) return undefined;
  return concepts.find((c) => c.word === fold(verb) && !c.specific);
}

// Questions that relate an unknown to the names they give: "who replaced X" (someone else's name),
// "when did troops leave X", "how many … X", "is X still held". Not "where does X work" nor "who is X" (a role describing X).
function asksRelation(question: AnalysedQuestion, answer: AnswerSpan | undefined): boolean {
  // "Is Bazoum still held?": a sentence that only names Bazoum says neither yes nor no.
  if (question.intent === 'yesno') return true;
  if (!answer) return false;
  // "Who from the Pentagon…", "who represented Africom": "Celeste Wallander du Pentagone" says the
  // relation asked, that she is the named body's.
  if (question.intent === 'who') return !ROLE_AT_START.test(answer.text) && !answer.ofGivenName;
  return question.intent === 'when' || question.intent === 'count';
}

function isWholeName(terms: readonly string[], concept: QueryConcept): boolean {
  return concept.alternatives.some((alt) => alt.length === terms.length && alt.every((t, i) => t === terms[i]));
}

function startsAWord(terms: readonly string[], concept: QueryConcept): boolean {
  return concept.alternatives.some((alt) => alt.length === 1 && alt[0]!.length >= 3 && terms.some((t) => t.startsWith(alt[0]!)));
}

const ROLE_COMPLEMENT_BEFORE = new RegExp(`(?<![\\p{L}])(?:${ROLE_WORDS})\\s+(?:du|des|de la|de l['’]|de|d['’]|of the|of)\\s*$`, 'iu');
// A determiner and a title, and nothing else, before a name: "le général ", "the former president ".
const TITLE_ONLY = new RegExp(`^[\\s,]*(?:(?:l['’]|le |la |les |the )\\s*)?(?:\\p{Ll}+\\s+)?(?:${ROLE_WORDS})\\s*$`, 'iu');
const ROLE_BEFORE_NAME = new RegExp(`(?<![\\p{L}])(${ROLE_WORDS})(?:\\s+[\\p{L}-]+){0,2}\\s*,?\\s*$`, 'iu');

// A name run stops at "de l'": "Michael Langley de l'Africom" is read whole.
function withBodyAfter(span: AnswerSpan, sentence: string): AnswerSpan {
  const body = /^\s+(?:de|du|des|d['’]|of)\s*(?:(?:la|le|les|l['’]|the)\s*)\p{Lu}[\p{L}\p{N}'’-]*/u.exec(sentence.slice(span.end));
  return body ? { ...span, end: span.end + body[0].length, text: span.text + body[0] } : span;
}

// A name the question gives, then the body it belongs to, which it does not: "Celeste Wallander du Pentagone".
function isGivenNameOfBody(text: string, termsOf: (text: string) => string[], givenName: (term: string) => boolean): boolean {
  const m = /^(.+?)\s+(?:de|du|des|d['’]|of)\s*(?:(?:la|le|les|l['’]|the)\s*)?(\p{Lu}.*)$/u.exec(text);
  if (!m) return false;
  const [head, tail] = [termsOf(m[1]!), termsOf(m[2]!)];
  return head.length > 0 && head.every(givenName) && tail.length > 0 && !tail.some(givenName);
}

// A heading names a subject, a question ("Qu'est-ce qu'on va devenir ?") asks: neither states an answer.
// (The title repeated atop the text is a heading whatever its length.)
function statesSomething(sentence: string, article: Article): boolean {
  const heading = (HEADING.test(sentence) && sentence.split(/\s+/u).length <= 14) || words(sentence).join(' ') === words(article.title).join(' ');
  return !heading && !/\?\s*[»"”]?\s*$/u.test(sentence);
}

// Whether the name comes right after a role (in apposition) that the question itself gives.
function holdsGivenRole(sentence: string, span: TextSpan, inQuestion: (word: string) => boolean): boolean {
  const role = ROLE_BEFORE_NAME.exec(sentence.slice(Math.max(0, span.start - 50), span.start))?.[1];
  return role !== undefined && inQuestion(role);
}

// A name run's tail "de l'Africom", "du Pentagone", "of the Pentagon" dropped when the question gives it.
// (or the tail right after the span: "Michael Langley de l'Africom", the name run stopping at "l'").
function withoutGivenTail(span: AnswerSpan, article: Article, named: readonly QueryConcept[], sentence: string): AnswerSpan {
  if (!named.length) return span;
  const given = (text: string) => named.some((c) => conceptHolds(indexTerms(text, article.language), c));
  const after = /^\s+(?:de|du|des|d['’]|of)\s*(?:la\s+|l['’]\s*|the\s+)?(\p{Lu}[\p{L}-]*)/u.exec(sentence.slice(span.end));
  if (after && given(after[1]!)) return { ...span, ofGivenName: true };
  const m = /^(.+?)\s+(?:de|du|des|d['’]|of)\s*(?:la\s+|l['’]\s*|the\s+)?(\p{Lu}.*)$/u.exec(span.text);
  if (!m || !given(m[2]!)) return span;
  return { start: span.start, end: span.start + m[1]!.length, text: m[1]!, ofGivenName: true };
}

// The months of a season, by its names in both languages (the northern hemisphere's).
const SEASON_MONTHS = new Map<string, readonly number[]>([
  ...['summer', 'ete', 'estival'].map((w) => [w, [6, 7, 8, 9]] as const),
  ...['winter', 'hiver', 'hivernal'].map((w) => [w, [12, 1, 2, 3]] as const),
  ...['spring', 'printemps', 'printanier'].map((w) => [w, [3, 4, 5, 6]] as const),
  ...['autumn', 'fall', 'automne', 'automnal'].map((w) => [w, [9, 10, 11, 12]] as const),
]);
function inSeason(answer: AnswerSpan | undefined, word: string): boolean {
  const months = SEASON_MONTHS.get(word);
  const month = answer?.date?.value.month;
  return months !== undefined && month !== undefined && months.includes(month);
}

// Whether a date falls in the asked one's year, and month when it gives one (a period: any month of it).
function sameTime(date: Pick<DateValue, 'year' | 'month' | 'endYear' | 'endMonth'>, asked: DateValue): boolean {
  if (date.year !== asked.year && (date.endYear === undefined || asked.year < date.year || asked.year > date.endYear)) return false;
  if (asked.month === undefined) return true;
  // ("en 2024" does not say "in August 2024")
  if (date.month === undefined) return false;
  return asked.month >= date.month && asked.month <= (date.endMonth ?? date.month);
}

// Between two dates with equal focus, the more precise one answers better.
function prefer(a: AnswerSpan, b: AnswerSpan): boolean {
  const precision = { year: 0, month: 1, day: 2 };
  return a.date && b.date ? precision[a.date.value.precision] > precision[b.date.value.precision] : false;
}

/** The answer, or a refusal with its reason and the nearest articles. */
export function composeAnswer(question: AnalysedQuestion, weighing: Weighing, scored: readonly ScoredSentence[], unknownNames: readonly string[], tuning: AnswerTuning = DEFAULT_TUNING): Answer {
  const base = { question: question.asked, language: question.language, intent: question.intent };
  const refuse = (refusal: Omit<Refusal, 'nearest'>): Answer => ({
    ...base,
    lead: null,
    quotes: [],
    sources: [],
    // Words of a third language are not "never mentioned": say which languages are read instead.
    refusal: { ...(question.otherLanguage ? { reason: 'other-language' } : refusal), nearest: nearestSources(scored) },
  });
  if (unknownNames.length) return refuse({ reason: 'unknown-name', unknown: [...unknownNames] });
  const quoted = selectQuotes(question, scored, tuning);
  const denial = denialOf(question, weighing, scored, quoted);
  const selected = denial ? [denial] : quoted;
  if (!selected.length) {
    const typed = scored.some((s) => !s.fitsIntent && s.coverage >= tuning.minTypedCoverage);
    return refuse({ reason: typed ? 'missing-answer-type' : 'not-found' });
  }
  // (after the chosen quotes, so that another source's quote and date keep their place; not in the lead)
  const context = contextSentence(selected[0]!, scored, weighing);
  const chosen = context && !selected.some((s) => s === context || nearDuplicate(s.text, context.text)) ? [...selected, context] : selected;
  const sources: AnswerSource[] = [];
  const quotes: AnswerQuote[] = [];
  for (const sentence of chosen) {
    const { article } = sentence;
    let source = sources.find((s) => s.docId === article.id);
    if (!source) {
      source = { n: sources.length + 1, docId: article.id, title: article.title, source: article.source, url: article.url, published: article.published };
      sources.push(source);
    }
    const start = sentence.span.start + sentence.excerpt.start;
    const end = sentence.span.start + sentence.excerpt.end;
    const text = article.text.slice(start, end);
    // Nothing unverifiable is shown: the quote is the article's text at its offsets, or it is dropped.
    if (text && sentence.text.slice(sentence.excerpt.start, sentence.excerpt.end) === text) quotes.push({ n: source.n, text, docId: article.id, start, end });
  }
  const lead = composeLead(question, selected, sources);
  return { ...base, lead, quotes, sources: sources.filter((s) => quotes.some((q) => q.n === s.n)) };
}

/**
 * "Who claimed the attack": "L'attaque n'avait pas été revendiquée" answers it by saying no one did. A sentence that
 * says all of what the question says (two things at least), denied, answers a who, when, where or how many better
 * than a sentence that says much less.
 */
function denialOf(question: AnalysedQuestion, weighing: Weighing, scored: readonly ScoredSentence[], selected: readonly ScoredSentence[]): ScoredSentence | undefined {
  if (!DENIABLE.has(question.intent) || weighing.concepts.length < 2 || isNegated(question.text)) return undefined;
  const denial = scored.find((s) => s.coverage >= DENIAL_COVERAGE && isNegated(s.text) && statesSomething(s.text, s.article));
  return denial && (!selected[0] || selected[0].coverage < denial.coverage * DENIAL_MARGIN) ? denial : undefined;
}
const DENIABLE = new Set<Intent>(['who', 'when', 'where', 'count']);
// All of the question's words, save a trace.
const DENIAL_COVERAGE = 0.9;
// An answer covering less than this share of the denial's words says less than it.
const DENIAL_MARGIN = 0.75;

/**
 * The best sentence, if it answers, and at most one companion that supports it (another source
 * first). For "when", a report that something happened outranks an earlier announcement of it.
 */
export function selectQuotes(question: AnalysedQuestion, scored: readonly ScoredSentence[], tuning: AnswerTuning = DEFAULT_TUNING): ScoredSentence[] {
  // A reason marked as one ("visait à lutter contre…") answers "why" on less of the question's words.
  const least = (s: ScoredSentence) => (s.answer ? (question.intent === 'why' ? tuning.minTypedCoverage * MARKED_REASON_SHARE : tuning.minTypedCoverage) : tuning.minCoverage);
  const answering = scored.filter((s) => s.fitsIntent && s.coverage >= least(s));
  if (!answering.length) return [];
  let best = answering[0]!;
  if (question.intent === 'when') {
    // Only a later article's report outranks a plan: an earlier date in the same article is another event.
    const close = answering.filter((s) => s.score >= best.score * REPORT_OVER_PLAN_RATIO);
    if (best.answer?.planned) best = close.find((s) => !s.answer?.planned && (s.article.published ?? '') > (best.article.published ?? '')) ?? best;
  }
  const chosen = [best];
  for (const candidate of answering) {
    if (chosen.length >= tuning.maxQuotes) break;
    if (candidate === best || candidate.score < best.score * tuning.companionRatio) continue;
    if (chosen.some((c) => nearDuplicate(c.text, candidate.text))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * The sentence next to the answer that names what the question asks about, when the answer's own does
 * not ("…auront quitté le pays début août" after "…encore 200 personnes à la base d'Agadez"): shown
 * beside it, so that a reader sees why the date is the asked place's. The question's rarest words
 * (its names, mostly) decide.
 */
function contextSentence(best: ScoredSentence, scored: readonly ScoredSentence[], weighing: Weighing): ScoredSentence | undefined {
  const rarest = Math.max(...weighing.weights);
  const bestTerms = indexTerms(best.text, best.article.language);
  const missing = weighing.concepts.filter((c, i) => weighing.weights[i]! >= rarest * CONTEXT_WEIGHT_SHARE && !conceptHolds(bestTerms, c));
  if (!missing.length) return undefined;
  const gapTo = (s: ScoredSentence) => (s.span.end <= best.span.start ? best.span.start - s.span.end : s.span.start - best.span.end);
  // What is quoted is the sentence's excerpt: it must hold the names.
  const shown = (s: ScoredSentence) => s.text.slice(s.excerpt.start, s.excerpt.end);
  return scored.find(
    (s) =>
      s.article === best.article &&
      s !== best &&
      gapTo(s) >= 0 &&
      gapTo(s) <= ADJACENT_GAP &&
      statesSomething(s.text, s.article) &&
      missing.every((c) => conceptHolds(indexTerms(shown(s), s.article.language), c)),
  );
}
// A concept weighs among the question's rarest from this share of the rarest's weight.
const CONTEXT_WEIGHT_SHARE = 0.8;
// Two sentences are next to each other when only white space (a line break, a paragraph) lies between.
const ADJACENT_GAP = 4;

function nearestSources(scored: readonly ScoredSentence[]): AnswerSource[] {
  const nearest: AnswerSource[] = [];
  for (const { article } of scored) {
    if (nearest.length === 3) break;
    if (nearest.some((s) => s.docId === article.id)) continue;
    nearest.push({ n: nearest.length + 1, docId: article.id, title: article.title, source: article.source, url: article.url, published: article.published });
  }
  return nearest;
}

// A word weighs by its rarity (idf): the commonest of its alternatives, a phrase by its rarest
// term. A word whose absence may be ours weighs half: an English word the glossary cannot
// translate, or a word found in no article (a synonym of the article's word, perhaps). Found in
// no article, a name, a number, or an English word with all its glossary translations missing
// keeps its full weight: the articles do not speak of it ("who replaced…", "how many died…").
function conceptWeight(index: IndexView, concept: QueryConcept): number {
  const idf = Math.min(...concept.alternatives.map((terms) => Math.max(...terms.map((term) => index.keyword.idf(term)))));
  const unseen = concept.alternatives.every((terms) => terms.some((term) => !index.keyword.documentFrequency.has(term)));
  return concept.untranslated || (unseen && !concept.specific && !concept.glossed) ? idf / 2 : idf;
}

/** The question's names (and numbers) that no article holds, in its text, title or source: the corpus cannot answer about them. */
export function unknownNames(index: IndexView, concepts: readonly QueryConcept[]): string[] {
  const known = (term: string) => index.keyword.documentFrequency.has(term) || index.sourceTerms.has(term);
  // A name typed in lower case ("cedeao", "wagner") is a word of no dictionary.
  // Not a word cut short either ("coopé" for "coopération").
  const cutShort = (word: string) => word.length >= 4 && termsStartingWith(index.keyword.documentFrequency, word, 1).length > 0;
  const named = (c: QueryConcept) =>
    c.specific || (c.word.length >= 3 && !c.word.includes(' ') && !/\p{N}/u.test(c.word) && !isDictionaryWord(c.word) && !cutShort(c.word));
  return concepts
    .filter((c) => !/^\d+$/.test(c.word) && !isCalendarWord(c.word))
    .filter((c) => c.alternatives.every((terms) => terms.some((term) => !known(term))))
    .filter(named)
    .map((c) => c.word);
}

// A month or a weekday ("in March 2024", "lundi") dates what is asked: it is never a name the articles lack.
function isCalendarWord(word: string): boolean {
  return MONTH_NUMBERS.has(word) || WEEKDAY_NUMBERS.has(word);
}

// "2024-03" → "2024", "mars", "March": the words a reader may use for an article's date.
function dateWords(published: string | undefined): string[] {
  const [year, month] = (published ?? '').split('-');
  if (!year) return [];
  const m = Number(month);
  return m ? [year, MONTH_NAMES.fr[m - 1]!, MONTH_NAMES.en[m - 1]!] : [year];
}

// The terms of an article's first two sentences that state something (past headings and datelines).
const LEDE_SENTENCES = 2;
function ledeOf(article: Article, sentences: readonly AnalysedSentence[]): string[] {
  return sentences
    .filter((s) => s.terms.length >= 8 && !HEADING.test(article.text.slice(s.span.start, s.span.end)))
    .slice(0, LEDE_SENTENCES)
    .flatMap((s) => s.terms);
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

// The whole sentence when short; otherwise the clause at `position`, widened by its neighbours
// while the excerpt stays short: a quote says what supports the answer, not the paragraph.
function excerptAround(sentence: string, clauses: readonly TextSpan[], position: number): TextSpan {
  if (sentence.length <= MAX_EXCERPT) return { start: 0, end: sentence.length };
  let first = Math.max(0, clauses.findIndex((c) => position >= c.start && position < c.end));
  let last = first;
  for (;;) {
    const before = clauses[first - 1];
    const after = clauses[last + 1];
    // A role apposed to the name the excerpt ends with first ("…Ken Ekman, directeur de la stratégie…"),
    // then what comes before (the subject, the role): "l'ambassadrice …, Kathleen FitzGibbon".
    if (after && after.end - clauses[first]!.start <= MAX_EXCERPT && apposedRole(sentence, clauses[last]!, after)) last++;
    else if (before && clauses[last]!.end - before.start <= MAX_EXCERPT) first--;
    else if (after && after.end - clauses[first]!.start <= MAX_EXCERPT) last++;
    else break;
  }
  return trimmed(sentence, { start: clauses[first]!.start, end: clauses[last]!.end });
}

// A clause that opens with a role, right after a clause that ends with a capitalised name.
function apposedRole(sentence: string, clause: TextSpan, next: TextSpan): boolean {
  return /\p{Lu}[\p{L}'’-]*\s*$/u.test(sentence.slice(clause.start, clause.end)) && ROLE_AT_START.test(sentence.slice(next.start, next.end));
}

// No stray separators or spaces at the ends of an excerpt.
function trimmed(sentence: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /[\s,;:]/u.test(sentence[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(sentence[end - 1]!)) end--;
  return { start, end };
}

// The question's words right before or after an asked role ("russian ambassador", "premier ministre nigérien").
function qualifiersOf(question: AnalysedQuestion, concepts: readonly QueryConcept[], roles: readonly QueryConcept[]): QueryConcept[] {
  if (!roles.length) return [];
  // The word before ("russian ambassador") and after ("ministre nigérien"); past a linking word,
  // its complement of up to two words ("ministre de la défense", "ministre des affaires étrangères").
  // (English puts no adjective after: "the ambassador taking part in the talks")
  const all = words(question.text);
  const nextToRole = new Set<string | undefined>();
  all.forEach((w, i) => {
    if (!roles.some((r) => r.word === w)) return;
    nextToRole.add(all[i - 1]);
    let j = i + 1;
    while (all[j] !== undefined && LINKING_WORDS.has(all[j]!)) j++;
    if (j > i + 1 || question.language === 'fr') nextToRole.add(all[j]);
    if (j > i + 1) nextToRole.add(all[j + 1]);
  });
  return concepts.filter((c) => nextToRole.has(c.word) && !roles.includes(c));
}

const LINKING_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'a', 'an']);

// One word family by spelling: a shared start of five letters or more ("nigérien"/"Niger", "russian"/"Russie").
function sameFamily(word: string, sentenceWords: readonly string[]): boolean {
  return sentenceWords.some((w) => {
    let shared = 0;
    while (shared < Math.min(w.length, word.length) && w[shared] === word[shared]) shared++;
    return shared >= 5;
  });
}

// Acronyms the question asks about: words in capitals, or any short word of a "stand for" question.
function acronymsOf(question: string): string[] {
  const capitals = question.match(/(?<![\p{L}])\p{Lu}{2,8}(?![\p{L}])/gu) ?? [];
  const short = question.match(/(?<![\p{L}])[\p{L}]{2,8}(?![\p{L}])/gu) ?? [];
  return [...new Set([...capitals, ...short.map((w) => w.toUpperCase())])];
}

function nearDuplicate(a: string, b: string): boolean {
  const wordsA = new Set(a.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const wordsB = new Set(b.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.min(wordsA.size, wordsB.size) > 0.7;
}
