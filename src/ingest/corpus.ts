// Ingest: the corpus folder read into articles. In: a folder of .md/.txt/.html files. Out: Articles
// (metadata, cleaned text, content hash) and the problems of the files that could not be read.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isUserError } from '../errors.js';
import type { Article } from './article.js';
import { ARTICLE_EXTENSIONS, parseArticle } from './parse.js';

export interface CorpusProblem {
  path: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  /** Files that could not be read as articles: reported, skipped, never fatal. */
  problems: CorpusProblem[];
}

const READ_BATCH = 64;

export async function loadCorpus(dir: string): Promise<Corpus> {
  const files = await listArticleFiles(dir);
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  // Reads overlap (a large corpus is thousands of small files); parsing stays in file order.
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const contents = await Promise.allSettled(batch.map((file) => readFile(file)));
    contents.forEach((content, j) => {
      const file = batch[j]!;
      const id = path.relative(dir, file).split(path.sep).join('/');
      try {
        if (content.status === 'rejected') throw content.reason;
        articles.push(parseArticle(id, content.value));
      } catch (error) {
        if (!isUserError(error) && (error as NodeJS.ErrnoException).code === undefined) throw error;
        problems.push({ path: file, reason: (error as Error).message });
      }
    });
  }
  return { articles, problems };
}

/** Article files under `dir`, sorted, skipping hidden files and editors' temporary files. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && isArticleFileName(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function isArticleFileName(name: string): boolean {
  if (name.startsWith('.') || name.endsWith('~') || name.toLowerCase() === 'readme.md') return false;
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}
