// What every fault test checks after its fault: the index opens, `index --check` passes, a known
// question gets its cited answer, and nothing is left behind (half generations, temp files, lock).
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { SearchIndex } from '../../src/index/search-index.js';
import type { makeWorkspace } from '../support/workspace.js';

export type Workspace = ReturnType<typeof makeWorkspace>;

export const KNOWN_QUESTION = 'When did US troops leave Agadez?';

/** The real CLI in this process (the faults themselves run it as child processes). */
export async function cli(workspace: Workspace, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: workspace.env, cwd: workspace.root });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `count` new articles, each with its own fact, so that every index run has work to do. */
export function addArticles(workspace: Workspace, tag: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const text = `La base ${tag}-${i} de Zorbaville a été fermée en mars. Les ${100 + i} soldats sont partis vers le nord, a dit le maire.`;
    writeFileSync(path.join(workspace.corpusDir, `extra-${tag}-${i}.md`), `---\ntitle: "Note ${tag}-${i}"\n---\n${text}\n`);
  }
}

/** The number of articles of the committed index; throws when it does not open. */
export async function indexedArticles(workspace: Workspace): Promise<number> {
  const index = await SearchIndex.openCurrent(workspace.dataDir);
  if (!index) throw new Error('no committed index');
  return Object.keys(index.manifest.documents).length;
}

/**
 * The index opens, `index` (the next writer, when `reindex`) brings it up to date, `index --check`
 * passes, the known question is answered with a citation, and the folder holds one generation,
 * no temporary file and no lock.
 */
export async function expectWholeAndAnswering(workspace: Workspace, options: { reindex: boolean }): Promise<void> {
  await indexedArticles(workspace);
  if (options.reindex) expect((await cli(workspace, 'index')).code).toBe(0);
  const check = await cli(workspace, 'index', '--check');
  expect(check.out).toMatch(/^The index matches the corpus/);
  expect(check.code).toBe(0);
  const ask = await cli(workspace, 'ask', '--json', KNOWN_QUESTION);
  const answer = JSON.parse(ask.out) as { abstained: boolean; citations: { quote: string; title: string }[] };
  expect(answer.abstained).toBe(false);
  expect(answer.citations.length).toBeGreaterThan(0);
  const entries = readdirSync(workspace.dataDir);
  expect(entries.filter((e) => e.startsWith('gen-'))).toHaveLength(1);
  expect(entries.filter((e) => e.endsWith('.tmp') || e === 'index.lock')).toEqual([]);
}

/** Output a person would read on a pipe: no stack traces, no colour codes. */
export function expectCleanOutput(text: string): void {
  expect(text).not.toMatch(/Internal error|\n\s+at /);
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/\u001b\[/);
}

/** One line of figures for the README, printed by each fault test. */
export function report(name: string, figures: Record<string, number | string>): void {
  process.stdout.write(`FAULTS ${name}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
}
