// French/English text analysis for the keyword index: accents folded, elisions dropped
// (d'Agadez → agadez), stop words of both languages removed, Snowball stems, numbers kept.
import snowball from 'snowball-stemmers';
import { eng, fra } from 'stopword';
import { ENGLISH_TO_FRENCH } from './lexicon.js';

export type Language = 'fr' | 'en';

/** Bumped whenever index terms change, so that stored keyword indexes are rebuilt. */
export const ANALYZER_VERSION = 1;

const ELISIONS = new Set(['l', 'd', 'j', 'qu', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);
const EXTRA_STOP_WORDS = [
  // question words and auxiliaries the stock lists miss
  'when', 'why', 'does', 'doing', 'done', 'tell', 'please', 'whom', 'whose', 'which', 'there', 'its', 'made', 'know',
  'quand', 'combien', 'comment', 'pourquoi', 'quoi', 'lequel', 'laquelle', 'lesquels', 'est-ce', 'ete', 'etait',
  'aussi', 'ainsi', 'alors', 'donc', 'dont', 'comme', 'tout', 'tous', 'toute', 'toutes', 'plus', 'tres', 'cette',
  'lieu', 'autre', 'autres', 'du', 'doit', 'faut', 'lors', 'apres', 'avant', 'selon', 'entre', 'chez', 'vers', 'sous', 'sans', 'encore', 'deja', 'fait',
];

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const STOP_WORDS = new Set([...fra, ...eng, ...EXTRA_STOP_WORDS].map(fold));
const stemmers = { fr: snowball.newStemmer('french'), en: snowball.newStemmer('english') };
// Keyed by English stem, so "demanding" finds the entry for "demand".
const LEXICON = new Map<string, string[]>();
for (const [english, french] of Object.entries(ENGLISH_TO_FRENCH)) {
  const key = stemmers.en.stem(fold(english));
  LEXICON.set(key, [...new Set([...(LEXICON.get(key) ?? []), ...french])]);
}
// One token for the United States in both languages: "US" in capitals is the country, not the
// pronoun the stop list drops, and "États-Unis" must not match the "État" of "coup d'État".
const COUNTRY_ACRONYM = /\b(US|USA|U\.S\.A?\.?)(?![\p{L}])/gu;
const COUNTRY_NAME = /\b(etats[- ]unis|united states( of america)?)\b/g;

/** Words of a text, folded, elisions and possessives dropped. Numbers are words too. */
export function words(text: string): string[] {
  const folded = fold(text.replace(COUNTRY_ACRONYM, ' usa ')).replace(COUNTRY_NAME, 'usa');
  const out: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)) {
    const parts = match[0].split("'");
    if (parts.length > 1 && ELISIONS.has(parts[0]!)) parts.shift();
    if (parts.length > 1 && (parts.at(-1) === 's' || parts.at(-1) === 't')) parts.pop();
    out.push(...parts.filter(Boolean));
  }
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

// Stemming is the costly step of analysis and news vocabulary is small: remember each word's stem.
const stemCache = { fr: new Map<string, string>(), en: new Map<string, string>() };
const STEM_CACHE_LIMIT = 200_000;

