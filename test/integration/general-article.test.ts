import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { makeWorkspace, REPO } from '../support/workspace.js';

// A French article on everyday local news (written for this test; nothing like the bundled corpus),
// added as a user adds one: the answer rules must hold outside the corpus's subject.
const workspace = makeWorkspace();
let engine: Engine;
beforeAll(async () => {
  cpSync(path.join(REPO, 'test/fixtures/general'), workspace.corpusDir, { recursive: true });
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'no model in tests' } });
}, 120_000);
afterAll(() => workspace.cleanup());

describe('a French article on local news', () => {
  it('counts with numbers written out, compounds whole, in digits for an English reader', async () => {
    const french = await engine.ask('combien de gens ont signé la pétition');
    expect(french.lead).toBe('Vingt-deux personnes');
    const english = await engine.ask('how many agents work at the Champs-Libres site?');
    expect(english.lead).toMatch(/^83 /u);
  });

  it('takes the article\'s subject from its opening sentences: "the site" is the Champs-Libres', async () => {
    const result = await engine.ask('combien de lecteurs par jour aux Champs-Libres');
    expect(result.refusal).toBeUndefined();
    expect(result.quotes[0]?.text).toContain('4 500 lecteurs par jour');
  });

  it('knows roles of public life beyond politics ("responsable du service…")', async () => {
    const result = await engine.ask('cest qui Claire Morvan');
    expect(result.refusal).toBeUndefined();
    expect(result.lead).toContain('responsable du service des publics');
  });

  it('reads an expansion given in apposition ("la BPR, la Bibliothèque publique de Rennes")', async () => {
    const result = await engine.ask('que veut dire BPR');
    expect(result.lead).toBe('BPR: Bibliothèque publique de Rennes');
  });

  it('does not say yes to "did it happen" from a clause that only plans it', async () => {
    const result = await engine.ask('La médiathèque a-t-elle finalement fermé en juin ?');
    expect(result.refusal).toBeDefined();
  });

  it('ends an apposed expansion where the sentence goes on, and reads "deux mille" whole', async () => {
    expect((await engine.ask('que veut dire SPLR')).lead).toBe('SPLR: Société publique locale de Rennes');
    expect((await engine.ask("combien d'ouvrages anciens seront numérisés")).lead).toBe('Deux mille ouvrages');
  });

  it('says neither yes nor no from a sentence that only names what the question names', async () => {
    const result = await engine.ask('La médiathèque des Champs-Libres a-t-elle été vendue ?');
    expect(result.refusal).toBeDefined();
  });
});

