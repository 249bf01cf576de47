import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { corpusNames, namesFile } from '../../src/index/names.js';
import { openCurrentIndex } from '../../src/index/open.js';
import { indexTerms } from '../../src/text/analysis.js';
import { makeWorkspace } from '../support/workspace.js';

// The corpus's names are read from every article once per index (by the build that wrote it), then
// kept beside it: a bot swapping to it or restarting reads them back instead of reading the corpus again.
const workspace = makeWorkspace();
const AGADEZ = indexTerms('Agadez', 'fr')[0]!;
let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
});
afterAll(() => workspace.cleanup());

describe('the corpus names, kept beside the index', () => {
  it('are saved by the build for the generation it commits, and read back on the next open', async () => {
    const index = (await openCurrentIndex('default', workspace.dataDir))!;
    const file = namesFile(workspace.dataDir, index.generation);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toContain(AGADEZ);
    // What is on disk is what a new reader gets: it does not read the articles again.
    writeFileSync(file, JSON.stringify(['zzzmarker']));
    const reopened = (await openCurrentIndex('default', workspace.dataDir))!;
    expect([...(await corpusNames(reopened, workspace.dataDir))]).toEqual(['zzzmarker']);
  });

  it('are read from the articles again when the saved file is damaged; only the current generation is kept', async () => {
    const index = (await openCurrentIndex('default', workspace.dataDir))!;
    const file = namesFile(workspace.dataDir, index.generation);
    writeFileSync(file, '{"not": "a list"');
    writeFileSync(path.join(path.dirname(file), 'gen-older.v1.json'), '[]');
    expect((await corpusNames(index, workspace.dataDir)).has(AGADEZ)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('a process still on an older generation neither replaces nor prunes the newer one\'s names', async () => {
    const older = (await openCurrentIndex('default', workspace.dataDir))!;
    const olderFile = namesFile(workspace.dataDir, older.generation);
    writeFileSync(path.join(workspace.corpusDir, 'zorbaville.md'), '---\ntitle: Zorbaville\n---\nLe conseil municipal de Zorbaville a voté son budget.\n');
    await engine.reindex();
    const newer = (await openCurrentIndex('default', workspace.dataDir))!;
    expect(newer.generation).not.toBe(older.generation);
    const newerFile = namesFile(workspace.dataDir, newer.generation);
    expect(existsSync(newerFile)).toBe(true);
    // The older index's names, never saved (or lost), read again by a process that has not followed yet.
    await corpusNames(older, workspace.dataDir);
    expect(existsSync(newerFile)).toBe(true);
    expect(existsSync(olderFile)).toBe(false);
  });
});
