import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildIndex } from '../../src/index/build.js';
import { SearchIndex } from '../../src/index/search-index.js';
import { HashEmbedder } from '../support/hash-embedder.js';
import { ageLockOfKilledWriter, killIndexChildDuring } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';

let workspace: ReturnType<typeof makeWorkspace>;
afterEach(() => workspace?.cleanup());

function addArticles(count: number) {
  for (let i = 0; i < count; i++) {
    // One fact a line: the cleaner would take one line repeating a pattern for an ad block.
    const text = Array.from({ length: 12 }, (_, j) => `Le fait numéro ${i}-${j} concerne la ville fictive de Zorbaville et son conseil municipal.`).join('\n');
    writeFileSync(path.join(workspace.corpusDir, `extra-${i}.md`), `---\ntitle: Article ${i}\n---\n${text}\n`);
  }
}

describe('a re-index killed with SIGKILL', () => {
  it.each([
    ['while embedding', 'EMBEDDING', 0],
    ['as writing starts', 'WRITING', 0],
    ['a little into writing', 'WRITING', 15],
    ['further into writing', 'WRITING', 60],
    // After the commit point: CURRENT names the new generation, old ones may still be on disk.
    ['just after the commit point', 'COMMITTED', 0],
  ])('%s leaves an index that opens and answers', async (_, marker, delayMs) => {
    workspace = makeWorkspace();
    await buildIndex({ dataDir: workspace.dataDir, corpus: await loadCorpus(workspace.corpusDir), embedder: new HashEmbedder() });
    const before = (await SearchIndex.openCurrent(workspace.dataDir))!.manifest;
    addArticles(150);

    const markers = await killIndexChildDuring(workspace.corpusDir, workspace.dataDir, marker, delayMs, marker === 'EMBEDDING' ? 200 : 0);
    expect(markers).toContain(marker);
    // Killed holding the index's lock: the writers below take it over once it is stale.
    expect(ageLockOfKilledWriter(workspace.dataDir)).toBe(true);

    const after = (await SearchIndex.openCurrent(workspace.dataDir))!;
    // Either the old generation, untouched, or the new one complete: never a mix.
    const documents = Object.keys(after.manifest.documents).length;
    if (markers.includes('COMMITTED')) expect(documents).toBe(155);
    else expect(after.manifest).toEqual(before);

    const engine = await Engine.open(workspace.config, { embedder: { embedder: new HashEmbedder() } });
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    expect((await engine.ask('Que concerne le fait numéro 7-3 à Zorbaville ?')).refusal).toBeUndefined();
    // The next writer (it holds the lock) clears what the killed one left.
    await buildIndex({ dataDir: workspace.dataDir, corpus: await loadCorpus(workspace.corpusDir), embedder: new HashEmbedder() });
    expect(readdirSync(workspace.dataDir).filter((e) => e.startsWith('gen-'))).toHaveLength(1);
    // A child process and three index builds: 13 s each on a busy two-core machine, past 30 s alongside other test files.
  }, 60_000);
});
