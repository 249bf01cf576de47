import { defineCommand } from 'citty';
import { UserError } from '../../errors.js';
import { addArticleFromUrl, type AddedFromUrl } from '../../ingest/fetch-article.js';
import { pollFeeds, type FeedReport } from '../../ingest/feeds.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const args = {
  url: { type: 'positional', required: false, description: 'The article page: an http(s) link' },
  feeds: { type: 'boolean', description: 'Instead of a link: poll the DOSSIER_FEEDS feeds once and add their new items' },
} as const;

export function addCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'add', description: 'Fetch an article page by its link (or the feeds\u2019 new items), add it to the corpus and index it.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const links = parsed._.map(String).filter((a) => a.trim());
      if (parsed.feeds) {
        if (links.length) throw new UserError('bad-usage', 'Give either a link or --feeds, not both.');
        if (!ctx.config.feeds.urls.length) throw new UserError('bad-usage', 'No feeds to poll: set DOSSIER_FEEDS (see .env.example).');
        const reports = await pollFeeds({ feeds: ctx.config.feeds.urls, statePath: ctx.config.feeds.statePath, corpusDir: ctx.config.corpusDir, policy: ctx.config.fetch });
        const added = reports.flatMap((r) => r.added);
        const chunks = added.length ? await index(ctx) : undefined;
        for (const report of reports) ctx.out(describeFeed(report, chunks));
        return;
      }
      if (links.length !== 1) throw new UserError('bad-usage', 'Give one link, e.g.: npm run add -- https://example.org/news/article.html (or --feeds).');
      // Fetched and checked before any index work: a refused page changes nothing.
      const added = await addArticleFromUrl(ctx.config.corpusDir, links[0]!, ctx.config.fetch);
      const chunks = await index(ctx);
      ctx.out(describeAdded(added, chunks(added.article.id)));
      if (added.article.url) ctx.out(`Link: ${added.article.url}`);
    },
  });
}

/** Indexes the corpus as it now is; returns how to count an article's chunks in the new index. */
async function index(ctx: CliContext): Promise<(id: string) => number | undefined> {
  const engine = await openEngine(ctx);
  if (!engine.openingReport) await engine.reindex();
  return (id) => engine.chunkCount(id);
}

function describeAdded({ article, author, words }: AddedFromUrl, chunks: number | undefined): string {
  const details = [article.source, author && `by ${author}`, article.published, `${words} words`].filter(Boolean).join(', ');
  return `Added “${article.title}” (${details}) as ${article.id}${chunks === undefined ? '' : `: ${chunks} chunk${chunks === 1 ? '' : 's'} indexed`}.`;
}

function describeFeed(report: FeedReport, chunks: ((id: string) => number | undefined) | undefined): string {
  if (report.status === 'failed') return `Feed ${report.feed}: not read: ${report.error}`;
  if (report.status === 'unchanged') return `Feed ${report.feed}: unchanged since the last poll.`;
  const lines = [`Feed ${report.feed}: ${report.added.length} added, ${report.skipped.length} skipped.`];
  for (const added of report.added) lines.push(`  ${describeAdded(added, chunks?.(added.article.id))}`);
  for (const skipped of report.skipped) lines.push(`  Skipped ${skipped.url}: ${skipped.reason}`);
  return lines.join('\n');
}
