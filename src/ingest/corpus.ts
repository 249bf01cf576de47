// Ingest: the corpus folder read into articles. In: a folder of .md/.txt/.html files. Out: Articles
// (metadata, cleaned text, content hash) and the problems of the files that could not be read.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import type { Article } from './article.js';
import { ARTICLE_EXTENSIONS, parseArticle } from './parse.js';

export interface CorpusProblem {
  path: string;
  /** The article id the file would have: an indexed version of it is kept, not removed. */
  id: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  /** Files that could not be read as articles: reported, skipped, never fatal. */
  problems: CorpusProblem[];
}

const READ_BATCH = 64;

export async function loadCorpus(dir: string): Promise<Corpus> {
  // A missing or misspelt folder is an error, not an empty corpus: indexing it would empty the index.
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new UserError('corpus-missing', {
      en: `The corpus folder ${dir} does not exist: check DOSSIER_CORPUS_DIR, or create it and add articles. The index was not changed.`,
      fr: `Le dossier du corpus ${dir} n'existe pas : vérifiez DOSSIER_CORPUS_DIR, ou créez-le et ajoutez-y des articles. L'index n'a pas été modifié.`,
    });
  }
  const { files, links } = await listArticleFiles(dir);
  const articles: Article[] = [];
  // A link may lead out of the corpus folder or nowhere: it is not followed, and the user is told so.
  const problems: CorpusProblem[] = links.map((link) => ({
    path: link,
    id: idOf(dir, link),
    reason: 'a symbolic link, not followed: copy the article itself into the corpus folder',
  }));
  // Reads overlap (a large corpus is thousands of small files); parsing stays in file order.
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const contents = await Promise.allSettled(batch.map((file) => readFile(file)));
    contents.forEach((content, j) => {
      const file = batch[j]!;
      const id = idOf(dir, file);
      try {
        if (content.status === 'rejected') throw content.reason;
        articles.push(parseArticle(id, content.value));
      } catch (error) {
        // One file that cannot be read as an article never stops the others: it is reported and skipped.
        const reason = isUserError(error) || (error as NodeJS.ErrnoException).code ? (error as Error).message : `could not be read as an article (${(error as Error).message})`;
        problems.push({ path: file, id, reason });
      }
    });
  }
  return { articles, problems };
}

const idOf = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

/**
 * Article files under `dir`, and symbolic links with an article's name, each sorted; hidden files
 * and editors' temporary files are left out.
 */
export async function listArticleFiles(dir: string): Promise<{ files: string[]; links: string[] }> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], links: [] };
    throw error;
  }
  const named = entries.filter((entry) => isArticleFileName(entry.name));
  const paths = (kind: 'isFile' | 'isSymbolicLink') => named.filter((entry) => entry[kind]()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return { files: paths('isFile'), links: paths('isSymbolicLink') };
}

export function isArticleFileName(name: string): boolean {
  if (name.startsWith('.') || name.endsWith('~') || name.toLowerCase() === 'readme.md') return false;
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}
