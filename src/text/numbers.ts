// Quantities written in digits or in words, in English or French: "1 100", "1,100", "two hundred",
// "deux cents", "quatre-vingt-dix", "un millier". For checking that a number a model wrote is one a
// quote holds, whatever the language or format.
import { fold } from './analysis.js';

export interface NumberMention {
  start: number;
  end: number;
  value: number;
}

// "one", "un" and "une" are left out: as articles and pronouns they are far more often not numbers.
const UNITS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
// "six" is the same word in both languages.
const MULTIPLIERS: Record<string, number> = { hundred: 100, cent: 100, cents: 100, thousand: 1000, mille: 1000, million: 1e6, millions: 1e6 };
// Round quantities: "un millier" is about a thousand, "a dozen" twelve.
// (not "quarantaine": more often a quarantine than forty)
const ROUND: Record<string, number> = {
  dozen: 12, dozens: 12, dizaine: 10, dizaines: 10, douzaine: 12, douzaines: 12, quinzaine: 15, vingtaine: 20, trentaine: 30,
  cinquantaine: 50, soixantaine: 60, centaine: 100, centaines: 100, hundreds: 100, millier: 1000, milliers: 1000, thousands: 1000,
};
const LINKS = new Set(['and', 'et']);

const DIGITS = /(?<![\p{L}\p{N}.,])\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+(?![\p{N}])|(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?(?![\p{N}])/gu;
const WORD = /\p{L}+/gu;

/** Every quantity in a text, digits and words alike, in order. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const raw = match[0];
    // "1 100" and "1,100" group thousands; "2,5" and "2.5" are decimals.
    const grouped = /^\d{1,3}(?:[\u00a0\u202f ]\d{3})+$|^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:\.\d{3}){2,}$/u.test(raw);
    const value = grouped ? Number(raw.replace(/[\u00a0\u202f ,.]/gu, '')) : Number(raw.replace(',', '.'));
    found.push({ start: match.index, end: match.index + raw.length, value });
  }
  found.push(...numberWords(text));
  return found.sort((a, b) => a.start - b.start);
}

// Runs of number words read as one quantity: "two hundred and fifty", "quatre-vingt-dix", "deux mille".
function numberWords(text: string): NumberMention[] {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
  const found: NumberMention[] = [];
  let run: { start: number; end: number; total: number; current: number } | null = null;
  const close = () => {
    if (run) found.push({ start: run.start, end: run.end, value: run.total + run.current });
    run = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const { word, start, end } = tokens[i]!;
    // A run goes on over spaces and hyphens only: "deux cents, trois" is two numbers.
    if (run && !/^[\s-]*$/u.test(text.slice(tokens[i - 1]!.end, start))) close();
    const unit = UNITS[word];
    const multiplier = MULTIPLIERS[word];
    const round = ROUND[word];
    if (unit !== undefined) {
      run ??= { start, end, total: 0, current: 0 };
      // "quatre-vingt": four twenties
      run.current = word.startsWith('vingt') && run.current > 0 && run.current < 10 ? run.current * 20 : run.current + unit;
      run.end = end;
    } else if (multiplier !== undefined) {
      run ??= { start, end, total: 0, current: 1 };
      run.current = (run.current || 1) * multiplier;
      if (multiplier >= 1000) {
        run.total += run.current;
        run.current = 0;
      }
      run.end = end;
    } else if (round !== undefined) {
      run ??= { start, end, total: 0, current: 1 };
      run.current = (run.current || 1) * round;
      run.end = end;
      close();
    } else if (run && LINKS.has(word) && UNITS[tokens[i + 1]?.word ?? ''] !== undefined) {
      continue;
    } else {
      close();
    }
  }
  close();
  return found;
}
