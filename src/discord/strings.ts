// Every string the bot shows on Discord, in English and French: one catalogue. The French table is
// typed from the English one, so a key missing in either language does not compile (and a test
// checks it at run time too). The reader's language comes from the interaction's locale; for a
// mention, from the question's language. English is the fallback.
import type { Locale } from 'discord.js';
import { MONTH_NAMES } from '../text/calendar.js';

export type Lang = 'en' | 'fr';

const en = {
  // answers
  'answer.showQuotes': 'Show quotes',
  'answer.votedThanks': 'Thanks!',
  'answer.keywordOnly': 'Keyword search only: answers may be less complete.',
  'answer.written': (model: string) => `Written by ${model} from the quotes below; each sentence checked against them.`,
  'answer.moreSources': (n: number) => `+${n} more source${n === 1 ? '' : 's'} with Show quotes.`,
  'answer.leftOut': (n: number) => `${n} more quote${n === 1 ? '' : 's'} left out to fit Discord's limits.`,
  'answer.quoteTooLong': 'The passage that answers is too long to show here: open the source.',
  'answer.expired': 'This answer is too old to open again: ask the question again.',
  'button.inactive': 'This button is no longer active: run the command again.',
  'answer.followUp': (previous: string) => `Follow-up to: ${previous}`,
  'answer.emptyMention': 'Ask me a question about the articles after my name, or use /ask; /sources lists the articles.',
  // refusals
  'refusal.notFound': "I don't find this in the articles.",
  'refusal.unknownName': (names: string) => `The articles never mention ${names}, so they cannot answer this.`,
  'refusal.missingAnswerType': "The articles speak of this, but they don't say what you ask.",
  'refusal.nearest': 'Closest articles:',
  'refusal.next': 'Try other words, ask about a name or place in these articles, or list them all with /sources.',
  // feedback
  'feedback.thanks': 'Thanks, your vote was recorded.',
  'feedback.already': 'You already voted on this answer.',
  // errors and refusals of a command
  'error.internal': (reference: string) => `Something went wrong on our side. Please try again later (reference ${reference}).`,
  'error.rateLimited': (limit: number, seconds: number) => `You are asking quickly: the limit is ${limit} questions a minute. Ask again in ${seconds} s.`,
  'error.commandUnavailable': 'This command is not available any more.',
  'error.adminOnly': 'Only members with Manage Server (or on the bot’s admin list) can do this.',
  'error.reindexRunning': 'A re-index is already running; try again when it has finished.',
  // /sources
  'sources.title': (n: number) => `Articles in the corpus (${n})`,
  'sources.empty': 'The corpus is empty: add articles to the corpus folder and run /reindex.',
  'paging.page': (page: number, pages: number) => `Page ${page} of ${pages}`,
  'paging.previous': 'Previous',
  'paging.next': 'Next',
  // /timeline
  'timeline.title': (n: number) => `Timeline (${n} event${n === 1 ? '' : 's'})`,
  'timeline.about': (about: string) => `about “${about}”`,
  'timeline.from': (date: string) => `from ${date}`,
  'timeline.to': (date: string) => `to ${date}`,
  'timeline.intro': 'Each event: what happened, then the article’s own words. Letters match the picture.',
  'timeline.none': 'No dated events match.',
  'timeline.earlier': 'Earlier',
  'timeline.later': 'Later',
  // /reindex and /add-article (admins)
  'reindex.done': (chunks: number) => `Re-index done: ${chunks} chunks.`,
  'reindex.changes': (added: string, updated: string, removed: string, unchanged: number) => `Added ${added}, updated ${updated}, removed ${removed}, unchanged ${unchanged}.`,
  'reindex.nothing': (articles: number, chunks: number) => `Nothing to re-index: the index already matches the corpus (${articles} articles, ${chunks} chunks).`,
  'reindex.skipped': (n: number, list: string) => `Skipped ${n} unreadable file(s)${list}.`,
  'reindex.more': (n: number) => `+${n} more`,
  'addArticle.done': (title: string, id: string, chunks: number | undefined) =>
    `Added “${title}” as ${id}${chunks === undefined ? '' : `: ${chunks} chunk${chunks === 1 ? '' : 's'} indexed`}. It can be asked about now.`,
  // /status (admins)
  'status.title': 'Dossier status',
  'status.index': 'Index',
  'status.indexValue': (articles: number, chunks: number, age: string) => `${articles} articles, ${chunks} chunks, built ${age} ago`,
  'status.mode': 'Mode',
  'status.hybrid': 'hybrid (keywords + embeddings)',
  'status.keyword': (reason: string) => `keyword only (${reason})`,
  'status.model': 'Model or endpoint',
  'status.lastReindex': 'Last re-index',
  'status.never': 'none since the bot started',
  'status.ago': (age: string) => `${age} ago`,
  'status.queue': 'Queue',
  'status.queueValue': (questions: number, reindexing: boolean) => `${questions} question${questions === 1 ? '' : 's'} waiting${reindexing ? ', a re-index running' : ''}`,
  'status.uptime': 'Uptime',
  'status.writer': 'Writer',
  'status.writerOff': 'off: answers are extractive',
  'status.writerValue': (endpoint: string, sentences: string, answers: string) =>
    `${endpoint}; since start, sentences dropped: ${sentences || 'none'}; answers left extractive: ${answers || 'none'}`,
  // slash commands: descriptions (names are in COMMAND_NAMES)
  'cmd.ask': 'Ask a question about the articles; the answer quotes them with sources.',
  'cmd.ask.question': 'Your question, in English or French',
  'cmd.ask.private': 'Only you see the answer',
  'cmd.timeline': 'Dated events from the articles, in order, with their sources and a picture.',
  'cmd.timeline.about': 'Only events about this (a name or a place)',
  'cmd.timeline.from': 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)',
  'cmd.timeline.to': 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)',
  'cmd.timeline.theme': 'Picture colours (default: dark)',
  'cmd.timeline.theme.dark': 'dark',
  'cmd.timeline.theme.light': 'light',
  'cmd.sources': 'List the articles the bot answers from.',
  'cmd.reindex': 'Re-read the corpus folder and index what changed (admins only).',
  'cmd.status': 'Index, mode, model, queue and uptime (admins only).',
  'cmd.add-article': 'Add an article (.md, .txt or .html) to the corpus and index it (admins only).',
  'cmd.add-article.file': 'The article: .md with front matter, .txt (first line = title) or .html',
  'cmd.add-article.title': 'Title (overrides the file’s)',
  'cmd.add-article.source': 'Site or agency',
  'cmd.add-article.url': 'Link to the original',
  'cmd.add-article.published': 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;

