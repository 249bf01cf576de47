import type { CitationMeta } from '../ingest/article.js';

/** "Title — Source, 2024-07 — url": what a reader needs to find and check the article. */
export function formatCitationSource(meta: CitationMeta): string {
  const origin = [meta.source, meta.published].filter(Boolean).join(', ');
  return [meta.title, origin, meta.url].filter(Boolean).join(' — ');
}

/**
 * A verbatim quote as shown to readers. English quotation marks, because the French quotes often
 * hold « » themselves.
 */
export function quoted(text: string): string {
  return `“${text}”`;
}
