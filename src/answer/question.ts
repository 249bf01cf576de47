// What a question asks, from the way people type it: chatty openings dropped, casual forms read
// ("c quand", "whats", "y en a combien"), the kind of answer wanted (a date, a number, a name…).
// In: the raw question. Out: the question to search with, its language and its intent.
import { UserError } from '../errors.js';
import { fold, isStopWord, type Language } from '../text/analysis.js';
import { wholeWords, WORD_END, WORD_START } from '../text/boundaries.js';
import { guessLanguage, isOtherLanguage } from '../text/language.js';
import type { Intent } from './types.js';

/** The question, trimmed, or a UserError saying why it cannot be asked. */
export function validateQuestion(raw: string, maxChars: number): string {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (!question) {
    throw new UserError('question-empty', {
      en: 'The question is empty. Ask something about the articles, e.g. "When did US troops leave Agadez?"',
      fr: 'La question est vide. Demandez quelque chose sur les articles, par exemple « Quand les soldats américains ont-ils quitté Agadez ? »',
    });
  }
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new UserError('question-no-words', {
      en: 'The question has no words in it, only punctuation or symbols.',
      fr: 'La question ne contient aucun mot, seulement de la ponctuation ou des symboles.',
    });
  }
  if (question.length > maxChars) {
    throw new UserError('question-too-long', {
      en: `The question is too long (${question.length} characters; the limit is ${maxChars}). Ask one thing at a time.`,
      fr: `La question est trop longue (${question.length} caractères ; la limite est ${maxChars}). Posez une chose à la fois.`,
    });
  }
  return question;
}

export interface AnalysedQuestion {
  /** As asked, trimmed. */
  asked: string;
  /** Without chatty openings and with casual spellings written out: what is searched. */
  text: string;
  language: Language;
  /** Written in neither French nor English: `language` is then English, and a refusal says which languages are read. */
  otherLanguage: boolean;
  intent: Intent;
  /** "what day exactly", "date précise": a date is an answer only to the day. */
  wantsExactDay: boolean;
  /** "how much did it cost", "combien ça coûte": a number is an answer only as an amount of money. */
  wantsMoney: boolean;
  /** "how many died", "combien de morts": a number answers only as a count of casualties. */
  asksCasualties: boolean;
  /** Which casualties: "how many were wounded" is not answered by the dead ("4 tués et 2 blessés"). */
  casualtyKind?: 'dead' | 'wounded';
  /** "how long", "combien de temps": a number answers only as a length of time ("3 jours"). */
  asksDuration: boolean;
  /** "depuis quand", "since when": a starting point answers, a date or an event ("depuis la prise du pouvoir"). */
  asksSince: boolean;
  /** "how big", "quelle superficie": an area or a size ("26 hectares"); "how far", "how long is": a length ("90 km"). */
  asksMeasure?: 'size' | 'length';
  /** "in total", "au total", "en tout": the whole, not a part ("766 sur 950 au total": 950). */
  asksTotal: boolean;
  /** "when will…", "quand aura lieu la prochaine…": only a date still to come answers. */
  asksFuture: boolean;
  /** "did Campbell go", "s'est-il rendu": a yes/no about something done, which a plan does not answer. */
  asksPast: boolean;
  /** "what is the name of", "comment s'appelle": a name answers, a role ("des associations") does not. */
  asksName: boolean;
  /** "which group", "quelle organisation", "le nom de la base": a body's or a thing's name answers, not a person's. */
  asksNonPerson: boolean;
  /** "le pont date de quand", "what does the church date from": when it was made, built or founded. */
  asksOrigin: boolean;
  /** "What were they doing there", "ils faisaient quoi": what someone was there for, their mission. */
  asksActivity: boolean;
  /** "How did they describe the withdrawal", "ça doit se passer comment": the words that characterise it. */
  asksDescription: boolean;
  /** "is Wagner mentioned anywhere", "on parle de Wagner ?": yes when a sentence names it; `text` is then what is asked about. */
  asksMention: boolean;
  /** "how much trash", "quelle quantité": a quantity, which a measure ("1 800 tonnes d'ordures") or a sum may give. */
  asksQuantity: boolean;
  /** What "how many" or "how much" counts: the words after it ("us troops", "drones américains", "trash"). */
  counted: string[];
  /** The role whose holder "who" asks for ("who is the US ambassador", "le premier ministre c'est qui"), if any. */
  askedRole?: string;
  /** Words that say what kind of answer "who" wants ("which Pentagon *official*"): not what the answer must hold. */
  answerKind: string[];
}