const fr: Strings = {
  'answer.showQuotes': 'Voir les citations',
  'answer.votedThanks': 'Merci !',
  'answer.keywordOnly': 'Recherche par mots-clés seulement : réponses parfois moins complètes.',
  'answer.written': (model) => `Rédigé par ${model} d’après les citations ci-dessous ; chaque phrase vérifiée.`,
  'answer.moreSources': (n) => `+${n} autre${n === 1 ? '' : 's'} source${n === 1 ? '' : 's'} avec « Voir les citations ».`,
  'answer.leftOut': (n) => `${n} autre${n === 1 ? '' : 's'} citation${n === 1 ? '' : 's'} omise${n === 1 ? '' : 's'} pour tenir dans les limites de Discord.`,
  'answer.quoteTooLong': 'Le passage qui répond est trop long pour être affiché ici : ouvrez la source.',
  'answer.expired': 'Cette réponse est trop ancienne pour être rouverte : reposez la question.',
  'button.inactive': "Ce bouton n'est plus actif : relancez la commande.",
  'answer.followUp': (previous) => `Suite de : ${previous}`,
  'answer.emptyMention': 'Posez-moi une question sur les articles après mon nom, ou utilisez /demander ; /sources liste les articles.',
  'refusal.notFound': 'Je ne trouve pas cela dans les articles.',
  'refusal.unknownName': (names) => `Les articles ne mentionnent jamais ${names} : ils ne peuvent pas répondre à cela.`,
  'refusal.missingAnswerType': 'Les articles en parlent, mais ne disent pas ce que vous demandez.',
  'refusal.nearest': 'Articles les plus proches :',
  'refusal.next': 'Essayez d’autres mots, demandez un nom ou un lieu cité dans ces articles, ou listez-les tous avec /sources.',
  'feedback.thanks': 'Merci, votre avis est enregistré.',
  'feedback.already': 'Vous avez déjà donné votre avis sur cette réponse.',
  'error.internal': (reference) => `Un problème est survenu de notre côté. Réessayez plus tard (référence ${reference}).`,
  'error.rateLimited': (limit, seconds) => `Vous posez vos questions très vite : la limite est de ${limit} questions par minute. Réessayez dans ${seconds} s.`,
  'error.commandUnavailable': "Cette commande n'existe plus.",
  'error.adminOnly': 'Seuls les membres avec « Gérer le serveur » (ou sur la liste des admins du bot) peuvent faire cela.',
  'error.reindexRunning': 'Une réindexation est déjà en cours ; réessayez quand elle sera terminée.',
  'sources.title': (n) => `Articles du corpus (${n})`,
  'sources.empty': 'Le corpus est vide : ajoutez des articles dans le dossier du corpus et lancez /réindexer.',
  'paging.page': (page, pages) => `Page ${page} sur ${pages}`,
  'paging.previous': 'Précédent',
  'paging.next': 'Suivant',
  'timeline.title': (n) => `Chronologie (${n} événement${n === 1 ? '' : 's'})`,
  'timeline.about': (about) => `sur « ${about} »`,
  'timeline.from': (date) => `depuis ${date}`,
  'timeline.to': (date) => `jusqu’à ${date}`,
  'timeline.intro': 'Chaque événement : ce qui s’est passé, puis les mots de l’article. Les lettres renvoient à l’image.',
  'timeline.none': 'Aucun événement daté ne correspond.',
  'timeline.earlier': 'Plus tôt',
  'timeline.later': 'Plus tard',
  'reindex.done': (chunks) => `Réindexation terminée : ${chunks} passages.`,
  'reindex.changes': (added, updated, removed, unchanged) => `Ajoutés ${added}, modifiés ${updated}, retirés ${removed}, inchangés ${unchanged}.`,
  'reindex.nothing': (articles, chunks) => `Rien à réindexer : l’index correspond déjà au corpus (${articles} articles, ${chunks} passages).`,
  'reindex.skipped': (n, list) => `${n} fichier(s) illisible(s) ignoré(s)${list}.`,
  'reindex.more': (n) => `+${n} autres`,
  'addArticle.done': (title, id, chunks) =>
    `« ${title} » ajouté sous ${id}${chunks === undefined ? '' : ` : ${chunks} passage${chunks === 1 ? '' : 's'} indexé${chunks === 1 ? '' : 's'}`}. Vous pouvez poser vos questions dès maintenant.`,
  'status.title': 'État de Dossier',
  'status.index': 'Index',
  'status.indexValue': (articles, chunks, age) => `${articles} articles, ${chunks} passages, construit il y a ${age}`,
  'status.mode': 'Mode',
  'status.hybrid': 'hybride (mots-clés + plongements)',
  'status.keyword': (reason) => `mots-clés seulement (${reason})`,
  'status.model': 'Modèle ou serveur',
  'status.lastReindex': 'Dernière réindexation',
  'status.never': 'aucune depuis le démarrage du bot',
  'status.ago': (age) => `il y a ${age}`,
  'status.queue': 'File d’attente',
  'status.queueValue': (questions, reindexing) => `${questions} question${questions <= 1 ? '' : 's'} en attente${reindexing ? ', une réindexation en cours' : ''}`,
  'status.uptime': 'En service depuis',
  'status.writer': 'Rédacteur',
  'status.writerOff': 'désactivé : réponses extractives',
  'status.writerValue': (endpoint, sentences, answers) =>
    `${endpoint} ; depuis le démarrage, phrases écartées : ${sentences || 'aucune'} ; réponses restées extractives : ${answers || 'aucune'}`,
  'cmd.ask': 'Posez une question sur les articles ; la réponse les cite, avec leurs sources.',
  'cmd.ask.question': 'Votre question, en français ou en anglais',
  'cmd.ask.private': 'Vous seul voyez la réponse',
  'cmd.timeline': 'Les événements datés des articles, dans l’ordre, avec leurs sources et une image.',
  'cmd.timeline.about': 'Seulement les événements sur ce sujet (un nom ou un lieu)',
  'cmd.timeline.from': 'À partir de cette date (AAAA, AAAA-MM ou AAAA-MM-JJ)',
  'cmd.timeline.to': 'Jusqu’à cette date (AAAA, AAAA-MM ou AAAA-MM-JJ)',
  'cmd.timeline.theme': 'Couleurs de l’image (par défaut : sombre)',
  'cmd.timeline.theme.dark': 'sombre',
  'cmd.timeline.theme.light': 'clair',
  'cmd.sources': 'La liste des articles dont le bot tire ses réponses.',
  'cmd.reindex': 'Relire le dossier du corpus et indexer ce qui a changé (admins).',
  'cmd.status': 'Index, mode, modèle, file d’attente et durée de service (admins).',
  'cmd.add-article': 'Ajouter un article (.md, .txt ou .html) au corpus et l’indexer (admins).',
  'cmd.add-article.file': 'L’article : .md avec en-tête, .txt (1re ligne = titre) ou .html',
  'cmd.add-article.title': 'Titre (remplace celui du fichier)',
  'cmd.add-article.source': 'Site ou agence',
  'cmd.add-article.url': 'Lien vers l’original',
  'cmd.add-article.published': 'Date de publication : AAAA, AAAA-MM ou AAAA-MM-JJ',
};

