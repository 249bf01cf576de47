// The LanceDB store on real LanceDB files in temp folders: build, incremental updates, answers
// compared with the default store's, a killed writer, and a reader following a writer's commits.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildIndex } from '../../src/index/build.js';
import { LanceIndex, lancePaths } from '../../src/index/lance-index.js';
import { indexTerms } from '../../src/text/analysis.js';
import { HashEmbedder } from '../support/hash-embedder.js';
import { ageLockOfKilledWriter, killIndexChildDuring } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';

const AFP = '2024-07-retrait-soldats-americains-afp.md';
let workspace: ReturnType<typeof makeWorkspace>;
afterEach(() => workspace?.cleanup());

async function build(embedder: HashEmbedder | null = new HashEmbedder()) {
  return buildIndex({ dataDir: workspace.dataDir, store: 'lancedb', corpus: await loadCorpus(workspace.corpusDir), embedder });
}

function addArticles(count: number) {
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: 12 }, (_, j) => `Le fait numéro ${i}-${j} concerne la ville fictive de Zorbaville et son conseil municipal.`).join('\n');
    writeFileSync(path.join(workspace.corpusDir, `extra-${i}.md`), `---\ntitle: Article ${i}\n---\n${text}\n`);
  }
}

describe('the LanceDB store', () => {
  it('indexes the corpus: every chunk is its article text at its offsets, searchable by keywords and vectors', async () => {
    workspace = makeWorkspace();
    const embedder = new HashEmbedder();
    const report = await build(embedder);
    expect(report).toMatchObject({ rebuilt: true, written: true, updated: [], removed: [] });
    expect(report.added).toHaveLength(5);
    const index = (await LanceIndex.openCurrent(workspace.dataDir))!;
    expect(index.chunkCount).toBe(embedder.passagesEmbedded);
    expect(index.chunkCount).toBe(Object.values(index.manifest.documents).reduce((sum, d) => sum + d.chunks, 0));
    expect(index.articleMetas()).toHaveLength(5);
    // Pages of the metadata (what /sources shows) are the corpus's articles, decoded from the columns.
    const corpus = await loadCorpus(workspace.corpusDir);
    const metas = index.articleMetas();
    const all = metas.slice();
    expect(all.map((m) => m.id).sort()).toEqual(corpus.articles.map((a) => a.id).sort());
    for (const meta of all) {
      const { text: _text, contentHash: _hash, ...expected } = corpus.articles.find((a) => a.id === meta.id)!;
      expect(meta).toEqual(expected);
    }
    expect(metas.slice(1, 3)).toEqual(all.slice(1, 3));
    expect(metas.slice(3)).toEqual(all.slice(3));
    expect(metas.slice(4, 99)).toEqual(all.slice(4, 99));
    expect(metas.slice(-2)).toEqual(all.slice(-2));
    expect(index.hasVectors).toBe(true);
    const agadez = indexTerms('Agadez', 'fr')[0]!;
    const hits = await index.keywordSearch([{ alternatives: [[agadez]] }], 40);
    expect(hits.length).toBeGreaterThan(0);
    const found = await index.chunksWithArticles(hits.map((h) => h.chunkId));
    for (const { chunk, article } of found.values()) {
      expect(article.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text.toLowerCase()).toMatch(/agadez/);
    }
    const dense = await index.vectorSearch(await embedder.embedQuery('Agadez base drones'), 5);
    expect(dense).toHaveLength(5);
    expect(index.keyword.documentFrequency.get(agadez)).toBe(hits.length);
    index.close();
  });

  it('updates in place: only new and changed articles are embedded, removed ones leave', async () => {
    workspace = makeWorkspace();
    await build();
    const unchanged = await build();
    expect(unchanged).toMatchObject({ written: false, unchanged: 5 });
    const afp = path.join(workspace.corpusDir, AFP);
    writeFileSync(afp, readFileSync(afp, 'utf8') + '\nUn paragraphe ajouté sur la ville fictive de Quorbaville.\n');
    rmSync(path.join(workspace.corpusDir, '2024-niger-rompt-lien-etats-unis-doingbuzz.md'));
    const embedder = new HashEmbedder();
    const report = await build(embedder);
    expect(report).toMatchObject({ updated: [AFP], removed: ['2024-niger-rompt-lien-etats-unis-doingbuzz.md'], written: true, rebuilt: false });
    const index = (await LanceIndex.openCurrent(workspace.dataDir))!;
    expect(embedder.passagesEmbedded).toBe(index.manifest.documents[AFP]!.chunks);
    expect(index.articleMetas()).toHaveLength(4);
    expect(index.keyword.documentFrequency.has(indexTerms('Quorbaville', 'fr')[0]!)).toBe(true);
    expect(index.chunkCount).toBe(Object.values(index.manifest.documents).reduce((sum, d) => sum + d.chunks, 0));
    index.close();
  });

  it('answers as the default store does', async () => {
    workspace = makeWorkspace();
    const lance = await Engine.open({ ...workspace.config, store: 'lancedb' }, { embedder: { embedder: new HashEmbedder() } });
    const files = await Engine.open(workspace.config, { embedder: { embedder: new HashEmbedder() } });
    expect(lance.searchIndex.store).toBe('lancedb');
    for (const question of ['When did US troops leave Agadez?', 'combien de soldats americains au niger', 'Who is the US ambassador to Niger?', 'Quelle est la capitale du Tchad ?']) {
      const [a, b] = [await lance.ask(question), await files.ask(question)];
      expect(a.refusal?.reason, question).toBe(b.refusal?.reason);
      expect(a.quotes.map((q) => q.text), question).toEqual(b.quotes.map((q) => q.text));
    }
    expect((await lance.timeline()).length).toBe((await files.timeline()).length);
  });
});

