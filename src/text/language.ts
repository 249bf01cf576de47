import { words } from './analysis.js';
import type { Language } from './analysis.js';

/** French or English, by which language's stop words the text uses more. */
export function guessLanguage(text: string): Language {
  let fr = 0;
  let en = 0;
  for (const w of words(text)) {
    if (FRENCH_MARKERS.has(w)) fr++;
    if (ENGLISH_MARKERS.has(w)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

const FRENCH_MARKERS = new Set(['le', 'la', 'les', 'des', 'du', 'est', 'et', 'un', 'une', 'que', 'qui', 'dans', 'pour', 'sur', 'au', 'aux', 'quand', 'ont', 'sont', 'quel', 'quelle']);
const ENGLISH_MARKERS = new Set(['the', 'of', 'and', 'is', 'are', 'was', 'were', 'to', 'in', 'did', 'does', 'what', 'when', 'who', 'how', 'which', 'with', 'from', 'by', 'that']);
