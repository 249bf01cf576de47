import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../../errors.js';
import { addArticle } from '../../ingest/add.js';
import { addArticleFromUrl, type AddedFromUrl } from '../../ingest/fetch-article.js';
import { MAX_ARTICLE_BYTES } from '../../ingest/parse.js';
import type { Command } from '../command.js';
import { DISCORD_LIMITS } from '../limits.js';
import { NO_PINGS } from '../mentions.js';
import { allowAdmin } from './reindex.js';
import { langOf, strings } from '../strings.js';

export const addArticleCommand = {
  data: new SlashCommandBuilder()
    .setName('add-article')
    .setDescription('Add an article to the corpus, from a file or a link, and index it (admins only).')
    .setDescriptionLocalizations({ fr: 'Ajouter un article au corpus, depuis un fichier ou un lien, et l’indexer (admins).' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addAttachmentOption((o) => o.setName('file').setDescription('The article: .md with front matter, .txt (first line = title) or .html'))
    .addStringOption((o) => o.setName('title').setDescription('Title (overrides the file’s)').setMaxLength(200))
    .addStringOption((o) => o.setName('source').setDescription('Site or agency').setMaxLength(100))
    .addStringOption((o) =>
      o
        .setName('url')
        .setDescription('Without a file: the article page to fetch. With a file: the link to the original.')
        .setDescriptionLocalizations({ fr: 'Sans fichier : la page de l’article à lire. Avec un fichier : le lien vers l’original.' })
        .setMaxLength(2000),
    )
    .addStringOption((o) => o.setName('published').setDescription('Publication date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .toJSON(),
  async execute(interaction, ctx) {
    if (!(await allowAdmin(interaction, ctx))) return;
    const file = interaction.options.getAttachment('file');
    const link = interaction.options.getString('url') ?? undefined;
    const french = interaction.locale.startsWith('fr');
    if (!file) {
      if (!link) throw new UserError('bad-usage', { en: 'Attach a file (file:) or give the article’s link (url:).', fr: 'Joignez un fichier (file:) ou donnez le lien de l’article (url:).' });
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const overrides = { title: interaction.options.getString('title') ?? undefined, source: interaction.options.getString('source') ?? undefined, published: interaction.options.getString('published') ?? undefined };
      const added = await addArticleFromUrl(ctx.config.corpusDir, link, ctx.config.fetch, overrides);
      await ctx.engine.reindex();
      await interaction.editReply({ content: addedFromLink(added, ctx.engine.chunkCount(added.article.id), french), allowedMentions: NO_PINGS });
      return;
    }
    if (file.size > MAX_ARTICLE_BYTES) throw new UserError('article-too-large', { en: `The file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB.`, fr: `Le fichier dépasse ${MAX_ARTICLE_BYTES / 1024 / 1024} Mio.` });
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const response = await fetch(file.url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new UserError('upload-failed', { en: `Discord did not hand over the file (HTTP ${response.status}); try sending it again.`, fr: `Discord n'a pas transmis le fichier (HTTP ${response.status}) ; renvoyez-le.` });
    const bytes = await readAtMost(response, MAX_ARTICLE_BYTES);
    const article = await addArticle(ctx.config.corpusDir, file.name, bytes, {
      title: interaction.options.getString('title') ?? undefined,
      source: interaction.options.getString('source') ?? undefined,
      url: interaction.options.getString('url') ?? undefined,
      published: interaction.options.getString('published') ?? undefined,
    });
    await ctx.engine.reindex();
    const chunks = ctx.engine.chunkCount(article.id);
    await interaction.editReply({
      content: strings(langOf(interaction.locale))['addArticle.done'](article.title, article.id, chunks),
      allowedMentions: NO_PINGS,
    });
  },
} satisfies Command;

/** What was added from a link, in the reader's language: title, outlet, date, length, and the link. */
function addedFromLink({ article, author, words }: AddedFromUrl, chunks: number | undefined, french: boolean): string {
  const by = author ? (french ? `par ${author}` : `by ${author}`) : undefined;
  const details = [article.source, by, article.published, french ? `${words} mots` : `${words} words`].filter(Boolean).join(' · ');
  const indexed = chunks === undefined ? '' : french ? ` ; ${chunks} passage${chunks === 1 ? '' : 's'} indexé${chunks === 1 ? '' : 's'}` : `; ${chunks} chunk${chunks === 1 ? '' : 's'} indexed`;
  const link = article.url && article.url.length <= 500 ? `\n<${article.url}>` : '';
  const title = article.title.length > 300 ? `${article.title.slice(0, 299)}…` : article.title;
  const content = french
    ? `Ajouté : « ${title} » (${details}), sous ${article.id}${indexed}. On peut maintenant poser des questions dessus.${link}`
    : `Added “${title}” (${details}) as ${article.id}${indexed}. It can be asked about now.${link}`;
  return content.slice(0, DISCORD_LIMITS.content);
}

// The declared size was checked before the download; the bytes are counted too, and the download
// stops past the limit rather than trusting the declaration.
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of response.body ?? []) {
    size += (part as Uint8Array).byteLength;
    // Leaving the loop (the throw) cancels the download.
    if (size > limit) {
      throw new UserError('article-too-large', { en: `The file is larger than ${limit / 1024 / 1024} MiB.`, fr: `Le fichier dépasse ${limit / 1024 / 1024} Mio.` });
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}
