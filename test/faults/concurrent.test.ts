// Several `index` processes at once (a cron job and a person, the bot's watcher and the CLI),
// repeated: each round brings new articles, so one run writes while the others wait their turn.
import { describe, expect, it } from 'vitest';
import { cliProcess } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';
import { addArticles, expectCleanOutput, expectWholeAndAnswering, indexedArticles, report } from './recovery.js';

const ROUNDS = 20;

describe.each([2, 3])('%i concurrent index runs', (runners) => {
  it(`${ROUNDS} times: all succeed, one writes, the others wait, and the index stays whole and answering`, async () => {
    const workspace = makeWorkspace();
    let runs = 0;
    let waited = 0;
    for (let round = 0; round < ROUNDS; round++) {
      addArticles(workspace, `r${round}`, 40);
      const results = await Promise.all(Array.from({ length: runners }, () => cliProcess(['index'], workspace.env)));
      runs += results.length;
      for (const result of results) expectCleanOutput(result.out + result.err);
      expect(results.map((r) => r.code)).toEqual(Array(runners).fill(0));
      expect(results.filter((r) => /^Index updated/m.test(r.out))).toHaveLength(1);
      waited += results.filter((r) => /waiting for it to finish/.test(r.err)).length;
      expect(await indexedArticles(workspace)).toBe(5 + 40 * (round + 1));
      await expectWholeAndAnswering(workspace, { reindex: false });
    }
    report(`${runners} concurrent index runs`, { rounds: ROUNDS, processes: runs, failures: 0, 'saw-the-lock-and-waited': waited });
    workspace.cleanup();
  }, 900_000);
});
