// A follow-up question read with the one before it ("and Agadez?", "et combien de soldats ?"): a
// short question that leans on the previous one gets its subject back. General rules only: how
// many content words the follow-up has, whether it asks something of its own, and which words
// are names (capitalised); no phrase lists.
import { fold, isStopWord, words } from '../text/analysis.js';
import { analyseQuestion } from './question.js';

/** A follow-up with more content words than this is taken as a question of its own. */
const MAX_ELLIPTIC_WORDS = 3;

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * The question to answer for `followUp` asked right after `previous`. Unchanged when the
 * follow-up stands on its own. When it asks its own thing ("et combien de soldats ?"), the
 * previous question's content words are added to it; when it only names a new subject
 * ("and Agadez?"), the previous question is asked again with that name in place of its last one.
 */
export function withPreviousSubject(previous: string, followUp: string): string {
  const asked = contentTokens(followUp);
  if (asked.length > MAX_ELLIPTIC_WORDS) return followUp;
  const known = new Set(asked.map(foldedWord));
  const carried = contentTokens(previous).filter((token) => !known.has(foldedWord(token)));
  if (!carried.length) return followUp;
  const intent = analyseQuestion(followUp).intent;
  const bare = (text: string) => text.trim().replace(/[\s?？!.…]+$/u, '');
  if (intent !== 'other' && intent !== 'yesno') return `${bare(followUp)} ${carried.join(' ')} ?`;
  const newNames = asked.filter(isName);
  const oldNames = nameTokens(previous);
  const replaced = oldNames.at(-1);
  if (newNames.length && replaced) {
    return `${previous.slice(0, replaced.index)}${newNames.join(' ')}${previous.slice(replaced.index + replaced.text.length)}`;
  }
  return asked.length ? `${bare(previous)} ${asked.join(' ')} ?` : previous;
}

function contentTokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]).filter((token) => words(token).some((w) => !isStopWord(w) && (w.length > 1 || /\p{N}/u.test(w))));
}

function foldedWord(token: string): string {
  return words(token).filter((w) => !isStopWord(w)).join(' ') || fold(token);
}

function isName(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

// Capitalised tokens that are not the question's first word (every question starts with a capital).
function nameTokens(text: string): { text: string; index: number }[] {
  return [...text.matchAll(TOKEN)]
    .filter((m, i) => i > 0 && isName(m[0]) && words(m[0]).some((w) => !isStopWord(w)))
    .map((m) => ({ text: m[0], index: m.index }));
}
