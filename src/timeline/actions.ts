// The common actions of news reports, in French and English: the word forms that say them and
// the noun a headline names them by in each language. General news vocabulary only: nothing here
// may name a place, person or event of a particular corpus.
import type { Language } from '../text/analysis.js';

/**
 * Whose part of the sentence a headline shows with the action: who did it (subject: "Départ des
 * soldats"), what it was done to (object: "Signature de l'accord"; in the passive, the subject),
 * who spoke (agent: "Déclaration de X"), with whom (partner: "Rencontre avec X"), or only where.
 */
export type ThemeRole = 'subject' | 'object' | 'agent' | 'partner' | 'place';

export interface NewsAction {
  id: string;
  role: ThemeRole;
  /** The headline noun: in French with its article, so "de" contracts ("les discussions" → "des discussions"). */
  noun: Record<Language, string>;
  /**
   * Word forms, folded (no accents, lower case, apostrophes dropped), one regex per word, words
   * separated by spaces: "pris le pouvoir", "coup d etat". A form marked "v:" counts only after an
   * auxiliary ("ils sont partis"; not "les partis", "les deux parties").
   */
  forms: string[];
  /** A trip or move whose purpose ("pour une rencontre") says more than the move itself. */
  motion?: boolean;
}

// Regular French -er verbs: every common tense and participle, folded ("signée" → "signee").
const ER = '(?:e|es|ent|er|ee|ees|ait|aient|ant|era|eront|erait|eraient|ons|ez|erent|a|ai)';