export function stem(word: string, language: Language): string {
  if (/^\p{N}+$/u.test(word)) return word;
  const cache = stemCache[language];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmers[language].stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** The index terms of a text in its own language. */
export function indexTerms(text: string, language: Language): string[] {
  return words(text)
    .filter((w) => !isStopWord(w) && (w.length > 1 || /\p{N}/u.test(w)))
    .map((w) => stem(w, language));
}

/**
 * One word of a question with what may stand for it in an article: each alternative is a list of
 * index terms that must all be present (one term, or a phrase such as "coup d'état").
 */
export interface QueryConcept {
  word: string;
  alternatives: string[][];
  /** A name (capitalised past the start of the question) or a number: its absence from the corpus matters. */
  specific: boolean;
  /**
   * An English word the glossary cannot translate and that is not a name: its absence from a
   * French article says little, so it weighs less than words that can be checked.
   */
  untranslated: boolean;
}

/**
 * The concepts of a question, for an index whose documents are in `indexLanguages`. A word is
 * stemmed for each language, and English words are also looked up in the bilingual glossary,
 * so an English question finds French articles.
 */
export function queryConcepts(question: string, indexLanguages: readonly Language[]): QueryConcept[] {
  const english = guessLanguage(question) === 'en';
  const nameRuns = properNames(question).map((name) => words(name).filter((w) => !isStopWord(w)));
  const names = new Set(nameRuns.flat());
  const concepts = new Map<string, QueryConcept>();
  const all = words(question);
  for (let i = 0; i < all.length; i++) {
    // A name of several words ("Burkina Faso", "Kenneth Ekman") is one concept: all its words.
    const run = nameRuns.find((r) => r.length > 1 && r.every((w, j) => all[i + j] === w));
    if (run) {
      const key = run.join(' ');
      const alternatives = indexLanguages.map((language) => run.map((w) => stem(w, language)));
      concepts.set(key, { word: key, alternatives: uniqueAlternatives(alternatives), specific: true, untranslated: false });
      i += run.length - 1;
      continue;
    }
    const word = all[i]!;
    if (concepts.has(word) || isStopWord(word) || (word.length < 2 && !/\p{N}/u.test(word))) continue;
    const alternatives = indexLanguages.map((language) => [stem(word, language)]);
    const translations = indexLanguages.includes('fr') ? LEXICON.get(stem(word, 'en')) : undefined;
    for (const translation of translations ?? []) alternatives.push(indexTerms(translation, 'fr'));
    const specific = names.has(word) || /\p{N}/u.test(word);
    const untranslated = english && !translations && !specific && !indexLanguages.every((l) => l === 'en');
    concepts.set(word, { word, alternatives: uniqueAlternatives(alternatives), specific, untranslated });
  }
  return [...concepts.values()];
}

function uniqueAlternatives(alternatives: string[][]): string[][] {
  const unique = new Map(alternatives.filter((terms) => terms.length).map((terms) => [terms.join(' '), terms]));
  return [...unique.values()];
}

/** Whether analysed text (its index terms) holds the concept: all terms of one alternative. */
export function conceptHolds(terms: readonly string[], concept: QueryConcept): boolean {
  return concept.alternatives.some((alternative) => alternative.every((term) => terms.some((t) => sameStem(t, term))));
}

// Stems of one word family can differ by an ending the stemmers keep ("russ"/"russi",
// "niger"/"nigerien"); a shared start of 4+ letters with a short tail counts as the same word.
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short) && !/\p{N}/u.test(short);
}

// Runs of capitalised words past the start of a sentence: names, whose absence from the corpus matters.
function properNames(text: string): string[] {
  return [...text.matchAll(/(?<![.!?]\s*|^\s*|[\p{L}\p{N}])\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*/gu)].map((m) => m[0]);
}

/** French or English, by which language's stop words the text uses more. */
export function guessLanguage(text: string): Language {
  let fr = 0;
  let en = 0;
  for (const w of words(text)) {
    if (FRENCH_MARKERS.has(w)) fr++;
    if (ENGLISH_MARKERS.has(w)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

const FRENCH_MARKERS = new Set(['le', 'la', 'les', 'des', 'du', 'est', 'et', 'un', 'une', 'que', 'qui', 'dans', 'pour', 'sur', 'au', 'aux', 'quand', 'ont', 'sont', 'quel', 'quelle']);
const ENGLISH_MARKERS = new Set(['the', 'of', 'and', 'is', 'are', 'was', 'were', 'to', 'in', 'did', 'does', 'what', 'when', 'who', 'how', 'which', 'with', 'from', 'by', 'that']);
