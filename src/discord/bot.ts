import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type ButtonInteraction,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from 'discord.js';
import PQueue from 'p-queue';
import type { Config } from '../config.js';
import { watchCorpus } from '../ingest/watch.js';
import { isUserError, networkFailure, UserError } from '../errors.js';
import { admitQuestion, answerInQueue } from './answering.js';
import type { BotContext, BotEngine, Command } from './command.js';
import { addArticleCommand } from './commands/add-article.js';
import { askCommand } from './commands/ask.js';
import { reindexCommand } from './commands/reindex.js';
import { sourcesCommand } from './commands/sources.js';
import { parseTimelineButton, TIMELINE_PREFIX, timelineCommand, timelineMessage } from './commands/timeline.js';
import { recordFeedback } from './feedback.js';
import { FEEDBACK_PREFIX, SOURCES_PREFIX, sourcesPayload } from './format.js';
import { BotLog } from './log.js';
import { NO_PINGS } from './mentions.js';
import { RateLimiter } from './rate-limit.js';
import { guessLanguage } from '../text/language.js';

export function commandList(config: Config): Command[] {
  return [askCommand(config.maxQuestionChars), timelineCommand, sourcesCommand, reindexCommand, addArticleCommand];
}

/** The bot token, or the one clear error every entry point (start, register) gives without it. */
export function requireToken(config: Config): string {
  if (!config.discord.token) throw new UserError('discord-token-missing', 'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
  return config.discord.token;
}

export interface RunningBot {
  client: Client;
  ctx: BotContext;
  stop(): Promise<void>;
}

/**
 * Logs in and serves until stop(). Intents: guilds and guild/direct messages only. The privileged
 * Message Content intent is not needed: messages that mention the bot carry their content anyway.
 */
export async function startBot(config: Config, engine: BotEngine, log = new BotLog(config.logFile)): Promise<RunningBot> {
  const token = requireToken(config);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    ...(config.discord.apiUrl ? { rest: { api: config.discord.apiUrl } } : {}),
  });
  const ctx: BotContext = {
    engine,
    config,
    log,
    rateLimiter: new RateLimiter(config.discord.ratePerMinute),
    answers: new PQueue({ concurrency: 1 }),
  };
  const commands = new Map(commandList(config).map((command) => [command.data.name, command]));

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, commands, ctx));
  client.on(Events.MessageCreate, (message) => void handleMention(message, ctx));
  client.on(Events.Error, (error) => log.failure('client error', error));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    const { code, status } = error as { code?: string; status?: number };
    if (code === 'TokenInvalid' || status === 401) {
      throw new UserError('discord-token-refused', 'Discord refused the token (DISCORD_TOKEN): check it in the Developer Portal > Bot > Reset Token.', { cause: error });
    }
    if (networkFailure(error)) {
      throw new UserError('discord-unreachable', `Cannot reach Discord (${(error as Error).message}): check the network connection.`, { cause: error });
    }
    throw error;
  }
  await ready;
  log.info('bot ready', { user: client.user?.tag, mode: engine.keywordOnlyReason ? 'keyword' : 'hybrid' });
  // Reading every article's dates takes seconds on a large corpus: start now, not at the first question.
  const warmTimeline = () => void engine.timeline({}).catch((error) => log.failure('timeline', error));
  warmTimeline();
  // Articles dropped into the corpus folder are indexed while the bot runs, through the engine's
  // one re-index queue; questions keep being answered from the previous index meanwhile.
  const watcher = config.watchCorpus
    ? await watchCorpus(config.corpusDir, async (paths) => {
        const report = await engine.reindex();
        log.info('corpus changed: re-indexed', { paths, added: report.added, updated: report.updated, removed: report.removed });
        warmTimeline();
      }, { onError: (error) => log.failure('corpus watcher', error) })
    : undefined;
  return {
    client,
    ctx,
    async stop() {
      await watcher?.close();
      await ctx.answers.onIdle();
      await client.destroy();
    },
  };
}

async function handleInteraction(interaction: Interaction, commands: Map<string, Command>, ctx: BotContext): Promise<void> {
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError('command-unavailable', { en: 'This command is not available any more.', fr: "Cette commande n'existe plus." });
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    }
  } catch (error) {
    await replyWithFailure(interaction, error, ctx);
  }
}

// A user sees a UserError's own words, or a reference to the logged fault; never a stack trace.
async function replyWithFailure(interaction: RepliableInteraction, error: unknown, ctx: BotContext): Promise<void> {
  const content = isUserError(error)
    ? error.messageIn(interaction.locale.startsWith('fr') ? 'fr' : 'en')
    : `Something went wrong on our side. Reference: ${ctx.log.failure('interaction', error, { user: interaction.user.id })}.`;
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  } catch (replyError) {
    ctx.log.failure('could not tell the user about a failure', replyError);
  }
}

async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  if (id.startsWith(SOURCES_PREFIX)) {
    await interaction.update({ ...sourcesPayload(ctx.engine.articles, Number(id.slice(SOURCES_PREFIX.length))), allowedMentions: NO_PINGS });
    return;
  }
  if (id.startsWith(TIMELINE_PREFIX)) {
    const view = parseTimelineButton(id);
    await interaction.update({ ...timelineMessage(await ctx.engine.timeline(view.filter), view), allowedMentions: NO_PINGS });
    return;
  }
  if (id.startsWith(FEEDBACK_PREFIX)) {
    // The answer message itself says what was asked and cited: nothing needs remembering.
    const embed = interaction.message.embeds[0];
    await recordFeedback(ctx.config.feedbackLog, {
      vote: id.endsWith('up') ? 'up' : 'down',
      question: embed?.title ?? '',
      sources: embed?.fields.map((f) => f.name) ?? [],
      userId: interaction.user.id,
      messageId: interaction.message.id,
    });
    await interaction.reply({ content: 'Thanks, your feedback was recorded.', flags: MessageFlags.Ephemeral });
  }
}

async function handleMention(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot) return;
  // In a direct message every message is for the bot; in a server, those that mention it or reply to it.
  const addressed = message.channel.isDMBased() || message.mentions.users.has(botId) || message.mentions.repliedUser?.id === botId;
  if (!addressed) return;
  const question = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
  try {
    if (!question) {
      await message.reply({ content: 'Ask me a question about the articles, e.g. “When did US troops leave Agadez?”, or use /ask.', allowedMentions: NO_PINGS });
      return;
    }
    const admitted = admitQuestion(ctx, message.author.id, question);
    if ('sendTyping' in message.channel) await message.channel.sendTyping();
    await message.reply({ ...(await answerInQueue(ctx, admitted)), allowedMentions: NO_PINGS });
  } catch (error) {
    const content = isUserError(error) ? error.messageIn(guessLanguage(question)) : `Something went wrong on our side. Reference: ${ctx.log.failure('mention', error, { user: message.author.id })}.`;
    await message.reply({ content, allowedMentions: NO_PINGS }).catch((replyError) => ctx.log.failure('could not reply to a mention', replyError));
  }
}
