// The corpus's names: index terms of the words the articles write capitalised inside sentences and
// never in lower case ("Agadez", "Wagner"). Answers use them to tell a name typed in lower case from a
// common word. Reading them means reading every article: a minute of work at 100,000 articles, done
// once per index, in slices (any store), and kept on disk beside the index, so that a restart reads
// them back in milliseconds. In: an index. Out: a set of terms.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../files.js';
import { indexTerms } from '../text/analysis.js';
import type { IndexView } from './view.js';

const cache = new WeakMap<IndexView, Promise<ReadonlySet<string>>>();

/** The index's names; with `dataDir`, read from (or saved to) `names/<generation>.json` there. */
export function corpusNames(index: IndexView, dataDir?: string): Promise<ReadonlySet<string>> {
  let names = cache.get(index);
  if (!names) {
    names = dataDir ? savedOrRead(index, dataDir) : readNames(index);
    cache.set(index, names);
  }
  return names;
}

async function savedOrRead(index: IndexView, dataDir: string): Promise<ReadonlySet<string>> {
  const folder = path.join(dataDir, 'names');
  const file = path.join(folder, `${index.generation}.json`);
  try {
    const saved: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (Array.isArray(saved) && saved.every((t) => typeof t === 'string')) return new Set(saved);
  } catch {
    // not saved yet, or damaged: read them from the articles
  }
  const names = await readNames(index);
  try {
    await mkdir(folder, { recursive: true });
    await writeFileDurably(file, JSON.stringify([...names]));
    // Only the current generation's names are kept (a process on an older one reads its own again).
    for (const other of await readdir(folder)) if (other !== path.basename(file) && other.endsWith('.json')) await rm(path.join(folder, other), { force: true });
  } catch {
    // A read-only or full data folder: the names are read again at the next start.
  }
  return names;
}

async function readNames(index: IndexView): Promise<ReadonlySet<string>> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for await (const batch of index.allArticles()) {
    for (const article of batch) {
      for (const m of article.text.matchAll(/(?<![\p{L}])(?<=[\p{L}\p{N},;:’'()«»"-]\s*)[\p{L}][\p{L}-]*/gu)) {
        for (const term of indexTerms(m[0], article.language)) (/^\p{Lu}/u.test(m[0]) ? capitalised : lower).add(term);
      }
    }
  }
  return new Set([...capitalised].filter((t) => !lower.has(t)));
}
