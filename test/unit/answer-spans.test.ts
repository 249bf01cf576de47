import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/answer/question.js';
import { answerSpans, type SpanContext } from '../../src/answer/spans.js';
import { fold } from '../../src/text/analysis.js';

// The glossary's part that matters here, as a hand-written fake: "fuel" is "gazole", "trash" "ordures".
const SAME: Record<string, string[]> = { fuel: ['gazole'], trash: ['ordures'] };
const ctx: SpanContext = {
  askedNumbers: new Set(),
  acronyms: [],
  countedThingHolds: () => true,
  sameConcept: (questionWord, articleWord) => fold(questionWord) === fold(articleWord) || (SAME[fold(questionWord)] ?? []).includes(fold(articleWord)),
};
const counts = (question: string, sentence: string) => answerSpans(sentence, analyseQuestion(question), ctx)?.map((s) => s.text);

describe('"how much X": a quantity of X', () => {
  const sentence = 'Aucune livraison de gazole depuis dix jours : il reste 12 000 litres au dépôt.';
  it('is a measure or a sum, not a count of days', () => {
    expect(counts('how much fuel is left', sentence)).toEqual(['12 000']);
    expect(counts('how much trash is piling up', 'Les déchets s’accumulent depuis dix jours : 1 800 tonnes d’ordures.')).toEqual(['1 800']);
  });

  it('is not a sum of money when something else is measured ("how much trash": not "60 euros")', () => {
    expect(counts('how much trash is piling up', 'La métropole a proposé une hausse de 60 euros aux éboueurs.')).toEqual([]);
    expect(counts('how much is left', 'Il reste 12 millions d’euros.')).toContain('12');
    expect(analyseQuestion('how much financial help was promised').wantsMoney).toBe(true);
  });

  it('leaves "how much did it cost" to the money check', () => {
    expect(analyseQuestion('how much did it cost').counted).toEqual([]);
    expect(analyseQuestion('how much trash is piling up').counted).toEqual(['trash']);
  });
});

describe('"how many X": a part counts what it is a part of', () => {
  const sentence = "L'Autorité n'est opérationnelle que dans six des dix-neuf régions, et le fichier a été révisé dans 61 % des communes.";
  it('"six des dix-neuf régions" counts regions, "61 % des communes" communes: not voters', () => {
    expect(counts('how many registered voters does mali have', sentence)).toEqual([]);
    expect(counts('combien de régions', sentence)).toEqual(['six']);
    expect(counts('how many communes', sentence)).toEqual(['61']);
    expect(counts('how many bases are left', 'Three of the five bases are closed.')).toEqual(['Three']);
  });
});

describe('"what were they doing there": a mission', () => {
  const missions = (question: string, sentence: string) => answerSpans(sentence, analyseQuestion(question), ctx)?.map((s) => s.text);
  it('is a clause that says one ("engagés dans", "chargés de"), else any clause may answer', () => {
    expect(analyseQuestion('les soldats us ils faisaient quoi là-bas').asksActivity).toBe(true);
    expect(analyseQuestion('what were the soldiers actually doing there').asksActivity).toBe(true);
    expect(analyseQuestion('et la france elle a fait quoi de ses troupes').asksActivity).toBe(false);
    expect(missions('ils faisaient quoi là-bas', 'Les soldats, engagés dans la lutte contre les pirates, patrouillaient au large.')).toEqual(['engagés dans', 'lutte contre']);
    expect(missions('ils faisaient quoi là-bas', 'Les soldats sont partis en juillet.')).toBeUndefined();
    // (French "en train de" is no training)
    expect(missions('ils faisaient quoi là-bas', 'Les soldats étaient en train de partir.')).toBeUndefined();
  });
});

describe('"where": places', () => {
  it('are named by a place noun in the plural too ("dans les régions de Tahoua")', () => {
    const places = answerSpans("L'ONG suspend ses activités dans les régions de Tahoua et de Tillabéri.", analyseQuestion("l'ONG arrête ses activités où"), ctx)?.map((s) => s.text);
    expect(places).toContain('dans les régions de Tahoua');
  });
});

describe('"who": roles', () => {
  it('a role word coordinated with an adjective names no one ("ordonné et responsable")', () => {
    const spans = (sentence: string) => answerSpans(sentence, analyseQuestion('qui coordonne le retrait'), ctx)?.map((s) => s.text);
    expect(spans('Le retrait des troupes se veut ordonné et responsable.')).toEqual([]);
    expect(spans('Le retrait est confié au responsable de la base.')).toEqual(['responsable']);
  });
});

describe('"what does X stand for": the expansion', () => {
  const expand = (acronym: string, sentence: string) => answerSpans(sentence, analyseQuestion(`what does ${acronym} stand for`), { ...ctx, acronyms: [acronym] })?.map((s) => s.text);
  it('is found before a parenthesis that goes on ("(GSIM, ou JNIM…)")', () => {
    expect(expand('GSIM', 'Une pénurie organisée par le Groupe de soutien à l’islam et aux musulmans (GSIM, ou JNIM selon son acronyme arabe).')).toEqual([
      'Groupe de soutien à l’islam et aux musulmans',
    ]);
  });

  it('spells a lower-case expansion with a prefixed word giving two letters ("interrégionale": I, R)', () => {
    expect(expand('JIRS', 'Elle a été menée par la juridiction interrégionale spécialisée (JIRS) de Lyon.')).toEqual(['juridiction interrégionale spécialisée']);
  });
});

