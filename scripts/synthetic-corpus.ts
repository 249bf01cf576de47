// Synthetic corpora for the bench: articles of 6 to 14 sentences drawn from the bundled corpus, with their own titles.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/ingest/corpus.js';
import { splitSentences } from '../src/ingest/sentences.js';

const REPO = path.resolve(import.meta.dirname, '..');

/** `sentences`: the articles' mean length (±4 sentences); longer ones make more chunks per article. */
export async function syntheticCorpus(count: number, sentences = 10): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-bench-corpus-'));
  const { articles } = await loadCorpus(path.join(REPO, 'corpus'));
  const pool = articles.flatMap((a) => splitSentences(a.text).map((s) => a.text.slice(s.start, s.end)));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < count; i++) {
    const length = sentences - 4 + Math.floor(random() * 9);
    const body = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join('\n');
    const sub = path.join(dir, String(Math.floor(i / 500)));
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `article-${i}.md`), `---\ntitle: "Synthetic article ${i}"\nsource: bench\npublished: 2024-0${1 + (i % 9)}\nlanguage: fr\n---\n${body}\n`);
  }
  return dir;
}
