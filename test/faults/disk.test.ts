// Faults of the disk under the index: a read-only folder (a read-only bind mount: root ignores
// permissions, so chmod would prove nothing here) and a full disk (a tiny tmpfs). Both need the
// right to mount; without it the test says it was skipped.
import { readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOnlyMount, tinyDisk, unmount } from '../support/mounts.js';
import { cliProcess } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';
import { addArticles, expectCleanOutput, expectWholeAndAnswering, indexedArticles, KNOWN_QUESTION, report } from './recovery.js';

function expectCitedAnswer(run: { code: number | null; out: string }) {
  expect(run.code).toBe(0);
  const answer = JSON.parse(run.out) as { abstained: boolean; citations: unknown[] };
  expect(answer.abstained).toBe(false);
  expect(answer.citations.length).toBeGreaterThan(0);
}

describe('a read-only index folder', () => {
  it('checks and answers, warns that it cannot be updated, and index refuses in one line', async (ctx) => {
    const workspace = makeWorkspace();
    expect((await cliProcess(['index'], workspace.env)).code).toBe(0);
    const mountPoint = readOnlyMount(workspace.dataDir);
    if (!mountPoint) ctx.skip();
    try {
      const env = { ...workspace.env, DOSSIER_DATA_DIR: mountPoint! };
      expect((await cliProcess(['index', '--check'], env)).code).toBe(0);
      expectCitedAnswer(await cliProcess(['ask', '--json', KNOWN_QUESTION], env));
      addArticles(workspace, 'ro', 3); // the index is now behind the corpus, and cannot catch up
      const ask = await cliProcess(['ask', '--json', KNOWN_QUESTION], env);
      expectCitedAnswer(ask);
      expect(ask.err).toMatch(/cannot be updated \(EROFS\): answering from it as it is/);
      const index = await cliProcess(['index'], env);
      expectCleanOutput(index.out + index.err);
      expect(index.code).toBe(2);
      expect(index.err).toMatch(new RegExp(`Error: The index folder ${mountPoint!} cannot be written \\(EROFS\\)`));
    } finally {
      unmount(mountPoint!);
    }
    await expectWholeAndAnswering(workspace, { reindex: true });
    report('read-only index folder (read-only bind mount)', { 'cli-runs': 5, failures: 0 });
    workspace.cleanup();
  });
});

describe('a full disk', () => {
  it('index fails in one line leaving the previous index whole and no half files; ask answers; after space is freed, index catches up', async (ctx) => {
    const workspace = makeWorkspace();
    const disk = path.join(workspace.root, 'disk');
    if (!tinyDisk(disk, '1m')) ctx.skip();
    try {
      const env = { ...workspace.env, DOSSIER_DATA_DIR: path.join(disk, 'embeddings') };
      const onDisk = { ...workspace, env, dataDir: env.DOSSIER_DATA_DIR };
      expect((await cliProcess(['index'], env)).code).toBe(0);
      addArticles(workspace, 'full', 400);
      // Fill the disk but for 64 KiB: far less than the new index needs.
      const { bavail, bsize } = statfsSync(disk);
      const filler = path.join(disk, 'filler');
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 64 * 1024)));

      const index = await cliProcess(['index'], env);
      expectCleanOutput(index.out + index.err);
      expect(index.code).toBe(2);
      expect(index.err).toMatch(/Error: No space left on the disk holding .* \(ENOSPC\): the index was not updated; the previous one is kept/);
      expect(await indexedArticles(onDisk)).toBe(5);
      expect(readdirSync(onDisk.dataDir).filter((e) => e !== 'CURRENT' && !e.startsWith('gen-'))).toEqual([]);
      expect(readdirSync(onDisk.dataDir).filter((e) => e.startsWith('gen-'))).toHaveLength(1);

      const ask = await cliProcess(['ask', '--json', KNOWN_QUESTION], env);
      expectCitedAnswer(ask);
      expect(ask.err).toMatch(/cannot be updated \(ENOSPC\)/);

      rmSync(filler);
      await expectWholeAndAnswering(onDisk, { reindex: true });
      expect(await indexedArticles(onDisk)).toBe(405);
    } finally {
      unmount(disk);
    }
    report('full disk (1 MiB tmpfs)', { 'cli-runs': 6, failures: 0 });
    workspace.cleanup();
  });
});
