import { describe, expect, it } from 'vitest';
import { queryConcepts } from '../../src/retrieve/concepts.js';
import { fold, indexTerms, words } from '../../src/text/analysis.js';
import { guessLanguage } from '../../src/text/language.js';

describe('words', () => {
  it('folds accents and drops elisions and possessives', () => {
    expect(words("la base de drones d’Agadez, l'État et qu'il")).toEqual(['la', 'base', 'de', 'drones', 'agadez', 'etat', 'et', 'il']);
    expect(words("Niger's junta")).toEqual(['niger', 'junta']);
  });

  it('keeps numbers', () => {
    expect(words('766 militaires sur 950, le 19 mai 2024')).toEqual(['766', 'militaires', 'sur', '950', 'le', '19', 'mai', '2024']);
  });

  it('reads US, USA, United States and États-Unis as one country token', () => {
    expect(words('US troops')).toEqual(['usa', 'troops']);
    expect(words('les États-Unis et les Etats Unis')).toEqual(['les', 'usa', 'et', 'les', 'usa']);
    expect(words('the United States')).toEqual(['the', 'usa']);
    expect(words('tell us')).toEqual(['tell', 'us']);
  });
});

describe('indexTerms', () => {
  it('removes French and English stop words and stems', () => {
    expect(indexTerms('Les soldats américains ont quitté le pays', 'fr')).toEqual(['soldat', 'americain', 'quitt', 'pay']);
    expect(indexTerms('The soldiers have left the country', 'en')).toEqual(['soldier', 'left', 'countri']);
    // pronouns the stock French list misses, an inverted subject among them
    expect(indexTerms('les discussions duraient-elles, celles de Niamey', 'fr')).toEqual(['discuss', 'dur', 'niamey']);
  });

  it('stems a feminine participle as its masculine, accents folded ("annoncée", "revendiquée", "tuées")', () => {
    for (const [feminine, masculine] of [['annoncée', 'annoncé'], ['revendiquée', 'revendiqué'], ['tuées', 'tués'], ['créée', 'créé'], ['libérées', 'libérés']]) {
      expect(indexTerms(feminine!, 'fr')).toEqual(indexTerms(masculine!, 'fr'));
    }
  });

  it('gives one stem to the "y" and "i" forms of verbs in "-oyer" ("employons", "emploie"), not to "pays" and "paie"', () => {
    expect(indexTerms('employons', 'fr')).toEqual(indexTerms('emploie', 'fr'));
    expect(indexTerms('envoyons', 'fr')).toEqual(indexTerms('envoie', 'fr'));
    // and "-oient", "-uient", which the stemmer keeps whole
    expect(indexTerms('ils envoient', 'fr')).toEqual(indexTerms("l'envoi", 'fr'));
    expect(indexTerms('déploient', 'fr')).toEqual(indexTerms('déploiement', 'fr'));
    expect(indexTerms('pays', 'fr')).not.toEqual(indexTerms('paie', 'fr'));
  });

  it('does not stem numbers', () => {
    expect(indexTerms('environ 200 personnes en 2024', 'fr')).toEqual(['environ', '200', 'person', '2024']);
  });
});