describe('a second article on local news (a port fire)', () => {
  it('reads "how long was it … for" as a length of time, said in English with its plural', async () => {
    expect((await engine.ask('how long was the mourning observed for')).lead).toBe('2 days');
  });

  it('knows that whoever "runs" a site manages it ("géré par")', async () => {
    expect((await engine.ask('who will run the new terminal')).lead).toContain('Groupement portuaire Brest-Morlaix');
  });

  it('answers "who" with an organisation its acronym names, all common words though it has', async () => {
    const result = await engine.ask('who claimed the site security as a priority');
    expect(result.lead).toBe('Syndicat des travailleurs portuaires de Bretagne (STPB)');
  });

  it('answers "where" with a place noun after "vers", to its name ("vers le centre hospitalier de Morlaix")', async () => {
    const result = await engine.ask('les dockers ils ont été transportés où');
    expect(result.lead).toBe('Vers le centre hospitalier de Morlaix');
  });

  it('answers "how long" with a length of time, not the hour of "vers 4 heures"; "since" a date too', async () => {
    expect((await engine.ask('how long did the firefighters fight the fire')).lead).toBe('Nearly 6 hours');
    expect((await engine.ask('le deuil il a duré combien de temps')).lead).toBe('2 jours');
    expect((await engine.ask('how long has the Malbert quay been closed')).lead).toBe('Since December 2025');
  });

  it('answers "who is the head of" with the name apposed to the role with its title, not another role', async () => {
    const result = await engine.ask('who is the head of the port council');
    expect(result.lead).toBe('Yves Kerjean');
  });

  it('answers "when is it supposed to…" with a date still to come, the plan said by the tense', async () => {
    const result = await engine.ask('when is the Malbert quay supposed to reopen');
    expect(result.lead).toMatch(/^Early March 2026 \(planned/u);
  });

  it('spells out an acronym asked "c\'est quoi", written in lower case or with a hyphenated word', async () => {
    expect((await engine.ask("c'est quoi la DDT")).lead).toBe('DDT: direction départementale des territoires');
    expect((await engine.ask('whats GPBM')).lead).toBe('GPBM: Groupement portuaire Brest-Morlaix');
  });

  it('counts the part that did something, not the whole it is counted out of ("35 agents sur 120 au total")', async () => {
    expect((await engine.ask("combien d'employés ont cessé le travail")).lead).toBe('35 agents');
  });

  it('does not read an English role followed by a participle as qualified by it', async () => {
    expect((await engine.ask('who was the prefect taking part in the crisis meeting')).lead).toBe('Anne Morel');
  });

  it('says yes or no of an asked time only from a sentence of that time, and reads "ou pas" as no denial', async () => {
    expect((await engine.ask('Le terminal a-t-il rouvert en janvier 2026 ?')).refusal).toBeDefined();
    expect((await engine.ask('les dockers ont cessé le travail ou pas')).lead).toMatch(/^Oui: /u);
  });

  it('answers "according to" an outlet from that outlet\'s articles only; "sur le site de…" is a place', async () => {
    expect((await engine.ask('où ont été entreposés les conteneurs selon Ouest Matin')).lead).toBe('À Landerneau');
    expect((await engine.ask('où ont été entreposés les conteneurs selon le Courrier du Finistère')).lead).toBe('Sur le site de Lanvéoc');
  });

  it('does not give a place the article writes as one ("au Morbihan") for someone\'s name', async () => {
    expect((await engine.ask('whats the name of the officer in charge of the Kerlaz guard post')).refusal).toBeDefined();
  });

  it('does not date what the question asks of a name only the next sentence holds from a clause about others', async () => {
    expect((await engine.ask('When did gendarmerie reinforcements reach Lorient?')).refusal).toBeDefined();
  });

  it('answers "quelle organisation" with a body\'s name (digits and all: "G7 Portuaire"), not a person\'s', async () => {
    expect((await engine.ask("le port s'est retiré de quelle organisation")).lead).toBe('G7 Portuaire');
  });

  it('reads a sum "d\'un montant de … millions d\'euros", and a year the question gives must be the sentence\'s', async () => {
    expect((await engine.ask('how much will the repairs cost')).lead).toBe("4,2 millions d'euros");
    expect((await engine.ask('how much will the second phase of works in 2027 cost')).refusal).toBeDefined();
  });

  it('reads a season the question names in the month of a date ("summer": July)', async () => {
    expect((await engine.ask('when are the summer works on the Malbert quay')).lead).toMatch(/^July 2027/u);
  });

  it('answers "how big" with a size and "how far" with a length', async () => {
    expect((await engine.ask('how big is the Lanvéoc terminal')).lead).toBe('12 hectares');
    expect((await engine.ask('le terminal de Lanvéoc est à quelle distance de Brest')).lead).toBe('40 kilomètres');
  });

  it('does not answer "who" with the name of what the question asks about', async () => {
    expect((await engine.ask('who will command the common port force')).lead ?? '').not.toContain('Force portuaire commune');
  });

  it('does not take a common word for a name because its glossary lists an acronym ("hospitals": CHU)', async () => {
    const result = await engine.ask('When will the Brest and Morlaix hospitals become a single institution?');
    expect(result.lead).toMatch(/^1 July 2027 \(planned/u);
  });
});
