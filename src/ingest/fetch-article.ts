// A news page, by its link, becomes a corpus article: fetched safely (fetch.ts), its main text taken
// by the same Readability path as an uploaded .html file, its metadata from the page (page-meta.ts),
// written as Markdown with front matter through the same checked, atomic add as an upload.
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { guessLanguage } from '../text/language.js';
import { addArticle, withFrontMatter, urlKey, type NewArticleMeta } from './add.js';
import type { Article } from './article.js';
import { cleanArticleText } from './clean.js';
import { safeFetch, type FetchPolicy } from './fetch.js';
import { readHtml } from './parse.js';

export const PAGE_TYPES = ['text/html', 'application/xhtml+xml'] as const;

/** Fewer words than this is a teaser, an index page or an error page, not an article. */
export const MIN_ARTICLE_WORDS = 80;
/** A page that declares itself for subscribers and shows fewer words than this is the paywall's stub. */
const PAYWALL_STUB_WORDS = 300;

export interface AddedFromUrl {
  article: Article;
  author?: string;
  words: number;
}

/**
 * Fetches the page at `link` and adds it to the corpus. `overrides` (title, source, url, published)
 * win over what the page says; `defaults` (what a feed item says) fill what the page leaves out.
 * Refuses, changing nothing, what cannot be fetched, what is not an article page, and what the
 * corpus already holds (same link or same text).
 */
export async function addArticleFromUrl(corpusDir: string, link: string, policy: FetchPolicy, overrides: NewArticleMeta = {}, defaults: NewArticleMeta = {}): Promise<AddedFromUrl> {
  const page = await safeFetch(link, policy, { accept: PAGE_TYPES });
  if (page.notModified) throw new Error('a request without validators cannot be answered 304');
  let read: ReturnType<typeof readHtml>;
  try {
    read = readHtml(page.text, page.url);
  } catch (error) {
    if (error instanceof UserError) throw notAnArticle(page.url, { en: error.message, fr: error.messageIn('fr') }, error);
    throw error;
  }
  const { text } = cleanArticleText(read.body);
  const words = text.split(/\s+/).filter(Boolean).length;
  if (read.meta.accessibleForFree === false && words < PAYWALL_STUB_WORDS) {
    throw notAnArticle(page.url, { en: `it is for subscribers only (the page says so) and shows ${words} words`, fr: `elle est réservée aux abonnés (elle le dit) et ne montre que ${words} mots` });
  }
  if (words < MIN_ARTICLE_WORDS) {
    throw notAnArticle(page.url, { en: `only ${words} words of main text (an article has at least ${MIN_ARTICLE_WORDS}); it may be a paywall, an index page or an error page`, fr: `seulement ${words} mots de texte principal (un article en a au moins ${MIN_ARTICLE_WORDS}) ; c'est peut-être un paywall, une page d'accueil ou une page d'erreur` });
  }
  const meta = { ...given(defaults), ...given(read.meta), url: read.meta.url ?? page.url, language: read.meta.language ?? guessLanguage(text), ...given(overrides) };
  if (!meta.title) throw notAnArticle(page.url, { en: 'it has no title', fr: "elle n'a pas de titre" });
  const markdown = withFrontMatter(meta, text);
  const article = await addArticle(corpusDir, fileNameFor(meta.title, meta.url), new TextEncoder().encode(markdown));
  return { article, author: meta.author, words };
}

function given<T extends object>(meta: T): Partial<T> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

// The title, readable, plus a short hash of the link: two articles with one headline get two files.
function fileNameFor(title: string, link: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60).replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(urlKey(link)).digest('hex').slice(0, 8);
  return `${slug || 'article'}-${hash}.md`;
}

function notAnArticle(url: string, reason: { en: string; fr: string }, cause?: unknown): UserError {
  return new UserError('not-an-article', { en: `The page ${url} was not added: it is not an article (${reason.en}).`, fr: `La page ${url} n'a pas été ajoutée : ce n'est pas un article (${reason.fr}).` }, { cause });
}
