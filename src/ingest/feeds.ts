// RSS and Atom feeds followed by the running bot: each feed is fetched on an interval with a
// conditional request (ETag / Last-Modified, so an unchanged feed costs a 304), and each new item's
// page is added like a link pasted in /add-article. What was seen is remembered in a state file,
// so a restart adds nothing twice; the corpus check (same link, same text) catches the rest.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { isUserError, UserError } from '../errors.js';
import { writeFileDurably } from '../files.js';
import { urlKey } from './add.js';
import { loadCorpus } from './corpus.js';
import { addArticleFromUrl, type AddedFromUrl } from './fetch-article.js';
import { safeFetch, type FetchPolicy } from './fetch.js';

export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/feed+xml'] as const;

/** Pages fetched per feed per poll at most; the rest wait for the next poll (the feed is then fetched in full again). */
export const MAX_ITEMS_PER_POLL = 10;
/** A page that failed to download this many polls in a row is given up on. */
const MAX_ATTEMPTS = 3;
/** Items remembered per feed; far more than a feed lists at once. */
const MAX_SEEN = 2000;

export interface FeedLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface FeedOptions {
  feeds: readonly string[];
  /** Where what was seen is kept (a JSON file, e.g. <data dir>/feeds.json). */
  statePath: string;
  corpusDir: string;
  policy: FetchPolicy;
  log?: FeedLog;
}

export interface FeedReport {
  feed: string;
  status: 'unchanged' | 'read' | 'failed';
  added: AddedFromUrl[];
  skipped: { url: string; reason: string }[];
  /** Why the feed itself could not be read. */
  error?: string;
}

interface FeedState {
  etag?: string;
  lastModified?: string;
  checkedAt?: string;
  /** Item link (urlKey) → what became of it. */
  seen: Record<string, string>;
  /** Item link → failed downloads so far. */
  attempts: Record<string, number>;
}

interface State {
  feeds: Record<string, FeedState>;
}

const quiet: FeedLog = { info: () => {}, warn: () => {} };

/** Polls every feed once, one after the other; new articles are in the corpus when it resolves. */
export async function pollFeeds(options: FeedOptions): Promise<FeedReport[]> {
  const state = await readState(options.statePath);
  const reports: FeedReport[] = [];
  for (const feed of options.feeds) {
    const feedState = (state.feeds[feed] ??= { seen: {}, attempts: {} });
    const report = await pollFeed(feed, feedState, options);
    reports.push(report);
    await saveState(options.statePath, state);
  }
  return reports;
}

async function pollFeed(feed: string, state: FeedState, options: FeedOptions): Promise<FeedReport> {
  const log = options.log ?? quiet;
  const report: FeedReport = { feed, status: 'read', added: [], skipped: [] };
  let items: FeedItem[];
  let validators: { etag?: string; lastModified?: string };
  try {
    const response = await safeFetch(feed, options.policy, { accept: FEED_TYPES, etag: state.etag, lastModified: state.lastModified });
    state.checkedAt = new Date().toISOString();
    if (response.notModified) return { ...report, status: 'unchanged' };
    items = feedItems(response.text, response.url);
    validators = { etag: response.etag, lastModified: response.lastModified };
  } catch (error) {
    if (!isUserError(error)) throw error;
    log.warn(`Feed ${feed} could not be read: ${error.message}`);
    return { ...report, status: 'failed', error: error.message };
  }

  const unseen = items.filter((item) => !(urlKey(item.url) in state.seen));
  // Newest first for the cap, then added oldest first, as they were published.
  const batch = unseen.slice(0, MAX_ITEMS_PER_POLL).reverse();
  const inCorpus = new Set((await loadCorpus(options.corpusDir)).articles.flatMap((a) => (a.url ? [urlKey(a.url)] : [])));
  let retryLater = unseen.length > batch.length;
  for (const item of batch) {
    const key = urlKey(item.url);
    if (inCorpus.has(key)) {
      remember(state, key, 'already in the corpus');
      report.skipped.push({ url: item.url, reason: 'already in the corpus' });
      continue;
    }
    try {
      // What the feed says of the item fills what its page leaves out.
      const added = await addArticleFromUrl(options.corpusDir, item.url, options.policy, {}, { title: item.title, published: item.published?.toISOString().slice(0, 10) });
      remember(state, key, `added as ${added.article.id}`);
      report.added.push(added);
      log.info(`Feed ${feed}: added ${added.article.id}`, { url: item.url });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const transient = !isUserError(error) || error.code === 'fetch-failed' || error.code === 'fetch-timeout';
      const attempts = (state.attempts[key] ?? 0) + 1;
      if (transient && attempts < MAX_ATTEMPTS) {
        state.attempts[key] = attempts;
        retryLater = true;
      } else remember(state, key, `skipped: ${reason}`);
      report.skipped.push({ url: item.url, reason });
      if (isUserError(error)) log.info(`Feed ${feed}: skipped ${item.url}: ${reason}`);
      else log.warn(`Feed ${feed}: failed on ${item.url}: ${(error as Error).stack ?? reason}`);
    }
  }
  // Items left for later need the whole feed next time, not a 304.
  state.etag = retryLater ? undefined : validators.etag;
  state.lastModified = retryLater ? undefined : validators.lastModified;
  return report;
}

