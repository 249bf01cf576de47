import { describe, expect, it } from 'vitest';
import { analyseQuestion, detectIntent, validateQuestion } from '../../src/answer/question.js';
import { wholeWords } from '../../src/text/boundaries.js';
import { UserError } from '../../src/errors.js';

describe('validateQuestion', () => {
  it('trims and collapses white space', () => {
    expect(validateQuestion('  When   did\nthey leave? ', 100)).toBe('When did they leave?');
  });

  it.each([
    ['', /empty/],
    ['   \n ', /empty/],
    ['?!… ---', /no words/],
    ['x'.repeat(101), /too long \(101 characters; the limit is 100\)/],
  ])('refuses %j with a clear message', (question, message) => {
    expect(() => validateQuestion(question, 100)).toThrow(UserError);
    expect(() => validateQuestion(question, 100)).toThrow(message);
  });
});

describe('the noun that asks for someone', () => {
  it.each([
    ['Which Pentagon official was part of the delegation?', ['official']],
    ['which africom officer sat in on the talks', ['officer']],
    // (up to two words before the noun)
    ['Which Nigerien army officer attended the ceremony?', ['officer']],
    // not in a question about something else
    ['how many officials met in Niamey', []],
  ])('%s → %j', (question, kind) => {
    expect(analyseQuestion(question).answerKind).toEqual(kind);
  });
});

describe('the role "who" asks the holder of', () => {
  it.each([
    ['who is the US ambassador', 'ambassador'],
    // past a possessive
    ["whats the name of burkina's head of state", 'head'],
    ["what's the name of the orchard's manager", 'manager'],
  ])('%s → %s', (question, role) => {
    expect(analyseQuestion(question).askedRole).toBe(role);
  });
});

describe('detectIntent', () => {
  it.each([
    ['When did US troops leave Agadez?', 'when'],
    ['Quand les soldats sont-ils partis ?', 'when'],
    ['How many soldiers left?', 'count'],
    ['Combien de soldats ?', 'count'],
    ['Who is the prime minister?', 'who'],
    ['Qui est le Premier ministre ?', 'who'],
    ['Why were US troops in Niger?', 'why'],
    ['Where is the drone base?', 'where'],
    ['Où est la base ?', 'where'],
    ['Les soldats qui restent', 'other'],
    // a question word first asks for more than yes or no, whatever the inversion after it
    ['Quel rôle le général joue-t-il dans ce retrait ?', 'other'],
    ['Dans quels domaines Washington dit-il aider le pays ?', 'other'],
    ['dans quelle ville sont-ils partis', 'where'],
    ['les usa veulent encore une relation avec le niger ou pas', 'yesno'],
    ['is the base still open or not', 'yesno'],
    ['did the French troops stay or what', 'yesno'],
    ["Sur quoi l'accent a-t-il été mis lors de la rencontre ?", 'other'],
    ['how long did the fighting last', 'count'],
    ['how long ago did it happen', 'when'],
    ["c'est quoi l'ARS", 'standfor'],
    ['in which months did the trainers show up', 'when'],
    ['what is the ambassador doing', 'other'],
    // "what did General X tell them" asks words said, not who ("which general" does)
    ['What did General Tiani tell the American delegation?', 'other'],
    ['which general met them', 'who'],
    ['whats the new hospital gonna be called', 'who'],
  ])('%s → %s', (question, intent) => {
    expect(detectIntent(question)).toBe(intent);
  });
});

