import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { makeWorkspace, REPO } from '../support/workspace.js';

// An article on local news (written for this test), added as a user adds one, and questions typed
// the casual way: a word cut short, a round quantity of a round quantity.
const workspace = makeWorkspace();
let engine: Engine;
beforeAll(async () => {
  cpSync(path.join(REPO, 'test/fixtures/casual'), workspace.corpusDir, { recursive: true });
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
}, 120_000);
afterAll(() => workspace.cleanup());

describe('questions typed the casual way', () => {
  it('reads a word cut short as the article word it starts ("négo": négociation)', async () => {
    const result = await engine.ask('c quand la prochaine négo');
    expect(result.refusal).toBeUndefined();
    expect(result.lead).toMatch(/^19 mars 2026/u);
  });

  it('answers "depuis quand" with the event it has lasted since, when no date says it', async () => {
    expect((await engine.ask('depuis quand les usagers sont privés de bus')).lead).toBe('Depuis le début du conflit');
    // a reader of the other language gets the clause that says it
    expect((await engine.ask('since when have riders had no buses')).lead).toMatch(/^“.*depuis le début du conflit\.” \[1\]$/u);
  });

  it('prefers the sentence with the word as typed to one with its family ("grévistes", not "grève")', async () => {
    expect((await engine.ask('ils veulent quoi les grévistes')).lead).toMatch(/90 euros/u);
  });

  it('reads a French word as its near-synonym in the article ("a commencé": "a démarré")', async () => {
    expect((await engine.ask('la grève a commencé quand')).lead).toBe('2 mars 2026');
  });

  it('says "des dizaines de milliers" whole, not "milliers" alone', async () => {
    expect((await engine.ask('combien d’usagers sont privés de bus')).lead).toBe("Des dizaines de milliers d'usagers");
    expect((await engine.ask('how many bus users are affected')).lead).toMatch(/^Tens of thousands of /u);
  });

  it('reads a clipped word in the plural ("manifs": manifestations)', async () => {
    expect((await engine.ask('y a eu des manifs contre la fermeture du téléphérique')).lead).toMatch(/^Oui/u);
  });

  it('quotes the role apposed to a name whole, an enumeration of its complements included', async () => {
    expect((await engine.ask('paul ropars il fait quoi')).lead).toMatch(/Paul Ropars, directeur de la maintenance, des achats et de la sécurité du réseau/u);
  });

  it('answers "who represented X" with a name given as X\'s ("Yann Le Goff de la Marine")', async () => {
    expect((await engine.ask('qui représentait la Marine parmi les invités')).lead).toBe('Yann Le Goff');
  });

  it('answers "who is X" with the body a name is given as belonging to ("Jeanne Morvan du Conseil régional")', async () => {
    expect((await engine.ask('qui est jeanne morvan')).lead).toMatch(/^Jeanne Morvan du Conseil/u);
    expect((await engine.ask('who is Marc Tanguy')).lead).toBe("Marc Tanguy de l'Ademe");
  });

  it('answers "X a répondu quoi" with the words said, not a sentence that only names the reaction', async () => {
    expect((await engine.ask('la métropole a répondu quoi')).lead).toMatch(/sabotage/u);
    expect((await engine.ask("qu'est-ce que la métropole a répondu")).lead).toMatch(/sabotage/u);
  });

  it('answers "how much did X cost" only with a sum said of X ("le coût des travaux", not of a ferry)', async () => {
    expect((await engine.ask('how much did the works cost')).lead).toMatch(/4,2 millions d'euros/u);
    expect((await engine.ask('how much is the ferry worth')).refusal).toBeDefined();
  });

  it('answers "who is going to V" only with a sentence that says V, not with any name near the asked thing', async () => {
    expect((await engine.ask('who signed the agreement on the joint syndicate')).lead).toMatch(/Nathalie Quéré/u);
    expect((await engine.ask("who's going to run the joint syndicate")).refusal).toBeDefined();
  });

  it('does not answer about a place with a sentence on another place of the same article ("à Ergué-Gabéric", asked about Plomelin)', async () => {
    expect((await engine.ask('il y a combien de bus en service à ergué-gabéric')).lead).toMatch(/^Quatorze/iu);
    expect((await engine.ask('ya combien de bus en service a plomelin')).refusal).toBeDefined();
  });

  it('does not answer "where" with the place the question gives ("where is Rennes": not "à Rennes")', async () => {
    expect((await engine.ask('where is rennes')).lead).toMatch(/Ille-et-Vilaine/u);
    expect((await engine.ask("rennes c'est où")).lead).toMatch(/Ille-et-Vilaine/u);
  });

  it('answers "how did X describe Y" with the words X characterises Y with, though the verb is not said', async () => {
    expect((await engine.ask('how did the unions describe the drivers strike')).lead).toMatch(/pacifique et déterminé/u);
  });

  it('does not give the source of what is reported ("selon… l\'avocate Jeanne Le Floch") as who it is about', async () => {
    expect((await engine.ask('c qui attend toujours ses indemnités')).lead ?? '').not.toMatch(/Le Floch/u);
  });

  it('does not give countries as the name asked ("le Sénégal, la Mauritanie et le Mali" is no name for a centre)', async () => {
    expect((await engine.ask('whats the new training centre gonna be called')).lead ?? '').not.toMatch(/Sénégal|Mauritanie/u);
  });

  it("does not answer about one country with a sentence on others (\"le Tchad a vu partir les derniers soldats français fin janvier\")", async () => {
    expect((await engine.ask('quand les derniers soldats français sont partis du sénégal')).lead).toBe('15 juillet 2025');
    expect((await engine.ask('quand les derniers soldats français ont quitté le tchad')).lead).toBe('Fin janvier 2025');
  });
});
