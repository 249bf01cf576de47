import MiniSearch, { type AsPlainObject, type Query } from 'minisearch';
import type { Chunk } from '../ingest/chunk.js';
import { indexTerms, type Language } from '../text/analysis.js';
import { slices } from '../text/slices.js';

/** What keyword search looks for: each concept is one of its alternatives, each alternative all of its terms. */
export interface TermQuery {
  alternatives: string[][];
}

interface KeywordDoc {
  id: string;
  terms: string;
  title: string;
}

// Documents arrive already analysed (see analyzer.ts), so MiniSearch only splits on spaces.
const OPTIONS = {
  fields: ['terms', 'title'],
  idField: 'id',
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term,
};

const SLICE = 250;

export interface KeywordHit {
  chunkId: string;
  score: number;
}

/** BM25 keyword search over chunks, on French/English-aware terms. */
export class KeywordIndex {
  private constructor(
    private readonly search: MiniSearch<KeywordDoc>,
    /** How many chunks hold each term: the idf that answer scoring weighs words by. */
    readonly documentFrequency: ReadonlyMap<string, number>,
    readonly chunkCount: number,
  ) {}

  /**
   * Indexes the chunks, in slices with pauses between, so that a bot stays responsive while a large
   * corpus is indexed (analysis is the costly part: about a second per 5,000 articles).
   */
  static async build(chunks: readonly Chunk[], lookup: (docId: string) => { title: string; language: Language }): Promise<KeywordIndex> {
    const search = new MiniSearch<KeywordDoc>(OPTIONS);
    const docs: KeywordDoc[] = [];
    for (let i = 0; i < chunks.length; i += SLICE) {
      for (const chunk of chunks.slice(i, i + SLICE)) {
        const doc = lookup(chunk.docId);
        docs.push({ id: chunk.id, terms: indexTerms(chunk.text, doc.language).join(' '), title: indexTerms(doc.title, doc.language).join(' ') });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await search.addAllAsync(docs, { chunkSize: SLICE });
    return KeywordIndex.fromPlain(search, search.toJSON());
  }

  /**
   * A saved index, read in slices (MiniSearch's async loader, then the term counts): a bot opening the new
   * generation after a re-index keeps answering (read in one step, it blocked ~330 ms at 5,000 articles).
   */
  static async fromJSON(json: string): Promise<KeywordIndex> {
    const plain = JSON.parse(json) as AsPlainObject;
    return KeywordIndex.fromPlain(await MiniSearch.loadJSAsync<KeywordDoc>(plain, OPTIONS), plain);
  }

  // MiniSearch keeps its inverted index private; its plain form is the public way to count terms.
  private static async fromPlain(search: MiniSearch<KeywordDoc>, plain: AsPlainObject): Promise<KeywordIndex> {
    const pace = slices();
    const frequency = new Map<string, number>();
    for (const [i, [term, fields]] of plain.index.entries()) {
      if (i % SLICE === 0) await pace();
      const docs = new Set<string>();
      for (const postings of Object.values(fields)) for (const doc of Object.keys(postings)) docs.add(doc);
      frequency.set(term, docs.size);
    }
    return new KeywordIndex(search, frequency, search.documentCount);
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  /** Chunks ranked by BM25 over the question's concepts (each concept any of its alternatives). */
  query(concepts: readonly TermQuery[], limit: number): KeywordHit[] {
    if (!concepts.length) return [];
    const query: Query = {
      combineWith: 'OR',
      queries: concepts.map((concept) => ({
        combineWith: 'OR',
        queries: concept.alternatives.map((terms): Query => (terms.length === 1 ? terms[0]! : { combineWith: 'AND', queries: terms })),
      })),
    };
    return this.search
      .search(query, {
        boost: { terms: 1, title: 0.5 },
        // Near spellings ("Lamime"/"Lamine", "russi"/"russ") count, at MiniSearch's fuzzy discount.
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      })
      .slice(0, limit)
      .map((result) => ({ chunkId: String(result.id), score: result.score }));
  }

  /**
   * Terms of the index within a small edit distance of a term the index lacks ("withdrawl",
   * "americains" without its accent is folded already): MiniSearch's own fuzzy matching.
   */
  nearTerms(term: string): string[] {
    if (term.length < 5 || this.documentFrequency.has(term)) return [];
    const maxDistance = term.length >= 8 ? 2 : 1;
    const found = new Set<string>();
    for (const result of this.search.search(term, { fields: ['terms'], fuzzy: maxDistance })) for (const t of result.terms) found.add(t);
    return [...found];
  }

  /** Inverse document frequency; a term no chunk holds gets the highest weight. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount + 1) / (df + 0.5));
  }
}