describe('analyseQuestion: questions as people type them', () => {
  it.each([
    ['hey bot quick question, when did the troops leave', 'when did the troops leave', 'when', 'en'],
    ['yo when r the soldiers supposed to be out', 'when are the soldiers supposed to be out', 'when', 'en'],
    ['whats the name of the general', 'what is the name of the general', 'who', 'en'],
    ['c quand que l’accord a été signé', "c'est quand que l'accord a été signé", 'when', 'fr'],
    ["dis moi stp y en avait combien des soldats", "y en avait combien des soldats", 'count', 'fr'],
    ['pk le niger a rompu', 'pourquoi le niger a rompu', 'why', 'fr'],
    ["ça veut dire quoi CEDEAO", "ça veut dire quoi CEDEAO", 'standfor', 'fr'],
    ["celeste machin elle bosse où", "celeste machin elle bosse où", 'where', 'fr'],
    ['did the french leave first', 'did the french leave first', 'yesno', 'en'],
    ['cest qui le maire', "c'est qui le maire", 'who', 'fr'],
    ["Campbell s'est-il finalement rendu à Niamey ?", "Campbell s'est-il finalement rendu à Niamey ?", 'yesno', 'fr'],
    ['les soldats sont-ils partis', 'les soldats sont-ils partis', 'yesno', 'fr'],
    ['pourquoi les soldats sont-ils partis', 'pourquoi les soldats sont-ils partis', 'why', 'fr'],
  ])('%j', (asked, text, intent, language) => {
    expect(analyseQuestion(asked)).toMatchObject({ text, intent, language });
  });

  it('reads "ou" as "où" only where "or" cannot stand', () => {
    expect(analyseQuestion('bazoum il est detenu ou en ce moment').intent).toBe('where');
    expect(analyseQuestion('ou est la base').intent).toBe('where');
    expect(analyseQuestion('les soldats sont partis en juillet ou en août ?').intent).not.toBe('where');
  });

  it('reads "ou s\'est…" as where, and no English "-on" compound as a French inversion', () => {
    expect(analyseQuestion("ou s'est tenue la réunion").intent).toBe('where');
    expect(analyseQuestion('tell me about the hands-on training').intent).not.toBe('yesno');
    expect(analyseQuestion('que dit-on de la réunion').intent).not.toBe('where');
  });

  it('a question about a plan or an announcement is not about something done', () => {
    expect(analyseQuestion('Was the renovation planned for September?').asksPast).toBe(false);
    expect(analyseQuestion('did they announce the closure').asksPast).toBe(false);
    expect(analyseQuestion('Une visite est-elle prévue ?').asksPast).toBe(false);
    expect(analyseQuestion('y a-t-il des morts').asksPast).toBe(false);
    expect(analyseQuestion('Le ministre a-t-il signé le décret ?').asksPast).toBe(true);
    expect(analyseQuestion('qui parle au nom du gouvernement').asksName).toBe(false);
  });

  it('tells a yes/no about something done from one about a plan, and a question that wants a name', () => {
    expect(analyseQuestion('did kurt campbell end up going to niamey').asksPast).toBe(true);
    expect(analyseQuestion("Campbell s'est-il finalement rendu à Niamey ?").asksPast).toBe(true);
    expect(analyseQuestion('will campbell go to niamey').asksPast).toBe(false);
    expect(analyseQuestion('What is the name of the association that organised the protests?')).toMatchObject({ intent: 'who', asksName: true });
    expect(analyseQuestion('what was the official name of the base')).toMatchObject({ intent: 'who', asksName: true });
    expect(analyseQuestion('who organised the protests').asksName).toBe(false);
  });

  it('the first question word decides: "où … le nombre de" asks where', () => {
    expect(detectIntent("Où s'est tenue la cérémonie où l'on a appris le nombre de départs ?")).toBe('where');
  });

  it('reads what "how many" counts, and when a day or money is wanted', () => {
    expect(analyseQuestion('how many us troops were left').counted).toEqual(['US', 'troops']);
    expect(analyseQuestion('combien de drones américains à la base').counted).toEqual(['drones', 'américains']);
    // what is counted ends where another phrase begins; a stop word that spells the noun stays ("or", gold)
    expect(analyseQuestion("la mine elle a sorti combien d'or l'an dernier").counted).toEqual(['or']);
    expect(analyseQuestion('combien de tonnes de riz').counted).toEqual(['tonnes', 'de', 'riz']);
    // "of the" is no part of what is counted; "of them", "d'entre eux" count those already spoken of
    expect(analyseQuestion('how many of the Russian attackers').counted).toEqual(['Russian', 'attackers']);
    expect(analyseQuestion("combien d'entre eux sont morts").counted).toEqual([]);
    expect(analyseQuestion('how many of them died').counted).toEqual([]);
    expect(analyseQuestion('how many of the attackers were killed').counted).toEqual(['attackers']);
    // casual French: the counted thing after "comme" or after a verb; not a complement
    expect(analyseQuestion('combien va recevoir chaque commercant comme aide').counted).toEqual(['aide']);
    expect(analyseQuestion('combien il reste de places').counted).toEqual(['places']);
    expect(analyseQuestion('combien coûte le pont de Mervans').counted).toEqual([]);
    expect(analyseQuestion('combien il y a de bus').text).toBe('combien il y a de bus');
    expect(analyseQuestion('y a eu des manifs').text).toBe('il y a eu des manifs');
    expect(analyseQuestion('what day exactly did they leave').wantsExactDay).toBe(true);
    expect(analyseQuestion('how much did the base cost').wantsMoney).toBe(true);
    expect(analyseQuestion('combien ça coûte').wantsMoney).toBe(true);
    expect(analyseQuestion('how many soldiers').wantsMoney).toBe(false);
  });

  it('reads a question about the articles themselves: "is Wagner mentioned anywhere", "on parle de Wagner ?"', () => {
    expect(analyseQuestion('is wagner mentioned anywhere')).toMatchObject({ intent: 'yesno', asksMention: true, text: 'wagner', language: 'en' });
    expect(analyseQuestion('on parle de wagner ?')).toMatchObject({ intent: 'yesno', asksMention: true, text: 'wagner', language: 'fr' });
    expect(analyseQuestion('do the articles mention the ecowas')).toMatchObject({ asksMention: true, text: 'the ecowas' });
    expect(analyseQuestion('ils parlent de quoi').asksMention).toBe(false);
    expect(analyseQuestion('was the general named ambassador').asksMention).toBe(false);
    for (const other of ['Are the 12 miners still in there?', 'Did they name a new prime minister?', 'On parle de combien de morts ?', 'Anything on when the bridge reopens?', 'does it cover the costs']) {
      expect(analyseQuestion(other).asksMention, other).toBe(false);
    }
    expect(analyseQuestion('Has Wagner been mentioned')).toMatchObject({ asksMention: true, text: 'Wagner' });
  });

  it('writes out "which PM", not "5 pm" nor "six pm"; "à la tête de" is a chief only after a verb of being', () => {
    expect(analyseQuestion('who did they meet, which PM').text).toContain('which prime minister');
    expect(analyseQuestion('was the meeting at 5 pm').text).toContain('5 pm');
    expect(analyseQuestion('did the meeting end at six pm').text).toContain('six pm');
    expect(analyseQuestion('qui est à la tête du régime').text).toContain('qui est le chef du régime');
    expect(analyseQuestion("le soldat touché à la tête d'une balle a survécu ?").text).toContain('à la tête');
  });

  it('"how much money" asks for a sum', () => {
    expect(analyseQuestion('how much money does the hospital save by shutting at night').wantsMoney).toBe(true);
  });

  it('reads "how is it supposed to go" as asking the way it goes', () => {
    expect(analyseQuestion('How does the US say the pullout is supposed to go?').asksDescription).toBe(true);
    expect(analyseQuestion('how did it go for them at the airport').asksDescription).toBe(false);
    expect(analyseQuestion('how many soldiers are expected to go').asksDescription).toBe(false);
  });

  it('tells a length of time from a length: "how long is … shut down for" against "how long is the runway"', () => {
    expect(analyseQuestion('how long is the mine shut down for')).toMatchObject({ asksDuration: true });
    expect(analyseQuestion('how long was the border closed?').asksMeasure).toBeUndefined();
    expect(analyseQuestion('how long is the runway')).toMatchObject({ asksDuration: false, asksMeasure: 'length' });
    expect(analyseQuestion('how long was he mayor')).toMatchObject({ asksDuration: true });
    expect(analyseQuestion('how long is the stretch of road affected')).toMatchObject({ asksDuration: false, asksMeasure: 'length' });
    expect(analyseQuestion('how much prison time did the prosecutor ask for')).toMatchObject({ asksDuration: true });
  });
});