export const NEWS_ACTIONS: readonly NewsAction[] = [
  {
    id: 'coup',
    role: 'place',
    noun: { en: 'Coup', fr: "le coup d'État" },
    forms: ['coup d etat', 'coup de force', 'putsch', `renvers${ER}`, 'renversement', 'pris le pouvoir', 'prend le pouvoir', 'prennent le pouvoir', 'prise du pouvoir', 'prise de pouvoir', 'seized power', 'seize power', 'overthr(?:ew|own|ow|ows)'],
  },
  { id: 'withdraw', role: 'subject', noun: { en: 'Withdrawal', fr: 'le retrait' }, forms: [`retir${ER}`, 'retraits?', 'withdr(?:aw|aws|ew|awn|awal|awing)', 'pull(?:s|ed)? out'] },
  { id: 'leave', role: 'subject', noun: { en: 'Departure', fr: 'le départ' }, forms: [`quitt${ER}`, 'part(?:ir|ent|ira|iront|ait|aient)', 'v:partie?s?', 'departs?', 'left', 'leav(?:e|es|ing)', 'depart(?:s|ed|ure)?'] },
  { id: 'sign', role: 'object', noun: { en: 'Signing', fr: 'la signature' }, forms: [`sign${ER}`, 'signature', 'sign(?:s|ed|ing)?'] },
  {
    id: 'denounce',
    role: 'object',
    noun: { en: 'Denunciation', fr: 'la dénonciation' },
    forms: [`denonc${ER}`, 'denonciation', 'rompu(?:e|s|es)?', 'romp(?:re|t|ent|ait)', `abrog${ER}`, 'abrogation', 'denounc(?:e|es|ed|ing)', 'scrap(?:s|ped)?', 'revok(?:e|es|ed)', 'tore up'],
  },
  { id: 'meet', role: 'partner', noun: { en: 'Meeting', fr: 'la rencontre' }, forms: [`rencontr${ER}`, 'rencontres?', 'reunions?', 'reuni(?:r|t|s|e|es|ssent|ssait|ra|ront)?', 'entretiens?', 'meet(?:s|ing|ings)?'] },
  { id: 'talks', role: 'partner', noun: { en: 'Talks', fr: 'les discussions' }, forms: ['discussions?', `negoci${ER}`, 'negociations?', 'pourparlers', 'talks', 'negotiat(?:e|es|ed|ion|ions)'] },
  {
    id: 'announce',
    role: 'agent',
    noun: { en: 'Statement', fr: 'la déclaration' },
    forms: [`annonc${ER}`, `declar${ER}`, `affirm${ER}`, 'announc(?:e|es|ed|ement)', 'declar(?:e|es|ed)', 'stat(?:ed|es)', 'said', 'says'],
  },
  { id: 'arrive', role: 'subject', noun: { en: 'Arrival', fr: "l'arrivée" }, forms: [`arriv${ER}`, 'arrivees?', 'arriv(?:e|es|ed|al)'], motion: true },
  { id: 'visit', role: 'subject', noun: { en: 'Visit', fr: 'la visite' }, forms: [`visit${ER}`, 'visites?', 'se rend\\p{L}*', 's est rendu\\p{L}*', 'visit(?:s|ed)?', 'travel(?:s|led)? to'], motion: true },
  { id: 'expel', role: 'object', noun: { en: 'Expulsion', fr: "l'expulsion" }, forms: [`expuls${ER}`, 'expulsions?', 'expel(?:s|led)?'] },
  { id: 'vote', role: 'object', noun: { en: 'Vote', fr: 'le vote' }, forms: [`vot${ER}`, 'votes?', 'scrutins?', 'referendums?', 'vot(?:e|es|ed|ing)', 'ballots?'] },
  {
    id: 'handover',
    role: 'object',
    noun: { en: 'Handover', fr: 'la remise' },
    forms: ['remi(?:s|se|ses)', 'remet\\p{L}*', `retroced${ER}`, 'retrocession', `transfer${ER}`, 'transferts?', 'hand(?:s|ed)? over', 'handover', 'transfer(?:s|red)?'],
  },
  { id: 'attack', role: 'object', noun: { en: 'Attack', fr: "l'attaque" }, forms: [`attaqu${ER}`, 'attaques?', 'attentats?', 'attack(?:s|ed)?'] },
  { id: 'elect', role: 'object', noun: { en: 'Election', fr: "l'élection" }, forms: ['elu(?:e|s|es)?', 'elir\\p{L}*', 'elections?', 'elect(?:s|ed|ion|ions)?'] },
  {
    id: 'deploy',
    role: 'object',
    noun: { en: 'Deployment', fr: 'le déploiement' },
    forms: [`deploy${ER}`, 'deploie\\p{L}*', 'deploiements?', `achemin${ER}`, 'acheminement', `envoy${ER}`, 'envois?', 'deploy(?:s|ed|ment)?'],
  },
  { id: 'suspend', role: 'object', noun: { en: 'Suspension', fr: 'la suspension' }, forms: ['suspend\\p{L}*', 'suspensions?', 'suspend(?:s|ed)?'] },
  { id: 'complete', role: 'object', noun: { en: 'Completion', fr: "l'achèvement" }, forms: [`achev${ER}`, 'achevement', `termin${ER}`, 'complet(?:e|es|ed|ion)', 'end(?:s|ed)'] },
  { id: 'formalise', role: 'object', noun: { en: 'Formalisation', fr: "l'officialisation" }, forms: [`officialis${ER}`, 'officialisation', `formalis${ER}`, 'formali[sz](?:e|es|ed|ation)', 'made official'] },
  { id: 'agreement', role: 'partner', noun: { en: 'Agreement', fr: "l'accord" }, forms: ['accords?', 'agreements?', 'deals?'] },
  { id: 'demand', role: 'object', noun: { en: 'Demand', fr: "l'exigence" }, forms: [`exig${ER}`, `reclam${ER}`, 'demand(?:s|ed)?'] },
  { id: 'rapprochement', role: 'subject', noun: { en: 'Rapprochement', fr: 'le rapprochement' }, forms: [`rapproch${ER}`, 'rapprochements?', 'moved closer'] },
  { id: 'kill', role: 'object', noun: { en: 'Killing', fr: 'la mort' }, forms: ['tue(?:e|s|es)?', 'kill(?:s|ed|ing)?'] },
  { id: 'arrest', role: 'object', noun: { en: 'Arrest', fr: "l'arrestation" }, forms: ['arrestations?', `interpell${ER}`, 'arrest(?:s|ed)?'] },
  { id: 'appoint', role: 'object', noun: { en: 'Appointment', fr: 'la nomination' }, forms: [`nomm${ER}`, 'nominations?', 'appoint(?:s|ed|ment)?'] },
  { id: 'resign', role: 'subject', noun: { en: 'Resignation', fr: 'la démission' }, forms: ['demission\\p{L}*', 'resign(?:s|ed|ation)?'] },
  { id: 'launch', role: 'object', noun: { en: 'Launch', fr: 'le lancement' }, forms: [`lanc${ER}`, 'lancement', `commenc${ER}`, 'launch(?:es|ed)?', 'began', 'begins?'] },
  { id: 'protest', role: 'subject', noun: { en: 'Protest', fr: 'la manifestation' }, forms: [`manifest${ER}`, 'manifestations?', 'protest(?:s|ed)?', 'demonstrations?'] },
  { id: 'sanction', role: 'object', noun: { en: 'Sanctions', fr: 'les sanctions' }, forms: [`sanctionn${ER}`, 'sanctions?', 'sanction(?:s|ed)?'] },
  { id: 'close', role: 'object', noun: { en: 'Closure', fr: 'la fermeture' }, forms: [`ferm${ER}`, 'fermeture', 'clos(?:e|es|ed|ure)', 'shut'] },
  { id: 'release', role: 'object', noun: { en: 'Release', fr: 'la libération' }, forms: [`liber${ER}`, 'liberation', 'releas(?:e|es|ed)', 'freed'] },
  { id: 'ban', role: 'object', noun: { en: 'Ban', fr: "l'interdiction" }, forms: ['interdi(?:t|ts|te|tes|re|sent)', 'interdiction', 'ban(?:s|ned)?'] },
  { id: 'return', role: 'subject', noun: { en: 'Return', fr: 'le retour' }, forms: ['retours?', `rentr${ER}`, 'return(?:s|ed)?'] },
  { id: 'accuse', role: 'object', noun: { en: 'Accusation', fr: "l'accusation" }, forms: [`accus${ER}`, 'accus(?:e|es|ed)', 'accusations?'] },
  { id: 'strike', role: 'subject', noun: { en: 'Strike', fr: 'la grève' }, forms: ['greves?', 'grevistes?', 'strikes?', 'went on strike'] },
  { id: 'file', role: 'object', noun: { en: 'Filing', fr: 'le dépôt' }, forms: [`depos${ER}`, 'depots?', 'fil(?:e|es|ed)'] },
  { id: 'ceasefire', role: 'place', noun: { en: 'Ceasefire', fr: 'le cessez-le-feu' }, forms: ['cessez le feu', 'ceasefire', 'truce'] },
];

/** Fixed phrases that hold an action's word without its meaning: "à partir du 18 février". */
export const NOT_ACTIONS: readonly string[][] = [['à', 'partir'], ['d', 'accord']];

/** The actions in the order their forms should be tried: longer (multi-word) forms first. */
export const ACTION_FORMS: readonly { action: NewsAction; words: RegExp[]; verbOnly: boolean }[] = NEWS_ACTIONS.flatMap((action) =>
  action.forms.map((form) => {
    const verbOnly = form.startsWith('v:');
    return { action, verbOnly, words: form.replace(/^v:/u, '').split(' ').map((word) => new RegExp(`^(?:${word})$`, 'u')) };
  }),
).sort((a, b) => b.words.length - a.words.length);