const B = WORD_START;
const E = WORD_END;

// Openings and asides that carry no content; removed wherever they stand at the start.
const FILLERS = wholeWords(
  [
    // several words first, so that "hey bot" goes whole before "hey" alone
    'hey (?:bot|dossier)|quick question|one question|i was wondering|i wonder|just wondering',
    "do you know|d(?:o|'|)you know|can you tell me|could you tell me|tell me",
    'dis[- ]moi|dites[- ]moi|tu sais|vous savez|tu peux me dire|pouvez-vous me dire|est-ce que tu sais|je me demandais|petite question|une question|s\'il (?:te|vous) pla[iî]t',
    'in the first place|at all|au juste|en fait',
    'quick q|hey|hi|hello|yo|hiya|ok|okay|so|um|uh|salut|bonjour|coucou|hé|eh|alors|bon|dis|question|please|pls|plz|stp|svp',
  ].join('|'),
).source;
const LEADING_FILLER = new RegExp(`^(?:\\s*(?:${FILLERS})\\s*[,:!?.-]*)+\\s*`, 'iu');
const TRAILING_FILLER = new RegExp(`\\s*[,]?\\s*(?:${FILLERS})\\s*[?!.]*$`, 'iu');

// Text-speak and contractions that would hide the question's words from the analysers.
const CASUAL: [RegExp, string][] = [
  [wholeWords("what'?s|wats|wat's"), 'what is'],
  [wholeWords("who'?s"), 'who is'],
  [wholeWords("where'?s"), 'where is'],
  [wholeWords("when'?s"), 'when is'],
  [wholeWords("how'?s"), 'how is'],
  [wholeWords('ppl|ppls|peeps'), 'people'],
  [wholeWords('govt|gvt|gov'), 'government'],
  [wholeWords('bc|bcs|cuz|coz|cos'), 'because'],
  [wholeWords('abt'), 'about'],
  [wholeWords('b4'), 'before'],
  [wholeWords('rn'), 'right now'],
  [wholeWords('hq|hqs'), 'headquarters'],
  [wholeWords('gonna'), 'going to'],
  // "which PM", but not "5 pm", "six pm"
  [new RegExp(`(?<!(?:\\d|${B}(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\\s?)${B}pm${E}`, 'iu'), 'prime minister'],
  // "qui est à la tête du régime" asks for its chief, as "qui est le chef du régime" does (not "touché à la tête")
  [new RegExp(`(?<=${B}(?:est|sont|était|étaient|sera|seront|se trouve|reste|nommée?s?|placée?s?)\\s+)à la tête (?=d(?:u|e|es)\\s|d['’])`, 'iu'), 'le chef '],
  // "what will it be called" asks its name: "called" is no call of anyone's ("à l'appel de")
  [new RegExp(`${B}(be|is|was|are|were|being|been|get) called${E}`, 'iu'), '$1 name'],
  [wholeWords('wanna'), 'want to'],
  [wholeWords('r'), 'are'],
  // "wasnt", "didnt": the apostrophe left out ("dont" is French, and stays)
  [new RegExp(`${B}(was|is|did|does|were|are|has|have|had|could|would|should|ca|wo)nt${E}`, 'iu'), '$1 not'],
  [wholeWords('u'), 'you'],
  [wholeWords('ur'), 'your'],
  [new RegExp(`${B}c${E}(?!['’])`, 'iu'), "c'est"],
  // the apostrophe left out: "cest qui", "quest-ce que"
  [wholeWords('cest'), "c'est"],
  [wholeWords('quest-ce|qu est-ce'), "qu'est-ce"],
  [wholeWords('pk|pq'), 'pourquoi'],
  [wholeWords('cb|cmb'), 'combien'],
  [wholeWords('qd|kan'), 'quand'],
  // French typed as it sounds: "ki", "koi", "kel", "bcp", "tjrs", "mtn"
  [wholeWords('ki'), 'qui'],
  [wholeWords('koi|kwa'), 'quoi'],
  [wholeWords('kel'), 'quel'],
  [wholeWords('kelle'), 'quelle'],
  [wholeWords('kels'), 'quels'],
  [wholeWords('bcp'), 'beaucoup'],
  [wholeWords('tjrs|tjs'), 'toujours'],
  [wholeWords('mtn|mnt'), 'maintenant'],
  // (not when "il" is typed: "combien il y a de voitures")
  [new RegExp(`(?<!${B}il\\s+)${B}(?:ya|y a|y'a)${E}`, 'iu'), 'il y a'],
];

