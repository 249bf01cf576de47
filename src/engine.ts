// The engine both adapters (CLI, Discord) drive: corpus → index → retrieval → cited answers.
import { mkdir } from 'node:fs/promises';
import PQueue from 'p-queue';
import { composeAnswer, DEFAULT_TUNING, scoreSentences, unknownNames, weigh, type AnswerTuning } from './answer/answer.js';
import { analyseQuestion, validateQuestion } from './answer/question.js';
import type { Answer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/embedder.js';
import { UserError } from './errors.js';
import { loadEmbedder, type EmbedderChoice } from './embed/load.js';
import type { Article } from './ingest/article.js';
import { loadCorpus, type Corpus } from './ingest/corpus.js';
import { matchesCorpus, type IndexProgress, type IndexReport } from './index/build.js';
import { indexBuilder } from './index/builder.js';
import { isCompatible, type BuildPlace, type IndexBuilder } from './index/plan.js';
import { corpusNames } from './index/names.js';
import { currentGenerationName, openCurrentIndex } from './index/open.js';
import { IndexCorruptError } from './index/store.js';
import type { ArticleList, IndexView } from './index/view.js';
import { queryConcepts } from './retrieve/concepts.js';
import { retrieve } from './retrieve/hybrid.js';
import { isDictionaryWord } from './text/dictionary.js';
import { frequentNames } from './text/names.js';
import { buildTimeline, filterTimeline, type TimelineEvent, type TimelineFilter } from './timeline/timeline.js';
import { writeAnswer, type WrittenAnswer } from './write/writer.js';

export type Mode = 'hybrid' | 'keyword';

/** The answer's parts, and how it was found: adapters render it (CLI text, --json, Discord). */
export interface AskResult extends Answer {
  mode: Mode;
  /** Set when a model wrote the answer's text from the quotes and the guard let some of it through. */
  writer?: WrittenAnswer;
}

/** What an operator checks (the bot's admin-only /status): never shown in answers. */
export interface EngineStatus {
  articles: number;
  chunks: number;
  /** When the index in use was written (ISO). */
  indexCreatedAt: string;
  mode: Mode;
  keywordOnlyReason?: string;
  /** The local model's id, or the embeddings endpoint and its model. */
  model: string;
  /** When this process last finished a re-index (ISO); undefined if it has not. */
  lastReindexAt?: string;
  /** The optional writer's chat server (host only) and model, and what it dropped since start by reason ("fallback:…": whole answers left extractive); undefined when off. */
  writer?: { endpoint: string; dropped: Record<string, number> };
}

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface EngineOptions {
  /** A model chosen by the caller (tests); otherwise the configured one is loaded. */
  embedder?: EmbedderChoice;
  onProgress?: (progress: IndexProgress) => void;
  /** Fail, rather than fall back to keywords, when a configured embeddings server cannot be reached (for `index`). */
  requireModel?: boolean;
  log?: EngineLog;
  tuning?: AnswerTuning;
  /**
   * Where index builds run. 'worker': a worker thread, so that this thread keeps answering while an
   * index is built (the bot); such an engine also reads what answers need of a new index (the corpus's
   * names: a minute at 100,000 articles) before it answers from it. 'this-thread' (default): no worker
   * to start nor corpus to read twice, for callers that answer nothing meanwhile (the CLI).
   */
  builds?: BuildPlace;
}

const silent: EngineLog = { info: () => {}, warn: () => {} };


export class Engine {
  private index!: IndexView;
  /** What opening the engine had to re-index, if the index was missing, stale or damaged. */
  openingReport?: IndexReport;
  /** With the LanceDB store: the background comparison of the corpus with the index opened at once. */
  refreshing?: Promise<IndexReport | undefined>;
  /** Every re-index (CLI, /reindex, /add-article, the watcher) runs here, one at a time, in order. */
  private readonly reindexQueue = new PQueue({ concurrency: 1 });
  /** Where builds run: this thread, or a worker thread that leaves this one free to answer. */
  private readonly builder: IndexBuilder;
  private timelineCache?: { index: IndexView; events: Promise<TimelineEvent[]> };
  private subjectsCache?: { index: IndexView; names: Promise<string[]> };
  private lastReindexAt?: string;
  /** The writer's sentences dropped by the guard and its fallbacks since start, by reason. */
  readonly writerTally = new Map<string, number>();

  private constructor(
    private readonly config: Config,
    private readonly embedder: Embedder | null,
    /** Why answers are keyword-only, in words for users; undefined in hybrid mode. */
    readonly keywordOnlyReason: string | undefined,
    private readonly options: EngineOptions,
  ) {
    this.builder = indexBuilder(options.builds ?? 'this-thread');
  }

  /** Loads the model (or falls back to keywords), then opens the index, building it first if stale. */
  static async open(config: Config, options: EngineOptions = {}): Promise<Engine> {
    const choice = options.embedder ?? (await loadEmbedder(config.model));
    if (options.requireModel && choice.failure) throw choice.failure;
    const engine = new Engine(config, choice.embedder, choice.unavailable, options);
    if (choice.unavailable) engine.log.warn(`Keyword-only mode: ${choice.unavailable}.`);
    await engine.refresh();
    return engine;
  }

  get mode(): Mode {
    return this.embedder ? 'hybrid' : 'keyword';
  }

  get articles(): ArticleList {
    return this.index.articleMetas();
  }

  /** How many chunks the current index holds for an article; undefined when it is not indexed. */
  chunkCount(articleId: string): number | undefined {
    return this.index.manifest.documents[articleId]?.chunks;
  }

  get searchIndex(): IndexView {
    return this.index;
  }

  /**
   * For a process about to answer (the bot, before it logs in): starts now what its first questions
   * would otherwise wait for, in the middle of answering: the dictionary (a second of this thread, at
   * once) and the corpus's names (read in slices from here on: a minute at 100,000 articles).
   */
  warmUp(): void {
    isDictionaryWord('');
    // (a failure shows on the first question, which reads them again; never an unhandled rejection)
    corpusNames(this.index, this.config.dataDir, this.config.lance).catch((error: Error) => this.log.warn(`Could not read the corpus's names yet (${error.message}).`));
  }

  /** Whether a re-index is running or waiting its turn. */
  get isReindexing(): boolean {
    return this.reindexQueue.size + this.reindexQueue.pending > 0;
  }

  /**
   * Re-reads the corpus and re-indexes what changed. One queue for every caller (CLI, /reindex,
   * the corpus watcher): runs one at a time; questions asked meanwhile are answered from the
   * index in place until the new one is committed and loaded.
   */
  reindex(onProgress = this.options.onProgress): Promise<IndexReport> {
    return this.reindexCorpus(undefined, onProgress);
  }

  // `read`: the corpus opening has just read, so that a build on this thread does not read it again.
  private reindexCorpus(read: Corpus | undefined, onProgress = this.options.onProgress): Promise<IndexReport> {
    if (this.config.readOnlyIndex) return Promise.reject(readOnlyRefusal('This process does not write the index', 'Ce processus ne modifie pas l’index'));
    return this.reindexQueue.add(async () => {
      await mkdir(this.config.dataDir, { recursive: true });
      const report = await this.builder.build({
        dataDir: this.config.dataDir,
        corpusDir: this.config.corpusDir,
        store: this.config.store,
        lance: this.config.lance,
        embedder: this.embedder,
        corpus: read,
        onProgress,
        onWait: (m) => this.log.info(m),
      });
      for (const problem of report.problems) this.log.warn(`Skipped ${problem.path}: ${problem.reason}`);
      if (!report.added.length && !report.updated.length && !report.unchanged) this.log.warn(`No articles in ${this.config.corpusDir}: add .md, .txt or .html files there.`);
      for (const id of report.keptPrevious) this.log.warn(`Kept the indexed version of ${id}: its file could not be read this time.`);
      if (report.previousIndexProblem) this.log.warn(`The previous index was unusable (${report.previousIndexProblem}); rebuilt it from the corpus.`);
      if (report.written || !this.index) {
        const next = await this.openIndex();
        // A build on this thread reads the new index's names now, on the index just opened, and saves them
        // beside it for the bots that follow its commit (the build worker does the same in its thread).
        if (report.written && this.builder.place === 'this-thread') await corpusNames(next, this.config.dataDir, this.config.lance).catch(() => undefined);
        await this.adopt(next);
      }
      this.lastReindexAt = new Date().toISOString();
      return report;
    });
  }

  /** Retrieval and sentence scoring for a question, before any quote is chosen. */
  async search(rawQuestion: string) {
    const question = analyseQuestion(validateQuestion(rawQuestion, this.config.maxQuestionChars));
    await this.followSwappedIndex();
    const concepts = queryConcepts(question.text, this.index.languages, this.index.keyword).filter((c) => !question.answerKind.includes(c.word));
    const vector = this.embedder ? await this.embedder.embedQuery(question.text) : null;
    const retrieved = await retrieve(this.index, concepts, vector, { limit: 8, perArticle: 3 });
    const weighing = weigh(this.index, concepts);
    const scored = await scoreSentences(question, weighing, retrieved, await corpusNames(this.index, this.config.dataDir, this.config.lance));
    return { question, concepts, weighing, retrieved, scored };
  }

  /**
   * Another process (the CLI, another shard) may have committed a newer generation: use it. One small
   * file read; a generation that cannot be opened leaves the one in use. Before every answer and
   * timeline, and before /sources and /status read the index.
   */
  async followSwappedIndex(): Promise<void> {
    if (this.isReindexing) return;
    try {
      const current = await currentGenerationName(this.config.store, this.config.dataDir, this.config.lance);
      if (!current || current === this.index.generation) return;
      const next = await openCurrentIndex(this.config.store, this.config.dataDir, this.config.lance);
      if (next) await this.adopt(next);
    } catch (error) {
      this.log.warn(`Could not open the index another process wrote (${(error as Error).message}); answering from the one in use.`);
    }
  }

  // A serving engine answers from the index in place until the new one is ready to answer: its names
  // read (saved beside it by the build that wrote it: a file read). A failure to read them shows on the
  // questions, not here: the index is committed. With none in place, the bot's warmUp starts them.
  private async adopt(next: IndexView): Promise<void> {
    if (this.serving && this.index) await corpusNames(next, this.config.dataDir, this.config.lance).catch(() => undefined);
    this.index = next;
  }

  /** The question's vector (hybrid mode), as `ask` computes it: for measuring. */
  async embedQuestion(question: string): Promise<number[] | null> {
    return this.embedder ? this.embedder.embedQuery(question) : null;
  }

  /**
   * The answer to a question. With a writer configured, a model writes its text from the verified
   * quotes; `onWriting` then receives the answer each time the guard accepts one more sentence.
   */
  async ask(rawQuestion: string, onWriting?: (partial: AskResult) => void): Promise<AskResult> {
    const { question, concepts, weighing, scored } = await this.search(rawQuestion);
    const answer: AskResult = { ...composeAnswer(question, weighing, scored, unknownNames(this.index, concepts), this.tuning), mode: this.mode };
    return this.config.writer && !answer.refusal && answer.quotes.length ? this.written(answer, onWriting) : answer;
  }

  // The extractive answer with the writer's text, or as it is when the writer fails or is not in time.
  private async written(answer: AskResult, onWriting?: (partial: AskResult) => void): Promise<AskResult> {
    const writer = this.config.writer!;
    const outcome = await writeAnswer(answer, writer, (sentences) =>
      onWriting?.({ ...answer, writer: { model: writer.model, sentences, accepted: sentences.length, dropped: 0, reasons: [] } }),
    );
    for (const reason of 'fallback' in outcome ? outcome.reasons : outcome.written.reasons) this.count(reason);
    if ('fallback' in outcome) {
      this.count(`fallback:${outcome.fallback}`);
      this.log.warn(`Writer not used (${outcome.fallback}): ${outcome.detail}. The extractive answer is shown.`);
      return answer;
    }
    const { accepted, dropped, reasons } = outcome.written;
    this.log.info(`Writer: ${accepted} sentence(s) shown, ${dropped} dropped${dropped ? ` (${reasons.join(', ')})` : ''}.`);
    return { ...answer, writer: outcome.written };
  }

  private count(reason: string): void {
    this.writerTally.set(reason, (this.writerTally.get(reason) ?? 0) + 1);
  }

  /**
   * Dated events of the corpus, ordered, merged across sources, filtered and numbered. Built once
   * per index, in slices that leave the event loop free (seconds of work at thousands of articles).
   */
  async timeline(filter: TimelineFilter = {}): Promise<TimelineEvent[]> {
    await this.followSwappedIndex();
    return filterTimeline(await this.events(), filter);
  }

  private events(): Promise<TimelineEvent[]> {
    if (this.timelineCache?.index !== this.index) {
      this.timelineCache = { index: this.index, events: readAll(this.index).then(buildTimeline) };
    }
    return this.timelineCache.events;
  }

  /** The names the corpus speaks about most, most used first: what /timeline's "about" suggests. Read once per index. */
  subjects(): Promise<string[]> {
    if (this.subjectsCache?.index !== this.index) {
      this.subjectsCache = { index: this.index, names: readAll(this.index).then((articles) => frequentNames(articles.map((a) => a.text))) };
    }
    return this.subjectsCache.names;
  }

  status(): EngineStatus {
    const { endpoint, id } = this.config.model;
    return {
      articles: Object.keys(this.index.manifest.documents).length,
      chunks: this.index.chunkCount,
      indexCreatedAt: this.index.manifest.createdAt,
      mode: this.mode,
      keywordOnlyReason: this.keywordOnlyReason,
      model: endpoint ? `${endpoint.url} (${endpoint.model})` : id,
      lastReindexAt: this.lastReindexAt,
      writer: this.config.writer ? { endpoint: `${new URL(this.config.writer.url).host} (${this.config.writer.model})`, dropped: Object.fromEntries(this.writerTally) } : undefined,
    };
  }

  /** Whether this engine answers while it indexes (the bot): its builds run in the worker. */
  private get serving(): boolean {
    return this.builder.place === 'worker';
  }

  private get tuning(): AnswerTuning {
    return this.options.tuning ?? DEFAULT_TUNING;
  }

  private get log(): EngineLog {
    return this.options.log ?? silent;
  }

  // Opens the committed index if it matches the corpus; otherwise builds one.
  private async refresh(): Promise<void> {
    if (this.config.readOnlyIndex) return this.openReadOnly();
    if (this.config.store === 'lancedb') return this.refreshLarge();
    let current: IndexView | null = null;
    try {
      current = await openCurrentIndex(this.config.store, this.config.dataDir, this.config.lance);
      if (current && (await matchesCorpus(current, this.config.corpusDir, this.embedder))) {
        this.index = current;
        return;
      }
      this.log.info(current ? 'The corpus or model changed: updating the index…' : 'No index yet: building it…');
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      this.log.warn(`The index is damaged (${error.message}); rebuilding it from the corpus.`);
    }
    try {
      // Read whole only now, when something is to be built: the build on this thread reuses it.
      this.openingReport = await this.reindexCorpus(await loadCorpus(this.config.corpusDir));
    } catch (error) {
      // A read-only index folder (a mounted volume, a shared copy) still answers from what it holds.
      // So does one on a full disk: the previous index is whole, the failed write left nothing.
      const code = (error as NodeJS.ErrnoException).code;
      if (!current || !(code === 'index-read-only' || code === 'disk-full')) throw error;
      const cause = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      this.log.warn(`The index in ${this.config.dataDir} cannot be updated (${cause ?? code}): answering from it as it is.`);
      this.index = current;
    }
  }

  // A large corpus takes seconds to read, so opening does not wait for it: an index this model can use
  // answers at once while the builder (the worker, in a bot) compares the corpus with it in the
  // background (what changed is indexed, then followed); with no usable index, it builds one.
  private async refreshLarge(): Promise<void> {
    let current: IndexView | null = null;
    try {
      current = await openCurrentIndex(this.config.store, this.config.dataDir, this.config.lance);
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      this.log.warn(`The index is damaged (${error.message}); rebuilding it from the corpus.`);
    }
    if (current && isCompatible(current.manifest, this.embedder)) {
      this.index = current;
      this.refreshing = this.reindex().catch((error: Error) => {
        this.log.warn(`Could not bring the index up to date with the corpus (${error.message}); answering from the one in place.`);
        return undefined;
      });
      return;
    }
    this.log.info(current ? 'The model changed: rebuilding the index…' : 'No index yet: building it…');
    this.openingReport = await this.reindex();
  }

  // A process that only reads an index another one writes (another machine, over an object store):
  // it answers from the committed index and never compares its own corpus folder with it.
  private async openReadOnly(): Promise<void> {
    const current = await openCurrentIndex(this.config.store, this.config.dataDir, this.config.lance);
    const where = this.config.lance?.uri ?? this.config.dataDir;
    if (!current) throw readOnlyRefusal(`No index has been committed in ${where} yet`, `Aucun index n'a encore été enregistré dans ${where}`);
    if (!isCompatible(current.manifest, this.embedder)) {
      current.close();
      throw readOnlyRefusal(`The index in ${where} was built with another model or analyser`, `L'index de ${where} a été construit avec un autre modèle ou analyseur`);
    }
    this.index = current;
  }

  /** Stops the build worker and releases the index's files (a bot shutting down, a bench). */
  async close(): Promise<void> {
    await this.reindexQueue.onIdle();
    await this.builder.close();
    this.index.close();
  }

  private async openIndex(): Promise<IndexView> {
    const index = await openCurrentIndex(this.config.store, this.config.dataDir, this.config.lance);
    if (!index) throw new Error('the index vanished right after it was written');
    return index;
  }
}

// What a read-only process (DOSSIER_INDEX_READ_ONLY) says when asked to build, or given nothing to read.
function readOnlyRefusal(en: string, fr: string): UserError {
  return new UserError('index-read-only', {
    en: `${en}: this process only reads it (DOSSIER_INDEX_READ_ONLY=true). Index where the corpus is (npm run index there).`,
    fr: `${fr} : ce processus ne fait que le lire (DOSSIER_INDEX_READ_ONLY=true). Indexez là où se trouve le corpus (npm run index).`,
  });
}

async function readAll(index: IndexView): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const batch of index.allArticles()) articles.push(...batch);
  return articles;
}
