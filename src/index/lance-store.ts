// The one place that imports @lancedb/lancedb (and the Arrow types of its tables). Three tables in
// one LanceDB folder: chunks (text, analysed terms, vector), articles (metadata, text, hash) and
// vocabulary (term → chunks holding it). Lance versions every write; a build commits by naming the
// versions it wrote in a pointer file (lance-index.ts), and readers check those versions out, so a
// writer killed between two writes leaves the named versions whole.
import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Int32, Schema, Utf8, type DataType, type RecordBatch } from 'apache-arrow';
import type { Article, ArticleMeta } from '../ingest/article.js';
import type { Chunk } from '../ingest/chunk.js';
import type { Language } from '../text/analysis.js';
import { UserError } from '../errors.js';
import type { TermQuery } from './keyword-index.js';
import { inSlices, type ArticleList, type LanceLocation } from './view.js';

export interface ChunkRow {
  id: string;
  doc_id: string;
  start: number;
  end: number;
  text: string;
  /** The chunk's index terms (Dossier's analyser), space-separated: what full-text search matches. */
  terms: string;
  title_terms: string;
  vector?: number[];
}

export interface TableVersions {
  chunks: number;
  articles: number;
  vocabulary: number;
}

export interface StoredDocument {
  hash: string;
  chunks: number;
}

/** Written in the commit pointer, so that a reader opens without reading every article. */
export interface IndexSummary {
  chunks: number;
  articles: number;
  languages: Language[];
  /** Each distinct source name (with its language, for analysing it). */
  sources: { source: string; language: Language }[];
}

export interface SearchHit {
  chunkId: string;
  docId: string;
  score: number;
}

const TABLES = ['chunks', 'articles', 'vocabulary'] as const;
// On an object store, the commit pointer is this one-row table beside the others: overwriting it is
// one atomic Lance commit, so a reader on any machine sees the previous pointer or the new one.
const POINTER_TABLE = 'commit_pointer';
type TableName = (typeof TABLES)[number];

// Full-text search runs on terms Dossier's analyser already produced (French/English stems, elisions
// split, accents folded: the same terms MiniSearch indexes), so Lance only splits on spaces. (An
// Index is consumed by the table it is given to: a new one each time.)
const fts = () => lancedb.Index.fts({ baseTokenizer: 'whitespace', lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false });
// IVF_PQ needs enough rows to train on: LanceDB warns below 65,536 (256 × 256 centroids' samples);
// brute force over fewer 384-d vectors stays fast.
export const VECTOR_INDEX_MIN_ROWS = 65_536;
// Versions older than this are removed after a commit; readers follow a new commit on their next question.
const KEEP_OLD_VERSIONS_MS = 10 * 60_000;

function schemas(dimensions: number | null) {
  const text = (name: string): Field<DataType> => new Field(name, new Utf8(), false);
  const int = (name: string): Field<DataType> => new Field(name, new Int32(), false);
  const chunkFields: Field<DataType>[] = [text('id'), text('doc_id'), int('start'), int('end'), text('text'), text('terms'), text('title_terms')];
  if (dimensions) chunkFields.push(new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false));
  return {
    chunks: new Schema(chunkFields),
    // Absent metadata is stored as '': Arrow cannot infer a type from a column of nulls.
    articles: new Schema(['id', 'title', 'source', 'url', 'published', 'language', 'content_hash', 'text'].map(text).concat(int('chunks'))),
    vocabulary: new Schema([text('term'), int('df')]),
  };
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
const inList = (column: string, values: readonly string[]) => `${column} IN (${values.map(quote).join(', ')})`;
// Lance evaluates IN lists row by row: ask in slices so that a query's text stays small.
const IN_SLICE = 500;

// An unreachable object store fails in seconds, not after object_store's default retries (minutes);
// what the configuration sets wins.
const OBJECT_STORE_DEFAULTS = { client_max_retries: '2', client_retry_timeout: '10', connect_timeout: '5s', timeout: '60s' };

function connect({ uri, storageOptions }: LanceLocation): Promise<lancedb.Connection> {
  return lancedb.connect(uri, storageOptions ? { storageOptions: { ...OBJECT_STORE_DEFAULTS, ...storageOptions } } : {});
}

/**
 * An object store's failure (refused credentials, no such bucket, no answer) as one line naming the
 * store, instead of the Rust error's page; other errors pass unchanged.
 */
