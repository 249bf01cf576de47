import { splitSentences, type Span } from './sentences.js';

/** Bumped whenever chunk boundaries or the cleaned text change, so that stored indexes are rebuilt (3: datelines need a date). */
export const CHUNKER_VERSION = 3;

export interface Chunk {
  id: string;
  docId: string;
  /** Character offsets into the article's cleaned text. */
  start: number;
  end: number;
  text: string;
}

export interface ChunkOptions {
  /** A chunk closes once it holds this many words (the e5 models read ~512 tokens). */
  targetWords: number;
  /** A short last chunk under this size is merged into the one before. */
  minWords: number;
  /** Words carried over from the end of one chunk into the next, in whole sentences. */
  overlapWords: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { targetWords: 180, minWords: 60, overlapWords: 40 };

export function chunkText(docId: string, text: string, options: ChunkOptions = DEFAULT_CHUNKING): Chunk[] {
  const sentences = splitSentences(text);
  const words = sentences.map((s) => countWords(text.slice(s.start, s.end)));
  const groups: Span[][] = [];
  let current: number[] = [];
  let size = 0;
  sentences.forEach((_, i) => {
    current.push(i);
    size += words[i]!;
    if (size >= options.targetWords && i < sentences.length - 1) {
      groups.push(current.map((j) => sentences[j]!));
      // Start the next chunk with the last sentences of this one, up to the overlap budget.
      const carried: number[] = [];
      let carriedWords = 0;
      for (let j = current.length - 1; j > 0; j--) {
        const w = words[current[j]!]!;
        if (carriedWords + w > options.overlapWords) break;
        carried.unshift(current[j]!);
        carriedWords += w;
      }
      current = carried;
      size = carriedWords;
    }
  });
  if (current.length) {
    const last = current.map((j) => sentences[j]!);
    const previous = groups.at(-1);
    const fresh = last.filter((s) => !previous?.includes(s));
    if (previous && size < options.minWords) previous.push(...fresh);
    else if (fresh.length) groups.push(last);
  }
  return groups.map((group, i) => {
    const start = group[0]!.start;
    const end = group.at(-1)!.end;
    return { id: `${docId}#${i}`, docId, start, end, text: text.slice(start, end) };
  });
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