describe('accent-aware word boundaries', () => {
  it('match whole words that begin or end with an accented letter', () => {
    expect(wholeWords('à').test('arrivés à Niamey')).toBe(true);
    expect(wholeWords('à').test('voilà')).toBe(false);
    expect(wholeWords('publicité').test('Publicité 2')).toBe(true);
    expect(wholeWords('été').test('la société')).toBe(false);
    // JavaScript's own \b gets both wrong:
    expect(/\bà\b/u.test('arrivés à Niamey')).toBe(false);
  });
});

describe('casual forms written out', () => {
  it.each([
    ['how many ppl were there', 'how many people were there'],
    ['why wasnt the deal valid', 'why was not the deal valid'],
    ['who did the govt meet', 'who did the government meet'],
    ['ki representait l’africom', 'qui representait l\'africom'],
    ['il veut faire koi', 'il veut faire quoi'],
  ])('%s → %s', (asked, text) => {
    expect(analyseQuestion(asked).text).toBe(text);
  });

  it('reads "comment s’appelle" as who, "comment" alone as how, deaths and the future as answer types', () => {
    expect(detectIntent('Comment s’appelle le ministre ?')).toBe('who');
    expect(detectIntent('Comment se passe le retrait ?')).toBe('how');
    expect(analyseQuestion('combien de morts').asksCasualties).toBe(true);
    expect(analyseQuestion('how many soldiers left').asksCasualties).toBe(false);
    expect(analyseQuestion('when will the base close').asksFuture).toBe(true);
    expect(analyseQuestion('when did the base close').asksFuture).toBe(false);
    expect(analyseQuestion('le deuil il dure combien de temps').asksDuration).toBe(true);
    expect(analyseQuestion('combien de soldats').asksDuration).toBe(false);
    expect(analyseQuestion('depuis quand les bus sont en grève').asksSince).toBe(true);
    expect(analyseQuestion('since when has the base been closed').asksSince).toBe(true);
    expect(analyseQuestion('quand la grève a commencé').asksSince).toBe(false);
    expect(analyseQuestion('what will the new port be called').asksName).toBe(true);
    expect(analyseQuestion('who called for the protests').asksName).toBe(false);
    expect(analyseQuestion('which regional group did niger quit').asksNonPerson).toBe(true);
    // a thing's name is no person's; a role's or a person's is
    expect(analyseQuestion("c quoi le nom officiel de la base de drones d'agadez").asksNonPerson).toBe(true);
    expect(analyseQuestion("c quoi le nom officiel de la base de drones d'agadez").asksName).toBe(true);
    expect(analyseQuestion("whats the name of niger's prime minister").asksNonPerson).toBe(false);
    expect(analyseQuestion('what is the name of the american general').asksNonPerson).toBe(false);
    expect(analyseQuestion('quel est le nom du premier ministre').askedRole).toBe('ministre');
    // two words before a role are too many for "who": "what happened to president bazoum" asks what
    expect(detectIntent('what happened to president bazoum')).not.toBe('who');
    expect(detectIntent('What position does Colonel Maman Sani Kiaou hold?')).not.toBe('who');
    expect(detectIntent('Which Nigerien army officer attended the ceremony?')).toBe('who');
    // "à quoi sert" without its accent asks what for
    expect(detectIntent('a quoi servait la presence americaine')).toBe('why');
    expect(detectIntent('le niger a quitté quelle organisation')).toBe('who');
    // a description, or the way something goes, is asked
    expect(analyseQuestion('how did the US describe the withdrawal').asksDescription).toBe(true);
    expect(analyseQuestion('comment les syndicats qualifient-ils la grève').asksDescription).toBe(true);
    expect(analyseQuestion('le retrait il doit se passer comment').asksDescription).toBe(true);
    expect(analyseQuestion('how did the US leave').asksDescription).toBe(false);
    // "boîte" is casual French for a company: its name is asked
    expect(analyseQuestion('c quelle boîte qui ramasse les poubelles').intent).toBe('who');
    expect(analyseQuestion('c quelle boîte qui ramasse les poubelles').asksNonPerson).toBe(true);
  });
});

describe('"us" typed in lower case', () => {
  it.each([
    ['who is the us ambassador to niger', 'who is the US ambassador to niger'],
    ['how many us troops left', 'how many US troops left'],
    ['can you tell us when they left', 'can you tell us when they left'],
    ['give us the date', 'give us the date'],
    ['what did they say to us?', 'what did they say to us?'],
  ])('%j is read as %j', (asked, text) => {
    expect(analyseQuestion(asked).text).toBe(text);
  });
});