describe('"how many were killed": casualties', () => {
  it('are counted when the death is said before the number ("la mort de 6 soldats")', () => {
    expect(counts('combien de soldats ont été tués', 'L’état-major a reconnu la mort de 6 soldats, tandis que le GSIM a revendiqué la destruction de plusieurs dizaines de véhicules.')).toEqual(['6']);
  });

  it('are the dead or the wounded as asked ("quatre tués et deux autres blessés")', () => {
    const sentence = 'Quatre policiers ont été tués et deux autres blessés dans la nuit.';
    expect(counts('how many police officers were wounded', sentence)).toEqual(['deux']);
    expect(counts('combien de policiers ont été tués', sentence)).toEqual(['Quatre']);
    // "two others wounded" counts no attacker
    expect(counts('how many of the attackers were killed or arrested', sentence)).toEqual([]);
  });

  it('are counted as "décès" too', () => {
    expect(counts('how many people died of meningitis', 'Les autorités ont recensé 312 cas suspects et 27 décès depuis septembre.')).toEqual(['27']);
  });

  it('are either dead or wounded when the word says neither ("victimes")', () => {
    expect(counts('how many people were injured', 'L’explosion a fait 12 victimes dans le marché.')).toEqual(['12']);
  });

  it('are counted among the group the sentence names ("4 morts parmi les policiers" counts no attacker)', () => {
    const sentence = 'L’assaut a fait 4 morts parmi les policiers, selon la préfecture.';
    expect(counts('how many of the attackers were killed', sentence)).toEqual([]);
    expect(counts('combien de policiers ont été tués', sentence)).toEqual(['4']);
  });
});

describe('"how long": a length of time', () => {
  it('is not an age ("Gérard Lapeyronie, 67 ans, a comparu")', () => {
    expect(counts('how long was he mayor', 'Gérard Lapeyronie, 67 ans, a dirigé la commune pendant quinze ans.')).toEqual(['quinze']);
  });
});

describe('round numbers and lengths', () => {
  it('read "une douzaine de kilomètres" as a length', () => {
    expect(counts('how far is the post from the border', 'Situé à une douzaine de kilomètres de la frontière, le poste avait déjà été visé.')).toEqual(['une douzaine']);
  });
});

describe('"since when": the event it has lasted since', () => {
  it('is not a place ("depuis les ports de Dakar")', () => {
    const since = (sentence: string) => answerSpans(sentence, analyseQuestion('depuis quand le carburant manque'), ctx)?.map((s) => s.text);
    expect(since('Le carburant manque depuis les ports de Dakar.')).toEqual([]);
    expect(since('Le carburant manque depuis le début du blocus.')).toEqual(['depuis le début du blocus']);
  });
});

describe('"X date de quand": the date of its making', () => {
  const origin = (question: string, sentence: string) => answerSpans(sentence, analyseQuestion(question), { ...ctx, published: '2025-03-10' })?.map((s) => s.text);
  it('is a date said with its building, founding or signing, not any date', () => {
    expect(analyseQuestion('le pont il date de quand').asksOrigin).toBe(true);
    expect(analyseQuestion('what does the bridge date from').intent).toBe('when');
    expect(origin('le pont il date de quand', 'Construit en 1931, le pont sera fermé le lundi 24 mars.')).toEqual(['1931']);
    expect(origin('le pont il date de quand', 'Le pont sera fermé le lundi 24 mars.')).toEqual([]);
    expect(origin("l'accord il date de quand", "Le régime a dénoncé l'accord signé en 2012.")).toEqual(['2012']);
  });
});

describe('"how many X": what the number counts', () => {
  it('is not a share said alone ("17,3 %"), which counts nothing asked; "61 % des batteries" counts batteries', () => {
    expect(counts('keltra produit combien de batteries', 'En Bourse, l’action Keltra a chuté de 17,3 % mardi à Stockholm.')).toEqual([]);
    expect(counts('combien de batteries sont recyclées', '61 % des batteries sont recyclées.')).toEqual(['61']);
  });

  it('counts jobs in people employed ("employer 1 800 personnes")', () => {
    expect(counts('how many jobs was the plant supposed to create', 'Le site devait employer 1 800 personnes à l’horizon 2029.')).toEqual(['1 800']);
  });
});

describe('"why": a reason', () => {
  it('is marked by a word that gives a cause ("invoquant", "citing")', () => {
    const reasons = (sentence: string) => answerSpans(sentence, analyseQuestion('why did they drop the factory'), ctx)?.map((s) => s.text);
    expect(reasons('Le fabricant a annoncé l’abandon de son usine, invoquant l’effondrement des commandes.')).toEqual(['invoquant']);
    expect(reasons('The maker dropped the plant, citing a collapse in orders.')).toEqual(['citing']);
  });
});
