import { defineCommand } from 'citty';
import { describeReport, openEngine } from '../engine.js';
import { checkIndex } from '../../index/check.js';
import { LARGE_CORPUS_ARTICLES } from '../../index/open.js';
import { loadCorpus } from '../../ingest/corpus.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const args = {
  check: { type: 'boolean', description: 'Only verify the index against the corpus; exit 1 if they differ' },
} as const;

export function indexCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'index', description: 'Index new and changed articles of the corpus (incremental, crash-safe).' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      if (parsed.check) {
        // Reads only: no model, no index build. Exit code 1 when the index and the corpus differ.
        const corpus = await loadCorpus(ctx.config.corpusDir);
        for (const problem of corpus.problems) ctx.err(`Warning: skipped ${problem.path}: ${problem.reason}`);
        const check = await checkIndex(ctx.config.dataDir, corpus);
        if (check.ok) ctx.out(`The index matches the corpus: ${check.articles} articles, ${check.chunks} chunks.`);
        else ctx.out(`The index differs from the corpus:\n${check.problems.map((p) => `- ${p}`).join('\n')}\nRun npm run index to bring it up to date.`);
        ctx.exitCode = check.ok ? 0 : 1;
        return;
      }
      // Vectors are built here: an embeddings server that is configured but down is an error, not keyword mode.
      const engine = await openEngine(ctx, { requireModel: true });
      const report = engine.openingReport ?? (await engine.refreshing) ?? (await engine.reindex());
      ctx.out(describeReport(report));
      ctx.out(`Mode: ${engine.mode === 'hybrid' ? 'hybrid (keywords + embeddings)' : 'keyword-only'}.`);
      if (ctx.config.store === 'default' && engine.articles.length > LARGE_CORPUS_ARTICLES) {
        ctx.out(`This corpus has ${engine.articles.length} articles: past ${LARGE_CORPUS_ARTICLES} the default store slows down. Set DOSSIER_STORE=lancedb (README, "Large corpora"); the next run builds that store.`);
      }
    },
  });
}