describe('queryConcepts', () => {
  it('reads "part of", "how big", "according to" as the question\'s frame, not its subject', () => {
    const words = queryConcepts('Which official was part of the delegation, how big was it according to AFP', ['fr']).map((c) => c.word);
    expect(words).not.toContain('part');
    expect(words).not.toContain('big');
    expect(words).not.toContain('according');
    expect(words).toContain('delegation');
  });

  it('reads the articles themselves as where to look, not what is said ("the piece", "mention", "l\'article")', () => {
    expect(queryConcepts('what russian group does the doingbuzz piece mention', ['fr']).map((c) => c.word)).toEqual(['russian', 'group', 'doingbuzz']);
    expect(queryConcepts("à quoi l'article compare la situation", ['fr']).map((c) => c.word)).toEqual(['compare', 'situation']);
  });

  it('leaves a single letter out of a name, as the index does ("W National Park")', () => {
    expect(queryConcepts('Who manages W National Park?', ['fr']).map((c) => c.word)).toContain('national park');
  });

  it('translates English words to French terms through the glossary', () => {
    const concepts = queryConcepts('When did US troops leave Agadez?', ['fr']);
    expect(concepts.map((c) => c.word)).toEqual(['usa', 'troops', 'leave', 'agadez']);
    const troops = concepts.find((c) => c.word === 'troops')!;
    expect(troops.alternatives).toContainEqual(['soldat']);
    expect(troops.alternatives).toContainEqual(['troup']);
    expect(concepts.find((c) => c.word === 'leave')!.alternatives).toContainEqual(['quitt']);
  });

  it('does not read a French question\'s French words as English ("pays" is not "pay")', () => {
    const pays = queryConcepts('Quel autre pays a dû retirer ses troupes du Niger ?', ['fr']).find((c) => c.word === 'pays')!;
    expect(pays.alternatives).not.toContainEqual(['cout']);
    const report = queryConcepts("c'est le combientième report", ['fr']).find((c) => c.word === 'report')!;
    expect(report.alternatives).not.toContainEqual(['rapport']);
  });

  it('reads a misspelt English word as the glossary word it nearly spells, but never a real word ("floor" is not "flood")', () => {
    expect(queryConcepts('when did the withdrawl end', ['fr']).find((c) => c.word === 'withdrawl')!.alternatives).toContainEqual(['retir']);
    expect(queryConcepts('which floor was chosen', ['fr']).find((c) => c.word === 'floor')!.alternatives).not.toContainEqual(['inond']);
  });

  it('keeps phrases as phrases', () => {
    const coup = queryConcepts('Who led the coup?', ['fr']).find((c) => c.word === 'coup')!;
    expect(coup.alternatives).toContainEqual(['coup', 'etat']);
  });

  it('marks names and untranslatable English words', () => {
    const concepts = queryConcepts('Did Germany ever frobnicate Niamey?', ['fr']);
    expect(concepts.find((c) => c.word === 'germany')).toMatchObject({ specific: true, untranslated: false });
    expect(concepts.find((c) => c.word === 'frobnicate')).toMatchObject({ specific: false, untranslated: true });
  });

  it('stems French questions without translating, widened to near-synonyms only', () => {
    const concepts = queryConcepts("Quand les soldats ont-ils quitté la base d'Agadez ?", ['fr']);
    expect(concepts.map((c) => c.alternatives[0])).toEqual([['soldat'], ['quitt'], ['bas'], ['agad']]);
    // no English reading of a French word ("base" is not looked up in the glossary)
    expect(concepts.find((c) => c.word === 'base')!.alternatives).toEqual([['bas']]);
    // "commencé" reaches "démarré", "débuté" (src/retrieve/synonyms-fr.ts)
    const started = queryConcepts('la grève a commencé quand', ['fr']).find((c) => c.word === 'commence')!;
    expect(started.alternatives.flat()).toEqual(expect.arrayContaining(['commenc', 'demarr', 'debut']));
    // a past participle that stems apart from its verb ("envoyé": envoy, "envoyer": envoi) reaches the group too
    const sent = queryConcepts('la russie a envoyé quoi', ['fr']).find((c) => c.word === 'envoye')!;
    expect(sent.alternatives.flat()).toEqual(expect.arrayContaining(['envoy', 'achemin']));
    // (and of "-re" verbs: "répondu", "répondre")
    const answered = queryConcepts('le bénin a répondu quoi', ['fr']).find((c) => c.word === 'repondu')!;
    expect(answered.alternatives.flat()).toEqual(expect.arrayContaining(['repondu', 'reaction']));
  });
});

describe('fold and guessLanguage', () => {
  it('folds ligatures and curly apostrophes', () => {
    expect(fold('Œuvre d’État')).toBe("oeuvre d'etat");
  });

  it('tells French from English', () => {
    expect(guessLanguage('Quand les soldats ont-ils quitté Agadez ?')).toBe('fr');
    expect(guessLanguage('When did the soldiers leave Agadez?')).toBe('en');
  });
});
