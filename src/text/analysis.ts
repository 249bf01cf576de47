// French/English text analysis shared by every stage: accents folded, elisions dropped
// (d'Agadez → agadez), stop words of both languages removed, Snowball stems, numbers kept.
// In: raw text. Out: words and index terms. The one place that imports the stemmer and stop lists.
import snowball from 'snowball-stemmers';
import { eng, fra } from 'stopword';
import { WORD_END, WORD_START } from './boundaries.js';

export type Language = 'fr' | 'en';

/** Bumped whenever index terms change, so that stored keyword indexes are rebuilt. */
export const ANALYZER_VERSION = 5;

const ELISIONS = new Set(['l', 'd', 'j', 'qu', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);
const EXTRA_STOP_WORDS = [
  // question words and auxiliaries the stock lists miss
  'when', 'why', 'does', 'doing', 'done', 'tell', 'please', 'whom', 'whose', 'which', 'there', 'its', 'made', 'know',
  'quand', 'combien', 'comment', 'pourquoi', 'quoi', 'lequel', 'laquelle', 'lesquels', 'est-ce', 'ete', 'etait',
  'aussi', 'ainsi', 'alors', 'donc', 'dont', 'comme', 'tout', 'tous', 'toute', 'toutes', 'plus', 'tres', 'cette',
  'lieu', 'autre', 'autres', 'du', 'doit', 'faut', 'lors', 'apres', 'avant', 'selon', 'entre', 'chez', 'vers', 'sous', 'sans', 'encore', 'deja', 'fait',
  // pronouns the French list misses ("duraient-elles" asks about the talks, not about "elles")
  'elles', 'celui', 'celle', 'ceux', 'celles',
  // particles of phrasal verbs ("shut down", "call off"), as the stock list already has "up", "out" and "over"
  'down', 'off',
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
// One token for the United States in both languages: "US" in capitals is the country, not the
// pronoun the stop list drops, and "États-Unis" must not match the "État" of "coup d'État".
/** The one word both languages' names of the United States are read as. */
export const UNITED_STATES = 'usa';
const COUNTRY_ACRONYM = new RegExp(`${WORD_START}(?:US|USA|U\\.S\\.A?\\.?)(?![\\p{L}])`, 'gu');
const COUNTRY_NAME = new RegExp(`${WORD_START}(?:etats[- ]unis|united states(?: of america)?)${WORD_END}`, 'gu');

/** Words of a text, folded, elisions and possessives dropped. Numbers are words too. */
export function words(text: string): string[] {
  const folded = fold(text.replace(COUNTRY_ACRONYM, ` ${UNITED_STATES} `)).replace(COUNTRY_NAME, UNITED_STATES);
  const out: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)) {
    // Most words have no apostrophe: nothing to split or drop (the common case of every analysis, kept cheap).
    if (!match[0].includes("'")) {
      out.push(match[0]);
      continue;
    }
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
    // Folded, a feminine participle ("annoncée" → "annoncee") is no form the French stemmer knows:
    // it would keep "annonce" apart from "annoncé"'s "annonc". "-ée(s)" is read as "-é(s)".
    stemmed = stemmers[language].stem(language === 'fr' ? word.replace(/ee(s?)$/u, 'e$1') : word);
    // Verbs in "-oyer", "-uyer", "-ayer": the stemmer keeps "employons" whole ("employon") where it
    // cuts "emploie", "employé" to "emploi". (Not in short words: "crayon", "rayon".)
    if (language === 'fr' && stemmed.length >= 7) stemmed = stemmed.replace(/yon$/u, 'i');
    // Likewise it keeps "envoient", "déploient", "appuient" whole where it cuts "envoie", "l'envoi" to "envoi".
    if (language === 'fr' && stemmed === word && /[aou]ient$/u.test(word)) stemmed = stemmers.fr.stem(word.slice(0, -3));
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

// Answering analyses the same short texts again and again (each word of a sentence, its clauses, names,
// titles; question after question): their terms are remembered. Long texts (chunks, at build) are not.
const termsCache = { fr: new Map<string, readonly string[]>(), en: new Map<string, readonly string[]>() };
const TERMS_CACHE_LIMIT = 100_000;
const TERMS_CACHE_MAX_CHARS = 200;

/** The index terms of a text in its own language. */
export function indexTerms(text: string, language: Language): string[] {
  if (text.length > TERMS_CACHE_MAX_CHARS) return analyse(text, language);
  const cache = termsCache[language];
  let terms = cache.get(text);
  if (terms === undefined) {
    if (cache.size >= TERMS_CACHE_LIMIT) cache.clear();
    // A copy is kept, and analysed: a slice of an article would keep the whole article's text alive.
    const own = detached(text);
    cache.set(own, (terms = analyse(own, language)));
  }
  return terms.slice(); // a copy: callers own what they are given
}

/** A string equal to `text` that shares no memory with the text it was sliced from. */
export function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le'); // (UTF-16 code units as they are, lone surrogates too)
}

function analyse(text: string, language: Language): string[] {
  return words(text)
    .filter((w) => !isStopWord(w) && (w.length > 1 || /\p{N}/u.test(w)))
    .map((w) => stem(w, language));
}

