import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../../errors.js';
import { addArticle } from '../../ingest/add.js';
import { MAX_ARTICLE_BYTES } from '../../ingest/parse.js';
import type { Command } from '../command.js';
import { NO_PINGS } from '../mentions.js';
import { isAdmin } from './reindex.js';
import { langOf, strings } from '../strings.js';

export const addArticleCommand = {
  data: new SlashCommandBuilder()
    .setName('add-article')
    .setDescription('Add an article (.md, .txt or .html) to the corpus and index it (admins only).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addAttachmentOption((o) => o.setName('file').setDescription('The article: .md with front matter, .txt (first line = title) or .html').setRequired(true))
    .addStringOption((o) => o.setName('title').setDescription('Title (overrides the file’s)').setMaxLength(200))
    .addStringOption((o) => o.setName('source').setDescription('Site or agency').setMaxLength(100))
    .addStringOption((o) => o.setName('url').setDescription('Link to the original').setMaxLength(500))
    .addStringOption((o) => o.setName('published').setDescription('Publication date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .toJSON(),
  async execute(interaction, ctx) {
    if (!isAdmin(interaction, ctx)) {
      await interaction.reply({ content: strings(langOf(interaction.locale))['error.adminOnly'], flags: MessageFlags.Ephemeral });
      return;
    }
    const file = interaction.options.getAttachment('file', true);
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
