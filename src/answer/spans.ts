// Where, in a sentence, lies what a question asks for: a date for "when", a number for "how many",
// a name for "who", a place for "where", an expansion for "what does X stand for", a reason for
// "why". Found by the shape of the text, in French and English, never by a list of this corpus's names.
import { detached, fold, isStopWord, words } from '../text/analysis.js';
import { WORD_END, WORD_START } from '../text/boundaries.js';
import { clauseSpans, futureAt, type TextSpan } from '../text/clauses.js';
import { findDates, type DateMention } from '../text/dates.js';
import { findNumbers } from '../text/numbers.js';
import { ROLE_WORDS, type AnalysedQuestion } from './question.js';

export interface AnswerSpan extends TextSpan {
  /** Offsets in the sentence. */
  text: string;
  /** For dates: the mention, and whether its clause announces rather than reports. */
  date?: DateMention;
  planned?: boolean;
  /** For "who": a name whose tail the question gives ("Michael Langley de l'Africom"), the tail dropped. */
  ofGivenName?: boolean;
  /** For "where": a name after "du", "de la" ("les autorités du Niger"): whose, more often than where. */
  genitive?: boolean;
}

const L = '\\p{L}';
const B = WORD_START;
const E = WORD_END;
// ("G5", "M23": a capital and digits)
const NAME_WORD = `\\p{Lu}[${L}\\p{N}'’-]*`;
// A run of capitalised words, allowing the particles of names ("Maman Sani Kiaou", "Alliance des États du Sahel").
// An initial inside a name ("Kurt M. Campbell") belongs to it.
const NAME_RUN = new RegExp(`${B}${NAME_WORD}(?:\\s+(?:(?:de|du|des|d['’]|la|le|of|the|bin|ben|al|el)\\s*)?(?:\\p{Lu}\\.\\s+)?${NAME_WORD})*`, 'gu');
const DETERMINER = `(?:(?:le|la|les|l['’]|the)\\s*)?`;
// Several names at once answer "who" for a group: "le Niger, le Burkina et le Mali", "France and Chad".
const NAME_LIST = new RegExp(
  `${DETERMINER}${NAME_RUN.source}(?:\\s*,\\s*${DETERMINER}${NAME_RUN.source})*\\s*,?\\s+(?:et|and)\\s+${DETERMINER}${NAME_RUN.source}`,
  'gu',
);
const PLACE_BEFORE = new RegExp(`${B}(?:à|au|aux|en|in|at|near|from|vers|depuis|sur)\\s+(?:(?:la|le|les|l['’]|the)\\s*)?$`, 'iu');
const NUMBER = new RegExp(`${B}\\d{1,3}(?:[  .,]\\d{3})*(?:[.,]\\d+)?${E}|${B}\\d+${E}`, 'gu');
// Round quantities with their determiner: "un millier", "des centaines", "dozens of"; and their
// products whole: "des centaines de milliers", "tens of thousands" (not "milliers" alone).
const ROUND_NUMBER = new RegExp(
  `${B}(?:(?:un|une|des|quelques|plusieurs|a|several|dozens of|hundreds of|thousands of|tens of)\\s+)?(?:(?:dizaines|centaines)\\s+de\\s+)?(?:millier|milliers|centaine|centaines|dizaine|dizaines|douzaine|douzaines|quinzaine|vingtaine|trentaine|cinquantaine|soixantaine|thousand|hundred|dozen)s?${E}`,
  'giu',
);
const MONEY_AMOUNT = new RegExp(`(?:\\d|millions?|milliards?|billions?)\\s*(?:de\\s+|d['’]\\s*)?(?:dollars|euros|francs|pounds|livres sterling|\\$|€|£|usd|eur|gbp|fcfa|cfa)|[$€£]\\s*\\d`, 'iu');
// Roles that answer "who" as well as a name does ("l'ambassadrice américaine a été convoquée").
// ("quartier général" is a headquarters, not a general)
const ROLE = new RegExp(`${B}(?<!quartier\\s)(?:${ROLE_WORDS})${E}`, 'iu');

