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
import { withPreviousSubject } from '../answer/follow-up.js';
import PQueue from 'p-queue';
import type { Config } from '../config.js';
import { followFeeds } from '../ingest/feeds.js';
import { watchCorpus } from '../ingest/watch.js';
import { isUserError, networkFailure, UserError } from '../errors.js';
import { admitQuestion, answerInQueue } from './answering.js';
import type { BotContext, BotEngine, Command } from './command.js';
import { addArticleCommand } from './commands/add-article.js';
import { askCommand } from './commands/ask.js';
import { reindexCommand } from './commands/reindex.js';
import { sourcesCommand } from './commands/sources.js';
import { statusCommand } from './commands/status.js';
import { parseTimelineButton, TIMELINE_PREFIX, timelineCommand, timelineMessage } from './commands/timeline.js';
import { recordFeedback } from './feedback.js';
import { answerRow, FEEDBACK_PREFIX, parseFeedbackButton, QUOTES_PREFIX, quotesPayload, SOURCES_PREFIX, sourcesPayload } from './format.js';
import { BotLog } from './log.js';
import { AnswerMemory } from './memory.js';
import { NO_PINGS } from './mentions.js';
import { RateLimiter } from './rate-limit.js';
import { langOf, localise, strings, type Lang } from './strings.js';
import { guessLanguage } from '../text/language.js';

/** The commands, with their descriptions and French localisations from the catalogue. */
export function commandList(config: Config): Command[] {
  const commands = [askCommand(config.maxQuestionChars), timelineCommand, sourcesCommand, reindexCommand, addArticleCommand, statusCommand];
  return commands.map((command) => ({ ...command, data: localise(command.data) }));
}

export interface BotOptions {
  /** How long a notice replied in a channel stays before it deletes itself (when a DM is impossible). */
  noticeLifetimeMs?: number;
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
export async function startBot(config: Config, engine: BotEngine, log = new BotLog(config.logFile), options: BotOptions = {}): Promise<RunningBot> {
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
    memory: new AnswerMemory(),
    startedAt: Date.now(),
    noticeLifetimeMs: options.noticeLifetimeMs ?? 15_000,
  };
  await ctx.memory.loadVotes(config.feedbackLog);
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
  // Under a ShardingManager every shard is a process over the same index: only the first watches
  // the corpus and follows feeds, so one process writes (the others follow its commits).
  const primary = !client.shard || client.shard.ids.includes(0);
  // Articles dropped into the corpus folder are indexed while the bot runs, through the engine's
  // one re-index queue; questions keep being answered from the previous index meanwhile.
  const watcher = config.watchCorpus && primary
    ? await watchCorpus(config.corpusDir, async (paths) => {
        const report = await engine.reindex();
        log.info('corpus changed: re-indexed', { paths, added: report.added, updated: report.updated, removed: report.removed });
        warmTimeline();
      }, { onError: (error) => log.failure('corpus watcher', error) })
    : undefined;
  // Feeds (DOSSIER_FEEDS): new items are fetched into the corpus, then indexed through the same queue.
  const feeds = config.feeds.urls.length && primary
    ? followFeeds({
        feeds: config.feeds.urls,
        intervalMs: config.feeds.intervalMs,
        statePath: config.feeds.statePath,
        corpusDir: config.corpusDir,
        policy: config.fetch,
        log,
        onAdded: async (added) => {
          const report = await engine.reindex();
          log.info('feeds: added and re-indexed', { articles: added.map((a) => a.article.id), chunks: report.chunks });
          warmTimeline();
        },
      })
    : undefined;
  return {
    client,
    ctx,
    async stop() {
      await feeds?.stop();
      await watcher?.close();
      await ctx.answers.onIdle();
      await client.destroy();
    },
  };
}

async function handleInteraction(interaction: Interaction, commands: Map<string, Command>, ctx: BotContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    await commands
      .get(interaction.commandName)
      ?.autocomplete?.(interaction, ctx)
      .catch((error) => ctx.log.failure('autocomplete', error));
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError('command-unavailable', { en: strings('en')['error.commandUnavailable'], fr: strings('fr')['error.commandUnavailable'] });
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    }
  } catch (error) {
    await replyWithFailure(interaction, error, ctx);
  }
}

// A user sees a UserError's own words, or a reference to the logged fault; never a stack trace,
// a path or a network error.
async function replyWithFailure(interaction: RepliableInteraction, error: unknown, ctx: BotContext): Promise<void> {
  const lang = langOf(interaction.locale);
  const content = failureText(error, lang, ctx, 'interaction', interaction.user.id);
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], components: [], files: [], allowedMentions: NO_PINGS });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  } catch (replyError) {
    ctx.log.failure('could not tell the user about a failure', replyError);
  }
}

function failureText(error: unknown, lang: Lang, ctx: BotContext, context: string, userId: string): string {
  return isUserError(error) ? error.messageIn(lang) : strings(lang)['error.internal'](ctx.log.failure(context, error, { user: userId }));
}

