// The lead: one short line that answers, in the question's language, composed from the span that
// answers (a date, a number, a name, a place, an expansion) or, for other questions, the best clause
// quoted. Dates are said in the reader's language; names and places stay as the article writes them.
import { describeDate } from '../text/date-format.js';
import { findNumbers } from '../text/numbers.js';
import { MONTH_NAMES } from '../text/calendar.js';
import { fold, stem } from '../text/analysis.js';
import { ENGLISH_TO_FRENCH } from '../retrieve/lexicon.js';
import type { ScoredSentence } from './answer.js';
import { ROLE_AT_START, type AnalysedQuestion } from './question.js';
import { isNegated, unitAfter, unitPhraseAfter } from './spans.js';
import type { AnswerSource } from './types.js';

// A span that is a role and nothing more: no capitalised name after it.
// (the role matched case-blind, the rest case-sensitive: with the i flag, \p{Ll} would match capitals too)
const LOWER_WORDS = /^(?:[\s'’-]+\p{Ll}[\p{Ll}'’-]*)*$/u;
export function isRoleOnly(span: string): boolean {
  const role = ROLE_AT_START.exec(span);
  return role !== null && LOWER_WORDS.test(span.slice(role[0].length));
}

const WORDS = {
  en: { planned: 'planned', reportedIn: 'as reported in', yes: 'Yes', no: 'No', about: 'about', moreThan: 'more than', nearly: 'nearly', in: 'In', since: 'since' },
  fr: { planned: 'prévu', reportedIn: 'annoncé en', yes: 'Oui', no: 'Non', about: 'environ', moreThan: 'plus de', nearly: 'près de', in: 'À', since: 'depuis' },
} as const;

