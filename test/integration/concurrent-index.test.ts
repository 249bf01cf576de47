import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Engine } from '../../src/engine.js';
import { SearchIndex } from '../../src/index/search-index.js';
import { cliProcess } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';

describe('several index runs at once', () => {
  it('three concurrent runs all succeed, one at a time, and leave one whole index that answers', async () => {
    const workspace = makeWorkspace();
    // Enough articles that the builds overlap in time: without the lock each would build, and delete the others' work.
    for (let i = 0; i < 1500; i++) {
      writeFileSync(path.join(workspace.corpusDir, `extra-${i}.md`), `---\ntitle: "Note ${i}"\n---\nLa base numéro ${i} de Zorbaville a été fermée en mars. Les soldats sont partis.\n`);
    }
    const runs = await Promise.all([cliProcess(['index'], workspace.env), cliProcess(['index'], workspace.env), cliProcess(['index'], workspace.env)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    // Output to a pipe (a cron job's log) is plain text: no colour codes, no stack traces.
    // eslint-disable-next-line no-control-regex
    for (const run of runs) expect(run.out + run.err).not.toMatch(/\u001b\[|Internal error/);
    // One of them built the index; the others waited for the lock and found it up to date.
    expect(runs.filter((r) => /Index updated/.test(r.out))).toHaveLength(1);
    expect(readdirSync(workspace.dataDir).filter((e) => e.startsWith('gen-'))).toHaveLength(1);
    const check: string[] = [];
    expect(await runCli(['index', '--check'], { out: (t) => check.push(t), err: () => {}, env: workspace.env, cwd: workspace.root })).toBe(0);
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    workspace.cleanup();
  }, 60_000);

  it('a running engine answers from a generation another process committed', async () => {
    const workspace = makeWorkspace();
    const engine = await Engine.open(workspace.config, { embedder: { embedder: null, unavailable: 'test' } });
    const before = engine.searchIndex.generation;
    writeFileSync(path.join(workspace.corpusDir, 'zorba.md'), '---\ntitle: "Zorbaville"\n---\nLa garnison de Zorbaville compte 4321 hommes depuis janvier.\n');
    expect((await cliProcess(['index'], workspace.env)).code).toBe(0);
    const result = await engine.ask('Combien d’hommes compte la garnison de Zorbaville ?');
    expect(engine.searchIndex.generation).not.toBe(before);
    expect(result.quotes[0]?.text).toContain('4321');
    expect(await SearchIndex.openCurrent(workspace.dataDir)).not.toBeNull();
    workspace.cleanup();
  }, 60_000);
});