// A role with its determiner and an adjective of origin: "l'ambassadrice américaine", "mercenaires russes".
// (not a bare word coordinated with an adjective: "ordonné et responsable" describes, it names no one)
const ROLE_PHRASE = new RegExp(
  `(?<!\\p{Ll}\\s+(?:et|ou|and|or)\\s+)(?:(?:l['’]|le |la |les |the )\\s*)?${ROLE.source}(?:\\s+d['’]\\s*[ÉE]tat)?(?:\\s+adjointe?s?)?(?:\\s+\\p{Ll}+(?:aine?s?|ais(?:es?)?|iens?|iennes?|oise?s?|ale?s?|ique?s?|es))?`,
  'giu',
);
// Nouns of places a clause can send someone to or hold them in ("évacués vers l'hôpital … de Parakou").
const PLACE_NOUNS = [
  'base|d[ée]sert|nord|sud|est|ouest|r[ée]gion|capitale|ville|fronti[èe]re|village|quartier|commune|d[ée]partement|province|zone|camp|prison|h[ôo]pital|a[ée]roport|port|gare|stade|si[èe]ge|palais|ambassade|caserne|parc|site|centre|mairie|tribunal|[ée]cole|universit[ée]|usine|mine',
  'north|south|east|west|region|capital|city|border|desert|village|district|province|zone|camp|prison|hospital|airport|port|station|stadium|headquarters|palace|embassy|barracks|park|site|center|centre|court|school|university|factory|mine',
].join('|');
const PLACE_PREPOSITION = new RegExp(
  `${B}(?:(?:à|au|aux|en|dans|vers|près de|depuis|sur|in|at|near|from)\\s+(?:(?:la|le|les|l['’]|une?|the|a)\\s*)?|(?:du|de la|de l['’])\\s*(?=\\p{Lu}))(?:${NAME_WORD}|(?:${PLACE_NOUNS})s?${E}|h[ôo]pitaux${E})` +
    // its adjective and what places it: "une base située dans le désert", "la base militaire de Niamey"
    `(?:\\s+(?:militaire|aérienne|navale|air|military|naval|\\p{Ll}[\\p{L}-]{3,}(?=\\s+(?:des|du|de|d['’]))))?(?:\\s+(?:(?:des|du|de|of the|of)${E}|d['’])\\s*(?:(?:la|le|les|l['’])\\s*)?[\\p{L}-]+){0,3}` +
    `(?:,?\\s+(?:situ[ée]e?s?|implant[ée]e?s?|located)\\s+(?:(?:à|au|aux|en|dans|in|at|near)\\s+)(?:(?:la|le|les|l['’]|the)\\s*)?[\\p{L}-]+(?:\\s+(?:de|du|des|d['’])\\s*(?:(?:la|le|les|l['’])\\s*)?[\\p{L}-]+)?)?`,
  'gu',
);
const REASON = new RegExp(
  `${B}(?:vis(?:e|ait|ant|aient) à|afin de|afin d['’]|pour (?:lutter|assurer|permettre|éviter|poursuivre|finaliser|discuter|coordonner)|en raison d|à cause d|parce qu|car|suite à|objectif|but|invoquant|arguant|faute d|en réponse à|sous la pression d|because|in order to|so as to|aim(?:s|ed)? to|due to|owing to|as a result of|citing|in response to|the goal|the aim)${E}`,
  'iu',
);
const NEGATION = new RegExp(`${B}(?:ne|n['’]|pas|jamais|aucun|aucune|non|not|never|no|n't)${E}`, 'iu');

export interface SpanContext {
  /** The article's publication date, the anchor for dates written without a year. */
  published?: string;
  /** Numbers the question itself gives: they do not answer "how many". */
  askedNumbers: ReadonlySet<string>;
  /** Acronyms (or short words) the question asks the meaning of. */
  acronyms: readonly string[];
  /**
   * Whether the sentence (or its neighbours) speaks of what is counted or priced: the counted thing's origin
   * ("soldats français", not American ones), the thing whose price is asked ("the drone deal", not the vote's cost).
   */
  countedThingHolds: () => boolean;
  /** Whether a question word and an article word stand for the same thing (stems, glossary). */
  sameConcept: (questionWord: string, articleWord: string) => boolean;
}

/**
 * The spans of a sentence that have the type of answer the question wants. Undefined for intents
 * that any clause may answer (yes/no, how, other): then the best clause is the answer.
 */
