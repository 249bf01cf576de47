// The concepts of a question: its words, stemmed for each index language, with English words
// widened to French through the glossary, and names and numbers marked as specific.
// In: a question and the index's languages. Out: QueryConcepts that keyword search and answer scoring use.
import { fold, indexTerms, isStopWord, stem, UNITED_STATES, words, type Language } from '../text/analysis.js';
import { isDictionaryWord } from '../text/dictionary.js';
import { guessLanguage } from '../text/language.js';
import { ENGLISH_TO_FRENCH } from './lexicon.js';
import { FRENCH_SYNONYMS } from './synonyms-fr.js';
import { closest, distance } from 'fastest-levenshtein';

// Keyed by English stem, so "demanding" finds the entry for "demand".
const LEXICON = new Map<string, string[]>();
for (const [english, french] of Object.entries(ENGLISH_TO_FRENCH)) {
  const key = stem(fold(english), 'en');
  LEXICON.set(key, [...new Set([...(LEXICON.get(key) ?? []), ...french])]);
}
// French words the glossary gives for one English word are siblings: "américains" and "États-Unis"
// (american), "français" and "France" (french). Keyed and valued by French index term.
const SIBLINGS = new Map<string, Set<string>>();
for (const french of Object.values(ENGLISH_TO_FRENCH)) {
  const terms = french.filter((f) => !f.includes(' ')).flatMap((f) => indexTerms(f, 'fr'));
  for (const term of terms) SIBLINGS.set(term, new Set([...(SIBLINGS.get(term) ?? []), ...terms]));
}

// French near-synonyms by stem: each stem of a group leads to the group's other stems. A verb's
// past participle may stem apart from it ("envoyé": envoy, "envoyer": envoi; "répondu", "répondre"), and questions use it
// ("la Russie a envoyé quoi"): it joins the group. (Made on first use: it reads the dictionary.)
let synonyms: Map<string, string[]> | undefined;
function synonymsOf(term: string): string[] {
  if (!synonyms) {
    synonyms = new Map();
    for (const stems of frenchSynonymStems()) for (const s of stems) synonyms.set(s, stems.filter((o) => o !== s));
  }
  return synonyms.get(term) ?? [];
}

// The regular past participle of a French verb: "envoyer" → "envoyé", "répondre" → "répondu", "réagir" → "réagi".
function participleOf(word: string): string[] {
  const verb = /^(.+)(er|re|ir)$/u.exec(word);
  if (!verb) return [];
  return [`${verb[1]}${{ er: 'é', re: 'u', ir: 'i' }[verb[2] as 'er' | 're' | 'ir']}`];
}

/** The synonym groups as the stems they match, participles included. */
export function frenchSynonymStems(): string[][] {
  return FRENCH_SYNONYMS.map((group) => {
    // (a stem under five letters is too likely another word's: "payé" and "pays" are both "pay")
    const participles = group.flatMap(participleOf).filter((p) => isDictionaryWord(p, 'fr') && stem(fold(p), 'fr').length >= 5);
    return [...new Set([...group, ...participles].map((w) => stem(fold(w), 'fr')))];
  });
}

/** The concept widened to the glossary's siblings of its French terms ("américains" → also "États-Unis"). */
export function withSiblings(concept: QueryConcept): QueryConcept {
  const more = concept.alternatives.filter((alt) => alt.length === 1).flatMap((alt) => [...(SIBLINGS.get(alt[0]!) ?? [])].map((t) => [t]));
  return { ...concept, alternatives: uniqueAlternatives([...concept.alternatives, ...more]) };
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
  /** An English word the glossary translates: its absence from French articles can be trusted. */
  glossed: boolean;
}

/**
 * The concepts of a question, for an index whose documents are in `indexLanguages`. A word is
 * stemmed for each language, and English words are also looked up in the bilingual glossary,
 * so an English question finds French articles.
 */
