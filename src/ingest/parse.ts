import { createHash } from 'node:crypto';
import path from 'node:path';
import matter from 'gray-matter';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { guessLanguage } from '../text/language.js';
import type { Article } from './article.js';
import { cleanArticleText } from './clean.js';
import { pageMetadata, type PageMeta } from './page-meta.js';

export const ARTICLE_EXTENSIONS = ['.md', '.txt', '.html', '.htm'] as const;
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const isoDate = z
  .union([z.date(), z.string(), z.number()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
  .pipe(z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'));

const frontMatter = z.object({
  title: z.string().trim().min(1, 'is required'),
  source: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  url: z.string().url().optional(),
  published: isoDate.optional(),
  language: z.enum(['fr', 'en']).optional(),
});

interface Parsed {
  meta: z.infer<typeof frontMatter>;
  body: string;
}

/**
 * Reads one article file. Throws a UserError naming what is wrong when the file cannot be an
 * article (not UTF-8, no text, bad front matter), so the caller can skip it and go on.
 */
export function parseArticle(id: string, bytes: Uint8Array): Article {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) throw new UserError('article-too-large', { en: `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB`, fr: `plus de ${MAX_ARTICLE_BYTES / 1024 / 1024} Mio` });
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError('article-invalid', { en: 'not valid UTF-8 text', fr: 'pas du texte UTF-8 valide' });
  }
  if (source.includes('\u0000')) throw new UserError('article-invalid', { en: 'binary content (NUL bytes)', fr: 'contenu binaire (octets NUL)' });
  const extension = path.extname(id).toLowerCase();
  const { meta, body } =
    extension === '.md' ? parseMarkdown(source) : extension === '.txt' ? parsePlainText(source) : parseHtml(source);
  const { text } = cleanArticleText(body);
  if (text.split(/\s+/).filter(Boolean).length < 5) throw new UserError('article-invalid', { en: 'no article text after cleaning', fr: "pas de texte d'article après nettoyage" });
  return {
    id,
    title: meta.title,
    source: meta.source,
    url: meta.url,
    published: meta.published,
    language: meta.language ?? guessLanguage(text),
    text,
    contentHash: contentHash(bytes),
  };
}

/** sha256 of a file's bytes: an article's contentHash, computable without parsing it. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parseMarkdown(source: string): Parsed {
  let file: matter.GrayMatterFile<string>;
  try {
    // A fresh options object: gray-matter caches parses by content otherwise, and the cache
    // keeps Date objects that the schema below would then see twice.
    file = matter(source, {});
  } catch (error) {
    throw new UserError('article-invalid', `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  return { meta: validate(file.data), body: file.content };
}

function parsePlainText(source: string): Parsed {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((line) => line.trim());
  if (titleIndex < 0) throw new UserError('article-invalid', { en: 'empty file', fr: 'fichier vide' });
  return { meta: validate({ title: lines[titleIndex]!.trim() }), body: lines.slice(titleIndex + 1).join('\n') };
}

function parseHtml(source: string): Parsed {
  const { meta, body } = readHtml(source);
  return { meta: validate({ title: meta.title ?? '', source: meta.source, url: meta.url, published: meta.published, language: meta.language }), body };
}

/**
 * An HTML page's main text (Mozilla Readability, one line per block) and its metadata (see
 * page-meta.ts); `baseUrl`, where the page came from, resolves a relative canonical link.
 */
export function readHtml(source: string, baseUrl?: string): { meta: PageMeta; body: string } {
  const { document } = parseHTML(source);
  // Read before Readability, which rearranges the document.
  const page = pageMetadata(document, baseUrl);
  const documentTitle = document.querySelector('title')?.textContent?.trim();
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document).parse();
  } catch {
    // Readability refuses what linkedom could not make a document of (an empty or tag-less file).
  }
  if (!article?.content) throw new UserError('article-invalid', { en: 'no main text found in the HTML', fr: 'pas de texte principal dans le HTML' });
  // Readability's textContent glues paragraphs together; keep one line per block instead.
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
  const blocks = [...content.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,blockquote,pre')]
    .filter((el) => !el.querySelector('p,li,blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    meta: { ...page, title: page.title ?? (article.title || documentTitle || undefined), source: page.source ?? article.siteName ?? undefined },
    body: blocks.join('\n'),
  };
}

function validate(data: unknown): Parsed['meta'] {
  const result = frontMatter.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'} ${issue.message}`);
    throw new UserError('article-invalid', `bad metadata: ${problems.join('; ')}`);
  }
  return result.data;
}