async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  const lang = langOf(interaction.locale);
  if (id.startsWith(SOURCES_PREFIX)) {
    await ctx.engine.followSwappedIndex();
    await interaction.update({ ...sourcesPayload(ctx.engine.articles, Number(id.slice(SOURCES_PREFIX.length)), lang), allowedMentions: NO_PINGS });
    return;
  }
  if (id.startsWith(TIMELINE_PREFIX)) {
    // The page is redrawn in the language it was asked in (the button carries it): the message is shared.
    const view = parseTimelineButton(id);
    await interaction.update({ ...timelineMessage(await ctx.engine.timeline(view.filter), view), allowedMentions: NO_PINGS });
    return;
  }
  if (id.startsWith(QUOTES_PREFIX)) {
    // The whole answer, privately: only the person who clicked sees it.
    const remembered = ctx.memory.get(id.slice(QUOTES_PREFIX.length));
    if (!remembered) await interaction.reply({ content: strings(lang)['answer.expired'], flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...quotesPayload(remembered.result, lang), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  if (id.startsWith(FEEDBACK_PREFIX)) {
    await handleVote(interaction, ctx, lang);
    return;
  }
  // A button this version does not know (an old message, another bot's id): answered, never "interaction failed".
  ctx.log.warn('unknown button', { customId: id, user: interaction.user.id });
  await interaction.reply({ content: strings(lang)['button.inactive'], flags: MessageFlags.Ephemeral });
}

/**
 * One vote per user per answer, logged with the question, mode and sources. The asker's vote (or
 * any vote once the answer is forgotten) disables the buttons, which then say thanks; another
 * reader's vote is thanked privately, so the buttons stay for others.
 */
async function handleVote(interaction: ButtonInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  const { vote, key } = parseFeedbackButton(interaction.customId);
  if (!ctx.memory.vote(interaction.message.id, interaction.user.id)) {
    await interaction.reply({ content: strings(lang)['feedback.already'], flags: MessageFlags.Ephemeral });
    return;
  }
  const remembered = ctx.memory.get(key);
  const embed = interaction.message.embeds[0];
  await recordFeedback(ctx.config.feedbackLog, {
    vote,
    question: remembered?.result.question ?? embed?.title ?? '',
    mode: remembered?.result.mode ?? ctx.engine.status().mode,
    sources: remembered ? remembered.result.sources.map((s) => `[${s.n}] ${s.title}${s.url ? ` <${s.url}>` : ''}`) : [],
    userId: interaction.user.id,
    messageId: interaction.message.id,
  });
  if (remembered && remembered.askerId !== interaction.user.id) {
    await interaction.reply({ content: strings(lang)['feedback.thanks'], flags: MessageFlags.Ephemeral });
    return;
  }
  const hasQuotes = JSON.stringify(interaction.message.components.map((row) => row.toJSON())).includes(`"custom_id":"${QUOTES_PREFIX}`);
  await interaction.update({ components: [answerRow(key, strings(remembered?.lang ?? lang), { quotes: hasQuotes, voted: vote })] });
}

async function handleMention(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot) return;
  // In a direct message every message is for the bot; in a server, those that mention it or reply to it.
  const addressed = message.channel.isDMBased() || message.mentions.users.has(botId) || message.mentions.repliedUser?.id === botId;
  if (!addressed) return;
  const asked = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
  const lang = asked ? guessLanguage(asked) : langOf(message.guild?.preferredLocale);
  try {
    if (!asked) {
      await message.reply({ content: strings(lang)['answer.emptyMention'], allowedMentions: NO_PINGS });
      return;
    }
    const previous = await previousQuestion(message, ctx);
    const admitted = admitQuestion(ctx, message.author.id, asked);
    const question = previous ? withPreviousSubject(previous, admitted) : admitted;
    if ('sendTyping' in message.channel) await message.channel.sendTyping();
    const followUp = previous && question !== admitted ? { asked: admitted, previous } : undefined;
    const { payload, key } = await answerInQueue(ctx, question, { userId: message.author.id, lang }, { followUp });
    const sent = await message.reply({ ...payload, allowedMentions: NO_PINGS });
    ctx.memory.attach(key, sent.id);
  } catch (error) {
    await tellQuietly(message, failureText(error, lang, ctx, 'mention', message.author.id), isUserError(error) && error.code === 'rate-limited' ? '⏳' : '⚠️', ctx);
  }
}

/** The question a reply to one of the bot's answers follows up: remembered, or the answer's title. */
async function previousQuestion(message: Message, ctx: BotContext): Promise<string | undefined> {
  const referenceId = message.reference?.messageId;
  if (!referenceId) return undefined;
  const remembered = ctx.memory.forMessage(referenceId);
  if (remembered) return remembered.result.question;
  const referenced = message.channel.messages.cache.get(referenceId) ?? (await message.fetchReference().catch(() => undefined));
  if (referenced?.author.id !== message.client.user.id) return undefined;
  return referenced.embeds[0]?.title ?? undefined;
}

/**
 * An error or a rate-limit notice for a mention, never posted for the channel to see: a reaction
 * on the question and a direct message; if the user takes no direct messages, a reply that
 * deletes itself. In a direct message the bot just replies.
 */
async function tellQuietly(message: Message, content: string, emoji: string, ctx: BotContext): Promise<void> {
  const warn = (error: unknown) => void ctx.log.failure('could not tell a user about a failed mention', error);
  if (message.channel.isDMBased()) {
    await message.reply({ content, allowedMentions: NO_PINGS }).catch(warn);
    return;
  }
  await message.react(emoji).catch(warn);
  try {
    await message.author.send({ content, allowedMentions: NO_PINGS });
  } catch {
    const notice = await message.reply({ content, allowedMentions: NO_PINGS }).catch(warn);
    if (notice) setTimeout(() => void notice.delete().catch(warn), ctx.noticeLifetimeMs).unref();
  }
}
