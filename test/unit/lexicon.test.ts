import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/answer/question.js';
import { conceptHolds, queryConcepts } from '../../src/retrieve/concepts.js';
import { ENGLISH_TO_FRENCH } from '../../src/retrieve/lexicon.js';
import { WORLD_TO_FRENCH } from '../../src/retrieve/lexicon-world.js';
import { fold, indexTerms, isStopWord } from '../../src/text/analysis.js';

// What makes a glossary value useless or harmful: the analyser drops stop words, so a value that
// is one ("or" for gold, "avions" for planes) can never match, and one or two letters match noise.
function faults(glossary: Record<string, string[]>): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const [english, french] of Object.entries(glossary)) {
    if (english !== english.toLowerCase()) found.push(`key not lowercase: ${english}`);
    if (seen.has(english.toLowerCase())) found.push(`key twice: ${english}`);
    seen.add(english.toLowerCase());
    if (french.length < 1 || french.length > 5) found.push(`${english}: ${french.length} values`);
    for (const value of french) {
      if (fold(value).length < 3) found.push(`${english} → ${value}: shorter than 3 letters`);
      else if (isStopWord(fold(value))) found.push(`${english} → ${value}: a stop word`);
      else if (indexTerms(value, 'fr').length === 0) found.push(`${english} → ${value}: only stop words`);
    }
  }
  return found;
}

describe('the English → French glossary', () => {
  it('has lowercase keys, once each, and 1 to 5 values that are neither stop words nor shorter than 3 letters', () => {
    expect(faults(ENGLISH_TO_FRENCH)).toEqual([]);
  });

  it('finds each kind of fault', () => {
    expect(faults({ gold: ['or'], planes: ['avions'], until: ["jusqu'à"], mid: ['mi'], Gold: ['aurifère'], none: [] })).toEqual([
      'gold → or: shorter than 3 letters',
      'planes → avions: a stop word',
      "until → jusqu'à: only stop words",
      'mid → mi: shorter than 3 letters',
      'key not lowercase: Gold',
      'key twice: Gold',
      'none: 0 values',
    ]);
  });

  it('covers the general news domains, not only politics', () => {
    // (words of no evaluation set: one per domain)
    for (const english of ['hospital', 'wages', 'trial', 'drought', 'harvest', 'teacher', 'wildfire', 'strike', 'mayor', 'turnout'])
      expect(ENGLISH_TO_FRENCH[english], english).toBeDefined();
  });

  it('takes the world part whole: countries, peoples, regions, units and currencies', () => {
    for (const [english, french] of Object.entries(WORLD_TO_FRENCH)) expect(ENGLISH_TO_FRENCH[english], english).toEqual(french);
    // a name leads to the French name, a demonym to the adjective's forms; plurals both sides
    expect(ENGLISH_TO_FRENCH.benin).toEqual(['bénin']);
    expect(ENGLISH_TO_FRENCH.beninese).toEqual(['béninois', 'béninoise', 'béninoises']);
    expect(ENGLISH_TO_FRENCH.saudi).toEqual(['saoudite', 'arabie saoudite', 'saoudien', 'saoudiens', 'saoudienne']);
    expect(ENGLISH_TO_FRENCH.malians).toContain('maliens');
    expect(ENGLISH_TO_FRENCH.emirati).toContain('émiratis');
    expect(ENGLISH_TO_FRENCH.burkinabe).toContain('burkinabè');
    // no plural made where English has none
    expect(ENGLISH_TO_FRENCH.chineses).toBeUndefined();
    expect(ENGLISH_TO_FRENCH.swisses).toBeUndefined();
  });
});

// Whether every concept of an English question holds in a French sentence, as keyword search asks.
function reaches(question: string, frenchSentence: string): boolean {
  const terms = indexTerms(frenchSentence, 'fr');
  return queryConcepts(question, ['fr']).every((concept) => conceptHolds(terms, concept));
}

