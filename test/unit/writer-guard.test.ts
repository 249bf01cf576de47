import { describe, expect, it } from 'vitest';
import { findDatesIn } from '../../src/text/dates.js';
import { findNumbers } from '../../src/text/numbers.js';
import { Guard, type GuardInput } from '../../src/write/guard.js';
import { splitWritten } from '../../src/write/writer.js';

const quotes = [
  { n: 1, text: 'Environ deux cents militaires américains sont partis le 5 août, selon le général Kofi Mensah.', published: '2024-08-20', source: 'Agence Test' },
  { n: 2, text: 'Le contingent comptait 1 100 soldats au début de l’année 2024.', published: '2024-03' },
];
const guard = (extra: Partial<GuardInput> = {}) => new Guard({ question: 'When did the troops leave?', language: 'en', intent: 'when', lead: '5 August 2024', quotes, ...extra });

describe('the writer’s guard', () => {
  it('accepts facts the cited quote holds, in another language and format', () => {
    expect(guard().check('About two hundred American soldiers left on August 5, 2024 [1].')).toBeNull();
    expect(guard().check('About 200 troops left on 5 August, according to General Kofi Mensah [1].')).toBeNull();
    expect(guard().check('According to Agence Test, they left in August [1].')).toBeNull();
    expect(guard({ intent: 'count', lead: '1 100 soldats', language: 'fr', question: 'Combien de soldats ?' }).check('Le contingent comptait 1,100 soldats [2].')).toBeNull();
  });

  it('wants each fact in a quote the sentence cites, not in another one', () => {
    expect(guard().check('The contingent had 1,100 soldiers [1].')).toBe('unsupported-number');
    expect(guard().check('The contingent had 1,100 soldiers [2].')).toBeNull();
    expect(guard().check('General Kofi Mensah spoke [2].')).toBe('unsupported-name');
  });

  it('refuses a more precise date than the quote gives, and another day', () => {
    expect(guard().check('The contingent had 1,100 soldiers on 3 January 2024 [2].')).toBe('unsupported-date');
    expect(guard().check('The soldiers left on August 6 [1].')).toBe('unsupported-date');
    expect(guard().check('The soldiers left in early August 2023 [1].')).toBe('unsupported-date');
  });

  it('tells whether a sentence states the lead’s date or count, another one, or none', () => {
    expect(guard({ lead: 'Early 2024' }).leadAgreement('The soldiers left on August 5 [1].')).toBe('differs');
    expect(guard().leadAgreement('The soldiers left on August 5 [1].')).toBe('agrees');
    expect(guard().leadAgreement('General Kofi Mensah said so [1].')).toBe('silent');
    expect(guard({ intent: 'count', lead: 'About 200 soldiers' }).leadAgreement('The contingent had 1,100 soldiers [2].')).toBe('differs');
    expect(guard({ intent: 'count', lead: 'About 200 soldiers' }).leadAgreement('Two hundred soldiers left [1].')).toBe('agrees');
  });

  it('drops a sentence that repeats the model’s instructions', () => {
    const instructions = 'End every sentence with the number of the quote it comes from in square brackets, like [1].';
    expect(guard({ instructions }).check('End every sentence with the number of the quote it comes from, like [1].')).toBe('echoes-prompt');
    expect(guard({ instructions }).check('The soldiers left on August 5 [1].')).toBeNull();
  });

  it('checks the citations and the language', () => {
    expect(guard().check('The soldiers left on August 5.')).toBe('no-citation');
    expect(guard().check('The soldiers left on August 5 [3].')).toBe('unknown-citation');
    expect(guard().check('The soldiers left on August 5 [1, 3].')).toBe('unknown-citation');
    expect(guard().check('Les soldats américains sont partis le 5 août, selon le général [1].')).toBe('wrong-language');
  });
});

describe('sentences of a text being written', () => {
  it('waits for the next sentence before closing one, so that a citation after the period stays with it', () => {
    expect(splitWritten('They left in August. [1', false)).toEqual({ sentences: [], rest: 'They left in August. [1' });
    expect(splitWritten('They left in August. [1] Then', false)).toEqual({ sentences: ['They left in August. [1]'], rest: ' Then' });
    expect(splitWritten('The U.S. troops left [1]. - **Then** more [2]', true).sentences).toEqual(['The U.S. troops left [1].', 'Then more [2]']);
  });
});

describe('numbers and dates in either language', () => {
  it('reads numbers in digits and in words', () => {
    expect(findNumbers('deux cents, two hundred and fifty, 1 100, 1,100, 2,5, quatre-vingt-dix, un millier').map((n) => n.value)).toEqual([200, 250, 1100, 1100, 2.5, 90, 1000]);
    expect(findNumbers('un soldat, one of them')).toEqual([]);
  });

  it('reads English dates, capitalised months only', () => {
    const read = (text: string) => findDatesIn(text, 'en', { isFuture: () => false }).map((d) => d.value);
    expect(read('on August 5, 2024')).toEqual([{ precision: 'day', year: 2024, month: 8, day: 5 }]);
    expect(read('in early August 2024')).toEqual([{ precision: 'month', year: 2024, month: 8, qualifier: 'early' }]);
    expect(read('it may be so')).toEqual([]);
  });
});