export function objectStoreFailure(location: LanceLocation, error: unknown): Error {
  const text = String((error as Error)?.message ?? error);
  if (!location.storageOptions || !/store: "S3"|RetryError|ObjectStore/.test(text)) return error as Error;
  const status = /status: (\d{3})/.exec(text)?.[1];
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  const os = /Os \{[^}]*message: "([^"]+)"/.exec(text)?.[1];
  const connect = /ConnectError\("([^"]+)", ([^,\s]+)/.exec(text);
  const reason = status
    ? `it answered HTTP ${status}${code ? ` ${code}` : ''}${status === '403' ? ': check the access key and secret' : status === '404' ? ': check the bucket' : ''}`
    : connect
      ? `cannot reach ${connect[2]} (${os ?? connect[1]}): check the endpoint`
      : text.split('\n')[0]!.slice(0, 200);
  const endpoint = location.storageOptions.endpoint ? ` at ${location.storageOptions.endpoint}` : '';
  return new UserError(
    'index-unreachable',
    {
      en: `The object store holding the index (${location.uri}${endpoint}) cannot be used: ${reason}. Nothing was changed.`,
      fr: `Le stockage objet qui contient l'index (${location.uri}${endpoint}) est inutilisable : ${reason}. Rien n'a été modifié.`,
    },
    { cause: error },
  );
}

/** The commit pointer kept on an object store (POINTER_TABLE), or null when none was written. */
export async function readStoredPointer(location: LanceLocation): Promise<string | null> {
  const db = await connect(location);
  try {
    let table: lancedb.Table;
    try {
      table = await db.openTable(POINTER_TABLE);
    } catch (error) {
      if (/not found|does not exist/i.test((error as Error).message)) return null;
      throw error;
    }
    const [row] = (await table.query().select(['pointer']).limit(1).toArray()) as { pointer: string }[];
    table.close();
    return row?.pointer ?? null;
  } finally {
    db.close();
  }
}

/** Replaces the pointer on the object store: the commit point of a build there. */
export async function writeStoredPointer(location: LanceLocation, pointer: string): Promise<void> {
  const db = await connect(location);
  try {
    const table = await db.createTable(POINTER_TABLE, [{ pointer }], { mode: 'overwrite' });
    // Only the newest pointer matters: older versions of this small table go after the tables' delay.
    await table.optimize({ cleanupOlderThan: new Date(Date.now() - KEEP_OLD_VERSIONS_MS) });
    table.close();
  } finally {
    db.close();
  }
}

export class LanceStore {
  private constructor(
    private readonly db: lancedb.Connection,
    private readonly tables: Record<TableName, lancedb.Table>,
  ) {}

  /** Opens the tables at the versions a commit named (a reader), or at their latest (the writer). */
  static async open(location: LanceLocation, versions?: TableVersions): Promise<LanceStore> {
    const db = await connect(location);
    const tables = {} as Record<TableName, lancedb.Table>;
    for (const name of TABLES) {
      tables[name] = await db.openTable(name);
      if (versions) await tables[name].checkout(versions[name]);
    }
    return new LanceStore(db, tables);
  }

  /**
   * The writer's starting point: the committed versions restored as the latest (undoing what a killed
   * writer added after them), or, with nothing to build on, empty tables.
   */
  static async forWriting(location: LanceLocation, committed: TableVersions | null, dimensions: number | null): Promise<LanceStore> {
    if (committed) {
      const store = await LanceStore.open(location, committed);
      for (const table of Object.values(store.tables)) {
        if ((await table.version()) !== (await latestVersion(table))) await table.restore();
        else await table.checkoutLatest();
      }
      return store;
    }
    const db = await connect(location);
    const shapes = schemas(dimensions);
    const tables = {} as Record<TableName, lancedb.Table>;
    for (const name of TABLES) tables[name] = await db.createEmptyTable(name, shapes[name], { mode: 'overwrite' });
    return new LanceStore(db, tables);
  }

  async versions(): Promise<TableVersions> {
    return { chunks: await this.tables.chunks.version(), articles: await this.tables.articles.version(), vocabulary: await this.tables.vocabulary.version() };
  }

  close(): void {
    for (const table of Object.values(this.tables)) table.close();
    this.db.close();
  }

  // ---- writing (the index lock's holder only) ----

