import { defineCommand } from 'citty';
import { describeReport, openEngine } from '../engine.js';
import type { CliContext } from '../io.js';

export function indexCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'index', description: 'Index new and changed articles of the corpus (incremental, crash-safe).' },
    async run() {
      const engine = await openEngine(ctx);
      const report = engine.openingReport ?? (await engine.reindex());
      ctx.out(describeReport(report));
      ctx.out(`Mode: ${engine.mode === 'hybrid' ? 'hybrid (keywords + embeddings)' : 'keyword-only'}.`);
    },
  });
}