export const CATALOGUE: Readonly<Record<Lang, Strings>> = { en, fr };

/** The strings of a language. */
export function strings(lang: Lang): Strings {
  return CATALOGUE[lang];
}

/** Discord's locale ("fr", "en-US", "en-GB"…) to one of ours; English for every other language. */
export function langOf(locale: Locale | string | null | undefined): Lang {
  return locale?.startsWith('fr') ? 'fr' : 'en';
}

/** Option or command JSON as registered: what localise() fills in. */
interface CommandJson {
  name: string;
  description: string;
  name_localizations?: Partial<Record<Locale, string | null>> | null;
  description_localizations?: Partial<Record<Locale, string | null>> | null;
  options?: CommandJson[];
  choices?: { name: string; value: string | number; name_localizations?: Partial<Record<Locale, string | null>> | null }[];
}

/**
 * A command's registration data with its descriptions from the catalogue (English, and French as
 * Discord's description localisation) and French names (COMMAND_NAMES_FR), options included,
 * and the names of an option's choices. Keys: `cmd.<command>`, `cmd.<command>.<option>`, `cmd.<command>.<option>.<choice value>`.
 */
export function localise<T extends CommandJson>(data: T, prefix = 'cmd'): T {
  const key = `${prefix}.${data.name}`;
  const known = key in en;
  const french = COMMAND_NAMES_FR[data.name];
  return {
    ...data,
    ...(known ? { description: en[key as StringKey] as string, description_localizations: { fr: fr[key as StringKey] as string } } : {}),
    ...(french && french !== data.name ? { name_localizations: { fr: french } } : {}),
    ...(data.options ? { options: data.options.map((option) => localise(option, key)) } : {}),
    ...(data.choices ? { choices: data.choices.map((choice) => localiseChoice(choice, `${key}.${choice.value}`)) } : {}),
  };
}