  async addArticles(articles: readonly Article[], chunkCounts: ReadonlyMap<string, number>): Promise<void> {
    if (!articles.length) return;
    await this.tables.articles.add(
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        source: a.source ?? '',
        url: a.url ?? '',
        published: a.published ?? '',
        language: a.language,
        content_hash: a.contentHash,
        text: a.text,
        chunks: chunkCounts.get(a.id) ?? 0,
      })),
    );
  }

  async addChunks(rows: readonly ChunkRow[]): Promise<void> {
    if (rows.length) await this.tables.chunks.add(rows as unknown as Record<string, unknown>[]);
  }

  /** The analysed terms of the chunks of these articles: what leaves the vocabulary when they go. */
  async *termsOf(docIds: readonly string[]): AsyncGenerator<string> {
    for (let i = 0; i < docIds.length; i += IN_SLICE) {
      const rows = await this.tables.chunks.query().where(inList('doc_id', docIds.slice(i, i + IN_SLICE))).select(['terms']).toArray();
      for (const row of rows) yield (row as { terms: string }).terms;
    }
  }

  async deleteArticles(docIds: readonly string[]): Promise<void> {
    for (let i = 0; i < docIds.length; i += IN_SLICE) {
      const slice = docIds.slice(i, i + IN_SLICE);
      await this.tables.chunks.delete(inList('doc_id', slice));
      await this.tables.articles.delete(inList('id', slice));
    }
  }

  async replaceVocabulary(frequency: ReadonlyMap<string, number>): Promise<void> {
    // Overwriting keeps the table (and its history): a reader pinned to an older version still reads it.
    const rows = [...frequency].filter(([, df]) => df > 0).map(([term, df]) => ({ term, df }));
    await this.tables.vocabulary.add(rows, { mode: 'overwrite' });
  }

  /** Brings the search indexes up to date with what was written: creates them, or folds new rows in. */
  async updateIndexes(onVectorIndex?: () => void): Promise<void> {
    const { chunks, articles } = this.tables;
    const existing = new Set((await chunks.listIndices()).map((index) => index.columns.join(',')));
    if (!existing.has('terms')) await chunks.createIndex('terms', { config: fts() });
    if (!existing.has('title_terms')) await chunks.createIndex('title_terms', { config: fts() });
    if (!existing.has('id')) await chunks.createIndex('id', { config: lancedb.Index.btree() });
    if (!existing.has('doc_id')) await chunks.createIndex('doc_id', { config: lancedb.Index.btree() });
    if (!(await articles.listIndices()).length) await articles.createIndex('id', { config: lancedb.Index.btree() });
    const hasVectors = (await chunks.schema()).fields.some((field) => field.name === 'vector');
    if (hasVectors && !existing.has('vector') && (await chunks.countRows()) >= VECTOR_INDEX_MIN_ROWS) {
      onVectorIndex?.();
      await chunks.createIndex('vector', { config: lancedb.Index.ivfPq({ distanceType: 'cosine' }) });
    }
    // Compacts small fragments and adds new rows to every index. Nothing is removed yet: until the new
    // pointer is written, the committed versions are the index.
    for (const table of Object.values(this.tables)) await table.optimize({ cleanupOlderThan: new Date(0) });
  }

  /** After a commit: drops versions older than a few minutes (readers of older ones have moved on). */
  async removeOldVersions(): Promise<void> {
    for (const table of Object.values(this.tables)) await table.optimize({ cleanupOlderThan: new Date(Date.now() - KEEP_OLD_VERSIONS_MS) });
  }

  // ---- reading ----

  /** Each article's id and content hash: what a build compares the corpus with. */
  async hashes(): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    for await (const batch of this.tables.articles.query().select(['id', 'content_hash'])) {
      const [ids, contentHashes] = columns<[string, string]>(batch, 'id', 'content_hash');
      for (let i = 0; i < ids.length; i++) hashes.set(ids[i]!, contentHashes[i]!);
    }
    return hashes;
  }

  /**
   * Every article's metadata, content hash and chunk count, as LanceDB returns them: Arrow batches,
   * whose columns are buffers outside V8's heap, decoded only when read (ArticleColumns).
   */
  async articleColumns(): Promise<ArticleColumns> {
    const batches: RecordBatch[] = [];
    for await (const batch of this.tables.articles.query().select([...META_COLUMNS, 'content_hash', 'chunks'])) batches.push(batch);
    return new ArticleColumns(batches);
  }

  /** What a reader needs at open without reading every article: counts, languages, sources. */
  async summary(): Promise<IndexSummary> {
    const languages = new Set<Language>();
    const sources = new Map<string, { source: string; language: Language }>();
    for await (const batch of this.tables.articles.query().select(['source', 'language'])) {
      const [sourceColumn, languageColumn] = columns<[string, string]>(batch, 'source', 'language');
      for (let i = 0; i < sourceColumn.length; i++) {
        const language = languageOf(languageColumn[i]!);
        languages.add(language);
        if (sourceColumn[i]) sources.set(`${language}:${sourceColumn[i]}`, { source: sourceColumn[i]!, language });
      }
    }
    return { chunks: await this.tables.chunks.countRows(), articles: await this.tables.articles.countRows(), languages: [...languages], sources: [...sources.values()] };
  }

  async countArticles(): Promise<number> {
    return this.tables.articles.countRows();
  }

  async vocabulary(): Promise<Map<string, number>> {
    const frequency = new Map<string, number>();
    for await (const batch of this.tables.vocabulary.query()) {
      const [terms, df] = columns<[string, number]>(batch, 'term', 'df');
      for (let i = 0; i < terms.length; i++) frequency.set(terms[i]!, df[i]!);
    }
    return frequency;
  }

  async countChunks(): Promise<number> {
    return this.tables.chunks.countRows();
  }

  async hasVectors(): Promise<boolean> {
    return (await this.tables.chunks.schema()).fields.some((field) => field.name === 'vector');
  }

  /**
   * BM25 over the chunks' terms (and their title's, at half weight): each concept any of its
   * alternatives. Single terms go in one OR query per column, phrases in one AND query each; their
   * scores add up, as MiniSearch's fields and clauses do in the default store. Plain match queries,
   * not one boolean query: LanceDB skips most postings for those (measured at 45,000 chunks: 3 ms
   * against 54 ms), and near spellings come from the vocabulary's typo correction, not from fuzzy
   * matching (36 ms).
   */
  async keywordSearch(concepts: readonly TermQuery[], limit: number): Promise<SearchHit[]> {
    const alternatives = concepts.flatMap((concept) => concept.alternatives);
    const single = [...new Set(alternatives.filter((terms) => terms.length === 1).map(([term]) => term!))].join(' ');
    const queries: { text: string; column: 'terms' | 'title_terms'; weight: number; operator: lancedb.Operator }[] = [];
    if (single) {
      queries.push({ text: single, column: 'terms', weight: 1, operator: lancedb.Operator.Or });
      queries.push({ text: single, column: 'title_terms', weight: 0.5, operator: lancedb.Operator.Or });
    }
    for (const terms of alternatives.filter((t) => t.length > 1)) queries.push({ text: terms.join(' '), column: 'terms', weight: 1, operator: lancedb.Operator.And });
    const results = await Promise.all(
      queries.map(
        async ({ text, column, weight, operator }) =>
          ((await this.tables.chunks.query().fullTextSearch(new lancedb.MatchQuery(text, column, { operator })).select(['id', 'doc_id', '_score']).limit(limit).toArray()) as {
            id: string;
            doc_id: string;
            _score: number;
          }[]).map((row) => ({ chunkId: row.id, docId: row.doc_id, score: weight * row._score })),
      ),
    );
    const summed = new Map<string, SearchHit>();
    for (const hit of results.flat()) {
      const entry = summed.get(hit.chunkId);
      if (entry) entry.score += hit.score;
      else summed.set(hit.chunkId, { ...hit });
    }
    return [...summed.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  async vectorSearch(vector: readonly number[], limit: number): Promise<SearchHit[]> {
    const rows = (await this.tables.chunks
      .query()
      .nearestTo([...vector])
      .distanceType('cosine')
      .refineFactor(4) // re-ranks IVF_PQ's approximate neighbours on the exact vectors
      .select(['id', 'doc_id', '_distance'])
      .limit(limit)
      .toArray()) as { id: string; doc_id: string; _distance: number }[];
    return rows.map((row) => ({ chunkId: row.id, docId: row.doc_id, score: 1 - row._distance }));
  }

  async chunks(ids: readonly string[]): Promise<Chunk[]> {
    if (!ids.length) return [];
    const rows = (await this.tables.chunks.query().where(inList('id', ids)).select(['id', 'doc_id', 'start', 'end', 'text']).toArray()) as ChunkRow[];
    return rows.map((row) => ({ id: row.id, docId: row.doc_id, start: row.start, end: row.end, text: row.text }));
  }

  async articles(ids: readonly string[]): Promise<Article[]> {
    if (!ids.length) return [];
    const rows = (await this.tables.articles.query().where(inList('id', ids)).toArray()) as ArticleRow[];
    return rows.map((row) => ({ ...metaOf(row), text: row.text, contentHash: row.content_hash }));
  }

  /**
   * Every article, a few dozen at a time, with a turn of the event loop between them: whoever reads
   * them all (the timeline, the corpus's names) works in slices a bot's other work can pass between.
   */
  async *allArticles(): AsyncGenerator<Article[]> {
    for await (const batch of this.tables.articles.query()) {
      yield* inSlices(articlesOf(batch));
    }
  }
}

/**
 * The articles' metadata an open index keeps: the Arrow batches read at open, not a JavaScript object
 * per article. A bot's answering thread holds this for its lifetime, and for two indexes while it swaps
 * to a new one: as an object per article (and its strings), which each full garbage collection of that
 * thread traces, an index of 100,000 articles took 45 MB of its heap; as batches, 7 MB with the
 * vocabulary (measured). Rows are decoded when read: a page of them (/sources), the manifest's documents (/status).
 */
export class ArticleColumns implements ArticleList {
  private batches: RecordBatch[];
  readonly length: number;

  constructor(batches: RecordBatch[]) {
    this.batches = batches;
    this.length = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  }

  /** The sum of the articles' chunk counts. */
  chunkTotal(): number {
    let total = 0;
    for (const batch of this.batches) for (const chunks of batch.getChild('chunks')!.toArray() as Int32Array) total += chunks;
    return total;
  }

  /** The metadata of rows start to end (as Array.prototype.slice counts them), decoded now. */
  slice(start = 0, end = this.length): ArticleMeta[] {
    const from = Math.max(0, start < 0 ? this.length + start : start);
    const to = Math.min(this.length, end < 0 ? this.length + end : end);
    const metas: ArticleMeta[] = [];
    let offset = 0;
    for (const batch of this.batches) {
      const first = Math.max(from - offset, 0);
      const last = Math.min(to - offset, batch.numRows);
      offset += batch.numRows;
      if (first >= last) continue;
      const [ids, titles, sources, urls, published, languages] = META_COLUMNS.map((name) => batch.getChild(name)!);
      for (let i = first; i < last; i++) {
        metas.push(metaOf({ id: ids!.get(i) as string, title: titles!.get(i) as string, source: sources!.get(i) as string, url: urls!.get(i) as string, published: published!.get(i) as string, language: languages!.get(i) as string }));
      }
    }
    return metas;
  }

  /** Each article's content hash and chunk count, by id. */
  documents(): Record<string, StoredDocument> {
    const documents: Record<string, StoredDocument> = {};
    for (const batch of this.batches) {
      const [ids, hashes, chunks] = columns<[string, string, number]>(batch, 'id', 'content_hash', 'chunks');
      for (let i = 0; i < ids.length; i++) documents[ids[i]!] = { hash: hashes[i]!, chunks: chunks[i]! };
    }
    return documents;
  }

  /** Lets the buffers go when their index is closed, whoever still holds the index. */
  release(): void {
    this.batches = [];
  }
}

interface ArticleRow {
  id: string;
  title: string;
  source: string;
  url: string;
  published: string;
  language: string;
  content_hash: string;
  text: string;
  chunks: number;
}

// Made one at a time as the slices are read: a batch's texts are decoded a slice at a time.
function* articlesOf(batch: RecordBatch): Generator<Article> {
  for (const row of rowsOf<ArticleRow>(batch)) yield { ...metaOf(row), text: row.text, contentHash: row.content_hash };
}

const META_COLUMNS = ['id', 'title', 'source', 'url', 'published', 'language'] as const;

function metaOf(row: Pick<ArticleRow, (typeof META_COLUMNS)[number]>): ArticleMeta {
  return {
    id: row.id,
    title: row.title,
    ...(row.source ? { source: row.source } : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.published ? { published: row.published } : {}),
    language: languageOf(row.language),
  };
}

const languageOf = (stored: string): Language => (stored === 'en' ? 'en' : 'fr');

// Whole columns at once: far cheaper than Arrow's row objects, which read each field through a proxy.
function columns<T extends unknown[]>(batch: RecordBatch, ...names: string[]): { [K in keyof T]: ArrayLike<T[K]> } {
  return names.map((name) => batch.getChild(name)!.toArray() as ArrayLike<unknown>) as { [K in keyof T]: ArrayLike<T[K]> };
}

// Arrow rows read their columns lazily; the row types name the columns each query selects.
const rowsOf = <T>(batch: RecordBatch) => batch.toArray() as unknown as T[];

async function latestVersion(table: lancedb.Table): Promise<number> {
  const versions = await table.listVersions();
  return Math.max(...versions.map((v) => v.version));
}