/** Reads a validated question: its language, what it asks, with casual forms written out. */
export function analyseQuestion(asked: string): AnalysedQuestion {
  // One apostrophe for the patterns below: phones type ’, keyboards '.
  const plain = asked.replace(/[’‘`´ʼ]/gu, "'");
  let text = plain.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim() || plain;
  // (each pattern case-blind unless written otherwise: "ER" in capitals only)
  for (const [pattern, replacement] of CASUAL) text = text.replace(new RegExp(pattern.source, `g${pattern.flags.replace('g', '')}`), replacement);
  // (French has no "us": "les soldats us" are American)
  text = guessLanguage(text) === 'fr' ? text.replace(new RegExp(`${B}us${E}`, 'gu'), 'US') : countryUs(text);
  // "où" typed without its accent, where "ou" (or) cannot stand: last word (but for "en ce moment"…), or first before a verb.
  text = text.replace(/(?<=\s)ou(?=(?:\s+(?:en ce moment|maintenant|actuellement|aujourd'hui|exactement))?\s*[?!.]*$)|^ou(?=\s+(?:(?:est|sont|se|va|vont|était|étaient|a|ont)(?![\p{L}])|s'))/iu, 'où');
  // "is Wagner mentioned anywhere": a yes or a no about the thing alone, said in the question's language.
  const mentioned = mentionedThing(text);
  const intent = mentioned ? 'yesno' : detectIntent(text);
  const language = guessLanguage(text);
  // "…une relation ou pas" asks yes or no; its "pas" denies nothing.
  if (mentioned) text = mentioned;
  else if (intent === 'yesno') text = text.replace(OR_NOT, '').trim();
  return {
    asked,
    text,
    language,
    otherLanguage: isOtherLanguage(text),
    intent,
    wantsExactDay: EXACT_DAY.test(text),
    wantsMoney: MONEY.test(text),
    asksCasualties: CASUALTY.test(text),
    ...casualtyKind(text),
    asksDuration: DURATION.test(text),
    asksSince: SINCE_QUESTION.test(text),
    asksOrigin: ORIGIN_QUESTION.test(text),
    asksActivity: ACTIVITY_QUESTION.test(text),
    asksDescription: DESCRIPTION_QUESTION.test(text),
    ...(SIZE.test(text) ? { asksMeasure: 'size' as const } : LENGTH.test(text) && !DURATION.test(text) ? { asksMeasure: 'length' as const } : {}),
    asksTotal: TOTAL.test(text),
    asksFuture: FUTURE_QUESTION.test(text),
    asksPast: !ABOUT_A_PLAN.test(text) && (PAST_START.test(text) || (!FUTURE_QUESTION.test(text) && PAST_QUESTION.test(text))),
    asksName: NAME_QUESTION.test(text) || CALLED.test(text),
    asksNonPerson: BODY_QUESTION.test(text) || namesAThing(text),
    asksMention: mentioned !== undefined,
    asksQuantity: QUANTITY.test(text),
    counted: countedPhrase(COUNTED.exec(text)?.[1]),
    askedRole: ASKED_ROLE.exec(text)?.groups?.role ?? ASKED_ROLE_LAST.exec(text)?.groups?.role,
    answerKind: intent === 'who' ? [...text.matchAll(PERSON_ASKED)].map((m) => fold(m[1]!)) : [],
  };
}

// "us" typed in lower case is the country where the pronoun cannot stand: after "the" ("the us
// ambassador") or before a noun ("us troops"), but not after a verb that takes a pronoun ("tell us").
const LOWER_US = new RegExp(`${B}(?<before>[\\p{L}']+\\s+)?us(?=\\s+(?<after>[\\p{L}]+)|[\\s?!.,]*$)`, 'gu');
const PRONOUN_TAKERS = /^(?:tell|give|show|let|help|send|ask|told|gave|showed|helped|for|with|about|like|against|between|among)$/u;

function countryUs(text: string): string {
  return text.replace(LOWER_US, (match: string, ...rest: unknown[]) => {
    const groups = rest.at(-1) as { before?: string; after?: string };
    const before = groups.before?.trim().toLowerCase();
    const after = groups.after?.toLowerCase();
    const country = before === 'the' || (after !== undefined && !isStopWord(after) && !PRONOUN_TAKERS.test(before ?? ''));
    return country ? match.replace(/us$/u, 'US') : match;
  });
}

/** Words for people by their role, in both languages: "who" answers, and "which colonel" asks who. */
// Public life at large, not one field: office holders, officials, justice, business, science, health.
export const ROLE_WORDS = [
  'ambassad(?:eur|rice)s?|directeur|directrice|director|ministres?|pr[ée]sident(?:e|s)?|g[ée]n[ée]ral|colonel|commandant|chef|secr[ée]taire|porte-parole|d[ée]l[ée]gation|gouvernement|r[ée]gime|junte|mercenaires',
  'responsables?|maire|d[ée]put[ée]e?s?|s[ée]nat(?:eur|rice)s?|conseill(?:er|[èe]re)s?|pr[ée]f[eè]te?|procureure?|juges?|avocate?s?|dirigeante?s?|fondat(?:eur|rice)|pdg|patron(?:ne)?|chercheu(?:r|se)|professeure?|m[ée]decin|candidate?|[ée]lue?s?|adjointe?|g[ée]rante?',
  'ambassador|minister|president|general|colonel|commander|chief|secretary|spokes(?:man|woman|person)|delegation|government|junta|mercenaries',
  'mayor|deputy|senator|adviser|advisor|prefect|prosecutor|judge|lawyer|attorney|ceo|founder|head|researcher|professor|doctor|candidate|manager|owner',
].join('|');

/** A span that opens with a role ("le régime", "l'ambassadrice américaine", "the mayor"): its determiner and the role. */
export const ROLE_AT_START = new RegExp(`^(?:(?:l['’]|le |la |les |the )\\s*)?(?:${ROLE_WORDS})(?![\\p{L}])`, 'iu');

// The role right after the question word ("who is the Russian ambassador", "quel colonel nigérien"),
// or the role a French question names before asking who ("le premier ministre, c'est qui").
// (past a possessive: "the name of burkina's head of state")
const ASKED_ROLE = new RegExp(
  `${WORD_START}(?:who(?:'s| is| was| are| were)?|which|what is the name of|the name of|(?<!au )nom (?:du|de|des)|quel(?:le)?s?|qui (?:est|était|sont)|c['’]est qui)\\s+(?:(?:the|le|la|les|l['’])\\s*)?(?:[\\p{L}'’-]+\\s+){0,2}?(?<role>${ROLE_WORDS})${WORD_END}`,
  'iu',
);
const ASKED_ROLE_LAST = new RegExp(`^(?:(?:le|la|les|l['’])\\s*)?(?:[\\p{L}-]+\\s+){0,2}?(?<role>${ROLE_WORDS})${WORD_END}.*(?:c['’]est qui|s['’]appel)`, 'iu');

// "which Africom officer": someone, whatever their title; the noun asks for a person as "who" does,
// and a sentence naming "Michael Langley de l'Africom" need not say "officer". (The nouns INTENTS reads as "who".)
const PERSON_ASKED = new RegExp(`${WORD_START}(?:which|what)\\s+(?:[\\p{L}-]+\\s+){0,2}?(officer|official|person)${WORD_END}`, 'giu');

// "how big", "quelle superficie": a size; "how far", "quelle distance": a length.
const SIZE_WORDS = 'how (?:big|large)|quelle (?:taille|superficie|surface)';
const LENGTH_WORDS = 'how (?:wide|far|tall|high|deep|long is|long was)|quelle (?:distance|longueur|hauteur|profondeur)|à quelle distance';
// "dans quel pays", "dans quelle ville", but not "dans quels domaines" nor "dans quel but".
const WHERE_NOUNS = 'ville|pays|endroit|lieu|r[ée]gion|quartier|zone|commune|d[ée]partement|province|base|camp|h[ôo]pital|prison|coin|continent|village|secteur';
// Bodies "which" asks the name of, as "who" does ("which regional group did Niger quit", "quelle organisation",
// colloquially "quelle boîte").
const BODY_WORDS = 'organi[sz]ations?|groups?|groupes?|alliances?|part(?:y|ies)|partis?|compan(?:y|ies)|entreprises?|soci[ée]t[ée]s?|agenc(?:y|ies|e|es)|institutions?|bloc|coalitions?|unions?|associations?|syndicats?|movements?|mouvements?|firms?|ngos?|ong|bo[iî]tes?|marques?|brands?';
// "what will it be called", "comment s'appellera": a name.
const CALLED = wholeWords("(?:be|is|was|are|were|being|been|get) (?:called|named|name)|s'appellera|va s'appeler|sera (?:appel|nomm)[ée]e?");
// "c'est quoi l'ARS", "what is the CNSP": an acronym asked about is asked to be spelled out.
const WHAT_IS_ACRONYM = /(?:c'est quoi|qu'est-ce que|what is|what's|what are)\s+(?:l'|le |la |les |the )?\p{Lu}{2,7}(?![\p{L}])/u;
const INTENTS: [Intent, RegExp][] = [
  ['standfor', wholeWords("stands? for|acronym|abbreviation|what does \\S+ mean|meaning of|veut dire|veulent dire|signifie|signification|sigle|acronyme")],
  ['standfor', WHAT_IS_ACRONYM],
  ['when', wholeWords("when|what (?:exact |precise |specific )?(?:dates?|days?|months?|years?|time)|which (?:exact |precise )?(?:dates?|days?|months?|years?)|since when|how long ago|quand|quelle date|quel jour|quel mois|quelle ann[ée]e|en quelle|depuis quand|à quel moment|à quelle date|de quand|date de|dates? (?:back )?(?:from|to)")],
  ['count', wholeWords(`how many|how much|how long(?! ago)|number of|combien|nombre de|quel nombre|quelle dur[ée]e|${SIZE_WORDS}|${LENGTH_WORDS}`)],
  ['why', wholeWords("why|what for|for what reason|the point of|the purpose|the aim|the goal|actually for|pourquoi|pour quelle raison|dans quel but|[àa] quoi (?:sert|servait|servaient|servent|servira)|l'objectif|le but")],
  ['where', wholeWords(`where|où|in which (?:city|country|place|town|region)|what (?:city|country|place|town|region)|quelle ville|quel pays|quel endroit|quelle r[ée]gion|dans (?:quel|quelle)s? (?:${WHERE_NOUNS})`)],
  ['who', new RegExp(`^qui${E}|${B}comment (?:s['’]appel|se nomm)|${B}s['’]appell?e(?:nt)? comment${E}|${B}(?:which|what|quel(?:le)?s?)\\s+(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should)\\s)(?:(?:\\p{L}+\\s+)?(?:${ROLE_WORDS}|${BODY_WORDS})|(?:\\p{L}+\\s+){0,2}?(?:officer|official|person|leader))${E}|${wholeWords("who|whom|whose|c'est qui|qui (?:est|sont|a|ont|était|étaient|avait)|quel(?:le)? est le nom|what (?:is|was|'s) the (?:\\p{L}+ )?name|the name of|le nom (?:\\p{L}+ )?(?:de|du|des)|le nom (?:\\p{L}+ )?d(?=['’])").source}|${CALLED.source}`, 'iu')],
  ['how', new RegExp(`${wholeWords('how').source}|${B}comment${E}(?!\\s+(?:s['’]appel|se nomm))`, 'iu')],
];
// Only when no other intent applies: a question that opens with an auxiliary wants yes or no, and
// so does a French one whose verb takes its subject after it ("Campbell s'est-il rendu à Niamey",
// "les soldats sont-ils partis"; "-on" only as "-t-on": "add-on" is English).
const YES_NO = /^(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|est-ce que|est-ce qu'|ont-ils|a-t-il|a-t-elle|y a-t-il|il y a)(?![\p{L}])|(?<=\p{L})-(?:t-)?(?:il|elle|ils|elles)(?![\p{L}])|(?<=\p{L})-t-on(?![\p{L}])/iu;

// The question word that comes first decides ("Où s'est tenue la cérémonie où l'on a appris le
// nombre de départs ?" asks where, not how many); casual French puts it last ("elle bosse où").
export function detectIntent(question: string): Intent {
  const found = INTENTS.map(([intent, pattern]) => ({ intent, at: pattern.exec(question)?.index ?? Infinity }))
    .filter((match) => match.at !== Infinity)
    .sort((a, b) => a.at - b.at)[0]?.intent;
  if (found === 'how' && !/^(?:how|comment)(?![\p{L}])/iu.test(question.trim()) && YES_NO.test(question.trim())) return 'yesno';
  if (found) return found;
  // "Quel rôle joue-t-il", "what part did he play", "sur quoi l'accent a-t-il été mis": the question word asks for more than yes or no.
  if (OPEN_QUESTION_START.test(question.trim())) return 'other';
  return YES_NO.test(question.trim()) || OR_NOT.test(question.trim()) ? 'yesno' : 'other';
}

// Questions about the articles themselves, whether they speak of a thing at all.
const MENTION = [
  /^(?:(?:is|are|was|were)\s+(.+?)|(?:has|have)\s+(.+?)\s+(?:ever\s+)?been)\s+(?:(?:ever|even|actually|also)\s+)?(?:mentioned|talked about)(?:\s+(?:anywhere|at all|somewhere|in (?:the|any|your) (?:articles?|news|corpus|sources?)))?$/iu,
  // (not "did they name a new prime minister": that asks who; "they" and "it" are people and events as often as sources)
  /^(?:do|does|did)\s+(?:the\s+|any\s+|an?\s+|your\s+)?(?:articles?|corpus|sources?|news|you)\s+(?:ever\s+|even\s+)?(?:mention|talk about|say anything about|cover|discuss|speak of|bring up)\s+(.+?)$/iu,
  /^(?:(?:is there\s+)?any(?:thing)?|something)\s+(?:about|on|mentioning|mention of)\s+(.+?)$/iu,
  /^(?:est-ce qu['’]\s*)?(?:on|ils|elles|tu|les articles|l['’]article|le corpus|les sources)\s+(?:parle(?:nt)?|évoque(?:nt)?|mentionne(?:nt)?|cite(?:nt)?)\s+(?:(?:de|d['’])\s*)?(.+?)$/iu,
  /^(?:parle-t-on|les articles parlent-ils|évoque-t-on|est-il question|il est question|y a-t-il (?:quelque chose|qqch|un article)|il y a (?:quelque chose|qqch|un article)|(?:quelque chose|qqch))\s+(?:(?:de|d['’]|sur)\s*)(.+?)$/iu,
];
const ASKS_AFTER_ALL = /^(?:quoi|qui|what|who|which|quel\p{L}*|how|when|where|why|whether|if|combien|quand|où|ou|comment|pourquoi)(?![\p{L}])/iu;
function mentionedThing(text: string): string | undefined {
  const plain = text.replace(/\s*[?!.]+$/u, '').trim();
  for (const pattern of MENTION) {
    const thing = pattern.exec(plain)?.slice(1).find(Boolean)?.replace(/\s+(?:anywhere|at all|quelque part|dans les articles)$/iu, '');
    // "ils parlent de quoi", "anything on when the bridge reopens", "on parle de combien de morts": a question
    // word after the verb asks that question, not whether the thing is there.
    if (thing && !ASKS_AFTER_ALL.test(thing)) return thing;
  }
  return undefined;
}

const OPEN_QUESTION_START = /^(?:(?:dans|de|à|pour|par|en|avec|sur|in|on|for|with|at|by|from|of)\s+)?(?:quel|quelle|quels|quelles|que|qu'|quoi|lequel|laquelle|lesquels|lesquelles|what|which)(?![\p{L}])/iu;
// "ils veulent encore une relation ou pas", "is it still on or not"
const OR_NOT = /(?<![\p{L}])(?:ou pas|ou non|or not|or what|ou quoi)\s*[?!.]*$/iu;

const QUANTITY = wholeWords('how much|quelle quantit[ée]|quelles quantit[ée]s');
// ("how much trash": what is measured; not "how much did it cost", "how much is it worth")
// (casual French names it after "comme" or a verb: "combien il y a eu comme morts", "combien il reste de places";
// not a complement: "combien coûte le pont de Mervans")
const COUNTED = new RegExp(`${B}(?:how many\\s+(?:of\\s+(?:the|these|those|their|its)\\s+)?|how much\\s+(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|it|they|he|she|we|you|money)${E})|number of\\s+|combien\\s+(?:des\\s+|de\\s+|d['’]\\s*(?!entre))|combien\\s+(?:[\\p{L}'’-]+\\s+){1,4}?comme\\s+(?:des\\s+|de\\s+|d['’]\\s*)?|combien\\s+(?:(?!(?:le|la|les|un|une|du|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes|[ld]['’]\\p{L}*)\\s)[\\p{L}'’-]+\\s+){1,3}?(?:de\\s+|d['’]\\s*)|nombre\\s+(?:de\\s+|d['’]\\s*))([\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,2})`, 'iu');
// What "combien de" counts ends where another phrase begins: "combien d'or l'an dernier" counts gold, not the year;
// "how many troops were there" counts troops. (Its first word is the noun even when a stop word spells it: "or", gold.)
// ("how many of the Russian attackers" counts attackers: COUNTED skips "of the"; "how many of them", "combien
// d'entre eux" count those already spoken of, nothing the question names)
function countedPhrase(captured: string | undefined): string[] {
  if (!captured || /^of\s+(?:them|us)(?![\p{L}])/iu.test(captured)) return [];
  const words = captured.split(/\s+/u).filter(Boolean);
  const end = words.findIndex((word, i) => i > 0 && (/^l['’]/iu.test(word) || (isStopWord(fold(word)) && !/^(?:de|du|des|of)$/iu.test(word))));
  return end < 0 ? words : words.slice(0, end);
}
const EXACT_DAY = wholeWords('exact(?:ly)? (?:day|date)|what day|which day|day exactly|date exacte|date précise|quel jour|jour exact');
/** Whether a question's word asks for money ("cost", "prix", "worth"). */
export function isMoneyWord(word: string): boolean {
  return MONEY.test(word);
}
const MONEY = wholeWords('money|argent|cost|costs|spend|spent|price|paid|pay|budget|worth|value|financial|funding|funds?|subsid(?:y|ies)|grants?|financements?|financi[eè]re?s?|subventions?|vaut|valent|valeur|montant|dollars?|euros?|co[uû]t[ée]?|co[uû]tent|d[ée]pens[ée]s?|prix|pay[ée]|budget');
const DEAD_WORDS = 'die|died|dies|dying|dead|deaths?|killed|kill|morts?|meurent|mourir|tu[ée]s?|tu[ée]es|d[ée]c[èe]s|d[ée]c[ée]d[ée]s?';
const WOUNDED_WORDS = 'wounded|injured|injuries|hurt|bless[ée]s?|bless[ée]es|blessures?';
const DEAD = wholeWords(DEAD_WORDS);
const WOUNDED = wholeWords(WOUNDED_WORDS);
function casualtyKind(text: string): { casualtyKind?: 'dead' | 'wounded' } {
  const dead = DEAD.test(text);
  const wounded = WOUNDED.test(text);
  return dead === wounded ? {} : { casualtyKind: dead ? 'dead' : 'wounded' };
}
const CASUALTY = wholeWords(`${DEAD_WORDS}|${WOUNDED_WORDS}|casualt(?:y|ies)|victims?|victimes?`);
const SIZE = wholeWords(SIZE_WORDS);
const LENGTH = wholeWords(LENGTH_WORDS);
// "how long is the runway" asks a length; "how long is the mine shut down for", "how long was the border closed" a time
// (a participle of a state that lasts, not any "-ed": "how long is the stretch of road affected" asks a length).
// (and "how long was he mayor": a person is no length)
const LASTING = "how long (?:is|was|are|were) (?:\\p{L}+ ){1,5}?(?:for|closed|shut|suspended|banned|blocked|delayed|postponed|detained|held|jailed|imprisoned|deployed|stationed|based|occupied|halted|stopped|frozen|down|off|out|open|gone|away|missing|in (?:place|force|office|power))(?=\\s*[?!.]*$)|how long (?:is|was|are|were) (?:he|she|they|we|you)";
const DURATION = wholeWords(`how long(?! ago| is| was)|${LASTING}|how much (?:\\p{L}+ )?time|combien de temps|pendant combien|quelle dur[ée]e|(?:la |sa )?dur[ée]e|dur(?:e|era|ent|eront|é|ait) combien`);
const SINCE_QUESTION = wholeWords('depuis quand|since when');
const TOTAL = wholeWords('in total|total|altogether|in all|overall|au total|en tout|totale?');
// ("did they end up going to…" asks about the past, its "going to" notwithstanding)
// French inversion is past only before a participle ("a-t-il signé", "s'est-il rendu"; not "est-il prévu"
// nor "y a-t-il"), and a question about a plan or an announcement ("was it planned", "did they announce")
// is answered by the plan.
const PAST_START = new RegExp(`^(?:did|was|were|has|had)${E}`, 'iu');
const PAST_QUESTION = new RegExp(
  `${B}(?:end(?:ed)? up|finally|actually happen)${E}|${B}(?:a|ont|est|sont|avait|avaient|s['’]est|se sont)(?:-t)?-(?:il|elle|ils|elles)\\s+(?:\\p{L}+\\s+)?\\p{L}+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte)${E}|${B}finalement${E}`,
  'iu',
);
/** A word that asks about a plan ("supposed", "expected", "prévu"): a date still to come answers it. */
export function isPlanWord(word: string): boolean {
  return ABOUT_A_PLAN.test(word);
}
const ABOUT_A_PLAN = wholeWords('plan(?:s|ned)?|schedul(?:e|ed)|expect(?:s|ed)?|announc(?:e|es|ed)|promis(?:e|es|ed)|supposed|due|prévu(?:e|s|es)?|prévoi[rt]|annonc(?:é|ée|és|ées|er)|promis(?:e|es)?|envisag(?:é|ée|er)');
// ("au nom de", "in the name of" speak for someone: they ask no name)
const BODY_QUESTION = wholeWords(`(?:which|what|quel(?:le)?s?)\\s+(?:\\p{L}+\\s+)?(?:${BODY_WORDS})`);
// "the name of the base", "le nom officiel de la base de drones": what is named is no person unless one of
// the next words says so ("the name of the American general", "le nom de la personne").
const NAME_OF = new RegExp(`${B}(?:name of|nom (?:\\p{L}+ )?(?:de|du|des|d'))\\s*(?:(?:the|a|an|this|that|la|le|les|l'|cette|ce|cet)\\s*)?((?:[\\p{L}'-]+\\s*){1,3})`, 'iu');
const PERSON_NOUN = new RegExp(`^(?:${ROLE_WORDS}|person|people|man|men|woman|women|guy|boy|girl|personne|homme|femme|type|mec|gars|fille|gar[çc]on|soldiers?|soldats?|officers?|officials?|officiers?|journalist[es]?|victims?|victimes?|leaders?|suspects?|pilot[es]?|otages?|hostages?)$`, 'iu');
function namesAThing(text: string): boolean {
  const named = NAME_OF.exec(text)?.[1];
  return named !== undefined && !named.split(/\s+/u).some((word) => PERSON_NOUN.test(word.replace(/'s?$/u, '')));
}
const ORIGIN_QUESTION = wholeWords("dat(?:e|ent) de quand|de quand dat(?:e|ent)|dat(?:e|es|ed|ing) (?:back )?(?:from|to)|date of (?:construction|foundation|creation)|date de (?:construction|création|fondation)");
// "what were the soldiers doing there", "ils faisaient quoi là-bas", "quel était leur rôle": an activity or a mission
// (not "what will they do with the camp", "elle a fait quoi de ses troupes": what became of something).
const ACTIVITY_QUESTION = wholeWords(
  "(?:what (?:were|was|are|is|did|do|does) (?:\\p{L}+ ){1,6}?(?:doing|do)|faisai(?:en)?t quoi|font quoi|fait quoi|que (?:faisai(?:en)?t|font|fait))(?! (?:with|de|d'|avec))|(?:what|quel(?:le)?) (?:was|is|were|are|était|est|étaient|sont) (?:the|their|its|his|her|le|la|leur|son|sa) (?:role|mission|job|rôle)",
);
// "how did the US describe the withdrawal", "comment les États-Unis qualifient-ils leur retrait", "ça doit se passer
// comment", "how is the pullout supposed to go": the words that characterise it, or the way it goes.
const DESCRIPTION_QUESTION = wholeWords(
  "how (?:did|does|do|would|will|has|have|was|is|were|are) (?:\\p{L}+ ){1,6}?(?:describe|described|characteri[sz]ed?|portray(?:ed)?|qualif(?:y|ied)|call|called|term|termed)|how (?!(?:many|much|long|far|often|old|soon|big|large) )(?:\\p{L}+ ){1,8}?(?:supposed|meant|expected|going) to (?:go|unfold|proceed|happen|be (?:done|carried out))(?! \\p{L})|comment (?:\\p{L}+ ){0,5}?(?:qualifi|d[ée]cri|caract[ée]ris)\\p{L}*|(?:se passer|se d[ée]rouler|s'est pass[ée]e?|s'est d[ée]roul[ée]e?) comment|comment (?:\\p{L}+ ){0,5}?(?:se passer|se d[ée]rouler|s'est pass[ée]e?|s'est d[ée]roul[ée]e?)|quels? (?:mots|termes|adjectifs)",
);
const NAME_QUESTION = wholeWords(`${BODY_QUESTION.source}|(?<!in )(?:the|its|his|her|their) (?:\\p{L}+ )?name|(?<!au )nom (?:\\p{L}+ )?(?:de|du|des|d')|comment (?:s'appel|se nomm)\\p{L}*|s'appell?e(?:nt)? comment|quel(?:le)? (?:est|était) (?:le|son|leur) nom`);
const FUTURE_QUESTION = wholeWords("will|won't|next|upcoming|going to|prochaine?s?|à venir|aura lieu|auront lieu|sera|seront|va (?:avoir|se tenir|être)");
