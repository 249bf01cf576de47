// Headlines: a few words saying who did what, for each dated mention, without a language model.
// The action is the news verb or noun (actions.ts) that governs the date; around it, the clause
// gives who did it or what it was done to. The action is named in the reader's language; the
// people and things keep the article's words. With no action found, the clause holding the date
// is the headline, cut at a phrase boundary.
import { fold, type Language } from '../text/analysis.js';
import type { TextSpan } from '../text/clauses.js';
import { ACTION_FORMS, NOT_ACTIONS, type NewsAction } from './actions.js';

export const HEADLINE_MAX = 60;

export interface Headline {
  text: string;
  lang: Language;
}

export interface EventHeadline {
  /** The action's id in actions.ts, when one governs the date. */
  action?: string;
  /** Who or what the headline names with the action, as the article writes it. */
  theme?: string;
  /** The one who acted is a pronoun ("il sera achevé"): the event is told elsewhere in the article. */
  anaphoric: boolean;
  /** The date follows a past participle ("signé le 4 mars"): done, whatever the tense around it. */
  done?: boolean;
  headlines: Record<Language, Headline>;
}

interface Token {
  /** Its position among the sentence's tokens, and the clause it is in. */
  index: number;
  clause: number;
  text: string;
  /** Folded, without its apostrophe: "l’" → "l"; for the action vocabulary. */
  key: string;
  /** Lower case with its accents, without its apostrophe, for function words: "à" is not "a". */
  word: string;
  start: number;
  end: number;
}

interface ActionMatch {
  action: NewsAction;
  first: number;
  last: number;
}