function localiseChoice<C extends NonNullable<CommandJson['choices']>[number]>(choice: C, key: string): C {
  if (!(key in en)) return choice;
  return { ...choice, name: en[key as StringKey] as string, name_localizations: { fr: fr[key as StringKey] as string } };
}

/**
 * French names of commands and options, for Discord's name localisations (lowercase, no spaces).
 * The handlers always see the default (English) names.
 */
export const COMMAND_NAMES_FR: Readonly<Record<string, string>> = {
  ask: 'demander',
  question: 'question',
  private: 'privé',
  timeline: 'chronologie',
  about: 'sujet',
  from: 'depuis',
  to: 'jusqua',
  theme: 'thème',
  sources: 'sources',
  reindex: 'réindexer',
  status: 'état',
  'add-article': 'ajouter-article',
  file: 'fichier',
  title: 'titre',
  source: 'source',
  url: 'url',
  published: 'publication',
};

/** An article's date as a reader says it: "July 2024", "juillet 2024", "5 July 2024"; the year alone as is. */
export function readableDate(published: string | undefined, lang: Lang): string | undefined {
  if (!published) return undefined;
  const [year, month, day] = published.split('-').map(Number);
  if (!month) return String(year);
  const name = MONTH_NAMES[lang][month - 1];
  if (!name) return published;
  return day ? `${lang === 'fr' && day === 1 ? '1er' : day} ${name} ${year}` : `${name} ${year}`;
}

/** A duration in the largest two units: "3 h 12 min", "2 d 4 h" / "2 j 4 h", "45 s". */
export function readableDuration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const units: [number, string][] = [
    [86_400, lang === 'fr' ? 'j' : 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    // The largest unit, then the next one if it is not zero: "3 h 12 min", "3 h", "2 j 4 h".
    if (parts.length) {
      if (count) parts.push(`${count} ${unit}`);
      break;
    }
    if (count || size === 1) parts.push(`${count} ${unit}`);
  }
  return parts.join(' ');
}
