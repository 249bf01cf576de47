import { UserError } from '../errors.js';

export type Intent = 'when' | 'count' | 'who' | 'where' | 'why' | 'other';

/** The question, trimmed, or a UserError saying why it cannot be asked. */
export function validateQuestion(raw: string, maxChars: number): string {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (!question) {
    throw new UserError('question-empty', {
      en: 'The question is empty. Ask something about the articles, e.g. "When did US troops leave Agadez?"',
      fr: 'La question est vide. Demandez quelque chose sur les articles, par exemple « Quand les soldats américains ont-ils quitté Agadez ? »',
    });
  }
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new UserError('question-no-words', {
      en: 'The question has no words in it, only punctuation or symbols.',
      fr: "La question ne contient aucun mot, seulement de la ponctuation ou des symboles.",
    });
  }
  if (question.length > maxChars) {
    throw new UserError('question-too-long', {
      en: `The question is too long (${question.length} characters; the limit is ${maxChars}). Ask one thing at a time.`,
      fr: `La question est trop longue (${question.length} caractères ; la limite est ${maxChars}). Posez une chose à la fois.`,
    });
  }
  return question;
}

const INTENTS: [Intent, RegExp][] = [
  ['when', /\b(when|what (date|day|month|year|time)|since when|quand|quelle (date|ann[ée]e|jour|mois)|en quelle|depuis quand|à quel moment)\b/iu],
  ['count', /\b(how many|how much|number of|combien|nombre de)\b/iu],
  ['who', /^(who|whom|qui)\b|\bqui (est|sont|a|ont|était)\b/iu],
  ['why', /\b(why|for what reason|what for|pourquoi|pour quelle raison|dans quel but)\b/iu],
  ['where', /\bwhere\b|(^|\s)où(?=\s|$|\?)/iu],
];

export function detectIntent(question: string): Intent {
  return INTENTS.find(([, pattern]) => pattern.test(question))?.[0] ?? 'other';
}
