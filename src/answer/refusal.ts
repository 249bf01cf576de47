// A refusal in words, in the question's language: why the articles do not answer, and the
// articles nearest to the question, so the reader knows what the corpus does cover.
import type { Language } from '../text/analysis.js';
import { formatCitationSource } from './format.js';
import type { AnswerSource, Refusal } from './types.js';

const REFUSAL = {
  en: {
    'not-found': "I don't find this in the articles.",
    'unknown-name': (names: string) => `The articles never mention ${names}, so they cannot answer this.`,
    'missing-answer-type': "The articles speak of this, but they don't say what you ask.",
    'other-language': 'I read questions in English or French, and found nothing for this one: please ask in one of them.',
    nearest: 'Nearest articles:',
  },
  fr: {
    'not-found': 'Je ne trouve pas cela dans les articles.',
    'unknown-name': (names: string) => `Les articles ne mentionnent jamais ${names} : ils ne peuvent pas répondre à cela.`,
    'missing-answer-type': 'Les articles en parlent, mais ne disent pas ce que vous demandez.',
    'other-language': "Je lis les questions en français ou en anglais, et je n'ai rien trouvé pour celle-ci : posez-la dans l'une de ces langues.",
    nearest: 'Articles les plus proches :',
  },
} as const;

/** Why the articles do not answer, what they cover nearest, and a next step (each adapter has its own). */
export function refusalText(refusal: Refusal, language: Language, nextEn: string, nextFr: string): string {
  const words = REFUSAL[language];
  const first = refusal.reason === 'unknown-name' ? words['unknown-name']((refusal.unknown ?? []).join(', ')) : words[refusal.reason];
  const next = language === 'fr' ? nextFr : nextEn;
  if (!refusal.nearest.length) return `${first}\n${next}`;
  return [first, words.nearest, ...refusal.nearest.map((s: AnswerSource) => `- ${formatCitationSource(s)}`), next].join('\n');
}
