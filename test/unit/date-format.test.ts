import { describe, expect, it } from 'vitest';
import { describeDate } from '../../src/text/date-format.js';
import type { DateValue } from '../../src/text/dates.js';

const plain = { yearUncertain: false, dayUncertain: false };
const say = (value: DateValue, language: 'en' | 'fr') => describeDate(value, plain, language);

describe('describeDate', () => {
  it('says a range of days with both ends, the month and year once where they are shared', () => {
    const acrossYears: DateValue = { precision: 'day', year: 2026, month: 12, day: 19, endYear: 2027, endMonth: 1, endDay: 3 };
    expect(say(acrossYears, 'en')).toBe('19 December 2026 – 3 January 2027');
    expect(say(acrossYears, 'fr')).toBe('du 19 décembre 2026 au 3 janvier 2027');
    const inAMonth: DateValue = { precision: 'day', year: 2025, month: 5, day: 1, endYear: 2025, endMonth: 5, endDay: 3 };
    expect(say(inAMonth, 'en')).toBe('1–3 May 2025');
    expect(say(inAMonth, 'fr')).toBe('du 1er au 3 mai 2025');
    expect(say({ precision: 'day', year: 2024, month: 3, day: 3, endYear: 2024, endMonth: 4, endDay: 10 }, 'en')).toBe('3 March – 10 April 2024');
    // a range of months into the next year says both years
    expect(say({ precision: 'month', year: 2025, month: 12, endYear: 2026, endMonth: 6 }, 'en')).toBe('December 2025 – June 2026');
    expect(say({ precision: 'month', year: 2024, month: 4, endYear: 2024, endMonth: 5 }, 'fr')).toBe('avril–mai 2024');
    // an uncertain year stays marked on a range
    expect(describeDate(inAMonth, { yearUncertain: true, dayUncertain: false }, 'en')).toBe('1–3 May 2025 (year uncertain)');
    expect(describeDate(acrossYears, { yearUncertain: true, dayUncertain: false }, 'fr')).toBe('du 19 décembre 2026 au 3 janvier 2027 (année incertaine)');
  });

  it('says a weekday given alone with its month when asked to, the month alone otherwise', () => {
    const value: DateValue = { precision: 'month', year: 2024, month: 3 };
    const mention = { yearUncertain: false, dayUncertain: true, weekday: 3 };
    expect(describeDate(value, mention, 'en', true)).toBe('a Wednesday in March 2024');
    expect(describeDate(value, mention, 'fr', true)).toBe('un mercredi de mars 2024');
    expect(describeDate({ ...value, month: 4 }, mention, 'fr', true)).toBe("un mercredi d'avril 2024");
    expect(describeDate(value, mention, 'en')).toBe('March 2024');
  });
});
