// `index` killed with SIGKILL at random moments (seeded: FAULT_SEED), from its start to its end,
// and aimed at the write and the swap of CURRENT. With the small test model, so that embedding and
// the vector files are part of what is killed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess, seededRandom } from '../support/processes.js';
import { FIXTURE_MODELS, makeWorkspace } from '../support/workspace.js';
import { addArticles, expectCleanOutput, expectWholeAndAnswering, indexedArticles, report, type Workspace } from './recovery.js';

const SEED = Number(process.env.FAULT_SEED ?? 20261125);
const RANDOM_TRIES = 20;
const AIMED_TRIES = 10;
const NEW_PER_TRY = 60;
const WRITING = /writing the index/;

const MODEL_ENV = { DOSSIER_EMBEDDINGS: 'true', DOSSIER_MODEL: 'dossier-test/tiny-embedder', DOSSIER_MODEL_DIR: FIXTURE_MODELS, DOSSIER_ALLOW_REMOTE_MODELS: 'false' };

/** One try: new work, a kill, then: the index is the old one or the new one, whole, and recovers. */
async function killTry(workspace: Workspace, tag: string, kill: { afterMs?: number; afterWritingMs?: number }) {
  addArticles(workspace, tag, NEW_PER_TRY);
  // An update too, not only additions.
  writeFileSync(path.join(workspace.corpusDir, 'extra-calibrate-0.md'), `---\ntitle: "Note revue ${tag}"\n---\nLa base revue ${tag} de Zorbaville a rouvert.\n`);
  const before = await indexedArticles(workspace);
  const result = await cliProcess(['index'], workspace.env, { killAfterMs: kill.afterMs, mark: WRITING, killAfterMarkMs: kill.afterWritingMs });
  const after = await indexedArticles(workspace);
  // Either the old generation or the new one: never a mix, never none.
  expect([before, before + NEW_PER_TRY]).toContain(after);
  if (result.signal !== 'SIGKILL') {
    expect(result.code).toBe(0);
    expectCleanOutput(result.out + result.err);
  }
  await expectWholeAndAnswering(workspace, { reindex: true });
  if (result.signal !== 'SIGKILL') return 'finished before the kill';
  return after === before ? 'killed before the commit' : 'killed after the commit';
}

describe('index killed with SIGKILL', () => {
  it(`at ${RANDOM_TRIES} random moments, then ${AIMED_TRIES} aimed at the write and the swap: the index stays whole and answers`, async () => {
    const workspace = makeWorkspace({ env: MODEL_ENV });
    const random = seededRandom(SEED);
    // A run to time: how long an index run of one try's work takes, and when it starts writing.
    addArticles(workspace, 'calibrate', NEW_PER_TRY);
    const timed = await cliProcess(['index'], workspace.env, { mark: WRITING });
    expect(timed.code).toBe(0);
    expect(timed.markedAtMs).toBeDefined();
    const outcomes: Record<string, number> = {};
    const tally = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
    for (let i = 0; i < RANDOM_TRIES; i++) tally(await killTry(workspace, `k${i}`, { afterMs: Math.round(random() * timed.durationMs) }));
    const writeSpan = timed.durationMs - timed.markedAtMs! + 100;
    for (let i = 0; i < AIMED_TRIES; i++) tally(await killTry(workspace, `w${i}`, { afterWritingMs: Math.round(random() * writeSpan) }));
    report('SIGKILL during index', { seed: SEED, tries: RANDOM_TRIES + AIMED_TRIES, failures: 0, 'run-ms': Math.round(timed.durationMs), ...Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k.replaceAll(' ', '-'), v])) });
    workspace.cleanup();
  });
});
