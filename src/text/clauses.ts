// Clauses of a sentence and their tense: a date belongs to the clause around it, and a clause in
// the future ("auront quitté", "will leave") announces rather than reports.
import { WORD_END, WORD_START } from './boundaries.js';

export interface TextSpan {
  start: number;
  end: number;
}

// Future and planned: auxiliaries, "prévoit", what may happen ("pourrait", "envisage", "n'est pas
// exclue"), and a pronoun or "se" before a verb in the futur simple ("la délégation se rendra").
const FUTURE = new RegExp(
  `${WORD_START}(?:sera|seront|serait|aura|auront|devra|devront|devrait|devraient|pr[ée]voi[st]|pr[ée]voient|pr[ée]vu[es]{0,2}|va|vont|will|pourrai(?:t|ent)|envisag(?:e|ent|é|ée|és|ées)|pas\\s+exclu[es]{0,2})${WORD_END}` +
    `|${WORD_START}(?:se|s['’]|il|elle|ils|elles|on|qui|nous|vous|je|j['’])\\s*\\p{L}+(?:ra|ront|rons|rez|rai)${WORD_END}`,
  'iu',
);
// The futur simple after a noun subject ("la direction présentera", "les troupes partiront"):
// lower-case words only, so that names ending alike ("Madeira") are not verbs; nouns in "-éra" have
// their accent.
const FUTURE_SIMPLE = /(?<![\p{L}])\p{Ll}{3,}(?:eront|iront|era|ira)(?![\p{L}])/u;
const CLAUSE_BREAK = /,\s+|;\s+|:\s+|\s+que\s+|\s+qu['’]/giu;

// A comma inside an enumeration of complements ("directeur de la stratégie, de l'engagement et des
// programmes"): the next item repeats the preposition and the list closes with "et"/"ou" before any break.
const ENUMERATED_COMPLEMENT = /^(?:de|du|des|d['’]|of)\s*[^,;:]*?\s(?:et|ou|and|or)\s/iu;

/** The clauses of a sentence, split at commas, semicolons, colons and "que". */
export function clauseSpans(sentence: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    if (match[0].startsWith(',') && ENUMERATED_COMPLEMENT.test(sentence.slice(match.index + match[0].length))) continue;
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: sentence.length });
  return spans;
}

/** Whether a text (a clause) speaks of the future or of a plan. */
export function speaksOfFuture(text: string): boolean {
  return FUTURE.test(text) || FUTURE_SIMPLE.test(text);
}

/** For a sentence: whether the clause holding a position speaks of the future. */
export function futureAt(sentence: string, clauses: readonly TextSpan[] = clauseSpans(sentence)): (position: number) => boolean {
  return (position) => {
    const clause = clauses.find((c) => position >= c.start && position < c.end) ?? { start: 0, end: sentence.length };
    return speaksOfFuture(sentence.slice(clause.start, clause.end));
  };
}