export function queryConcepts(question: string, indexLanguages: readonly Language[], vocabulary?: Vocabulary): QueryConcept[] {
  const english = guessLanguage(question) === 'en';
  // (a single letter, "W National Park", is never an index term: the rest of the name stands for it)
  const nameRuns = properNames(question).map((name) => words(name).filter((w) => !isStopWord(w) && (w.length > 1 || /\p{N}/u.test(w))));
  const names = new Set(nameRuns.flat());
  const concepts = new Map<string, QueryConcept>();
  const all = words(question);
  for (let i = 0; i < all.length; i++) {
    // A name of several words ("Burkina Faso", "Kenneth Ekman") is one concept: all its words.
    const run = nameRuns.find((r) => r.length > 1 && r.every((w, j) => all[i + j] === w));
    if (run) {
      const key = run.join(' ');
      const alternatives = indexLanguages.map((language) => run.map((w) => stem(w, language)));
      // "US Africa Command" is "Commandement des États-Unis pour l'Afrique": the run's common words through the glossary.
      if (indexLanguages.includes('fr') && english) {
        // (the word's own entry first: "park" is parc, before "parking"'s words that share its stem; a word
        // French writes alike, "national", stays itself rather than take "nation"'s entry)
        const translated = run.map((w) => (ENGLISH_TO_FRENCH[w] ?? (isDictionaryWord(w, 'fr') ? undefined : LEXICON.get(stem(w, 'en'))))?.find((f) => !f.includes(' ')));
        if (translated.some(Boolean)) alternatives.push(run.map((w, j) => (translated[j] ? indexTerms(translated[j], 'fr')[0] ?? stem(w, 'fr') : stem(w, 'fr'))));
      }
      concepts.set(key, { word: key, alternatives: uniqueAlternatives(alternatives), specific: true, untranslated: false, glossed: false });
      i += run.length - 1;
      continue;
    }
    const word = all[i]!;
    if (concepts.has(word) || isStopWord(word) || QUESTION_FRAME.has(word) || (word.length < 2 && !/\p{N}/u.test(word))) continue;
    const alternatives = indexLanguages.map((language) => [stem(word, language)]);
    // A French question's French words are not looked up as English ("pays" is not "pay", "report" not "a report").
    // (but an abbreviation, "km", "kg", is the glossary's in either language)
    // (nor the United States' word, "usa", a French verb's form too: "les soldats US" are "américains")
    const frenchWord = !english && word !== UNITED_STATES && isDictionaryWord(word, 'fr') && /[aeiouy]/u.test(word);
    // A name is spelled as meant: "Nigel" or "Lagos" is no typo of a glossary word ("niger", "laos").
    const translations = indexLanguages.includes('fr') && !frenchWord ? (LEXICON.get(stem(word, 'en')) ?? (english && !names.has(word) ? nearGlossaryEntry(word) : undefined)) : undefined;
    for (const translation of translations ?? []) alternatives.push(indexTerms(translation, 'fr'));
    // A French question's word reaches the article's near-synonym ("commencé": "démarré").
    // (Measured: widening the glossary's French words too, for English questions, cost answers.)
    if (frenchWord) for (const synonym of synonymsOf(stem(word, 'fr'))) alternatives.push([synonym]);
    // A round number is also said in words: "1000" and "un millier" ("about a thousand soldiers").
    for (const said of ROUND_NUMBERS.get(word) ?? []) alternatives.push(indexTerms(said, 'fr'), indexTerms(said, 'en'));
    const specific = names.has(word) || /\p{N}/u.test(word);
    // A word the articles themselves use ("niamey", "colonel") needs no translation.
    const inArticles = vocabulary !== undefined && alternatives.some((terms) => terms.every((t) => vocabulary.documentFrequency.has(t)));
    const untranslated = english && !translations && !specific && !inArticles && !indexLanguages.every((l) => l === 'en');
    // A typo ("niamy", "withdrawl"): the index's own words within one or two edits stand in.
    if (vocabulary && !translations && alternatives.every((terms) => terms.some((t) => !vocabulary.documentFrequency.has(t)))) {
      for (const language of indexLanguages) for (const near of vocabulary.nearTerms(stem(word, language))) alternatives.push([near]);
      // (a clipped word takes the plural's s: "manifs", "négos"; "partis" is a word, not "parti…" cut short)
      const clipped = word.length >= 5 && /[^s]s$/u.test(word) && !isDictionaryWord(word) ? [word, word.slice(0, -1)] : [word];
      for (const whole of clipped.flatMap((form) => wordsCutShort(form, vocabulary))) alternatives.push([whole]);
    }
    concepts.set(word, { word, alternatives: uniqueAlternatives(alternatives), specific, untranslated, glossed: translations !== undefined });
  }
  return [...concepts.values()];
}

// A word typed cut short ("négo", "manif", "coopé"): the index's terms it starts, when they are few
// enough to be its completions rather than any word of those letters.
const MAX_COMPLETIONS = 6;
function wordsCutShort(word: string, vocabulary: Vocabulary): string[] {
  if (word.length < 4 || /\p{N}/u.test(word)) return [];
  // (the word itself, if a term, and one completion too many are enough to tell)
  const found = termsStartingWith(vocabulary.documentFrequency, word, MAX_COMPLETIONS + 2).filter((term) => term.length > word.length);
  return found.length > MAX_COMPLETIONS ? [] : found;
}

