// The build worker yields the CPU to the answering thread: on Linux its thread runs at a higher nice
// value (off-thread.ts, build-worker.ts), and this thread's priority is left as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_NICE, BuildWorker } from '../../src/index/off-thread.js';
import { makeWorkspace } from '../support/workspace.js';

// Each thread of this process with its nice value (field 19 of /proc/<pid>/task/<tid>/stat).
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    nice.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return nice;
}

let workspace: ReturnType<typeof makeWorkspace>;
let worker: BuildWorker | undefined;
afterEach(async () => {
  await worker?.close();
  workspace?.cleanup();
});

describe.skipIf(process.platform !== 'linux')('the build worker', () => {
  it.each(['default', 'lancedb'] as const)('runs below this thread’s priority while it builds (%s store)', async (store) => {
    workspace = makeWorkspace();
    const before = niceByThread();
    const during: Map<number, number>[] = [];
    worker = new BuildWorker();
    const report = await worker.build({ dataDir: workspace.dataDir, corpusDir: workspace.corpusDir, store, embedder: null, onProgress: () => during.push(niceByThread()) });
    expect(report.written).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    const seen = during.at(-1)!;
    expect(seen.get(process.pid)).toBe(before.get(process.pid)); // this (the answering) thread
    const lowered = [...seen].filter(([tid, nice]) => !before.has(tid) && nice >= BUILD_NICE);
    expect(lowered.length).toBeGreaterThan(0); // the worker's thread
    // Threads that were there before the worker (LanceDB's, V8's, libuv's) keep their priority.
    for (const [tid, nice] of before) if (seen.has(tid)) expect(seen.get(tid)).toBe(nice);
  });
});
