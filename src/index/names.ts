// The corpus's names: index terms of the words the articles write capitalised inside sentences and
// never in lower case ("Agadez", "Wagner"). Answers use them to tell a name typed in lower case from a
// common word. Reading them means reading every article: a minute of work at 100,000 articles, done
// once per index (by the build, after it commits), in slices, and kept on disk beside the index, so
// that a bot swapping to a new index or restarting reads them back in milliseconds.
// In: an index. Out: a set of terms.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../files.js';
import { indexTerms } from '../text/analysis.js';
import { currentGenerationName, openCurrentIndex } from './open.js';
import type { IndexView, LanceLocation, StoreKind } from './view.js';

// Bump when the rule below changes: files of another format are read again from the articles.
const NAMES_FORMAT = 1;
// A temporary file this old is a write that was killed, not one under way.
const STALE_TEMPORARY_MS = 60_000;

const cache = new WeakMap<IndexView, Promise<ReadonlySet<string>>>();

/**
 * The index's names; with `dataDir`, read from (or saved to) `names/<generation>.json` there (also
 * when the index is on an object store, `lance`: each machine keeps its own copy).
 */
export function corpusNames(index: IndexView, dataDir?: string, lance?: LanceLocation): Promise<ReadonlySet<string>> {
  let names = cache.get(index);
  if (!names) {
    names = dataDir ? savedOrRead(index, dataDir, lance) : readNames(index);
    cache.set(index, names);
    // A failed read (an index another process has just removed) is tried again on the next question.
    names.catch(() => cache.delete(index));
  }
  return names;
}

/** After a build commits: the committed index's names read and saved beside it, for every process that will open it. */
export async function saveCommittedNames(store: StoreKind, dataDir: string, lance?: LanceLocation): Promise<void> {
  const index = await openCurrentIndex(store, dataDir, lance);
  if (!index) return;
  try {
    await corpusNames(index, dataDir, lance);
  } finally {
    index.close();
  }
}

/** Where a generation's names are kept. */
export function namesFile(dataDir: string, generation: string): string {
  return path.join(dataDir, 'names', `${generation}.v${NAMES_FORMAT}.json`);
}

async function savedOrRead(index: IndexView, dataDir: string, lance?: LanceLocation): Promise<ReadonlySet<string>> {
  const file = namesFile(dataDir, index.generation);
  const folder = path.dirname(file);
  try {
    const saved: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (Array.isArray(saved) && saved.every((t) => typeof t === 'string')) return new Set(saved);
  } catch {
    // not saved yet, or damaged: read them from the articles
  }
  const names = await readNames(index);
  // Saved, and the others pruned, only while this index is the committed one: a process still on an
  // older generation must not replace the names of the newer one.
  if ((await currentGenerationName(index.store, dataDir, lance).catch(() => null)) !== index.generation) return names;
  try {
    await mkdir(folder, { recursive: true });
    await writeFileDurably(file, JSON.stringify([...names]));
    for (const other of await readdir(folder)) {
      const entry = path.join(folder, other);
      if (other.endsWith('.json') && other !== path.basename(file)) await rm(entry, { force: true });
      else if (other.endsWith('.tmp') && Date.now() - (await stat(entry)).mtimeMs > STALE_TEMPORARY_MS) await rm(entry, { force: true });
    }
  } catch {
    // A read-only or full data folder: the names are read again at the next start.
  }
  return names;
}

async function readNames(index: IndexView): Promise<ReadonlySet<string>> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  // Words repeat across articles: each form is analysed once (analysing every occurrence was most of a build's
  // time spent here, 5.4 s of a 12.8 s build of 5,000 articles, profiled 2026-12-05).
  // (a map per language, and whether the form is capitalised kept with its terms: no key to build nor
  // test to run again at each occurrence)
  const analysed = { fr: new Map<string, { terms: readonly string[]; found: Set<string> }>(), en: new Map<string, { terms: readonly string[]; found: Set<string> }>() };
  for await (const batch of index.allArticles()) {
    for (const article of batch) {
      const forms = analysed[article.language];
      for (const m of article.text.matchAll(/(?<![\p{L}])(?<=[\p{L}\p{N},;:’'()«»"-]\s*)[\p{L}][\p{L}-]*/gu)) {
        let form = forms.get(m[0]);
        if (!form) forms.set(m[0], (form = { terms: indexTerms(m[0], article.language), found: /^\p{Lu}/u.test(m[0]) ? capitalised : lower }));
        for (const term of form.terms) form.found.add(term);
      }
    }
  }
  return new Set([...capitalised].filter((t) => !lower.has(t)));
}
