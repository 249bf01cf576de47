import { distance } from 'fastest-levenshtein';
import { inverseDocumentFrequency, type TermStatistics } from './view.js';

/**
 * The index's terms and how many chunks hold each, kept apart from the texts (a few MB at 100,000
 * articles). Near spellings are found among terms of about the same length.
 */
export class Vocabulary implements TermStatistics {
  private byLength?: Map<number, string[]>;

  constructor(
    readonly documentFrequency: ReadonlyMap<string, number>,
    readonly chunkCount: number,
  ) {}

  idf(term: string): number {
    return inverseDocumentFrequency(this.documentFrequency.get(term) ?? 0, this.chunkCount);
  }

  /** The same edit distances as the default store's fuzzy search: 1, or 2 for long terms. */
  nearTerms(term: string): string[] {
    if (term.length < 5 || this.documentFrequency.has(term)) return [];
    const maxDistance = term.length >= 8 ? 2 : 1;
    this.byLength ??= groupByLength(this.documentFrequency.keys());
    const found: string[] = [];
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length++) {
      for (const candidate of this.byLength.get(length) ?? []) if (distance(term, candidate) <= maxDistance) found.push(candidate);
    }
    return found;
  }
}

function groupByLength(terms: Iterable<string>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const term of terms) {
    const group = groups.get(term.length);
    if (group) group.push(term);
    else groups.set(term.length, [term]);
  }
  return groups;
}