/**
 * The vocabulary's terms that start with `prefix`, in the vocabulary's own order; when more than
 * `limit` do, `limit` of them. Looked up among the terms that share the prefix's first three letters,
 * grouped once per vocabulary: a scan of every term, per word, took 1.5 ms p50 and up to 21 ms on a
 * busy machine at 100,000 articles (100,000 terms); the grouping takes 9-30 ms once (a sort that keeps
 * the vocabulary's order, for a binary search, took 66-153 ms).
 */
export function termsStartingWith(frequency: ReadonlyMap<string, unknown>, prefix: string, limit = Infinity): string[] {
  let groups = termGroups.get(frequency);
  if (!groups) {
    termGroups.set(frequency, (groups = new Map<number, string[]>()));
    for (const term of frequency.keys()) {
      if (term.length < GROUP_LETTERS) continue;
      const group = groups.get(groupKey(term));
      if (group) group.push(term);
      else groups.set(groupKey(term), [term]);
    }
  }
  const candidates = prefix.length < GROUP_LETTERS ? frequency.keys() : (groups.get(groupKey(prefix)) ?? []);
  const found: string[] = [];
  for (const term of candidates) if (term.startsWith(prefix) && found.push(term) >= limit) break;
  return found;
}
// Each vocabulary's terms of three letters or more by their first three (UTF-16 code units, as startsWith compares), in its order.
const GROUP_LETTERS = 3;
const termGroups = new WeakMap<ReadonlyMap<string, unknown>, Map<number, string[]>>();
const groupKey = (term: string) => term.charCodeAt(0) * 2 ** 32 + term.charCodeAt(1) * 2 ** 16 + term.charCodeAt(2);

/** The index's vocabulary, for typo correction: the keyword index provides it. */
export interface Vocabulary {
  documentFrequency: ReadonlyMap<string, unknown>;
  nearTerms(term: string): string[];
}

const ROUND_NUMBERS = new Map([
  ['10', ['dix', 'dizaine', 'ten']],
  ['12', ['douze', 'douzaine', 'dozen']],
  ['100', ['cent', 'centaine', 'hundred']],
  ['1000', ['mille', 'millier', 'thousand']],
  ['1000000', ['million']],
  ['1000000000', ['milliard', 'billion']],
]);

// Words that frame a question rather than say what it is about ("what day exactly", "le nom").
const QUESTION_FRAME = new Set(
  ['date', 'day', 'month', 'year', 'time', 'exactly', 'exact', 'actually', 'really', 'name', 'number', 'many', 'much', 'job', 'role', 'title', 'position', 'jour', 'mois', 'annee', 'exactement', 'precisement', 'nom', 'nombre', 'vraiment', 'quoi', 'temps', 'long', 'est-ce', 'role', 'poste', 'fonction', 'bot', 'ca', 'veut', 'dire', 'signifie', 'mean', 'means', 'stand', 'stands', 'acronym', 'abbreviation', 'sigle', 'will', 'would', 'shall', 'going', 'gonna',
    // "was part of the delegation", "took part in": membership, not a share ("pour sa part")
    'part',
    // "how big", "how far": the measure asked, not a word of the subject
    'big', 'large', 'far', 'wide',
    // "according to AFP": who says it, not an agreement ("accord")
    'according',
    // modal verbs: "les usa veulent encore une relation" asks about the relation
    'veut', 'veulent', 'voulait', 'voulaient', 'vouloir', 'peut', 'peuvent', 'pouvait', 'pouvaient', 'doit', 'doivent', 'devait', 'devaient', 'want', 'wants', 'wanted',
    // the articles themselves ("what group does the piece mention", "dans l'article"): where to look, not what is said
    'article', 'articles', 'piece', 'story', 'mention', 'mentions', 'mentioned',
    // asides that stress rather than ask ("why were they even there"); stemmed as French, "even" is événement's stem
    'even', 'ever', 'anyway', 'basically', 'honestly', 'literally'].map(fold),
);

const GLOSSARY_WORDS = [...new Set(Object.keys(ENGLISH_TO_FRENCH))];

// An English word the glossary lacks but nearly spells ("withdrawl" → "withdrawal").
// A real English word is no typo ("names" is not "games", "place" not "plane").
function nearGlossaryEntry(word: string): string[] | undefined {
  if (word.length < 5 || isDictionaryWord(word, 'en')) return undefined;
  const nearest = closest(word, GLOSSARY_WORDS);
  return distance(word, nearest) <= (word.length >= 8 ? 2 : 1) ? LEXICON.get(stem(fold(nearest), 'en')) : undefined;
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

