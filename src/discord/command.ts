import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type PQueue from 'p-queue';
import type { Config } from '../config.js';
import type { AskResult, EngineStatus } from '../engine.js';
import type { ArticleList } from '../index/view.js';
import type { IndexReport } from '../index/build.js';
import type { TimelineEvent, TimelineFilter } from '../timeline/timeline.js';
import type { BotLog } from './log.js';
import type { AnswerMemory } from './memory.js';
import type { RateLimiter } from './rate-limit.js';

/** What the bot needs of the engine; tests can wrap the real one. */
export interface BotEngine {
  /** `onWriting`: the answer each time the writer (when configured) has one more checked sentence. */
  ask(question: string, onWriting?: (partial: AskResult) => void): Promise<AskResult>;
  /** Serialised by the engine: /reindex, /add-article and the corpus watcher share its queue. */
  reindex(): Promise<IndexReport>;
  readonly isReindexing: boolean;
  chunkCount(articleId: string): number | undefined;
  timeline(filter: TimelineFilter): Promise<TimelineEvent[]>;
  readonly articles: ArticleList;
  /** Uses the index another process (another shard, the CLI) committed since, if any. */
  followSwappedIndex(): Promise<void>;
  readonly keywordOnlyReason: string | undefined;
  /** The names the corpus speaks about most: /timeline's "about" suggestions. */
  subjects(): Promise<string[]>;
  /** For the admin-only /status. */
  status(): EngineStatus;
}

export interface BotContext {
  engine: BotEngine;
  config: Config;
  log: BotLog;
  rateLimiter: RateLimiter;
  /** Questions are answered one at a time, in arrival order. */
  answers: PQueue;
  /** Recent answers: what Show quotes reveals, who may vote, what a reply follows up. */
  memory: AnswerMemory;
  startedAt: number;
  /** How long a notice replied to a mention stays before it deletes itself. */
  noticeLifetimeMs: number;
}

/** One slash command: its registration data and its handler (discord.js template style). */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggestions while an option with autocomplete is typed. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
