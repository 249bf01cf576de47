// Sentence spans over a text, by Intl.Segmenter (ICU's rules) with the French fixes ICU lacks.

export interface Span {
  start: number;
  end: number;
}

// Tokens that end with a period without ending a sentence ("M. Campbell", "env. 200").
const ABBREVIATIONS = new Set(
  ['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'mgr', 'st', 'ste', 'env', 'cf', 'p', 'pp', 'art', 'av', 'bd', 'gén', 'col', 'lt', 'cpt', 'mr', 'mrs', 'ms', 'vol', 'jr', 'sr', 'vs', 'fig', 'janv', 'févr', 'sept', 'oct', 'nov', 'déc'].map(
    (a) => a.normalize('NFC'),
  ),
);
// "pays.Cette": a period glued to the next sentence's capital, a common slip in scraped text.
const GLUED_SENTENCE = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu;

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });

/** Sentence spans, trimmed of surrounding white space, never crossing a line break. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const lineBreak = /\n+/g;
  let lineStart = 0;
  for (const match of [...text.matchAll(lineBreak), null]) {
    const lineEnd = match ? match.index : text.length;
    spans.push(...splitLine(text, lineStart, lineEnd));
    if (match) lineStart = match.index + match[0].length;
  }
  return spans;
}

function splitLine(text: string, from: number, to: number): Span[] {
  const line = text.slice(from, to);
  const raw: Span[] = [];
  for (const piece of segmenter.segment(line)) {
    let start = piece.index;
    for (const glued of piece.segment.matchAll(GLUED_SENTENCE)) {
      raw.push({ start, end: piece.index + glued.index });
      start = piece.index + glued.index;
    }
    raw.push({ start, end: piece.index + piece.segment.length });
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const previous = merged.at(-1);
    if (previous && shouldJoin(line.slice(previous.start, previous.end), line.slice(span.start, span.end))) {
      previous.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged.map((span) => trimSpan(text, from + span.start, from + span.end)).filter((s) => s.end > s.start);
}

function shouldJoin(previous: string, next: string): boolean {
  const trimmed = previous.trimEnd();
  const lastWord = /(\S+)\.$/u.exec(trimmed)?.[1];
  if (lastWord) {
    if (/^\p{Lu}$/u.test(lastWord)) return true; // an initial: "Kurt M. Campbell"
    // "etc." usually does end a sentence, so it is not in the list.
    if (ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  }
  // Inside an open French quotation the sentence goes on until the guillemet closes.
  const opened = (previous.match(/«/g) ?? []).length;
  const closed = (previous.match(/»/g) ?? []).length;
  return opened > closed && next.includes('»');
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
