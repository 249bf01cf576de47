// Ingest: the corpus folder read into articles. In: a folder of .md/.txt/.html files. Out: Articles
// (metadata, cleaned text, content hash) and the problems of the files that could not be read.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import type { Article } from './article.js';
import { ARTICLE_EXTENSIONS, contentHash, parseArticle } from './parse.js';

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
  await requireCorpusFolder(dir);
  const { files, links } = await listArticleFiles(dir);
  const corpus = await readArticles(files.map((file) => ({ id: idOf(dir, file), path: file })));
  return { articles: corpus.articles, problems: [...linkProblems(dir, links), ...corpus.problems] };
}

/** A corpus file, and the sha256 of its bytes: what an index compares (an Article's contentHash) without parsing it. */
export interface CorpusFile {
  id: string;
  path: string;
  hash: string;
}

/**
 * The corpus's article files with their hashes, a batch at a time: a large corpus is compared with an
 * index without parsing it or holding its texts. Links and files that cannot be read are problems.
 */
export async function* scanCorpus(dir: string, batchSize = 1000): AsyncGenerator<{ files: CorpusFile[]; problems: CorpusProblem[] }> {
  await requireCorpusFolder(dir);
  const { files, links } = await listArticleFiles(dir);
  if (links.length) yield { files: [], problems: linkProblems(dir, links) };
  for (let i = 0; i < files.length; i += batchSize) {
    const batch: { files: CorpusFile[]; problems: CorpusProblem[] } = { files: [], problems: [] };
    for (let j = i; j < Math.min(i + batchSize, files.length); j += READ_BATCH) {
      const paths = files.slice(j, Math.min(j + READ_BATCH, i + batchSize, files.length));
      const contents = await Promise.allSettled(paths.map((file) => readFile(file)));
      contents.forEach((content, k) => {
        const file = paths[k]!;
        if (content.status === 'fulfilled') batch.files.push({ id: idOf(dir, file), path: file, hash: contentHash(content.value) });
        else batch.problems.push({ path: file, id: idOf(dir, file), reason: (content.reason as Error).message });
      });
    }
    yield batch;
  }
}

/** These files read as articles, in their order; a file that cannot be read as one is a problem, not an error. */
export async function readArticles(files: readonly Pick<CorpusFile, 'id' | 'path'>[]): Promise<Corpus> {
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  // Reads overlap (a large corpus is thousands of small files); parsing stays in file order.
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const contents = await Promise.allSettled(batch.map((file) => readFile(file.path)));
    contents.forEach((content, j) => {
      const { id, path: file } = batch[j]!;
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

// A missing or misspelt folder is an error, not an empty corpus: indexing it would empty the index.
async function requireCorpusFolder(dir: string): Promise<void> {
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new UserError('corpus-missing', {
      en: `The corpus folder ${dir} does not exist: check DOSSIER_CORPUS_DIR, or create it and add articles. The index was not changed.`,
      fr: `Le dossier du corpus ${dir} n'existe pas : vérifiez DOSSIER_CORPUS_DIR, ou créez-le et ajoutez-y des articles. L'index n'a pas été modifié.`,
    });
  }
}

// A link may lead out of the corpus folder or nowhere: it is not followed, and the user is told so.
function linkProblems(dir: string, links: readonly string[]): CorpusProblem[] {
  return links.map((link) => ({ path: link, id: idOf(dir, link), reason: 'a symbolic link, not followed: copy the article itself into the corpus folder' }));
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