// Function words are compared with their accents ("à" is not "a"); "a" is English's article only in English text.
const DETERMINERS = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'the', 'an', 'its', 'their', 'his', 'her']);
const DE = new Set(['de', 'du', 'des', 'd', 'of']);
const PREPOSITIONS = new Set([
  'à', 'au', 'aux', 'en', 'dans', 'sur', 'pour', 'par', 'avec', 'entre', 'sans', 'sous', 'chez', 'vers', 'contre', 'lors', 'selon', 'depuis', 'pendant', 'après', 'avant', 'malgré', 'afin', 'parmi', 'jusqu', 'jusque',
  'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'after', 'before', 'since', 'during', 'between', 'against', 'over', 'under', 'into', 'as', 'outside', 'inside', 'near', 'until', 'till',
]);
// What may stand between an action and its date: "signé en 2012", "le coup d'État du 26 juillet".
const DATE_LINKS = new Set(['en', 'le', 'du', 'de', 'd', 'au', 'des', 'in', 'on', 'of', 'since', 'depuis']);
const CLAUSE_WORDS = new Set(['qui', 'que', 'qu', 'dont', 'où', 'lorsque', 'lorsqu', 'quand', 'mais', 'car', 'si', 'who', 'which', 'that', 'when', 'but', 'because', 'if', 'while']);
const RELATIVE_SUBJECTS = new Set(['qui', 'who', 'which', 'that']);
const PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'j', 'it', 'they', 'he', 'she', 'we', 'ce', 'cela', 'this']);
// Auxiliaries, negation, reflexives and adverbs between a subject and its verb.
const AUXILIARIES = new Set([
  'a', 'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'auraient', 'eu', 'avoir',
  'est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'été', 'être', 'fut', 'furent',
  'doit', 'doivent', 'devait', 'devaient', 'devra', 'devront', 'devrait', 'devraient', 'va', 'vont', 'vient', 'viennent', 'venait',
  'se', 's', 'ne', 'n',
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'should', 'could', 'did', 'do', 'does',
]);
const VERB_GROUP = new Set([...AUXILIARIES, 'pas', 'plus', 'y', 'tous', 'toutes', 'déjà', 'aussi', 'également', 'notamment', 'encore', 'bien', 'not', 'also', 'already', 'all']);
const FUTURE_AUX = new Set(['sera', 'seront', 'aura', 'auront', 'devra', 'devront', 'devrait', 'devraient', 'va', 'vont', 'will', 'be', 'être']);
const PASSIVE_AUX = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'été', 'être', 'fut', 'furent', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
// How many words from its date an action may be, in the date's own clause.
const MAX_REACH = 10;
const START_OF = { en: 'Start of', fr: 'le début' };
const STARTS = /(?:^|\s)(?:depuis|since)\s/iu;
// Past participles, accents kept: "signé", "partis", "remise", "vu"; English "signed", "taken".
const PARTICIPLE = /(?:é|ée|és|ées|i|is|ie|ies|u|ue|us|ues|it|ite|its|ites|ed|en)$/u;
const BREAK = /[,;:()«»"“”[\]–—]|\s-\s/u;

/** The headline of the event a date mention dates, in English and French. */
export function eventHeadline(sentence: string, clauses: readonly TextSpan[], mention: TextSpan, dates: readonly TextSpan[], language: Language): EventHeadline {
  const { ctx, actions } = readSentence(sentence, clauses, dates, language);
  const { tokens } = ctx;
  const dateFirst = tokens.findIndex((t) => t.end > mention.start);
  const dateLast = findLastIndex(tokens, (t) => t.start < mention.end);
  const match = governingAction(ctx, actions, dateFirst, dateLast);
  if (!match) return fallback(ctx, mention, language);

  const phrase = themeOf(ctx, match);
  const verb = ctx.tokens[match.last]!;
  const adjacent = match.last < dateFirst && ctx.tokens.slice(match.last + 1, dateFirst).every((t) => DATE_LINKS.has(t.word)) && dateFirst - match.last <= 3;
  const done = adjacent && match.first === match.last && isParticiple(ctx, verb) && !FUTURE_AUX.has(ctx.tokens[match.first - 1]?.word ?? '');
  const startOf = STARTS.test(` ${sentence.slice(Math.max(0, mention.start - 8), mention.end)}`);
  const place = match.action.role === 'place' || !phrase.tokens.length ? placeOf(ctx, match) : [];
  const theme = phrase.tokens.length ? text(ctx, phrase.tokens) : undefined;
  return {
    action: match.action.id,
    ...(theme ? { theme } : {}),
    anaphoric: phrase.anaphoric,
    ...(done ? { done } : {}),
    headlines: {
      fr: { text: compose(ctx, 'fr', match.action, startOf, phrase, place), lang: 'fr' },
      en: { text: compose(ctx, 'en', match.action, startOf, phrase, place), lang: 'en' },
    },
  };
}

interface Context {
  sentence: string;
  tokens: Token[];
  clauses: readonly TextSpan[];
  inDate: (t: Token) => boolean;
  clauseOf: (t: Token) => number;
  language: Language;
}

// A sentence with several dates is read once: the last one read is kept.
let lastRead: { sentence: string; clauses: readonly TextSpan[]; dates: readonly TextSpan[]; language: Language; ctx: Context; actions: ActionMatch[] } | undefined;

function readSentence(sentence: string, clauses: readonly TextSpan[], dates: readonly TextSpan[], language: Language): { ctx: Context; actions: ActionMatch[] } {
  if (lastRead?.sentence === sentence && lastRead.clauses === clauses && lastRead.dates === dates && lastRead.language === language) return lastRead;
  const tokens = tokenize(sentence, clauses);
  const inDate = (t: Token) => dates.some((d) => t.start < d.end && t.end > d.start);
  const ctx: Context = { sentence, tokens, clauses, inDate, clauseOf: (t) => t.clause, language };
  lastRead = { sentence, clauses, dates, language, ctx, actions: findActions(ctx) };
  return lastRead;
}

function tokenize(sentence: string, clauses: readonly TextSpan[]): Token[] {
  return [...sentence.matchAll(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*['’]?/gu)].map((m, index) => ({
    index,
    clause: Math.max(0, clauses.findIndex((c) => m.index >= c.start && m.index < c.end)),
    text: m[0],
    key: fold(m[0]).replace(/'$/u, ''),
    word: m[0].toLowerCase().replace(/['’]$/u, ''),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// The forms whose first word a word can be, per word: news vocabulary is small, so this stays small.
const formsByFirstWord = new Map<string, typeof ACTION_FORMS>();

function formsStartingWith(key: string): typeof ACTION_FORMS {
  let forms = formsByFirstWord.get(key);
  if (!forms) {
    forms = ACTION_FORMS.filter(({ words }) => words[0]!.test(key));
    if (formsByFirstWord.size > 100_000) formsByFirstWord.clear();
    formsByFirstWord.set(key, forms);
  }
  return forms;
}

function findActions(ctx: Context): ActionMatch[] {
  const found: ActionMatch[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.inDate(ctx.tokens[i]!)) continue;
    const hit = formsStartingWith(ctx.tokens[i]!.key).find(({ words }) =>
      words.every((word, k) => {
        const token = ctx.tokens[i + k];
        return k === 0 || (token && !ctx.inDate(token) && word.test(token.key));
      }),
    );
    if (hit?.verbOnly && !VERB_GROUP.has(ctx.tokens[i - 1]?.word ?? '')) continue;
    if (!hit || NOT_ACTIONS.some((phrase) => phrase.every((word, k) => ctx.tokens[i - phrase.length + 1 + k]?.word === word))) continue;
    found.push({ action: hit.action, first: i, last: i + hit.words.length - 1 });
    i += hit.words.length - 1;
  }
  return found;
}

/**
 * The action the date belongs to: one the date directly follows ("signé en 2012", "le coup d'État
 * du 26 juillet", "a déclaré mercredi 24 juillet"), else the nearest, in the date's clause first.
 * A trip's purpose ("se rendra mercredi pour une rencontre") is the event rather than the trip.
 */
function governingAction(ctx: Context, found: ActionMatch[], dateFirst: number, dateLast: number): ActionMatch | undefined {
  let matches = found;
  const dateClause = ctx.clauseOf(ctx.tokens[dateFirst]!);
  // A verb the vocabulary does not know, just before the date ("déposé le 28 janvier"), governs
  // it, unless it qualifies an action noun ("les discussions initiées depuis août").
  let link = dateFirst - 1;
  while (link >= 0 && DATE_LINKS.has(ctx.tokens[link]!.word) && dateFirst - link <= 2) link--;
  const before = ctx.tokens[link];
  if (before && !matches.some((m) => m.last === link) && isParticiple(ctx, before) && !breaksBefore(ctx, link + 1)) {
    return matches.find((m) => m.last === link - 1);
  }
  // In a clause that says more than the date, an action far from it tells of something else
  // ("L'accord signé le 4 mars prévoit … le maintien des postes jusqu'en 2027").
  const dateOnly = ctx.tokens.filter((t) => ctx.clauseOf(t) === dateClause && !ctx.inDate(t) && !PREPOSITIONS.has(t.word) && !isDeterminer(ctx, t) && !DE.has(t.word)).length === 0;
  if (!dateOnly) matches = matches.filter((m) => ctx.clauseOf(ctx.tokens[m.first]!) !== dateClause || (m.last < dateFirst ? dateFirst - m.last : m.first - dateLast) <= MAX_REACH);
  const score = (m: ActionMatch) => {
    const gap = m.last < dateFirst ? ctx.tokens.slice(m.last + 1, dateFirst) : ctx.tokens.slice(dateLast + 1, m.first);
    if (m.last < dateFirst && gap.length <= 2 && gap.every((t) => DATE_LINKS.has(t.word))) return 0;
    const distance = m.last < dateFirst ? dateFirst - m.last : m.first - dateLast;
    return 10 + Math.abs(ctx.clauseOf(ctx.tokens[m.first]!) - dateClause) * 100 + distance;
  };
  let best = [...matches].sort((a, b) => score(a) - score(b))[0];
  // An action noun that is the object of an action verb ("ont voté la grève") is told by the verb.
  const verb = best && isNoun(ctx, best) ? matches.find((m) => m.last === best!.first - 2 && !isNoun(ctx, m)) : undefined;
  if (verb) best = verb;
  if (!best?.action.motion) return best;
  const purpose = matches.find((m) => m.first > best.last && ctx.clauseOf(ctx.tokens[m.first]!) === ctx.clauseOf(ctx.tokens[best.first]!) && isNoun(ctx, m) && [ctx.tokens[m.first - 2]?.word, ctx.tokens[m.first - 1]?.word].some((w) => w === 'pour' || w === 'for'));
  return purpose ?? best;
}

function isNoun(ctx: Context, m: ActionMatch): boolean {
  return isDeterminer(ctx, ctx.tokens[m.first - 1]) || m.action.role === 'place';
}

function isDeterminer(ctx: Context, token: Token | undefined): boolean {
  return !!token && (DETERMINERS.has(token.word) || (ctx.language === 'en' && token.word === 'a'));
}

interface Phrase {
  tokens: Token[];
  /** How the phrase joins the action: "de" (who or what), "by" (who said), "with" (with whom), or verbatim (a noun's own complement). */
  link: 'of' | 'by' | 'with' | 'verbatim';
  anaphoric: boolean;
}

/** Who or what goes with the action, by its role and by the sentence's construction. */
function themeOf(ctx: Context, m: ActionMatch): Phrase {
  const none: Phrase = { tokens: [], link: 'of', anaphoric: false };
  const { role } = m.action;
  if (role === 'place') return none;
  if (isNoun(ctx, m)) {
    const next = ctx.tokens[m.last + 1];
    if (next && !breaksBefore(ctx, m.last + 1) && (DE.has(next.word) || ['entre', 'avec', 'between', 'with'].includes(next.word))) {
      const tokens = phraseAfter(ctx, m.last + 2);
      return tokens.length ? { tokens: [next, ...tokens], link: 'verbatim', anaphoric: false } : none;
    }
    return role === 'partner' ? partnerOf(ctx, m) : none;
  }
  if (role === 'partner') return partnerOf(ctx, m);
  const passive = isPassive(ctx, m);
  if (role === 'object' && !passive) {
    const tokens = phraseAfter(ctx, skipVerbGroup(ctx, m.last + 1));
    if (tokens.length) return { tokens, link: 'of', anaphoric: false };
    // No object ("will vote on the budget"): who acted.
    const subject = subjectOf(ctx, m);
    return subject.length && !(subject.length === 1 && PRONOUNS.has(subject[0]!.word)) ? { tokens: subject, link: 'by', anaphoric: false } : none;
  }
  const subject = passive === 'participle' ? nounPhraseBefore(ctx, m.first - 1) : subjectOf(ctx, m);
  if (subject.length === 1 && PRONOUNS.has(subject[0]!.word)) return { tokens: [], link: 'of', anaphoric: true };
  return { tokens: subject, link: role === 'agent' ? 'by' : 'of', anaphoric: false };
}

function partnerOf(ctx: Context, m: ActionMatch): Phrase {
  const clause = ctx.clauseOf(ctx.tokens[m.first]!);
  for (let i = m.last + 1; i < ctx.tokens.length && ctx.clauseOf(ctx.tokens[i]!) === clause; i++) {
    if (['avec', 'with', 'entre', 'between'].includes(ctx.tokens[i]!.word)) {
      const tokens = phraseAfter(ctx, i + 1);
      if (tokens.length) return { tokens: [ctx.tokens[i]!, ...tokens], link: 'verbatim', anaphoric: false };
    }
  }
  if (isNoun(ctx, m)) return { tokens: [], link: 'with', anaphoric: false };
  // "a rencontré les représentants syndicaux": the object is the partner.
  return { tokens: phraseAfter(ctx, skipVerbGroup(ctx, m.last + 1)), link: 'with', anaphoric: false };
}

function isParticiple(ctx: Context, token: Token): boolean {
  return PARTICIPLE.test(token.word) && /^\p{Ll}/u.test(token.text) && token.key.length > 3 && !VERB_GROUP.has(token.word) && !PREPOSITIONS.has(token.word);
}

/**
 * "a été officialisée", "ont été les premiers à être expulsés" (passive); "l'accord signé en 2012",
 * "Le préavis, déposé le 28 janvier" (a participle after its noun, followed by no object of its
 * own). English simple pasts look like participles: there only "by" or a date after it says passive.
 */
function isPassive(ctx: Context, m: ActionMatch): 'auxiliary' | 'participle' | false {
  const before = ctx.tokens[m.first - 1];
  const verb = ctx.tokens[m.first]!;
  const after = ctx.tokens[m.last + 1];
  if (!before) return false;
  if (!breaksBefore(ctx, m.first) && PASSIVE_AUX.has(before.word)) return 'auxiliary';
  if (!isParticiple(ctx, verb) || m.first !== m.last) return false;
  const dated = !!after && (ctx.inDate(after) || (DATE_LINKS.has(after.word) && !!ctx.tokens[m.last + 2] && ctx.inDate(ctx.tokens[m.last + 2]!)));
  if (after && !dated && !breaksBefore(ctx, m.last + 1) && (isDeterminer(ctx, after) || /^[\p{Lu}\p{N}]/u.test(after.text))) return false;
  if (ctx.language === 'en' && !dated && after?.word !== 'by') return false;
  if (breaksBefore(ctx, m.first)) return 'participle';
  if (!VERB_GROUP.has(before.word) && !PRONOUNS.has(before.word) && !isDeterminer(ctx, before) && !CLAUSE_WORDS.has(before.word)) return 'participle';
  return false;
}

/** The subject of a verb: the words of its clause before it, a relative's antecedent, or an earlier clause's subject. */
function subjectOf(ctx: Context, m: ActionMatch): Token[] {
  const clause = ctx.clauseOf(ctx.tokens[m.first]!);
  let end = m.first - 1;
  while (end >= 0 && ctx.clauseOf(ctx.tokens[end]!) === clause && (VERB_GROUP.has(ctx.tokens[end]!.word) || /ment$/u.test(ctx.tokens[end]!.key))) end--;
  if (end >= 0 && ctx.clauseOf(ctx.tokens[end]!) === clause) {
    if (RELATIVE_SUBJECTS.has(ctx.tokens[end]!.word)) return nounPhraseBefore(ctx, end - 1);
    // Two words with a pause between ("les premiers à être"): not a subject; look further back.
    let start = end;
    while (start > 0 && ctx.clauseOf(ctx.tokens[start - 1]!) === clause) start--;
    const words = trimPhrase(ctx, ctx.tokens.slice(start, end + 1));
    if (words.length && !AUXILIARIES.has(ctx.tokens[start]!.word)) return words;
  }
  // The verb opens its clause: the subject is the last clause before it that is not a date, an aside or a link word.
  for (let c = clause - 1; c >= 0; c--) {
    const words = ctx.tokens.filter((t) => ctx.clauseOf(t) === c);
    const content = words.filter((t) => !ctx.inDate(t) && !PREPOSITIONS.has(t.word) && !DETERMINERS.has(t.word));
    if (content.length < 1 || (content.length === 1 && /^\p{Ll}/u.test(content[0]!.text) && !PRONOUNS.has(content[0]!.word))) continue;
    if (PARTICIPLE.test(words[0]!.word) && /^\p{Ll}/u.test(words[0]!.text) && words[0]!.key.length > 3) continue;
    return trimPhrase(ctx, words);
  }
  return [];
}

/** A noun phrase ending at a position, back to its determiner ("l'accord de coopération militaire"). */
function nounPhraseBefore(ctx: Context, end: number): Token[] {
  for (let i = end; i >= 0 && i > end - 9; i--) {
    const token = ctx.tokens[i]!;
    if (ctx.inDate(token) || CLAUSE_WORDS.has(token.word) || (i < end && breaksBefore(ctx, i + 1))) return /^\p{Lu}/u.test(ctx.tokens[i + 1]?.text ?? '') ? ctx.tokens.slice(i + 1, end + 1) : [];
    if (isDeterminer(ctx, token) && !DE.has(ctx.tokens[i - 1]?.word ?? '')) return ctx.tokens.slice(i, end + 1);
  }
  return [];
}

/** The words from a position to the end of the phrase: up to a pause, a clause word, a date or a preposition other than "de". */
function phraseAfter(ctx: Context, from: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < ctx.tokens.length; i++) {
    const token = ctx.tokens[i]!;
    if (ctx.inDate(token) || CLAUSE_WORDS.has(token.word) || (i > from && breaksBefore(ctx, i))) break;
    if (PREPOSITIONS.has(token.word) && out.length) break;
    if (i === from && (PREPOSITIONS.has(token.word) || VERB_GROUP.has(token.word))) break;
    out.push(token);
  }
  return trimPhrase(ctx, out);
}

function skipVerbGroup(ctx: Context, from: number): number {
  let i = from;
  while (i < ctx.tokens.length && !breaksBefore(ctx, i) && (VERB_GROUP.has(ctx.tokens[i]!.word) || /ment$/u.test(ctx.tokens[i]!.key))) i++;
  return i;
}

/** A phrase cut at its first preposition other than "de", a pause or a participle with its complement; no date, no dangling "de". */
function trimPhrase(ctx: Context, words: Token[]): Token[] {
  const out: Token[] = [];
  for (const [i, token] of words.entries()) {
    if (ctx.inDate(token) || (i > 0 && breaksBefore(ctx, token.index))) break;
    if (i > 0 && (PREPOSITIONS.has(token.word) || CLAUSE_WORDS.has(token.word))) break;
    if (i > 1 && PARTICIPLE.test(token.word) && /^\p{Ll}/u.test(token.text) && PREPOSITIONS.has(words[i + 1]?.word ?? '') && token.key.length > 4) break;
    out.push(token);
  }
  return trimTail(out);
}

/** "à Niamey", "in Niamey": a place named in the action's clause. */
function placeOf(ctx: Context, m: ActionMatch): Token[] {
  const clause = ctx.clauseOf(ctx.tokens[m.first]!);
  for (let i = 0; i < ctx.tokens.length - 1; i++) {
    const token = ctx.tokens[i]!;
    const next = ctx.tokens[i + 1]!;
    if (ctx.clauseOf(token) !== clause || !['à', 'in', 'at'].includes(token.word) || !/^\p{Lu}/u.test(next.text) || ctx.inDate(next)) continue;
    let last = i + 1;
    while (/^\p{Lu}/u.test(ctx.tokens[last + 1]?.text ?? '') && !breaksBefore(ctx, last + 1)) last++;
    return ctx.tokens.slice(i + 1, last + 1);
  }
  return [];
}

function breaksBefore(ctx: Context, i: number): boolean {
  const previous = ctx.tokens[i - 1];
  const token = ctx.tokens[i];
  return !previous || !token || BREAK.test(ctx.sentence.slice(previous.end, token.start)) || ctx.clauseOf(previous) !== ctx.clauseOf(token);
}

/** The words as written; a determiner capitalised only because it opens the sentence is lower-cased ("Un accord" → "un accord"). */
function text(ctx: Context, tokens: readonly Token[]): string {
  const written = ctx.sentence.slice(tokens[0]!.start, tokens.at(-1)!.end);
  return DETERMINERS.has(tokens[0]!.word) || (ctx.language === 'en' && tokens[0]!.word === 'a') ? written.charAt(0).toLowerCase() + written.slice(1) : written;
}

/**
 * The headline: the action's noun in the language asked, then who or what, then where; the longest
 * version within the limit, shortened at phrase boundaries (never inside a word).
 */
function compose(ctx: Context, language: Language, action: NewsAction, startOf: boolean, phrase: Phrase, place: Token[]): string {
  const head = startOf ? (language === 'fr' ? `${START_OF.fr} ${ofFr(action.noun.fr)}` : `${START_OF.en} ${action.noun.en.toLowerCase()}`) : action.noun[language];
  const headText = capitalise(language === 'fr' ? head.replace(/^(?:le|la|les) |^l'/u, '').replace(/'/gu, '’') : head);
  for (let cut = phrase.tokens.length; cut >= 0; cut = shorter(phrase.tokens, cut)) {
    const tokens = trimTail(phrase.tokens.slice(0, cut));
    for (const withPlace of place.length ? [true, false] : [false]) {
      const parts = [headText];
      if (tokens.length) parts.push(link(ctx, language, phrase.link, tokens));
      if (withPlace) parts.push(`${language === 'fr' ? 'à' : 'in'} ${text(ctx, place)}`);
      const candidate = parts.join(' ');
      if (candidate.length <= HEADLINE_MAX) return candidate;
    }
    if (cut === 0) break;
  }
  return cutAtWord(headText, HEADLINE_MAX);
}

/** The next shorter cut of a phrase: before its last "de", "et" or determiner. */
function shorter(tokens: readonly Token[], cut: number): number {
  for (let i = cut - 1; i > 0; i--) if (DE.has(tokens[i]!.word) || ['et', 'and', 'entre', 'avec'].includes(tokens[i]!.word) || (DETERMINERS.has(tokens[i]!.word) && i > 1)) return i;
  return 0;
}

function trimTail(tokens: Token[]): Token[] {
  let out = tokens;
  while (out.length && (DE.has(out.at(-1)!.word) || DETERMINERS.has(out.at(-1)!.word) || PREPOSITIONS.has(out.at(-1)!.word) || CLAUSE_WORDS.has(out.at(-1)!.word) || ['et', 'and'].includes(out.at(-1)!.word))) out = out.slice(0, -1);
  return out;
}

function link(ctx: Context, language: Language, how: Phrase['link'], tokens: readonly Token[]): string {
  if (language === 'fr') {
    const [first, ...rest] = tokens;
    const french = { with: 'avec', between: 'entre' }[first!.word];
    if (how === 'verbatim' && french) return `${french} ${withoutArticle(ctx, rest)}`;
    if (how === 'verbatim' && first!.word === 'of') return ofFr(withoutArticle(ctx, rest));
    if (how === 'verbatim') return text(ctx, tokens);
    if (how === 'with') return `avec ${text(ctx, tokens)}`;
    return ofFr(text(ctx, tokens));
  }
  if (how === 'verbatim') {
    const [first, ...rest] = tokens;
    const word = { entre: 'between', avec: 'with', between: 'between', with: 'with' }[first!.word] ?? 'of';
    return `${word} ${withoutArticle(ctx, rest)}`;
  }
  return `${{ of: 'of', by: 'by', with: 'with' }[how]} ${withoutArticle(ctx, tokens)}`;
}

/** "de" before a French phrase, contracted: "le pays" → "du pays", "les soldats" → "des soldats", "Agadez" → "d’Agadez". */
function ofFr(phrase: string): string {
  const m = /^(\p{L}+)(['’]?)\s*/u.exec(phrase);
  const first = fold(m?.[1] ?? '');
  const rest = phrase.slice(m?.[0].length ?? 0);
  if (first === 'le' && !m?.[2]) return `du ${rest}`;
  if (first === 'les' || first === 'des') return `des ${rest}`;
  if (first === 'du') return phrase;
  if (first === 'the' || first === 'a' || first === 'an') return ofFr(rest);
  return /^[aeiouyh]/iu.test(fold(phrase)) ? `d’${phrase}` : `de ${phrase}`;
}

/** For an English headline, a phrase without its leading articles and quantifiers ("tous les soldats" → "soldats"). */
function withoutArticle(ctx: Context, tokens: readonly Token[]): string {
  let i = 0;
  const DROP = new Set([...DETERMINERS, 'de', 'du', 'des', 'd', 'tous', 'toutes', 'all']);
  while (i < tokens.length - 1 && DROP.has(tokens[i]!.word)) i++;
  return text(ctx, tokens.slice(i));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const end = cut.search(/\s+\S*$/u);
  return text.slice(0, end > 0 ? end : max).replace(/[\s,;:(«–—-]+$/u, '');
}

/**
 * No action found: the words next to the date in its clause (or in the main clause, if that one
 * only gives the date), cut at other dates, at "et" opening a new phrase and at pauses; then
 * shortened at a phrase boundary.
 */
function fallback(ctx: Context, mention: TextSpan, language: Language): EventHeadline {
  const dateClause = ctx.clauses.findIndex((c) => mention.start >= c.start && mention.start < c.end);
  const own = (t: Token) => t.start < mention.end && t.end > mention.start;
  const segments: Token[][] = [[]];
  let mentionAt = -1;
  for (const [i, token] of ctx.tokens.entries()) {
    if (ctx.clauseOf(token) !== dateClause) continue;
    if (own(token)) {
      if (mentionAt < 0) mentionAt = segments.length - 1;
      continue;
    }
    const cut = ctx.inDate(token) || (['et', 'and'].includes(token.word) && isDeterminer(ctx, ctx.tokens[i + 1])) || breaksBefore(ctx, i);
    if (cut && segments.at(-1)!.length) segments.push([]);
    if (!ctx.inDate(token) && !['et', 'and'].includes(token.word)) segments.at(-1)!.push(token);
    else if (ctx.inDate(token) && segments.at(-1)!.length) segments.push([]);
  }
  const content = (tokens: Token[]) => trimTail(tokens).filter((t) => !PREPOSITIONS.has(t.word) && !isDeterminer(ctx, t) && !DE.has(t.word)).length;
  const near = [segments[mentionAt], segments[mentionAt + 1]].find((seg) => seg && content(seg) >= 2);
  let tokens = trimTail(near ?? []);
  if (!tokens.length) {
    const other = [dateClause + 1, dateClause - 1].find((c) => c >= 0 && c < ctx.clauses.length);
    tokens = trimTail(ctx.tokens.filter((t) => ctx.clauseOf(t) === other && !ctx.inDate(t)));
  }
  while (tokens.length > 1 && joinWords(ctx, tokens).length > HEADLINE_MAX) {
    const boundary = findLastIndex(tokens, (t, i) => i > 1 && i < tokens.length - 1 && (PREPOSITIONS.has(t.word) || CLAUSE_WORDS.has(t.word) || DE.has(t.word)));
    tokens = trimTail(tokens.slice(0, boundary > 0 ? boundary : tokens.length - 1));
  }
  const shown = cutAtWord(capitalise(joinWords(ctx, tokens)), HEADLINE_MAX);
  return { anaphoric: false, headlines: { fr: { text: shown, lang: language }, en: { text: shown, lang: language } } };
}

function joinWords(ctx: Context, tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous) out += token.index === previous.index + 1 ? ctx.sentence.slice(previous.end, token.start) : ' ';
    out += token.text;
  });
  return out;
}

function findLastIndex<T>(items: readonly T[], test: (item: T, i: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}
