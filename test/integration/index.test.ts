import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Engine } from '../../src/engine.js';
import { loadCorpus } from '../../src/ingest/corpus.js';
import { buildIndex } from '../../src/index/build.js';
import { SearchIndex } from '../../src/index/search-index.js';
import { currentGeneration, IndexCorruptError } from '../../src/index/store.js';
import { HashEmbedder } from '../support/hash-embedder.js';
import { readOnlyMount, unmount } from '../support/mounts.js';
import { makeWorkspace } from '../support/workspace.js';

const AFP = '2024-07-retrait-soldats-americains-afp.md';
let workspace: ReturnType<typeof makeWorkspace>;
afterEach(() => workspace?.cleanup());

async function build(embedder: HashEmbedder | null) {
  return buildIndex({ dataDir: workspace.dataDir, corpus: await loadCorpus(workspace.corpusDir), embedder });
}

describe('buildIndex with a real vectra index on disk', () => {
  it('indexes the corpus: chunks, keyword index, vectors and manifest', async () => {
    workspace = makeWorkspace();
    const embedder = new HashEmbedder();
    const report = await build(embedder);
    expect(report).toMatchObject({ added: expect.arrayContaining([AFP]), updated: [], removed: [], rebuilt: true, written: true });
    expect(report.added).toHaveLength(5);
    const paths = (await currentGeneration(workspace.dataDir))!;
    expect(existsSync(path.join(paths.vectors, 'index.json'))).toBe(true);
    const index = (await SearchIndex.openCurrent(workspace.dataDir))!;
    expect(index.manifest.model).toEqual({ backend: 'test', id: 'test/hash-embedder', dimensions: 64 });
    expect(await index.vectors!.count()).toBe(index.chunks.size);
    expect(embedder.passagesEmbedded).toBe(index.chunks.size);
    for (const chunk of index.chunks.values()) {
      expect(index.articles.get(chunk.docId)!.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it('re-embeds only what changed and drops deleted articles', async () => {
    workspace = makeWorkspace();
    await build(new HashEmbedder());
    const afpChunks = (await SearchIndex.openCurrent(workspace.dataDir))!.manifest.documents[AFP]!.chunks;

    const second = new HashEmbedder();
    const unchanged = await build(second);
    expect(unchanged).toMatchObject({ written: false, unchanged: 5 });
    expect(second.passagesEmbedded).toBe(0);

    const afpPath = path.join(workspace.corpusDir, AFP);
    writeFileSync(afpPath, `${readFileSync(afpPath, 'utf8')}\nUn paragraphe ajouté sur la base de drones d’Agadez et son avenir proche.\n`);
    rmSync(path.join(workspace.corpusDir, '2024-niger-rompt-lien-etats-unis-doingbuzz.md'));
    writeFileSync(path.join(workspace.corpusDir, 'nouveau.txt'), 'Un nouvel article\nLes derniers soldats américains ont quitté Agadez le 5 août 2024.\n');
    const third = new HashEmbedder();
    const report = await build(third);
    expect(report).toMatchObject({ added: ['nouveau.txt'], updated: [AFP], removed: ['2024-niger-rompt-lien-etats-unis-doingbuzz.md'], unchanged: 3, rebuilt: false });
    const index = (await SearchIndex.openCurrent(workspace.dataDir))!;
    expect(third.passagesEmbedded).toBe(index.manifest.documents[AFP]!.chunks + 1);
    expect(index.manifest.documents[AFP]!.chunks).toBeGreaterThanOrEqual(afpChunks);
    expect(await index.vectors!.count()).toBe(index.chunks.size);
    expect([...index.articles.keys()]).not.toContain('2024-niger-rompt-lien-etats-unis-doingbuzz.md');
  });

  it('rebuilds instead of mixing vectors of two models, and leaves one generation on disk', async () => {
    workspace = makeWorkspace();
    await build(new HashEmbedder('test/model-a'));
    const other = new HashEmbedder('test/model-b');
    const report = await build(other);
    expect(report).toMatchObject({ rebuilt: true, written: true, unchanged: 0 });
    const index = (await SearchIndex.openCurrent(workspace.dataDir))!;
    expect(other.passagesEmbedded).toBe(index.chunks.size);
    expect(index.manifest.model!.id).toBe('test/model-b');
    expect(readdirSync(workspace.dataDir).filter((entry) => entry.startsWith('gen-'))).toHaveLength(1);
  });

  it('reports a malformed article with its path and indexes the rest', async () => {
    workspace = makeWorkspace();
    writeFileSync(path.join(workspace.corpusDir, 'broken.md'), '---\ntitle: [oops\n---\ntext');
    const report = await build(null);
    expect(report.problems).toEqual([{ path: path.join(workspace.corpusDir, 'broken.md'), id: 'broken.md', reason: expect.stringMatching(/YAML/) }]);
    expect(report.added).toHaveLength(5);
  });
});

describe('Engine.reindex', () => {
  it('runs one at a time: a second call waits for the first and finds nothing left to do', async () => {
    workspace = makeWorkspace();
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
    writeFileSync(path.join(workspace.corpusDir, 'nouveau.txt'), 'Un nouvel article\nLes derniers soldats américains ont quitté Agadez le 5 août 2024.\n');
    const first = engine.reindex();
    const second = engine.reindex();
    expect(engine.isReindexing).toBe(true);
    expect(await first).toMatchObject({ added: ['nouveau.txt'], written: true });
    expect(await second).toMatchObject({ added: [], written: false });
    expect(engine.isReindexing).toBe(false);
  });
});

describe('a restart', () => {
  const noModel = { embedder: { embedder: null, unavailable: 'test' } } as const;

  it('opens the index as it is when no file changed, and indexes what changed while the bot was stopped', async () => {
    workspace = makeWorkspace();
    const first = await Engine.open(workspace.config, noModel);
    const generation = first.searchIndex.generation;
    await first.close();
    const unchanged = await Engine.open(workspace.config, noModel);
    expect(unchanged.openingReport).toBeUndefined();
    expect(unchanged.searchIndex.generation).toBe(generation);
    await unchanged.close();

    const edited = path.join(workspace.corpusDir, AFP);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nUne phrase ajoutée après coup.\n`);
    writeFileSync(path.join(workspace.corpusDir, 'nouveau.txt'), 'Un nouvel article\nLes derniers soldats américains ont quitté Agadez le 5 août 2024.\n');
    const removed = readdirSync(workspace.corpusDir).find((name) => name.endsWith('.md') && name !== AFP && name !== 'README.md')!;
    rmSync(path.join(workspace.corpusDir, removed));
    const restarted = await Engine.open(workspace.config, noModel);
    expect(restarted.openingReport).toMatchObject({ added: ['nouveau.txt'], updated: [AFP], removed: [removed], written: true });
    await restarted.close();
  });
});

describe('a damaged index', () => {
  it.each([
    ['CURRENT cut short', (dir: string) => writeFileSync(path.join(dir, 'CURRENT'), '{"generat')],
    ['manifest truncated', (dir: string, gen: string) => truncateSync(path.join(dir, gen, 'manifest.json'), 20)],
    ['chunks.json missing', (dir: string, gen: string) => rmSync(path.join(dir, gen, 'chunks.json'))],
    ['keyword index garbled', (dir: string, gen: string) => writeFileSync(path.join(dir, gen, 'keyword.json'), '{"nope": true}')],
  ])('%s: detected on open, rebuilt with a warning by the engine', async (_, damage) => {
    workspace = makeWorkspace();
    await build(null);
    const generation = path.basename((await currentGeneration(workspace.dataDir))!.dir);
    damage(workspace.dataDir, generation);
    await expect(SearchIndex.openCurrent(workspace.dataDir)).rejects.toThrow(IndexCorruptError);

    const warnings: string[] = [];
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' }, log: { info: () => {}, warn: (m) => warnings.push(m) } });
    expect(warnings.some((w) => /damaged|unusable/.test(w))).toBe(true);
    const answer = await engine.ask('When did US troops leave Agadez?');
    expect(answer.refusal).toBeUndefined();
    expect(await SearchIndex.openCurrent(workspace.dataDir)).not.toBeNull();
  });

  it('a vector index that disagrees with the chunks is refused', async () => {
    workspace = makeWorkspace();
    await build(new HashEmbedder());
    const paths = (await currentGeneration(workspace.dataDir))!;
    const file = path.join(paths.vectors, 'index.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.items.pop();
    writeFileSync(file, JSON.stringify(data));
    await expect(SearchIndex.openCurrent(workspace.dataDir)).rejects.toThrow(/vector index and chunks disagree/);
  });
});

describe('bad input', () => {
  it('empty and tag-less HTML files are reported and skipped; the rest index', async () => {
    const workspace = makeWorkspace();
    writeFileSync(path.join(workspace.corpusDir, 'empty.html'), '');
    writeFileSync(path.join(workspace.corpusDir, 'tagless.html'), 'just some words without any tags at all');
    writeFileSync(path.join(workspace.corpusDir, 'bare.html'), '<html><body></body></html>');
    const corpus = await loadCorpus(workspace.corpusDir);
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.problems.map((p) => path.basename(p.path)).sort()).toEqual(['bare.html', 'empty.html', 'tagless.html']);
    workspace.cleanup();
  });

  it('a symbolic link with an article name is reported as not followed, dangling or not, and skipped', async () => {
    const workspace = makeWorkspace();
    const outside = path.join(workspace.root, 'outside.md');
    writeFileSync(outside, '---\ntitle: Outside\n---\nUn article rangé hors du dossier du corpus.\n');
    symlinkSync(outside, path.join(workspace.corpusDir, 'linked.md'));
    symlinkSync(path.join(workspace.root, 'gone.md'), path.join(workspace.corpusDir, 'dangling.md'));
    const corpus = await loadCorpus(workspace.corpusDir);
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.problems.map((p) => [path.basename(p.path), p.reason])).toEqual([
      ['dangling.md', expect.stringMatching(/symbolic link, not followed/)],
      ['linked.md', expect.stringMatching(/symbolic link, not followed/)],
    ]);
    workspace.cleanup();
  });

  it('an indexed article whose file breaks keeps its indexed version; it leaves only when its file is gone', async () => {
    const workspace = makeWorkspace();
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
    const file = path.join(workspace.corpusDir, '2024-07-retrait-soldats-americains-afp.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').replace('title:', 'title: [unclosed')}`); // a typo in the front matter
    const report = await engine.reindex();
    expect(report.keptPrevious).toEqual(['2024-07-retrait-soldats-americains-afp.md']);
    expect(report.removed).toEqual([]);
    expect((await engine.ask('When did US troops leave Agadez?')).sources[0]?.docId).toBe('2024-07-retrait-soldats-americains-afp.md');
    const check: string[] = [];
    expect(await runCli(['index', '--check'], { out: (t) => check.push(t), err: () => {}, env: workspace.env, cwd: workspace.root })).toBe(0);
    rmSync(file);
    expect((await engine.reindex()).removed).toEqual(['2024-07-retrait-soldats-americains-afp.md']);
    workspace.cleanup();
  });

  it('a missing corpus folder is an error naming it, and the index stays as it was', async () => {
    const workspace = makeWorkspace();
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
    const before = engine.searchIndex.manifest;
    rmSync(workspace.corpusDir, { recursive: true });
    await expect(engine.reindex()).rejects.toMatchObject({ code: 'corpus-missing', message: expect.stringContaining(workspace.corpusDir) });
    expect((await SearchIndex.openCurrent(workspace.dataDir))!.manifest).toEqual(before);
    workspace.cleanup();
  });
});

describe('a read-only index folder', () => {
  const readOnly = makeWorkspace();
  let mountPoint: string | null = null;
  beforeAll(async () => {
    await Engine.open(readOnly.config, { embedder: { embedder: null, unavailable: 'test' } }); // builds the index
    mountPoint = readOnlyMount(readOnly.dataDir);
  });
  afterAll(() => {
    if (mountPoint) unmount(mountPoint);
    readOnly.cleanup();
  });

  it('still answers, with a warning that it cannot be updated', async (ctx) => {
    if (!mountPoint) ctx.skip(); // no permission to mount here
    writeFileSync(path.join(readOnly.corpusDir, 'new.md'), '---\ntitle: Nouveau\n---\nUn article de plus, que l’index ne peut pas recevoir.\n');
    const warnings: string[] = [];
    const engine = await Engine.open({ ...readOnly.config, dataDir: mountPoint! }, { embedder: { embedder: null, unavailable: 'test' }, log: { info: () => {}, warn: (m) => warnings.push(m) } });
    expect(warnings.join('\n')).toMatch(/cannot be updated \(EROFS\)/);
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
  });
});