export function answerSpans(sentence: string, question: AnalysedQuestion, ctx: SpanContext): AnswerSpan[] | undefined {
  switch (question.intent) {
    case 'when': {
      const dates = dateSpans(sentence, ctx.published).filter(
        (s) => (!question.wantsExactDay || s.date?.value.precision === 'day' || s.date?.weekday !== undefined) && (!question.asksFuture || s.planned) && (!datesSaying(sentence, s) || REPORTING.test(question.text)),
      );
      // "le pont date de quand": only a date of its making answers ("Construit en 1931", "l'accord signé en 2012").
      if (question.asksOrigin) return dates.filter((d) => ORIGIN_MARKER.test(clauseAround(sentence, d)));
      // "depuis quand…": with no date, the event it has lasted since ("depuis la prise du pouvoir par les militaires").
      // (not a place: "depuis les ports de Dakar" says where from)
      return dates.length || !question.asksSince || question.wantsExactDay ? dates : matches(sentence, SINCE_EVENT).filter((s) => !SINCE_PLACE.test(s.text));
    }
    case 'count':
      return countSpans(sentence, ctx, question);
    case 'who':
      // Names past the sentence's first word (which is capitalised anyway), and roles.
      // A name after "à", "en", "in" is a place ("lors d'une conférence à Abidjan, en Côte d'Ivoire"), not who.
      return [
        ...matches(sentence, NAME_RUN).filter((s) => s.start > 0 && s.text.length >= 3 && !PLACE_BEFORE.test(sentence.slice(Math.max(0, s.start - 12), s.start))),
        ...matches(sentence, NAME_LIST).filter((s) => !PLACE_BEFORE.test(sentence.slice(Math.max(0, s.start - 12), s.start))),
        ...matches(sentence, ROLE_PHRASE),
        ...namedByAcronym(sentence),
      ];
    case 'where':
      return matches(sentence, PLACE_PREPOSITION).map((span) => (/^(?:du|de)\s/iu.test(span.text) ? { ...span, genitive: true } : span));
    case 'standfor':
      return expansionSpans(sentence, ctx.acronyms);
    case 'why': {
      // A reason is often given without a marker ("aussi gouvernés par des régimes militaires"):
      // a marked one answers better, an unmarked sentence may still answer.
      const reasons = matches(sentence, new RegExp(REASON.source, 'giu'));
      return reasons.length ? reasons : undefined;
    }
    default:
      // "What were they doing there": a clause that says a mission answers best ("forces engagées dans la lutte
      // contre…"); any clause still may.
      // "How did they describe it": a clause that characterises ("se veut ordonné", "qualifié d'historique").
      if (question.asksActivity || question.asksDescription) {
        const marked = matches(sentence, question.asksActivity ? ACTIVITY : DESCRIPTION);
        return marked.length ? marked : undefined;
      }
      return undefined;
  }
}
const DESCRIPTION = new RegExp(
  `${B}(?:se (?:veut|voulait|veulent|voulaient)|se d[ée]roul\\p{L}*|de (?:manière|façon)|qualifi\\p{L}* (?:de|d['’])|d[ée]cri\\p{L}* comme|pr[ée]sent\\p{L}* comme|described as|describ\\p{L}* (?:it|them|this|that) as|called it|calling it|termed|in an? \\p{L}+ (?:manner|way)|smoothly)${E}`,
  'giu',
);
// (not "train" alone: "en train de", "le train")
const ACTIVITY = new RegExp(
  `${B}(?:(?:engag|impliqu|charg)(?:é|ée|és|ées)s?\\s+(?:dans|de|d['’]|à)|en charge d|particip\\p{L}*\\s+(?:à|aux?)|missions?|rôles?|lutt(?:e|er|ait|aient) contre|combatt\\p{L}*|form(?:er|ait|aient|ation)|entraîn\\p{L}*|surveill\\p{L}*|sécuris\\p{L}*|tasked with|in charge of|engaged in|involved in|tak(?:e|es|ing) part in|fight(?:ing)?(?: against)?|combat(?:ing|ting)?|training|to train|monitor(?:ing)?|patrol(?:s|ling)?|roles?)${E}`,
  'giu',
);

// "depuis la prise du pouvoir par les militaires", "since the coup": an event with its determiner
// ("depuis dix jours" is a length of time, not a starting point).
const SINCE_EVENT = new RegExp(
  `${B}(?:depuis|since)\\s+(?:le |la |les |l['’]|the |son |sa |ses |leur |leurs |its |their )\\s*[\\p{L}'’-]+(?:\\s+(?:(?:de|du|des|par|of|by)\\s+|d['’]\\s*)(?:(?:la|le|les|the)\\s+|l['’]\\s*)?[\\p{L}'’-]+){0,3}`,
  'giu',
);

const ORIGIN_MARKER = new RegExp(
  `${B}(?:construit|construite|construits|construction|bâti|bâtie|édifié|édifiée|érigé|érigée|fondé|fondée|fondation|créé|créée|création|inauguré|inaugurée|signé|signée|signature|conclu|conclue|adopté|adoptée|voté|votée|né|née|date de|datant de|remonte à|built|founded|created|erected|established|signed|concluded|adopted|passed|born|dates? (?:back )?(?:from|to)|dating from)${E}`,
  'iu',
);
// The clause a span is in.
function clauseAround(sentence: string, span: TextSpan): string {
  const clause = clauseSpans(sentence).find((c) => span.start >= c.start && span.start < c.end) ?? { start: 0, end: sentence.length };
  return sentence.slice(clause.start, clause.end);
}
const SINCE_PLACE = new RegExp(`^\\S+\\s+(?:(?:le|la|les|l['’]|the|son|sa|ses|leur|leurs|its|their)\\s*)?(?:${PLACE_NOUNS})s?${E}`, 'iu');

