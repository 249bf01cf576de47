// The index on disk. Each build writes a complete new generation folder, then swaps the
// CURRENT pointer to it with one atomic rename: a crash at any moment leaves the previous
// generation whole and pointed to.
//
//   embeddings/CURRENT              {"generation": "gen-…"}
//   embeddings/gen-…/manifest.json  written last in a generation: its presence means complete
//   embeddings/gen-…/chunks.json    articles (metadata + cleaned text) and chunks
//   embeddings/gen-…/keyword.json   the keyword index
//   embeddings/gen-…/vectors/       the vectra index (only with a model)
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { writeFileDurably } from '../files.js';
import path from 'node:path';
import type { Article } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';

export const INDEX_FORMAT = 1;

export interface Manifest {
  format: number;
  chunkerVersion: number;
  analyzerVersion: number;
  model: { backend: string; id: string; dimensions: number } | null;
  createdAt: string;
  documents: Record<string, { hash: string; chunks: number }>;
}

export interface StoredChunks {
  articles: Article[];
  chunks: Chunk[];
}

export class IndexCorruptError extends Error {
  override readonly name = 'IndexCorruptError';
}

const POINTER = 'CURRENT';

export function generationPaths(dataDir: string, generation: string) {
  const dir = path.join(dataDir, generation);
  return {
    dir,
    manifest: path.join(dir, 'manifest.json'),
    chunks: path.join(dir, 'chunks.json'),
    keyword: path.join(dir, 'keyword.json'),
    vectors: path.join(dir, 'vectors'),
  };
}

export type GenerationPaths = ReturnType<typeof generationPaths>;

/** The generation CURRENT points to, or null when there is no index yet. */
export async function currentGeneration(dataDir: string): Promise<GenerationPaths | null> {
  let pointer: string;
  try {
    pointer = await readFile(path.join(dataDir, POINTER), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const generation = parseJson<{ generation?: unknown }>(pointer, POINTER).generation;
  if (typeof generation !== 'string' || !/^gen-[\w-]+$/.test(generation)) throw new IndexCorruptError(`${POINTER} names no generation`);
  return generationPaths(dataDir, generation);
}

export async function newGeneration(dataDir: string): Promise<GenerationPaths> {
  const name = `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const paths = generationPaths(dataDir, name);
  await mkdir(paths.dir, { recursive: true });
  return paths;
}

/**
 * Points CURRENT at `paths`, durably (the commit point: from here on the new index is the index),
 * then removes every other generation. Only the holder of the index lock calls this.
 */
export async function commitGeneration(dataDir: string, paths: GenerationPaths, onCommitted?: () => void): Promise<void> {
  await writeFileDurably(path.join(dataDir, POINTER), JSON.stringify({ generation: path.basename(paths.dir) }));
  onCommitted?.();
  await removeOtherGenerations(dataDir, path.basename(paths.dir));
}

/**
 * Removes the generations CURRENT does not name: half-built ones of a writer that crashed, or old
 * ones a writer killed after its commit point left. Only the holder of the index lock calls this.
 */
export async function removeOtherGenerations(dataDir: string, keep?: string): Promise<void> {
  const current = keep ?? (await currentGeneration(dataDir).catch(() => null))?.dir;
  if (!current) return; // nothing is known to be good: keep everything
  for (const entry of await readdir(dataDir)) {
    if (entry.startsWith('gen-') && entry !== path.basename(current)) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
}

export async function readManifest(paths: GenerationPaths): Promise<Manifest> {
  const manifest = parseJson<Manifest>(await readRequired(paths.manifest), 'manifest.json');
  if (manifest.format !== INDEX_FORMAT || typeof manifest.documents !== 'object') {
    throw new IndexCorruptError('manifest.json has an unknown format');
  }
  return manifest;
}

export async function readChunks(paths: GenerationPaths): Promise<StoredChunks> {
  const stored = parseJson<StoredChunks>(await readRequired(paths.chunks), 'chunks.json');
  if (!Array.isArray(stored.articles) || !Array.isArray(stored.chunks)) throw new IndexCorruptError('chunks.json is incomplete');
  return stored;
}

export async function readRequired(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new IndexCorruptError(`${path.basename(file)} is missing`);
    throw error;
  }
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new IndexCorruptError(`${what} is not valid JSON (truncated or damaged)`);
  }
}
