// Where index builds run, as the adapter chooses: on the calling thread (the CLI: no worker started)
// or in a worker thread (the bot: its thread stays free to answer). Both write the same index.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine.js';
import { namesFile } from '../../src/index/names.js';
import { IDLE_MS } from '../../src/index/off-thread.js';
import type { StoreKind } from '../../src/index/view.js';
import { indexTerms } from '../../src/text/analysis.js';
import { makeWorkspace } from '../support/workspace.js';

// Counts the worker threads started, passing everything else through.
const started = vi.hoisted(() => ({ workers: 0, ended: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      started.workers++;
      this.on('exit', () => started.ended++);
    }
  }
  return { ...original, Worker: CountedWorker };
});

// This thread never reads or saves the corpus's names here: a names file beside the index can only be the worker's.
vi.mock('../../src/index/names.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/index/names.js')>()),
  corpusNames: () => Promise.resolve(new Set<string>()),
  saveCommittedNames: () => Promise.resolve(),
}));

let workspace: ReturnType<typeof makeWorkspace>;
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  workspace?.cleanup();
  started.workers = 0;
  started.ended = 0;
});

const keywordOnly = { embedder: null, unavailable: 'test' };

/** Opens (building the index), asks, adds an article and re-indexes; checks the index is the same wherever it was built. */
async function buildAndAddOne(store: StoreKind, builds: 'this-thread' | 'worker'): Promise<void> {
  workspace = makeWorkspace();
  engine = await Engine.open({ ...workspace.config, store }, { embedder: keywordOnly, builds });
  const opening = engine.openingReport!;
  const answer = await engine.ask('When did US troops leave Agadez?');
  writeFileSync(path.join(workspace.corpusDir, 'zorbaville.md'), `---\ntitle: Zorbaville\n---\nLe conseil municipal de Zorbaville a voté son budget après un long débat public.\n`);
  const update = await engine.reindex();
  expect(opening).toMatchObject({ written: true, rebuilt: true });
  expect(opening.added).toHaveLength(5);
  expect(answer.refusal).toBeFalsy();
  expect(answer.quotes.length).toBeGreaterThan(0);
  expect(update).toMatchObject({ added: ['zorbaville.md'], unchanged: 5, written: true });
  expect(engine.chunkCount('zorbaville.md')).toBe(1);
}

describe.each(['default', 'lancedb'] as const)('builds with the %s store', (store) => {
  it('on this thread start no worker, and write the index before opening returns', async () => {
    await buildAndAddOne(store, 'this-thread');
    expect(started.workers).toBe(0);
  });

  it('in a worker thread start one, kept for the next build, and write the same index', async () => {
    await buildAndAddOne(store, 'worker');
    expect(started.workers).toBe(1);
    expect(started.ended).toBe(0);
    // The worker read the new index's names and saved them beside it (the answering thread reads them back).
    const generation = engine!.searchIndex.generation;
    const saved = JSON.parse(readFileSync(namesFile(workspace.dataDir, generation), 'utf8')) as string[];
    expect(saved).toContain(indexTerms('Zorbaville', 'fr')[0]);
  });

  it('in a worker thread that ends when idle, and a later build starts another', async () => {
    workspace = makeWorkspace();
    engine = await Engine.open({ ...workspace.config, store }, { embedder: keywordOnly, builds: 'worker' });
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 500));
    expect(started).toEqual({ workers: 1, ended: 1 });
    writeFileSync(path.join(workspace.corpusDir, 'zorbaville.md'), `---\ntitle: Zorbaville\n---\nLe conseil municipal de Zorbaville a voté son budget après un long débat public.\n`);
    expect(await engine.reindex()).toMatchObject({ added: ['zorbaville.md'], written: true });
    expect(started.workers).toBe(2);
    expect((await engine.ask('Qu’a voté le conseil municipal de Zorbaville ?')).refusal).toBeFalsy();
  });
});
