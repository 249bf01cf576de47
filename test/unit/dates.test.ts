import { describe, expect, it } from 'vitest';
import { findDates, type DateValue } from '../../src/text/dates.js';

const past = () => false;
const future = () => true;
const read = (text: string, published?: string, isFuture = past) =>
  findDates(text, { published, isFuture }).map((m) => ({ text: m.text, ...m.value, ...(m.yearUncertain ? { yearUncertain: true } : {}), ...(m.dayUncertain ? { dayUncertain: true } : {}) }));
const day = (year: number, month: number, d: number): Partial<DateValue> => ({ precision: 'day', year, month, day: d });

describe('findDates: the forms of the corpus', () => {
  it('explicit dates, with and without weekday', () => {
    expect(read('officialisée le 19 mai 2024.', '2024-07')).toEqual([{ text: '19 mai 2024', ...day(2024, 5, 19) }]);
    expect(read('a déclaré mercredi 24 juillet que', '2024-07')).toEqual([{ text: 'mercredi 24 juillet', ...day(2024, 7, 24) }]);
  });

  it('ranges of months written "de … à", "entre … et", "from … to", into the next year when they wrap', () => {
    expect(read('La saison va habituellement de décembre à juin.', '2026-10-14')).toMatchObject([{ text: 'de décembre à juin', precision: 'month', year: 2025, month: 12, endYear: 2026, endMonth: 6 }]);
    expect(read('entre mars et mai 2024', '2026-10')).toMatchObject([{ precision: 'month', year: 2024, month: 3, endYear: 2024, endMonth: 5 }]);
    expect(read('de décembre à juin 2024', '2026-10')).toMatchObject([{ year: 2023, month: 12, endYear: 2024, endMonth: 6 }]);
  });

  it('months and ranges of months', () => {
    expect(read('en avril et en mai', '2024-07')).toEqual([{ text: 'en avril et en mai', precision: 'month', year: 2024, month: 4, endYear: 2024, endMonth: 5 }]);
    expect(read('en cours depuis juillet 2023', '2024-04')).toEqual([{ text: 'depuis juillet 2023', precision: 'month', year: 2023, month: 7 }]);
    expect(read('prévu en mars 2024', '2024')).toEqual([{ text: 'en mars 2024', precision: 'month', year: 2024, month: 3 }]);
  });

  it('ranges of days: both ends, the year written once at the end being the start\'s too', () => {
    expect(read('du samedi 19 décembre au dimanche 3 janvier inclus', '2026-11-20', future)).toMatchObject([{ ...day(2026, 12, 19), endYear: 2027, endMonth: 1, endDay: 3 }]);
    expect(read('fermé du 3 mars au 10 avril 2024', '2026-11')).toMatchObject([{ ...day(2024, 3, 3), endYear: 2024, endMonth: 4, endDay: 10 }]);
    expect(read('du 12 au 15 juillet', '2027-06', future)).toMatchObject([{ ...day(2027, 7, 12), endMonth: 7, endDay: 15 }]);
    // the start's month from the end, when its day is written
    expect(read('enlevés dans la nuit du samedi 20 au dimanche 21 septembre', '2025-09-22')).toMatchObject([{ ...day(2025, 9, 20), endMonth: 9, endDay: 21 }]);
    expect(read('de lundi au 3 mars', '2025-09-22').some((d) => d.endDay !== undefined)).toBe(false);
    // the written day, not chrono's guess from the weekday, when the article was published a month later
    expect(read('enlevés dans la nuit du samedi 20 au dimanche 21 septembre', '2025-10-15')).toMatchObject([{ ...day(2025, 9, 20), endYear: 2025, endMonth: 9, endDay: 21 }]);
    // an hour is not a day; a start day past the end's is in the month before
    expect(read('grève du lundi 9h au mardi 3 mars', '2025-09-22').some((d) => d.day === 9)).toBe(false);
    expect(read('travaux du 28 au 2 mars', '2025-09-22')).toMatchObject([{ ...day(2025, 2, 28), endMonth: 3, endDay: 2 }]);
  });

  it('hours on one day are that day, not a range', () => {
    expect(read('la réunion se tiendra le 3 mars de 10h à 12h', '2025-02-01', future)).toEqual([{ text: '3 mars de 10h à 12h', ...day(2025, 3, 3) }]);
  });

  it('periods: early, mid and late', () => {
    expect(read('au début du mois d’août', '2024-07', future)).toMatchObject([{ text: 'début du mois d’août', precision: 'month', year: 2024, month: 8, qualifier: 'early' }]);
    expect(read('achevé début août', '2024-07', future)).toMatchObject([{ month: 8, qualifier: 'early' }]);
    expect(read('à la mi-septembre', '2024-10')).toMatchObject([{ text: 'mi-septembre', year: 2024, month: 9, qualifier: 'mid' }]);
    expect(read('À la fin de l’année 2023,', '2024-07')).toMatchObject([{ year: 2023, month: 10, endMonth: 12, qualifier: 'late' }]);
  });

  it('years, alone', () => {
    expect(read('l’accord signé en 2012 avec', '2024-07')).toEqual([{ text: '2012', precision: 'year', year: 2012 }]);
    expect(read('766 militaires sur 950 éléments', '2024-07')).toEqual([]);
  });

  it('relative dates from the article’s date', () => {
    expect(read('qui a pris le pouvoir un an auparavant', '2024-07')).toEqual([{ text: 'un an auparavant', precision: 'month', year: 2023, month: 7 }]);
    expect(read('un an auparavant', undefined)).toEqual([]);
  });
});

