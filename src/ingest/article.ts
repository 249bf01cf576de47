/** What every stage knows about an article: its metadata and its cleaned text. */
export interface ArticleMeta {
  /** Stable id: the file's path relative to the corpus folder, with forward slashes. */
  id: string;
  title: string;
  source?: string;
  url?: string;
  /** ISO date at the precision the text pins down: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  language: 'fr' | 'en';
}

export interface Article extends ArticleMeta {
  /** The article body after boilerplate removal; every quote is a substring of it. */
  text: string;
  /** sha256 of the file's bytes: what incremental re-indexing compares. */
  contentHash: string;
}

/** The metadata a reader needs to check a quote: shown with every citation. */
export type CitationMeta = Pick<ArticleMeta, 'title' | 'source' | 'url' | 'published'>;