describe('English questions reach French sentences through the glossary', () => {
  it.each([
    ['Beninese soldiers', 'Des soldats béninois ont été tués.', 'Des soldats ont été tués.'],
    ['Beninese soldiers', 'Le Bénin a envoyé des soldats.', 'Le Togo a envoyé des soldats.'],
    ['ivorian army', "L'armée ivoirienne se retire.", "L'armée se retire."],
    ['Dutch troops', 'Les troupes néerlandaises sont parties.', 'Les troupes allemandes sont parties.'],
    ['how many km', 'La base est à 12 kilomètres de la ville.', 'La base est à 12 milles de la ville.'],
    ['kilometres', 'La route de 40 kilomètres.', 'La route de 40 mètres.'],
    ['cost in euros', 'Le projet a coûté 3 millions d’euros.', 'Le projet a coûté 3 millions de dollars.'],
    ['in tonnes', 'Dix tonnes de vivres.', 'Dix sacs de vivres.'],
    ['What did the European Union say', "L'Union européenne a déclaré son soutien.", 'Le syndicat européen a déclaré son soutien.'],
    ['Is there war in the Middle East', 'La guerre au Moyen-Orient continue.', 'La guerre en Orient continue.'],
    ['flights to New Zealand', 'Des vols vers la Nouvelle-Zélande.', 'De nouveaux vols vers la Zambie.'],
    ['troops from Saudi Arabia', "Des troupes d'Arabie saoudite.", "Des troupes d'Arabie."],
    ['a summit in Geneva', 'Un sommet à Genève.', 'Un sommet à Paris.'],
    ['the park was closed', 'Le parc a été fermé.', 'La rue a été fermée.'],
    ['national mourning', 'Un deuil national de trois jours.', 'Une fête nationale de trois jours.'],
  ])('%s → %s', (question, holds, lacks) => {
    expect(reaches(question, holds)).toBe(true);
    expect(reaches(question, lacks)).toBe(false);
  });

  it('reads an abbreviation in a French question through the glossary; a name\'s word through its own entry', () => {
    const concepts = queryConcepts('combien de km entre les deux villes', ['fr']);
    expect(conceptHolds(indexTerms('environ 90 kilomètres', 'fr'), concepts.find((c) => c.word === 'km')!)).toBe(true);
    // "park" is parc (not parking's words), "national" stays national (not nation's entry)
    expect(reaches('Who manages the National Park', 'Le parc national est géré par une ONG.')).toBe(true);
  });

  it('reads "us" in a French question as the United States, "américains" in the articles', () => {
    const terms = indexTerms('Les derniers soldats américains ont quitté la base.', 'fr');
    const concepts = queryConcepts(analyseQuestion('quand les derniers soldats us ont quitté la base').text, ['fr']);
    expect(concepts.every((c) => conceptHolds(terms, c))).toBe(true);
  });

  it('reads a capitalised name as meant, not as a typo of a glossary word; a lowercase typo still is one', () => {
    expect(reaches('Who is Nigel', 'Le président nigérien a parlé.')).toBe(false);
    expect(reaches('what happened in Lagos', 'Au Laos, rien ne se passe.')).toBe(false);
    expect(reaches('the nigerrian army', "L'armée nigériane est là.")).toBe(true);
  });

  // A capitalised name of several words is translated word by word, each with its first one-word value.
  it.each([
    ['Ivory Coast', "Côte d'Ivoire"],
    ['Saudi Arabia', 'Arabie saoudite'],
    ['North Korea', 'Corée du Nord'],
    ['South Africa', 'Afrique du Sud'],
    ['Czech Republic', 'République tchèque'],
    ['Equatorial Guinea', 'Guinée équatoriale'],
    ['Cape Verde', 'Cap-Vert'],
    ['Western Sahara', 'Sahara occidental'],
    ['West Africa', "Afrique de l'Ouest"],
    ['United Kingdom', 'Royaume-Uni'],
    ['United Nations', 'Nations unies'],
    ['Democratic Republic of Congo', 'République démocratique du Congo'],
    ['Papua New Guinea', 'Papouasie-Nouvelle-Guinée'],
    ['New Caledonia', 'Nouvelle-Calédonie'],
    ['Horn of Africa', "Corne de l'Afrique"],
    ['Latin America', 'Amérique latine'],
    ['The Hague', 'La Haye'],
    ['Iceland', 'Islande'],
    ['Myanmar', 'Birmanie'],
  ])('a name: %s → %s', (english, french) => {
    expect(reaches(`Troops from ${english}`, `Des troupes venues de ${french}.`)).toBe(true);
    expect(reaches(`Troops from ${english}`, 'Des troupes venues du Portugal.')).toBe(false);
  });
});