describe('findDates: years resolved from the article’s date', () => {
  it('a month after the article’s month is last year’s when the event is past', () => {
    expect(read('le coup d’État du 26 juillet', '2024-03')).toMatchObject([{ ...day(2023, 7, 26) }]);
    expect(read('depuis le mois d’août', '2024-03')).toMatchObject([{ year: 2023, month: 8 }]);
  });

  it('a month before the article’s month is next year’s when the event is announced', () => {
    expect(read('ils partiront en février', '2024-11', future)).toMatchObject([{ year: 2025, month: 2 }]);
  });

  it('a weekday written with the day picks the year where that day is that weekday', () => {
    // 15 December 2025 is a Monday (2024's was a Sunday): an article of November 2025 announcing it,
    // in a tense the future test does not read ("doivent être remises").
    expect(read('doivent être remises le lundi 15 décembre, lors', '2025-11-14')).toEqual([{ text: 'lundi 15 décembre', ...day(2025, 12, 15) }]);
    // 7 February 2025 is a Friday (2024's a Wednesday): an article of January 2025, the clause read as past.
    expect(read('la grève du vendredi 7 février', '2025-01-10')).toEqual([{ text: 'vendredi 7 février', ...day(2025, 2, 7) }]);
    // Without a weekday the tense rule stands.
    expect(read('doivent être remises le 15 décembre', '2025-11-14')).toEqual([{ text: '15 décembre', ...day(2024, 12, 15) }]);
  });

  it('an article dated only to the year gives a year, flagged uncertain', () => {
    expect(read('depuis le mois d’août', '2024')).toMatchObject([{ year: 2024, month: 8, yearUncertain: true }]);
    expect(read('à la mi-septembre', undefined)).toMatchObject([{ month: 9, yearUncertain: true }]);
  });

  it('a bare weekday is the nearest one in the article’s direction, not chrono’s next one', () => {
    expect(read('la délégation se rendra mercredi', '2024-03-12', future)).toMatchObject([{ ...day(2024, 3, 13) }]);
    expect(read('les soldats sont partis vendredi', '2024-03-12')).toMatchObject([{ ...day(2024, 3, 8) }]);
    expect(read('la délégation se rendra mercredi', '2024-03', future)).toMatchObject([{ precision: 'month', year: 2024, month: 3, dayUncertain: true }]);
  });
});

describe('findDates: English articles', () => {
  it('explicit days, both orders', () => {
    expect(read('opened a cider press on 3 September 2025, because', '2025-10')).toMatchObject([{ text: expect.stringContaining('3 September 2025'), ...day(2025, 9, 3) }]);
    expect(read('signed on September 3, 2025 in', '2025-10')).toMatchObject([{ ...day(2025, 9, 3) }]);
  });

  it('months and periods', () => {
    expect(read('talks began in March 2024 and', '2024-07')).toEqual([{ text: 'in March 2024', precision: 'month', year: 2024, month: 3 }]);
    expect(read('will be over by early August', '2024-07', future)).toMatchObject([{ text: 'early August', year: 2024, month: 8, qualifier: 'early' }]);
    expect(read('until the end of July 2024', '2024-07')).toMatchObject([{ year: 2024, month: 7, qualifier: 'late' }]);
  });

  it('does not take "today" or "may" for a date', () => {
    expect(read('they may leave today', '2024-07')).toEqual([]);
  });
});

describe('findDates: English month abbreviations inside French words', () => {
  it('does not read "3 après" as 3 April', () => {
    expect(read('a voté le budget numéro 3 après un long débat', '2024-03')).toEqual([]);
  });
});