// "a déclaré mercredi 24 juillet que tous les soldats…", "said on Monday that…": the date is the
// statement's, not the event's it reports; it answers only a question about the statement.
const REPORTING = new RegExp(
  `${B}(?:d[ée]clar[ée]e?s?|annonc[ée]e?s?|indiqu[ée]e?s?|affirm[ée]e?s?|pr[ée]cis[ée]e?s?|expliqu[ée]e?s?|confirm[ée]e?s?|dit|said|announced?|stated?|declared?|told|confirmed?|say|says|announce|annonce|déclare)${E}`,
  'iu',
);
const REPORTING_BEFORE = new RegExp(`${REPORTING.source}\\s+(?:(?:le|on|ce|this|last)\\s+)?$`, 'iu');
function datesSaying(sentence: string, span: TextSpan): boolean {
  return REPORTING_BEFORE.test(sentence.slice(Math.max(0, span.start - 30), span.start)) && /^\s*,?\s*(?:que|qu['’]|that)(?![\p{L}])/u.test(sentence.slice(span.end));
}

// Reading a sentence's dates (chrono) is the costliest step of a question's sentences, and the same
// sentences come back question after question: read once per sentence and publication date. (Without a
// publication date, dates are read against today: not kept.)
const dateSpansCache = new Map<string, readonly AnswerSpan[]>();
const DATE_SPANS_CACHE_LIMIT = 5_000;

export function dateSpans(sentence: string, published: string | undefined): AnswerSpan[] {
  if (published === undefined) return readDateSpans(sentence, published);
  const key = `${published}\u0000${sentence}`;
  let spans = dateSpansCache.get(key);
  if (spans === undefined) {
    if (dateSpansCache.size >= DATE_SPANS_CACHE_LIMIT) dateSpansCache.clear();
    // (a copy of the sentence read and kept: a slice would keep its whole article's text alive)
    const own = detached(sentence);
    dateSpansCache.set(`${published}\u0000${own}`, (spans = readDateSpans(own, published)));
  }
  return [...spans];
}

function readDateSpans(sentence: string, published: string | undefined): AnswerSpan[] {
  const clauses = clauseSpans(sentence);
  const isFuture = futureAt(sentence, clauses);
  return findDates(sentence, { published, isFuture }).map((mention) => ({
    start: mention.start,
    end: mention.end,
    text: mention.text,
    date: mention,
    planned: isFuture(mention.start) || afterPublication(mention, published),
  }));
}

// Whatever comes after the article's own date had not happened when it was written.
function afterPublication(mention: DateMention, published: string | undefined): boolean {
  if (!published) return false;
  const { year, month, day } = mention.value;
  const iso = `${String(year).padStart(4, '0')}-${String(month ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
  return iso.slice(0, published.length) > published;
}

function countSpans(sentence: string, ctx: SpanContext, question: AnalysedQuestion): AnswerSpan[] {
  const dates = dateSpans(sentence, ctx.published);
  const inDate = (s: TextSpan) => dates.some((d) => s.start < d.end && s.end > d.start);
  const numbers = [...matches(sentence, NUMBER), ...matches(sentence, ROUND_NUMBER), ...writtenNumbers(sentence)].filter(
    (s) =>
      !ctx.askedNumbers.has(s.text.replace(/[  .,]/g, '')) &&
      // The date reader takes "3 jours" for three days from now: a length of time, for "how long".
      (question.asksDuration
        ? isDuration(sentence, s)
        : question.asksMeasure
        ? MEASURE_UNITS[question.asksMeasure].test(unitAfter(sentence, s))
        : !inDate(s) && !isShareOfNothingAsked(sentence, s, question.counted) && (question.wantsMoney || countsWhatWasAsked(unitPhraseAfter(sentence, s), question.counted, ctx, question.asksCasualties && (groupCounted(sentence, s) ?? true)) || (question.asksQuantity && isAmount(sentence, s, !question.counted.length)))) &&
      (!question.asksCasualties || countsCasualties(sentence, s, question.casualtyKind)) &&
      ctx.countedThingHolds(),
  );
  // "How long had talks been going on": "depuis juillet 2023" says it too.
  // (the date reader takes "depuis" into the date, or leaves it before)
  if (question.asksDuration) numbers.push(...dates.filter((d) => SINCE_BEFORE.test(sentence.slice(Math.max(0, d.start - 12), d.start)) || SINCE_START.test(d.text)));
  // "766 militaires sur 950 éléments au total", "12 out of 40": the first is a part; a question about the whole takes the second.
  // Asked how many did something, the part did it: not the whole it is counted "out of".
  // ("six des dix-neuf régions", "three of the five bases": the same, said with "des", "of the")
  const partOfWhole = (part: TextSpan, whole: TextSpan) => part.end <= whole.start && PART_OF_WHOLE.exec(sentence.slice(part.end, whole.start))?.[0].length === whole.start - part.end;
  const counting = numbers.filter((s) =>
    question.asksTotal
      ? !PART_OF.test(sentence.slice(s.end, s.end + 40)) && !numbers.some((n) => partOfWhole(s, n))
      : !WHOLE_OF.test(sentence.slice(Math.max(0, s.start - 60), s.start)) && !numbers.some((n) => partOfWhole(n, s)),
  );
  if (!question.wantsMoney) return counting;
  return counting.filter((s) => MONEY_AMOUNT.test(sentence.slice(Math.max(0, s.start - 3), s.end + 25)));
}

// Numbers written out, compounds whole: "sept accords", "two bases", "Quatre-vingt-sept cas", "cinquante-deux".
function writtenNumbers(sentence: string): AnswerSpan[] {
  return findNumbers(sentence)
    .map(({ start, end }) => ({ start, end, text: sentence.slice(start, end) }))
    .filter((s) => !/\d/u.test(s.text) && !BARE_ROUND_WORD.test(s.text));
}
// (a round word alone is ROUND_NUMBER's, with its determiner: "un millier"; "deux millions", "two thousand" are read here)
const BARE_ROUND_WORD = /^(?:milliers?|centaines?|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|cinquantaines?|soixantaines?|thousands?|hundreds?|dozens?)$/iu;

/** The noun a number counts: the word after it, past "de" ("un millier de soldats", "200 personnes"). */
export function unitAfter(sentence: string, span: TextSpan): string {
  const unit = /^\s+(?:d['’]\s*|de\s+|of\s+)?([\p{L}-]+)/u.exec(sentence.slice(span.end))?.[1] ?? '';
  // "cinquante-deux au total": no unit
  return isStopWord(fold(unit)) ? '' : unit;
}

const TIME_UNIT = /^(?:secondes?|minutes?|heures?|jours?|journées?|semaines?|mois|ans|années?|décennies?|siècles?|seconds?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$/iu;

// "3 jours", "près de 3 heures", but not the hour of "vers 19 heures", "at 7 hours".
// (nor an age: "Gérard Lapeyronie, 67 ans, a comparu", "âgé de 52 ans")
function isDuration(sentence: string, span: TextSpan): boolean {
  const before = sentence.slice(Math.max(0, span.start - 12), span.start);
  const age = (/,\s*$/u.test(before) && /^\s+(?:ans|years? old)\s*[,)]/u.test(sentence.slice(span.end))) || /[âa]g[ée]e?s? de\s+$|aged\s+$/iu.test(before);
  return TIME_UNIT.test(unitAfter(sentence, span)) && !CLOCK_BEFORE.test(before) && !age;
}
const MEASURE_UNITS = {
  size: /^(?:hectares?|ha|km²|m²|acres?|carr[ée]s?|square|lits|beds|places|seats|[ée]tages?|storeys?|floors?)$/iu,
  length: /^(?:km|kilom[èe]tres?|kilometers?|kilometres?|m|m[èe]tres?|meters?|metres?|miles?|pieds|feet|foot)$/iu,
};
const SINCE_BEFORE = new RegExp(`${B}(?:depuis|since)\\s+(?:(?:le|la|l['’]|the)\\s*)?$`, 'iu');
const SINCE_START = /^(?:depuis|since)\s/iu;
const CLOCK_BEFORE = new RegExp(`${B}(?:à|vers|dès|avant|après|jusqu['’]à|at|by|until|before|after|around)\\s+$`, 'iu');

const PART_OF = /^(?:\s+[\p{L}-]+){0,2}\s+(?:sur|out of)\s+\d/u;
const WHOLE_OF = /\d(?:\s+[\p{L}'’-]+){0,3}\s+(?:sur|out of)\s+$/u;

/**
 * The noun phrase a number counts, up to three words past "de"/"of", to the first small word:
 * "38 old apple varieties that…" → old, apple, varieties; "un millier de soldats américains" → soldats, américains.
 */
export function unitPhraseAfter(sentence: string, span: TextSpan): string[] {
  const phrase = nounPhraseAt(wholeAfterPart(sentence.slice(span.end)));
  // A measure counts what it measures: "1 800 tonnes d'ordures" counts ordures, "12,000 cubic metres of seawater" seawater.
  const measure = phrase.findIndex((word) => MEASURE_OF.test(word));
  if (measure >= 0 && measure === phrase.length - 1 && measure <= 1) {
    const after = sentence.slice(span.end).replace(new RegExp(`^(?:\\s*[\\p{L}-]+){${measure + 1}}`, 'u'), '');
    return [...phrase, ...nounPhraseAt(after).slice(0, 2)];
  }
  return phrase;
}

// "17,3 %" alone is a share (a fall, a rise), not a count of the asked thing: "combien de batteries" is not
// answered by it; "61 % des communes" counts communes (a part of them, read below), "what percentage" a share.
function isShareOfNothingAsked(sentence: string, span: TextSpan, counted: readonly string[]): boolean {
  return counted.length > 0 && !counted.some((w) => SHARE_WORD.test(w)) && SHARE_ALONE.test(sentence.slice(span.end));
}
const SHARE_ALONE = new RegExp(`^\\s*(?:%|pour\\s*cent${E}|per\\s*cent${E}|percent${E})(?!\\s*(?:des|d['’]entre|parmi|of)${E})`, 'iu');
const SHARE_WORD = /^(?:percent(?:age)?s?|per|cent|shares?|parts?|pourcentages?|pour|taux|proportions?|%)$/iu;

// A part counts what it is a part of: "six des dix-neuf régions", "61 % des communes", "three of the five bases"
// count régions, communes, bases. (The whole's own number is skipped.)
function wholeAfterPart(text: string): string {
  const part = PART_OF_WHOLE.exec(text);
  if (!part) return text;
  const rest = text.slice(part[0].length);
  const wholeNumber = findNumbers(rest)[0];
  return wholeNumber?.start === 0 ? rest.slice(wholeNumber.end) : rest;
}
const PART_OF_WHOLE = new RegExp(`^\\s*(?:%|pour\\s*cent${E}|per\\s*cent${E}|percent${E})?\\s*(?:des|d['’]entre\\s+(?:les|eux|elles)|parmi\\s+les|of\\s+the|of\\s+(?=\\d))${E}\\s*`, 'iu');

// Up to three words past "de"/"of", to the first small word.
function nounPhraseAt(text: string): string[] {
  const rest = /^\s*(?:d['’]\s*|de\s+|of\s+)?([^,;:.!?()«»"“”]*)/u.exec(text)?.[1] ?? '';
  const phrase: string[] = [];
  for (const [i, word] of rest.split(/\s+/u).filter(Boolean).slice(0, 3).entries()) {
    // ("deux autres blessés", "two more people": what is counted comes after "autres", "more")
    if (i === 0 && /^(?:autres|other|others|more)$/iu.test(word)) continue;
    if (!/^[\p{L}-]+$/u.test(word) || isStopWord(fold(word))) break;
    phrase.push(word);
  }
  return phrase;
}
// "how much gold": "6,8 tonnes d'or" (what a measure weighs may be a word the analysers drop); "how much
// is left": "12 millions d'euros" too, but not "how much trash is piling up" ("une hausse de 60 euros").
function isAmount(sentence: string, span: TextSpan, moneyToo: boolean): boolean {
  return unitPhraseAfter(sentence, span).slice(0, 2).some((word) => MEASURE_OF.test(word)) || (moneyToo && MONEY_AMOUNT.test(sentence.slice(Math.max(0, span.start - 3), span.end + 25)));
}
const MEASURE_OF = /^(?:tonnes?|tons?|kilos?|kilogrammes?|kg|grammes?|litres?|liters?|hectolitres?|m[èe]tres?|kilom[èe]tres?|km|hectares?|barils?|barrels?|gallons?|pounds?|livres?|sacs?|bags?|camions?|trucks?)$/iu;

// Adjectives of origin by their endings, in both languages: français, américains, nigérienne, russian, chinese.
export const ORIGIN_ADJECTIVE = /^\p{L}{3,}(?:ais|aise|aises|ain|aine|ains|aines|ien|iens|ienne|iennes|an|ans|ese|ish|iens|ois|oise|oises)$/u;

// Nouns that count people: "how many troops" is answered by "200 personnes" or "950 éléments", "how many jobs" by
// "employer 1 800 personnes"; casualties are a count of their own ("how many died" is not answered by "766 militaires").
const PEOPLE = new Set(
  'people persons person soldiers soldier troops troop personnel military men women staff employees workers jobs members fighters civilians refugees residents inhabitants patients passengers students children militaires soldats troupes personnes gens elements hommes femmes membres combattants civils refugies employes salaries agents habitants patients malades passagers voyageurs eleves etudiants enfants emplois'.split(' '),
);
const CASUALTIES = new Set('victims dead deaths killed wounded injured casualties victimes morts tues deces blesses'.split(' '));

// "766 militaires ont quitté le Niger" does not answer "how many soldiers died": the number's
// unit, or the words right after it, must speak of casualties ("12 soldats tués", "12 morts").
function countsCasualties(sentence: string, span: TextSpan, kind: 'dead' | 'wounded' | undefined): boolean {
  const after = sentence.slice(span.end, span.end + 40).split(/[,;.]/u)[0]!;
  // The first casualty word after the number says which it counts: "4 policiers tués et 2 autres blessés".
  const first = words(after).slice(0, 4).find((w) => CASUALTIES.has(w) || DEAD_WORD.test(w) || WOUNDED_WORD.test(w));
  // ("victimes", "casualties" are either)
  if (first !== undefined) return kind === undefined || (DEAD_WORD.test(first) ? kind === 'dead' : WOUNDED_WORD.test(first) ? kind === 'wounded' : true);
  // (or said before it: "la mort de 6 soldats", "the deaths of 12 people")
  return kind !== 'wounded' && CASUALTY_BEFORE.test(sentence.slice(Math.max(0, span.start - 30), span.start));
}
const DEAD_WORD = /^(?:tue|mort(?:e|s|es|el|elle|els|elles)?$|decede|deces$|killed|died|dead|death)/u; // (not "mortier")
const WOUNDED_WORD = /^(?:blesse|wounded|injur)/u;
const CASUALTY_BEFORE = new RegExp(`${B}(?:la mort|le décès|les décès|la disparition|deaths?|the death)\\s+(?:de|d['’]|of)\\s*(?:(?:au moins|plus de|près de|at least|more than|some)\\s+)?$`, 'iu');

// Casualties counted among a group the sentence names: "4 morts parmi les policiers" → "policiers".
function groupCounted(sentence: string, span: TextSpan): string | undefined {
  return GROUP_AFTER.exec(sentence.slice(span.end, span.end + 60))?.[1];
}
const GROUP_AFTER = /^\s*[\p{L}-]+\s+(?:parmi|among|chez|dans les rangs)\s+(?:(?:les|des|the|their|leurs|ses|its)\s+)?([\p{L}-]+)/iu;

/**
 * A number answers "how many X" when it counts X: the same word, a word the glossary gives for it, or, for people,
 * any noun that counts people. `casualtiesAmong` is false unless casualties were asked, then the group the sentence
 * counts them among, or true when it names none.
 */
function countsWhatWasAsked(phrase: readonly string[], counted: readonly string[], ctx: SpanContext, casualtiesAmong: string | boolean): boolean {
  if (!counted.length || !phrase.length) return true;
  // What is counted, not its origin ("american troops": troops; the origin is checked apart).
  const contentWords = counted.map(fold).filter((w) => !isStopWord(w));
  if (!contentWords.length) return true;
  const nouns = contentWords.filter((w) => !ORIGIN_ADJECTIVE.test(w));
  // Without a noun besides the origin ("combien d'américains"), the number's own unit must be it.
  const askedWords = nouns.length ? nouns : contentWords;
  // "how many officers were wounded": "deux autres blessés" counts them (which casualties is checked apart),
  // unless they are counted among others ("how many attackers were killed": not "4 morts parmi les policiers")
  if (casualtiesAmong !== false && CASUALTIES.has(fold(phrase[0]!))) {
    return casualtiesAmong === true || askedWords.some((w) => ctx.sameConcept(w, casualtiesAmong));
  }
  return (nouns.length ? phrase : phrase.slice(0, 1)).some((unit) => {
    const folded = fold(unit);
    for (const kind of [PEOPLE, CASUALTIES]) if (kind.has(folded) && askedWords.some((w) => kind.has(w))) return true;
    return askedWords.some((w) => ctx.sameConcept(w, unit));
  });
}

const APPOSITION_END = new RegExp(
  `\\s+(?:a|ont|est|sont|avait|va|vont|sera|qui|que|qu['’]|dont|said|says|has|have|had|is|was|were|will|which|who|that|announced|told)${E}.*$`,
  'isu',
);

// "Alliance des États du Sahel (AES)" or "AES (Alliance des États du Sahel)".
function expansionSpans(sentence: string, acronyms: readonly string[]): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const acronym of acronyms) {
    const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // ("(GSIM)", or "(GSIM, ou JNIM selon son acronyme arabe)")
    for (const m of sentence.matchAll(new RegExp(`\\(\\s*${escaped}\\s*(?:\\)|[,;])`, 'giu'))) {
      const expansion = expansionBefore(sentence.slice(0, m.index), acronym) ?? nounPhraseBefore(sentence.slice(0, m.index), acronym);
      if (expansion) spans.push(expansion);
    }
    for (const m of sentence.matchAll(new RegExp(`${B}${escaped}\\s*\\(([^)]{4,80})\\)`, 'giu'))) {
      const start = m.index + m[0].indexOf(m[1]!);
      spans.push({ start, end: start + m[1]!.length, text: m[1]! });
    }
    // In apposition: "la Semitan, la Société d'économie mixte des transports…", "NATO, the North Atlantic…":
    // a capitalised phrase starting with the acronym's letter, to the next comma.
    for (const m of sentence.matchAll(new RegExp(`${B}${escaped}\\s*,\\s*(?:la|le|les|l['’]|the)\\s*([\\p{L}][^,;:.()«»]{6,120})`, 'giu'))) {
      if (!/^\p{Lu}/u.test(m[1]!) || fold(m[1]!)[0] !== fold(acronym)[0]) continue;
      // The name ends where the sentence goes on: its verb or a relative ("…Authority said on Monday", "…nantaise, qui").
      const text = m[1]!.replace(APPOSITION_END, '').trimEnd();
      if (text.split(/\s+/u).length < 2) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      spans.push({ start, end: start + text.length, text });
    }
  }
  return spans;
}

// An organisation named with its acronym, "le Groupe de soutien à l'islam et aux musulmans (GSIM)":
// its name is mostly common words, but the acronym that spells it makes it one.
function namedByAcronym(sentence: string): AnswerSpan[] {
  return [...sentence.matchAll(/\(\s*(\p{Lu}[\p{Lu}\p{N}&-]{1,7})\s*\)/gu)].flatMap((m) => {
    const expansion = expansionBefore(sentence.slice(0, m.index), m[1]!);
    if (!expansion) return [];
    const end = m.index + m[0].length;
    return [{ start: expansion.start, end, text: sentence.slice(expansion.start, end) }];
  });
}

// The fewest words before "(ACR)" that spell it: the first capitalised and starting with its first
// letter, its letters in order among the initials of the longer words ("Conseil national pour la
// sauvegarde de la patrie (CNSP)", "Alliance des États du Sahel (AES)").
function expansionBefore(text: string, acronym: string): AnswerSpan | undefined {
  const wordsBefore = [...text.matchAll(/[\p{L}\p{N}]+/gu)]; // "l’Alliance": the elided article is a word of its own, as each part of "Niger-Tchad"
  const letters = fold(acronym).replace(/[^a-z0-9]/g, '');
  for (let n = Math.max(1, letters.length - 1); n <= Math.min(wordsBefore.length, letters.length + 8); n++) {
    const candidate = wordsBefore.slice(-n);
    const first = candidate[0]![0];
    if (fold(first)[0] !== letters[0]) continue;
    const spelling = candidate.filter((w, i) => i === 0 || w[0].length > 3 || /^\p{Lu}/u.test(w[0])).map((w) => fold(w[0]));
    const initials = spelling.flatMap((w) => (WORD_PREFIX.test(w) ? [w[0]!, w.replace(WORD_PREFIX, '')[0]!] : [w[0]!]));
    let at = 0;
    for (const initial of initials) if (initial === letters[at]) at++;
    if (at < letters.length) continue;
    // Written in lower case ("l'agence régionale de santé (ARS)"), its words must spell it exactly
    // (a prefixed word may give two letters: "juridiction interrégionale spécialisée (JIRS)").
    if (!/^\p{Lu}/u.test(first) && !spellsExactly(spelling, letters)) continue;
    const start = candidate[0]!.index;
    const end = text.trimEnd().length;
    return { start, end, text: text.slice(start, end) };
  }
  return undefined;
}

const WORD_PREFIX = /^(?:inter|intra|trans|multi|pluri|sous|super|hyper|post|pr[eé]|co)(?=[a-z]{3})/u;
function spellsExactly(words: readonly string[], letters: string): boolean {
  const pattern = words.map((w) => w[0] + (WORD_PREFIX.test(w) ? `${w.replace(WORD_PREFIX, '')[0]}?` : '')).join('');
  return new RegExp(`^${pattern}$`, 'u').test(letters);
}

// An acronym made of syllables ("commandement militaire américain pour l'Afrique (Africom)"): the
// noun phrase before it, back to its determiner, when one of its words starts as the acronym does.
function nounPhraseBefore(text: string, acronym: string): AnswerSpan | undefined {
  const prefix = fold(acronym).slice(0, 3);
  const determiners = [...text.matchAll(new RegExp(`${B}(?:du|de la|de l['’]|des|le|la|les|l['’]|the|of)\\s*`, 'giu'))].reverse();
  for (const d of determiners) {
    const start = d.index + d[0].length;
    const phrase = text.slice(start).trimEnd();
    const words = phrase.split(/[\s'’]+/u).filter(Boolean);
    if (words.length > 8) return undefined;
    if (words.length >= 2 && words.some((w) => fold(w).startsWith(prefix))) return { start, end: start + phrase.length, text: phrase };
  }
  return undefined;
}

function matches(sentence: string, pattern: RegExp): AnswerSpan[] {
  return [...sentence.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The names a text writes as places ("au Burkina Faso", "à Niamey", "in Chad"), as written. */
export function placeNames(text: string): Set<string> {
  const places = new Set<string>();
  for (const m of text.matchAll(PLACE_NAME)) places.add(m[1]!);
  return places;
}
// (built once: answers read the places of every sentence a question names a place for)
const PLACE_NAME = new RegExp(`${B}(?:à|au|aux|en|dans|in|at)\\s+(?:(?:la|le|les|l['’]|the)\\s*)?(${NAME_RUN.source})`, 'gu');

/** Whether a text denies rather than affirms. */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}
