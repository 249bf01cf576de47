// The one place that imports vectra. Only chunk ids live in vectra; texts stay in chunks.json.
// vectra is loaded when first used: its dependencies cost each thread that loads them about 96 MB
// (measured), which a LanceDB store's bot and build worker never need.
import path from 'node:path';
import type { LocalIndex } from 'vectra';
import { syncPath } from '../files.js';

export interface VectorHit {
  chunkId: string;
  score: number;
}

export class VectorStore {
  private constructor(private readonly index: LocalIndex<{ chunkId: string }>) {}

  /** Writes a new vector index in `folder` in one update (vectra rewrites its file on every write). */
  static async create(folder: string, items: Iterable<{ chunkId: string; vector: number[] }>): Promise<VectorStore> {
    const { LocalIndex } = await import('vectra');
    const index = new LocalIndex<{ chunkId: string }>(folder);
    await index.createIndex({ version: 1, deleteIfExists: true });
    await index.beginUpdate();
    for (const item of items) await index.insertItem({ id: item.chunkId, vector: item.vector, metadata: { chunkId: item.chunkId } });
    await index.endUpdate();
    return new VectorStore(index);
  }

  /** vectra writes without fsync; this makes its files durable. */
  async sync(): Promise<void> {
    await syncPath(path.join(this.index.folderPath, this.index.indexName));
    await syncPath(this.index.folderPath);
  }

  static async open(folder: string): Promise<VectorStore> {
    const { LocalIndex } = await import('vectra');
    const index = new LocalIndex<{ chunkId: string }>(folder);
    if (!(await index.isIndexCreated())) throw new Error(`no vector index in ${folder}`);
    await index.getIndexStats(); // reads and parses index.json now, so corruption shows at open
    return new VectorStore(index);
  }

  async vectors(): Promise<Map<string, number[]>> {
    const items = await this.index.listItems();
    return new Map(items.map((item) => [item.metadata.chunkId, item.vector]));
  }

  async count(): Promise<number> {
    return (await this.index.getIndexStats()).items;
  }

  async query(vector: number[], limit: number): Promise<VectorHit[]> {
    const results = await this.index.queryItems(vector, '', limit);
    return results.map((result) => ({ chunkId: result.item.metadata.chunkId, score: result.score }));
  }
}
