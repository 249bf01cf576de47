// The optional writer: two or three sentences in the reader's language, written by a chat model
// from the verified quotes only, each checked by the guard as soon as it is complete. A sentence
// that fails is dropped; with nothing left, or no reply in time, the extractive answer stands.
import type { Answer } from '../answer/types.js';
import { ChatFailure, streamChat, type ChatMessage, type ChatOptions, type ChatProblem } from './chat.js';
import { Guard, type DropReason } from './guard.js';

export interface WriterOptions extends ChatOptions {
  /** The whole writing's time limit, after which the extractive answer is shown. */
  timeoutMs: number;
}

/** What the model wrote and the guard let through: shown above the verified quotes. */
export interface WrittenAnswer {
  model: string;
  sentences: string[];
  accepted: number;
  dropped: number;
  /** Why each dropped sentence was, in order. */
  reasons: DropReason[];
}

export type FallbackReason = ChatProblem | 'all-dropped';

export type WriteOutcome =
  | { written: WrittenAnswer }
  | { fallback: FallbackReason; detail: string; reasons: DropReason[] };

const MAX_SENTENCES = 3;

const PROMPT = {
  en: {
    rules: [
      'Answer the question in English, in at most three short sentences, using only the quotes below (they are in French: translate what you use).',
      'End every sentence with the number of the quote it comes from in square brackets, like [1].',
      'Take names, numbers and dates only from the quotes. Do not add anything the quotes do not say.',
    ],
    quotes: 'Quotes:',
    question: 'Question:',
    answer: 'Answer in English:',
  },
  fr: {
    rules: [
      'Répondez à la question en français, en trois phrases courtes au plus, uniquement à partir des citations ci-dessous.',
      'Terminez chaque phrase par le numéro de la citation dont elle vient, entre crochets, comme [1].',
      "Ne prenez les noms, nombres et dates que dans les citations. N'ajoutez rien que les citations ne disent pas.",
    ],
    quotes: 'Citations :',
    question: 'Question :',
    answer: 'Réponse en français :',
  },
} as const;

/** The model's prompt: one user message (small models' templates often have no system role). */
export function writerPrompt(answer: Answer): ChatMessage[] {
  const words = PROMPT[answer.language];
  const quotes = answer.quotes.map((quote) => {
    const source = answer.sources.find((s) => s.n === quote.n)!;
    const origin = [source.title, source.source, source.published].filter(Boolean).join(', ');
    return `[${quote.n}] “${quote.text}” (${origin})`;
  });
  return [{ role: 'user', content: [...words.rules, '', words.quotes, ...quotes, '', `${words.question} ${answer.question}`, words.answer].join('\n') }];
}

/**
 * Writes the answer, calling `onAccepted` with the sentences accepted so far each time one more is
 * (for a reply edited as the model writes).
 */
export async function writeAnswer(answer: Answer, options: WriterOptions, onAccepted?: (sentences: string[]) => void): Promise<WriteOutcome> {
  const guard = new Guard({
    question: answer.question,
    language: answer.language,
    intent: answer.intent,
    lead: answer.lead,
    instructions: PROMPT[answer.language].rules.join(' '),
    quotes: answer.quotes.map((q) => {
      const source = answer.sources.find((s) => s.n === q.n);
      return { n: q.n, text: q.text, published: source?.published, source: source?.source };
    }),
  });
  const kept: { sentence: string; lead: 'agrees' | 'differs' | 'silent' }[] = [];
  const reasons: DropReason[] = [];
  let checked = 0;
  let shown = 0;
  let text = '';
  const stop = new AbortController();
  // Sentences in order, up to the first that states another fact than the lead while none states the lead's.
  const showable = () => {
    if (kept.some((k) => k.lead === 'agrees')) return kept.map((k) => k.sentence);
    const differs = kept.findIndex((k) => k.lead === 'differs');
    return kept.slice(0, differs < 0 ? kept.length : differs).map((k) => k.sentence);
  };
  const review = (sentence: string) => {
    if (checked >= MAX_SENTENCES) return;
    checked++;
    const reason = guard.check(sentence);
    if (reason) {
      reasons.push(reason);
      return;
    }
    kept.push({ sentence, lead: guard.leadAgreement(sentence) });
    const sentences = showable();
    if (sentences.length > shown) {
      shown = sentences.length;
      onAccepted?.(sentences);
    }
  };
  const reviewComplete = (final: boolean) => {
    const { sentences, rest } = splitWritten(text, final);
    sentences.forEach(review);
    text = rest;
    // Three sentences read: the rest would not be shown, so the model need not write it.
    if (checked >= MAX_SENTENCES) stop.abort();
  };
  try {
    await streamChat(options, writerPrompt(answer), {
      maxTokens: 220,
      temperature: 0.2,
      timeoutMs: options.timeoutMs,
      deadline: AbortSignal.timeout(options.timeoutMs),
      stop: stop.signal,
      onText: (piece) => {
        text += piece;
        reviewComplete(false);
      },
    });
  } catch (error) {
    if (!(error instanceof ChatFailure)) throw error;
    return { fallback: error.kind, detail: error.message, reasons };
  }
  reviewComplete(true);
  const accepted = showable();
  for (const k of kept) if (!accepted.includes(k.sentence)) reasons.push('contradicts-lead');
  if (!accepted.length) return { fallback: 'all-dropped', detail: `every sentence failed the guard (${reasons.join(', ') || 'no sentence written'})`, reasons };
  return { written: { model: options.model, sentences: accepted, accepted: accepted.length, dropped: reasons.length, reasons } };
}

// A sentence ends at . ! ? or … with the citations right after it, or at a line break. While the
// model still writes (`final` false), a sentence is complete only once the next one has begun, so
// that citations written after the period are not cut off.
const END = /[.!?…](?:\s*\[[\d\s,;]+\])*(?=\s+[^\s[]|\s*$)|\n+/gu;

/** The complete sentences of a text the model is writing, and what remains to be completed. */
export function splitWritten(text: string, final: boolean): { sentences: string[]; rest: string } {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (!final && end >= text.trimEnd().length) break;
    // "U.S." and "M. Tiani": a capital alone before the period is an initial, not a sentence end.
    if (match[0][0] === '.' && /(?:^|[\s.])\p{Lu}$/u.test(text.slice(0, match.index))) continue;
    push(sentences, text.slice(start, end));
    start = end;
  }
  const rest = text.slice(start);
  if (final) {
    push(sentences, rest);
    return { sentences, rest: '' };
  }
  return { sentences, rest };
}

// Markdown list marks and emphasis models like to add are dropped; empty pieces too.
function push(sentences: string[], piece: string): void {
  const clean = piece.replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, '').replace(/\*\*/gu, '').trim();
  if (/[\p{L}\p{N}]/u.test(clean)) sentences.push(clean);
}
