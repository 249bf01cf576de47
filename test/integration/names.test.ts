import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { corpusNames } from '../../src/index/names.js';
import { openCurrentIndex } from '../../src/index/open.js';
import { indexTerms } from '../../src/text/analysis.js';
import { makeWorkspace } from '../support/workspace.js';

// The corpus's names are read from every article once per index, then kept beside it: a restarted
// bot reads them back instead of reading a large corpus again.
const workspace = makeWorkspace();
const AGADEZ = indexTerms('Agadez', 'fr')[0]!;
beforeAll(async () => {
  const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
  await engine.ask('When did US troops leave Agadez?');
});
afterAll(() => workspace.cleanup());

describe('the corpus names, kept beside the index', () => {
  it('are saved for the current generation after the first question, and read back on the next open', async () => {
    const index = (await openCurrentIndex('default', workspace.dataDir))!;
    const file = path.join(workspace.dataDir, 'names', `${index.generation}.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toContain(AGADEZ);
    // What is on disk is what a new reader gets: it does not read the articles again.
    writeFileSync(file, JSON.stringify(['zzzmarker']));
    const reopened = (await openCurrentIndex('default', workspace.dataDir))!;
    expect([...(await corpusNames(reopened, workspace.dataDir))]).toEqual(['zzzmarker']);
  });

  it('are read from the articles again when the saved file is damaged, and only the current generation is kept', async () => {
    const index = (await openCurrentIndex('default', workspace.dataDir))!;
    const folder = path.join(workspace.dataDir, 'names');
    writeFileSync(path.join(folder, `${index.generation}.json`), '{"not": "a list"');
    writeFileSync(path.join(folder, 'gen-older.json'), '[]');
    const names = await corpusNames(index, workspace.dataDir);
    expect(names.has(AGADEZ)).toBe(true);
    expect(readdirSync(folder)).toEqual([`${index.generation}.json`]);
    expect(existsSync(path.join(folder, 'gen-older.json'))).toBe(false);
  });
});
