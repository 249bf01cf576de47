// The names a corpus speaks about most (people, places, organisations): capitalised words and runs
// of them that are not a sentence's first word, ranked by how many articles use them. What the
// timeline's "about" offers as you type; no list of names, only how text writes names.
import { fold, isStopWord } from './analysis.js';
import { MONTH_NUMBERS, WEEKDAY_NAMES } from './calendar.js';

// A capitalised word (not inside another word: "d’Agadez" gives Agadez), and the capitalised
// words right after it: "Kenneth Ekman", "Burkina Faso".
const NAME_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[-'’]\p{L}+)*(?:\s\p{Lu}[\p{L}\p{N}]*(?:[-'’]\p{L}+)*)*/gu;
const SENTENCE_START = /(?:^|[.!?:«»"“”\n]\s*|[-—–]\s+)$/u;
const WEEKDAYS = new Set([...WEEKDAY_NAMES.en, ...WEEKDAY_NAMES.fr].map(fold));

/** The `limit` most frequent names of the texts, by the number of texts using them, then uses. */
export function frequentNames(texts: readonly string[], limit = 200): string[] {
  const stats = new Map<string, { name: string; texts: number; uses: number }>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const match of text.matchAll(NAME_RUN)) {
      if (SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
      const name = match[0].trim();
      const key = fold(name);
      if (isStopWord(key) || MONTH_NUMBERS.has(key) || WEEKDAYS.has(key) || key.length < 2) continue;
      const entry = stats.get(key) ?? { name, texts: 0, uses: 0 };
      entry.uses++;
      if (!seen.has(key)) entry.texts++;
      seen.add(key);
      stats.set(key, entry);
    }
  }
  return [...stats.values()]
    .filter((s) => s.uses >= 2)
    .sort((a, b) => b.texts - a.texts || b.uses - a.uses || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