export function composeLead(question: AnalysedQuestion, chosen: readonly ScoredSentence[], sources: readonly AnswerSource[]): string | null {
  const best = chosen[0];
  if (!best) return null;
  const words = WORDS[question.language];
  const sourceOf = (s: ScoredSentence) => sources.find((source) => source.docId === s.article.id)!;
  const answer = best.answer;
  switch (question.intent) {
    case 'when': {
      const dated = chosen.filter((s) => s.answer?.date);
      const said = dated.map((s) => ({ sentence: s, text: dateText(s, question), planned: s.answer!.planned }));
      const distinct = said.filter((d, i) => said.findIndex((o) => o.text === d.text) === i);
      // "planned, as reported in July 2024": a plan is only as fresh as the article that announced it.
      const planned = (d: (typeof said)[number]) => {
        const [year, month] = (d.sentence.article.published ?? '').split('-');
        const when = year && month ? `${MONTH_NAMES[question.language][Number(month) - 1]} ${year}` : year;
        return when ? `${words.planned}, ${words.reportedIn} ${when}` : words.planned;
      };
      const plan = (d: (typeof said)[number], attribution?: string) =>
        (attribution ? [d.planned ? words.planned : '', attribution] : [d.planned ? planned(d) : '']).filter(Boolean).join('; ');
      const withNote = (d: (typeof said)[number], attribution?: string) => (plan(d, attribution) ? `${d.text} (${plan(d, attribution)})` : d.text);
      // "Depuis quand…" answered by an event: as the article says it, quoted for a reader of the other language.
      if (!distinct.length) return answer && !answer.date ? (best.article.language === question.language ? capitalise(answer.text.trim()) : `“${excerptText(best)}” [${sourceOf(best).n}]`) : null;
      if (distinct.length === 1 || distinct[0]!.sentence.article.id === distinct[1]!.sentence.article.id) return capitalise(withNote(distinct[0]!));
      // Sources differ (what happened, then what had been planned; or two dates): both, each attributed.
      return capitalise(
        distinct
          .slice(0, 2)
          .map((d) => withNote(d, outlet(sourceOf(d.sentence))))
          .join('; '),
      );
    }
    case 'count':
      if (!answer) return null;
      // "how long…": "since July 2023"
      return capitalise(answer.date ? `${words.since} ${dateText(best, question)}` : countText(best, question));
    case 'who':
      if (!answer) return null;
      // A role alone ("le régime", "Général") is too thin a line: the clause that says it answers.
      return isRoleOnly(answer.text.trim()) ? `“${excerptText(best)}” [${sourceOf(best).n}]` : capitalise(answer.text.trim());
    case 'standfor': {
      if (!answer) return null;
      // "AES: Alliance des États du Sahel", the acronym as the article writes it beside its expansion.
      const around = best.text.slice(Math.max(0, answer.start - 12), answer.end + 12);
      const acronym = /\((\p{Lu}[\p{Lu}\d-]{1,9})\)|(\p{Lu}[\p{Lu}\d-]{1,9})\s*\(/u.exec(around);
      // or in apposition before it: "la Semitan, la Société d'économie mixte…"
      const apposed = /(\p{Lu}[\p{L}\d-]{1,9}),\s*(?:la|le|les|l['’]|the)\s*$/u.exec(best.text.slice(Math.max(0, answer.start - 20), answer.start));
      const name = acronym?.[1] ?? acronym?.[2] ?? apposed?.[1];
      return name ? `${name}: ${answer.text.trim()}` : capitalise(answer.text.trim());
    }
    case 'where':
      if (!answer) return null;
      return question.language === 'en' && /\p{Lu}/u.test(placeName(answer.text)[0] ?? '') ? `${words.in} ${placeName(answer.text)}` : capitalise(answer.text.trim());
    case 'yesno': {
      const clause = excerptText(best);
      // (a sentence that names the thing says yes to "is it mentioned", whatever it says of it)
      const denied = !question.asksMention && isNegated(clause) !== isNegated(question.text);
      return `${denied ? words.no : words.yes}: “${clause}” [${sourceOf(best).n}]`;
    }
    default:
      return `“${excerptText(best)}” [${sourceOf(best).n}]`;
  }
}

function dateText(sentence: ScoredSentence, question: AnalysedQuestion): string {
  const span = sentence.answer!;
  return describeDate(span.date!.value, span.date!, question.language, question.wantsExactDay);
}

// "environ 200 personnes" → "about 200 people" for an English reader: the number, its qualifier
// and its unit where the glossary knows the word; the French unit otherwise.
function countText(sentence: ScoredSentence, question: AnalysedQuestion): string {
  const span = sentence.answer!;
  const before = sentence.text.slice(Math.max(0, span.start - 20), span.start);
  const unit = unitAfter(sentence.text, span);
  const words = WORDS[question.language];
  const sum = sumAsWritten(sentence.text, span);
  if (sum) return sum;
  const qualifier = /environ|about|around|approximately\s*$/iu.test(before)
    ? `${words.about} `
    : /plus de\s*$|more than\s*$/iu.test(before)
      ? `${words.moreThan} `
      : /près de\s*$|nearly\s*$|almost\s*$/iu.test(before)
        ? `${words.nearly} `
        : '';
  // "un millier de soldats", "200 soldats"
  if (question.language === 'fr') {
    // "un millier de soldats" but "vingt-deux personnes"
    const joiner = !ROUND_WORDS.test(span.text) ? ' ' : /^[aeiouyhéè]/iu.test(unit) ? " d'" : ' de ';
    return `${qualifier}${span.text}${unit ? joiner + unit : ''}`;
  }
  // An English article's own words: the phrase up to what was counted ("38 old apple varieties").
  if (sentence.article.language === 'en') {
    const phrase = unitPhraseAfter(sentence.text, span);
    const counted = new Set(question.counted.map((w) => stem(fold(w), 'en')));
    const last = phrase.findLastIndex((w) => counted.has(stem(fold(w), 'en')));
    // (the whole phrase when the question's words are not in it: "12,000 cubic metres"), as written ("of" kept)
    const lastWord = phrase[last >= 0 ? last : phrase.length - 1];
    const end = lastWord === undefined ? span.end : sentence.text.indexOf(lastWord, span.end) + lastWord.length;
    return `${qualifier}${sentence.text.slice(span.start, end)}`.trim();
  }
  // "Quatre-vingt-sept cas" → "87 cases": a number written out in French is given in digits.
  const written = findNumbers(span.text);
  const digits = !/\d/u.test(span.text) && written.length === 1 && written[0]!.end - written[0]!.start === span.text.length ? String(written[0]!.value) : undefined;
  const said = NUMBER_WORDS_EN[fold(span.text).replace(/\s+/gu, ' ')] ?? digits;
  const count = written.length === 1 ? written[0]!.value : undefined;
  return `${said && !qualifier ? said : `${qualifier}${said?.replace(/^about /u, '') ?? span.text}`} ${englishFor(unit, count) ?? unit}`.trim();
}

// "$45,000", "2 millions de dollars": a sum is said with its currency, as the article writes it.
function sumAsWritten(text: string, span: { start: number; end: number; text: string }): string | undefined {
  const amount = new RegExp(`[$€£]?\\s*${escape(span.text)}(?:\\s*(?:millions?|milliards?|billions?|thousand))?(?:\\s*(?:de\\s+|d['’]\\s*)?(?:dollars|euros|francs|pounds|livres sterling|fcfa|cfa|\\$|€|£))?`, 'iu');
  const said = amount.exec(text.slice(Math.max(0, span.start - 3), span.end + 30))?.[0].trim();
  return said && /[$€£]|dollar|euro|franc|pound|sterling|cfa/iu.test(said) ? said : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ROUND_WORDS = /milli(?:er|ard|on)|centaine|dizaine|douzaine|quinzaine|vingtaine|trentaine|cinquantaine|soixantaine/iu;

// Round numbers French articles write in words, for an English reader.
const NUMBER_WORDS_EN: Record<string, string> = {
  'un millier': 'about a thousand',
  'une centaine': 'about a hundred',
  'une dizaine': 'about ten',
  'une douzaine': 'about a dozen',
  'une quinzaine': 'about fifteen',
  'une vingtaine': 'about twenty',
  'une trentaine': 'about thirty',
  'une cinquantaine': 'about fifty',
  'une soixantaine': 'about sixty',
  'des milliers': 'thousands of',
  'des centaines': 'hundreds of',
  'des dizaines': 'dozens of',
  'plusieurs milliers': 'several thousand',
  'plusieurs centaines': 'several hundred',
  'des centaines de milliers': 'hundreds of thousands of',
  'des dizaines de milliers': 'tens of thousands of',
  'plusieurs centaines de milliers': 'several hundred thousand',
  'plusieurs dizaines de milliers': 'several tens of thousands of',
};

// French → English for single words, from the glossary read backwards.
const FRENCH_TO_ENGLISH = new Map<string, string[]>();
for (const [english, frenchWords] of Object.entries(ENGLISH_TO_FRENCH)) {
  for (const french of frenchWords) if (!french.includes(' ')) FRENCH_TO_ENGLISH.set(fold(french), [...(FRENCH_TO_ENGLISH.get(fold(french)) ?? []), english]);
}

// The first English word for it, plural when the count is more than one or, without a count, when the French word
// is ("militaires" → "troops"; "1 mois" → "1 month": French "mois" is both).
export function englishFor(frenchWord: string, count?: number): string | undefined {
  const candidates = FRENCH_TO_ENGLISH.get(fold(frenchWord)) ?? [];
  const plural = count !== undefined ? count > 1 : /[sx]$/u.test(frenchWord);
  const same = candidates.find((english) => (/s$/u.test(english) || IRREGULAR_PLURAL.test(english)) === plural);
  // (the glossary keys "day" alone: "trente jours" is "30 days")
  return same ?? (plural && candidates[0] ? pluralOf(candidates[0]) : candidates[0]);
}

// Already plural, or the same in both numbers.
const IRREGULAR_PLURAL = /(?:men|children|people|police|staff)$/u;
function pluralOf(english: string): string {
  if (IRREGULAR_PLURAL.test(english)) return english;
  if (/[^aeiou]y$/u.test(english)) return `${english.slice(0, -1)}ies`;
  return /(?:s|x|z|ch|sh)$/u.test(english) ? `${english}es` : `${english}s`;
}

// "à Washington" → "Washington"; "dans une base située dans le désert" stays as written.
function placeName(text: string): string {
  return text.replace(/^(?:à|au|aux|en|dans|vers|près de|depuis|in|at|near|from)\s+(?:(?:la|le|les|l['’]|the)\s*)?/iu, '').trim();
}

function excerptText(sentence: ScoredSentence): string {
  return sentence.text.slice(sentence.excerpt.start, sentence.excerpt.end);
}

function outlet(source: AnswerSource): string {
  return source.source ? `${source.source}, ${source.published ?? ''}`.replace(/, $/, '') : `“${source.title}”`;
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
