// The LanceDB index on an S3-compatible object store (s3rver on 127.0.0.1): one process builds it
// there, another with its own empty data folder and only the URI answers from it and follows a
// re-index's commit; wrong keys and an unreachable endpoint fail in one line and change nothing.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { startObjectStore, S3_KEYS } from '../support/object-store.js';
import { cliProcess } from '../support/processes.js';
import { makeWorkspace } from '../support/workspace.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

function addArticles(corpusDir: string, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    const text = Array.from({ length: 8 }, (_, j) => `Le fait numéro ${i}-${j} concerne la ville fictive de Zorbaville et son conseil municipal.`).join('\n');
    writeFileSync(path.join(corpusDir, `extra-${i}.md`), `---\ntitle: Article ${i}\n---\n${text}\n`);
  }
}

// What the user reads: the error's line, and no Rust error dump anywhere in the output.
function errorLines(output: string): string[] {
  expect(output).not.toMatch(/RetryError|Location \{/);
  return output.split('\n').filter((line) => line.startsWith('Error'));
}

describe('the LanceDB index on an object store', () => {
  it('is built by one process, read by another from the URI alone, followed after a re-index; bad keys or endpoint change nothing', { timeout: 120_000 }, async () => {
    const writer = makeWorkspace();
    const reader = makeWorkspace({ corpus: false });
    const store = await startObjectStore(path.join(writer.root, 's3'), 'dossier');
    let engine: Engine | undefined;
    cleanup = async () => {
      await engine?.close();
      await store.close();
      writer.cleanup();
      reader.cleanup();
    };
    const s3 = {
      DOSSIER_STORE: 'lancedb',
      DOSSIER_LANCEDB_URI: 's3://dossier/news/index',
      DOSSIER_LANCEDB_ENDPOINT: store.endpoint,
      DOSSIER_LANCEDB_REGION: 'us-east-1',
      DOSSIER_LANCEDB_ACCESS_KEY_ID: S3_KEYS.id,
      DOSSIER_LANCEDB_SECRET_ACCESS_KEY: S3_KEYS.secret,
      DOSSIER_LANCEDB_ALLOW_HTTP: 'true',
    };
    const writerEnv = { ...writer.env, ...s3 };
    const built = await cliProcess(['index'], writerEnv);
    expect(built.code, built.err).toBe(0);
    // The tables and the pointer are on the object store, not in the writer's data folder.
    expect(existsSync(path.join(writer.dataDir, 'lance'))).toBe(false);
    expect(existsSync(path.join(writer.root, 's3', 'dossier', 'news', 'index', 'chunks.lance'))).toBe(true);

    // The reader: no corpus (an empty folder it must not "index"), its own data folder, the URI.
    mkdirSync(reader.corpusDir);
    const readerEnv = { ...reader.env, ...s3, DOSSIER_INDEX_READ_ONLY: 'true' };
    engine = await Engine.open(loadConfig(readerEnv, reader.root));
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    expect(engine.articles).toHaveLength(5);
    expect((await engine.ask('Que concerne le fait numéro 2-3 à Zorbaville ?')).refusal).toBeDefined();
    const first = engine.searchIndex.generation;
    expect(existsSync(path.join(reader.dataDir, 'lance'))).toBe(false);
    await expect(engine.reindex()).rejects.toMatchObject({ code: 'index-read-only' });

    // A re-index on the writer's side: the reader answers from it on its next question.
    addArticles(writer.corpusDir, 0, 3);
    const reindexed = await cliProcess(['index'], writerEnv);
    expect(reindexed.code, reindexed.err).toBe(0);
    expect((await engine.ask('Que concerne le fait numéro 2-3 à Zorbaville ?')).refusal).toBeUndefined();
    expect(engine.searchIndex.generation).not.toBe(first);
    expect(engine.articles).toHaveLength(8);
    const second = engine.searchIndex.generation;

    // Wrong keys: one line, the exit code of a user error, nothing written.
    addArticles(writer.corpusDir, 3, 2);
    const refused = await cliProcess(['index'], { ...writerEnv, DOSSIER_LANCEDB_SECRET_ACCESS_KEY: 'not-the-secret', DOSSIER_LANCEDB_ACCESS_KEY_ID: 'NOT-A-KEY' });
    expect(refused.code, refused.err).toBe(2);
    expect(errorLines(refused.err)).toEqual([expect.stringMatching(/^Error: The object store holding the index \(s3:\/\/dossier\/news\/index at http:\/\/127\.0\.0\.1:\d+\) cannot be used: it answered HTTP 403 InvalidAccessKeyId: check the access key and secret\. Nothing was changed\.$/)]);
    // An endpoint nothing listens on: the same, for a reader starting.
    const unreachable = await cliProcess(['ask', 'When did US troops leave Agadez?'], { ...readerEnv, DOSSIER_LANCEDB_ENDPOINT: 'http://127.0.0.1:9' });
    expect(unreachable.code, unreachable.err).toBe(2);
    expect(errorLines(unreachable.err)).toEqual([expect.stringMatching(/cannot be used: cannot reach 127\.0\.0\.1:9 \(Connection refused\): check the endpoint\. Nothing was changed\.$/)]);
    expect((await engine.ask('When did US troops leave Agadez?')).refusal).toBeUndefined();
    expect(engine.searchIndex.generation).toBe(second);
    expect(engine.articles).toHaveLength(8);
  });
});
