import { defineCommand } from 'citty';
import { UserError } from '../../errors.js';
import { addArticleFromUrl } from '../../ingest/fetch-article.js';
import { openEngine } from '../engine.js';
import { rejectUnknownOptions, type CliContext } from '../io.js';

const args = {
  url: { type: 'positional', required: false, description: 'The article page: an http(s) link' },
} as const;

export function addCommand(ctx: CliContext) {
  return defineCommand({
    meta: { name: 'add', description: 'Fetch an article page by its link, add it to the corpus and index it.' },
    args,
    async run({ args: parsed, rawArgs }) {
      rejectUnknownOptions(rawArgs, args);
      const links = parsed._.map(String).filter((a) => a.trim());
      if (links.length !== 1) throw new UserError('bad-usage', 'Give one link, e.g.: npm run add -- https://example.org/news/article.html');
      // Fetched and checked before any index work: a refused page changes nothing.
      const { article, author, words } = await addArticleFromUrl(ctx.config.corpusDir, links[0]!, ctx.config.fetch);
      const engine = await openEngine(ctx);
      if (!engine.openingReport) await engine.reindex();
      const chunks = engine.chunkCount(article.id);
      const details = [article.source, author && `by ${author}`, article.published, `${words} words`].filter(Boolean).join(', ');
      ctx.out(`Added “${article.title}” (${details}) as ${article.id}${chunks === undefined ? '' : `: ${chunks} chunk${chunks === 1 ? '' : 's'} indexed`}.`);
      if (article.url) ctx.out(`Link: ${article.url}`);
    },
  });
}