/** Starts a LanceDB re-index in a child process and SIGKILLs it `delayMs` after it prints `marker`. */
function killDuring(marker: string, delayMs: number): Promise<string[]> {
  return killIndexChildDuring(workspace.corpusDir, workspace.dataDir, marker, delayMs, 0, 'lancedb');
}

describe('a LanceDB re-index killed with SIGKILL', () => {
  it.each([
    ['a little into writing', 'WRITING', 40],
    ['while indexing', 'WRITING', 250],
    ['just after the commit point', 'COMMITTED', 0],
  ])('%s leaves an index that opens and answers', async (_, marker, delayMs) => {
    workspace = makeWorkspace();
    await build();
    const before = (await LanceIndex.openCurrent(workspace.dataDir))!;
    before.close();
    addArticles(150);
    const markers = await killDuring(marker, delayMs);
    expect(markers).toContain(marker);
    // Killed holding the index's lock: the engine's re-index below takes it over once it is stale.
    expect(ageLockOfKilledWriter(workspace.dataDir)).toBe(true);

    const after = (await LanceIndex.openCurrent(workspace.dataDir))!;
    const documents = Object.keys(after.manifest.documents).length;
    if (markers.includes('COMMITTED')) expect(documents).toBe(155);
    else expect(after.generation).toBe(before.generation);
    after.close();

    const engine = await Engine.open({ ...workspace.config, store: 'lancedb' }, { embedder: { embedder: new HashEmbedder() } });
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    // A committed index answers at once; the corpus is compared with it in the background.
    await engine.refreshing;
    expect((await engine.ask('Que concerne le fait numéro 7-3 à Zorbaville ?')).refusal).toBeUndefined();
    await engine.close();
    const index = (await LanceIndex.openCurrent(workspace.dataDir))!;
    expect(Object.keys(index.manifest.documents)).toHaveLength(155);
    expect(index.chunkCount).toBe(Object.values(index.manifest.documents).reduce((sum, d) => sum + d.chunks, 0));
    index.close();
    expect(lancePaths(workspace.dataDir).pointer).toContain('lance');
  });
});

describe('two processes over one LanceDB index', () => {
  it('a reader answers while another process re-indexes, then follows its commit', async () => {
    workspace = makeWorkspace();
    const reader = await Engine.open({ ...workspace.config, store: 'lancedb' }, { embedder: { embedder: new HashEmbedder() } });
    const before = reader.searchIndex.generation;
    addArticles(60);
    let writing = true;
    const writer = killDuring('never printed: runs to the end', 0).finally(() => (writing = false));
    let answered = 0;
    while (writing) {
      expect((await reader.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
      answered++;
    }
    expect(await writer).toContain('DONE');
    expect(answered).toBeGreaterThan(0);
    expect((await reader.ask('Que concerne le fait numéro 7-3 à Zorbaville ?')).refusal).toBeUndefined();
    expect(reader.searchIndex.generation).not.toBe(before);
    expect(reader.articles).toHaveLength(65);
    await reader.close();
  });
});
