import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { writeFileDurably } from '../files.js';
import type { Article } from './article.js';
import { isArticleFileName, loadCorpus } from './corpus.js';
import { MAX_ARTICLE_BYTES, parseArticle } from './parse.js';

let adding: Promise<unknown> = Promise.resolve();

export interface NewArticleMeta {
  title?: string;
  source?: string;
  url?: string;
  published?: string;
}

/**
 * Validates an uploaded file as an article and writes it into the corpus atomically. Metadata
 * given here overrides the file's (the article is then stored as Markdown with front matter).
 * Refuses, changing nothing, a file that is too large, not text, empty, malformed, already in the
 * corpus (same text or same link), or named like a different article.
 */
export async function addArticle(corpusDir: string, fileName: string, bytes: Uint8Array, meta: NewArticleMeta = {}): Promise<Article> {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) throw new UserError('article-too-large', { en: `The file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB.`, fr: `Le fichier dépasse ${MAX_ARTICLE_BYTES / 1024 / 1024} Mio.` });
  const base = safeFileName(fileName);
  const overrides = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = describeProblem(() => parseArticle(base, bytes));
  const name = Object.keys(overrides).length ? base.replace(/\.(md|txt|html?)$/i, '.md') : base;
  const content = Object.keys(overrides).length ? withFrontMatter({ ...parsed, ...overrides }, parsed.text) : bytes;
  // Parse what will be written, so the corpus never receives a file that indexing would skip.
  const article = describeProblem(() => parseArticle(name, typeof content === 'string' ? new TextEncoder().encode(content) : content));

  const target = path.join(corpusDir, name);
  // One add at a time in this process (a feed poll and /add-article may race): the duplicate checks
  // and the write are one step.
  const write = adding.then(async () => {
    const textHash = hashText(article.text);
    const { articles } = await loadCorpus(corpusDir);
    const duplicate = articles.find((a) => hashText(a.text) === textHash);
    const sameLink = article.url ? articles.find((a) => a.url && urlKey(a.url) === urlKey(article.url!)) : undefined;
    if (duplicate) throw new UserError('article-duplicate', { en: `This article is already in the corpus, as ${duplicate.id} (“${duplicate.title}”).`, fr: `Cet article est déjà dans le corpus, sous ${duplicate.id} (« ${duplicate.title} »).` });
    if (sameLink) throw new UserError('article-duplicate', { en: `An article with this link is already in the corpus, as ${sameLink.id} (“${sameLink.title}”).`, fr: `Un article avec ce lien est déjà dans le corpus, sous ${sameLink.id} (« ${sameLink.title} »).` });
    if (existsSync(target)) throw new UserError('article-duplicate', { en: `A different article is already named ${name}; rename the file and try again.`, fr: `Un autre article porte déjà le nom ${name} ; renommez le fichier et réessayez.` });
    await writeFileDurably(target, content);
  });
  adding = write.catch(() => undefined);
  await write;
  return article;
}

/** An article as Markdown: the front matter the corpus reads (title, source, author, url, published, language), then the text. */
export function withFrontMatter(meta: NewArticleMeta & { author?: string; language?: string }, body: string): string {
  const lines = ['---'];
  for (const key of ['title', 'source', 'author', 'url', 'published', 'language'] as const) {
    if (meta[key]) lines.push(`${key}: ${JSON.stringify(meta[key])}`);
  }
  return `${lines.join('\n')}\n---\n${body}\n`;
}

// Letters, digits, dots and dashes only, no folder parts, and short: a file system allows 255
// bytes in a name, and an accented letter takes two.
const MAX_NAME_CHARS = 80;

function safeFileName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/')).normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '');
  if (!base || !isArticleFileName(base)) throw new UserError('article-unsupported-type', { en: 'Send a .md, .txt or .html file.', fr: 'Envoyez un fichier .md, .txt ou .html.' });
  const extension = path.extname(base);
  return base.length <= MAX_NAME_CHARS ? base : `${base.slice(0, MAX_NAME_CHARS - extension.length).replace(/[.-]+$/u, '')}${extension}`;
}

function describeProblem<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.code, { en: `This file cannot be added: ${error.message}.`, fr: `Ce fichier ne peut pas être ajouté : ${error.messageIn('fr')}.` }, { cause: error });
    throw error;
  }
}

/**
 * What makes two links the same article: scheme, host case, a trailing slash, the #fragment and
 * utm_* tracking parameters do not count.
 */
export function urlKey(link: string): string {
  try {
    const url = new URL(link);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (/^utm_/i.test(name)) url.searchParams.delete(name);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return link.trim().toLowerCase();
  }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}