// The items' links, newest first, resolved against the feed's address; items without a link are left out.
interface FeedItem {
  url: string;
  title?: string;
  published?: Date;
}

function feedItems(xml: string, feedUrl: string): FeedItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    throw new UserError('feed-invalid', { en: `${feedUrl} is not an RSS or Atom feed (${(error as Error).message}).`, fr: `${feedUrl} n'est pas un flux RSS ou Atom (${(error as Error).message}).` }, { cause: error });
  }
  const items = parsed.items.flatMap((item): FeedItem[] => {
    const link = item.url ?? (item.id && /^https?:/i.test(item.id) ? item.id : null);
    if (!link) return [];
    try {
      return [{ url: new URL(link, feedUrl).href, title: item.title?.trim() || undefined, published: item.published ?? item.updated ?? undefined }];
    } catch {
      return [];
    }
  });
  // Feeds list newest first by custom; dates, where every item has one, decide.
  if (items.every((item) => item.published)) items.sort((a, b) => b.published!.getTime() - a.published!.getTime());
  return items;
}

function remember(state: FeedState, key: string, outcome: string): void {
  state.seen[key] = outcome;
  delete state.attempts[key];
  const keys = Object.keys(state.seen);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_SEEN))) delete state.seen[old];
}

async function readState(file: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { feeds: {} };
    throw error;
  }
  try {
    const state = JSON.parse(text) as State;
    if (state && typeof state.feeds === 'object') return state;
  } catch {
    // Unreadable state (a disk problem): start over; the corpus check still prevents duplicates.
  }
  return { feeds: {} };
}

async function saveState(file: string, state: State): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileDurably(file, `${JSON.stringify(state, null, 2)}\n`);
}

export interface FeedFollower {
  /** Stops the timer and waits for a poll in progress. */
  stop(): Promise<void>;
}

/**
 * Polls the feeds now and then every `intervalMs` after the previous poll ends (never two at once).
 * `onAdded` runs after a poll that added articles (the bot re-indexes there).
 */
export function followFeeds(options: FeedOptions & { intervalMs: number; onAdded: (added: AddedFromUrl[]) => Promise<void> }): FeedFollower {
  const log = options.log ?? quiet;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    try {
      const added = (await pollFeeds(options)).flatMap((r) => r.added);
      if (added.length && !stopped) await options.onAdded(added);
    } catch (error) {
      log.warn(`Feed poll failed: ${(error as Error).stack ?? String(error)}`);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = poll();
      }, options.intervalMs);
    }
  };
  running = poll();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
